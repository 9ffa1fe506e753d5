from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today

from .plans_common import PlansCase


@tagged("post_install", "-at_install")
class TestPlansFiveHaves(PlansCase):
    def report_row(self, company, department=None):
        self.env.flush_all()
        Report = self.env["scm.training.five.haves.report"]
        Report.invalidate_model()
        return Report.search(
            [
                ("company_id", "=", company.id),
                ("department_id", "=", department.id if department else False),
            ]
        )

    def designate(self, user, by=None, **vals):
        values = {"user_id": user.id, "company_id": self.wuhan.id}
        values.update(vals)
        return self.as_client(
            self.env["scm.training.specialist"], by or self.wh_manager
        ).create(values)

    def test_trn_five_01_specialist_is_not_the_manager(self):
        """TRN-FIVE-01: the training specialist is someone besides the manager."""
        with self.assertRaisesRegex(ValidationError, "another person"):
            self.designate(self.wh_manager)
        with self.assertRaises(ValidationError):
            self.as_client(
                self.env["scm.training.specialist"], self.training_manager
            ).create(
                {
                    "user_id": self.users["msd.manager"].id,
                    "company_id": self.hq.id,
                    "department_id": self.dept_msd.id,
                }
            )
        with self.assertRaises(AccessError):
            self.designate(self.wh_consultant, by=self.bj_manager)
        with self.assertRaises(AccessError):
            self.designate(self.wh_consultant2, by=self.wh_consultant)
        specialist = self.designate(self.wh_consultant)
        self.assertTrue(specialist.is_current)

    def test_trn_five_01_specialist_keeps_the_unit_training(self):
        """TRN-FIVE-01 / TRN-PLAN-01: the specialist prepares the unit's plan."""
        self.designate(self.wh_consultant)
        plan = self.new_annual(self.wh_consultant)
        self.fill_lines(plan)
        plan.action_scm_submit()
        self.assertEqual(plan.stage, "submitted")
        with self.assertRaises(AccessError):
            self.new_annual(self.wh_consultant2)

    def test_trn_five_01_compliance_report(self):
        """TRN-FIVE-01: plan, specialist, equipment, records, incentive of
        a branch, computed when read."""
        # A Wuhan that held no session yet this year (the demo holds one).
        self.env["scm.training.session"].sudo().search(
            [("company_id", "=", self.wuhan.id), ("id", "!=", self.session.id)]
        ).write({"stage": "cancelled"})
        row = self.report_row(self.wuhan)
        self.assertEqual(row.unit_kind, "branch")
        self.assertFalse(row.compliant)
        self.assertFalse(row.has_plan or row.has_specialist or row.has_equipment)
        self.approved_annual()
        self.designate(self.wh_consultant)
        checklist = self.as_client(
            self.env["scm.training.equipment.checklist"], self.wh_manager
        ).create({})
        self.assertTrue(checklist.complete)
        checklist.line_ids.filtered(lambda line: line.kind == "computer").write(
            {"working": False}
        )
        self.assertFalse(checklist.complete)
        checklist.line_ids.filtered(lambda line: line.kind == "computer").write(
            {"working": True}
        )
        checklist.action_check()
        self.assertEqual(checklist.checked_by_id, self.wh_manager)
        policy = self.as_client(
            self.env["scm.training.incentive.policy"], self.wh_consultant
        ).create(
            {"name": "武汉分公司培训奖惩办法", "description": "考试第一名奖励 200 元"}
        )
        with self.assertRaises(AccessError):
            policy.action_issue()  # the specialist drafts, the manager issues
        self.as_client(policy, self.wh_manager).action_issue()
        row = self.report_row(self.wuhan)
        self.assertTrue(row.has_plan and row.has_specialist)
        self.assertTrue(row.has_equipment and row.has_incentive)
        self.assertFalse(row.has_records)  # no session held yet
        self.session.sudo()._scm_step_write({"stage": "closed"})
        if "scm_sent_to_hq" in self.session._fields:
            self.session.sudo().write({"scm_sent_to_hq": True})
        self.session.sudo().write({"start_date": china_today()})
        row = self.report_row(self.wuhan)
        self.assertEqual(row.sessions_done, 1)
        self.assertTrue(row.has_records)
        self.assertTrue(row.compliant)
        self.assertEqual(row.haves_count, 5)

    def test_trn_five_01_units_and_visibility(self):
        """TRN-FIVE-01: every branch and each HQ marketing department is a
        unit; a branch sees only its own row."""
        Report = self.env["scm.training.five.haves.report"]
        self.assertTrue(self.report_row(self.hq, self.dept_msd))
        self.assertFalse(self.report_row(self.hq, self.dept_training))
        self.assertTrue(self.report_row(self.beijing))
        rows = self.as_client(Report, self.wh_manager).search([])
        self.assertEqual(rows.company_id, self.wuhan)
        self.assertGreater(len(self.as_client(Report, self.auditor).search([])), 5)
        with self.assertRaises(AccessError):
            self.as_client(
                self.env["scm.training.equipment.checklist"], self.bj_manager
            ).create({"company_id": self.wuhan.id})
