"""What a hostile client sends, for the security tests of every addon.

Over RPC a client chooses the arguments and the context of every call: the
tests act as a demo user with the company selection the web client gives
after login (the user's own company active) plus the context keys that once
switched a guard off, and over XML-RPC as the demo user's own login."""

from xmlrpc.client import Fault

from odoo.tests import HttpCase

# The context keys that once switched off a guard of the suite, and
# base_tier_validation's own.
FORGED_CONTEXT = {
    "install_mode": True,
    "skip_validation_check": True,
    "skip_check_state_condition": True,
    "tracking_disable": True,
    "scm_contract_internal": True,
    "scm_requirement_internal": True,
    "scm_review_line_internal": True,
    "scm_scheme_internal": True,
    "scm_cancellation_internal": True,
    "scm_proposal_internal": True,
    "scm_visit_internal": True,
    "scm_visit_backdate": True,
    "scm_minutes_internal": True,
    "scm_market_transition": True,
    "scm_plan_system_write": True,
    "scm_advice_issue": True,
    "scm_brand_transition": True,
    "scm_brand_sample_release": True,
    "scm_promotion_execution": True,
    "scm_branch_setup_move": True,
    "scm_partner_method": True,
}


def client_env(env, user, forged=True, **context):
    """The environment of `user`'s client: their own company active, the
    forged keys (unless `forged` is false) and whatever else it adds."""
    return env(
        user=user,
        context={
            "allowed_company_ids": [user.company_id.id],
            **(FORGED_CONTEXT if forged else {}),
            **context,
        },
    )


class XmlRpcAttackCase(HttpCase):
    """Calls over XML-RPC in a demo user's login (password = login), with the
    forged context unless the call says otherwise."""

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
