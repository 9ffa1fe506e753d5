from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScmContractsCase
from .common_secondary import SecondaryCase


@tagged("post_install", "-at_install")
class TestSecondaryContract(ScmContractsCase, SecondaryCase):
    """The secondary contract from its unanimous requirement report to the
    archived original (contract side of CON-SEC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cc_manager = cls.users["cc.manager"]
        cls.mcd_manager = cls.users["mcd.manager"]

    def secondary(self):
        report = self.unanimous_requirement()
        contract = self.draft_contract(report, self.wh_manager)
        return self.complete_contract(contract, self.wh_manager)

    def notices(self, contract):
        return self.env["scm.notice"].search(
            [("res_model", "=", "scm.contract"), ("res_id", "=", contract.id)]
        )

    def test_con_sec_06_customer_center_manager_approves_in_one_day(self):
        """CON-SEC-06: the Customer Center Manager approves within 1 WD of
        MCD's receipt; both outcomes send a written notice; a rejection
        returns the contract to the branch."""
        contract = self.secondary()
        self.submit(contract, self.wh_manager)
        deadline = contract.scm_deadline_ids.filtered(lambda d: d.state == "open")
        self.assertEqual(deadline.user_id, self.cc_manager)
        self.assertEqual(
            deadline.due_date,
            self.workday.add_working_days(deadline.start_date, 1, self.wuhan),
        )
        self.reject(contract, self.cc_manager, "实施周期与需求报告不一致。")
        self.assertEqual(contract.stage, "draft")
        self.assertEqual(len(self.notices(contract)), 1)
        contract.with_user(self.wh_manager).action_scm_submit()
        self.approve(contract, self.cc_manager, "与需求报告一致，同意。")
        self.assertEqual(contract.stage, "approved")
        self.assertEqual(len(self.notices(contract)), 2)
        self.assertIn(self.wh_manager.partner_id, self.notices(contract).recipient_ids)

    def test_con_sec_07_customer_refusal_goes_back_to_approval(self):
        """CON-SEC-07: the customer refuses, the branch revises and the
        resubmission re-enters the Customer Center Manager's approval."""
        contract = self.approved(self.secondary(), submitter=self.wh_manager)
        contract.with_user(self.wh_manager).action_send_to_customer()
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_customer_reject()
        contract.with_user(self.wh_manager).write(
            {"customer_feedback": "希望分两期上线。"}
        )
        contract.with_user(self.wh_manager).action_customer_reject()
        contract.with_user(self.wh_manager).action_start_revision()
        contract.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(contract.stage, "review")
        self.assertEqual(
            contract.sudo().review_ids.definition_id,
            self.env.ref("scm_contracts.tier_contract_customer_center"),
        )

    def test_con_sec_08_09_10_print_sign_duties_retention(self):
        """CON-SEC-08: MCD prints after the customer's acceptance, Finance
        registers, the Branch Manager signs, then the customer; 2 originals
        back to MCD. CON-SEC-09: Finance, MCD (with MRD told) and Audit.
        CON-SEC-10: the retention list has no MSD line."""
        self.wuhan.scm_independent_accounting = False
        contract = self.secondary()
        self.approved(contract, submitter=self.wh_manager)
        with self.assertRaises(UserError):
            contract.with_user(self.mcd_manager).action_print_original()
        contract.with_user(self.wh_manager).action_send_to_customer()
        contract.with_user(self.wh_manager).action_customer_accept()
        with self.assertRaises(AccessError):
            contract.with_user(self.msd_manager).action_print_original()
        contract.with_user(self.mcd_manager).action_print_original()
        self.assertRegex(contract.number, r"^SCMSRWH-\d{7}$")
        contract.with_user(self.finance)._scm_register(
            "CW-R-1", self.printed_day(contract)
        )
        self.assertEqual(contract.presented_by_id, self.mcd_manager)
        contract.with_user(self.mcd_manager).action_send_to_branch()
        contract.with_user(self.wh_manager).action_sign_aa()
        contract.with_user(self.wh_manager)._scm_record_customer_signature(
            "张总", self.printed_day(contract), True
        )
        self.assertEqual(contract.stage, "effective")
        duties = {d.duty: d for d in contract.duty_ids}
        self.assertEqual(
            set(duties), {"collection", "monitoring", "notification", "audit"}
        )
        self.assertEqual(duties["notification"].department_id, self.dept_mrd)
        contract.with_user(self.mcd_manager).action_receive_originals()
        contract.with_user(self.mcd_manager).action_scm_distribute()
        lines = contract.scm_distribution_ids
        self.assertNotIn(
            self.env.ref("scm_base.dept_msd"), lines.recipient_department_id
        )
        self.assertEqual(len(lines), 5)
        self.assertEqual(
            sum(lines.filtered(lambda x: x.copy_type == "original").mapped("quantity")),
            4,
        )

    def test_con_sec_11_contract_state_machine(self):
        """CON-SEC-11 (contract): draft → submitted → approved → with the
        customer → accepted | refused → draft → printed → registered → AA
        signed → effective; no shortcut."""
        contract = self.secondary()
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_send_to_customer()
        self.approved(contract, submitter=self.wh_manager)
        self.assertEqual(contract.stage, "approved")
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_customer_accept()
        contract.with_user(self.wh_manager).action_send_to_customer()
        self.assertEqual(contract.stage, "sent_to_customer")
        contract.with_user(self.wh_manager).action_customer_accept()
        self.assertEqual(contract.stage, "customer_accepted")
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_sign_aa()
        contract.with_user(self.mcd_manager).action_print_original()
        self.assertEqual(contract.stage, "printed")
        contract.with_user(self.finance)._scm_register(
            "CW-R-2", self.printed_day(contract)
        )
        self.assertEqual(contract.stage, "registered")
        contract.with_user(self.mcd_manager).action_send_to_branch()
        contract.with_user(self.wh_manager).action_sign_aa()
        self.assertEqual(contract.stage, "aa_signed")
        contract.with_user(self.wh_manager)._scm_record_customer_signature(
            "张总", self.printed_day(contract), True
        )
        self.assertEqual(contract.stage, "effective")
