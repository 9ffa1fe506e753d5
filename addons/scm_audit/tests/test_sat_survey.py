from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .sat_common import ScmSatisfactionCase


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(ScmSatisfactionCase):
    # -- AUD-SAT-02: below 60 ---------------------------------------------------------
    def test_aud_sat_02_score_59_notice_measures_assessment_recheck(self):
        """AUD-SAT-02: score 59 → a notice to the branch manager, measures due
        at notice + 3 days, an assessment entry and a re-check at notice + 7
        days (Open: counted from the notice)."""
        survey = self.completed(59)
        self.assertEqual(survey.state, "measures")
        self.assertEqual(survey.result, "poor")
        self.assertEqual(survey.branch_manager_id, self.bj_manager)
        notice = survey.notice_id
        self.assertTrue(notice)
        self.assertEqual(notice.recipient_ids, self.bj_manager.partner_id)
        self.assertEqual(survey.notice_date, notice.sent_at)
        workday = self.env["scm.workday"]
        measures = survey._scm_deadlines("AUD-SAT-02", self.bj_manager)
        self.assertEqual(len(measures), 1)
        self.assertEqual(measures.unit, "calendar_days")
        self.assertEqual(
            measures.due_date,
            workday.add_calendar_days(notice.sent_at, 3, self.beijing),
        )
        self.assertEqual(survey.measures_due, measures.due_date)
        recheck = survey._scm_deadlines("AUD-SAT-02", self.auditor)
        self.assertEqual(len(recheck), 1)
        self.assertEqual(
            recheck.due_date,
            workday.add_calendar_days(notice.sent_at, 7, self.beijing),
        )
        notice_day = workday._local_date(notice.sent_at, self.beijing)
        self.assertEqual(survey.recheck_due, notice_day + timedelta(days=7))
        entry = survey.assessment_entry_id
        self.assertEqual(entry.user_id, self.bj_manager)
        self.assertEqual(entry.source, "satisfaction")
        self.assertEqual((entry.res_model, entry.res_id), (survey._name, survey.id))
        self.assertFalse(survey.finding_id, "59 is not below 40: no level 3")

    def test_aud_sat_02_score_60_no_action(self):
        """AUD-SAT-02: score 60 → no action (60 is not below 60)."""
        entries = self.Entry.search_count([("source", "=", "satisfaction")])
        findings = self.Finding.search_count([("rule_code", "like", "AUD-SAT")])
        survey = self.completed(60)
        self.assertEqual(survey.state, "completed")
        self.assertEqual(survey.result, "good")
        self.assertFalse(survey.notice_id)
        self.assertFalse(survey.scm_deadline_ids)
        self.assertFalse(survey.recheck_due)
        self.assertFalse(survey.finding_id)
        self.assertEqual(
            self.Entry.search_count([("source", "=", "satisfaction")]), entries
        )
        self.assertEqual(
            self.Finding.search_count([("rule_code", "like", "AUD-SAT")]), findings
        )
        # Only the Office Meeting report.
        self.assertEqual(self.Notice._scm_sent(survey), survey.meeting_notice_id)

    # -- AUD-SAT-03: below 40 ---------------------------------------------------------
    def test_aud_sat_03_score_39_immediate_level_three(self):
        """AUD-SAT-03: score 39 → the notice, measures due at +3 days, an
        immediate level-3 finding against the branch manager and an
        assessment entry (and the re-check a week later, Open)."""
        survey = self.completed(39)
        self.assertEqual(survey.result, "very_poor")
        self.assertEqual(survey.state, "measures")
        self.assertEqual(survey.notice_id.recipient_ids, self.bj_manager.partner_id)
        self.assertTrue(survey._scm_deadlines("AUD-SAT-02", self.bj_manager))
        self.assertTrue(survey._scm_deadlines("AUD-SAT-02", self.auditor))
        self.assertTrue(survey.recheck_due)
        self.assertEqual(survey.assessment_entry_id.user_id, self.bj_manager)
        finding = survey.finding_id
        self.assertTrue(finding)
        self.assertEqual(finding.level, "3")
        self.assertTrue(finding.level_reason)
        self.assertEqual(finding.rule_code, "AUD-SAT-03")
        self.assertEqual(finding.audited_user_id, self.bj_manager)
        self.assertEqual(finding.origin, "satisfaction")
        self.assertEqual(finding.company_id, self.beijing)
        self.assertEqual((finding.res_model, finding.res_id), (survey._name, survey.id))

    def test_aud_sat_03_score_40_treated_as_below_60_only(self):
        """AUD-SAT-03: score 40 → treated as < 60 only (AUD-SAT-02): the
        notice, measures, entry and re-check, no level-3 finding."""
        survey = self.completed(40)
        self.assertEqual(survey.result, "poor")
        self.assertEqual(survey.state, "measures")
        self.assertTrue(survey.notice_id)
        self.assertTrue(survey._scm_deadlines("AUD-SAT-02", self.bj_manager))
        self.assertTrue(survey.assessment_entry_id)
        self.assertFalse(survey.finding_id)
        self.assertFalse(
            self.Finding.search(
                [("res_model", "=", survey._name), ("res_id", "=", survey.id)]
            )
        )

    # -- bad input --------------------------------------------------------------------
    def test_aud_sat_03_score_above_100_refused(self):
        """AUD-SAT-03 (Open: the maximum is 100): a score above 100, or below
        0, is refused with a clear message and nothing is written."""
        count = self.Survey.search_count([])
        with self.assertRaisesRegex(UserError, "between 0 and 100: 100.5 is refused"):
            self.make_survey(score=100.5)
        with self.assertRaisesRegex(UserError, "between 0 and 100"):
            self.make_survey(score=-1)
        self.assertEqual(self.Survey.search_count([]), count)
        survey = self.make_survey(score=80)
        with self.assertRaisesRegex(UserError, "101 is refused"):
            self.as_client(survey, self.auditor).write({"score": 101})
        self.assertEqual(survey.score, 80)
        self.as_client(survey, self.auditor).write({"score": 100})
        self.as_client(survey, self.auditor).action_complete()
        self.assertEqual(survey.score, 100)
        self.assertEqual(survey.result, "good")

    def test_paper_survey_needs_its_score(self):
        survey = self.make_survey()
        with self.assertRaisesRegex(UserError, "Enter the total score"):
            self.as_client(survey, self.auditor).action_complete()
        self.assertEqual(survey.state, "draft")
        self.assertFalse(self.Notice._scm_sent(survey))

    def test_customer_must_be_of_the_branch(self):
        with self.assertRaisesRegex(UserError, "is not a customer of"):
            self.make_survey(company=self.beijing, partner=self.wh_customer)
        survey = self.make_survey(company=False, partner=self.wh_customer)
        self.assertEqual(survey.company_id, self.wuhan)

    def test_completed_survey_is_kept(self):
        survey = self.completed(75)
        with self.assertRaisesRegex(UserError, "changes only through its steps"):
            self.as_client(survey, self.auditor).write({"score": 20})
        with self.assertRaisesRegex(UserError, "kept"):
            self.as_client(survey, self.auditor).unlink()
        self.assertEqual(survey.score, 75)

    # -- the re-check -----------------------------------------------------------------
    def test_aud_sat_02_recheck_before_its_date_refused(self):
        """AUD-SAT-02: the re-check is one week after the notice: earlier it is
        refused with its date and nothing is written."""
        survey = self.completed(55)
        with self.assertRaisesRegex(UserError, "re-check it on that date or later"):
            self.as_client(survey, self.auditor).action_recheck(70, "回访客户")
        with freeze_time(self.after_days(survey, -1)):
            with self.assertRaisesRegex(UserError, "due on"):
                self.as_client(survey, self.auditor).action_recheck(70, "回访客户")
        self.assertEqual(survey.state, "measures")
        self.assertFalse(survey.recheck_date)
        with freeze_time(self.after_days(survey, 0)):
            self.as_client(survey, self.auditor).action_recheck(70, "回访客户，满意")
        self.assertEqual(survey.state, "closed")
        self.assertEqual(survey.recheck_result, "passed")
        self.assertFalse(survey.proposal_id)
        self.assertFalse(survey._scm_deadlines("AUD-SAT-02", self.auditor))

    def test_aud_sat_02_failed_recheck_proposes_level_three(self):
        """AUD-SAT-02: a re-check still below 60 (Open: "failed") proposes a
        level-3 finding against the branch manager in the work queue; the
        Audit Dept confirms it with its reason."""
        survey = self.completed(50)
        self.as_client(survey, self.bj_manager).action_submit_measures(
            "走访客户，指定专人跟进需求。"
        )
        with freeze_time(self.after_days(survey, 1)):
            with self.assertRaisesRegex(UserError, "between 0 and 100"):
                self.as_client(survey, self.auditor).action_recheck(120, "复查")
            self.as_client(survey, self.auditor).action_recheck(59, "客户仍不满意")
        self.assertEqual(survey.recheck_result, "failed")
        self.assertEqual(survey.state, "closed")
        proposal = survey.proposal_id
        self.assertTrue(proposal)
        self.assertEqual(proposal.kind, "satisfaction")
        self.assertEqual(proposal.proposed_level, "3")
        self.assertEqual(proposal.rule_code, "AUD-SAT-02")
        self.assertEqual(proposal.user_id, self.bj_manager)
        self.assertEqual(proposal.company_id, self.beijing)
        self.assertEqual(
            (proposal.res_model, proposal.res_id), (survey._name, survey.id)
        )
        # Proposed once: the same fact is not proposed again.
        self.assertFalse(survey._scm_propose_level_three(59, "again"))
        finding = self.as_client(proposal, self.auditor).action_confirm(
            reason="复查仍低于60分，通报批评"
        )
        self.assertEqual(finding.level, "3")
        self.assertEqual(finding.audited_user_id, self.bj_manager)
        self.assertEqual(finding.origin, "satisfaction")

    def test_recheck_60_passes(self):
        """AUD-SAT-02: a re-check of 60 is not below 60: it passes."""
        survey = self.completed(45)
        with freeze_time(self.after_days(survey, 2)):
            self.as_client(survey, self.auditor).action_recheck(60, "复查合格")
        self.assertEqual(survey.recheck_result, "passed")
        self.assertFalse(survey.proposal_id)

    # -- the branch manager's measures ------------------------------------------------
    def test_aud_sat_02_measures_by_branch_manager_close_his_deadline(self):
        """AUD-SAT-02: the branch manager gives his measures within 3 days of
        the notice; it closes his deadline. Nobody else gives them."""
        survey = self.completed(58)
        with self.assertRaisesRegex(UserError, "Only the branch manager"):
            self.as_client(survey, self.auditor).action_submit_measures("代写措施")
        with self.assertRaises(UserError):
            self.as_client(survey, self.wh_manager).action_submit_measures("措施")
        with self.assertRaisesRegex(UserError, "Describe the measures"):
            self.as_client(survey, self.bj_manager).action_submit_measures("  ")
        self.assertEqual(survey.state, "measures")
        deadline = survey._scm_deadlines("AUD-SAT-02", self.bj_manager)
        wizard = self.as_client(
            self.env["scm.satisfaction.measures.wizard"], self.bj_manager
        ).create({"survey_id": survey.id, "measures": "分公司经理带队回访客户。"})
        wizard.action_submit()
        self.assertEqual(survey.state, "recheck")
        self.assertEqual(survey.measures, "分公司经理带队回访客户。")
        self.assertEqual(survey.measures_by_id, self.bj_manager)
        self.assertEqual(deadline.state, "done")
        self.assertFalse(deadline.done_late)
        self.assertTrue(survey._scm_deadlines("AUD-SAT-02", self.auditor))
        with self.assertRaisesRegex(UserError, "Awaiting Re-check"):
            self.as_client(survey, self.bj_manager).action_submit_measures("再次")

    # -- AUD-SAT-01: the random draw, the report, the quarter -------------------------
    def test_aud_sat_01_random_draw_logs_seed_and_reproduces(self):
        """AUD-SAT-01: the survey picks a random customer; the random seed is
        logged, with the population, and the same seed gives the same pick."""
        survey = self.make_survey(company=False, partner=False)
        self.as_client(survey, self.auditor).action_draw()
        self.assertTrue(survey.draw_seed)
        self.assertTrue(survey.draw_branch_drawn)
        self.assertGreaterEqual(survey.draw_branch_count, 2)
        self.assertGreaterEqual(survey.draw_customer_count, 1)
        self.assertEqual(survey.draw_by_id, self.auditor)
        self.assertTrue(survey.partner_id.scm_is_customer)
        self.assertEqual(survey.partner_id.company_id, survey.company_id)
        self.assertEqual(survey.company_id.scm_unit_type, "branch")
        self.assertTrue(
            survey.message_ids.filtered(lambda m: survey.draw_seed in (m.body or ""))
        )
        company, customer, branches, customers = survey._scm_draw_pick(survey.draw_seed)
        self.assertEqual(company, survey.company_id)
        self.assertEqual(customer, survey.partner_id)
        self.assertEqual(branches, survey.draw_branch_count)
        self.assertEqual(customers, survey.draw_customer_count)
        # Once drawn, the customer is not drawn again.
        with self.assertRaisesRegex(UserError, "already has its customer"):
            self.as_client(survey, self.auditor).action_draw()

    def test_aud_sat_01_draw_in_a_chosen_branch(self):
        """AUD-SAT-01: with the branch chosen, only the customer is drawn,
        among that branch's customers."""
        survey = self.make_survey(company=self.beijing, partner=False)
        self.as_client(survey, self.auditor).action_draw()
        self.assertEqual(survey.company_id, self.beijing)
        self.assertFalse(survey.draw_branch_drawn)
        customers = self.env["res.partner"].search_count(
            [("scm_is_customer", "=", True), ("company_id", "=", self.beijing.id)]
        )
        self.assertEqual(survey.draw_customer_count, customers)
        self.assertEqual(
            survey._scm_draw_pick(survey.draw_seed, self.beijing)[1],
            survey.partner_id,
        )

    def test_aud_sat_01_completion_creates_office_meeting_report_item(self):
        """AUD-SAT-01: completion creates an Office Meeting report item: a
        notice to the Office Meeting and the President, and the secretary's
        activity to put it on the agenda."""
        survey = self.completed(88)
        notice = survey.meeting_notice_id
        self.assertTrue(notice)
        self.assertIn(self.secretary.partner_id, notice.recipient_ids)
        self.assertIn(self.president.partner_id, notice.recipient_ids)
        agenda = survey.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("scm_audit.mail_activity_type_sat_agenda")
            )
        )
        self.assertEqual(agenda.user_id, self.secretary)
        self.assertRegex(survey.name, r"^MYBJ-\d{4}Q[1-4]-\d{2}$")
        self.assertEqual(survey.completed_by_id, self.auditor)

    def test_aud_sat_01_quarter_without_completed_survey_flagged(self):
        """AUD-SAT-01: a calendar quarter without at least one completed
        survey is flagged at its end, once; a quarter with one is not."""
        survey = self.completed(70, year=2031, quarter="1")
        self.assertEqual(survey.quarter_label, "2031-Q1")
        rows = self.Quarter.sudo()._scm_flag_quarters(today=date(2031, 7, 1))
        first = rows.filtered(lambda r: r.name == "2031-Q1")
        second = rows.filtered(lambda r: r.name == "2031-Q2")
        self.assertEqual(first.survey_count, 1)
        self.assertFalse(first.flagged)
        self.assertFalse(first.activity_ids)
        self.assertTrue(second.flagged)
        self.assertEqual(second.survey_count, 0)
        self.assertEqual(
            (second.date_start, second.date_end), (date(2031, 4, 1), date(2031, 6, 30))
        )
        managers = self.Quarter._scm_audit_managers()
        self.assertTrue(managers)
        self.assertEqual(second.activity_ids.user_id, managers)
        self.assertFalse(rows.filtered(lambda r: r.name == "2031-Q3"))
        # Once per quarter: the next run writes nothing new.
        self.assertFalse(self.Quarter.sudo()._scm_flag_quarters(today=date(2031, 7, 2)))
        # The job runs each quarter.
        cron = self.env.ref("scm_audit.ir_cron_sat_quarters")
        self.assertEqual((cron.interval_number, cron.interval_type), (3, "months"))
        self.assertTrue(cron.active)
        # The Audit Dept runs the check any time; nobody writes a row.
        self.as_client(self.Quarter, self.auditor).action_check_quarters()
        with self.assertRaises(UserError):
            self.as_client(second, self.auditor).write({"flagged": False})
        with self.assertRaises(UserError):
            self.as_client(self.Quarter, self.bj_manager).action_check_quarters()

    # -- the questionnaire ------------------------------------------------------------
    def answer(self, survey, choices):
        """The customer's answers: the `choices`-th suggestion (0 = best) of
        each scored question."""
        action = self.as_client(survey, self.auditor).action_start_questionnaire()
        self.assertIn(survey.user_input_id.access_token, action["url"])
        answer = survey.user_input_id.sudo()
        scored = self.questionnaire.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        ).sorted("sequence")
        for question, choice in zip(scored, choices, strict=True):
            suggestion = question.suggested_answer_ids.sorted("sequence")[choice]
            answer._save_lines(question, suggestion.id)
        answer._mark_done()
        return answer

    def test_aud_sat_01_questionnaire_total_score(self):
        """The questionnaire on the survey app totals 100 points; the survey's
        total score is read from the customer's answers."""
        self.assertTrue(self.questionnaire.scm_satisfaction)
        self.assertEqual(self.questionnaire.scoring_max_obtainable, 100)
        best = sum(
            max(question.suggested_answer_ids.mapped("answer_score"), default=0)
            for question in self.questionnaire.question_ids
        )
        self.assertEqual(best, 100)
        survey = self.make_survey(method="questionnaire")
        with self.assertRaisesRegex(UserError, "Link the customer's answers"):
            self.as_client(survey, self.auditor).action_complete()
        answer = self.answer(survey, [1, 2, 2, 3, 1])  # 15+10+10+5+15 = 55
        self.assertEqual(answer.partner_id, self.bj_customer)
        self.as_client(survey, self.auditor).action_complete()
        self.assertEqual(survey.score, 55)
        self.assertEqual(survey.state, "measures")
        html = str(survey.answers_html)
        self.assertIn("您对分公司销售人员的服务态度是否满意？", html)
        self.assertIn("不满意", html)

    def test_report_prints(self):
        """The 《客户满意度调查报告》 prints the branch, customer, quarter, seed,
        score, answers, notice, measures and re-check."""
        survey = self.make_survey(company=self.beijing, partner=False)
        self.as_client(survey, self.auditor).action_draw()
        self.as_client(survey, self.auditor).write({"method": "questionnaire"})
        self.answer(survey, [0, 0, 2, 4, 4])  # 20+20+10+0+0 = 50
        self.as_client(survey, self.auditor).action_complete()
        self.as_client(survey, self.bj_manager).action_submit_measures("专人回访")
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.bj_manager)
            ._render_qweb_html("scm_audit.report_sat_survey", survey.ids)
        )
        html = html.decode()
        for text in (
            survey.name,
            survey.draw_seed,
            survey.partner_id.name,
            "北京",
            survey.quarter_label,
            "50",
            "专人回访",
            "非常满意",
        ):
            self.assertIn(text, html)
