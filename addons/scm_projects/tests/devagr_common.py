import base64

from odoo import fields

from odoo.addons.scm_base.tests.common import china_today

from .dev_common import ScmDevCase

SECTIONS = {
    "business_flows": "<p>订单 → 生产 → 发货</p>",
    "document_flows": "<p>销售订单、生产通知单</p>",
    "document_content": "<p>订单内容与查询</p>",
    "data_flows": "<p>订单 → 库存</p>",
    "print_formats": "<p>A4 订单格式</p>",
}


class ScmDevagrCase(ScmDevCase):
    """The later steps of a development (PRJ-DEV-07..15): works brought to
    a stage by sudo, the earlier steps having their own tests; what the
    later steps really wait for (the QC and software work plans of
    PRJ-DEV-04) is made the real way, through devreq's steps."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls.env.ref("scm_base.user_finance_staff")
        cls.Analysis = cls.env["scm.dev.analysis"]
        cls.SystemAnalysis = cls.env["scm.dev.system.analysis"]
        cls.Agreement = cls.env["scm.dev.agreement"]
        cls.Memo = cls.env["scm.dev.agreement.memo"]
        cls.QcReport = cls.env["scm.dev.qc.report"]

    def work_at(self, stage, kind="long_term", **vals):
        work = self.make_dev_work(kind, **vals)
        work.sudo().write({"stage": stage})
        if kind != "project":
            self.filed_unit_plans(work)
        return work

    def filed_unit_plans(self, work):
        """PRJ-DEV-04: the QC Dept and the Software Dept file their work
        plans (the agreement waits for both: `_scm_agreement_blockers`)."""
        plans = self.env["scm.dev.unit.plan"]
        for plan_type, user, name in (
            ("qc", self.qc_manager, "质检工作计划"),
            ("software", self.sw_manager, "软件工作计划"),
        ):
            plan = self.as_client(plans, user).create(
                {
                    "name": name,
                    "plan_type": plan_type,
                    "work_id": work.id,
                    "content": f"{name}：按开发计划执行",
                    "completion_date": fields.Date.add(china_today(), days=20),
                }
            )
            plan.action_devreq_file()
            plans |= plan
        self.assertFalse(work._scm_agreement_blockers())
        return plans

    def attachment(self, user, name):
        return (
            self.env["ir.attachment"]
            .with_user(user)
            .create({"name": name, "datas": base64.b64encode(b"SCMS")})
        )

    def confirmed_analysis(self, work):
        analysis = self.Analysis.sudo().create(
            {"work_id": work.id, "stage": "confirmed", **SECTIONS}
        )
        work.sudo().write({"stage": "confirmed"})
        return analysis

    def confirmed_system_analysis(self, work):
        report = self.SystemAnalysis.sudo().create(
            {"work_id": work.id, "stage": "confirmed", "content": "<p>系统设计</p>"}
        )
        work.sudo().write({"stage": "system_analysis"})
        return report

    def signed_agreement(self, work, days=30, cost=80000):
        self.confirmed_analysis(work)
        self.confirmed_system_analysis(work)
        agreement = self.as_client(self.Agreement, self.mrd_manager).create(
            {
                "work_id": work.id,
                "work_content": "<p>订单模块开发</p>",
                "completion_date": fields.Date.add(china_today(), days=days),
                "cost": cost,
                "rights_obligations": "<p>按期交付</p>",
            }
        )
        agreement.write(
            {
                "schedule_attachment_ids": [
                    (4, self.attachment(self.mrd_manager, "开发进度表.xlsx").id)
                ]
            }
        )
        agreement.action_submit()
        self.as_client(agreement, self.mrd_manager).action_sign_mrd()
        self.as_client(agreement, self.sw_manager).action_sign_software()
        return agreement
