import re
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged

# An English word: three letters or more, at least one of them lower case
# (document codes such as SCMS, EMT or CON-SC-02 are not words).
ENGLISH_WORD = re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\b")


@tagged("post_install", "-at_install")
class TestDemoStoryInChinese(TransactionCase):
    """The demo story reads in Chinese to a zh_CN user (issue 9): the texts
    the demo's steps wrote (names copied from approval tiers, templates and
    units, activity summaries, tracked values, chatter) were written in
    Chinese, although Odoo loads an addon's translations after its demo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "scm_contracts.contract_wh_chufeng_sc", raise_if_not_found=False
        ):
            raise SkipTest("the demo data is not installed")
        cls.env = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def assertChinese(self, what, texts):
        english = {
            text
            for text in texts
            if text and ENGLISH_WORD.search(re.sub(r"<[^>]*>", " ", str(text)))
        }
        self.assertFalse(english, f"{what} in English:\n" + "\n".join(sorted(english)))

    def _scm(self, model):
        return self.env[model].sudo().with_context(active_test=False)

    def test_activity_summaries(self):
        activities = self._scm("mail.activity").search(
            [("res_model", "=like", "scm.%")]
        )
        self.assertTrue(activities)
        self.assertChinese("activity summaries", activities.mapped("summary"))
        self.assertChinese("activity types", activities.mapped("activity_type_id.name"))

    def test_tracked_values(self):
        # The demo's own steps track nothing (Odoo does not track while
        # installing); a step of a zh_CN user does, in its language: the
        # Market Center Manager approves the network contract waiting for him.
        contract = self.env.ref("scm_contracts.contract_hq_lingnan_network_2")
        manager = self.env.ref("scm_base.user_mc_manager")
        contract.with_user(manager).action_scm_decide("approve", "同意。")
        # Tracking values are written when the transaction commits.
        self.env.flush_all()
        self.env.cr.precommit.run()
        values = self._scm("mail.tracking.value").search(
            [("mail_message_id.model", "=like", "scm.%")]
        )
        self.assertIn("已批准", values.mapped("new_value_char"))
        self.assertChinese(
            "tracked values",
            values.mapped("old_value_char") + values.mapped("new_value_char"),
        )

    def test_chatter(self):
        messages = self._scm("mail.message").search(
            [
                ("model", "=like", "scm.%"),
                ("message_type", "in", ("comment", "notification")),
            ]
        )
        self.assertTrue(messages)
        self.assertChinese(
            "chatter messages", [str(b) for b in messages.mapped("body")]
        )

    def test_names_copied_from_translated_data(self):
        self.assertChinese(
            "core-clause lines",
            self._scm("scm.contract.checklist.line").search([]).mapped("name"),
        )
        self.assertChinese(
            "approval opinions' steps",
            self._scm("scm.approval.opinion").search([]).mapped("tier_name"),
        )
        self.assertChinese(
            "deadlines", self._scm("scm.deadline").search([]).mapped("name")
        )
        self.assertChinese(
            "sales plans", self._scm("scm.sales.plan").search([]).mapped("name")
        )
        self.assertChinese(
            "new branch documents",
            self._scm("scm.branch.setup.doc").search([]).mapped("name"),
        )
        self.assertChinese(
            "working group roles",
            self._scm("scm.working.group.member").search([]).mapped("role"),
        )
