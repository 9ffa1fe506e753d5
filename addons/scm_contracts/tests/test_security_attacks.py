"""The contracts attacked as a client would: through the ORM as a demo user,
with the company selection the web client gives after login and with context
keys that once switched off a guard (a client may send any of them)."""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import FORGED_CONTEXT, client_env

from .common_cancelkey import ScmCancelkeyCase


@tagged("post_install", "-at_install", "scm_security")
class TestContractSecurityAttacks(ScmCancelkeyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.hanjiang_sc = ref("scm_contracts.contract_wh_hanjiang_sc")
        cls.chufeng_draft = ref("scm_contracts.contract_wh_chufeng_sc")
        cls.yanshan_requirement = ref("scm_contracts.requirement_bj_yanshan")
        cls.jinghua_proposal = ref("scm_sales.proposal_bj_jinghua")

    def as_client(self, user, **context):
        """What a logged-in user's client sends: the user's own company
        active, plus whatever the client chooses to add."""
        return client_env(self.env, user, **context)

    def attacker(self, records, login):
        return records.with_env(self.as_client(self.users[login]))

    # -- numbers, stages and states (CON-NUM-02, SUP-CTR-03, ORG-RULE-11) -------
    def test_con_num_02_issued_number_cannot_be_rewritten(self):
        """CON-NUM-02 / CON-NUM-05: wh.manager cannot rewrite the number of
        汉江's contract in its paid service period, nor its number year,
        whatever context he sends, nor create a contract with a number."""
        contract = self.hanjiang_sc
        number = contract.number
        self.assertTrue(number)
        self.assertEqual(contract.stage, "paid_service")
        for values in (
            {"number": "SCMSCWH-2025998"},
            {"number": False},
            {"number_year": 2024},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                self.attacker(contract, "wh.manager").write(values)
        with self.assertRaises(UserError):
            self.Contract.with_env(self.as_client(self.wh_manager)).create(
                self.sc_values(number="SCMSCWH-2026999")
            )
        contract.invalidate_recordset()
        self.assertEqual(contract.number, number)
        self.assertFalse(
            self.Contract.search_count([("number", "=", "SCMSCWH-2026999")])
        )

    def test_org_rule_11_stage_state_and_dates_written_only_by_steps(self):
        """ORG-RULE-11 / SUP-CTR-03: the stage, the approval state and the
        dates of printing, registration and signature are refused to the
        author of the contract, and to the office, with forged context."""
        contract = self.hanjiang_sc
        before = (contract.stage, contract.state, contract.effective_date)
        forged = (
            {"stage": "cancelled"},
            {"stage": "draft"},
            {"state": "cancel"},
            {"state": "draft"},
            {"state": "approved"},
            {"cancelled_date": fields.Datetime.now()},
            {"effective_date": "2024-01-01"},
            {"customer_signed_date": "2024-01-01"},
            {"register_no": "CW-FORGED"},
            {"printed_by_id": self.wh_manager.id},
            {"scm_approval_version": 9},
        )
        for login in ("wh.manager", "msd.manager"):
            for values in forged:
                with self.subTest(login=login, values=values):
                    with self.assertRaises(UserError):
                        self.attacker(contract, login).write(values)
        contract.invalidate_recordset()
        self.assertEqual(
            (contract.stage, contract.state, contract.effective_date), before
        )

    def test_sup_ctr_03_state_cancel_refused_even_to_steps(self):
        """SUP-CTR-03: base_tier_validation would let any document go to its
        cancel state; a contract never takes it, even through sudo code."""
        with self.assertRaises(UserError):
            self.hanjiang_sc.sudo().write({"state": "cancel"})
        self.assertNotEqual(self.hanjiang_sc.state, "cancel")

    def test_sup_ctr_03_numbered_contract_in_force_cancelled_only_by_form(self):
        """SUP-CTR-03 / CON-NUM-04: 汉江's contract in force is not cancelled
        by the cancel button, nor by a forged form, only by an approved
        《合同/项目撤销审批表》, and keeps its number."""
        contract = self.hanjiang_sc
        with self.assertRaises(UserError):
            self.attacker(contract, "wh.manager").action_cancel_contract()
        env = self.as_client(self.wh_manager)
        for forged in (
            {"stage": "approved"},
            {"state": "approved"},
            {"approved_date": fields.Datetime.now()},
            {"requested_by_id": self.msd_manager.id},
            {"name": "SCM-CX-FORGED"},
        ):
            with self.subTest(create=forged), self.assertRaises(UserError):
                self.Cancellation.with_env(env).create(
                    {
                        "contract_id": contract.id,
                        "reason_type": "other",
                        "reason": "客户要求撤销。",
                        **forged,
                    }
                )
        request = self.request_cancellation(contract)
        self.assertEqual(request.requested_by_id, self.wh_manager)
        for forged in ({"stage": "approved"}, {"state": "approved"}):
            with self.subTest(write=forged), self.assertRaises(UserError):
                self.attacker(request, "wh.manager").write(forged)
        with self.assertRaises(UserError):
            self.attacker(request, "wh.manager").action_cancel_contract()
        self.attacker(request, "wh.manager").action_scm_submit()
        # The requester cannot approve his own request.
        with self.assertRaises(UserError):
            self.attacker(request, "wh.manager").action_scm_decide("approve", "同意")
        with self.assertRaises(UserError):
            self.attacker(contract, "wh.manager").action_cancel_contract()
        self.assertNotEqual(contract.stage, "cancelled")
        self.approve(request, self.mc_manager, "同意撤销。")
        self.attacker(request, "wh.manager").action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")
        self.assertTrue(contract.number)
        self.assertEqual(request.stage, "done")

    def test_sup_ctr_03_a_draft_is_cancelled_by_its_side_only(self):
        """SUP-CTR-03: a draft that never went to approval needs no form, but
        only its drafter or the branch that answers for it drops it."""
        contract = self.new_contract()
        with self.assertRaises(AccessError):
            self.attacker(contract, "msd.manager").action_cancel_contract()
        self.assertEqual(contract.stage, "draft")
        self.attacker(contract, "wh.manager").action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")

    # -- approvals (CON-GEN-02/03, ORG-RULE-13) ---------------------------------------
    def test_con_gen_03_wh_manager_cannot_approve_the_presidents_review(self):
        """CON-GEN-03 / ORG-RULE-13: on a major contract approved by the
        Market Center Manager, wh.manager neither writes the President's
        review, nor approves it with validate_tier, the decision method or
        the comment dialog, nor writes the contract's approval state."""
        contract = self.new_contract(amount=455000)
        self.assertEqual(contract.contract_class, "major")
        self.submit(contract)
        self.approve(contract, self.mc_manager, "同意，报总裁审批。")
        review = contract.review_ids.filtered(
            lambda r: r.definition_id == contract._scm_president_tier()
        )
        self.assertEqual(review.status, "pending")
        env = self.as_client(self.wh_manager)
        with self.assertRaises(AccessError):
            review.with_env(env).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_env(env).unlink()
        with self.assertRaises(UserError):
            contract.with_env(env).validate_tier()
        with self.assertRaises(UserError):
            contract.with_env(env)._validate_tier(review.with_env(env))
        with self.assertRaises(UserError):
            contract.with_env(env).action_scm_decide("approve", "同意")
        wizard = env["comment.wizard"].create(
            {
                "res_model": contract._name,
                "res_id": contract.id,
                "review_ids": [(6, 0, review.ids)],
                "validate_reject": "validate",
                "comment": "同意",
            }
        )
        with self.assertRaises(UserError):
            wizard.add_comment()
        for values in ({"state": "approved"}, {"stage": "approved"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                contract.with_env(env).write(values)
        review.invalidate_recordset()
        contract.invalidate_recordset()
        self.assertEqual(review.status, "pending")
        self.assertEqual((contract.state, contract.stage), ("to_approve", "review"))

    def test_org_rule_13_only_the_author_withdraws_a_contract(self):
        """ORG-RULE-13: a contract under approval is taken back by the one
        who submitted it; anybody else leaves its state and stage alone."""
        contract = self.new_contract()
        self.submit(contract)
        for login in ("msd.manager", "wh.consultant", "mc.manager"):
            with self.subTest(login=login), self.assertRaises(UserError):
                self.attacker(contract, login).action_scm_withdraw()
        self.assertEqual((contract.state, contract.stage), ("to_approve", "review"))
        self.attacker(contract, "wh.manager").action_scm_withdraw()
        self.assertEqual((contract.state, contract.stage), ("draft", "draft"))

    # -- links and branch moves (ORG-ROLE-27) ------------------------------------
    def test_org_role_27_contract_cannot_point_at_another_branch(self):
        """ORG-ROLE-27: a Wuhan draft cannot point at Beijing's customer or
        its EMT proposal, and its checklist and payment schedule cannot be
        written onto a Beijing contract."""
        contract = self.attacker(self.new_contract(), "wh.manager")
        for values in (
            {"partner_id": self.jinghua.id},
            {"proposal_id": self.jinghua_proposal.id},
        ):
            with self.subTest(values=values):
                with self.assertRaises(AccessError):
                    contract.write(values)
        self.assertEqual(contract.partner_id, self.chufeng)
        beijing_contract = self.env.ref("scm_contracts.contract_bj_yanshan_secondary")
        env = contract.env
        with self.assertRaises(AccessError):
            env["scm.contract.checklist.line"].create(
                {"contract_id": beijing_contract.id, "name": "伪造条款"}
            )
        with self.assertRaises(AccessError):
            env["scm.contract.milestone"].create(
                {
                    "contract_id": beijing_contract.id,
                    "name": "伪造回款",
                    "amount": 1000,
                    "trigger": "signature",
                }
            )
        line = contract.checklist_line_ids[:1]
        with self.assertRaises(UserError):
            line.write({"contract_id": beijing_contract.id})
        if "lead_id" in contract._fields:
            lead = (
                self.env["crm.lead"]
                .sudo()
                .create(
                    {
                        "name": "京华二期",
                        "type": "opportunity",
                        "partner_id": self.jinghua.id,
                        "company_id": self.beijing.id,
                    }
                )
            )
            with self.assertRaises(AccessError):
                contract.write({"lead_id": lead.id})

    def test_org_role_27_no_branch_move_by_edit(self):
        """ORG-ROLE-27: a contract and a requirement report do not move to
        another branch by writing their company, not even by HQ staff."""
        contract = self.new_contract()
        for login in ("wh.manager", "msd.manager"):
            with self.subTest(login=login), self.assertRaises(UserError):
                self.attacker(contract, login).write({"company_id": self.beijing.id})
        self.assertEqual(contract.company_id, self.wuhan)
        requirement = self.env.ref("scm_contracts.requirement_wh_hanjiang")
        with self.assertRaises(UserError):
            self.attacker(requirement, "wh.manager").write(
                {"company_id": self.beijing.id}
            )
        self.assertEqual(requirement.company_id, self.wuhan)

    # -- recipients (ORG-RULE-08) -----------------------------------------------------
    def test_org_rule_08_branch_side_is_its_people_not_the_switcher(self):
        """ORG-RULE-08 / CON-SEC-01: a Beijing manager who may also open
        Wuhan in the switcher is not Wuhan's side: he neither drafts a Wuhan
        contract, nor records the customer's answer on Wuhan's technical
        service contract, nor writes a Wuhan requirement report."""
        intruder = self.bj_manager
        intruder.sudo().write({"company_ids": [(4, self.wuhan.id)]})
        env = self.env(
            user=intruder,
            context={
                "allowed_company_ids": [self.beijing.id, self.wuhan.id],
                **FORGED_CONTEXT,
            },
        )
        with self.assertRaises(AccessError):
            self.Contract.with_env(env).create(self.sc_values())
        ts = self.env.ref("scm_contracts.contract_wh_hanjiang_ts")
        if ts.stage != "sent_to_customer":
            # scm_service's demo continues the story: 汉江 signed it. The
            # test takes a copy of it waiting for the customer's answer.
            ts = ts.sudo().copy({"title": "汉江制衣 技术服务合同（测试）"})
            ts.write({"stage": "sent_to_customer"})
        self.assertEqual(ts.stage, "sent_to_customer")
        with self.assertRaises(AccessError):
            ts.with_env(env).action_customer_accept()
        self.assertEqual(ts.stage, "sent_to_customer")
        # Refused as not the branch's staff (ValidationError or AccessError).
        with self.assertRaises(UserError):
            env["scm.customer.requirement"].create(
                {
                    "title": "二期需求",
                    "company_id": self.wuhan.id,
                    "partner_id": self.hanjiang.id,
                    "background": "x",
                }
            )
        # Wuhan's own manager is the side.
        ts.with_env(self.as_client(self.wh_manager)).action_customer_accept()
        self.assertEqual(ts.stage, "customer_accepted")

    # -- checklist and opinions -------------------------------------------------------
    def test_sup_ctr_01_checklist_tick_records_who_and_when(self):
        """SUP-CTR-01: who confirmed a core clause is stamped by the tick and
        cannot be forged; a closed checklist cannot be ticked."""
        contract = self.new_contract()
        line = self.attacker(contract.checklist_line_ids[:1], "wh.manager")
        with self.assertRaises(UserError):
            line.write({"checked": True, "checked_by_id": self.mc_manager.id})
        with self.assertRaises(UserError):
            line.write({"checked_date": "2020-01-01 00:00:00"})
        line.write({"checked": True})
        self.assertEqual(line.checked_by_id, self.wh_manager)
        self.assertTrue(line.checked_date)
        self.submit(contract)
        with self.assertRaises(UserError):
            line.write({"checked": False})
        self.assertTrue(line.checked)

    def test_con_sec_03_review_line_written_by_its_reviewer_only(self):
        """CON-SEC-03: a review line's state and reviewer are set by the
        application and the signature; others cannot write the opinion."""
        requirement = self.env.ref("scm_contracts.requirement_wh_hanjiang")
        lines = requirement.sudo().review_ids.line_ids
        self.assertTrue(lines)
        line = lines[:1]
        for values in (
            {"state": "signed"},
            {"reviewer_id": self.wh_manager.id},
            {"department_id": self.env.ref("scm_base.dept_qc").id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                self.attacker(line, "wh.manager").write(values)
        with self.assertRaises(AccessError):
            self.attacker(line, "wh.manager").write({"decision": "agree"})

    # -- bad input ------------------------------------------------------------------
    def test_bad_input_gets_a_clear_message_and_nothing_is_written(self):
        """Our own checks do not crash on what a client sends: a clear
        message, and nothing half-written."""
        env = self.as_client(self.wh_manager)
        count = self.Contract.search_count([])
        for values in (
            {"amount": "abc"},
            {"hardware_amount": [1]},
            {"contract_type": ["sc"]},
            {"contract_type": "x"},
            {"template_id": "abc"},
            {"runin_months": "three"},
        ):
            with self.subTest(values=values):
                with self.assertRaises(UserError) as caught:
                    self.Contract.with_env(env).create(self.sc_values(**values))
                self.assertNotIn("Traceback", str(caught.exception))
        self.assertEqual(self.Contract.search_count([]), count)
        contract = self.new_contract()
        with self.assertRaisesRegex(UserError, "abc"):
            contract.with_env(env).write({"amount": "abc"})
        self.assertEqual(contract.amount, 395000)
        with self.assertRaises(UserError):
            env["scm.contract.milestone"].create(
                {
                    "contract_id": contract.id,
                    "name": "首付款",
                    "amount": "abc",
                    "trigger": "signature",
                }
            )
        with self.assertRaises(UserError):
            self.env["scm.contract.payment"].with_env(
                self.as_client(self.finance)
            ).create({"contract_id": self.hanjiang_sc.id, "amount": "abc"})
        other_milestone = self.env.ref(
            "scm_contracts.contract_bj_yanshan_secondary"
        ).milestone_ids[:1]
        self.assertTrue(other_milestone)
        with self.assertRaisesRegex(UserError, "is not one of"):
            self.env["scm.contract.payment"].with_env(
                self.as_client(self.finance, lang="en_US")
            ).create(
                {
                    "contract_id": self.hanjiang_sc.id,
                    "milestone_id": other_milestone.id,
                    "amount": 100,
                }
            )
        requirement = self.env.ref("scm_contracts.requirement_wh_hanjiang")
        with self.assertRaises(UserError):
            self.attacker(requirement, "wh.manager").write({"budget_amount": "abc"})
        mcd = self.as_client(self.users["mcd.manager"], lang="en_US")
        with self.assertRaisesRegex(UserError, "reviewing departments"):
            self.yanshan_requirement.with_env(mcd).action_scm_apply_review(
                department_ids="abc"
            )

    def test_long_titles_are_accepted(self):
        """A user may type 100,000 characters into a title: no index on our
        free-text fields refuses it."""
        contract = self.new_contract(title="长" * 100_000)
        self.assertEqual(len(contract.title), 100_000)
