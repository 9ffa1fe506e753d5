from odoo import fields
from odoo.tests import tagged

from .common import ScmServiceCase


@tagged("post_install", "-at_install")
class TestServiceCore(ScmServiceCase):
    """Which service a customer's request gets (SVC-SCOPE-01, SVC-STD-01)."""

    def test_svc_scope_01_time_billed_without_a_service_contract(self):
        """SVC-SCOPE-01: a customer without a J/R contract in force is
        served time-billed."""
        customer = self.env["res.partner"].create(
            {"name": "无合同客户（测试）", "is_company": True}
        )
        self.assertEqual(customer._scm_service_kind(), "time_billed")

    def test_svc_scope_01_contract_service_under_a_j_contract(self):
        """SVC-SCOPE-01: a J contract in force makes it contract service."""
        customer = self.env["res.partner"].create(
            {"name": "技术服务客户（测试）", "is_company": True}
        )
        contract = self.make_service_contract(customer)
        self.assertEqual(customer._scm_service_contract(), contract)
        self.assertEqual(customer._scm_service_kind(), "contract")

    def test_svc_std_01_request_in_the_run_in_belongs_to_the_project(self):
        """SVC-STD-01: during the run-in, service is the project's (free)."""
        project = self.project.sudo()
        today = fields.Date.context_today(project)
        project.write({"scm_runin_start": fields.Date.subtract(today, days=5)})
        self.assertTrue(project.scm_runin_end > today)
        self.assertEqual(project.partner_id._scm_service_kind(), "project")
        self.assertEqual(project.partner_id._scm_runin_project(), project)
        after = fields.Date.add(project.scm_runin_end, days=1)
        self.assertNotEqual(project.partner_id._scm_service_kind(after), "project")
