from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmServiceCase

SECTIONS = {
    "service_scheme": "每月走访一次，季度运营分析报告。",
    "difficulties": "操作员流动大：新员工由分公司顾问复训。",
}
LINE = {
    "name": "库存报表与财务不一致",
    "method": "核对期初数据",
    "steps": "1. 导出 2. 对账 3. 修正",
    "due_date": "2030-01-31",
}


@tagged("post_install", "-at_install")
class TestCustomersPlans(ScmServiceCase):
    """The service plan of a J/R contract (SVC-PLAN-01/02), its deadline,
    flag and who may prepare or read it (SVC-HQ-01)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bj_consultant = cls.env.ref("scm_base.user_bj_consultant")
        cls.bj_consultant.lang = "en_US"
        cls.contract = cls.make_service_contract(cls.hanjiang)
        cls.Plan = cls.env["scm.service.plan"]

    def new_plan(self, user=None, **vals):
        Plan = self.as_client(self.Plan, user or self.wh_consultant2)
        return Plan.create({"contract_id": self.contract.id, **vals})

    def full_plan(self):
        plan = self.new_plan(**SECTIONS, line_ids=[(0, 0, LINE)])
        self.as_client(plan, self.wh_consultant2).action_scm_file()
        return plan

    def test_svc_plan_01_four_sections_required(self):
        """SVC-PLAN-01: the plan is filed only with its four sections; the
        refusal names them and leaves the draft untouched."""
        plan = self.new_plan()
        self.assertIn("汉江", plan.customer_basics or plan.partner_id.name)
        plan.customer_basics = False
        with self.assertRaisesRegex(ValidationError, "cannot be filed without") as err:
            self.as_client(plan, self.wh_consultant2).action_scm_file()
        for label in ("Customer Basics", "Service Scheme", "Open Problems and Needs"):
            self.assertIn(label, str(err.exception))
        self.assertEqual(plan.stage, "draft")
        self.assertFalse(plan.filed_date)
        # A problem without its method, steps and completion date is refused.
        plan.write({"customer_basics": "汉江服饰", **SECTIONS})
        plan.write({"line_ids": [(0, 0, {"name": "报表慢"})]})
        with self.assertRaisesRegex(ValidationError, "报表慢"):
            self.as_client(plan, self.wh_consultant2).action_scm_file()
        plan.line_ids.write({k: v for k, v in LINE.items() if k != "name"})
        self.as_client(plan, self.wh_consultant2).action_scm_file()
        self.assertEqual(plan.stage, "filed")
        self.assertEqual(plan.filed_by_id, self.wh_consultant2)

    def test_svc_plan_01_missing_flag_and_deadline(self):
        """SVC-PLAN-01: a J/R contract in force without a filed plan is
        flagged (searchable, no job); the plan's deadline opens on the
        customer's service consultant and closes when it is filed."""
        Contract = self.env["scm.contract"]
        self.assertTrue(self.contract.scm_service_plan_missing)
        self.assertIn(
            self.contract, Contract.search([("scm_service_plan_missing", "=", True)])
        )
        self.contract._scm_service_plan_open_deadline()
        deadline = self.hanjiang._scm_deadlines("SVC-PLAN-01")
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, self.hanjiang._scm_service_consultant())
        # Opening it again does not duplicate it.
        self.contract._scm_service_plan_open_deadline()
        self.assertEqual(len(self.hanjiang._scm_deadlines("SVC-PLAN-01")), 1)
        self.full_plan()
        self.assertEqual(deadline.state, "done")
        self.contract.invalidate_recordset()
        self.assertFalse(self.contract.scm_service_plan_missing)
        self.assertNotIn(
            self.contract, Contract.search([("scm_service_plan_missing", "=", True)])
        )

    def test_svc_plan_01_only_service_contracts_in_force(self):
        """SVC-PLAN-01: a plan is for a J/R contract in its service period,
        one per contract (versions come from adjustments)."""
        with self.assertRaisesRegex(ValidationError, "Tech Service"):
            self.as_client(self.Plan, self.wh_consultant2).create(
                {"contract_id": self.project.scm_contract_id.id}
            )
        self.new_plan()
        with self.assertRaisesRegex(UserError, "already has a service plan"):
            self.new_plan()

    def test_svc_plan_01_who_prepares_and_reads(self):
        """SVC-PLAN-01, SVC-HQ-01: the branch prepares; MCD, MSD and Audit
        read; another branch neither prepares nor sees it."""
        with self.assertRaises(AccessError):
            self.new_plan(user=self.bj_consultant)
        with self.assertRaises(AccessError):
            self.new_plan(user=self.mcd_manager)
        self.assertFalse(self.Plan.search([("contract_id", "=", self.contract.id)]))
        plan = self.full_plan()
        for user in (self.mcd_manager, self.msd_manager, self.auditor, self.tsms):
            self.assertEqual(
                self.as_client(self.Plan, user).search([("id", "=", plan.id)]), plan
            )
        self.assertFalse(
            self.as_client(self.Plan, self.bj_consultant).search([("id", "=", plan.id)])
        )
        with self.assertRaises(AccessError):
            self.as_client(plan, self.mcd_manager).write({"progress_note": "x"})
        # The branch manager also prepares and tracks.
        self.as_client(plan, self.wh_manager).write({"progress_note": "第一次走访完成"})
        self.assertEqual(plan.progress_note, "第一次走访完成")

    def test_svc_plan_02_adjustment_keeps_versions(self):
        """SVC-PLAN-02: an adjustment needs a reason and a method, makes a
        new version and keeps the previous one read-only."""
        plan = self.full_plan()
        as_consultant = self.as_client(plan, self.wh_consultant2)
        for reason, method in ((None, "改方法"), ("客户换了总经理", " ")):
            with self.assertRaisesRegex(ValidationError, "An adjustment of"):
                as_consultant.action_scm_adjust(reason, method)
        self.assertEqual(
            self.Plan.search_count([("contract_id", "=", self.contract.id)]), 1
        )
        self.assertFalse(plan.next_version_id)
        # A filed version's sections cannot be edited.
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            as_consultant.write({"service_scheme": "改"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.as_client(plan.line_ids, self.wh_consultant2).write({"method": "改"})
        # Progress is tracked on the filed version.
        self.as_client(plan.line_ids, self.wh_consultant2).write({"progress": "已对账"})
        action = as_consultant.action_scm_adjust("客户换了总经理", "重新制定培训计划")
        new = self.Plan.browse(action["res_id"])
        self.assertEqual(new.version, 2)
        self.assertEqual(new.previous_id, plan)
        self.assertEqual(plan.next_version_id, new)
        self.assertEqual(new.adjustment_reason, "客户换了总经理")
        self.assertEqual(new.service_scheme, SECTIONS["service_scheme"])
        self.assertEqual(len(new.line_ids), 1)
        self.assertEqual(plan.stage, "filed")
        with self.assertRaisesRegex(UserError, "already being adjusted"):
            as_consultant.action_scm_adjust("再调", "再调")
        # Adjustment fields are the step's, not editable.
        with self.assertRaises(UserError):
            self.as_client(new, self.wh_consultant2).write({"adjustment_reason": "x"})
        self.as_client(new, self.wh_consultant2).write({"service_scheme": "新方案"})
        self.as_client(new, self.wh_consultant2).action_scm_file()
        self.assertEqual(plan.stage, "superseded")
        self.assertEqual(new.stage, "filed")
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            as_consultant.write({"progress_note": "旧版本"})
        with self.assertRaises(UserError):
            as_consultant.unlink()
        self.assertEqual(plan.service_scheme, SECTIONS["service_scheme"])
        with self.assertRaises(AccessError):
            self.as_client(new, self.mcd_manager).action_scm_adjust("r", "m")
