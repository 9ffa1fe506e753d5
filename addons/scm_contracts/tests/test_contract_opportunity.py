from odoo.tests import tagged

from .common import ScmContractsCase


@tagged("post_install", "-at_install")
class TestContractOpportunity(ScmContractsCase):
    """The contract drafted from an EMT proposal closes the proposal's
    opportunity: 合同审批 while it is approved and signed, won with the
    signed amount once in force, lost when it is cancelled before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
        cls.stage_contract = cls.env.ref("scm_sales.crm_stage_contract")
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "楚风服饰 SCMS 合同测试",
                "type": "opportunity",
                "partner_id": cls.chufeng.id,
                "company_id": cls.wuhan.id,
                "user_id": cls.users["wh.consultant"].id,
            }
        )
        # The demo proposal answers this opportunity (a step of the test's
        # setup, as the system would have linked it at creation).
        cls.proposal.write({"lead_id": cls.lead.id})

    def test_contract_in_force_wins_the_opportunity(self):
        contract = self.new_contract()
        self.assertEqual(contract.lead_id, self.lead)
        self.assertEqual(self.lead.stage_id, self.stage_contract)
        self.effective(contract)
        self.assertIn(contract.stage, contract._scm_in_force_stages())
        self.assertTrue(self.lead.stage_id.is_won)
        self.assertEqual(self.lead.probability, 100)
        self.assertEqual(self.lead.expected_revenue, 395000)

    def test_cancelled_draft_loses_the_opportunity(self):
        contract = self.new_contract()
        contract.with_user(self.wh_manager).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")
        self.assertFalse(self.lead.active)
        self.assertEqual(self.lead.probability, 0)

    def test_submit_and_approve_name_the_next_actor(self):
        """Submitting to HQ names the Market Center Manager; his approval
        names who prints the original."""
        contract = self.new_contract()
        self.check_clauses(contract, self.wh_manager)
        result = contract.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(self.mc_manager.name, result["params"]["message"])
        result = contract.with_user(self.mc_manager).action_scm_decide(
            "approve", "同意。"
        )
        self.assertEqual(contract.stage, "approved")
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(contract._scm_office_manager().name, result["params"]["message"])
