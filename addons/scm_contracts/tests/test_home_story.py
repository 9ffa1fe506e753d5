from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import ScmContractsCase


@tagged("post_install", "-at_install")
class TestHomeStory(ScmContractsCase):
    """The demo's 楚风 story as the people in it find it on My Workbench."""

    def my_work(self, user):
        action = self.env.ref("scm_base.action_scm_my_work")
        self.assertEqual(user.action_id.id, action.id, "My Workbench is home")
        domain = safe_eval(action.domain, {"uid": user.id})
        return self.env["mail.activity"].with_user(user).search(domain)

    def waiting_on(self, user, document):
        items = self.my_work(user).filtered(
            lambda a: a.res_model == document._name and a.res_id == document.id
        )
        self.assertTrue(items, f"{document.display_name} waits for {user.login}")
        for item in items:
            # Due today or earlier in the owner's own time zone.
            self.assertIn(item.state, ("today", "overdue"), item.summary)
        return items

    def test_chufeng_sc_draft_waits_for_wh_manager_then_mc_manager(self):
        """CON-SC-01 / ORG-RULE-09: the 楚风 S&C draft is on wh.manager's
        workbench, due now; once submitted it leaves it and mc.manager's review
        is on his, due the day it reached him."""
        contract = self.env.ref("scm_contracts.contract_wh_chufeng_sc")
        self.assertEqual(contract.stage, "draft")
        draft_item = self.waiting_on(self.wh_manager, contract)
        self.submit(contract, self.wh_manager)
        self.assertFalse(draft_item.exists() and draft_item.filtered("active"))
        self.assertFalse(
            self.my_work(self.wh_manager).filtered(
                lambda a: a.res_model == contract._name and a.res_id == contract.id
            )
        )
        review = self.waiting_on(self.mc_manager, contract)
        deadline = contract._scm_deadlines("ORG-RULE-09", self.mc_manager)
        self.assertEqual(review, deadline.activity_id)
        self.assertLessEqual(review.date_deadline, deadline.due_date.date())

    def test_demo_managers_find_their_waiting_item(self):
        """ORG-RULE-09: in the demo, mc.manager's approval of the second 岭南
        network contract and msd.manager's review of the 京华 proposal are on
        their workbenches, due now."""
        self.waiting_on(
            self.mc_manager, self.env.ref("scm_contracts.contract_hq_lingnan_network_2")
        )
        self.waiting_on(self.msd_manager, self.env.ref("scm_sales.proposal_bj_jinghua"))
