from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today

from .plans_common import PlansCase


@tagged("post_install", "-at_install")
class TestPlansMonthly(PlansCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.annual = None

    def setUp(self):
        super().setUp()
        self.annual = self.approved_annual()
        self.Plan = self.as_client(self.env["scm.training.plan"], self.wh_manager)

    def test_trn_plan_02_sheet_needs_approved_annual_plan(self):
        """TRN-PLAN-02: a monthly sheet links to an approved annual plan of
        its unit and year."""
        draft = self.new_annual(self.wh_manager, year=self.year + 1)
        with self.assertRaisesRegex(ValidationError, "approved annual training plan"):
            self.Plan.create(self.sheet_values(draft))
        with self.assertRaisesRegex(ValidationError, "approved annual training plan"):
            self.Plan.create(self.sheet_values(self.env["scm.training.plan"]))
        # Another unit's approved plan is no parent either.
        with self.assertRaises(ValidationError):
            self.as_client(self.env["scm.training.plan"], self.training_manager).create(
                self.sheet_values(
                    self.annual, company_id=self.beijing.id, department_id=False
                )
            )
        sheet = self.Plan.create(self.sheet_values(self.annual))
        self.assertEqual(sheet.company_id, self.wuhan)
        self.assertEqual(sheet.year, self.year)

    def test_trn_plan_02_eleven_fields_to_issue(self):
        """TRN-PLAN-02: the 11 items are required to issue the sheet."""
        values = self.sheet_values(self.annual)
        for name in ("purpose", "handout_writing", "cost_forecast"):
            values[name] = False
        values["trainer_id"] = False
        sheet = self.Plan.create(values)
        with self.assertRaises(UserError) as caught:
            sheet.action_issue()
        message = str(caught.exception)
        for label in ("Purpose", "Handout Writing", "Cost Forecast", "Lead Trainer"):
            self.assertIn(label, message)
        sheet.write(
            {
                "purpose": "目的",
                "handout_writing": "讲义",
                "cost_forecast": "0 元",
                "trainer_id": self.employee(self.wh_manager).id,
            }
        )
        sheet.action_issue()
        self.assertEqual(sheet.stage, "issued")
        self.assertEqual(sheet.issued_by_id, self.wh_manager)
        with self.assertRaises(UserError):
            sheet.write({"place": "别处"})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_training.action_report_plans_monthly", sheet.ids)[0]
            .decode()
        )
        self.assertIn("武汉分公司会议室", html)

    def test_trn_plan_02_support_request(self):
        """TRN-PLAN-02: help asked from another unit; its manager answers."""
        sheet = self.Plan.create(self.sheet_values(self.annual))
        request = self.as_client(
            self.env["scm.training.support.request"], self.wh_manager
        ).create(
            {
                "plan_id": sheet.id,
                "kind": "trainer",
                "what": "请市场营销部派一名讲师讲授报价技巧",
                "needed_on": fields.Date.add(china_today(), days=20),
                "asked_department_id": self.dept_msd.id,
            }
        )
        msd_manager = self.users["msd.manager"]
        self.assertEqual(request.asked_manager_id, msd_manager)
        request.action_send()
        deadline = request._scm_deadlines("TRN-PLAN-02")
        self.assertEqual(deadline.user_id, msd_manager)
        with self.assertRaises(AccessError):
            self.as_client(request, self.wh_consultant).action_accept()
        with self.assertRaises(AccessError):
            request.action_accept()  # the requester does not answer himself
        self.as_client(request, msd_manager).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.answered_by_id, msd_manager)
        self.assertEqual(deadline.state, "done")
        self.assertIn(request, sheet.support_request_ids)

    def test_trn_plan_02_session_links_to_sheet_of_its_unit(self):
        """A session belongs to a monthly sheet of its own unit."""
        sheet = self.Plan.create(self.sheet_values(self.annual))
        self.as_client(self.session, self.wh_manager).write({"plan_id": sheet.id})
        self.assertEqual(sheet.session_count, 1)
        other = self.make_session(
            company_id=self.beijing.id,
            organiser_id=self.bj_manager.id,
            trainer_id=self.employee(self.bj_manager).id,
            authorized_by=self.employee(self.bj_manager).id,
            attendant_ids=[],
        )
        with self.assertRaises(ValidationError):
            other.sudo().write({"plan_id": sheet.id})
        # bj.manager may not even point at Wuhan's sheet.
        with self.assertRaises(AccessError):
            self.as_client(other, self.bj_manager).write({"plan_id": sheet.id})

    def weekly_rows(self, company):
        self.env.flush_all()
        self.env["scm.training.weekly.gap.report"].invalidate_model()
        return self.env["scm.training.weekly.gap.report"].search(
            [("company_id", "=", company.id)]
        )

    def test_trn_plan_03_weekly_schedule_flag(self):
        """TRN-PLAN-03: a branch with no weekly schedule in an active month
        (a month with a session or a monthly sheet) is flagged."""
        start = self.session.start_date
        month_start = start.replace(day=1)
        row = self.weekly_rows(self.wuhan).filtered(
            lambda r: r.month_start == month_start
        )
        self.assertEqual(len(row), 1)
        self.assertTrue(row.weekly_missing)
        # The test's session, and those the demo data may hold that month.
        others = (
            self.env["scm.training.session"]
            .sudo()
            .search_count(
                [
                    ("id", "!=", self.session.id),
                    ("company_id", "=", self.wuhan.id),
                    ("department_id", "=", False),
                    ("stage", "!=", "cancelled"),
                    ("start_date", ">=", month_start),
                    ("start_date", "<", fields.Date.add(month_start, months=1)),
                ]
            )
        )
        self.assertEqual(row.session_count, 1 + others)
        # A monthly sheet makes its month active too.
        sheet = self.Plan.create(self.sheet_values(self.annual, month="7"))
        july = self.weekly_rows(self.wuhan).filtered(
            lambda r: r.year == self.year and r.month == 7
        )
        self.assertTrue(july.weekly_missing)
        self.assertTrue(sheet.weekly_missing)
        july_weekly = self.Plan.create(
            {
                "plan_type": "weekly",
                "week_start": fields.Date.to_date(f"{self.year}-07-06"),
                "content": "周二：报价技巧",
            }
        )
        july_weekly.action_issue()
        sheet.invalidate_recordset(["weekly_missing"])
        self.assertFalse(sheet.weekly_missing)
        # A draft weekly schedule does not count; an issued one does.
        weekly = self.Plan.create(
            {
                "plan_type": "weekly",
                "week_start": start,
                "content": "周一：产品知识；周三：案例演练",
            }
        )
        self.assertTrue(
            self.weekly_rows(self.wuhan)
            .filtered(lambda r: r.month_start == month_start)
            .weekly_missing
        )
        weekly.action_issue()
        self.assertFalse(
            self.weekly_rows(self.wuhan)
            .filtered(lambda r: r.month_start == month_start)
            .weekly_missing
        )
        # bj.manager does not see Wuhan's months.
        rows = self.as_client(
            self.env["scm.training.weekly.gap.report"], self.bj_manager
        ).search([])
        self.assertFalse(rows.filtered(lambda r: r.company_id == self.wuhan))

    def test_trn_plan_03_stage_scheme(self):
        """TRN-PLAN-03: the stage scheme is issued with its period and content."""
        scheme = self.Plan.create({"plan_type": "stage", "content": "第二季度方案"})
        with self.assertRaisesRegex(UserError, "Period From"):
            scheme.action_issue()
        scheme.write(
            {
                "date_from": china_today(),
                "date_to": fields.Date.add(china_today(), months=3),
            }
        )
        scheme.action_issue()
        self.assertEqual(scheme.stage, "issued")
        with self.assertRaises(UserError):
            scheme.action_scm_submit()
