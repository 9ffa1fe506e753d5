"""The reporting lists cost as many queries for 30 rows as for 3 (opened as
the web client does after login: scm_base/tests/listing.py)."""

from itertools import count

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .report_common import ScmReportCase

HEATMAP = "scm_audit.action_scm_audit_heatmap"
MONTHLY = "scm_audit.action_scm_assessment_month"
FINDINGS = "scm_audit.action_scm_audit_finding"
FINDINGS_BY_UNIT = "scm_audit.action_scm_audit_report_findings_unit"


@tagged("post_install", "-at_install")
class TestReportListQueries(ScmReportCase):
    def setUp(self):
        super().setUp()
        self.serial = count(1)

    def make_heat_rows(self, number):
        """`number` new rows of the heat map: a violation in Wuhan in a month
        of its own, long ago."""
        for _index in range(number):
            months = next(self.serial)
            self.make_violation(
                self.wh_consultant,
                date=fields.Datetime.now() - relativedelta(years=5, months=months),
            )

    def make_month_rows(self, number):
        """`number` new months of the Wuhan consultant, long ago."""
        for _index in range(number):
            month = self.month - relativedelta(years=5, months=next(self.serial))
            self.Entry.sudo().create(
                {
                    "user_id": self.wh_consultant.id,
                    "company_id": self.wuhan.id,
                    "period": month,
                    "source": "training",
                    "score": 1.0,
                    "description": "培训成绩（测试）",
                }
            )

    def make_findings(self, number):
        """`number` confirmed findings of Wuhan (its manager is the audited
        manager: "My Findings")."""
        report = self.make_report()
        for _index in range(number):
            self.make_finding(report, title=f"列表测试发现 {next(self.serial):03d}")
        self.as_client(report, self.auditor).action_confirm()

    def test_heatmap_list(self):
        assert_constant_list_queries(self, HEATMAP, self.auditor, self.make_heat_rows)

    def test_monthly_assessment_list_branch_manager(self):
        assert_constant_list_queries(
            self, MONTHLY, self.wh_manager, self.make_month_rows
        )

    def test_monthly_assessment_list_audit(self):
        assert_constant_list_queries(self, MONTHLY, self.auditor, self.make_month_rows)

    def test_finding_list_audited_manager(self):
        assert_constant_list_queries(
            self, FINDINGS, self.wh_manager, self.make_findings
        )

    def test_findings_by_unit_list_audit(self):
        assert_constant_list_queries(
            self, FINDINGS_BY_UNIT, self.auditor, self.make_findings
        )
