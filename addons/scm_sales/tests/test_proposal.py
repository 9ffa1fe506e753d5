from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmSalesCase

# Friday 2026-11-20, 10:00 in Beijing; 1 WD later is Monday 23:59:59 local.
FRIDAY_10AM_UTC = "2026-11-20 02:00:00"
MONDAY_END = datetime(2026, 11, 23, 15, 59, 59)
TUESDAY_END = datetime(2026, 11, 24, 15, 59, 59)
WEDNESDAY_END = datetime(2026, 11, 25, 15, 59, 59)
PANEL = ("mc.manager", "cc.manager", "sc.manager", "sw.manager", "qc.manager")
SECTIONS = {
    "background": "客户库存数据每月人工盘点，畅销款断货与滞销款积压并存。",
    "management_theory": "以运作链管理为主线，流程管人。",
    "element_method": "梳理五类基础要素并统一编码，建立单据流。",
    "future_model": "总部集中计划，工厂按单生产，门店每日回传。",
    "quotation_amount": 380000,
    "quotation_text": "软件许可26万元，咨询实施12万元。",
    "implementation_time": "合同签订后约3个月。",
}


class ProposalCase(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Proposal = cls.env["scm.sales.proposal"]
        cls.chufeng = cls.env.ref("scm_sales.partner_wh_chufeng")
        cls.jinghua = cls.env.ref("scm_sales.partner_bj_jinghua")
        cls.consultant = cls.users["wh.consultant"]
        cls.manager = cls.users["wh.manager"]
        cls.msd = cls.users["msd.manager"]

    def new_proposal(self, user=None, **vals):
        user = user or self.consultant
        values = {
            "title": "楚风服饰 SCMS 企业管理改造项目",
            "company_id": user.company_id.id,
            "partner_id": self.chufeng.id,
            "consultant_id": user.id,
            **SECTIONS,
        }
        values.update(vals)
        return self.Proposal.with_user(user).create(values)

    def sign_and_send(self, proposal, manager=None):
        manager = manager or self.manager
        proposal.with_user(manager).action_branch_sign()
        return proposal.with_user(manager).action_scm_submit()

    def opine(self, proposal, login, decision="approve", opinion="同意"):
        proposal.with_user(self.users[login]).action_scm_give_opinion(decision, opinion)

    def panel_approves(self, proposal, logins=PANEL):
        for login in logins:
            self.opine(proposal, login)

    def open_deadline(self, proposal, code, user=None):
        return proposal._scm_deadlines(code, user=user)

    def notices(self, proposal):
        return self.env["scm.notice"]._scm_sent(proposal)


@tagged("post_install", "-at_install")
class TestProposal(ProposalCase):
    # -- SAL-PROP-01 ---------------------------------------------------------
    def test_sal_prop_01_every_section_is_required(self):
        """SAL-PROP-01: signing and sending are refused while a section is
        empty; nothing is signed or submitted."""
        for field in ("background", "element_method", "implementation_time"):
            proposal = self.new_proposal(**{field: "  "})
            with self.assertRaises(UserError):
                proposal.with_user(self.manager).action_branch_sign()
            with self.assertRaises(UserError):
                proposal.with_user(self.manager).action_scm_submit()
            self.assertEqual(proposal.stage, "draft")
            self.assertFalse(proposal.scm_approval_round_ids)
            self.assertFalse(
                proposal.scm_signature_ids.filtered(lambda s: s.state == "signed")
            )
        no_price = self.new_proposal(quotation_amount=0)
        with self.assertRaises(UserError):
            no_price.with_user(self.manager).action_branch_sign()

    def test_sal_prop_01_author_is_a_consultant_of_the_branch(self):
        """SAL-PROP-01: the author must be a management consultant of the
        proposal's branch."""
        with self.assertRaises(ValidationError):
            self.new_proposal(consultant_id=self.manager.id)
        with self.assertRaises(ValidationError):
            self.new_proposal(consultant_id=self.users["bj.consultant"].id)
        # MCD's consultants work at HQ, not for a branch.
        mcd = self.env.ref("scm_base.user_mcd_consultant")
        with self.assertRaises(ValidationError):
            self.new_proposal(consultant_id=mcd.id)
        self.assertFalse(
            self.Proposal.search([("consultant_id", "in", (self.manager | mcd).ids)])
        )
        # The branch manager may open the file for a consultant of the branch.
        proposal = self.new_proposal(
            user=self.manager, consultant_id=self.consultant.id
        )
        self.assertEqual(proposal.consultant_id, self.consultant)
        self.assertTrue(proposal.name.startswith("EMT-"))

    def test_proposal_respects_the_territory(self):
        """SAL-TERR via the core: a branch cannot write a proposal for a
        customer it may not work; nothing is created."""
        customer = self.new_customer(
            self.users["bj.consultant"],
            name="北京测试服饰",
            state_id=self.beijing_state.id,
        )
        with self.assertRaises(UserError):  # AccessError included
            self.new_proposal(partner_id=customer.id)
        self.assertFalse(
            self.Proposal.sudo().search([("partner_id", "=", customer.id)])
        )

    # -- SAL-PROP-02 ---------------------------------------------------------
    def test_sal_prop_02_unsigned_proposal_is_not_sent(self):
        """SAL-PROP-02 / ORG-RULE-05: without the Branch Manager's signature the
        proposal is not sent; the attempt is logged for the Audit Dept."""
        proposal = self.new_proposal()
        result = proposal.with_user(self.manager).action_scm_submit()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.scm_approval_round_ids)
        violation = self.env["scm.procedure.violation"].search(
            [("res_model", "=", proposal._name), ("res_id", "=", proposal.id)]
        )
        self.assertEqual(violation.user_id, self.manager)
        # Only the branch's manager signs and sends.
        with self.assertRaises(UserError):
            proposal.with_user(self.consultant).action_branch_sign()
        with self.assertRaises(UserError):
            proposal.with_user(self.users["bj.manager"]).action_branch_sign()
        proposal.with_user(self.manager).action_branch_sign()
        self.assertEqual(proposal.stage, "branch_signed")
        with self.assertRaises(AccessError):
            proposal.with_user(self.consultant).action_scm_submit()
        proposal.with_user(self.manager).action_scm_submit()
        self.assertEqual(proposal.stage, "msd_prereview")
        self.assertEqual(proposal.scm_signature_ids.signer_id, self.manager)

    def test_sal_prop_02_signed_version_is_frozen(self):
        """SAL-PROP-02: what the Branch Manager signed cannot be changed."""
        proposal = self.new_proposal()
        proposal.with_user(self.manager).action_branch_sign()
        with self.assertRaises(UserError):
            proposal.with_user(self.consultant).write({"quotation_amount": 1})
        self.assertEqual(proposal.quotation_amount, 380000)
        with self.assertRaises(UserError):
            proposal.with_user(self.consultant).unlink()

    # -- SAL-PROP-03 ---------------------------------------------------------
    def test_sal_prop_03_prereview_clock_and_rejection(self):
        """SAL-PROP-03: the MSD Manager's pre-review is due receipt + 1 WD; the
        panel waits; a rejection returns the proposal to the branch with the
        opinion, and the resubmission restarts the 1-WD clock."""
        with freeze_time(FRIDAY_10AM_UTC):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)
            review = self.open_deadline(proposal, "ORG-RULE-09")
            self.assertEqual(review.user_id, self.msd)
            self.assertEqual(review.due_date, MONDAY_END)
            # The panel waits for the pre-review.
            with self.assertRaises(UserError):
                self.opine(proposal, "qc.manager")
            self.assertFalse(
                self.Proposal.with_user(self.users["qc.manager"]).search(
                    [("can_review", "=", True), ("id", "=", proposal.id)]
                )
            )
            self.opine(
                proposal, "msd.manager", "reject", "客户需求描述不清，请补充调研结论"
            )
        self.assertEqual(proposal.stage, "draft")
        self.assertEqual(proposal.state, "draft")
        opinion = proposal.scm_approval_round_ids.opinion_ids.filtered(
            lambda o: o.decision == "rejected"
        )
        self.assertEqual(opinion.reviewer_id, self.msd)
        notice = self.notices(proposal)
        self.assertEqual(notice.recipient_ids, self.manager.partner_id)
        self.assertIn("客户需求描述不清", notice.body)
        # The revised version needs a new signature before it goes again.
        proposal.with_user(self.consultant).write(
            {"background": "补充：调研结论见附件。"}
        )
        self.assertEqual(
            proposal.with_user(self.manager).action_scm_submit()["tag"],
            "display_notification",
        )
        with freeze_time("2026-11-23 02:00:00"):
            self.sign_and_send(proposal)
        self.assertEqual(proposal.stage, "msd_prereview")
        self.assertEqual(proposal.scm_approval_version, 2)
        self.assertEqual(len(proposal.scm_signature_ids), 2)
        self.assertEqual(
            self.open_deadline(proposal, "ORG-RULE-09").due_date, TUESDAY_END
        )

    # -- SAL-PROP-04 ---------------------------------------------------------
    def test_sal_prop_04_panel_lines_each_due_in_one_working_day(self):
        """SAL-PROP-04: after the pre-review, one line per panel reviewer (and
        per reviewer the MSD Manager added), each due at receipt + 1 WD; an
        approval without an opinion is refused."""
        extra = self.users["mcd.manager"]
        with freeze_time(FRIDAY_10AM_UTC):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)
            with self.assertRaises(AccessError):
                proposal.with_user(self.manager).write(
                    {"scm_extra_reviewer_ids": [(4, extra.id)]}
                )
            proposal.with_user(self.msd).write(
                {"scm_extra_reviewer_ids": [(4, extra.id)]}
            )
        with freeze_time("2026-11-23 01:00:00"):
            self.opine(proposal, "msd.manager", "approve", "同意提交评审")
        self.assertEqual(proposal.stage, "panel_review")
        deadlines = self.open_deadline(proposal, "ORG-RULE-09")
        expected = {self.users[login] for login in PANEL} | {extra}
        self.assertEqual(set(deadlines.mapped("user_id")), expected)
        self.assertEqual(set(deadlines.mapped("due_date")), {TUESDAY_END})
        with self.assertRaises(UserError):
            self.opine(proposal, "mc.manager", "approve", " ")
        with self.assertRaises(UserError):
            proposal.with_user(self.msd).write(
                {"scm_extra_reviewer_ids": [(4, self.users["mcd.manager"].id)]}
            )
        # The form's dialog path: approve needs its comment too.
        action = proposal.with_user(self.users["mc.manager"]).validate_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.users["mc.manager"])
            .with_context(**action["context"])
            .create({"comment": "符合产品方向"})
        )
        wizard.add_comment()
        self.panel_approves(proposal, PANEL[1:] + ("mcd.manager",))
        self.assertEqual(proposal.stage, "approved")
        rnd = proposal.scm_approval_round_ids
        self.assertEqual(len(rnd.opinion_ids), 7)
        self.assertIn("符合产品方向", rnd.opinion_ids.mapped("comment"))

    def test_sal_prop_04_outsiders_give_no_opinion(self):
        """SAL-PROP-04: someone who is not on the panel cannot give an opinion."""
        proposal = self.new_proposal()
        self.sign_and_send(proposal)
        self.opine(proposal, "msd.manager")
        for login in ("bj.manager", "wh.consultant", "audit.staff", "president"):
            with self.assertRaises(UserError):  # AccessError included
                self.opine(proposal, login)
        with self.assertRaises(UserError):
            proposal.with_user(self.users["bj.manager"]).reject_tier()
        self.assertEqual(len(proposal.scm_approval_round_ids.opinion_ids), 1)

    # -- SAL-PROP-05 ---------------------------------------------------------
    def test_sal_prop_05_late_review_flagged_on_msd_manager(self):
        """SAL-PROP-05: a review not decided within 1 WD of receipt is overdue on
        the MSD Manager; the decided review is archived with every line."""
        with freeze_time(FRIDAY_10AM_UTC):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)
        overall = self.open_deadline(proposal, "SAL-PROP-05")
        self.assertEqual(overall.user_id, self.msd)
        self.assertEqual(overall.due_date, MONDAY_END)
        with freeze_time("2026-11-25 03:00:00"):
            self.env["scm.deadline"]._cron_flag_overdue()
            self.assertIn(
                proposal, self.Proposal.search([("scm_deadline_overdue", "=", True)])
            )
            self.opine(proposal, "msd.manager")
            self.panel_approves(proposal)
        done = proposal._scm_deadlines("SAL-PROP-05", state="done")
        self.assertTrue(done.is_overdue)
        self.assertEqual(done.days_late, 2)
        self.assertEqual(len(proposal.scm_approval_round_ids.opinion_ids), 6)
        self.assertEqual(proposal.scm_approval_round_ids.state, "approved")

    # -- SAL-PROP-06 ---------------------------------------------------------
    def test_sal_prop_06_unanimous_approval(self):
        """SAL-PROP-06: all approve → approved, a written notice to the branch
        and 1 WD for the Branch Manager to submit it to the customer."""
        with freeze_time(FRIDAY_10AM_UTC):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)
            self.opine(proposal, "msd.manager")
            self.panel_approves(proposal)
        self.assertEqual(proposal.stage, "approved")
        notice = self.notices(proposal)
        self.assertEqual(
            notice.recipient_ids, self.manager.partner_id | self.consultant.partner_id
        )
        self.assertEqual(notice.sender_id, self.msd)
        submit = self.open_deadline(proposal, "SAL-PROP-06")
        self.assertEqual(submit.user_id, self.manager)
        self.assertEqual(submit.due_date, MONDAY_END)
        self.assertFalse(self.open_deadline(proposal, "SAL-PROP-05"))
        with self.assertRaises(AccessError):
            proposal.with_user(self.consultant).action_send_to_customer()
        proposal.with_user(self.manager).action_send_to_customer()
        self.assertEqual(proposal.stage, "sent_to_customer")
        self.assertEqual(submit.state, "done")

    # -- SAL-PROP-07 ---------------------------------------------------------
    def test_sal_prop_07_one_rejection_ends_the_round(self):
        """SAL-PROP-07: one "not approve" ends the round → revision, a written
        notice to the Branch Manager, 2 WD to revise; the resubmission opens
        round 2 (version +1) straight at the panel."""
        with freeze_time(FRIDAY_10AM_UTC):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)
            self.opine(proposal, "msd.manager")
            self.opine(proposal, "mc.manager")
            self.opine(
                proposal, "qc.manager", "reject", "验收安排不足，请补充分批上线计划"
            )
        self.assertEqual(proposal.stage, "revision")
        rnd = proposal.scm_approval_round_ids
        self.assertEqual(rnd.state, "rejected")
        decisions = sorted(rnd.opinion_ids.mapped("decision"))
        self.assertEqual(
            decisions, ["approved"] * 2 + ["not_reviewed"] * 3 + ["rejected"]
        )
        self.assertFalse(self.open_deadline(proposal, "ORG-RULE-09"))
        notice = self.notices(proposal)
        self.assertEqual(notice.recipient_ids, self.manager.partner_id)
        self.assertIn("验收安排不足", notice.body)
        revise = self.open_deadline(proposal, "SAL-PROP-07")
        self.assertEqual(revise.user_id, self.manager)
        self.assertEqual(revise.due_date, TUESDAY_END)
        proposal.with_user(self.manager).write(
            {"implementation_time": "分三批上线，约4个月"}
        )
        with freeze_time("2026-11-23 02:00:00"):
            self.sign_and_send(proposal)
        self.assertEqual(proposal.stage, "panel_review")
        self.assertEqual(proposal.scm_approval_version, 2)
        self.assertEqual(len(proposal.scm_approval_round_ids), 2)
        self.assertEqual(revise.state, "done")
        self.assertFalse(revise.is_overdue)
        self.assertEqual(
            set(self.open_deadline(proposal, "ORG-RULE-09").user_id),
            {self.users[login] for login in PANEL},
        )
        self.panel_approves(proposal)
        self.assertEqual(proposal.stage, "approved")
        self.assertIn(
            '"implementation_time": "分三批上线，约4个月"',
            proposal._scm_current_round().snapshot,
        )

    # -- SAL-PROP-08 ---------------------------------------------------------
    def test_sal_prop_08_customer_acceptance_opens_contract_deadline(self):
        """SAL-PROP-08: acceptance → the S&C contract is due acceptance + 2 WD
        on the Branch Manager, through the hook scm_contracts extends."""
        proposal = self._approved_proposal()
        proposal.with_user(self.manager).action_send_to_customer()
        with freeze_time(FRIDAY_10AM_UTC):
            proposal.with_user(self.manager).action_customer_accept()
        self.assertEqual(proposal.stage, "customer_accepted")
        contract = self.open_deadline(proposal, "SAL-PROP-08")
        self.assertEqual(contract.user_id, self.manager)
        self.assertEqual(contract.due_date, TUESDAY_END)
        self.assertFalse(proposal._scm_extra_tiers().filtered("active"))

    # -- SAL-PROP-09 ---------------------------------------------------------
    def test_sal_prop_09_customer_rejection_starts_a_new_round(self):
        """SAL-PROP-09: "customer rejected" → revision; the next submission opens
        a new review round with the MSD Manager's deadline again."""
        proposal = self._approved_proposal()
        proposal.with_user(self.manager).action_send_to_customer()
        with self.assertRaises(UserError):
            proposal.with_user(self.manager).action_customer_reject()
        proposal.with_user(self.manager).write(
            {"customer_feedback": "报价偏高，希望分两期付款"}
        )
        proposal.with_user(self.manager).action_customer_reject()
        self.assertEqual(proposal.stage, "customer_rejected")
        proposal.with_user(self.consultant).action_start_revision()
        self.assertEqual(proposal.stage, "revision")
        self.assertEqual(proposal.state, "draft")
        proposal.with_user(self.consultant).write({"quotation_amount": 350000})
        self.sign_and_send(proposal)
        self.assertEqual(proposal.stage, "panel_review")
        self.assertEqual(proposal.scm_approval_version, 2)
        self.assertEqual(self.open_deadline(proposal, "SAL-PROP-05").user_id, self.msd)
        self.panel_approves(proposal)
        self.assertEqual(proposal.stage, "approved")
        self.assertEqual(len(self.notices(proposal)), 2)

    def _approved_proposal(self):
        proposal = self.new_proposal()
        self.sign_and_send(proposal)
        self.opine(proposal, "msd.manager")
        self.panel_approves(proposal)
        return proposal

    # -- SAL-PROP-10 ---------------------------------------------------------
    def test_sal_prop_10_illegal_transitions_are_refused(self):
        """SAL-PROP-10: customer_accepted only from sent_to_customer; an approved
        proposal is not submitted again; the stage moves only by actions."""
        proposal = self.new_proposal()
        as_manager = proposal.with_user(self.manager)
        for action in (
            as_manager.action_send_to_customer,
            as_manager.action_customer_accept,
            as_manager.action_start_revision,
        ):
            with self.assertRaises(UserError):
                action()
        with self.assertRaises(UserError):
            proposal.with_user(self.consultant).write({"stage": "approved"})
        self.assertEqual(proposal.stage, "draft")
        self.sign_and_send(proposal)
        with self.assertRaises(UserError):
            proposal.with_user(self.consultant).write({"background": "改"})
        with self.assertRaises(UserError):
            as_manager.action_customer_accept()
        self.opine(proposal, "msd.manager")
        self.panel_approves(proposal)
        with self.assertRaises(UserError):
            as_manager.action_scm_submit()
        with self.assertRaises(UserError):
            as_manager.action_customer_accept()
        with self.assertRaises(UserError):
            as_manager.action_branch_sign()
        self.assertEqual(proposal.stage, "approved")
        self.assertEqual(len(proposal.scm_approval_round_ids), 1)
        as_manager.action_send_to_customer()
        as_manager.action_customer_accept()
        with self.assertRaises(UserError):
            as_manager.action_customer_reject()
        self.assertEqual(proposal.stage, "customer_accepted")

    def test_sal_prop_10_withdraw_returns_to_the_branch(self):
        """SAL-PROP-10: a proposal taken back before a decision returns to draft
        (or to revision when it came from there); the round stays in history."""
        proposal = self.new_proposal()
        self.sign_and_send(proposal)
        with self.assertRaises(AccessError):
            proposal.with_user(self.consultant).action_scm_withdraw()
        proposal.with_user(self.manager).action_scm_withdraw()
        self.assertEqual(proposal.stage, "draft")
        self.assertEqual(proposal.scm_approval_round_ids.state, "withdrawn")
        self.assertFalse(self.open_deadline(proposal, "SAL-PROP-05"))


