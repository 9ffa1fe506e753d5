from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .runin_common import RuninCase


@tagged("post_install", "-at_install")
class TestRuninTraining(RuninCase):
    """PRJ-RUN-02 monitoring, PRJ-ELEM-10/11 training and assessment,
    PRJ-RUN-11 certificates."""

    def test_prj_run_02_monitoring_days_and_serious_issue(self):
        """PRJ-RUN-02: at least 1 day on site (warning below 2); a serious
        issue notifies the PM; the PM's escalation to the customer lead is
        logged."""
        Monitoring = self.as_client(
            self.env["scm.project.runin.monitoring"], self.wh_consultant
        )
        with self.assertRaises(ValidationError):
            Monitoring.create({"project_id": self.project.id, "days_on_site": 0.5})
        monitoring = Monitoring.create(
            {
                "project_id": self.project.id,
                "days_on_site": 1,
                "observations": "操作员未按单据流转规范操作",
                "issue_ids": [
                    (0, 0, {"name": "仓库未审核就出库", "serious": True}),
                    (0, 0, {"name": "字体设置不统一"}),
                ],
            }
        )
        self.assertTrue(monitoring.days_warning)
        serious = monitoring.issue_ids.filtered("serious")
        self.assertTrue(serious.pm_notified)
        self.assertIn(
            self.wh_manager.partner_id, self.notices(monitoring).recipient_ids
        )
        self.assertDenied(
            self.as_client(serious, self.wh_consultant).action_escalate, "张总"
        )
        self.as_client(serious, self.wh_manager).action_escalate("楚风 张总")
        self.assertTrue(serious.escalated)
        self.assertEqual(serious.escalated_to, "楚风 张总")
        self.assertEqual(serious.escalated_by_id, self.wh_manager)
        with self.assertRaises(UserError):
            self.as_client(
                monitoring.issue_ids - serious, self.wh_manager
            ).action_escalate("张总")
        self.assertFalse(
            Monitoring.create(
                {"project_id": self.project.id, "days_on_site": 2}
            ).days_warning
        )

    def test_prj_elem_10_sessions_held_only_after_customer_confirms(self):
        """PRJ-ELEM-10: no session is held before the customer confirmed the
        training plan."""
        Plan = self.as_client(self.env["scm.project.training.plan"], self.wh_consultant)
        plan = Plan.create(
            {
                "project_id": self.project.id,
                "session_ids": [
                    (
                        0,
                        0,
                        {
                            "date": self.today,
                            "topic": "销售单据操作",
                            "trainees": "销售部 5 人",
                        },
                    )
                ],
            }
        )
        session = plan.session_ids
        with self.assertRaisesRegex(UserError, "PRJ-ELEM-10"):
            self.as_client(session, self.wh_consultant).action_mark_held()
        self.as_client(plan, self.wh_manager)._scm_record_customer_signature(
            "楚风 张总", self.today
        )
        self.as_client(session, self.wh_consultant).action_mark_held()
        self.assertTrue(session.held)
        with self.assertRaises(UserError):
            self.as_client(session, self.wh_consultant).write({"topic": "改"})
        self.assertDenied(self.as_client(plan, self.bj_manager).read, ["name"])

    def assessment(self):
        Assessment = self.as_client(
            self.env["scm.project.operator.assessment"], self.wh_consultant
        )
        return Assessment.create(
            {
                "project_id": self.project.id,
                "line_ids": [
                    (0, 0, {"trainee_name": "李会计", "score": 92, "result": "pass"}),
                    (0, 0, {"trainee_name": "王出纳", "score": 55, "result": "fail"}),
                ],
            }
        )

    def test_prj_elem_11_each_trainee_has_a_result(self):
        """PRJ-ELEM-11: each trainee has a result (pass/fail) and a score."""
        Line = self.env["scm.project.operator.assessment.line"]
        self.assertTrue(Line._fields["result"].required)
        self.assertTrue(Line._fields["score"].required)
        record = self.assessment()
        self.assertEqual(record.line_ids.mapped("result"), ["pass", "fail"])

    def test_prj_run_11_operator_certificate_only_for_pass(self):
        """PRJ-RUN-11: the operator certificate prints only for a trainee
        with "pass"."""
        record = self.assessment()
        passed = record.line_ids.filtered(lambda line: line.result == "pass")
        failed = record.line_ids - passed
        report = self.env["ir.actions.report"].with_user(self.wh_consultant)
        name = "scm_projects.report_runin_operator_certificate"
        html = report._render_qweb_html(name, passed.ids)[0]
        self.assertIn("李会计", html.decode())
        with self.assertRaisesRegex(UserError, "PRJ-RUN-11"):
            report._render_qweb_html(name, failed.ids)
        with self.assertRaises(UserError):
            self.as_client(failed, self.wh_consultant).action_print_certificate()

    def test_prj_run_11_enterprise_certificate_after_acceptance(self):
        """PRJ-RUN-11: the qualification certificate prints after the
        project's acceptance."""
        report = self.env["ir.actions.report"].with_user(self.wh_manager)
        name = "scm_projects.report_runin_enterprise_certificate"
        with self.assertRaisesRegex(UserError, "PRJ-RUN-11"):
            report._render_qweb_html(name, self.project.ids)
        self.project._scm_set_phase("accepted")
        html = report._render_qweb_html(name, self.project.ids)[0]
        self.assertIn("楚风", html.decode())

    def test_prj_run_03_qc_error_form_prints(self):
        """PRJ-RUN-03: the QC Error Form, the suggestion and the need print."""
        fault = (
            self.env["scm.project.fault"]
            .with_user(self.wh_consultant)
            .create(
                {
                    "project_id": self.project.id,
                    "name": "打印测试",
                    "occurrence_time": "2026-01-05 02:30:00",
                    "software_version": "SCMS V6.2",
                    "module_name": "销售管理",
                    "error_screen_text": "错误",
                    "symptom": "报错",
                    "program_name": "so_edit.prg",
                }
            )
        )
        report = self.env["ir.actions.report"].with_user(self.wh_consultant)
        html = report._render_qweb_html("scm_projects.report_runin_fault", fault.ids)[0]
        self.assertIn("so_edit.prg", html.decode())
