from datetime import datetime, time, timedelta

import pytz

from odoo import fields

from .common import ScmAuditCase

CHINA = pytz.timezone("Asia/Shanghai")


class ScmReportCase(ScmAuditCase):
    """The facts the reports count: deadlines owed, procedure violations,
    assessment entries, written as the other addons record them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Deadline = cls.env["scm.deadline"]
        cls.Violation = cls.env["scm.procedure.violation"]
        cls.Entry = cls.env["scm.assessment.entry"]
        cls.Heatmap = cls.env["scm.audit.heatmap"]
        cls.Month = cls.env["scm.assessment.month"]
        cls.office_secretary = cls.env.ref("scm_sales.user_office_secretary")
        cls.msd_manager = cls.env.ref("scm_base.user_msd_manager")
        cls.msd_presales = cls.env.ref("scm_base.user_msd_presales")
        # This month in the branches' calendar, and its first second (UTC):
        # a deadline due then is due this month and already past.
        now_china = pytz.utc.localize(fields.Datetime.now()).astimezone(CHINA)
        cls.month = now_china.date().replace(day=1)
        cls.month_start = (
            CHINA.localize(datetime.combine(cls.month, time(0, 0, 1)))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )

    def make_deadline(
        self,
        person,
        rule="PRJ-TRK-05",
        due=None,
        state="open",
        late=False,
        company=None,
    ):
        """A deadline `person` owes, due at `due` (this month's first second
        by default): open, or done on time or late."""
        due = due or self.month_start
        deadline = self.Deadline.sudo().create(
            {
                "name": "报表测试期限",
                "rule_code": rule,
                "res_model": "res.users",
                "res_id": person.id,
                "company_id": (company or person.company_id).id,
                "user_id": person.id,
                "unit": "same_day",
                "start_date": due - timedelta(days=1),
                "due_date": due,
            }
        )
        if state == "done":
            deadline.write(
                {
                    "state": "done",
                    "done_date": due + timedelta(days=1) if late else due,
                    "done_late": late,
                }
            )
        return deadline

    def make_violation(self, person, company=None, date=None):
        """An unsigned document sent out (ORG-RULE-05), as scm_base logs it."""
        return self.Violation.sudo().create(
            {
                "user_id": person.id,
                "company_id": (company or person.company_id).id,
                "date": date or fields.Datetime.now(),
                "res_model": "res.users",
                "res_id": person.id,
                "res_name": person.name,
                "action": "send",
                "reason": "未签字文件外传（测试）",
            }
        )

    def heat(self, rule, company, source=None, month=None, user=None):
        """Breaches of `rule` in `company` this month, as `user` reads them."""
        domain = [
            ("rule_code", "=", rule),
            ("company_id", "=", company.id),
            ("month", "=", month or self.month),
        ]
        if source:
            domain.append(("source", "=", source))
        # A view: what another test step wrote is read again, not cached.
        self.env.invalidate_all()
        Heatmap = self.as_client(self.Heatmap, user or self.auditor)
        return sum(Heatmap.search(domain).mapped("count"))

    def month_row(self, person, month=None, user=None):
        self.env.invalidate_all()
        Month = self.as_client(self.Month, user or self.auditor)
        return Month.search(
            [("user_id", "=", person.id), ("period", "=", month or self.month)]
        )

    def counts(self, person, month=None):
        """The row's figures ({} when the person has no row that month)."""
        row = self.month_row(person, month)
        names = (
            "deadline_on_time_count",
            "deadline_late_count",
            "deadline_missed_count",
            "finding_count",
            "audit_entry_count",
            "satisfaction_entry_count",
            "training_entry_count",
            "commendation_entry_count",
            "score",
        )
        if not row:
            return dict.fromkeys(names, 0)
        return {name: row[name] for name in names}