@tagged("post_install", "-at_install")
class TestProposalAccess(ProposalCase):
    def test_branch_isolation_and_audit_reads_only(self):
        """A Beijing consultant cannot read a Wuhan proposal; HQ reviewers and the
        Audit Dept read every branch's; auditors change nothing."""
        proposal = self.new_proposal()
        self.assertFalse(
            self.Proposal.with_user(self.users["bj.consultant"]).search(
                [("id", "=", proposal.id)]
            )
        )
        with self.assertRaises(AccessError):
            proposal.with_user(self.users["bj.consultant"]).read(["title"])
        for login in ("audit.staff", "msd.manager", "qc.manager"):
            self.assertEqual(
                proposal.with_user(self.users[login]).title, proposal.title
            )
        auditor = self.users["audit.staff"]
        with self.assertRaises(AccessError):
            proposal.with_user(auditor).write({"lead_id": False})
        with self.assertRaises(AccessError):
            self.new_proposal(user=auditor)
        with self.assertRaises(AccessError):
            proposal.with_user(self.users["qc.manager"]).write({"lead_id": False})

    def test_review_panel_lists_what_waits_for_me(self):
        """The review panel list shows a reviewer the proposals whose line is due."""
        proposal = self.new_proposal()
        self.sign_and_send(proposal)
        qc = self.users["qc.manager"]
        mine = [("can_review", "=", True)]
        self.assertIn(proposal, self.Proposal.with_user(self.msd).search(mine))
        self.assertNotIn(proposal, self.Proposal.with_user(qc).search(mine))
        self.opine(proposal, "msd.manager")
        self.assertIn(proposal, self.Proposal.with_user(qc).search(mine))
        self.opine(proposal, "qc.manager")
        self.assertNotIn(proposal, self.Proposal.with_user(qc).search(mine))

    def test_reports_print_signature_and_opinions(self):
        """The proposal prints with the Branch Manager's signature (refused
        unsigned); the 《项目评审意见表》 of each round lists every reviewer,
        decision, opinion and time."""
        proposal = self.new_proposal()
        report = self.env["ir.actions.report"]
        with self.assertRaises(UserError):
            report._render_qweb_pdf(
                "scm_sales.action_report_scm_sales_proposal", proposal.ids
            )
        self.sign_and_send(proposal)
        # The signed version prints; once rejected, the revision is unsigned
        # and refused as final (scm_base), so it is printed while in review.
        html = report._render_qweb_html(
            "scm_sales.action_report_scm_sales_proposal", proposal.ids
        )[0].decode()
        self.assertIn(self.manager.name, html)
        self.assertIn("软件许可26万元", html)
        self.opine(proposal, "msd.manager", "approve", "同意评审")
        self.opine(proposal, "qc.manager", "reject", "验收标准缺失")
        forms = proposal.with_user(self.manager).action_print_review_forms()
        self.assertEqual(
            forms["report_name"], "scm_sales.report_scm_sales_proposal_review"
        )
        html = report._render_qweb_html(
            "scm_sales.action_report_scm_sales_proposal_review",
            proposal.scm_approval_round_ids.ids,
        )[0].decode()
        for text in (
            "同意评审",
            "验收标准缺失",
            self.msd.name,
            self.users["qc.manager"].name,
        ):
            self.assertIn(text, html)


