from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import FORGED_CONTEXT

from .evaluation_common import ScmTrainingEvaluationCase


@tagged("post_install", "-at_install")
class TestEvaluationExam(ScmTrainingEvaluationCase):
    """The exam 《试卷》 and each trainee's result (TRN-EVAL-03..05,
    TRN-SM-01)."""

    def test_trn_eval_03_exam_paper_or_special_case_required(self):
        """TRN-EVAL-03: a session requires an exam or a "special case"
        reason; with the special case the session is examined without
        results."""
        session = self.evaluated()
        with self.assertRaises(ValidationError) as caught:
            self.new_exam(session, survey_id=False)
        self.assertRegex(str(caught.exception), "special case")
        exam = self.new_exam(
            session, survey_id=False, special_case="展会现场培训，无法组织考试"
        )
        exam.action_confirm()
        self.assertEqual(session.stage, "examined")
        self.assertTrue(self.notices(exam, self.auditor.partner_id))

    def test_trn_eval_03_every_trainee_needs_a_result_with_a_paper(self):
        session = self.evaluated()
        exam = self.new_exam(session, {self.consultant_emp: 80})
        with self.assertRaises(UserError) as caught:
            exam.action_confirm()
        self.assertRegex(str(caught.exception), "严武顾|missing")
        self.assertEqual(session.stage, "evaluated")

    def test_trn_eval_03_non_attendee_refused(self):
        """TRN-EVAL-03: only the session's trainees get a result."""
        session = self.evaluated()
        exam = self.new_exam(session)
        outsider = self.employee(self.bj_manager)
        with self.assertRaises(ValidationError) as caught:
            exam.result_ids.create(
                {"exam_id": exam.id, "employee_id": outsider.id, "score": 90}
            )
        self.assertRegex(str(caught.exception), "not a trainee")

    def test_trn_sm_01_exam_only_after_the_trainer_evaluation(self):
        """TRN-SM-01: held → evaluated → examined."""
        session = self.held()
        with self.assertRaises(UserError):
            self.new_exam(session)

    def test_trn_eval_03_05_fail_reported_and_retake_due_in_7_days(self):
        """TRN-EVAL-03: a fail is reported to the trainee's manager (the
        branch manager for a branch employee); TRN-EVAL-05: the retake is due
        at +7 days, owed by the organiser, the trainee following; the
        trainee's status is "retake pending"; the attendee line failed."""
        exam = self.examined(scores={self.consultant_emp: 45, self.consultant2_emp: 75})
        self.assertEqual(self.session.stage, "examined")
        failed = self.result_of(exam, self.consultant_emp)
        passed = self.result_of(exam, self.consultant2_emp)
        self.assertEqual(failed.result, "fail")
        self.assertEqual(failed.status, "retake_pending")
        self.assertEqual(passed.status, "passed")
        self.assertEqual(failed.attendee_id.result, "failed")
        self.assertEqual(passed.attendee_id.result, "passed")
        today = self.local_date(fields.Datetime.now())
        self.assertEqual(failed.retake_due_date, today + timedelta(days=7))
        deadline = failed._scm_deadlines("TRN-EVAL-05.1")
        self.assertEqual(deadline.user_id, self.wh_manager)
        self.assertEqual(self.local_date(deadline.due_date), today + timedelta(days=7))
        self.assertIn(self.wh_consultant.partner_id, failed.message_partner_ids)
        notice = self.notices(failed, self.wh_manager.partner_id)
        self.assertEqual(len(notice), 1)
        self.assertFalse(passed._scm_deadlines())

    def test_trn_eval_03_hq_fail_reported_to_the_department_manager(self):
        """TRN-EVAL-03: an HQ trainee's fail goes to their department's
        manager, the retake deadline to the organiser."""
        presales = self.employee(self.env.ref("scm_base.user_msd_presales"))
        session = self.make_session(
            name="市场销售部产品培训（测试）",
            company_id=self.hq.id,
            department_id=self.dept_msd.id,
            organiser_id=self.training_manager.id,
            trainer_id=self.employee(self.training_manager).id,
            attendant_ids=[Command.set(presales.ids)],
        )
        exam = self.examined(session, {presales: 30})
        result = self.result_of(exam, presales)
        msd_manager = self.users["msd.manager"]
        self.assertTrue(self.notices(result, msd_manager.partner_id))
        self.assertEqual(
            result._scm_deadlines("TRN-EVAL-05.1").user_id, self.training_manager
        )

    def test_trn_eval_05_retake_pass_clears_for_post(self):
        """TRN-EVAL-05, TRN-SM-01: fail → retake → pass = cleared for post;
        the retake deadline is met; the result goes to Audit."""
        exam = self.examined(scores={self.consultant_emp: 45, self.consultant2_emp: 75})
        failed = self.result_of(exam, self.consultant_emp)
        line = self.as_client(failed, self.wh_manager)
        line.write({"retake_score": 70})
        line.action_record_retake()
        self.assertEqual(failed.status, "cleared")
        self.assertEqual(failed.attempt, "retake")
        self.assertEqual(failed.retake_result, "pass")
        self.assertEqual(failed.attendee_id.result, "passed")
        self.assertEqual(
            failed._scm_deadlines("TRN-EVAL-05.1", state="done").user_id,
            self.wh_manager,
        )
        self.assertFalse(failed._scm_deadlines())
        subjects = self.notices(exam, self.auditor.partner_id).mapped("name")
        self.assertEqual(len(subjects), 2, "results, then the retake")

    def test_trn_eval_05_retake_fail_pending_layoff(self):
        """TRN-EVAL-05, TRN-SM-01: retake fail → pending layoff, an
        improvement deadline of +1 month on the trainee and a management
        decision owed by the unit's manager (Open reading)."""
        exam = self.examined(scores={self.consultant_emp: 45, self.consultant2_emp: 75})
        failed = self.result_of(exam, self.consultant_emp)
        line = self.as_client(failed, self.wh_manager)
        line.write({"retake_score": 50})
        line.action_record_retake()
        self.assertEqual(failed.status, "pending_layoff")
        self.assertEqual(failed.retake_result, "fail")
        improve = failed._scm_deadlines("TRN-EVAL-05.2")
        self.assertEqual(improve.user_id, self.wh_consultant)
        self.assertEqual(self.local_date(improve.due_date), self.one_month_from_today())
        decision = failed._scm_deadlines("TRN-EVAL-05.3")
        self.assertEqual(decision.user_id, self.wh_manager)
        self.assertTrue(decision.activity_id)
        self.assertEqual(len(self.notices(exam, self.auditor.partner_id)), 2)
        with self.assertRaises(UserError):
            line.action_record_retake()

    def test_trn_eval_04_excellent_commended_with_an_entry(self):
        """TRN-EVAL-04: an excellent trainee gets a written commendation and
        a performance entry."""
        exam = self.examined(scores={self.consultant_emp: 95, self.consultant2_emp: 75})
        best = self.result_of(exam, self.consultant_emp)
        self.assertEqual(best.result, "excellent")
        self.assertEqual(best.status, "passed")
        commendation = self.notices(best, self.wh_consultant.partner_id)
        self.assertEqual(len(commendation), 1)
        self.assertIn("Commendation", commendation.name)
        entry = self.env["scm.assessment.entry"].search(
            [("res_model", "=", best._name), ("res_id", "=", best.id)]
        )
        self.assertEqual(entry.user_id, self.wh_consultant)
        self.assertEqual(entry.source, "commendation")
        other = self.result_of(exam, self.consultant2_emp)
        self.assertFalse(self.notices(other))

    def test_trn_eval_04_results_reach_audit(self):
        """TRN-EVAL-04/05: the results go to the Audit Dept in writing; the
        auditor reads them and cannot act on them."""
        exam = self.examined(scores={self.consultant_emp: 45, self.consultant2_emp: 75})
        notice = self.notices(exam, self.auditor.partner_id)
        self.assertEqual(len(notice), 1)
        self.assertIn("严武顾", notice.body)
        as_audit = self.as_client(exam, self.auditor)
        self.assertEqual(len(as_audit.result_ids), 2)
        self.as_client(notice, self.auditor).read(["name", "body"])
        failed = self.as_client(self.result_of(exam, self.consultant_emp), self.auditor)
        with self.assertRaises(UserError):
            failed.write({"retake_score": 90})
        with self.assertRaises(UserError):
            failed.action_record_retake()

    def test_trainee_reads_only_their_own_results(self):
        exam = self.examined(scores={self.consultant_emp: 45, self.consultant2_emp: 75})
        Result = self.as_client(
            self.env["scm.training.exam.result"], self.wh_consultant
        )
        # (the demo data may hold other results of the same trainee)
        mine = Result.search([("exam_id", "=", exam.id)])
        self.assertEqual(mine.employee_id, self.consultant_emp)
        other = self.as_client(
            self.result_of(exam, self.consultant2_emp), self.wh_consultant
        )
        with self.assertRaises(AccessError):
            other.read(["score"])
        with self.assertRaises(UserError):
            Result.browse(mine.id).write({"retake_score": 100})

    def test_roles_on_the_exam(self):
        """wh.consultant cannot confirm results; bj.manager cannot read them;
        a forged context changes nothing; step fields are refused."""
        session = self.evaluated()
        exam = self.new_exam(
            session, {self.consultant_emp: 80, self.consultant2_emp: 85}
        )
        with self.assertRaises(UserError):
            self.as_client(exam, self.wh_consultant, **FORGED_CONTEXT).action_confirm()
        with self.assertRaises(AccessError):
            self.as_client(exam, self.bj_manager).read(["name"])
        with self.assertRaises(UserError):
            self.as_client(exam, self.auditor).action_confirm()
        line = self.as_client(exam.result_ids[0], self.wh_manager, **FORGED_CONTEXT)
        with self.assertRaises(UserError):
            line.write({"status": "cleared"})
        self.assertEqual(exam.state, "draft")
        self.as_client(exam, self.wh_manager).action_confirm()
        self.assertEqual(session.stage, "examined")
        with self.assertRaises(UserError):
            self.as_client(exam.result_ids[0], self.wh_manager).write({"score": 10})
