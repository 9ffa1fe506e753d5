from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .evaluation_common import ScmTrainingEvaluationCase


@tagged("post_install", "-at_install")
class TestEvaluationSummary(ScmTrainingEvaluationCase):
    """The summary report 《培训总结报告》 and the session's closing
    (TRN-SUM-01, TRN-SM-01)."""

    def summary(self, session=None):
        session = session or self.session
        return self.as_client(
            self.env["scm.training.summary"], session.organiser_id
        ).create(
            {"session_id": session.id, "content": "<p>培训顺利完成，一人需补考。</p>"}
        )

    def test_trn_sum_01_close_refused_without_summary(self):
        """TRN-SUM-01: an examined session does not close without its
        summary report submitted to the superior."""
        self.examined(scores={self.consultant_emp: 80, self.consultant2_emp: 85})
        session = self.as_client(self.session, self.wh_manager)
        with self.assertRaises(UserError):
            session.action_scm_close()
        summary = self.summary()
        with self.assertRaises(UserError):
            session.action_scm_close()
        self.assertEqual(summary.state, "draft")
        self.assertEqual(self.session.stage, "examined")

    def test_trn_sum_01_trn_sm_01_submit_review_close(self):
        """TRN-SUM-01, TRN-SM-01: the organiser submits the summary to the
        superior (the Training Dept's manager, as the branch manager
        organises himself) → summarised; the superior reviews it; the
        session closes."""
        self.examined(scores={self.consultant_emp: 80, self.consultant2_emp: 85})
        summary = self.summary()
        summary.action_submit()
        self.assertEqual(summary.state, "submitted")
        self.assertEqual(summary.reviewer_id, self.training_manager)
        self.assertEqual(self.session.stage, "summarised")
        self.assertEqual(
            summary._scm_deadlines("TRN-SUM-01").user_id, self.training_manager
        )
        with self.assertRaises(UserError):
            self.as_client(summary, self.wh_manager).action_review("ok")
        with self.assertRaises(UserError):
            self.as_client(summary, self.wh_consultant).action_review("ok")
        self.as_client(summary, self.training_manager).action_review("已阅")
        self.assertEqual(summary.state, "reviewed")
        self.assertFalse(summary._scm_deadlines())
        with self.assertRaises(UserError):
            self.as_client(self.session, self.wh_consultant).action_scm_close()
        with self.assertRaises(UserError):
            self.as_client(self.session, self.auditor).action_scm_close()
        with self.assertRaisesRegex(UserError, "TRN-FIVE-01"):
            self.as_client(self.session, self.wh_manager).action_scm_close()
        self.record_sent_to_hq()
        self.as_client(self.session, self.wh_manager).action_scm_close()
        self.assertEqual(self.session.stage, "closed")
        self.assertEqual(self.session.scm_closed_by_id, self.wh_manager)
        # TRN-EVAL-04: closing sends the results to the Audit Dept.
        closing = self.notices(self.session, self.auditor.partner_id)
        self.assertEqual(len(closing), 1)
        self.assertIn("曹武顾", closing.body)

    def test_trn_sum_01_returned_summary_blocks_closing(self):
        """A returned summary must be revised and submitted again before the
        session closes; returning needs a reason."""
        self.examined(scores={self.consultant_emp: 80, self.consultant2_emp: 85})
        summary = self.summary()
        summary.action_submit()
        reviewer = self.as_client(summary, self.training_manager)
        with self.assertRaises(UserError):
            reviewer.action_return("")
        reviewer.action_return("请补充考试结果分析")
        self.assertEqual(summary.state, "returned")
        self.assertEqual(
            summary._scm_deadlines("TRN-SUM-01.R").user_id, self.wh_manager
        )
        with self.assertRaises(UserError) as caught:
            self.as_client(self.session, self.wh_manager).action_scm_close()
        self.assertRegex(str(caught.exception), "TRN-SUM-01")
        summary.write({"content": "<p>补充：一人 45 分，已安排补考。</p>"})
        summary.action_submit()
        self.record_sent_to_hq()
        self.as_client(self.session, self.wh_manager).action_scm_close()
        self.assertEqual(self.session.stage, "closed")

    def test_trn_sum_01_written_by_the_organiser(self):
        self.examined(scores={self.consultant_emp: 80, self.consultant2_emp: 85})
        with self.assertRaises(UserError):
            self.as_client(self.env["scm.training.summary"], self.wh_consultant).create(
                {"session_id": self.session.id, "content": "<p>x</p>"}
            )
        summary = self.summary()
        with self.assertRaises(UserError):
            self.as_client(summary, self.training_manager).action_submit()
        with self.assertRaises(UserError):
            self.as_client(summary, self.wh_manager).write({"state": "reviewed"})
        # The trainee reads the session's summary; another branch does not.
        self.as_client(summary, self.wh_consultant).read(["state"])
        with self.assertRaises(AccessError):
            self.as_client(summary, self.bj_manager).read(["state"])
