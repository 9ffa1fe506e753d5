from odoo import fields

from .common import ScmTrainingCase


class PlansCase(ScmTrainingCase):
    """Training plans: the approved HQ overall plan of the year (the
    Training Dept's, approved by the President) every unit refers to."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.president = cls.users["president"]
        # The plans' tests start from a Wuhan branch without a training
        # specialist or equipment: the demo's (scm_training/demo) are removed
        # within the test's transaction.
        for model in ("scm.training.specialist", "scm.training.equipment.checklist"):
            cls.env[model].sudo().search([("company_id", "=", cls.wuhan.id)]).unlink()
        cls.year = fields.Date.context_today(cls.env["scm.training.plan"]).year
        Plan = cls.env["scm.training.plan"]
        cls.hq_plan = Plan.with_user(cls.training_manager).create(
            {
                "plan_type": "annual",
                "company_id": cls.hq.id,
                "department_id": cls.dept_training.id,
                "year": cls.year,
                "requirements": "各营销部门：顾问式销售、SCMS 产品知识",
            }
        )
        cls.fill_lines(cls.hq_plan)
        cls.hq_plan.with_user(cls.training_manager).action_scm_submit()
        action = cls.hq_plan.with_user(cls.president).validate_tier()
        cls.env["comment.wizard"].with_user(cls.president).with_context(
            **action["context"]
        ).create({"comment": "同意"}).add_comment()

    @classmethod
    def fill_lines(cls, plan):
        for line in plan.sudo().line_ids:
            line.write(
                {"topics": f"{line.month} 月：SCMS 产品培训", "planned_sessions": 1}
            )

    def new_annual(self, user, **vals):
        values = {
            "plan_type": "annual",
            "year": self.year,
            "hq_plan_id": self.hq_plan.id,
            "requirements": "市场营销部：报价与谈判技巧",
        }
        values.update(vals)
        return self.as_client(self.env["scm.training.plan"], user).create(values)

    def approved_annual(self, user=None):
        user = user or self.wh_manager
        plan = self.new_annual(user)
        self.fill_lines(plan)
        plan.action_scm_submit()
        self.approve(plan, self.training_manager)
        return plan

    def sheet_values(self, parent, **vals):
        values = {
            "plan_type": "monthly",
            "parent_id": parent.id,
            "month": "3",
            "purpose": "提高顾问的需求调研能力",
            "training_time": "3 月 10 日 9:00–17:00",
            "place": "武汉分公司会议室",
            "audience": "全体顾问",
            "method": "讲授与案例演练",
            "content": "需求调研方法、案例",
            "handout_writing": "主训人编写，3 月 5 日前报批",
            "trainer_id": self.employee(self.wh_manager).id,
            "division_of_work": "经理主训，顾问二协助组织",
            "cost_forecast": "讲义印刷 200 元",
            "result_assessment": "笔试与评议",
        }
        values.update(vals)
        return values
