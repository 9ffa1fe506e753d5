from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmServiceCase


@tagged("post_install", "-at_install")
class TestCustomersArchive(ScmServiceCase):
    """The service file (SVC-SCOPE-02), the customer service archive
    (SVC-ARCH-01), the monthly visits (SVC-VISIT-01/02) and the needs
    survey plan (SUP-SAT-01)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bj_consultant = cls.env.ref("scm_base.user_bj_consultant")
        cls.bj_consultant.lang = "en_US"
        cls.contract = cls.make_service_contract(cls.hanjiang)
        cls.Adjustment = cls.env["scm.service.adjustment"]
        cls.today = fields.Date.context_today(cls.contract)

    def make_visit(self, purpose, when, **vals):
        """A visit out on the road (its approval chain is scm_sales')."""
        return (
            self.env["scm.customer.visit"]
            .sudo()
            .create(
                {
                    "partner_id": self.hanjiang.id,
                    "company_id": self.wuhan.id,
                    "user_id": self.wh_consultant2.id,
                    "visit_kind": "revisit",
                    "planned_start": when,
                    "plan": "月度走访",
                    "objectives": "了解系统运行情况",
                    "tracking_summary": "上月已培训",
                    "likely_issues": "报表",
                    "scm_visit_purpose": purpose,
                    "visit_stage": "out",
                    "receiver_name": "李主管",
                    "receiver_position": "信息部主管",
                    "receiver_is_decision_maker": "no",
                    "note_taker_id": self.wh_consultant2.id,
                    "meeting_notes": "系统运行正常",
                    **vals,
                }
            )
            .with_env(self.env)
        )

    # -- SVC-SCOPE-02 -------------------------------------------------------------
    def test_svc_scope_02_adjustment_dates_and_flags(self):
        """SVC-SCOPE-02: the last adjustment and reengineering dates with
        their flags (12 months; 5 years, informational at 3), searchable."""
        partner = self.hanjiang
        Partner = self.env["res.partner"]
        partner.sudo().write(
            {"scm_first_contract_date": self.today - relativedelta(years=6)}
        )
        partner.invalidate_recordset()
        self.assertTrue(partner.scm_adjustment_overdue)
        self.assertTrue(partner.scm_reengineering_due)
        self.assertIn(partner, Partner.search([("scm_adjustment_overdue", "=", True)]))
        Adjustment = self.as_client(self.Adjustment, self.wh_consultant2)
        Adjustment.create(
            {
                "partner_id": partner.id,
                "kind": "adjustment",
                "date": self.today - timedelta(days=30),
                "note": "调整仓库作业规范",
            }
        )
        Adjustment.create(
            {
                "partner_id": partner.id,
                "kind": "reengineering",
                "date": self.today - relativedelta(years=4),
                "note": "流程重组",
            }
        )
        partner.invalidate_recordset()
        self.assertEqual(
            partner.scm_last_adjustment_date, self.today - timedelta(days=30)
        )
        self.assertFalse(partner.scm_adjustment_overdue)
        self.assertFalse(partner.scm_reengineering_due)
        self.assertTrue(partner.scm_reengineering_soon)
        self.assertNotIn(
            partner, Partner.search([("scm_adjustment_overdue", "=", True)])
        )
        self.assertIn(partner, Partner.search([("scm_reengineering_soon", "=", True)]))
        self.assertEqual(partner.scm_adjustment_ids[:1].user_id, self.wh_consultant2)

    def test_svc_scope_02_recording_is_the_branch_step(self):
        """SVC-SCOPE-02: only the serving branch records, with a note; the
        record stays as recorded."""
        vals = {"partner_id": self.hanjiang.id, "kind": "adjustment", "note": "调整"}
        for user in (self.bj_consultant, self.mcd_manager):
            with self.assertRaises(AccessError):
                self.as_client(self.Adjustment, user).create(dict(vals))
        with self.assertRaisesRegex(ValidationError, "note"):
            self.as_client(self.Adjustment, self.wh_consultant2).create(
                dict(vals, note=" ")
            )
        with self.assertRaisesRegex(ValidationError, "future"):
            self.as_client(self.Adjustment, self.wh_consultant2).create(
                dict(vals, date=self.today + timedelta(days=3))
            )
        self.assertFalse(self.hanjiang.scm_adjustment_ids)
        record = self.as_client(self.Adjustment, self.wh_manager).create(dict(vals))
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            record.write({"note": "改"})
        with self.assertRaises(UserError):
            record.unlink()

    # -- SVC-ARCH-01 ------------------------------------------------------------------
    def test_svc_arch_01_archive_sections_read_by_msd_and_mcd(self):
        """SVC-ARCH-01: the archive aggregates the six sections from the
        linked records; MSD and MCD read it, another branch does not; it
        prints."""
        plan = self.as_client(self.env["scm.service.plan"], self.wh_consultant2).create(
            {"contract_id": self.contract.id}
        )
        visit = self.make_visit(
            "research", fields.Datetime.now(), scm_visit_progress="调研报告已提交"
        )
        self.as_client(visit, self.wh_consultant2).action_done()
        for user in (self.wh_consultant2, self.mcd_manager, self.msd_manager):
            archive = self.as_client(self.hanjiang, user)
            self.assertIn(self.contract, archive.scm_archive_contract_ids)
            self.assertIn(plan, archive.scm_archive_plan_ids)
            self.assertIn(visit, archive.scm_archive_visit_ids)
            self.assertTrue(archive.action_scm_service_archive()["res_id"])
        self.assertFalse(
            self.as_client(self.env["scm.service.plan"], self.bj_consultant).search(
                [("partner_id", "=", self.hanjiang.id)]
            )
        )
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "scm_service.report_customers_archive", self.hanjiang.ids
        )
        self.assertIn("Customer Service Archive", html.decode())
        self.assertIn("调研报告已提交", html.decode())

    # -- SVC-VISIT-01/02 ---------------------------------------------------------
    def test_svc_visit_01_monthly_gap_flagged(self):
        """SVC-VISIT-01: a service customer without a visit record in a
        month is a gap in the coverage report at once; the check of the
        1st flags its consultant; the next service visit meets it."""
        # The demo's own gap of last month is not this test's.
        self.hanjiang.sudo()._scm_deadline_cancel("SVC-VISIT-01")
        self.contract.sudo().effective_date = self.today - relativedelta(months=2)
        self.env.flush_all()
        Coverage = self.env["scm.service.visit.coverage"]
        last_month = fields.Date.start_of(self.today - relativedelta(months=1), "month")
        gap = Coverage.search(
            [("partner_id", "=", self.hanjiang.id), ("month", "=", last_month)]
        )
        self.assertEqual(len(gap), 1)
        self.assertTrue(gap.missed)
        self.assertEqual(gap.company_id, self.wuhan)
        self.assertTrue(gap.user_id)
        # The branch and HQ read it, another branch does not.
        self.assertTrue(
            self.as_client(Coverage, self.mcd_manager).search([("id", "=", gap.id)])
        )
        self.assertFalse(
            self.as_client(Coverage, self.bj_consultant).search([("id", "=", gap.id)])
        )
        Visit = self.env["scm.customer.visit"]
        first = self.today.replace(day=1)
        Visit._cron_scm_service_visit_check(first)
        deadline = self.hanjiang._scm_deadlines("SVC-VISIT-01")
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, gap.user_id)
        self.assertTrue(self.hanjiang.scm_deadline_overdue or deadline.due_date)
        Visit._cron_scm_service_visit_check(first)
        self.assertEqual(len(self.hanjiang._scm_deadlines("SVC-VISIT-01")), 1)
        # A sales visit does not count; a service visit does.
        visit = self.make_visit(
            "service", fields.Datetime.now(), scm_visit_progress="下月复训"
        )
        self.as_client(visit, self.wh_consultant2).action_done()
        self.assertEqual(deadline.state, "done")
        self.env.flush_all()
        current = Coverage.search(
            [("partner_id", "=", self.hanjiang.id), ("current_month", "=", True)]
        )
        self.assertEqual(current.visit_count, 1)
        self.assertFalse(current.missed)

    def test_svc_visit_02_every_purpose_goes_to_the_archive(self):
        """SVC-VISIT-02: a visit for research or another purpose is closed
        only with its progress written up, and is filed in the archive."""
        visit = self.make_visit("other", fields.Datetime.now())
        with self.assertRaisesRegex(ValidationError, "progress"):
            self.as_client(visit, self.wh_consultant2).action_done()
        self.assertEqual(visit.visit_stage, "out")
        self.as_client(visit, self.wh_consultant2).write(
            {"scm_visit_progress": "客户提出新需求，转需求部"}
        )
        with self.assertRaisesRegex(UserError, "purpose"):
            self.as_client(visit, self.wh_consultant2).write(
                {"scm_visit_purpose": "sales"}
            )
        self.as_client(visit, self.wh_consultant2).action_done()
        self.assertEqual(visit.visit_stage, "done")
        self.assertIn(visit, self.hanjiang.scm_archive_visit_ids)
        with self.assertRaises(UserError):
            self.as_client(visit, self.wh_consultant2).write(
                {"scm_visit_progress": "改"}
            )

    # -- SUP-SAT-01 -------------------------------------------------------------------
    def test_sup_sat_01_needs_survey_plan_flagged_on_nov_1(self):
        """SUP-SAT-01: when enabled, next year's survey plan is due Oct 31
        and flagged from Nov 1 while missing; MCD prepares it."""
        hq = self.env.ref("base.main_company")
        year = self.today.year
        self.assertFalse(hq._scm_survey_plan_missing(date(year, 11, 1)))
        hq.sudo().scm_service_survey_enabled = True
        self.assertFalse(hq._scm_survey_plan_missing(date(year, 10, 31)))
        self.assertTrue(hq._scm_survey_plan_missing(date(year, 11, 1)))
        Survey = self.env["scm.service.survey.plan"]
        with self.assertRaises(AccessError):
            self.as_client(Survey, self.wh_consultant2).create(
                {"year": year + 1, "objectives": "o", "method": "m", "schedule": "s"}
            )
        plan = self.as_client(Survey, self.mcd_manager).create(
            {
                "year": year + 1,
                "objectives": "了解服务需求",
                "method": "问卷+走访",
                "schedule": "一季度",
            }
        )
        self.assertEqual(plan.due_date, date(year, 10, 31))
        self.assertTrue(hq._scm_survey_plan_missing(date(year, 11, 1)))
        self.as_client(plan, self.mcd_manager).action_scm_file()
        self.assertFalse(hq._scm_survey_plan_missing(date(year, 11, 1)))
        with self.assertRaises(UserError):
            self.as_client(plan, self.mcd_manager).write({"method": "改"})