@tagged("post_install", "-at_install")
class TestProposalAcceptance(ProposalCase):
    def test_issue_acceptance_story(self):
        """The issue's acceptance: wh.consultant submits; msd.manager and the
        panel review in their own logins; one rejection ends the round; the
        revised proposal passes; the overdue report shows what was late and by
        whom."""
        with freeze_time(FRIDAY_10AM_UTC):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)
            self.opine(proposal, "msd.manager", "approve", "同意")
        # Wednesday: QC rejects two working days late; the others never decide.
        with freeze_time("2026-11-25 03:00:00"):
            self.env["scm.deadline"]._cron_flag_overdue()
            self.opine(proposal, "qc.manager", "reject", "请补充验收标准")
        self.assertEqual(proposal.stage, "revision")
        with freeze_time("2026-11-26 02:00:00"):
            proposal.with_user(self.consultant).write(
                {"implementation_time": "分批验收，约4个月"}
            )
            self.sign_and_send(proposal)
            self.panel_approves(proposal)
        self.assertEqual(proposal.stage, "approved")
        self.assertEqual(
            proposal.scm_approval_round_ids.mapped("state"), ["approved", "rejected"]
        )
        late = (
            self.env["scm.deadline"]
            .with_user(self.users["audit.staff"])
            .search(
                [
                    ("res_model", "=", proposal._name),
                    ("res_id", "=", proposal.id),
                    ("is_overdue", "=", True),
                ]
            )
        )
        late_by = {(d.rule_code, d.user_id.login) for d in late}
        self.assertIn(("ORG-RULE-09", "qc.manager"), late_by)
        self.assertIn(("SAL-PROP-05", "msd.manager"), late_by)
        self.assertNotIn(("ORG-RULE-09", "msd.manager"), late_by)
        groups = self.env["scm.deadline"].read_group(
            [("res_model", "=", proposal._name), ("is_overdue", "=", True)],
            ["days_late:sum"],
            ["user_id"],
        )
        self.assertTrue(
            any(g["user_id"][0] == self.users["qc.manager"].id for g in groups)
        )


