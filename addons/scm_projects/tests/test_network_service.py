from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ScmProjectsCase


@tagged("post_install", "-at_install")
class TestNetworkService(ScmProjectsCase):
    """Technical-service projects: the on-site service work order
    (PRJ-TS-01..03)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A J contract continues the paid service period of an S&C one.
        sc_contract = cls.project.scm_contract_id
        sc_contract.sudo().write({"stage": "paid_service"})
        cls.ts = cls.make_project(
            sc_contract_id=sc_contract.id,
            title="楚风服饰 技术服务合同（测试）",
            contract_type="tech_service",
            amount=30000,
        )
        # The initiation notice moves it to the service phase.
        cls.ts._scm_step_write({"scm_phase": "service"})
        cls.WorkOrder = cls.env["scm.project.work.order"]

    def new_order(self, user=None, project=None, **vals):
        user = user or self.wh_consultant
        project = project or self.ts
        if user not in project.scm_member_user_ids and user == self.wh_consultant:
            project.sudo().write(
                {
                    "scm_member_ids": [
                        (0, 0, {"side": "aa", "role": "consultant", "user_id": user.id})
                    ]
                }
            )
        return self.as_client(self.WorkOrder, user).create(
            {
                "project_id": project.id,
                "problem": "库存报表数据不一致",
                "work_done": "重建库存汇总，核对三个仓库的期初数据",
                "hours": 3.5,
                **vals,
            }
        )

    def sign(self, order, user=None):
        self.as_client(
            order, user or self.wh_consultant
        )._scm_record_customer_signature("楚风 王经理", self.today())

    # -- PRJ-TS-01 -------------------------------------------------------------------
    def test_prj_ts_01_contract_service_or_time_billed(self):
        """PRJ-TS-01: a work order needs a valid J/R contract or the flag
        "non-contract (time-billed)"."""
        order = self.new_order()
        self.assertTrue(order.contract_service)
        self.assertFalse(order.time_billed)
        self.assertTrue(order.name.startswith("WO-"))
        # An S&C project is not a service contract: time-billed only.
        self.project._scm_step_write({"scm_phase": "accepted"})
        with self.assertRaisesRegex(ValidationError, "PRJ-TS-01"):
            self.new_order(self.wh_manager, self.project)
        billed = self.new_order(self.wh_manager, self.project, time_billed=True)
        self.assertFalse(billed.contract_service)
        # A J contract no longer in force: the flag is required.
        self.ts.scm_contract_id.sudo().write({"stage": "cancelled"})
        with self.assertRaisesRegex(ValidationError, "PRJ-TS-01"):
            self.new_order()
        with self.assertRaisesRegex(ValidationError, "PRJ-TS-01"):
            self.as_client(order, self.wh_consultant).write({"time_billed": False})

    def test_prj_ts_01_service_starts_with_the_service_phase(self):
        """PRJ-TS-01: a J project serves once its initiation notice put it in
        the Customer Service phase."""
        self.ts._scm_step_write({"scm_phase": "initiation"})
        with self.assertRaisesRegex(UserError, "Customer Service"):
            self.new_order(self.wh_manager)

    # -- PRJ-TS-02 -------------------------------------------------------------------
    def test_prj_ts_02_closing_requires_customer_signature(self):
        """PRJ-TS-02: closing an on-site visit requires the work order with
        the customer's signature."""
        order = self.new_order()
        with self.assertRaisesRegex(UserError, "PRJ-TS-02"):
            self.as_client(order, self.wh_consultant).action_close_visit()
        with self.assertRaises(UserError):
            self.as_client(order, self.wh_consultant).write(
                {"customer_signed_date": self.today(), "state": "closed"}
            )
        self.sign(order)
        self.assertEqual(order.state, "signed")
        self.assertEqual(order.customer_signatory, "楚风 王经理")
        with self.assertRaises(UserError):
            self.as_client(order, self.wh_consultant).write({"hours": 8})
        self.as_client(order, self.wh_consultant).action_close_visit()
        self.assertEqual(order.state, "closed")
        self.assertEqual(order.closed_by_id, self.wh_consultant)

    def test_prj_ts_02_signature_needs_the_work_done(self):
        """PRJ-TS-02: the customer signs a filled-in work order."""
        order = self.new_order(work_done=False, hours=0)
        with self.assertRaisesRegex(UserError, "work done"):
            self.sign(order)
        self.assertEqual(order.state, "draft")

    def test_prj_ts_02_two_copies_department_manager_and_archive(self):
        """PRJ-TS-02: two copy lines on signature: the department manager
        (the branch manager) and the customer archive."""
        order = self.new_order()
        self.assertFalse(order.scm_distribution_ids)
        self.sign(order)
        copies = order.scm_distribution_ids
        self.assertEqual(len(copies), 2)
        manager_copy = copies.filtered("recipient_user_id")
        archive_copy = copies.filtered("recipient_partner_id")
        self.assertEqual(manager_copy.recipient_user_id, self.wh_manager)
        self.assertEqual(archive_copy.recipient_partner_id, self.chufeng)
        self.assertEqual(archive_copy.recipient_company_id, self.wuhan)

    def test_prj_ts_02_hq_staff_copy_to_mcd_manager(self):
        """PRJ-TS-02: for MCD service staff the department manager is the
        MCD manager."""
        order = self.new_order(self.tsms)
        self.assertEqual(order.service_user_id, self.tsms)
        self.sign(order, self.tsms)
        self.assertEqual(
            order.scm_distribution_ids.filtered("recipient_user_id").recipient_user_id,
            self.mcd_manager,
        )

    def test_prj_ts_02_who_fills_in_work_orders(self):
        """PRJ-TS-02: branch or MCD service staff fill it in; Beijing sees
        nothing; the auditor reads and changes nothing; nobody is named as
        service staff who does not serve the project."""
        order = self.new_order()
        with self.assertRaises(AccessError):
            self.new_order(self.bj_manager)
        with self.assertRaises(AccessError):
            self.as_client(order, self.bj_manager).read(["problem"])
        self.assertEqual(
            self.as_client(self.WorkOrder, self.auditor).search(
                [("id", "=", order.id)]
            ),
            order,
        )
        with self.assertRaises(UserError):
            self.as_client(order, self.auditor).write({"hours": 1})
        with self.assertRaises(UserError):
            self.new_order(self.auditor)
        with self.assertRaises(UserError):
            self.sign(order, self.auditor)
        with self.assertRaises(UserError):
            self.new_order(self.wh_manager, service_user_id=self.bj_manager.id)
        # The branch's customer service staff serve its customers.
        staff = self.users["wh.consultant2"]
        self.assertTrue(staff.has_group("scm_base.group_service_staff"))
        self.assertTrue(self.new_order(staff))

    def test_prj_ts_02_work_order_report(self):
        """PRJ-TS-02: the work order prints with the customer's signature."""
        order = self.new_order()
        self.sign(order)
        html, _type = self.as_client(
            self.env["ir.actions.report"], self.wh_consultant
        )._render_qweb_html(
            "scm_projects.action_report_scm_project_work_order", order.ids
        )
        with self.assertRaises(AccessError):
            self.as_client(
                self.env["ir.actions.report"], self.bj_manager
            )._render_qweb_html(
                "scm_projects.action_report_scm_project_work_order", order.ids
            )
        html = html.decode()
        self.assertIn(order.name, html)
        self.assertIn("库存报表数据不一致", html)
        self.assertIn("楚风 王经理", html)

    # -- PRJ-TS-03 -------------------------------------------------------------------
    def test_prj_ts_03_statistics_count_only_signed_work_orders(self):
        """PRJ-TS-03: service-performance statistics count only
        customer-signed work orders."""
        signed = self.new_order()
        self.sign(signed)
        self.new_order(hours=2)
        action = self.env.ref("scm_projects.action_scm_project_work_order_stats")
        domain = safe_eval(action.domain)
        groups = self.WorkOrder._read_group(
            [*domain, ("project_id", "=", self.ts.id)],
            ["service_user_id", "visit_date:month"],
            ["__count", "hours:sum"],
        )
        self.assertEqual(len(groups), 1)
        user, _month, count, hours = groups[0]
        self.assertEqual(user, self.wh_consultant)
        self.assertEqual(count, 1)
        self.assertEqual(hours, 3.5)
        self.assertIn("pivot", action.view_mode)
        self.assertIn("graph", action.view_mode)

    def test_prj_ts_02_work_order_form(self):
        """PRJ-TS-02: the service staff fill in the work order in its form."""
        self.new_order()  # the consultant joins the team
        WorkOrder = self.as_client(self.WorkOrder, self.wh_consultant)
        with Form(WorkOrder.with_context(default_project_id=self.ts.id)) as form:
            form.problem = "打印机无法出单"
            form.work_done = "重装驱动"
            form.hours = 1.5
        order = form.record
        self.assertEqual(order.service_user_id, self.wh_consultant)
        self.assertTrue(order.contract_service)
        views = WorkOrder.get_views([(False, "pivot"), (False, "graph")])
        self.assertEqual(set(views["views"]), {"pivot", "graph"})

    def test_prj_ts_02_forged_context_and_step_fields(self):
        """PRJ-TS-02: no context default closes or signs a work order, and
        the signature and state are refused as plain values."""
        self.new_order()  # the consultant joins the team
        WorkOrder = self.as_client(self.WorkOrder, self.wh_consultant).with_context(
            default_state="closed",
            default_customer_signed_date=str(self.today()),
            default_customer_signatory="伪造",
        )
        order = WorkOrder.create(
            {"project_id": self.ts.id, "problem": "网络中断", "hours": 1}
        )
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.customer_signed_date)
        with self.assertRaises(UserError):
            self.as_client(self.WorkOrder, self.wh_consultant).create(
                {
                    "project_id": self.ts.id,
                    "problem": "网络中断",
                    "customer_signed_date": str(self.today()),
                }
            )

    def test_prj_ts_02_signature_through_the_wizard(self):
        """PRJ-TS-02: the form's button records the customer's signature in
        the suite's wizard; the copies follow."""
        order = self.new_order()
        action = self.as_client(order, self.wh_consultant).action_open_customer_sign()
        Wizard = self.as_client(
            self.env["scm.project.customer.sign"], self.wh_consultant
        ).with_context(**action["context"])
        with Form(Wizard) as form:
            form.signatory = "楚风 王经理"
        form.record.action_confirm()
        self.assertEqual(order.state, "signed")
        self.assertEqual(len(order.scm_distribution_ids), 2)
        with self.assertRaises(UserError):
            self.as_client(order, self.wh_consultant).action_open_customer_sign()
