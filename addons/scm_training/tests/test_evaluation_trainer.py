from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import FORGED_CONTEXT

from .evaluation_common import ScmTrainingEvaluationCase


@tagged("post_install", "-at_install")
class TestEvaluationTrainer(ScmTrainingEvaluationCase):
    """The evaluation meeting and the trainer's assessment, 《培训结果评议表》
    (TRN-EVAL-01/02/06, TRN-EXEC-01, TRN-SM-01)."""

    def test_trn_exec_01_trn_eval_02_criteria_on_the_form(self):
        """TRN-EXEC-01, TRN-EVAL-02: the form holds the 8 criteria of
        TRN-EVAL-02 and the 11 detail control items of TRN-EXEC-01 (shared
        items merged, each citing both rules)."""
        evaluation = self.new_evaluation(self.held(), score=0)
        lines = evaluation.line_ids
        self.assertEqual(len(lines), 14)
        eval_02 = lines.filtered(lambda line: "TRN-EVAL-02" in line.rule_codes)
        exec_01 = lines.filtered(lambda line: "TRN-EXEC-01" in line.rule_codes)
        self.assertEqual(len(eval_02), 8)
        self.assertEqual(len(exec_01), 11)
        names = set(lines.criterion_id.mapped("name"))
        for name in ("Professional habits", "Time control", "Sound coordination"):
            self.assertIn(name, names)
        with self.assertRaises(ValidationError):
            lines[0].write({"score": 11})

    def test_trn_eval_02_overall_result_and_scores_required(self):
        """TRN-EVAL-02: confirming needs the overall result (excellent /
        qualified / unqualified) and every criterion scored."""
        evaluation = self.new_evaluation(self.held(), result=False)
        with self.assertRaises(UserError) as caught:
            evaluation.action_confirm()
        self.assertRegex(str(caught.exception), "overall result")
        evaluation.write({"overall_result": "excellent"})
        evaluation.line_ids[:2].write({"score": 0})
        with self.assertRaises(UserError) as caught:
            evaluation.action_confirm()
        self.assertRegex(str(caught.exception), "Score every criterion")
        self.assertEqual(evaluation.state, "draft")
        self.assertEqual(self.session.stage, "held")

    def test_trn_eval_01_result_in_the_trainers_file(self):
        """TRN-EVAL-01, TRN-SM-01: the held session's evaluation meeting,
        confirmed, moves it to evaluated and files the assessment in the
        trainer's employee file."""
        session = self.held()
        evaluation = self.new_evaluation(session, result="excellent")
        evaluation.action_confirm()
        self.assertEqual(session.stage, "evaluated")
        self.assertEqual(evaluation.state, "confirmed")
        self.assertEqual(evaluation.confirmed_by_id, self.wh_manager)
        trainer = self.employee(self.wh_manager)
        self.assertIn(evaluation, trainer.sudo().scm_training_evaluation_ids)
        self.assertEqual(session.scm_evaluation_id, evaluation)
        with self.assertRaises(UserError):
            evaluation.write({"overall_result": "unqualified"})

    def test_trn_sm_01_evaluation_only_of_a_held_session(self):
        """TRN-SM-01: a planned session has no evaluation meeting yet."""
        with self.assertRaises(UserError):
            self.new_evaluation(self.session)
        with self.assertRaises(UserError):
            self.as_client(self.session, self.wh_manager).action_scm_open_evaluation()

    def test_trn_eval_06_unqualified_trainer_improves_within_a_month(self):
        """TRN-EVAL-06: an unqualified trainer owes an improvement within one
        month and gets a performance entry; the result goes to Audit."""
        session = self.held()
        evaluation = self.new_evaluation(session, result="unqualified", score=4)
        evaluation.action_confirm()
        deadline = evaluation._scm_deadlines("TRN-EVAL-06")
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, self.wh_manager)
        self.assertEqual(
            self.local_date(deadline.due_date), self.one_month_from_today()
        )
        self.assertEqual(deadline.activity_id.user_id, self.wh_manager)
        entry = self.env["scm.assessment.entry"].search(
            [("res_model", "=", evaluation._name), ("res_id", "=", evaluation.id)]
        )
        self.assertEqual(entry.user_id, self.wh_manager)
        self.assertEqual(entry.source, "training")
        self.assertLess(entry.score, 0)
        self.assertTrue(self.notices(evaluation, self.auditor.partner_id))

    def test_trn_eval_06_qualified_trainer_incentive(self):
        """TRN-EVAL-06: qualified or excellent → an incentive entry, no
        deadline; the result goes to Audit in writing, who reads it."""
        session = self.held()
        evaluation = self.new_evaluation(session, result="qualified")
        evaluation.action_confirm()
        self.assertFalse(evaluation._scm_deadlines("TRN-EVAL-06"))
        entry = self.env["scm.assessment.entry"].search(
            [("res_model", "=", evaluation._name), ("res_id", "=", evaluation.id)]
        )
        self.assertEqual(entry.user_id, self.wh_manager)
        self.assertGreater(entry.score, 0)
        notice = self.notices(evaluation, self.auditor.partner_id)
        self.assertEqual(len(notice), 1)
        as_audit = self.as_client(evaluation, self.auditor)
        self.assertEqual(as_audit.overall_result, "qualified")
        self.assertEqual(len(as_audit.line_ids), 14)

    def test_roles_on_the_evaluation(self):
        """Only the organiser or the Training Dept's manager confirms; a
        trainee may not write the form; another branch sees nothing; Audit
        reads and cannot act; a forged context changes nothing."""
        session = self.held()
        evaluation = self.new_evaluation(session)
        with self.assertRaises(UserError):
            self.as_client(
                self.env["scm.training.evaluation"], self.wh_consultant
            ).create({"session_id": self.make_session().id})
        with self.assertRaises(AccessError):
            self.as_client(evaluation, self.wh_consultant).read(["overall_result"])
        with self.assertRaises(AccessError):
            self.as_client(evaluation, self.bj_manager).read(["overall_result"])
        with self.assertRaises(UserError):
            self.as_client(evaluation, self.auditor).action_confirm()
        with self.assertRaises(UserError):
            self.as_client(evaluation, self.auditor).write(
                {"overall_result": "excellent"}
            )
        forged = evaluation.with_user(self.wh_consultant2).with_context(
            allowed_company_ids=[self.wuhan.id], **FORGED_CONTEXT
        )
        with self.assertRaises(UserError):
            forged.action_confirm()
        with self.assertRaises(UserError):
            self.as_client(evaluation, self.wh_manager, **FORGED_CONTEXT).write(
                {"state": "confirmed"}
            )
        self.assertEqual(evaluation.state, "draft")
        # The Training Dept's manager confirms a branch's evaluation.
        self.as_client(evaluation, self.training_manager).action_confirm()
        self.assertEqual(session.stage, "evaluated")
