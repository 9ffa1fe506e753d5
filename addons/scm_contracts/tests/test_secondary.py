from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_secondary import ALWAYS_REVIEWING, SecondaryCase

# Friday 2026-11-20, 10:00 in Beijing; 1 WD later is Monday 23:59:59 local.
FRIDAY_10AM_UTC = "2026-11-20 02:00:00"
MONDAY_9AM_UTC = "2026-11-23 01:00:00"
TUESDAY_NOON_UTC = "2026-11-24 04:00:00"
WEDNESDAY_NOON_UTC = "2026-11-25 04:00:00"
MONDAY_END = datetime(2026, 11, 23, 15, 59, 59)
TUESDAY_END = datetime(2026, 11, 24, 15, 59, 59)


@tagged("post_install", "-at_install")
class TestSecondaryRequirement(SecondaryCase):
    # -- CON-SEC-01 ------------------------------------------------------------
    def test_con_sec_01_branch_drafts_for_its_own_customer(self):
        """CON-SEC-01: the branch writes the report for one of its existing
        customers, in a territory it may work (SAL-TERR); nothing is created
        otherwise."""
        report = self.new_requirement()
        self.assertEqual(report.state, "draft")
        self.assertTrue(report.name.startswith("CRR-"))
        self.assertEqual(report.company_id, self.wuhan)
        # A Beijing customer is outside Wuhan's territory.
        with self.assertRaises(UserError):
            self.new_requirement(partner_id=self.jinghua.id)
        # A partner that is not a customer file of the branch.
        stranger = self.env["res.partner"].create(
            {"name": "某供应商", "is_company": True, "state_id": self.hubei.id}
        )
        with self.assertRaises(UserError):
            self.new_requirement(partner_id=stranger.id)
        self.assertFalse(
            self.Requirement.sudo().search(
                [("partner_id", "in", (self.jinghua | stranger).ids)]
            )
        )
        # HQ does not write the branch's reports, nor can another branch.
        with self.assertRaises(AccessError):
            self.Requirement.with_user(self.mcd).create(
                {
                    "title": "HQ",
                    "company_id": self.wuhan.id,
                    "partner_id": self.chufeng.id,
                    "user_id": self.consultant.id,
                    "requirement": "x",
                }
            )
        with self.assertRaises(ValidationError):
            self.new_requirement(user_id=self.users["bj.consultant"].id)

    def test_con_sec_01_unsigned_report_is_not_sent(self):
        """CON-SEC-01 / ORG-RULE-05: without the Branch Manager's signature the
        report does not reach MCD; the attempt is logged for the Audit Dept."""
        report = self.new_requirement()
        result = report.with_user(self.consultant).action_send_to_mcd()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(report.state, "draft")
        self.assertFalse(report.received_date)
        self.assertFalse(report._scm_deadlines("CON-SEC-02"))
        violation = self.env["scm.procedure.violation"].search(
            [("res_model", "=", report._name), ("res_id", "=", report.id)]
        )
        self.assertEqual(violation.user_id, self.consultant)
        # Only the branch's manager signs.
        with self.assertRaises(UserError):
            report.with_user(self.consultant).action_branch_sign()
        with self.assertRaises(UserError):
            report.with_user(self.users["bj.manager"]).action_branch_sign()
        self.assertFalse(report.branch_signed)

    def test_con_sec_01_incomplete_report_is_not_signed(self):
        """CON-SEC-01: the Branch Manager signs a complete report only."""
        report = self.new_requirement(requirement="  ")
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_branch_sign()
        self.assertFalse(report.branch_signed)
        self.assertEqual(report.state, "draft")

    @freeze_time(FRIDAY_10AM_UTC)
    def test_con_sec_01_signed_report_reaches_mcd_with_receipt_time(self):
        """CON-SEC-01: signed by the Branch Manager, then sent electronically:
        MCD's receipt is the server time of sending; the signed text is
        frozen."""
        report = self.new_requirement()
        report.with_user(self.manager).action_branch_sign()
        self.assertEqual(report.state, "branch_signed")
        signature = report._scm_current_signature()
        self.assertEqual(signature.signer_id, self.manager)
        self.assertEqual(signature.signed_at, fields.Datetime.now())
        with self.assertRaises(UserError):
            report.with_user(self.consultant).write({"requirement": "改了"})
        self.assertTrue(report.with_user(self.consultant).action_send_to_mcd())
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.received_date, fields.Datetime.now())
        with self.assertRaises(UserError):
            report.with_user(self.consultant).write({"received_date": False})

    def test_con_sec_01_access_by_branch_hq_and_audit(self):
        """Branch users see their branch's reports only; HQ and the Audit
        Dept see all; auditors cannot change them; reviewers write only their
        own review line."""
        report = self.unanimous_requirement()
        with self.assertRaises(AccessError):
            report.with_user(self.users["bj.consultant"]).read(["title"])
        self.assertFalse(
            self.Requirement.with_user(self.users["bj.manager"]).search(
                [("id", "=", report.id)]
            )
        )
        audit = self.users["audit.staff"]
        self.assertEqual(report.with_user(audit).title, report.title)
        self.assertEqual(len(report.with_user(audit).review_ids.line_ids), 4)
        with self.assertRaises(AccessError):
            report.with_user(audit).write({"title": "稽核改"})
        self.assertTrue(report.with_user(self.users["sw.manager"]).review_ids)
        lines = report.with_user(self.consultant).review_ids.line_ids
        self.assertEqual(len(lines), 4)
        with self.assertRaises(AccessError):
            lines.with_user(self.users["bj.consultant"]).read(["opinion"])

    # -- CON-SEC-02 ------------------------------------------------------------
    def test_con_sec_02_review_application_due_in_one_working_day(self):
        """CON-SEC-02: the MCD Manager owes the review application within 1
        WD of receipt; the deadline turns overdue and is closed by the
        application."""
        with freeze_time(FRIDAY_10AM_UTC):
            report = self.new_requirement()
            self.sign_and_send(report)
            deadline = report._scm_deadlines("CON-SEC-02")
            self.assertEqual(deadline.user_id, self.mcd)
            self.assertEqual(deadline.start_date, report.received_date)
            self.assertEqual(deadline.due_date, MONDAY_END)
            self.assertFalse(report.scm_deadline_overdue)
        with freeze_time(TUESDAY_NOON_UTC):
            report.invalidate_recordset(["scm_deadline_overdue"])
            self.assertTrue(report.scm_deadline_overdue)
            self.assertIn(
                report,
                self.Requirement.search([("scm_deadline_overdue", "=", True)]),
            )
            self.apply_review(report)
            self.assertEqual(deadline.state, "done")
            self.assertTrue(deadline.is_overdue)
            self.assertEqual(report.state, "in_review")

    def test_con_sec_02_only_mcd_files_the_application(self):
        """CON-SEC-02: MCD (its manager) fills the application; the branch and
        other HQ managers cannot."""
        report = self.new_requirement()
        self.sign_and_send(report)
        for login in ("wh.manager", "sw.manager", "cc.manager"):
            with self.assertRaises(AccessError):
                report.with_user(self.users[login]).action_scm_apply_review(
                    self.dept_mrd, "x"
                )
        self.assertFalse(report.review_ids)
        self.assertEqual(report.state, "submitted")

    def test_con_sec_02_panel_always_has_software_qc_and_msd(self):
        """CON-SEC-02: the reviewer lines are the Software Dept, the QC Dept
        and MSD plus the center departments MCD chose; each line carries the
        three assessments (feasibility, cost budget, schedule)."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report, self.dept_mrd)
        review = report.with_user(self.mcd).current_review_id
        self.assertEqual(review.round_no, 1)
        self.assertEqual(review.applicant_id, self.mcd)
        self.assertEqual(review.extra_department_ids, self.dept_mrd)
        self.assertEqual(
            set(review.line_ids.reviewer_id.mapped("login")),
            {*ALWAYS_REVIEWING, "mrd.manager"},
        )
        self.assertEqual(
            review.line_ids.department_id,
            self.env.ref("scm_base.dept_software")
            | self.env.ref("scm_base.dept_qc")
            | self.env.ref("scm_base.dept_msd")
            | self.dept_mrd,
        )
        for name in ("feasibility", "cost_budget", "schedule", "opinion", "decision"):
            self.assertIn(name, review.line_ids._fields)
        # Without extra departments the three always review.
        other = self.new_requirement(title="第二份需求")
        self.sign_and_send(other)
        self.apply_review(other, self.env["hr.department"])
        self.assertEqual(
            set(other.current_review_id.line_ids.reviewer_id.mapped("login")),
            set(ALWAYS_REVIEWING),
        )

    def test_con_sec_02_panel_is_made_of_hq_departments(self):
        """CON-SEC-02: a center or a branch unit is not a reviewing
        department; nothing is written."""
        report = self.new_requirement()
        self.sign_and_send(report)
        branch_unit = self.env["hr.department"].create(
            {"name": "武汉分公司咨询部", "company_id": self.wuhan.id}
        )
        for wrong in (self.env.ref("scm_base.dept_customer_center"), branch_unit):
            with self.assertRaises(UserError):
                self.apply_review(report, wrong)
        self.assertFalse(report.review_ids)
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report._scm_deadlines("CON-SEC-02"))

    # -- CON-SEC-03 ------------------------------------------------------------
    def test_con_sec_03_each_line_due_one_working_day_after_its_receipt(self):
        """CON-SEC-03: each department manager owes the signed line within 1
        WD of receiving the report and the form."""
        with freeze_time(FRIDAY_10AM_UTC):
            report = self.new_requirement()
            self.sign_and_send(report)
        with freeze_time(MONDAY_9AM_UTC):
            self.apply_review(report)
        lines = report.current_review_id.line_ids
        for line in lines:
            self.assertEqual(line.received_at, datetime(2026, 11, 23, 1, 0, 0))
            self.assertEqual(line.deadline_id.rule_code, "CON-SEC-03")
            self.assertEqual(line.deadline_id.user_id, line.reviewer_id)
            self.assertEqual(line.due_date, TUESDAY_END)
        with freeze_time(WEDNESDAY_NOON_UTC):
            self.opine(report, "sw.manager")
            sw_line = lines.filtered(lambda x: x.reviewer_id.login == "sw.manager")
            self.assertEqual(sw_line.deadline_id.state, "done")
            self.assertTrue(sw_line.deadline_id.is_overdue)
            self.assertEqual(sw_line.signed_at, fields.Datetime.now())
            self.assertEqual(sw_line.signer_id, self.users["sw.manager"])
            self.assertEqual(
                (lines - sw_line).mapped("deadline_id.state"), ["open"] * 3
            )

    def test_con_sec_03_reviewers_write_and_sign_their_own_line(self):
        """CON-SEC-03: a manager writes and signs their department's line only;
        an incomplete line is not signed; a signed line is closed."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report)
        lines = report.current_review_id.line_ids
        sw_line = lines.filtered(lambda x: x.reviewer_id.login == "sw.manager")
        qc = self.users["qc.manager"]
        with self.assertRaises(AccessError):
            sw_line.with_user(qc).write({"opinion": "质检替软件部写"})
        with self.assertRaises(AccessError):
            sw_line.with_user(self.consultant).write({"opinion": "分公司写"})
        with self.assertRaises(AccessError):
            sw_line.with_user(qc).action_sign()
        sw = self.users["sw.manager"]
        sw_line.with_user(sw).write({"feasibility": "可行。", "opinion": "同意。"})
        with self.assertRaises(UserError):
            sw_line.with_user(sw).action_sign()  # cost, schedule, decision missing
        self.assertEqual(sw_line.state, "pending")
        with self.assertRaises(UserError):
            sw_line.with_user(sw).write({"reviewer_id": qc.id})
        with self.assertRaises(UserError):
            sw_line.with_user(sw).write({"decision": "maybe", "schedule": "x"})
        self.assertFalse(sw_line.schedule)
        sw_line.with_user(sw).write(
            {"cost_budget": "25人日。", "schedule": "6周。", "decision": "agree"}
        )
        sw_line.with_user(sw).action_sign()
        self.assertEqual(sw_line.state, "signed")
        with self.assertRaises(UserError):
            sw_line.with_user(sw).write({"opinion": "改主意"})
        with self.assertRaises(UserError):
            sw_line.with_user(sw).action_sign()
        # A delegate of the QC manager signs the QC line for them.
        delegate = self.users["msd.presales"]
        self.env["scm.delegation"].sudo().create(
            {
                "delegator_id": qc.id,
                "delegate_id": delegate.id,
                "model_ids": [
                    fields.Command.set(
                        self.env["ir.model"]
                        ._get("scm.customer.requirement.review.line")
                        .ids
                    )
                ],
                # China's today, where the delegation is checked.
                "date_from": fields.Date.context_today(delegate.with_user(delegate)),
                "date_to": fields.Date.context_today(delegate.with_user(delegate)),
            }
        )
        qc_line = lines.filtered(lambda x: x.reviewer_id == qc)
        qc_line.with_user(delegate).write(
            {
                "feasibility": "可测。",
                "cost_budget": "6人日。",
                "schedule": "2周。",
                "opinion": "同意。",
                "decision": "agree",
            }
        )
        qc_line.with_user(delegate).action_sign()
        self.assertEqual(qc_line.signer_id, delegate)
        self.assertIn(qc.name, qc_line.signed_label)

    def test_con_sec_03_unsigned_line_blocks_the_decision(self):
        """CON-SEC-03: MCD cannot decide while a line is unsigned."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report)
        for login in ("sw.manager", "qc.manager", "msd.manager"):
            self.opine(report, login)
        for outcome in (None, "revise", "veto"):
            with self.assertRaises(UserError):
                report.with_user(self.mcd).action_conclude_review(outcome)
        self.assertEqual(report.state, "in_review")
        self.assertEqual(report.current_review_id.state, "open")
        self.assertFalse(self.notices(report))

    # -- CON-SEC-04 ------------------------------------------------------------
    def test_con_sec_04_unanimous_review_is_notified_to_the_branch(self):
        """CON-SEC-04: a unanimous review → report unanimous, written notice
        of MCD to the branch, the Branch Manager asked to draft the contract."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report)
        self.all_agree(report)
        with self.assertRaises(AccessError):
            report.with_user(self.manager).action_review_unanimous()
        with self.assertRaises(UserError):
            report.with_user(self.mcd).action_review_veto()
        report.with_user(self.mcd).action_review_unanimous()
        self.assertEqual(report.state, "unanimous")
        self.assertEqual(report.current_review_id.state, "unanimous")
        self.assertEqual(report.current_review_id.decided_by_id, self.mcd)
        notice = self.notices(report)
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.sender_id, self.mcd)
        self.assertEqual(
            notice.recipient_ids,
            self.manager.partner_id | self.consultant.partner_id,
        )
        self.assertTrue(
            report.activity_ids.filtered(
                lambda a: (
                    a.user_id == self.manager
                    and a.activity_type_id
                    == self.env.ref("mail.mail_activity_data_todo")
                )
            )
        )

    def test_con_sec_04_contract_drafted_from_the_unanimous_report(self):
        """CON-SEC-04: 'Draft Secondary Contract' creates the R contract of
        the branch and customer and opens it; a second click opens the same."""
        report = self.unanimous_requirement()
        action = report.with_user(self.manager).action_draft_secondary_contract()
        self.assertEqual(action["res_model"], "scm.contract")
        contract = self.env["scm.contract"].browse(action["res_id"])
        self.assertEqual(contract.contract_type, "secondary")
        self.assertEqual(contract.type_letter, "R")
        self.assertEqual(contract.company_id, self.wuhan)
        self.assertEqual(contract.partner_id, self.chufeng)
        self.assertEqual(contract.requirement_id, report)
        self.assertEqual(contract.stage, "draft")
        again = report.with_user(self.manager).action_draft_secondary_contract()
        self.assertEqual(again["res_id"], contract.id)
        self.assertEqual(report.contract_count, 1)
        # HQ does not draft a branch's contract.
        with self.assertRaises(AccessError):
            report.with_user(self.mcd).action_draft_secondary_contract()

    def test_con_sec_04_no_contract_without_unanimous_review(self):
        """CON-SEC-04: an R contract cannot be created without a requirement
        report, from one not (yet) unanimous, or for another customer or
        branch; nothing is created."""
        Contract = self.env["scm.contract"].with_user(self.manager)
        base = {
            "title": "二次合同",
            "contract_type": "secondary",
            "company_id": self.wuhan.id,
            "partner_id": self.chufeng.id,
        }
        with self.assertRaises(UserError):
            Contract.create(base)
        in_review = self.new_requirement()
        self.sign_and_send(in_review)
        self.apply_review(in_review)
        with self.assertRaises(UserError):
            Contract.create({**base, "requirement_id": in_review.id})
        with self.assertRaises(UserError):
            in_review.with_user(self.manager).action_draft_secondary_contract()
        unanimous = self.unanimous_requirement(title="另一份需求")
        hanjiang = self.env.ref("scm_sales.partner_wh_hanjiang")
        with self.assertRaises(ValidationError):
            Contract.create(
                {**base, "partner_id": hanjiang.id, "requirement_id": unanimous.id}
            )
        with self.assertRaises(ValidationError):
            Contract.create(
                {**base, "contract_type": "sc", "requirement_id": unanimous.id}
            )
        self.assertFalse(self.env["scm.contract"].search([("title", "=", "二次合同")]))
        contract = Contract.create({**base, "requirement_id": unanimous.id})
        self.assertEqual(contract.requirement_id, unanimous)
        with self.assertRaises(UserError):
            contract.write({"requirement_id": in_review.id})
        self.assertEqual(contract.requirement_id, unanimous)

    # -- CON-SEC-05 ------------------------------------------------------------
    def test_con_sec_05_not_unanimous_needs_revise_or_veto(self):
        """CON-SEC-05: a review with a disagreeing line cannot be declared
        unanimous; MCD chooses revise or veto."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report)
        self.opine(report, "qc.manager", "disagree", "验收标准不清。")
        for login in self.panel(report):
            self.opine(report, login)
        for outcome in (None, "unanimous", "something"):
            with self.assertRaises(UserError):
                report.with_user(self.mcd).action_conclude_review(outcome)
        self.assertEqual(report.state, "in_review")
        self.assertFalse(self.notices(report))

    def test_con_sec_05_revise_opens_a_new_round_and_keeps_the_first(self):
        """CON-SEC-05 (a): back to the branch in revision with a written
        notice; the resubmitted version is reviewed in a new round, the first
        round and its lines stay."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report)
        self.opine(report, "qc.manager", "disagree", "验收标准不清。")
        for login in self.panel(report):
            self.opine(report, login)
        report.with_user(self.mcd).action_review_revise()
        self.assertEqual(report.state, "revision")
        self.assertEqual(report.version, 2)
        first = report.current_review_id
        self.assertEqual(first.state, "revise")
        notice = self.notices(report)
        self.assertEqual(len(notice), 1)
        self.assertIn("验收标准不清", notice.body)
        self.assertIn(self.manager.partner_id, notice.recipient_ids)
        # The branch revises, signs version 2 and resubmits.
        report.with_user(self.consultant).write({"expected_result": "补充验收标准。"})
        self.assertFalse(report.branch_signed)
        result = report.with_user(self.consultant).action_send_to_mcd()
        self.assertEqual(result["tag"], "display_notification")
        self.sign_and_send(report)
        self.assertEqual(report.state, "submitted")
        self.apply_review(report)
        self.assertEqual(len(report.review_ids), 2)
        second = report.current_review_id
        self.assertEqual(second.round_no, 2)
        self.assertEqual(second.version, 2)
        self.assertEqual(first.state, "revise")
        self.assertEqual(len(first.line_ids), 4)
        self.assertTrue(all(line.state == "signed" for line in first.line_ids))
        self.assertTrue(all(line.state == "pending" for line in second.line_ids))
        self.all_agree(report)
        report.with_user(self.mcd).action_review_unanimous()
        self.assertEqual(report.state, "unanimous")
        self.assertEqual(len(self.notices(report)), 2)

    def test_con_sec_05_veto_closes_the_report(self):
        """CON-SEC-05 (b): vetoed, with a written notice and a customer
        negotiation activity for the Branch Manager; nothing moves on."""
        report = self.new_requirement()
        self.sign_and_send(report)
        self.apply_review(report)
        self.opine(report, "sw.manager", "disagree", "平台无法支持跨店积分。")
        for login in self.panel(report):
            self.opine(report, login)
        with self.assertRaises(AccessError):
            report.with_user(self.manager).action_review_veto()
        report.with_user(self.mcd).action_review_veto()
        self.assertEqual(report.state, "vetoed")
        self.assertEqual(report.current_review_id.state, "vetoed")
        notice = self.notices(report)
        self.assertEqual(len(notice), 1)
        self.assertIn("平台无法支持跨店积分", notice.body)
        activity = report.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(activity), 1)
        self.assertIn(self.chufeng.name, activity.summary)
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_send_to_mcd()
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_draft_secondary_contract()
        with self.assertRaises(UserError):
            report.with_user(self.consultant).write({"requirement": "再试"})

    def test_con_sec_02_opinion_form_prints_every_round(self):
        """CON-SEC-02/03: the 《项目评审意见表》 prints every round, each line
        with its three assessments, opinion, decision, reviewer and signing
        time; the branch prints it too. The report itself prints as final
        only once the Branch Manager signed it (ORG-RULE-05)."""
        report = self.new_requirement()
        blocked = report.with_user(self.consultant).action_scm_print_final()
        self.assertEqual(blocked["tag"], "display_notification")
        self.sign_and_send(report)
        self.apply_review(report)
        report.with_user(self.users["qc.manager"]).action_scm_give_opinion(
            "验收用例可写。", "6人日。", "2周。", "验收标准不清。", "disagree"
        )
        for login in self.panel(report):
            self.opine(report, login)
        report.with_user(self.mcd).action_review_revise()
        self.sign_and_send(report)
        self.apply_review(report)
        self.all_agree(report)
        report.with_user(self.mcd).action_review_unanimous()
        Report = self.env["ir.actions.report"]
        for user in (self.mcd, self.consultant):
            html = (
                Report.with_user(user)
                ._render_qweb_html(
                    "scm_contracts.action_report_scm_customer_requirement_review",
                    report.ids,
                )[0]
                .decode()
            )
            for text in (
                "验收用例可写。",
                "6人日。",
                "2周。",
                "验收标准不清。",
                self.users["qc.manager"].name,
                self.env.ref("scm_base.dept_mrd").name,
            ):
                self.assertIn(text, html)
            self.assertEqual(html.count('class="page"'), 2)
        html = (
            Report.with_user(self.consultant)
            ._render_qweb_html(
                "scm_contracts.action_report_scm_customer_requirement", report.ids
            )[0]
            .decode()
        )
        self.assertIn(report.requirement, html)
        self.assertIn(self.manager.name, html)

    # -- CON-SEC-11 (requirement report) ---------------------------------------
    def test_con_sec_11_requirement_state_machine(self):
        """CON-SEC-11: draft → branch_signed → submitted → in_review →
        unanimous | revision | vetoed; other moves are refused."""
        report = self.new_requirement()
        mcd = report.with_user(self.mcd)
        with self.assertRaises(UserError):
            mcd.action_scm_apply_review(self.dept_mrd)
        with self.assertRaises(UserError):
            mcd.action_review_unanimous()
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_draft_secondary_contract()
        report.with_user(self.manager).action_branch_sign()
        self.assertEqual(report.state, "branch_signed")
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_branch_sign()
        report.with_user(self.manager).action_send_to_mcd()
        self.assertEqual(report.state, "submitted")
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_send_to_mcd()
        with self.assertRaises(UserError):
            mcd.action_review_unanimous()
        self.apply_review(report)
        self.assertEqual(report.state, "in_review")
        with self.assertRaises(UserError):
            self.apply_review(report)
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_reopen_requirement()
        with self.assertRaises(UserError):
            report.unlink()
        self.all_agree(report)
        mcd.action_review_unanimous()
        self.assertEqual(report.state, "unanimous")
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_send_to_mcd()
        with self.assertRaises(UserError):
            mcd.action_review_revise()
        with self.assertRaises(UserError):
            report.with_user(self.consultant).write({"state": "draft"})
        draft = self.new_requirement(title="草稿")
        draft.with_user(self.consultant).unlink()
        self.assertFalse(draft.exists())


