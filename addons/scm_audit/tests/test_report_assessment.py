from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .report_common import ScmReportCase

REPORT = "scm_audit.report_scm_assessment_month"


@tagged("post_install", "-at_install")
class TestReportMonthlyAssessment(ScmReportCase):
    """The whole assessment picture of a month per person (ORG-RULE-12)."""

    def test_org_rule_12_month_shows_deadlines_findings_and_training(self):
        """ORG-RULE-12, AUD-GEN-02: the person's month shows the deadlines met
        on time, met late and missed, the audit findings of the month's
        audits, the training results and commendations (scm_training's
        entries), and the total of the entries' scores."""
        person = self.wh_consultant
        before = self.counts(person)
        self.make_deadline(person, state="done")
        self.make_deadline(person, state="done")
        self.make_deadline(person, state="done", late=True)
        self.make_deadline(person)
        # Due next month: not this month's.
        self.make_deadline(person, due=self.month_start + relativedelta(months=1))
        finding = self.confirmed_finding(person)
        self.Entry._scm_add(person, "training", "培训考试合格（测试）", 2.0)
        self.Entry._scm_add(person, "commendation", "客户书面表扬（测试）", 3.0)
        after = self.counts(person)
        delta = {name: after[name] - before[name] for name in after}
        self.assertEqual(delta["deadline_on_time_count"], 2)
        self.assertEqual(delta["deadline_late_count"], 1)
        self.assertEqual(delta["deadline_missed_count"], 1)
        self.assertEqual(delta["finding_count"], 1)
        self.assertEqual(delta["audit_entry_count"], 1)
        self.assertEqual(delta["training_entry_count"], 1)
        self.assertEqual(delta["commendation_entry_count"], 1)
        # The finding's level 1 scores -1 (AUD-ESC-01), training +2,
        # commendation +3.
        self.assertAlmostEqual(delta["score"], 4.0)
        row = self.month_row(person)
        self.assertEqual(row.company_id, self.wuhan)
        self.assertIn(finding, row._scm_findings())
        self.assertEqual(
            set(row._scm_entries().mapped("source")) & {"audit", "training"},
            {"audit", "training"},
        )
        # The audited manager's entry of the finding is in his own month.
        manager = self.month_row(self.wh_manager)
        self.assertIn("audit", manager._scm_entries().mapped("source"))
        self.assertIn("培训考试合格", row.entries_html)

    def test_org_rule_12_other_month_apart(self):
        """A month's row holds only that month: last month's deadline is in
        last month's row."""
        person = self.wh_consultant2
        last = self.month - relativedelta(months=1)
        before = self.counts(person, last)
        self.make_deadline(person, due=self.month_start - relativedelta(days=3))
        self.assertEqual(
            self.counts(person, last)["deadline_missed_count"],
            before["deadline_missed_count"] + 1,
        )

    def test_org_rule_12_report_prints_each_person_with_entries(self):
        """The Monthly Assessment Report prints, for the month, each person
        with the deadline counts and each entry with its description."""
        self.make_deadline(self.wh_consultant)
        self.confirmed_finding(self.wh_consultant2)
        self.Entry._scm_add(
            self.wh_consultant, "training", "讲师授课评价优秀（测试）", 1.0
        )
        rows = self.month_row(self.wh_consultant) | self.month_row(self.wh_consultant2)
        self.assertEqual(len(rows), 2)
        # Printed by the Wuhan branch manager, who reads his people's rows.
        Report = self.as_client(self.env["ir.actions.report"], self.wh_manager)
        html, _kind = Report._render_qweb_html(REPORT, rows.ids)
        html = html.decode()
        self.assertIn("Monthly Assessment Report", html)
        self.assertIn(self.month.strftime("%Y-%m"), html)
        self.assertIn(self.wh_consultant.name, html)
        self.assertIn(self.wh_consultant2.name, html)
        self.assertIn("讲师授课评价优秀", html)
        self.assertIn("未按时提交月度销售计划", html)
        self.assertIn("Deadlines Missed", html)
