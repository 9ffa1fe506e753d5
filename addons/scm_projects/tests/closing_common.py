from dateutil.relativedelta import relativedelta

from odoo import fields

from .common import ScmProjectsCase

# A contract of 395,000: paid on signature, at the acceptance and at the end
# of the run-in.
PAYMENTS = [
    (0, 0, {"name": "首付款", "amount": 118500, "trigger": "signature"}),
    (0, 0, {"name": "验收款", "amount": 200000, "trigger": "acceptance"}),
    (0, 0, {"name": "磨合期满款", "amount": 76500, "trigger": "runin_end"}),
]


class ScmClosingCase(ScmProjectsCase):
    """Projects at the end of their way: after the run-in, accepted, paid,
    handed over to customer service."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        for login in ("wh.consultant2", "bj.consultant2", "sc.manager"):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.wh_service = cls.users["wh.consultant2"]
        cls.bj_service = cls.users["bj.consultant2"]
        cls.Acceptance = cls.env["scm.project.acceptance"]
        cls.Reminder = cls.env["scm.project.payment.reminder"]
        cls.Handover = cls.env["scm.project.handover"]
        cls.Closing = cls.env["scm.project.closing"]
        cls.unit = {
            key: ref(f"scm_base.dept_{key}")
            for key in ("mcd", "finance", "audit", "msd", "supervision_center")
        }

    @classmethod
    def closing_project(cls, title="楚风服饰 结项测试项目", **vals):
        return cls.make_project(title=title, milestone_ids=PAYMENTS, **vals)

    def end_runin(self, project, months_ago=4):
        """The project's initialisation was completed `months_ago` months ago:
        its 3-month free run-in has ended."""
        start = fields.Date.context_today(project) - relativedelta(months=months_ago)
        project.sudo().write({"scm_phase": "runin", "scm_runin_start": start})
        return project

    def new_acceptance(self, project, user=None):
        return self.as_client(self.Acceptance, user or self.wh_manager).create(
            {"project_id": project.id, "scope": "采购、销售、库存、财务模块"}
        )

    def accept(self, project, user=None):
        """The customer signs the acceptance form today."""
        acceptance = self.new_acceptance(project, user)
        acceptance._scm_record_customer_signature("张总经理", self.today(), True)
        return acceptance

    def milestone(self, project, trigger):
        return project.scm_contract_id.milestone_ids.filtered(
            lambda m: m.trigger == trigger
        )

    def collect_all(self, project):
        contract = project.scm_contract_id
        Payment = self.env["scm.contract.payment"].with_user(self.finance)
        for milestone in contract.milestone_ids:
            Payment.create(
                {
                    "contract_id": contract.id,
                    "milestone_id": milestone.id,
                    "amount": milestone.amount,
                    "date": self.today(),
                }
            )

    def verified_sheet(self, project):
        """MCD verifies the execution sheet (PRJ-TRK-10), which closing needs."""
        sheet = project.sudo().scm_execution_sheet_ids[:1]
        self.as_client(sheet, self.mcd_manager).action_scm_verify(
            self.today(), self.today(), "good", "按期完成。"
        )
        return sheet

    def signed_handover(self, project):
        handover = self.as_client(self.Handover, self.wh_manager).create(
            {"project_id": project.id}
        )
        handover.line_ids.write({"handed_over": True})
        handover.action_sign_implementation()
        self.as_client(handover, self.wh_service).action_sign_service()
        return handover
