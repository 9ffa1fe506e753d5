from odoo import fields
from odoo.tests import HttpCase, tagged

SESSION = "武汉分公司 报价规范培训（导览）"


@tagged("post_install", "-at_install")
class TestTrainingTours(HttpCase):
    """A training session's implementation method in the browser, each step
    in its user's own login with the company selection the web client gives
    after login (tours in static/tests/tours/scm_training_method_tours.js)."""

    def test_trn_plan_04_method_written_submitted_and_approved_in_the_browser(self):
        """TRN-PLAN-04, TRN-SM-01: wh.consultant, who organises a Wuhan
        session, opens its implementation method from the session, writes
        the 11 headings and submits it; wh.manager, the session's superior,
        approves it with an opinion before the session date: the session is
        "Method Approved"."""
        ref = self.env.ref
        consultant = ref("scm_base.user_wh_consultant")
        manager = ref("scm_base.user_wh_manager")
        today = fields.Date.context_today(self.env["scm.training.session"])
        category = self.env["hr.course.category"].create({"name": "营销培训（导览）"})
        course = self.env["hr.course"].create(
            {"name": "报价规范（导览）", "category_id": category.id}
        )
        session = (
            self.env["scm.training.session"]
            .sudo()
            .create(
                {
                    "name": SESSION,
                    "course_id": course.id,
                    "company_id": ref("scm_base.company_wh").id,
                    "organiser_id": consultant.id,
                    "trainer_id": consultant._scm_employee().id,
                    "authorized_by": manager._scm_employee().id,
                    "start_date": fields.Date.add(today, days=10),
                    "end_date": fields.Date.add(today, days=10),
                    "cost": 0.0,
                }
            )
        )
        self.assertEqual(session.stage, "planned")
        self.start_tour(
            f"/odoo/action-scm_training.action_scm_training_session/{session.id}",
            "scm_training_organiser_submits_method",
            login="wh.consultant",
        )
        method = session.method_ids
        self.assertEqual(len(method), 1)
        self.assertEqual(method.state, "to_approve")
        self.assertEqual(method.superior_id, manager)
        self.assertEqual(method.examination, "课后笔试，60 分及格")

        self.start_tour(
            f"/odoo/action-scm_training.action_scm_training_method/{method.id}",
            "scm_training_superior_approves_method",
            login="wh.manager",
        )
        self.assertEqual(method.state, "approved")
        self.assertTrue(method.approved_date)
        self.assertEqual(session.stage, "method_approved")
        opinions = method.sudo().scm_approval_round_ids.opinion_ids
        self.assertEqual(opinions.reviewer_id, manager)
        self.assertEqual(opinions.comment, "同意，按办法实施。")
