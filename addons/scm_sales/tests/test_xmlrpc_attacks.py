from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import XmlRpcAttackCase


@tagged("post_install", "-at_install", "scm_security")
class TestSalesOverXmlRpc(XmlRpcAttackCase):
    """The issue's attack on the sales plan replayed over XML-RPC as the
    demo users, on the demo database."""

    def test_sal_plan_branch_manager_cannot_approve_his_own_plan(self):
        """SAL-PLAN-02 / ORG-RULE-13: bj.manager cannot write the MSD
        Manager's review of Beijing's submitted plan to approved, nor approve
        it through the buttons, nor set the plan approved."""
        plan = self.env.ref("scm_sales.demo_plan_2027_beijing")
        self.assertEqual(plan.state, "to_approve")
        reviews = plan.review_ids
        self.assertTrue(reviews)
        self.assert_refused(
            "bj.manager", "tier.review", "write", reviews.ids, {"status": "approved"}
        )
        self.assert_refused("bj.manager", "scm.sales.plan", "validate_tier", [plan.id])
        self.assert_refused(
            "bj.manager", "scm.sales.plan", "write", [plan.id], {"state": "approved"}
        )
        self.assert_refused("audit.staff", "tier.review", "unlink", reviews.ids)
        plan.invalidate_recordset()
        reviews.invalidate_recordset()
        self.assertEqual(plan.state, "to_approve")
        self.assertFalse(reviews.filtered(lambda r: r.status == "approved"))
