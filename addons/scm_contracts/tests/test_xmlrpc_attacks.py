from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import XmlRpcAttackCase


@tagged("post_install", "-at_install", "scm_security")
class TestContractsOverXmlRpc(XmlRpcAttackCase):
    """The issue's attacks replayed over XML-RPC as the demo users, on the
    demo database: none may approve a review that is not theirs, change an
    issued number or write a decision field outside its step."""

    def test_con_num_02_issued_number_never_changes(self):
        """CON-NUM-02 / SUP-CTR-03: wh.manager neither rewrites the issued
        number of 汉江's contract nor cancels it in its paid service period,
        whatever context he sends; the contract stays as it was."""
        contract = self.env.ref("scm_contracts.contract_wh_hanjiang_sc")
        number, stage = contract.number, contract.stage
        self.assertTrue(number)
        self.assert_refused(
            "wh.manager",
            "scm.contract",
            "write",
            [contract.id],
            {"number": "SCMSCWH-2025998"},
        )
        for values in ({"state": "cancel"}, {"stage": "cancelled"}):
            self.assert_refused(
                "wh.manager", "scm.contract", "write", [contract.id], values
            )
        contract.invalidate_recordset()
        self.assertEqual((contract.number, contract.stage), (number, stage))
        self.assertNotEqual(contract.state, "cancel")

    def test_con_gen_03_only_the_president_approves_his_review(self):
        """CON-GEN-03 / ORG-RULE-13: on a major contract approved by the
        Market Center Manager, wh.manager can neither write the President's
        review nor approve it through the buttons or the comment dialog."""
        contract = self.env.ref("scm_contracts.contract_wh_chufeng_sc")
        wh_manager = self.env.ref("scm_base.user_wh_manager")
        contract.with_user(wh_manager).write({"amount": 455000})
        contract.milestone_ids.sudo().unlink()
        contract.with_user(wh_manager).write(
            {
                "milestone_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "签订后付清",
                            "amount": 455000,
                            "trigger": "signature",
                        },
                    )
                ]
            }
        )
        contract.checklist_line_ids.with_user(wh_manager).write({"checked": True})
        contract.with_user(wh_manager).action_scm_submit()
        contract.with_user(self.env.ref("scm_base.user_mc_manager")).action_scm_decide(
            "approve", "同意"
        )
        president_review = contract.review_ids.filtered(
            lambda r: (
                r.definition_id == self.env.ref("scm_contracts.tier_contract_president")
            )
        )
        self.assertEqual(president_review.status, "pending")
        self.assert_refused(
            "wh.manager",
            "tier.review",
            "write",
            president_review.ids,
            {"status": "approved", "done_by": wh_manager.id},
        )
        self.assert_refused("wh.manager", "tier.review", "unlink", president_review.ids)
        self.assert_refused(
            "wh.manager", "scm.contract", "validate_tier", [contract.id]
        )
        self.assert_refused(
            "wh.manager",
            "scm.contract",
            "action_scm_decide",
            [contract.id],
            "approve",
            "同意",
        )
        wizard_id = self.rpc(
            "wh.manager",
            "comment.wizard",
            "create",
            {
                "res_model": "scm.contract",
                "res_id": contract.id,
                "review_ids": [(6, 0, president_review.ids)],
                "validate_reject": "validate",
                "comment": "同意",
            },
        )
        self.assert_refused("wh.manager", "comment.wizard", "add_comment", [wizard_id])
        self.assert_refused(
            "wh.manager", "scm.contract", "write", [contract.id], {"state": "approved"}
        )
        self.assert_refused(
            "audit.staff", "tier.review", "unlink", contract.review_ids.ids
        )
        president_review.invalidate_recordset()
        contract.invalidate_recordset()
        self.assertEqual(president_review.status, "pending")
        self.assertEqual(contract.state, "to_approve")
