from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmContractsCase

# Friday 2031-11-21, 10:00 in Beijing; 1 WD later ends Monday 23:59:59 local.
FRIDAY_10AM_UTC = "2031-11-21 02:00:00"
MONDAY_END = datetime(2031, 11, 24, 15, 59, 59)


@tagged("post_install", "-at_install")
class TestScContract(ScmContractsCase):
    def test_con_sc_01_drafted_from_the_accepted_proposal(self):
        """CON-SC-01 / SAL-PROP-08: the acceptance drafts the S&C contract for
        the Branch Manager; it cannot be submitted without an accepted EMT
        proposal, and submitting it closes the 2-WD drafting deadline."""
        contract = self.proposal.with_user(self.wh_manager)._scm_draft_sc_contract()
        self.assertEqual(contract.contract_type, "sc")
        self.assertEqual(contract.proposal_id, self.proposal)
        self.assertEqual(contract.company_id, self.wuhan)
        self.assertEqual(
            contract.template_id, self.env.ref("scm_contracts.template_sc")
        )
        self.assertIn("企业管理改造", contract.terms)
        self.assertTrue(contract.checklist_line_ids)
        # Without a proposal in customer_accepted, no submission.
        orphan = self.new_contract(proposal_id=False)
        self.check_clauses(orphan)
        with self.assertRaisesRegex(UserError, "CON-SC-01"):
            orphan.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(orphan.stage, "draft")
        self.assertFalse(orphan.scm_approval_round_ids)
        contract.write(
            {
                "free_modification": "provided",
                "runin_months": 3,
                "post_runin_charging": "按年收取维护费。",
            }
        )
        self.submit(contract)
        self.assertEqual(contract.stage, "review")

    def test_con_gen_04_type_template_and_layout(self):
        """CON-GEN-04: a contract starts on its type's HQ template and its
        original prints with the type's layout."""
        for contract_type in ("sc", "secondary", "tech_service", "brand", "network"):
            template = self.env["scm.contract.template"]._scm_default_for(contract_type)
            self.assertEqual(template.contract_type, contract_type)
            self.assertEqual(
                template.report_id,
                self.env.ref(
                    f"scm_contracts.action_report_scm_contract_{contract_type}"
                ),
            )
        contract = self.new_contract()
        self.assertEqual(
            contract.template_id, self.env.ref("scm_contracts.template_sc")
        )
        self.assertEqual(contract.terms, contract.template_id.terms)
        self.assertEqual(
            contract._scm_final_report(),
            self.env.ref("scm_contracts.action_report_scm_contract_sc"),
        )
        with self.assertRaises(ValidationError):
            self.new_contract(
                template_id=self.env.ref("scm_contracts.template_brand").id
            )

    def test_con_gen_01_service_clauses_required_for_c_and_r(self):
        """CON-GEN-01: free modification, run-in and post-run-in charging are
        required before an S&C or secondary contract is submitted."""
        for missing in ("free_modification", "runin_months", "post_runin_charging"):
            contract = self.new_contract(**{missing: False})
            self.check_clauses(contract)
            with self.assertRaises(UserError):
                contract.with_user(self.wh_manager).action_scm_submit()
            self.assertEqual(contract.state, "draft")
            self.assertFalse(contract.scm_approval_round_ids)

    def test_sup_ctr_01_unchecked_core_clause_refused_and_versions_diffed(self):
        """SUP-CTR-01: every core clause is checked before submission; each
        submitted version is kept with its changes marked."""
        contract = self.new_contract()
        with self.assertRaisesRegex(UserError, "SUP-CTR-01"):
            contract.with_user(self.wh_manager).action_scm_submit()
        self.submit(contract)
        self.reject(contract, self.mc_manager, "付款节点与建议书不一致。")
        contract.with_user(self.wh_manager).write(
            {"terms": contract.terms + "<p>第八条 验收后付10%。</p>"}
        )
        contract.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(len(contract.version_ids), 2)
        latest = contract.version_ids.sorted("version")[-1]
        self.assertIn("验收后付10%", latest.changes)
        self.assertIn("color:#c00", latest.changes)

    def test_con_sc_02_mc_manager_approves_within_one_working_day(self):
        """CON-SC-02: the Market Center Manager's approval is due 1 WD after
        MSD receives it; late, it is flagged overdue; the approval screen
        shows the proposal and the customer file (SUP-CTR-02)."""
        contract = self.new_contract()
        with freeze_time(FRIDAY_10AM_UTC):
            self.submit(contract)
        deadline = contract.scm_deadline_ids.filtered(lambda d: d.state == "open")
        self.assertEqual(deadline.user_id, self.mc_manager)
        self.assertEqual(deadline.due_date, MONDAY_END)
        with freeze_time("2031-11-25 02:00:00"):
            self.assertTrue(contract.scm_deadline_overdue)
            self.assertIn(
                contract, self.Contract.search([("scm_deadline_overdue", "=", True)])
            )
        arch = self.Contract.with_user(self.mc_manager).get_view(view_type="form")[
            "arch"
        ]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        for name in ("proposal_id", "partner_grade", "partner_customer_class"):
            self.assertIn(f'name="{name}"', arch)
        self.approve(contract, self.mc_manager, "与建议书一致，同意。")
        self.assertEqual(contract.stage, "approved")
        self.assertFalse(
            contract.scm_deadline_ids.filtered(lambda d: d.state == "open")
        )

    def test_con_sc_03_rejection_notice_and_new_round(self):
        """CON-SC-03: a rejection sends a written notice to the Branch Manager
        and returns the draft; resubmission starts a new approval round."""
        contract = self.new_contract()
        self.submit(contract)
        self.reject(contract, self.mc_manager, "付款比例与建议书不符。")
        self.assertEqual(contract.stage, "draft")
        notices = self.env["scm.notice"].search(
            [("res_model", "=", "scm.contract"), ("res_id", "=", contract.id)]
        )
        self.assertTrue(notices)
        self.assertIn(self.wh_manager.partner_id, notices.recipient_ids)
        contract.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(len(contract.scm_approval_round_ids), 2)
        self.assertEqual(
            contract.scm_approval_round_ids.sorted("version")[0].state, "rejected"
        )

    def test_con_gen_02_branch_role_cannot_approve(self):
        """CON-GEN-02: no branch role moves a contract to approved."""
        contract = self.new_contract()
        self.submit(contract)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager)._validate_tier()
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).write({"stage": "approved"})
        self.assertEqual(contract.stage, "review")
        tier = self.env.ref("scm_contracts.tier_contract_market_center")
        with self.assertRaisesRegex(Exception, "CON-GEN-02"):
            tier.copy({"review_type": "scm_branch_manager"})

    def test_con_gen_03_sc_04_major_needs_president_first(self):
        """CON-GEN-03 / CON-SC-04: a major contract is not printed or signed
        before the President approves; a regular one skips him."""
        major = self.new_contract(amount=480000)
        self.assertEqual(major.contract_class, "major")
        self.submit(major)
        self.approve(major, self.mc_manager, "同意。")
        self.assertEqual(major.stage, "review")
        with self.assertRaisesRegex(UserError, "CON-GEN-03"):
            major.with_user(self.msd_manager)._scm_check_printable()
        self.approve(major, self.president, "同意签订。")
        self.assertEqual(major.stage, "approved")
        self.assertTrue(major._scm_president_approved())
        regular = self.new_contract()
        self.approved(regular)
        self.assertEqual(regular.stage, "approved")
        self.assertFalse(
            regular.review_ids.filtered(
                lambda r: (
                    r.definition_id
                    == self.env.ref("scm_contracts.tier_contract_president")
                )
            )
        )

    def test_con_sc_05_print_register_and_four_originals(self):
        """CON-SC-05: MSD prints 4 originals after approval; Finance records
        the registration (register no. and seal date)."""
        contract = self.new_contract()
        self.approved(contract)
        with self.assertRaises(AccessError):
            contract.with_user(self.wh_manager).action_print_original()
        contract.with_user(self.msd_manager).action_print_original()
        self.assertEqual(contract.stage, "printed")
        self.assertEqual(len(contract.original_ids), 4)
        with self.assertRaises(UserError):
            contract.with_user(self.finance)._scm_register("", False)
        self.assertEqual(contract.stage, "printed")
        contract.with_user(self.finance)._scm_register(
            "CW-001", self.printed_day(contract)
        )
        self.assertEqual(contract.stage, "registered")
        self.assertEqual(contract.register_no, "CW-001")
        self.assertEqual(contract.presented_by_id, self.msd_manager)

    def step_owner(self, contract):
        step = self.env.ref("scm_contracts.mail_activity_type_contract_step")
        return (
            contract.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == step)
            .user_id
        )

    def test_con_sc_05_each_step_waits_on_its_owner(self):
        """CON-SC-05/06: after approval the next step is an activity of the
        person who owes it: MSD prints, Finance registers, MSD sends to the
        branch, the Branch Manager signs; HQ-signed contracts go straight
        to their signatory."""
        contract = self.approved(self.new_contract())
        self.assertEqual(self.step_owner(contract), self.msd_manager)
        contract.with_user(self.msd_manager).action_print_original()
        finance_manager = self.env.ref("scm_base.dept_finance").manager_id.user_id
        self.assertEqual(self.step_owner(contract), finance_manager)
        contract.with_user(self.finance)._scm_register(
            "CW-7", self.printed_day(contract)
        )
        self.assertEqual(self.step_owner(contract), self.msd_manager)
        contract.with_user(self.msd_manager).action_send_to_branch()
        self.assertEqual(self.step_owner(contract), self.wh_manager)
        hq = self.Contract.with_user(self.msd_manager).create(
            self.sc_values(
                company_id=self.hq.id,
                partner_id=self.lingnan.id,
                proposal_id=False,
                contract_type="network",
                template_id=self.env.ref("scm_contracts.template_network").id,
            )
        )
        self.registered(hq, submitter=self.msd_manager)
        self.assertEqual(self.step_owner(hq), self.mc_manager)

    def test_con_sc_06_aa_signs_before_the_customer(self):
        """CON-SC-06: the Branch Manager signs for AA first; the customer's
        signature and seal make the contract effective on that date."""
        contract = self.new_contract()
        self.registered(contract)
        # The day of printing in Wuhan (the server's date is a day behind
        # China's from 16:00 UTC).
        day = self.printed_day(contract)
        contract.with_user(self.msd_manager).action_send_to_branch()
        with self.assertRaisesRegex(UserError, "CON-SC-06"):
            contract.with_user(self.wh_manager)._scm_record_customer_signature(
                "张总", day, True
            )
        with self.assertRaises(UserError):
            contract.with_user(self.bj_manager).action_sign_aa()
        self.assertEqual(contract._scm_aa_signatory(), self.wh_manager)
        contract.with_user(self.wh_manager).action_sign_aa()
        signature = contract.scm_signature_ids
        self.assertEqual(signature.signer_id, self.wh_manager)
        self.assertTrue(signature.signed_at)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_scm_sign("aa")
        self.assertEqual(contract.scm_signature_ids.signer_id, self.wh_manager)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager)._scm_record_customer_signature(
                "张总", day, False
            )
        self.assertEqual(contract.stage, "aa_signed")
        contract.with_user(self.wh_manager)._scm_record_customer_signature(
            "张总", day, True
        )
        self.assertEqual(contract.stage, "effective")
        self.assertEqual(contract.effective_date, day)

    def test_con_sc_06_hq_contract_signed_by_market_center_manager(self):
        """CON-SC-06: HQ-signed S&C contracts are signed by the Market Center
        Manager."""
        contract = self.Contract.with_user(self.msd_manager).create(
            self.sc_values(
                company_id=self.hq.id, partner_id=self.lingnan.id, proposal_id=False
            )
        )
        self.assertTrue(contract.is_hq_contract)
        self.assertEqual(contract._scm_aa_signatory(), self.mc_manager)

    def test_con_sc_07_originals_returned_and_con_sc_10_retention(self):
        """CON-SC-07: MSD receives 2 originals back; CON-SC-09/10: the
        originals go to the branch and the customer, and the retention list
        for a branch without independent accounting holds 4 originals."""
        self.wuhan.scm_independent_accounting = False
        contract = self.effective(self.new_contract())
        contract.with_user(self.msd_manager).action_receive_originals()
        self.assertEqual(contract.stage, "originals_returned")
        returned = contract.original_ids.filtered("returned_at")
        self.assertEqual(len(returned), 2)
        contract.with_user(self.msd_manager).action_scm_distribute()
        lines = contract.scm_distribution_ids
        holding = {
            (
                line.recipient_department_id.id
                or line.recipient_company_id.id
                or line.recipient_partner_id.id,
                line.copy_type,
                line.quantity,
            )
            for line in lines
        }
        ref = self.env.ref
        self.assertEqual(
            holding,
            {
                (ref("scm_base.dept_mcd").id, "original", 1),
                (ref("scm_base.dept_finance").id, "original", 1),
                (ref("scm_base.dept_msd").id, "copy", 1),
                (ref("scm_base.dept_audit").id, "copy", 1),
                (self.wuhan.id, "copy", 1),
                (self.chufeng.id, "original", 2),
            },
        )
        originals = sum(
            lines.filtered(lambda x: x.copy_type == "original").mapped("quantity")
        )
        self.assertEqual(originals, 4)

    def test_con_sc_10_independent_branch_keeps_the_original(self):
        """CON-SC-10 / ORG-BR-04: a branch under independent accounting keeps
        an original and MCD a copy."""
        self.wuhan.scm_independent_accounting = True
        contract = self.effective(self.new_contract())
        contract.with_user(self.msd_manager).action_receive_originals()
        contract.with_user(self.msd_manager).action_scm_distribute()
        lines = contract.scm_distribution_ids
        branch = lines.filtered(lambda x: x.recipient_company_id == self.wuhan)
        mcd = lines.filtered(
            lambda x: x.recipient_department_id == self.env.ref("scm_base.dept_mcd")
        )
        self.assertEqual(branch.copy_type, "original")
        self.assertEqual(mcd.copy_type, "copy")
        originals = sum(
            lines.filtered(lambda x: x.copy_type == "original").mapped("quantity")
        )
        self.assertEqual(originals, 4)

    def test_con_sc_08_post_effect_duties(self):
        """CON-SC-08: effect creates Finance's collection schedule, MCD's
        monitoring, a notice to MRD and the Audit Dept's watch."""
        contract = self.new_contract(
            milestone_ids=[
                (0, 0, {"name": "签约付50%", "amount": 197500, "trigger": "signature"}),
                (0, 0, {"name": "上线付40%", "amount": 158000, "trigger": "go_live"}),
                (0, 0, {"name": "验收付10%", "amount": 39500, "trigger": "acceptance"}),
            ]
        )
        self.effective(contract)
        duties = {d.duty: d for d in contract.duty_ids}
        self.assertEqual(
            set(duties), {"collection", "monitoring", "notification", "audit"}
        )
        self.assertEqual(
            duties["collection"].department_id, self.env.ref("scm_base.dept_finance")
        )
        self.assertEqual(duties["monitoring"].user_id, self.users["mcd.manager"])
        self.assertEqual(
            duties["audit"].department_id, self.env.ref("scm_base.dept_audit")
        )
        self.assertIn(
            self.users["mrd.manager"].partner_id,
            duties["notification"].notice_id.recipient_ids,
        )
        self.assertTrue(duties["monitoring"].activity_id)
        self.assertEqual(
            duties["monitoring"].activity_id.user_id, self.users["mcd.manager"]
        )

    def test_con_sc_11_state_machine(self):
        """CON-SC-11: every transition of the S&C contract in order, the major
        branch included; illegal ones refused."""
        contract = self.new_contract(amount=450000)
        with self.assertRaises(UserError):
            contract.with_user(self.msd_manager).action_print_original()
        self.submit(contract)
        self.assertEqual(contract.stage, "review")
        self.approve(contract, self.mc_manager, "同意。")
        self.assertEqual(contract.stage, "review")
        self.approve(contract, self.president, "同意。")
        self.assertEqual(contract.stage, "approved")
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_send_to_customer()
        contract.with_user(self.msd_manager).action_print_original()
        self.assertEqual(contract.stage, "printed")
        with self.assertRaises(UserError):
            contract.with_user(self.msd_manager).action_send_to_branch()
        contract.with_user(self.finance)._scm_register(
            "CW-9", self.printed_day(contract)
        )
        self.assertEqual(contract.stage, "registered")
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_sign_aa()
        contract.with_user(self.msd_manager).action_send_to_branch()
        self.assertEqual(contract.stage, "sent_to_branch")
        contract.with_user(self.wh_manager).action_sign_aa()
        self.assertEqual(contract.stage, "aa_signed")
        contract.with_user(self.wh_manager)._scm_record_customer_signature(
            "张总", self.printed_day(contract), True
        )
        self.assertEqual(contract.stage, "effective")
        mcd = self.users["mcd.manager"]
        with self.assertRaises(UserError):
            contract.with_user(mcd).action_mark_implementation_accepted()
        contract.with_user(self.msd_manager).action_receive_originals()
        self.assertEqual(contract.stage, "originals_returned")
        contract.with_user(mcd).action_start_execution()
        self.assertEqual(contract.stage, "in_execution")
        contract.with_user(mcd).action_mark_implementation_accepted()
        self.assertEqual(contract.stage, "accepted")
        contract.with_user(mcd).action_start_paid_service()
        self.assertEqual(contract.stage, "paid_service")
        with self.assertRaises(AccessError):
            self.new_contract().with_user(self.wh_manager).action_start_execution()

    def test_issue_story_wuhan_s_and_c(self):
        """The issue's story: wh.manager drafts from the proposal, mc.manager
        approves, the President first when above 400,000, the original shows
        SCMSCWH-<year>001 and the signatures, the customer's signature makes
        it effective, copies and milestones are on the record."""
        with freeze_time("2031-03-03 02:00:00"):
            contract = self.new_contract(
                amount=520000,
                hardware_amount=40000,
                milestone_ids=[
                    (
                        0,
                        0,
                        {
                            "name": "签约付50%",
                            "amount": 260000,
                            "trigger": "date",
                            "due_date": "2031-03-20",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "验收付50%",
                            "amount": 260000,
                            "trigger": "acceptance",
                        },
                    ),
                ],
            )
            self.assertEqual(contract.contract_class, "major")
            self.submit(contract)
            self.approve(contract, self.mc_manager, "同意。")
            with self.assertRaises(UserError):
                contract.with_user(self.msd_manager).action_print_original()
            self.approve(contract, self.president, "同意签订。")
            contract.with_user(self.msd_manager).action_print_original()
            self.assertEqual(contract.number, "SCMSCWH-2031001")
            contract.with_user(self.finance)._scm_register(
                "CW-2031-001", self.printed_day(contract)
            )
            contract.with_user(self.msd_manager).action_send_to_branch()
            contract.with_user(self.wh_manager).action_sign_aa()
            contract.with_user(self.wh_manager)._scm_record_customer_signature(
                "张总", self.printed_day(contract), True
            )
            contract.with_user(self.msd_manager).action_receive_originals()
            contract.with_user(self.msd_manager).action_scm_distribute()
        self.assertEqual(contract.stage, "originals_returned")
        self.assertEqual(len(contract.scm_distribution_ids), 6)
        self.assertEqual(len(contract.milestone_ids), 2)
        self.assertEqual(contract.amount_outstanding, 520000)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "scm_contracts.action_report_scm_contract_sc", contract.ids
            )[0]
            .decode()
        )
        self.assertIn("SCMSCWH-2031001", html)
        self.assertIn(self.wh_manager.name, html)
        self.assertIn("张总", html)
