from datetime import date

from odoo import Command, api, models

from .scm_sales_plan_line import BUSINESS_LINE_KEYS

DEMO_YEAR = 2027


class ScmSalesPlanDemo(models.AbstractModel):
    """Loads the demo planning cycle through the real workflow, each step
    done by the user the manual names, so the demo shows real approval
    rounds, deadlines and notices."""

    _name = "scm.sales.plan.demo"
    _description = "Sales Plan Demo Loader"

    @api.model
    def _demo_user(self, login):
        return self.env.ref(f"scm_base.user_{login.replace('.', '_')}")

    @api.model
    def _demo_xmlid(self, name, record):
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": f"scm_sales.{name}", "record": record, "noupdate": True}]
        )

    @api.model
    def _demo_approve(self, record, login, comment):
        user = self._demo_user(login)
        action = record.with_user(user).validate_tier()
        if action:
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()

    @api.model
    def _demo_set_lines(self, plan, user, amounts, notes=None):
        notes = notes or {}
        plan = plan.with_user(user)
        for line in plan.line_ids:
            line.write(
                {
                    "amount": amounts[line.business_line],
                    "resource_note": notes.get(line.business_line, False),
                }
            )

    @api.model
    def _load_plan_demo(self):
        if self.env.ref("scm_sales.demo_plan_2027_preliminary", False):
            return False
        msd = self._demo_user("msd.manager")
        wuhan = self.env.ref("scm_base.company_wh")
        beijing = self.env.ref("scm_base.company_bj")
        Plan = self.env["scm.sales.plan"]

        # 1. HQ preliminary plan: MSD Manager prepares, Market Center approves,
        #    it is issued to every branch.
        preliminary = Plan.with_user(msd).create(
            {
                "plan_type": "hq_preliminary",
                "plan_year": DEMO_YEAR,
                "company_id": self.env.ref("base.main_company").id,
                "strategy": "<p>以公司战略目标为前提：巩固湖北、北京市场，"
                "重点拓展品牌运作与客户服务业务。</p>",
            }
        )
        self._demo_set_lines(
            preliminary,
            msd,
            dict(
                zip(
                    BUSINESS_LINE_KEYS,
                    (9600000, 2400000, 3600000, 1800000, 1200000),
                    strict=True,
                )
            ),
            {
                "chain": "各分公司配备两名以上管理咨询顾问",
                "brand": "品牌运作中心专案设计师支持武汉、北京",
            },
        )
        preliminary.with_user(msd).action_scm_submit()
        self._demo_approve(preliminary, "mc.manager", "同意，下发各分公司确认。")
        self._demo_xmlid("demo_plan_2027_preliminary", preliminary)
        for login in ("wh.manager", "bj.manager"):
            preliminary.with_user(self._demo_user(login)).action_confirm_preliminary()

        # 2. Wuhan's branch plan approved with 12 monthly targets.
        wh_manager = self._demo_user("wh.manager")
        wh_plan = Plan._scm_find_plan("branch", DEMO_YEAR, wuhan)
        self._demo_set_lines(
            wh_plan,
            wh_manager,
            dict(
                zip(
                    BUSINESS_LINE_KEYS,
                    (2400000, 600000, 1200000, 480000, 360000),
                    strict=True,
                )
            ),
        )
        wh_plan.with_user(wh_manager).action_spread_targets()
        wh_plan.with_user(wh_manager).action_scm_submit()
        self._demo_approve(wh_plan, "msd.manager", "计划合理，同意。")
        self._demo_xmlid("demo_plan_2027_wuhan", wh_plan)

        # 3. Beijing's branch plan submitted, waiting for the MSD Manager.
        bj_manager = self._demo_user("bj.manager")
        bj_plan = Plan._scm_find_plan("branch", DEMO_YEAR, beijing)
        self._demo_set_lines(
            bj_plan,
            bj_manager,
            dict(
                zip(
                    BUSINESS_LINE_KEYS,
                    (3000000, 720000, 1500000, 600000, 480000),
                    strict=True,
                )
            ),
        )
        bj_plan.with_user(bj_manager).action_spread_targets()
        bj_plan.with_user(bj_manager).action_scm_submit()
        self._demo_xmlid("demo_plan_2027_beijing", bj_plan)

        # 4. Wuhan's execution report for October 2026, reviewed.
        report = (
            self.env["scm.sales.plan.report"]
            .with_user(msd)
            .create({"company_id": wuhan.id, "period": date(2026, 10, 1)})
        )
        report.write(
            {
                "evaluation": "<p>运作链管理合同签约顺利；品牌运作项目仍在洽谈。</p>",
                "line_ids": [
                    Command.update(line.id, {"comment": "楚风服饰合同已签"})
                    for line in report.line_ids
                    if line.business_line == "chain"
                ],
            }
        )
        report.with_user(msd).action_scm_submit()
        self._demo_approve(report, "mc.manager", "已审阅。")
        self._demo_xmlid("demo_plan_report_wh_202610", report)

        # 5. Adjustment notice: Wuhan's February 2027 targets, issued.
        adjustment = (
            self.env["scm.sales.plan.adjustment"]
            .with_user(msd)
            .create(
                {
                    "company_id": wuhan.id,
                    "month": date(DEMO_YEAR, 2, 1),
                    "reason": "<p>春节因素，二月运作链管理目标下调，三月补足。</p>",
                }
            )
        )
        for line in adjustment.line_ids.filtered(
            lambda ln: ln.business_line == "chain"
        ):
            line.with_user(msd).write(
                {"new_amount": line.current_amount - 100000, "reason": "春节假期"}
            )
        adjustment.with_user(msd).action_scm_submit()
        self._demo_approve(adjustment, "mc.manager", "同意调整。")
        self._demo_xmlid("demo_plan_adjustment_wh_202702", adjustment)

        # 6. The 2027 promotion plan being prepared by the pre-sales specialist.
        presales = self._demo_user("msd.presales")
        promotion = (
            self.env["scm.sales.promotion.plan"]
            .with_user(presales)
            .create(
                {
                    "plan_year": DEMO_YEAR,
                    "description": "<p>按各分公司销售计划安排全年促销活动。</p>",
                    "activity_line_ids": [
                        Command.create(
                            {
                                "name": "武汉服装博览会SCMS产品展示",
                                "business_line": "chain",
                                "branch_ids": [Command.set(wuhan.ids)],
                                "date_start": date(DEMO_YEAR, 4, 10),
                                "date_end": date(DEMO_YEAR, 4, 12),
                                "budget": 80000,
                            }
                        ),
                        Command.create(
                            {
                                "name": "北京品牌运作研讨会",
                                "business_line": "brand",
                                "branch_ids": [Command.set(beijing.ids)],
                                "date_start": date(DEMO_YEAR, 6, 18),
                                "date_end": date(DEMO_YEAR, 6, 18),
                                "budget": 50000,
                            }
                        ),
                    ],
                }
            )
        )
        self._demo_xmlid("demo_promotion_plan_2027", promotion)
        return True
