from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .runin_common import RuninCase


@tagged("post_install", "-at_install")
class TestRuninSecurity(RuninCase):
    """Who sees and changes the run-in documents (the _branch/_team/_hq
    pattern, QC and MRD additions)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        consultant = cls.env["scm.project.runin.monitoring"].with_user(
            cls.wh_consultant
        )
        cls.monitoring = consultant.create(
            {
                "project_id": cls.project.id,
                "days_on_site": 2,
                "issue_ids": [(0, 0, {"name": "单据未审核"})],
            }
        )
        cls.suggestion = (
            cls.env["scm.project.suggestion"]
            .with_user(cls.wh_consultant)
            .create(
                {
                    "project_id": cls.project.id,
                    "name": "打印预览",
                    "description": "增加打印预览",
                }
            )
        )

    def test_prj_run_02_auditor_read_only(self):
        """PRJ-RUN-02: the auditor reads the run-in documents and changes
        none, nor deletes their lines."""
        as_audit = self.as_client(self.monitoring, self.auditor)
        self.assertEqual(as_audit.read(["days_on_site"])[0]["days_on_site"], 2)
        self.assertDenied(as_audit.write, {"observations": "审计改"})
        issue = self.as_client(self.monitoring.issue_ids, self.auditor)
        self.assertDenied(issue.unlink)
        self.assertDenied(issue.write, {"name": "改"})
        suggestion = self.as_client(self.suggestion, self.auditor)
        self.assertEqual(suggestion.read(["name"])[0]["name"], "打印预览")
        self.assertDenied(suggestion.write, {"name": "改"})
        self.assertDenied(suggestion.action_submit)

    def test_prj_run_07_mrd_sees_what_was_sent_to_it(self):
        """PRJ-RUN-07: MRD reads a suggestion once sent, not the team's
        draft; Beijing never."""
        as_mrd = self.as_client(self.suggestion, self.mrd_manager)
        with self.assertRaises(AccessError):
            as_mrd.read(["name"])
        self.as_client(self.suggestion, self.wh_consultant).write(
            {"importance": "normal", "urgency": "normal"}
        )
        self.as_client(self.suggestion, self.wh_consultant).action_submit()
        self.assertEqual(as_mrd.read(["state"])[0]["state"], "submitted")
        with self.assertRaises(AccessError):
            self.as_client(self.suggestion, self.bj_manager).read(["name"])

    def test_prj_run_09_bj_cannot_see_report_requests(self):
        """PRJ-RUN-09: another branch sees none of the project's requests."""
        request = (
            self.env["scm.project.report.request"]
            .with_user(self.wh_manager)
            .create({"project_id": self.project.id, "name": "毛利报表"})
        )
        with self.assertRaises(AccessError):
            self.as_client(request, self.bj_manager).read(["name"])
        with self.assertRaises(UserError):
            self.as_client(request, self.auditor).action_deliver()

    def test_runin_views_and_menus_load(self):
        """The run-in menus open their views for the team and for HQ."""
        for xmlid in (
            "action_runin_fault",
            "action_runin_fault_by_cause",
            "action_runin_suggestion",
            "action_runin_need",
            "action_runin_report_request",
            "action_runin_quota_use",
            "action_runin_monitoring",
            "action_runin_training_plan",
            "action_runin_operator_assessment",
        ):
            action = self.env.ref(f"scm_projects.{xmlid}")
            for user in (self.wh_consultant, self.tsms, self.auditor):
                model = self.env[action.res_model].with_user(user)
                views = model.get_views(
                    [(False, mode) for mode in action.view_mode.split(",")]
                    + [(False, "search")]
                )
                self.assertIn("form", views["views"])
                model.web_search_read([], {"display_name": {}})
        project_form = (
            self.env["project.project"]
            .with_user(self.wh_manager)
            .get_views([(False, "form")])
        )
        self.assertIn("scm_free_report_left", project_form["views"]["form"]["arch"])
        data = self.as_client(self.project, self.wh_manager).web_read(
            {"scm_free_report_used": {}, "scm_free_report_left": {}}
        )
        self.assertEqual(data[0]["scm_free_report_left"], 10)