@tagged("post_install", "-at_install")
class TestProposalListQueries(ProposalCase):
    def _list_queries(self, user):
        view = self.env.ref("scm_sales.view_scm_sales_proposal_list")
        views = self.Proposal.get_views([(view.id, "list")])
        arch_fields = views["models"]["scm.sales.proposal"]["fields"]
        spec = {name: {} for name in arch_fields}
        for many2one in ("company_id", "partner_id", "consultant_id", "currency_id"):
            spec[many2one] = {"fields": {"display_name": {}}}
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = self.Proposal.with_user(user).web_search_read(
            [("company_id", "=", self.wuhan.id)], spec
        )
        return self.env.cr.sql_log_count - before, result["length"]

    def _proposals(self, count):
        for _index in range(count):
            proposal = self.new_proposal()
            self.sign_and_send(proposal)

    def test_proposal_list_constant_queries(self):
        """The proposal list costs the same queries for 3 rows or 12."""
        user = self.users["wh.manager"]
        self._proposals(3)
        self._list_queries(user)
        few, rows_few = self._list_queries(user)
        self._proposals(9)
        many, rows_many = self._list_queries(user)
        self.assertEqual(rows_many - rows_few, 9)
        self.assertEqual(few, many)


@tagged("post_install", "-at_install")
class TestProposalViews(ProposalCase):
    def test_views_load_with_the_review_buttons(self):
        """Every view of the proposal loads for a branch manager and a
        reviewer; the form carries the send, approve and reject buttons."""
        for login in ("wh.manager", "qc.manager", "audit.staff"):
            views = self.Proposal.with_user(self.users[login]).get_views(
                [(False, "list"), (False, "form"), (False, "kanban"), (False, "pivot")]
            )
            arch = views["views"]["form"]["arch"]
            arch = arch.decode() if isinstance(arch, bytes) else arch
            for element in ("validate_tier", "reject_tier", "action_scm_print_final"):
                self.assertIn(element, arch)
        arch = self.Proposal.with_user(self.manager).get_views([(False, "form")])
        arch = arch["views"]["form"]["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn("action_scm_submit", arch)
        self.assertIn("action_branch_sign", arch)
