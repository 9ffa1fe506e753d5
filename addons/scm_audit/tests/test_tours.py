from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAuditTours(HttpCase):
    """An audit finding in the browser, in the audited person's own login
    with the company selection the web client gives after login (tour in
    static/tests/tours/scm_audit_finding_tours.js)."""

    def test_aud_gen_03_rectification_plan_given_in_the_browser(self):
        """AUD-GEN-01/03/04: audit.staff confirms a report with a finding
        against wh.consultant; he gives the rectification measures and date
        in his own login: the finding is planned, a correction action is
        opened for him and the lead auditor owes the re-check on that date;
        the re-check then closes it."""
        ref = self.env.ref
        auditor = ref("scm_base.user_audit_staff")
        person = ref("scm_base.user_wh_consultant")
        report = (
            self.env["scm.audit.report"]
            .with_user(auditor)
            .create(
                {
                    "title": "武汉分公司流程稽核（导览）",
                    "company_id": ref("scm_base.company_wh").id,
                }
            )
        )
        finding = (
            self.env["scm.audit.finding"]
            .with_user(auditor)
            .create(
                {
                    "report_id": report.id,
                    "title": "未按时提交月度销售计划（导览）",
                    "description": "稽核抽查发现：当月销售计划逾期提交。",
                    "rule_code": "SAL-PLAN-01",
                    "audited_user_id": person.id,
                }
            )
        )
        report.with_user(auditor).action_confirm()
        finding = finding.sudo()
        self.assertEqual(finding.state, "confirmed")
        self.start_tour(
            f"/odoo/action-scm_audit.action_scm_audit_finding/{finding.id}",
            "scm_audit_person_gives_rectification_plan",
            login="wh.consultant",
        )
        today = fields.Date.context_today(finding.with_user(person))
        self.assertEqual(finding.state, "planned")
        self.assertEqual(finding.rectification_due, today)
        self.assertEqual(finding.rectification_by_id, person)
        self.assertEqual(
            finding.rectification_plan, "补交当月销售计划，并在周例会上通报。"
        )
        self.assertEqual(finding.rectification_action_id.user_id, person)
        self.assertTrue(finding._scm_deadlines("AUD-GEN-04", report.lead_auditor_id))
        finding.with_user(auditor).action_scm_recheck("passed", "已补交并通报。")
        self.assertEqual(finding.state, "closed")
