from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ScmDocumentCase, china_today

# Friday 2026-11-20, 10:00 in Beijing.
FRIDAY_10AM_UTC = "2026-11-20 02:00:00"


@tagged("post_install", "-at_install")
class TestApproval(ScmDocumentCase):
    def test_org_rule_13_submit_opens_unanimous_round(self):
        """ORG-RULE-13 / ORG-UNIT-02: submitting opens one review per applicable
        tier, resolved to the branch manager and the MSD manager; every
        reviewer must approve before the document is approved."""
        doc = self.new_document()
        doc.action_scm_submit()
        self.assertEqual(doc.state, "to_approve")
        self.assertEqual(doc.scm_approval_version, 1)
        reviewers = doc.review_ids.mapped("reviewer_ids")
        self.assertEqual(
            reviewers, self.users["wh.manager"] | self.users["msd.manager"]
        )
        self.approve(doc, self.users["wh.manager"])
        self.assertEqual(doc.state, "to_approve", "one approval is not enough")
        self.approve(doc, self.users["msd.manager"])
        self.assertEqual(doc.state, "approved")
        rnd = doc.scm_approval_round_ids
        self.assertEqual(rnd.state, "approved")
        self.assertEqual(
            sorted(rnd.opinion_ids.mapped("decision")), ["approved", "approved"]
        )

    def test_org_rule_13_rejection_returns_to_author_with_reason(self):
        """ORG-RULE-13: a rejection needs a comment, returns the document to
        draft, stores the opinion and gives the author an activity."""
        author = self.users["wh.consultant"]
        doc = self.new_document(author)
        doc.action_scm_submit()
        with self.assertRaises(UserError):
            doc.with_user(self.users["msd.manager"])._rejected_tier()
        self.assertEqual(doc.state, "to_approve", "a refused rejection changes nothing")
        self.assertFalse(doc.review_ids.filtered(lambda r: r.status == "rejected"))
        self.reject(doc, self.users["msd.manager"], "报价依据不足")
        self.assertEqual(doc.state, "draft")
        self.assertFalse(doc.review_ids, "the draft is unlocked for revision")
        opinion = doc.scm_approval_round_ids.opinion_ids.filtered(
            lambda o: o.decision == "rejected"
        )
        self.assertEqual(opinion.reviewer_id, self.users["msd.manager"])
        self.assertEqual(opinion.comment, "报价依据不足")
        activity = doc.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("scm_base.mail_activity_type_scm_revision")
            )
        )
        self.assertEqual(activity.user_id, author)
        self.assertTrue(any("报价依据不足" in (m.body or "") for m in doc.message_ids))
        doc.with_user(author).write({"amount": 1000})
        doc.with_user(author).action_scm_submit()
        self.assertFalse(
            activity.exists().filtered("active"), "resubmitting completes the revision"
        )

    def test_org_rule_13_empty_opinion_gets_a_clear_message(self):
        """ORG-RULE-13: the decision dialog saved without an opinion says what
        is missing, and decides nothing."""
        doc = self.new_document()
        doc.action_scm_submit()
        reviewer = self.users["wh.manager"]
        action = doc.with_user(reviewer).validate_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(reviewer)
            .with_context(**action["context"])
            .create({"comment": "  "})
        )
        with self.assertRaisesRegex(UserError, "reason of your decision"):
            wizard.with_context(lang="en_US").add_comment()
        self.assertFalse(doc.review_ids.filtered(lambda r: r.status == "approved"))

    def test_org_rule_13_only_reviewers_decide(self):
        """ORG-RULE-13: someone who is not a reviewer can neither approve nor reject."""
        doc = self.new_document()
        doc.action_scm_submit()
        outsider = self.users["bj.manager"]
        self.assertFalse(doc.with_user(outsider).can_review)
        with self.assertRaises(UserError):
            doc.with_user(outsider)._rejected_tier()
        with self.assertRaises(UserError):
            self.approve(doc, outsider)
        # Straight to the decision method the comment dialog calls, with the
        # reviewer's own review forged in: refused, not silently ignored.
        for decide in (
            lambda: doc.with_user(outsider).validate_tier(),
            lambda: doc.with_user(outsider).reject_tier(),
            lambda: doc.with_user(outsider)._validate_tier(),
            lambda: doc.with_user(outsider)._validate_tier(doc.review_ids),
        ):
            with self.assertRaises(UserError) as refusal:
                decide()
            self.assertEqual(
                str(refusal.exception),
                str(doc.with_user(outsider)._scm_nothing_to_decide()),
            )
        self.assertFalse(doc.review_ids.filtered(lambda r: r.status == "approved"))

    def test_org_rule_11_history_of_three_versions(self):
        """ORG-RULE-11: after two rejections the record is at version 3 with two
        stored opinion sets, each with its submitted version."""
        author = self.users["wh.consultant"]
        doc = self.new_document(author, amount=100)
        for version, amount in ((1, 200), (2, 300)):
            doc.with_user(author).action_scm_submit()
            self.approve(doc, self.users["wh.manager"])
            self.reject(doc, self.users["msd.manager"], f"第{version}轮意见")
            doc.with_user(author).write({"amount": amount})
        doc.with_user(author).action_scm_submit()
        self.assertEqual(doc.scm_approval_version, 3)
        rounds = doc.scm_approval_round_ids.sorted("version")
        self.assertEqual(rounds.mapped("version"), [1, 2, 3])
        self.assertEqual(rounds.mapped("state"), ["rejected", "rejected", "pending"])
        for rnd, expected_amount in zip(rounds, (100, 200, 300), strict=True):
            self.assertIn(f'"amount": {float(expected_amount)}', rnd.snapshot)
        for rnd in rounds[:2]:
            self.assertEqual(len(rnd.opinion_ids), 2)
            self.assertEqual(
                set(rnd.opinion_ids.mapped("decision")), {"approved", "rejected"}
            )
        self.assertEqual(
            rounds[1].opinion_ids.filtered("comment").mapped("comment")[-1], "第2轮意见"
        )
        # The printable history renders every round.
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_base.report_scm_approval_history", rounds.ids)[0]
            .decode()
        )
        self.assertIn("第1轮意见", html)
        self.assertIn("第2轮意见", html)

    def test_org_rule_13_unanimity_one_rejection_ends_round(self):
        """ORG-RULE-13: one rejection ends the round; the pending reviewer's
        opinion is recorded as not reviewed and their deadline cancelled."""
        doc = self.new_document()
        doc.action_scm_submit()
        self.reject(doc, self.users["wh.manager"], "先补充客户资料")
        rnd = doc.scm_approval_round_ids
        self.assertEqual(rnd.state, "rejected")
        self.assertEqual(
            sorted(rnd.opinion_ids.mapped("decision")), ["not_reviewed", "rejected"]
        )
        self.assertFalse(doc._scm_deadlines("ORG-RULE-09"))

    def test_conditional_president_tier_for_major_documents(self):
        """ORG-UNIT-04 / ORG-ROLE-01: a conditional tier adds the President only
        when the document is major, and the round needs that approval too."""
        normal = self.new_document()
        normal.action_scm_submit()
        self.assertNotIn(self.users["president"], normal.review_ids.reviewer_ids)
        major = self.new_document(is_major=True)
        major.action_scm_submit()
        self.assertIn(self.users["president"], major.review_ids.reviewer_ids)
        self.approve(major, self.users["wh.manager"])
        self.approve(major, self.users["msd.manager"])
        self.assertEqual(major.state, "to_approve")
        self.approve(major, self.users["president"])
        self.assertEqual(major.state, "approved")

    def test_org_rule_06_delegate_reviews_for_the_manager(self):
        """ORG-RULE-06: a delegate in scope and period decides for the manager,
        and the opinion shows on whose behalf; outside the period they cannot."""
        today = china_today()
        self.delegate(
            self.users["wh.manager"],
            self.users["wh.consultant2"],
            today - timedelta(days=1),
            today + timedelta(days=5),
        )
        doc = self.new_document()
        doc.action_scm_submit()
        self.assertTrue(doc.with_user(self.users["wh.consultant2"]).can_review)
        self.approve(doc, self.users["wh.consultant2"])
        opinion = doc.scm_approval_round_ids.opinion_ids
        self.assertEqual(opinion.reviewer_id, self.users["wh.consultant2"])
        self.assertEqual(opinion.on_behalf_of_id, self.users["wh.manager"])

    def test_org_rule_06_expired_delegation_gives_no_review_right(self):
        """ORG-RULE-06: outside its period a delegation grants nothing."""
        today = china_today()
        self.delegate(
            self.users["wh.manager"],
            self.users["wh.consultant2"],
            today - timedelta(days=10),
            today - timedelta(days=1),
        )
        doc = self.new_document()
        doc.action_scm_submit()
        self.assertFalse(doc.with_user(self.users["wh.consultant2"]).can_review)

    @freeze_time(FRIDAY_10AM_UTC)
    def test_org_rule_09_reviewer_clock_starts_at_receipt(self):
        """ORG-RULE-09 / ORG-RULE-10: each reviewer owes a decision within the
        tier's working days from receipt, as an activity and a deadline."""
        doc = self.new_document()
        doc.action_scm_submit()
        deadlines = doc._scm_deadlines("ORG-RULE-09")
        by_user = {d.user_id: d for d in deadlines}
        self.assertEqual(
            set(by_user), {self.users["wh.manager"], self.users["msd.manager"]}
        )
        monday_end = datetime(2026, 11, 23, 15, 59, 59)
        tuesday_end = datetime(2026, 11, 24, 15, 59, 59)
        self.assertEqual(by_user[self.users["wh.manager"]].due_date, monday_end)
        self.assertEqual(by_user[self.users["msd.manager"]].due_date, tuesday_end)
        activity = by_user[self.users["wh.manager"]].activity_id
        self.assertEqual(activity.user_id, self.users["wh.manager"])
        # Owed from receipt: the activity is due on the trigger day, and
        # names the deadline's due time.
        self.assertEqual(activity.date_deadline, date(2026, 11, 20))
        self.assertIn("2026-11-23 23:59", str(activity.note))
        self.assertEqual(activity.res_id, doc.id)

    def test_org_rule_10_late_review_is_recorded(self):
        """ORG-RULE-10: a decision after the due date is stored as met late,
        with who decided and how many working days late."""
        with freeze_time(FRIDAY_10AM_UTC):
            doc = self.new_document()
            doc.action_scm_submit()
        # Wednesday: the branch manager's Monday deadline was missed by 2 WD.
        with freeze_time("2026-11-25 03:00:00"):
            self.env["scm.deadline"]._cron_flag_overdue()
            self.assertTrue(doc.scm_deadline_overdue)
            self.assertIn(
                doc, self.Document.search([("scm_deadline_overdue", "=", True)])
            )
            self.approve(doc, self.users["wh.manager"])
        deadline = doc._scm_deadlines("ORG-RULE-09", state="done")
        self.assertEqual(deadline.user_id, self.users["wh.manager"])
        self.assertEqual(deadline.done_by_id, self.users["wh.manager"])
        self.assertTrue(deadline.is_overdue)
        self.assertEqual(deadline.days_late, 2)
        self.assertFalse(deadline.activity_id.active)

    def test_revision_deadline_when_the_document_sets_one(self):
        """ORG-RULE-13: a document with a revision time limit gives its author a
        tracked deadline instead of a plain activity."""
        with freeze_time(FRIDAY_10AM_UTC):
            doc = self.new_document(revision_days=2)
            doc.action_scm_submit()
            self.reject(doc, self.users["msd.manager"], "请修改")
        revision = doc._scm_deadlines("TEST-REVISE")
        self.assertEqual(revision.user_id, self.users["wh.consultant"])
        self.assertEqual(revision.due_date, datetime(2026, 11, 24, 15, 59, 59))
        doc.with_user(self.users["wh.consultant"]).action_scm_submit()
        self.assertEqual(revision.state, "done")

    def test_submitting_twice_or_deleting_is_refused(self):
        """ORG-RULE-11: an approved document cannot be resubmitted or deleted."""
        doc = self.new_document()
        doc.action_scm_submit()
        with self.assertRaises(UserError):
            doc.action_scm_submit()
        self.approve(doc, self.users["wh.manager"])
        self.approve(doc, self.users["msd.manager"])
        with self.assertRaises(UserError):
            doc.action_scm_submit()
        with self.assertRaises(UserError):
            doc.unlink()
        self.assertTrue(doc.exists())

    def test_withdraw_keeps_round_in_history(self):
        """ORG-RULE-11: a withdrawn round stays in the history."""
        doc = self.new_document()
        doc.action_scm_submit()
        doc.action_scm_withdraw()
        self.assertEqual(doc.state, "draft")
        self.assertEqual(doc.scm_approval_round_ids.state, "withdrawn")
        doc.action_scm_submit()
        self.assertEqual(doc.scm_approval_version, 2)

    def test_form_view_gets_the_approval_buttons(self):
        """A document's form gets Submit/Withdraw/History buttons, the
        approve/reject banner and the review list without extra view code."""
        view = self.env["ir.ui.view"].create(
            {
                "name": "scm.document.tester.form",
                "model": self.Document._name,
                "type": "form",
                "arch": """<form><header><field name="state" widget="statusbar"/>
                    <button name="action_scm_print_final" type="object" string="Print"/>
                    </header><sheet><field name="name"/><field name="amount"/>
                    </sheet></form>""",
            }
        )
        arch = self.Document.get_view(view.id, "form")["arch"]
        # base_tier_validation serializes the arch with etree.tostring (bytes).
        arch = arch.decode() if isinstance(arch, bytes) else arch
        for element in (
            "action_scm_submit",
            "action_scm_withdraw",
            "validate_tier",
            "reject_tier",
            "review_ids",
        ):
            self.assertIn(element, arch)
        self.assertNotIn('name="request_validation"', arch)

    def test_no_tier_configured_is_a_clear_error(self):
        """With every tier archived a document cannot be submitted; it stays draft."""
        (self.tier_branch | self.tier_msd | self.tier_president).active = False
        doc = self.new_document()
        with self.assertRaises(UserError):
            doc.action_scm_submit()
        self.assertEqual(doc.state, "draft")
        self.assertFalse(doc.scm_approval_round_ids)

    def test_org_rule_13_decide_without_the_dialog(self):
        """ORG-RULE-13: `action_scm_decide` gives a reviewer's decision with
        its comment, as the dialog does; no comment, no decision, and only the
        reviewer whose turn it is decides."""
        document = self.new_document()
        document.with_user(self.users["wh.consultant"]).action_scm_submit()
        manager = self.users["wh.manager"]
        with self.assertRaises(UserError):
            document.with_user(manager).action_scm_decide("approve", " ")
        with self.assertRaises(UserError):
            document.with_user(self.users["bj.manager"]).action_scm_decide(
                "approve", "同意"
            )
        with self.assertRaises(UserError):
            document.with_user(manager).action_scm_decide("maybe", "同意")
        document.with_user(manager).action_scm_decide("approve", "同意提交。")
        opinion = document.scm_approval_round_ids.opinion_ids
        self.assertEqual(opinion.reviewer_id, manager)
        self.assertEqual(opinion.comment, "同意提交。")
        document.with_user(self.users["msd.manager"]).action_scm_decide(
            "reject", "请补充附件。"
        )
        self.assertEqual(document.state, "draft")
