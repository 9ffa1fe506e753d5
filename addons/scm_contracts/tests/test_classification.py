from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmContractsCase


@tagged("post_install", "-at_install")
class TestContractClassification(ScmContractsCase):
    def test_con_class_01_regular_below_the_threshold(self):
        """CON-CLASS-01: 399,999 excluding hardware and no criterion: regular."""
        contract = self.new_contract(amount=399999)
        self.assertEqual(contract.contract_class, "regular")

    def test_con_class_02_major_criteria(self):
        """CON-CLASS-02: above 400,000 excluding hardware, or any of (b)-(e),
        is major; exactly 400,000 is regular; hardware is a separate field."""
        self.assertEqual(self.new_contract(amount=400001).contract_class, "major")
        self.assertEqual(self.new_contract(amount=400000).contract_class, "regular")
        with_hardware = self.new_contract(amount=450000, hardware_amount=100000)
        self.assertEqual(with_hardware.amount_excl_hardware, 350000)
        self.assertEqual(with_hardware.contract_class, "regular")
        for flag in (
            "flag_system_adjustment",
            "flag_large_development",
            "flag_new_region",
            "flag_new_segment",
        ):
            contract = self.new_contract(amount=50000, **{flag: True})
            self.assertEqual(contract.contract_class, "major", flag)
            self.assertTrue(contract.major_reason)

    def test_sup_key_01_key_project_flags(self):
        """SUP-KEY-01: a budget of at least 1,000,000, serving industry
        development or approved as special makes a key project."""
        self.assertTrue(self.new_contract(amount=1000000).is_key_project)
        self.assertFalse(self.new_contract(amount=999999).is_key_project)
        self.assertTrue(
            self.new_contract(
                amount=100000, key_industry_development=True
            ).is_key_project
        )

    def test_bad_amounts_are_refused_with_nothing_written(self):
        """Negative or missing amounts and hardware above the total are
        refused with a clear message."""
        count = self.Contract.search_count([])
        with self.assertRaises(UserError):
            self.new_contract(amount=-1)
        with self.assertRaises(UserError):
            self.new_contract(hardware_amount=-5)
        with self.assertRaises(UserError):
            self.new_contract(amount=100, hardware_amount=200)
        contract = self.new_contract(amount=1000, hardware_amount=200)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).write({"amount": 100})
        self.assertEqual(contract.amount, 1000)
        contract.unlink()
        self.assertEqual(self.Contract.search_count([]), count)
        missing = self.new_contract(amount=0)
        self.check_clauses(missing)
        with self.assertRaises(UserError):
            missing.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(missing.state, "draft")

    def test_signed_contract_is_never_silently_changed(self):
        """Approved and signed contracts keep their text and amounts; a
        numbered one is never deleted."""
        contract = self.new_contract()
        self.approved(contract)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).write({"amount": 1})
        with self.assertRaises(UserError):
            contract.checklist_line_ids[:1].with_user(self.wh_manager).write(
                {"checked": False}
            )
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).unlink()
        self.assertEqual(contract.amount, 395000)

    def test_printing_before_approval_is_refused(self):
        """A contract prints only once approved and numbered."""
        contract = self.new_contract()
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_print()
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(
                "scm_contracts.action_report_scm_contract_sc", contract.ids
            )
        self.assertFalse(contract.number)


@tagged("post_install", "-at_install")
class TestContractCollections(ScmContractsCase):
    def milestones(self):
        return [
            (
                0,
                0,
                {
                    "name": "签约付50%",
                    "amount": 200000,
                    "trigger": "date",
                    "due_date": "2031-04-10",
                },
            ),
            (0, 0, {"name": "验收付50%", "amount": 200000, "trigger": "acceptance"}),
        ]

    def test_milestones_add_up_to_the_amount(self):
        """The payment schedule adds up to the contract amount before
        submission; a milestone on a date needs the date."""
        contract = self.new_contract(amount=450000, milestone_ids=self.milestones())
        self.check_clauses(contract)
        with self.assertRaises(UserError):
            contract.with_user(self.wh_manager).action_scm_submit()
        with self.assertRaises(ValidationError):
            self.new_contract(
                milestone_ids=[(0, 0, {"name": "x", "amount": 10, "trigger": "date"})]
            )

    def test_con_sc_08_payments_outstanding_and_overdue(self):
        """CON-SC-08: Finance registers payments once the contract is in
        force; outstanding and overdue collections are listed."""
        contract = self.new_contract(amount=400000, milestone_ids=self.milestones())
        with freeze_time("2031-04-01 02:00:00"):
            self.effective(contract)
            with self.assertRaises(AccessError):
                self.env["scm.contract.payment"].with_user(self.wh_manager).create(
                    {"contract_id": contract.id, "amount": 1000}
                )
            payment_model = self.env["scm.contract.payment"].with_user(self.finance)
            first = contract.milestone_ids.sorted("sequence")[0]
            payment_model.create(
                {
                    "contract_id": contract.id,
                    "milestone_id": first.id,
                    "amount": 150000,
                    "reference": "银行回单 001",
                }
            )
            with self.assertRaises(UserError):
                payment_model.create({"contract_id": contract.id, "amount": 300000})
            self.assertEqual(contract.amount_received, 150000)
            self.assertEqual(contract.amount_outstanding, 250000)
            first.invalidate_recordset(["overdue"])
            self.assertFalse(first.overdue)
        with freeze_time("2031-04-15 02:00:00"):
            first.invalidate_recordset(["overdue"])
            contract.invalidate_recordset(["collection_overdue"])
            self.assertTrue(first.overdue)
            overdue = self.env["scm.contract.milestone"].search(
                [("overdue", "=", True)]
            )
            self.assertIn(first, overdue)
            self.assertIn(
                contract, self.Contract.search([("collection_overdue", "=", True)])
            )
            self.env["scm.contract.payment"].with_user(self.finance).create(
                {"contract_id": contract.id, "milestone_id": first.id, "amount": 50000}
            )
            first.invalidate_recordset(["overdue"])
            self.assertFalse(first.overdue)

    def test_prj_run_09_free_report_quota_by_amount(self):
        """PRJ-RUN-09: 5 up to 100,000, 10 up to 500,000, 20 up to
        1,000,000, unlimited above; shown on S&C and secondary contracts."""
        cases = {
            100000: 5,
            100001: 10,
            500000: 10,
            500001: 20,
            1000000: 20,
            1000001: -1,
        }
        for amount, quota in cases.items():
            self.assertEqual(self.new_contract(amount=amount).free_report_quota, quota)
        unlimited = self.new_contract(amount=1200000)
        self.assertFalse(unlimited.free_report_quota_label.isdigit())
        self.assertEqual(self.new_contract(amount=200000).free_report_quota_label, "10")

    def test_signed_amount_feeds_the_sales_plan_actuals(self):
        """SAL-PLAN-06: the signed amount counts for the branch, business line
        and month of the customer's signature."""
        contract = self.new_contract()
        with freeze_time("2031-05-06 02:00:00"):
            self.effective(contract)
        actual = self.env["scm.sales.actual"].search(
            [("res_model", "=", "scm.contract"), ("res_id", "=", contract.id)]
        )
        self.assertEqual(actual.company_id, self.wuhan)
        self.assertEqual(actual.business_line, "chain")
        self.assertEqual(actual.amount, 395000)
        self.assertEqual(actual.date, fields.Date.to_date("2031-05-06"))
        self.assertEqual(self.chufeng.scm_customer_class, "signed")
