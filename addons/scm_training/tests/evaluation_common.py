from dateutil.relativedelta import relativedelta

from odoo import Command, fields

from .common import ScmTrainingCase


class ScmTrainingEvaluationCase(ScmTrainingCase):
    """Sessions brought to "held" by sudo (the sessions area's steps do it in
    the product), with the hr_course attendee lines of their trainees, and
    the evaluation area's steps taken as the web client takes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consultant_emp = cls.employee(cls.wh_consultant)
        cls.consultant2_emp = cls.employee(cls.wh_consultant2)
        cls.audit_partners = cls.env.ref("scm_base.group_auditor").users.partner_id
        cls.paper = cls.make_paper()

    def held(self, session=None):
        session = session or self.session
        session.sudo().write({"stage": "held"})
        schedule = session.schedule_id.sudo()
        schedule.write(
            {
                "course_attendee_ids": [
                    Command.create({"employee_id": employee.id})
                    for employee in session.attendant_ids
                ]
            }
        )
        return session

    def record_sent_to_hq(self, session=None):
        """The organiser sends the session record to HQ (TRN-FIVE-01, the
        sessions area's step), which closing requires."""
        session = session or self.session
        client = self.as_client(session, session.organiser_id)
        client.write({"record_content": "<p>培训记录</p>"})
        client.action_scm_send_record_to_hq()
        return session

    def new_evaluation(self, session=None, user=None, result="qualified", score=8):
        session = session or self.session
        user = user or session.organiser_id
        evaluation = self.as_client(self.env["scm.training.evaluation"], user).create(
            {
                "session_id": session.id,
                "participant_ids": [Command.set(session.attendant_ids.ids)],
            }
        )
        values = {"overall_result": result} if result else {}
        if values:
            evaluation.write(values)
        if score:
            evaluation.line_ids.write({"score": score})
        return evaluation

    def evaluated(self, session=None, result="qualified"):
        session = self.held(session)
        self.new_evaluation(session, result=result).action_confirm()
        return session

    def new_exam(self, session=None, scores=None, user=None, **vals):
        """An exam of the evaluated session with `scores` {employee: score}."""
        session = session or self.session
        user = user or session.organiser_id
        values = {"session_id": session.id, "survey_id": self.paper.id}
        values.update(vals)
        exam = self.as_client(self.env["scm.training.exam"], user).create(values)
        for employee, score in (scores or {}).items():
            exam.result_ids.create(
                {"exam_id": exam.id, "employee_id": employee.id, "score": score}
            )
        return exam

    def examined(self, session=None, scores=None):
        session = self.evaluated(session)
        exam = self.new_exam(session, scores)
        exam.action_confirm()
        return exam

    @classmethod
    def make_paper(cls):
        return cls.env["survey.survey"].create(
            {
                "title": "SCMS 顾问式销售试卷（测试）",
                "certification": True,
                "scoring_type": "scoring_with_answers",
                "scoring_success_min": 60.0,
                "attempts_limit": 2,
            }
        )

    def result_of(self, exam, employee):
        return exam.sudo().result_ids.filtered(lambda r: r.employee_id == employee)

    def local_date(self, moment, company=None):
        return self.workday._local_date(moment, company or self.wuhan)

    def one_month_from_today(self, company=None):
        today = self.local_date(fields.Datetime.now(), company)
        return today + relativedelta(months=1)

    def notices(self, document, partner=None):
        notices = self.env["scm.notice"].sudo()._scm_sent(document)
        if partner:
            notices = notices.filtered(lambda n: partner in n.recipient_ids)
        return notices
