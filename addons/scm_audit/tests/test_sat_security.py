from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import client_env

from .sat_common import ScmSatisfactionCase


@tagged("post_install", "-at_install")
class TestSatisfactionSecurity(ScmSatisfactionCase):
    """Who sees and writes the satisfaction surveys (AUD-SAT-01..03, issue
    14's "who sees what"): the Audit Dept and the Supervision Center write;
    the President and the Office Meeting read; the surveyed branch's manager
    reads his branch's completed surveys and gives only his measures; no
    other branch sees them. Each as the user's web client, and with the
    context keys that once opened a guard."""

    def forged(self, record, user):
        return record.with_env(client_env(self.env, user))

    def test_aud_sat_01_audit_and_supervision_write(self):
        survey = self.make_survey(score=70)
        self.as_client(survey, self.auditor).write({"note": "电话回访"})
        by_sc = self.as_client(self.Survey, self.sc_manager).create(
            {
                "company_id": self.wuhan.id,
                "partner_id": self.wh_customer.id,
                "method": "paper",
                "score": 90,
            }
        )
        self.as_client(by_sc, self.sc_manager).action_complete()
        self.assertEqual(by_sc.state, "completed")

    def test_aud_sat_01_others_may_not_write_or_take_steps(self):
        """Branch staff, the branch manager and the President (who reads)
        neither create, edit, draw, complete nor re-check a survey — with or
        without the forged context."""
        survey = self.make_survey(score=70)
        for user in (self.bj_consultant, self.bj_manager, self.president):
            for client in (self.as_client, self.forged):
                with self.assertRaises(UserError, msg=user.login):
                    client(self.Survey, user).create(
                        {
                            "company_id": self.beijing.id,
                            "partner_id": self.bj_customer.id,
                            "method": "paper",
                            "score": 10,
                        }
                    )
        for user in (self.president, self.secretary):
            for client in (self.as_client, self.forged):
                with self.assertRaises(UserError, msg=user.login):
                    client(survey, user).write({"score": 10})
                with self.assertRaises(UserError, msg=user.login):
                    client(survey, user).action_complete()
        survey.invalidate_recordset()
        self.assertEqual(survey.score, 70)
        self.assertEqual(survey.state, "draft")
        other = self.make_survey(company=False, partner=False)
        with self.assertRaises(UserError):
            self.forged(other, self.bj_manager).action_draw()
        self.assertFalse(other.draw_seed)

    def test_aud_sat_02_branch_manager_reads_his_branch_only(self):
        """The manager of the surveyed branch reads its completed surveys
        (to give his measures); another branch's manager and the branch's
        staff read nothing of it; a draft is the Audit Dept's."""
        poor = self.completed(52)
        good = self.completed(85)
        draft = self.make_survey()
        wuhan = self.completed(45, company=self.wuhan, partner=self.wh_customer)
        seen = self.as_client(self.Survey, self.bj_manager).search([])
        self.assertIn(poor, seen)
        self.assertIn(good, seen)
        self.assertNotIn(draft, seen)
        self.assertNotIn(wuhan, seen)
        self.as_client(poor, self.bj_manager).read(["score", "notice_id"])
        for user in (self.wh_manager, self.bj_consultant):
            self.assertFalse(
                self.as_client(self.Survey, user).search([("id", "=", poor.id)])
            )
            with self.assertRaises(UserError, msg=user.login):
                self.as_client(poor, user).read(["score"])
        with self.assertRaises(UserError):
            self.forged(wuhan, self.bj_manager).read(["score"])
        # He reads, and gives his measures only.
        with self.assertRaises(UserError):
            self.as_client(poor, self.bj_manager).write({"note": "改分"})
        with self.assertRaises(UserError):
            self.forged(poor, self.bj_manager).action_recheck(90, "自评")
        with self.assertRaises(UserError):
            self.forged(wuhan, self.bj_manager).action_submit_measures("代写")
        with self.assertRaises(UserError):
            self.forged(wuhan, self.wh_consultant).action_submit_measures("代写")
        self.assertEqual(wuhan.state, "measures")
        self.forged(poor, self.bj_manager).action_submit_measures("回访客户")
        self.assertEqual(poor.state, "recheck")

    def test_aud_sat_01_president_and_office_meeting_read(self):
        survey = self.completed(66)
        for user in (self.president, self.secretary, self.sc_manager):
            self.assertIn(
                survey, self.as_client(self.Survey, user).search([]), user.login
            )
            quarters = self.as_client(self.Quarter, user)
            quarters.search([])  # may read the quarter flags
        with self.assertRaises(UserError):
            self.as_client(self.Quarter, self.bj_manager).search([])

    def test_step_fields_not_written_by_a_client(self):
        """The draw's seed, the state and the steps' values are the steps'
        own, even for the Audit Dept."""
        survey = self.make_survey(score=30)
        for values in (
            {"draw_seed": "42"},
            {"state": "closed"},
            {"branch_manager_id": self.wh_manager.id},
            {"recheck_result": "passed"},
        ):
            with self.assertRaises(UserError, msg=str(values)):
                self.forged(survey, self.auditor).write(values)
        with self.assertRaises(UserError):
            self.forged(self.Survey, self.auditor).create(
                {
                    "company_id": self.beijing.id,
                    "partner_id": self.bj_customer.id,
                    "state": "completed",
                }
            )
        self.assertEqual(survey.state, "draft")
        self.assertFalse(survey.draw_seed)

    def test_questionnaire_answers_are_the_audits(self):
        """Every employee is a survey user in Odoo: the satisfaction
        questionnaire's answers are read only by the Audit Dept, the
        Supervision Center, the President and the Office Meeting, and only
        they change the questionnaire."""
        answer = (
            self.questionnaire.sudo()
            ._create_answer(partner=self.bj_customer, check_attempts=False)
            .sudo()
        )
        UserInput = self.env["survey.user_input"]
        for user in (self.auditor, self.sc_manager, self.president, self.secretary):
            self.assertIn(
                answer, self.as_client(UserInput, user).search([]), user.login
            )
        for user in (self.bj_manager, self.bj_consultant, self.wh_manager):
            self.assertNotIn(
                answer, self.forged(UserInput, user).search([]), user.login
            )
        with self.assertRaises(UserError):
            self.forged(self.questionnaire, self.bj_consultant).write(
                {"scm_satisfaction": False}
            )
        with self.assertRaises(UserError):
            self.forged(self.questionnaire, self.wh_manager).write(
                {"title": "改过的问卷"}
            )
        self.as_client(self.questionnaire, self.auditor).write(
            {"description": "<p>本问卷满分100分。</p>"}
        )
        self.assertTrue(self.questionnaire.scm_satisfaction)