@tagged("post_install", "-at_install")
class TestSecondaryContractRevision(SecondaryCase):
    """CON-SEC-07: a secondary contract the customer refused is revised;
    the requirement goes back to the panel only if it changed."""

    def refused_contract(self):
        report = self.unanimous_requirement()
        contract = self.complete_contract(self.draft_contract(report))
        contract.with_user(self.manager).action_scm_submit()
        self.assertEqual(contract.stage, "review")
        self.assertEqual(contract.requirement_review_id, report.current_review_id)
        self.approve(contract, self.users["cc.manager"])
        self.assertEqual(contract.stage, "approved")
        contract.with_user(self.manager).action_send_to_customer()
        contract.with_user(self.manager).write({"customer_feedback": "付款节点要改。"})
        contract.with_user(self.manager).action_customer_reject()
        self.assertEqual(contract.stage, "customer_rejected")
        # The requirement cannot be reopened while the contract is out.
        return report, contract

    def test_con_sec_07_unchanged_requirement_only_reapproval(self):
        """CON-SEC-07: the requirement did not change → the revised contract
        goes straight back to the Customer Center Manager, no new panel."""
        report, contract = self.refused_contract()
        contract.with_user(self.manager).action_start_revision()
        self.assertEqual(contract.stage, "draft")
        self.assertFalse(contract.requirement_changed)
        contract.with_user(self.manager).action_scm_submit()
        self.assertEqual(contract.stage, "review")
        self.assertEqual(contract.state, "to_approve")
        self.assertEqual(len(report.review_ids), 1)
        self.assertEqual(report.state, "unanimous")
        self.assertEqual(
            contract.review_ids.definition_id,
            self.env.ref("scm_contracts.tier_contract_customer_center"),
        )

    def test_con_sec_07_changed_requirement_needs_a_new_panel_review(self):
        """CON-SEC-07: the requirement changed → the report is revised and
        reviewed again before the contract is resubmitted."""
        report, contract = self.refused_contract()
        contract.with_user(self.manager).action_start_revision()
        # The consultant cannot reopen; the branch manager can.
        with self.assertRaises(AccessError):
            report.with_user(self.consultant).action_reopen_requirement()
        report.with_user(self.manager).action_reopen_requirement()
        self.assertEqual(report.state, "revision")
        self.assertTrue(contract.requirement_changed)
        with self.assertRaises(UserError):
            contract.with_user(self.manager).action_scm_submit()
        self.assertEqual(contract.stage, "draft")
        self.assertEqual(contract.state, "draft")
        report.with_user(self.consultant).write(
            {"requirement": "门店销售每日回传；补货单按周汇总后下达。"}
        )
        self.sign_and_send(report)
        with self.assertRaises(UserError):
            contract.with_user(self.manager).action_scm_submit()
        self.apply_review(report)
        self.all_agree(report)
        report.with_user(self.mcd).action_review_unanimous()
        self.assertFalse(contract.requirement_changed)
        contract.with_user(self.manager).action_scm_submit()
        self.assertEqual(contract.stage, "review")
        self.assertEqual(contract.requirement_review_id.round_no, 2)

    def test_con_sec_07_requirement_not_reopened_while_contract_is_out(self):
        """CON-SEC-07: the requirement is reopened only while its contract is
        a draft or refused, never under approval or with the customer."""
        report = self.unanimous_requirement()
        contract = self.complete_contract(self.draft_contract(report))
        contract.with_user(self.manager).action_scm_submit()
        with self.assertRaises(UserError):
            report.with_user(self.manager).action_reopen_requirement()
        self.assertEqual(report.state, "unanimous")
