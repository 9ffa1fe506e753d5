"""The satisfaction lists cost as many queries for 30 records as for 3 (the
menus' actions, opened as the web client does after login:
scm_base/tests/listing.py): as the Audit Dept (every survey), as the
Beijing branch manager (his branch's completed surveys) and the quarter
flags as the Audit Dept."""

from itertools import count

from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .sat_common import ScmSatisfactionCase

SURVEYS = "scm_audit.action_sat_survey"
QUARTERS = "scm_audit.action_sat_quarter"


@tagged("post_install", "-at_install")
class TestSatisfactionListQueries(ScmSatisfactionCase):
    def setUp(self):
        super().setUp()
        self.serial = count(1)
        self.customers = self.env["res.partner"].search(
            [("scm_is_customer", "=", True), ("company_id", "=", self.beijing.id)]
        )

    def make_surveys(self, number):
        """Completed surveys of Beijing's customers, each with what its row
        shows: the quarter, the customer, the auditor, the score and result,
        the branch manager, the measures' and re-check's dates."""
        Survey = self.Survey.sudo()
        for _index in range(number):
            serial = next(self.serial)
            poor = serial % 2
            Survey.create(
                {
                    "name": f"MYBJ-2040Q1-{serial:02d}",
                    "year": 2040,
                    "quarter": str(serial % 4 + 1),
                    "company_id": self.beijing.id,
                    "partner_id": self.customers[serial % len(self.customers)].id,
                    "auditor_id": self.auditor.id,
                    "method": "paper",
                    "score": 50 if poor else 80,
                    "score_recorded": True,
                    "state": "measures" if poor else "completed",
                    "branch_manager_id": self.bj_manager.id,
                    "completed_by_id": self.auditor.id,
                    "measures_due": "2040-01-05 15:59:59" if poor else False,
                    "recheck_due": "2040-01-09" if poor else False,
                }
            )

    def make_quarters(self, number):
        Quarter = self.Quarter.sudo()
        for _index in range(number):
            serial = next(self.serial)
            Quarter.create(
                {
                    "name": f"{2100 + serial}-Q1",
                    "year": 2100 + serial,
                    "quarter": "1",
                    "date_start": f"{2100 + serial}-01-01",
                    "date_end": f"{2100 + serial}-03-31",
                    "survey_count": serial % 2,
                    "flagged": not serial % 2,
                }
            )

    def test_surveys_audit(self):
        """Satisfaction > Satisfaction Surveys as the Audit Dept."""
        assert_constant_list_queries(self, SURVEYS, self.auditor, self.make_surveys)

    def test_surveys_branch_manager(self):
        """Satisfaction > Satisfaction Surveys as the Beijing branch manager."""
        assert_constant_list_queries(self, SURVEYS, self.bj_manager, self.make_surveys)

    def test_quarters_audit(self):
        """Satisfaction > Quarter Flags as the Audit Dept."""
        assert_constant_list_queries(self, QUARTERS, self.auditor, self.make_quarters)
