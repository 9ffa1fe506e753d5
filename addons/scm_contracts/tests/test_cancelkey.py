from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_cancelkey import ScmCancelkeyCase


@tagged("post_install", "-at_install")
class TestCancelkey(ScmCancelkeyCase):
    """《合同/项目撤销审批表》 (SUP-CTR-03, CON-NUM-04) and the countersigned
    《项目实施方案书》 (SUP-KEY-01)."""

    # -- SUP-CTR-03 / CON-NUM-04 ------------------------------------------------
    def test_sup_ctr_03_cancel_without_approved_form_refused(self):
        """SUP-CTR-03: the cancel button of a numbered contract requires an
        approved cancellation form; a draft or pending form is not enough."""
        contract = self.numbered_contract()
        office = self.users["msd.manager"]
        with self.assertRaises(UserError):
            contract.with_user(office).action_cancel_contract()
        request = self.request_cancellation(contract)
        with self.assertRaises(UserError):
            contract.with_user(office).action_cancel_contract()
        request.with_user(self.users["wh.manager"]).action_scm_submit()
        self.assertEqual(request.stage, "review")
        with self.assertRaises(UserError):
            contract.with_user(office).action_cancel_contract()
        with self.assertRaises(UserError):
            request.with_user(office).action_cancel_contract()
        self.assertEqual(contract.stage, "printed")

    def test_sup_ctr_03_con_num_04_approved_form_cancels_number_kept(self):
        """SUP-CTR-03 / CON-NUM-04: after approval the HQ office cancels the
        contract; it keeps its number, the numbering has no gap and the
        contract cannot be deleted."""
        contract = self.numbered_contract()
        number = contract.number
        request = self.approved_cancellation(contract)
        self.assertTrue(contract.scm_cancellation_approved)
        office = self.users["msd.manager"]
        request.with_user(office).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")
        self.assertEqual(contract.number, number, "CON-NUM-04: the number stays")
        self.assertTrue(contract.cancelled_date)
        self.assertEqual(request.stage, "done")
        self.assertEqual(request.executed_by_id, office)
        self.assertTrue(request.executed_date)
        issue = self.env["scm.numbering.issue"].search([("number", "=", number)])
        self.assertEqual(issue.res_id, contract.id)
        self.assertEqual(issue.numbering_id.gap_count, 0, "CON-NUM-04: no gap")
        with self.assertRaises(UserError):
            contract.with_user(office).unlink()
        with self.assertRaises(UserError):
            contract.sudo().unlink()
        self.assertTrue(contract.exists())
        with self.assertRaises(UserError):
            contract.with_user(office).action_cancel_contract()

    def test_sup_ctr_03_requester_cancels_from_contract(self):
        """SUP-CTR-03: the requester may also cancel, from the contract."""
        contract = self.numbered_contract()
        request = self.approved_cancellation(contract)
        contract.with_user(self.users["wh.manager"]).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")
        self.assertEqual(request.stage, "done")
        self.assertEqual(request.executed_by_id, self.users["wh.manager"])

    def test_sup_ctr_03_contract_under_approval(self):
        """SUP-CTR-03: a contract that went to approval is cancelled through
        the form too; its open approval round is closed."""
        contract = self.new_contract()
        self.submit(contract)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_cancel_contract()
        request = self.approved_cancellation(contract)
        request.with_user(self.users["wh.manager"]).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")
        self.assertFalse(contract.number)
        self.assertEqual(contract.scm_approval_round_ids.state, "withdrawn")

    def test_sup_ctr_03_draft_contract_needs_no_form(self):
        """SUP-CTR-03 adopts the form for numbered or initiated contracts: a
        draft that never went to approval is cancelled directly."""
        contract = self.new_contract()
        with self.assertRaises(UserError):
            self.request_cancellation(contract)
        self.assertFalse(self.Cancellation.search([("contract_id", "=", contract.id)]))
        contract.with_user(self.users["wh.manager"]).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")

    def test_sup_ctr_03_approver_of_the_contract_type(self):
        """SUP-CTR-03 (FORMS S4): the approver of the contract type decides:
        Market Center Manager for C/N/P, Customer Center Manager for R, MCD
        Manager for J; 1 working day to decide."""
        expected = {
            "sc": "scm_base.dept_market_center",
            "network": "scm_base.dept_market_center",
            "brand": "scm_base.dept_market_center",
            "secondary": "scm_base.dept_customer_center",
            "tech_service": "scm_base.dept_mcd",
        }
        tiers = self.env["tier.definition"].search(
            [("model", "=", "scm.contract.cancellation")]
        )
        for contract_type, unit in expected.items():
            matching = tiers.filtered(
                lambda t, ct=contract_type: self._domain_matches(
                    safe_eval(t.definition_domain), ct
                )
            )
            self.assertEqual(matching.scm_department_id, self.env.ref(unit))
            self.assertEqual(matching.scm_review_days, 1)
        contract = self.numbered_contract()
        request = self.request_cancellation(contract)
        request.with_user(self.users["wh.manager"]).action_scm_submit()
        self.assertEqual(request.review_ids.reviewer_ids, self.users["mc.manager"])
        deadline = request.scm_deadline_ids.filtered(lambda d: d.state == "open")
        self.assertEqual(deadline.user_id, self.users["mc.manager"])
        with self.assertRaises(UserError):
            self.approve(request, self.users["cc.manager"])
        self.assertEqual(request.stage, "review")

    def test_sup_ctr_03_review_deadline_overdue(self):
        """SUP-CTR-03: the approver owes the decision within 1 working day of
        receipt; past it the form shows under the Overdue filter, and the
        decision closes the deadline."""
        contract = self.numbered_contract()
        request = self.request_cancellation(contract)
        # Friday 10:00 in China: due on Monday evening.
        with freeze_time("2026-11-20 02:00:00"):
            request.with_user(self.wh_manager).action_scm_submit()
        overdue = [("id", "=", request.id), ("scm_deadline_overdue", "=", True)]
        with freeze_time("2026-11-23 12:00:00"):
            self.assertFalse(self.Cancellation.search(overdue))
        with freeze_time("2026-11-24 02:00:00"):
            self.assertTrue(self.Cancellation.search(overdue))
            self.approve(request, self.mc_manager, "同意。")
            self.assertFalse(self.Cancellation.search(overdue))
        deadline = request.scm_deadline_ids
        self.assertEqual(deadline.state, "done")
        self.assertEqual(deadline.rule_code, "ORG-RULE-09")

    @staticmethod
    def _domain_matches(domain, contract_type):
        (field, operator, value) = domain[0]
        assert field == "contract_type"
        return contract_type in value if operator == "in" else contract_type == value

    def test_sup_ctr_03_rejection_needs_comment_rounds_kept(self):
        """SUP-CTR-03 on scm_base tiers: a rejection needs a comment, goes
        back to the requester in writing, and every round is kept."""
        contract = self.numbered_contract()
        request = self.request_cancellation(contract)
        manager = self.users["wh.manager"]
        request.with_user(manager).action_scm_submit()
        with self.assertRaises(UserError):
            request.with_user(self.users["mc.manager"])._rejected_tier()
        self.assertEqual(request.stage, "review")
        self.reject(request, self.users["mc.manager"], "请说明重复立项的原合同号。")
        self.assertEqual(request.stage, "draft")
        notice = self.env["scm.notice"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertIn(manager.partner_id, notice.recipient_ids)
        request.with_user(manager).write(
            {"reason_type": "duplicate", "reason": "与 SCMSCWH-2025001 重复立项。"}
        )
        request.with_user(manager).action_scm_submit()
        self.approve(request, self.users["mc.manager"], "同意。")
        self.assertEqual(request.stage, "approved")
        rounds = request.scm_approval_round_ids.sorted("version")
        self.assertEqual(rounds.mapped("state"), ["rejected", "approved"])
        with self.assertRaises(UserError):
            request.with_user(manager).write({"reason": "改"})

    def test_sup_ctr_03_one_open_request(self):
        """SUP-CTR-03: one open cancellation request per contract."""
        contract = self.numbered_contract()
        request = self.request_cancellation(contract)
        with self.assertRaises(ValidationError):
            self.request_cancellation(contract, reason_type="duplicate")
        request.with_user(self.users["wh.manager"]).action_drop()
        self.assertEqual(request.stage, "dropped")
        second = self.request_cancellation(contract, reason_type="duplicate")
        self.assertEqual(second.stage, "draft")

    def test_sup_ctr_03_bad_input_nothing_written(self):
        """SUP-CTR-03: the reason is required; a cancelled contract takes no
        new request."""
        contract = self.numbered_contract()
        with self.assertRaises(ValidationError):
            self.request_cancellation(contract, reason="   ")
        self.assertFalse(self.Cancellation.search([("contract_id", "=", contract.id)]))
        request = self.approved_cancellation(contract)
        request.with_user(self.users["msd.manager"]).action_cancel_contract()
        with self.assertRaises(UserError):
            self.request_cancellation(contract)
        with self.assertRaises(UserError):
            request.with_user(self.users["wh.manager"]).unlink()

    def test_sup_ctr_03_roles(self):
        """SUP-CTR-03: the Branch Manager requests, the approver decides, the
        office or requester cancels; others are refused; other branches do not
        see the form; auditors read only."""
        contract = self.numbered_contract()
        with self.assertRaises(AccessError):
            self.request_cancellation(contract, user=self.users["wh.consultant"])
        with self.assertRaises(AccessError):
            self.request_cancellation(contract, user=self.users["bj.manager"])
        with self.assertRaises(AccessError):
            self.request_cancellation(contract, user=self.users["audit.staff"])
        request = self.request_cancellation(contract)
        with self.assertRaises(AccessError):
            request.with_user(self.users["msd.manager"]).action_scm_submit()
        request.with_user(self.users["wh.manager"]).action_scm_submit()
        self.approve(request, self.users["mc.manager"])
        # Read: the branch, HQ and the auditors; not another branch.
        self.assertEqual(request.with_user(self.users["audit.staff"]).stage, "approved")
        self.assertTrue(request.with_user(self.users["wh.consultant"]).contract_number)
        with self.assertRaises(AccessError):
            request.with_user(self.users["bj.manager"]).read(["reason"])
        with self.assertRaises(AccessError):
            request.with_user(self.users["audit.staff"]).write({"reason": "x"})
        for login in ("finance.staff", "wh.consultant", "cc.manager"):
            with self.assertRaises(AccessError):
                contract.with_user(self.users[login]).action_cancel_contract()
        self.assertEqual(contract.stage, "printed")
        request.with_user(self.users["msd.manager"]).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")

    def test_sup_ctr_03_hq_contract_requested_by_the_office(self):
        """SUP-CTR-03: for an HQ contract the HQ office asks for the
        cancellation (a branch manager may not), the approver of the type
        decides, and the office cancels; the number stays."""
        contract = self.new_contract(
            user=self.msd_manager,
            contract_type="network",
            company_id=self.hq.id,
            partner_id=self.lingnan.id,
            proposal_id=False,
            template_id=self.env.ref("scm_contracts.template_network").id,
        )
        self.printed(contract, submitter=self.msd_manager)
        number = contract.number
        self.assertTrue(number)
        with self.assertRaises(AccessError):
            self.request_cancellation(contract, user=self.wh_manager)
        request = self.request_cancellation(
            contract, user=self.msd_manager, reason_type="duplicate"
        )
        request.with_user(self.msd_manager).action_scm_submit()
        self.assertEqual(request.review_ids.reviewer_ids, self.mc_manager)
        self.approve(request, self.mc_manager, "同意。")
        contract.with_user(self.msd_manager).action_cancel_contract()
        self.assertEqual(contract.stage, "cancelled")
        self.assertEqual(contract.number, number)
        self.assertEqual(request.stage, "done")

    def test_sup_ctr_03_printable_form(self):
        """SUP-CTR-03: the approval sheet prints with the opinions."""
        contract = self.numbered_contract()
        request = self.approved_cancellation(contract)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "scm_contracts.action_report_scm_contract_cancellation", request.ids
        )
        html = html.decode()
        self.assertIn(contract.number, html)
        self.assertIn("同意撤销。", html)
        self.assertIn(self.users["mc.manager"].name, html)

    # -- SUP-KEY-01 ---------------------------------------------------------------
    def test_sup_key_01_president_needs_countersigned_scheme(self):
        """SUP-KEY-01: the President cannot approve a major contract before
        its implementation scheme is countersigned by the PM and the MCD,
        MRD, Software and QC managers; once it is, he can."""
        contract = self.new_contract(amount=500000)
        self.assertEqual(contract.contract_class, "major")
        self.submit(contract)
        self.approve(contract, self.mc_manager)
        self.assertEqual(contract.state, "to_approve")
        president = self.users["president"]
        # Straight through the contract, not the test helper `approve`,
        # which may countersign a scheme for other tests' convenience.
        with self.assertRaises(UserError):
            contract.with_user(president).validate_tier()
        with self.assertRaises(UserError):
            contract.with_user(president)._validate_tier()
        self.assertEqual(contract.state, "to_approve")
        scheme = self.new_scheme(contract)
        self.assertEqual(scheme.stage, "draft")
        for slot, login in (
            ("pm", "wh.consultant"),
            ("mcd", "mcd.manager"),
            ("mrd", "mrd.manager"),
            ("software", "sw.manager"),
        ):
            scheme.with_user(self.users[login]).action_scm_sign(slot)
        self.assertEqual(scheme.stage, "countersigning")
        with self.assertRaises(UserError):
            contract.with_user(president).validate_tier()
        scheme.with_user(self.users["qc.manager"]).action_scm_sign("qc")
        self.assertEqual(scheme.stage, "countersigned")
        self.assertTrue(contract.scm_scheme_countersigned)
        signatures = scheme.scm_signature_ids
        self.assertEqual(len(signatures), 5)
        self.assertTrue(all(signatures.mapped("signed_at")))
        self.approve(contract, president, "同意。")
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.stage, "approved")
        with self.assertRaises(UserError):
            scheme.with_user(self.users["wh.consultant"]).action_cancel_scheme()

    def test_sup_key_01_same_person_twice_refused(self):
        """SUP-KEY-01: each party countersigns once; a person who heads two
        of the units cannot give both signatures; a signature is not given
        twice; the PM is not also a countersigning manager."""
        contract = self.new_contract(amount=500000)
        mrd_manager = self.users["mrd.manager"]
        software = self.env.ref("scm_base.dept_software")
        software.manager_id = self.env.ref("scm_base.dept_mrd").manager_id
        scheme = self.new_scheme(contract)
        scheme.with_user(mrd_manager).action_scm_sign("mrd")
        with self.assertRaises(UserError):
            scheme.with_user(mrd_manager).action_scm_sign("mrd")
        with self.assertRaises(UserError):
            scheme.with_user(mrd_manager).action_scm_sign("software")
        self.assertEqual(
            scheme.scm_signature_ids.filtered(lambda s: s.slot == "software").state,
            "pending",
        )
        with self.assertRaises(ValidationError):
            self.new_scheme(
                contract,
                user=self.users["wh.manager"],
                pm_user_id=self.users["qc.manager"].id,
            )

    def test_sup_key_01_only_major_or_key(self):
        """SUP-KEY-01: the scheme belongs to a major contract or key project."""
        contract = self.new_contract()
        self.assertEqual(contract.contract_class, "regular")
        self.assertFalse(contract.scm_scheme_required)
        with self.assertRaises(ValidationError):
            self.new_scheme(contract)
        contract.with_user(self.users["wh.manager"]).write(
            {"key_industry_development": True}
        )
        self.assertTrue(contract.is_key_project)
        scheme = self.new_scheme(contract)
        self.assertTrue(contract.scm_scheme_required)
        with self.assertRaises(ValidationError):
            self.new_scheme(contract)
        self.assertEqual(contract.scheme_count, 1)
        scheme.with_user(self.users["wh.manager"]).action_cancel_scheme()
        self.new_scheme(contract)

    def test_sup_key_01_roles(self):
        """SUP-KEY-01: the PM, the branch and the MCD Manager write the
        scheme; each signer gives only their own countersignature; the text
        freezes with the first one; auditors and other branches are refused."""
        contract = self.new_contract(amount=500000)
        with self.assertRaises(AccessError):
            self.new_scheme(contract, user=self.users["audit.staff"])
        with self.assertRaises(AccessError):
            self.new_scheme(contract, user=self.users["bj.manager"])
        with self.assertRaises(AccessError):
            self.new_scheme(contract, user=self.users["sw.manager"])
        scheme = self.new_scheme(contract, user=self.users["wh.manager"])
        scheme.with_user(self.users["mcd.manager"]).write({"title": "实施方案 v2"})
        with self.assertRaises(AccessError):
            scheme.with_user(self.users["qc.manager"]).write({"title": "改"})
        with self.assertRaises(AccessError):
            scheme.with_user(self.users["audit.staff"]).write({"title": "改"})
        with self.assertRaises(AccessError):
            scheme.with_user(self.users["bj.manager"]).read(["title"])
        self.assertEqual(scheme.with_user(self.users["audit.staff"]).stage, "draft")
        with self.assertRaises(UserError):
            scheme.with_user(self.users["qc.manager"]).action_scm_sign("mcd")
        self.assertEqual(scheme.with_user(self.users["qc.manager"]).my_slot, "qc")
        scheme.with_user(self.users["qc.manager"]).action_sign_mine()
        self.assertEqual(scheme.stage, "countersigning")
        with self.assertRaises(UserError):
            scheme.with_user(self.users["wh.manager"]).write({"content": "<p>改</p>"})
        with self.assertRaises(UserError):
            scheme.with_user(self.users["wh.manager"]).unlink()

    def test_sup_key_01_scheme_needs_content(self):
        """SUP-KEY-01: an empty scheme is not countersigned."""
        contract = self.new_contract(amount=500000)
        scheme = self.new_scheme(contract, content="<p><br></p>")
        with self.assertRaises(UserError):
            scheme.with_user(self.users["wh.consultant"]).action_scm_sign("pm")
        self.assertEqual(scheme.stage, "draft")
        self.assertFalse(
            scheme.scm_signature_ids.filtered(lambda s: s.state == "signed")
        )

    def test_sup_key_01_printable_scheme(self):
        """SUP-KEY-01: the scheme prints with the countersigners' names."""
        contract = self.new_contract(amount=500000)
        scheme = self.new_scheme(contract)
        self.countersign(scheme)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "scm_contracts.action_report_scm_contract_scheme", scheme.ids
        )
        html = html.decode()
        for login in ("wh.consultant", "mcd.manager", "mrd.manager", "qc.manager"):
            self.assertIn(self.users[login].name, html)
