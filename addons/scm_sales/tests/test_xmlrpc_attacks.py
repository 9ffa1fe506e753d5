from xmlrpc.client import Fault

from odoo.tests import HttpCase, tagged

# What a hostile client adds to every call: the context keys that once
# switched off a guard, and base_tier_validation's own.
FORGED_CONTEXT = {
    "scm_plan_system_write": True,
    "scm_proposal_internal": True,
    "scm_partner_method": True,
    "install_mode": True,
    "skip_validation_check": True,
    "skip_check_state_condition": True,
}


@tagged("post_install", "-at_install", "scm_security")
class TestSalesOverXmlRpc(HttpCase):
    """The issue's attack on the sales plan replayed over XML-RPC as the
    demo users, on the demo database."""

    def rpc(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, login, login, {})
        self.assertTrue(uid, f"{login} cannot log in")
        kwargs.setdefault("context", FORGED_CONTEXT)
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, uid, login, model, method, list(args), kwargs
        )

    def assert_refused(self, login, model, method, *args, **kwargs):
        with self.assertRaises(Fault, msg=f"{login}: {model}.{method} passed"):
            self.rpc(login, model, method, *args, **kwargs)

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
