from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .plans_common import PlansCase


@tagged("post_install", "-at_install")
class TestPlansAnnual(PlansCase):
    def test_trn_plan_01_hq_overall_plan_approved_by_president(self):
        """TRN-PLAN-01: the Training Dept's overall plan goes to the President."""
        self.assertTrue(self.hq_plan.is_hq_overall)
        self.assertEqual(self.hq_plan.stage, "approved")
        self.assertEqual(self.hq_plan.state, "approved")
        self.assertTrue(self.hq_plan.approved_date)

    def test_trn_plan_01_twelve_lines_required(self):
        """TRN-PLAN-01: 12 monthly lines, one per month, filled in."""
        plan = self.new_annual(self.wh_manager)
        self.assertEqual(len(plan.line_ids), 12)
        with self.assertRaisesRegex(UserError, "topics of month"):
            plan.action_scm_submit()
        self.fill_lines(plan)
        plan.line_ids.filtered(lambda line: line.month == "12").unlink()
        with self.assertRaisesRegex(UserError, "12 monthly lines"):
            plan.action_scm_submit()
        plan.write({"line_ids": [(0, 0, {"month": "12", "topics": "年终考核"})]})
        plan.action_scm_submit()
        self.assertEqual(plan.stage, "submitted")

    def test_trn_plan_01_two_sources_required(self):
        """TRN-PLAN-01: the HQ overall plan and the departments' requirements."""
        plan = self.new_annual(self.wh_manager, hq_plan_id=False, requirements=False)
        self.fill_lines(plan)
        with self.assertRaisesRegex(UserError, "training requirements"):
            plan.action_scm_submit()
        plan.requirements = "各部门要求"
        with self.assertRaisesRegex(UserError, "HQ overall training plan"):
            plan.action_scm_submit()
        plan.hq_plan_id = self.hq_plan
        plan.action_scm_submit()
        self.assertEqual(plan.stage, "submitted")

    def test_trn_sm_01_rejection_loops_to_revise_then_approved(self):
        """TRN-SM-01 / TRN-PLAN-01 (issue's "done when"): wh.manager submits
        Wuhan's plan, training.manager returns it once and approves the
        revision."""
        plan = self.new_annual(self.wh_manager)
        self.fill_lines(plan)
        plan.action_scm_submit()
        self.assertEqual(plan.stage, "submitted")
        self.assertEqual(plan.sudo().review_ids.reviewer_ids, self.training_manager)
        self.reject(plan, self.training_manager, "三月份内容太少，请补充")
        self.assertEqual(plan.stage, "revise")
        self.assertEqual(plan.state, "draft")
        revision = plan._scm_deadlines("TRN-PLAN-01")
        self.assertEqual(revision.user_id, self.wh_manager)
        self.assertTrue(revision.activity_id)
        # The preparer revises and resubmits.
        plan.line_ids.filtered(lambda line: line.month == "3").write(
            {"topics": "3 月：需求调研方法与案例演练", "planned_sessions": 2}
        )
        plan.action_scm_submit()
        self.assertEqual(plan.stage, "submitted")
        self.assertFalse(plan._scm_deadlines("TRN-PLAN-01"))
        self.approve(plan, self.training_manager)
        self.assertEqual(plan.stage, "approved")
        self.assertEqual(len(plan.scm_approval_round_ids), 2)
        # Approved: the content no longer changes.
        with self.assertRaises(UserError):
            plan.line_ids[:1].write({"topics": "改"})
        with self.assertRaises(UserError):
            plan.write({"requirements": "改"})

    def test_trn_plan_01_roles(self):
        """TRN-PLAN-01 who sees and decides: bj.manager cannot read Wuhan's
        plan; audit.staff reads and cannot approve; wh.consultant can
        neither edit nor approve."""
        plan = self.new_annual(self.wh_manager)
        self.fill_lines(plan)
        plan.action_scm_submit()
        with self.assertRaises(AccessError):
            self.as_client(plan, self.bj_manager).read(["name"])
        as_audit = self.as_client(plan, self.auditor)
        self.assertEqual(as_audit.read(["stage"])[0]["stage"], "submitted")
        with self.assertRaises(UserError):
            as_audit.validate_tier()
        with self.assertRaises(AccessError):
            as_audit.write({"requirements": "稽核改"})
        as_consultant = self.as_client(plan, self.wh_consultant)
        with self.assertRaises(UserError):
            as_consultant.validate_tier()
        with self.assertRaises(UserError):
            as_consultant.action_scm_decide("approve", "同意")
        self.assertEqual(plan.stage, "submitted")

    def test_trn_plan_01_consultant_cannot_prepare(self):
        """TRN-PLAN-01: the unit's manager or training specialist prepares."""
        with self.assertRaises(AccessError):
            self.new_annual(self.wh_consultant)

    def test_trn_sm_01_forged_context(self):
        """TRN-SM-01: no context key moves the plan or presets its stage."""
        plan = self.as_client(
            self.env["scm.training.plan"],
            self.wh_manager,
            default_stage="approved",
            default_state="approved",
            skip_validation_check=True,
        ).create(
            {
                "plan_type": "annual",
                "year": self.year,
                "hq_plan_id": self.hq_plan.id,
                "requirements": "x",
            }
        )
        self.assertEqual(plan.stage, "draft")
        self.assertEqual(plan.state, "draft")
        with self.assertRaises(UserError):
            plan.write({"stage": "approved"})
        with self.assertRaises(UserError):
            plan.write({"state": "approved"})
        self.fill_lines(plan)
        plan.action_scm_submit()
        forged = self.as_client(
            plan, self.wh_manager, skip_validation_check=True, testing=True
        )
        with self.assertRaises(UserError):
            forged._validate_tier()
        with self.assertRaises(UserError):
            forged.write({"requirements": "改"})
        self.assertEqual(plan.stage, "submitted")

    def test_trn_plan_01_print(self):
        """The 《年度培训计划》 PDF renders with its lines and approval."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "scm_training.action_report_plans_annual", self.hq_plan.ids
            )[0]
            .decode()
        )
        self.assertIn("Annual Training Plan", html)
        self.assertIn("SCMS", html)
