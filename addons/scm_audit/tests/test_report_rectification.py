from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .report_common import ScmReportCase


@tagged("post_install", "-at_install")
class TestReportRectification(ScmReportCase):
    """Rectification on time vs late (issue 14, "Reporting"; AUD-GEN-03,
    AUD-GEN-04): stored on each finding for the pivot by branch and month."""

    def recheck(self, finding, result="passed"):
        self.as_client(finding, self.auditor).action_scm_recheck(
            result, "复查：已按计划整改。"
        )

    def test_aud_gen_04_closed_on_the_due_date_is_on_time(self):
        """Boundary: a passed re-check on the plan's date is on time."""
        finding = self.planned_finding(due=self.today)
        self.assertEqual(finding.rectification_timeliness, "open")
        self.recheck(finding)
        self.assertEqual(finding.state, "closed")
        self.assertEqual(finding.rectification_timeliness, "on_time")
        self.assertEqual(finding.rectification_closed_on, finding.rectification_due)

    def test_aud_gen_04_closed_the_day_after_is_late(self):
        """Boundary: a passed re-check the day after the plan's date is
        late."""
        finding = self.planned_finding(due=self.today)
        with freeze_time(fields.Datetime.now() + timedelta(days=1)):
            self.recheck(finding)
        self.assertEqual(finding.state, "closed")
        self.assertEqual(finding.rectification_timeliness, "late")
        self.assertEqual(
            finding.rectification_closed_on, self.today + timedelta(days=1)
        )

    def test_aud_gen_03_open_after_its_date_is_late_live_and_stored(self):
        """Still open after the plan's date: late. The search reads it live;
        the daily job stores it for the pivot."""
        finding = self.planned_finding(due=self.today)
        Finding = self.Finding.sudo()
        late_domain = [
            ("id", "=", finding.id),
            "|",
            ("rectification_timeliness", "=", "late"),
            ("rectification_late", "=", True),
        ]
        self.assertFalse(Finding.search(late_domain))
        with freeze_time(fields.Datetime.now() + timedelta(days=2)):
            self.assertEqual(Finding.search(late_domain), finding)
            self.assertEqual(finding.rectification_timeliness, "open")
            self.assertEqual(Finding._cron_scm_rectification_timeliness(), 1)
            self.assertEqual(finding.rectification_timeliness, "late")
            self.assertEqual(Finding._cron_scm_rectification_timeliness(), 0)

    def test_aud_gen_04_failed_recheck_is_late(self):
        """A failed re-check: the rectification was not done by its date,
        late even once a later re-check passes."""
        finding = self.planned_finding(due=self.today)
        self.recheck(finding, "failed")
        self.assertEqual(finding.state, "confirmed")
        self.assertEqual(finding.rectification_timeliness, "late")
        self.as_client(
            finding, finding.audited_user_id
        ).action_scm_submit_rectification("再次整改。", self.today)
        self.recheck(finding)
        self.assertEqual(finding.state, "closed")
        self.assertEqual(finding.rectification_timeliness, "late")

    def test_pivot_on_time_vs_late_by_branch_and_month(self):
        """The pivot "Rectification: On Time vs Late": by branch and month."""
        on_time = self.planned_finding(due=self.today)
        self.recheck(on_time)
        late = self.planned_finding(due=self.today)
        self.recheck(late, "failed")
        Finding = self.as_client(self.Finding, self.auditor)
        groups = Finding.read_group(
            [("id", "in", (on_time | late).ids)],
            ["__count"],
            ["company_id", "period:month", "rectification_timeliness"],
            lazy=False,
        )
        cells = {
            (g["company_id"][0], g["rectification_timeliness"]): g["__count"]
            for g in groups
        }
        self.assertEqual(
            cells, {(self.wuhan.id, "on_time"): 1, (self.wuhan.id, "late"): 1}
        )
        self.env.ref("scm_audit.action_scm_audit_report_rectification")
