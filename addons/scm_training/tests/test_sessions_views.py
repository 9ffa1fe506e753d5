from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScmTrainingCase
from .test_sessions_workflow import HEADINGS


@tagged("post_install", "-at_install")
class TestSessionsViews(ScmTrainingCase):
    """The session's views, search filters and the PDFs of its method
    (《培训实施办法》, TRN-PLAN-04) and handout (《培训讲义》, TRN-PLAN-05)."""

    def test_views_load_for_the_organiser(self):
        for model in (
            "scm.training.session",
            "scm.training.method",
            "scm.training.handout",
            "scm.training.session.step.wizard",
        ):
            views = (
                self.env[model]
                .with_user(self.wh_manager)
                .get_views([(False, "form"), (False, "list"), (False, "search")])
            )
            self.assertTrue(views["views"]["form"]["arch"])
        views = (
            self.env["scm.training.session"]
            .with_user(self.wh_manager)
            .get_views([(False, "kanban"), (False, "calendar")])
        )
        self.assertIn("next_actor_text", views["views"]["kanban"]["arch"])

    def test_trn_plan_04_to_approve_filter_and_next_actor(self):
        """The superior finds the method waiting for him with "To Approve";
        the card says who acts next."""
        session = self.session
        self.assertIn(self.wh_manager.name, session.next_actor_text)
        method = self.env["scm.training.method"].browse(
            self.as_client(session, self.wh_manager).action_open_method()["res_id"]
        )
        self.as_client(method, self.wh_manager).write(HEADINGS)
        self.as_client(method, self.wh_manager).action_scm_submit()
        session.invalidate_recordset()
        self.assertIn(self.training_manager.name, session.next_actor_text)
        domain = [
            "|",
            ("method_ids.can_review", "=", True),
            ("handout_ids.can_review", "=", True),
        ]
        Session = self.env["scm.training.session"]
        self.assertIn(
            session, self.as_client(Session, self.training_manager).search(domain)
        )
        self.assertNotIn(
            session, self.as_client(Session, self.wh_manager).search(domain)
        )

    def test_trn_plan_04_05_pdfs(self):
        """The method prints with its 11 headings and approval; the handout
        with its cover."""
        session = self.session
        method = (
            self.env["scm.training.method"]
            .sudo()
            .create({"session_id": session.id, **HEADINGS})
        )
        handout = (
            self.env["scm.training.handout"]
            .sudo()
            .create(
                {
                    "name": "需求挖掘讲义",
                    "session_id": session.id,
                    "content": "<p>正文</p>",
                }
            )
        )
        report = self.env["ir.actions.report"]
        html = report._render_qweb_html(
            "scm_training.action_report_scm_training_method", method.ids
        )[0].decode()
        for value in HEADINGS.values():
            self.assertIn(value, html)
        self.assertIn("Training Implementation Method", html)
        html = report._render_qweb_html(
            "scm_training.action_report_scm_training_handout", handout.ids
        )[0].decode()
        self.assertIn("需求挖掘讲义", html)
        self.assertIn(session.name, html)

    def test_only_planners_replan_and_only_before_held(self):
        """A trainee does not move the session's date; nobody does once it
        is held."""
        session = self.session
        with self.assertRaises(AccessError):
            self.as_client(session, self.wh_consultant).write(
                {"place": "x", "name": "y"}
            )
        self.as_client(session, self.wh_manager).write({"place": "武汉分公司三楼"})
        session.sudo().write({"stage": "held"})
        with self.assertRaises(UserError):
            self.as_client(session, self.wh_manager).write({"place": "别处"})
