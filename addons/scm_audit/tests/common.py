from odoo import fields

from odoo.addons.scm_base.tests.attacks import client_env
from odoo.addons.scm_base.tests.common import ScmBaseCase, users_read_english


class ScmAuditCase(ScmBaseCase):
    """Audit with the demo organization: the Audit Dept (audit.staff), the
    Wuhan branch (wh.manager, wh.consultant) and Beijing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users_read_english(cls.env)
        ref = cls.env.ref
        for login in ("sc.manager", "training.manager", "bj.consultant"):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.auditor = cls.users["audit.staff"]
        cls.sc_manager = cls.users["sc.manager"]
        cls.president = cls.users["president"]
        cls.wh_manager = cls.users["wh.manager"]
        cls.wh_consultant = cls.users["wh.consultant"]
        cls.wh_consultant2 = cls.users["wh.consultant2"]
        cls.bj_manager = cls.users["bj.manager"]
        cls.bj_consultant = cls.users["bj.consultant"]
        cls.Report = cls.env["scm.audit.report"]
        cls.Finding = cls.env["scm.audit.finding"]
        cls.Proposal = cls.env["scm.audit.proposal"]
        cls.today = fields.Date.context_today(cls.Report)

    def as_client(self, record, user, **context):
        """`record` as `user`'s web client gives it after login (the user's
        own company active), plus whatever context the client adds."""
        return record.with_env(client_env(self.env, user, forged=False, **context))

    def make_report(self, company=None, **vals):
        """A draft report of Wuhan (or `company`) written by audit.staff."""
        values = {
            "title": "武汉分公司流程稽核（测试）",
            "company_id": (company or self.wuhan).id,
        }
        values.update(vals)
        return self.as_client(self.Report, self.auditor).create(values)

    def make_finding(self, report, person=None, rule="SAL-PLAN-01", **vals):
        values = {
            "report_id": report.id,
            "title": "未按时提交月度销售计划（测试）",
            "description": "稽核抽查发现：当月销售计划逾期提交。",
            "rule_code": rule,
            "audited_user_id": (person or self.wh_consultant).id,
        }
        values.update(vals)
        return self.as_client(self.Finding, self.auditor).create(values)

    def confirmed_finding(self, person=None, rule="SAL-PLAN-01", **vals):
        report = self.make_report()
        finding = self.make_finding(report, person, rule, **vals)
        self.as_client(report, self.auditor).action_confirm()
        return finding

    def planned_finding(self, person=None, rule="SAL-PLAN-01", due=None):
        finding = self.confirmed_finding(person, rule)
        self.as_client(
            finding, finding.audited_user_id
        ).action_scm_submit_rectification(
            "整改措施：补交计划并在周例会上通报。", due or self.today
        )
        return finding
