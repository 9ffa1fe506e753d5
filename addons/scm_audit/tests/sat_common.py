from datetime import datetime, time, timedelta

from .common import ScmAuditCase


class ScmSatisfactionCase(ScmAuditCase):
    """Satisfaction surveys of the demo customers: Beijing's (its manager
    bj.manager) and Wuhan's (wh.manager)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Survey = cls.env["scm.satisfaction.survey"]
        cls.Quarter = cls.env["scm.satisfaction.quarter"]
        cls.Deadline = cls.env["scm.deadline"]
        cls.Entry = cls.env["scm.assessment.entry"]
        cls.Notice = cls.env["scm.notice"]
        Partner = cls.env["res.partner"]
        cls.bj_customer = Partner.search(
            [("scm_is_customer", "=", True), ("company_id", "=", cls.beijing.id)],
            order="id",
            limit=1,
        )
        cls.wh_customer = Partner.search(
            [("scm_is_customer", "=", True), ("company_id", "=", cls.wuhan.id)],
            order="id",
            limit=1,
        )
        cls.secretary = cls.env.ref("scm_base.group_office_meeting").users[:1]
        cls.questionnaire = cls.env.ref("scm_audit.sat_questionnaire")

    def make_survey(self, company=None, partner=None, **vals):
        """A draft survey written by audit.staff (Beijing's customer unless
        told), answered on paper."""
        values = {"method": "paper"}
        if company is not False:
            values["company_id"] = (company or self.beijing).id
        if partner is not False:
            values["partner_id"] = (partner or self.bj_customer).id
        values.update(vals)
        return self.as_client(self.Survey, self.auditor).create(values)

    def completed(self, score, **vals):
        """A paper survey of Beijing's customer completed with `score`."""
        survey = self.make_survey(score=score, **vals)
        self.as_client(survey, self.auditor).action_complete()
        return survey

    @staticmethod
    def noon_utc(day):
        """A moment of `day` that is the same day in China (04:00 UTC)."""
        return datetime.combine(day, time(4, 0))

    def after_days(self, survey, days):
        return self.noon_utc(survey.recheck_due + timedelta(days=days))
