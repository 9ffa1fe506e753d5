from odoo.addons.scm_sales.tests.common import ScmSalesCase

REPORT_SECTIONS = {
    "background": "客户门店每周电话报货，畅销款经常断码。",
    "requirement": "门店销售每日回传，按安全库存自动生成补货单。",
    "expected_result": "断码率降到8%以内。",
    "expected_schedule": "3个月内上线。",
    "budget_amount": 150000,
}
# The departments that always review (CON-SEC-02), by their managers' logins.
ALWAYS_REVIEWING = ("sw.manager", "qc.manager", "msd.manager")


class SecondaryCase(ScmSalesCase):
    """Customer requirement reports of Wuhan's 楚风服饰 and their review.

    Other areas that need a secondary contract draft it from
    `unanimous_requirement()` (CON-SEC-04)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["mrd.manager"] = cls.env.ref("scm_base.user_mrd_manager")
        cls.Requirement = cls.env["scm.customer.requirement"]
        cls.chufeng = cls.env.ref("scm_sales.partner_wh_chufeng")
        cls.jinghua = cls.env.ref("scm_sales.partner_bj_jinghua")
        cls.consultant = cls.users["wh.consultant"]
        cls.manager = cls.users["wh.manager"]
        cls.mcd = cls.users["mcd.manager"]
        cls.dept_mrd = cls.env.ref("scm_base.dept_mrd")

    def new_requirement(self, user=None, **vals):
        user = user or self.consultant
        values = {
            "title": "楚风服饰 门店自动补货二次开发",
            "company_id": user.company_id.id,
            "partner_id": self.chufeng.id,
            "user_id": user.id,
            **REPORT_SECTIONS,
        }
        values.update(vals)
        return self.Requirement.with_user(user).create(values)

    def sign_and_send(self, report, manager=None):
        manager = manager or self.manager
        report.with_user(manager).action_branch_sign()
        return report.with_user(manager).action_send_to_mcd()

    def apply_review(self, report, departments=None, note="请评审可行性、成本和进度。"):
        departments = departments if departments is not None else self.dept_mrd
        return report.with_user(self.mcd).action_scm_apply_review(departments, note)

    def opine(self, report, login, decision="agree", opinion="同意。"):
        return report.with_user(self.users[login]).action_scm_give_opinion(
            "可行。", "约20人日。", "约6周。", opinion, decision
        )

    def panel(self, report):
        return [
            line.reviewer_id.login
            for line in report.sudo().current_review_id.line_ids
            if line.state == "pending"
        ]

    def all_agree(self, report):
        for login in self.panel(report):
            self.opine(report, login)

    def unanimous_requirement(self, **vals):
        report = self.new_requirement(**vals)
        self.sign_and_send(report)
        self.apply_review(report)
        self.all_agree(report)
        report.with_user(self.mcd).action_review_unanimous()
        return report

    def draft_contract(self, report, user=None):
        user = user or self.manager
        action = report.with_user(user).action_draft_secondary_contract()
        return self.env["scm.contract"].browse(action["res_id"])

    def complete_contract(self, contract, user=None):
        user = user or self.manager
        contract = contract.with_user(user)
        contract.write(
            {
                "amount": 150000,
                "free_modification": "provided",
                "runin_months": 3,
                "post_runin_charging": "磨合期满后按年收取服务费。",
            }
        )
        contract.checklist_line_ids.write({"checked": True})
        return contract

    def notices(self, record):
        return self.env["scm.notice"]._scm_sent(record)
