from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmSalesCase

# The demo data runs the 2027 cycle; the tests plan 2029, prepared in 2028.
YEAR = 2029
PREP = YEAR - 1


@tagged("post_install", "-at_install")
class TestSalesPlan(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["scm.sales.plan"]
        cls.msd = cls.users["msd.manager"]
        cls.mc = cls.users["mc.manager"]
        cls.wh_manager = cls.users["wh.manager"]
        cls.bj_manager = cls.users["bj.manager"]
        cls.audit = cls.users["audit.staff"]
        cls.presales = cls.users["msd.presales"]
        cls.branches = cls.Plan._scm_active_branches()

    # -- helpers ----------------------------------------------------------------
    def approve(self, document, user, comment="同意"):
        action = document.with_user(user).validate_tier()
        if action:
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()

    def reject(self, document, user, comment):
        action = document.with_user(user).reject_tier()
        self.env["comment.wizard"].with_user(user).with_context(
            **action["context"]
        ).create({"comment": comment}).add_comment()

    def new_preliminary(self, amount=120000):
        plan = self.Plan.with_user(self.msd).create(
            {
                "plan_type": "hq_preliminary",
                "plan_year": YEAR,
                "company_id": self.hq.id,
            }
        )
        plan.line_ids.with_user(self.msd).write({"amount": amount})
        return plan

    def approved_preliminary(self):
        with freeze_time(f"{PREP}-11-10 10:00:00"):
            plan = self.new_preliminary()
            plan.with_user(self.msd).action_scm_submit()
            self.approve(plan, self.mc)
        return plan

    def branch_plan(self, company):
        return self.Plan._scm_find_plan("branch", YEAR, company)

    def fill(self, plan, amount=12000):
        manager = plan.company_id.scm_manager_id
        plan.line_ids.with_user(manager).write({"amount": amount})
        plan.with_user(manager).action_spread_targets()
        return plan

    def submit_branch(self, plan):
        self.fill(plan)
        plan.with_user(plan.company_id.scm_manager_id).action_scm_submit()
        return plan

    def approved_branch(self, company):
        plan = self.submit_branch(self.branch_plan(company))
        self.approve(plan, self.msd)
        return plan

    def open_deadline(self, record, code, user=None):
        return record.sudo().scm_deadline_ids.filtered(
            lambda d: (
                d.rule_code == code
                and d.state == "open"
                and (not user or d.user_id == user)
            )
        )

    # -- SAL-PLAN-01 --------------------------------------------------------------
    def test_sal_plan_01_submission_after_nov_15_is_late(self):
        """SAL-PLAN-01: the preliminary plan is owed by the MSD Manager by
        Nov 15; submitting on Nov 16 flags it late."""
        with freeze_time(f"{PREP}-11-01 10:00:00"):
            plan = self.new_preliminary()
        deadline = self.open_deadline(plan, "SAL-PLAN-01")
        self.assertEqual(deadline.user_id, self.msd)
        self.assertEqual(deadline.unit, "annual_date")
        self.assertEqual(
            self.env["scm.workday"]._local_date(deadline.due_date), date(PREP, 11, 15)
        )
        with freeze_time(f"{PREP}-11-16 09:00:00"):
            plan.with_user(self.msd).action_scm_submit()
        self.assertTrue(plan.submitted_late)
        self.assertTrue(deadline.is_overdue)
        self.assertEqual(plan.stage, "submitted")

    def test_sal_plan_01_submission_on_time_is_not_late(self):
        """SAL-PLAN-01: submitted on Nov 15, the plan is on time."""
        with freeze_time(f"{PREP}-11-15 10:00:00"):
            plan = self.new_preliminary()
            plan.with_user(self.msd).action_scm_submit()
        self.assertFalse(plan.submitted_late)
        self.assertFalse(plan.sudo().scm_deadline_ids.filtered("is_overdue"))

    def test_sal_plan_01_five_business_lines_required(self):
        """SAL-PLAN-01: a preliminary plan without the five business-line
        sections is refused, and nothing is submitted."""
        with freeze_time(f"{PREP}-11-10 10:00:00"):
            plan = self.new_preliminary()
            self.assertEqual(
                sorted(plan.line_ids.mapped("business_line")),
                sorted(["chain", "design", "brand", "service", "network"]),
            )
            plan.line_ids.filtered(lambda ln: ln.business_line == "design").with_user(
                self.msd
            ).unlink()
            with self.assertRaises(ValidationError):
                plan.with_user(self.msd).action_scm_submit()
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.stage, "draft")
        self.assertFalse(plan.sudo().scm_approval_round_ids)

    def test_sal_plan_01_approval_issues_to_every_branch(self):
        """SAL-PLAN-01: the Market Center Manager's approval sets the plan
        approved, issues it, and gives every active branch manager a
        confirmation activity; the plan is confirmed once all confirm."""
        with freeze_time(f"{PREP}-11-10 10:00:00"):
            plan = self.new_preliminary()
            plan.with_user(self.msd).action_scm_submit()
            review = plan.sudo().review_ids
            self.assertEqual(review.reviewer_ids, self.mc)
            self.approve(plan, self.mc, "同意下发")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.stage, "issued")
        managers = self.branches.mapped("scm_manager_id")
        confirm_activities = plan.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        )
        self.assertEqual(confirm_activities.user_id, managers)
        self.assertEqual(plan.sudo().confirmation_ids.company_id, self.branches)
        # Each branch now has a draft plan with its Nov 30 deadline.
        for branch in self.branches:
            branch_plan = self.branch_plan(branch)
            self.assertEqual(branch_plan.stage, "draft")
            self.assertEqual(
                self.open_deadline(branch_plan, "SAL-PLAN-02").user_id,
                branch.scm_manager_id,
            )
        plan.with_user(self.wh_manager).action_confirm_preliminary()
        with self.assertRaises(AccessError):
            plan.with_user(self.wh_manager).action_confirm_preliminary()
        with self.assertRaises(AccessError):
            plan.with_user(self.msd).action_confirm_preliminary()
        self.assertEqual(plan.stage, "issued")
        for manager in managers - self.wh_manager:
            plan.with_user(manager).action_confirm_preliminary()
        self.assertEqual(plan.stage, "confirmed")
        self.assertFalse(
            plan.sudo().activity_ids.filtered(lambda a: a in confirm_activities)
        )

    def test_sal_plan_01_only_msd_manager_prepares_hq_plans(self):
        """SAL-PLAN-01 (access): HQ plans are prepared by the MSD Manager only."""
        vals = {
            "plan_type": "hq_preliminary",
            "plan_year": YEAR,
            "company_id": self.hq.id,
        }
        for login in ("wh.manager", "mc.manager", "msd.presales", "audit.staff"):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.Plan.with_user(self.users[login]).create(vals)
        self.assertFalse(self.Plan._scm_find_plan("hq_preliminary", YEAR))

    # -- SAL-PLAN-02 --------------------------------------------------------------
    def test_sal_plan_02_not_before_preliminary_approved(self):
        """SAL-PLAN-02: a branch plan cannot be created before the HQ
        preliminary plan is approved."""
        with freeze_time(f"{PREP}-11-10 10:00:00"):
            preliminary = self.new_preliminary()
            preliminary.with_user(self.msd).action_scm_submit()
            with self.assertRaises(UserError):
                self.Plan.with_user(self.wh_manager).create(
                    {
                        "plan_type": "branch",
                        "plan_year": YEAR,
                        "company_id": self.wuhan.id,
                    }
                )
        self.assertFalse(self.branch_plan(self.wuhan))

    def test_sal_plan_02_only_that_branch_manager_submits(self):
        """SAL-PLAN-02: only the manager of the branch submits its plan; the
        review goes to the MSD Manager with a deadline."""
        self.approved_preliminary()
        plan = self.fill(self.branch_plan(self.wuhan))
        with freeze_time(f"{PREP}-11-20 10:00:00"):
            with self.assertRaises(AccessError):
                plan.with_user(self.bj_manager).action_scm_submit()
            with self.assertRaises(AccessError):
                plan.with_user(self.msd).action_scm_submit()
            with self.assertRaises(AccessError):
                plan.with_user(self.users["wh.consultant"]).action_scm_submit()
            self.assertEqual(plan.state, "draft")
            plan.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(plan.stage, "submitted")
        self.assertFalse(plan.submitted_late)
        self.assertEqual(plan.sudo().review_ids.reviewer_ids, self.msd)
        review_deadline = self.open_deadline(plan, "ORG-RULE-09")
        self.assertEqual(review_deadline.user_id, self.msd)
        self.assertIn(self.msd, plan.sudo().activity_ids.user_id)
        # A Beijing manager cannot even read Wuhan's plan.
        with self.assertRaises(AccessError):
            plan.with_user(self.bj_manager).read(["name"])

    def test_sal_plan_02_submission_after_nov_30_is_late(self):
        """SAL-PLAN-02 / ORG-RULE-02: a branch plan submitted on Dec 1 is late."""
        self.approved_preliminary()
        plan = self.fill(self.branch_plan(self.wuhan))
        with freeze_time(f"{PREP}-12-01 09:00:00"):
            plan.with_user(self.wh_manager).action_scm_submit()
        self.assertTrue(plan.submitted_late)
        deadline = plan.sudo().scm_deadline_ids.filtered(
            lambda d: d.rule_code == "SAL-PLAN-02"
        )
        self.assertTrue(deadline.is_overdue)
        self.assertEqual(deadline.done_by_id, self.wh_manager)

    # -- SAL-PLAN-03 --------------------------------------------------------------
    def test_sal_plan_03_rejection_escalates_and_hq_plan_revised(self):
        """SAL-PLAN-03: rejecting a branch plan escalates to the Market Center
        Manager; choosing "adjust HQ targets" puts the HQ annual plan into
        revision and returns the branch plan; the choice is logged."""
        self.approved_preliminary()
        with freeze_time(f"{PREP}-11-25 10:00:00"):
            plan = self.submit_branch(self.branch_plan(self.wuhan))
            self.reject(plan, self.msd, "目标偏低，与总公司预定计划不符")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.stage, "escalated")
        escalation = self.open_deadline(plan, "SAL-PLAN-03")
        self.assertEqual(escalation.user_id, self.mc)
        revision_type = self.env.ref("scm_base.mail_activity_type_scm_revision")
        self.assertFalse(
            plan.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == revision_type
            ),
            "the branch waits for the Market Center Manager",
        )
        with self.assertRaises(UserError):
            plan.with_user(self.wh_manager).action_scm_submit()
        with self.assertRaises(AccessError):
            plan.with_user(self.msd).action_scm_resolve_escalation("adjust_hq", "调整")
        with self.assertRaises(ValidationError):
            plan.with_user(self.mc).action_scm_resolve_escalation("adjust_hq", " ")
        wizard = (
            self.env["scm.sales.plan.escalation"]
            .with_user(self.mc)
            .create(
                {
                    "plan_id": plan.id,
                    "decision": "adjust_hq",
                    "note": "武汉市场萎缩，下调总公司目标",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(plan.escalation_decision, "adjust_hq")
        self.assertEqual(plan.escalation_user_id, self.mc)
        self.assertEqual(plan.escalation_note, "武汉市场萎缩，下调总公司目标")
        self.assertTrue(escalation.state == "done")
        self.assertTrue(
            any("武汉市场萎缩" in (m.body or "") for m in plan.sudo().message_ids)
        )
        hq_plan = self.Plan._scm_find_plan("hq_final", YEAR)
        self.assertEqual(hq_plan.stage, "revision")
        self.assertEqual(self.open_deadline(hq_plan, "SAL-PLAN-03").user_id, self.msd)
        self.assertEqual(plan.stage, "draft")
        self.assertEqual(
            plan.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == revision_type)
            .user_id,
            self.wh_manager,
        )
        # The branch resubmits; the HQ plan's revision is closed when resubmitted.
        plan.with_user(self.wh_manager).action_scm_submit()
        self.assertEqual(plan.stage, "submitted")

    def test_sal_plan_03_return_to_branch_manager(self):
        """SAL-PLAN-03: the Market Center Manager may instead return the plan
        to the branch manager; the HQ plan is not touched."""
        self.approved_preliminary()
        with freeze_time(f"{PREP}-11-25 10:00:00"):
            plan = self.submit_branch(self.branch_plan(self.wuhan))
            self.reject(plan, self.msd, "品牌运作目标缺少依据")
            plan.with_user(self.mc).action_scm_resolve_escalation(
                "return_branch", "请分公司补充品牌运作计划依据"
            )
        self.assertEqual(plan.escalation_decision, "return_branch")
        self.assertEqual(plan.stage, "draft")
        self.assertFalse(self.Plan._scm_find_plan("hq_final", YEAR))
        with self.assertRaises(UserError):
            plan.with_user(self.mc).action_scm_resolve_escalation(
                "return_branch", "再次"
            )

    # -- SAL-PLAN-04 --------------------------------------------------------------
    def test_sal_plan_04_final_only_when_every_branch_plan_approved(self):
        """SAL-PLAN-04: the HQ annual plan cannot be final while any active
        branch's plan is not approved; once final, the branch plans are final."""
        self.approved_preliminary()
        with freeze_time(f"{PREP}-12-05 10:00:00"):
            hq_plan = self.Plan.with_user(self.msd).create(
                {"plan_type": "hq_final", "plan_year": YEAR, "company_id": self.hq.id}
            )
            plans = self.Plan.browse()
            for branch in self.branches - self.beijing:
                plans |= self.approved_branch(branch)
            with self.assertRaises(UserError) as error:
                hq_plan.with_user(self.msd).action_scm_submit()
            self.assertIn(self.beijing.name, str(error.exception))
            self.assertEqual(hq_plan.stage, "draft")
            plans |= self.approved_branch(self.beijing)
            hq_plan.with_user(self.msd).action_load_branch_totals()
            self.assertEqual(hq_plan.amount_total, 12000 * 5 * len(self.branches))
            hq_plan.with_user(self.msd).action_scm_submit()
            self.assertEqual(hq_plan.sudo().review_ids.reviewer_ids, self.mc)
            self.approve(hq_plan, self.mc)
        self.assertEqual(hq_plan.stage, "final")
        self.assertEqual(set(plans.mapped("stage")), {"final"})
        self.assertFalse(self.open_deadline(hq_plan | plans, "SAL-PLAN-04"))

    def test_sal_plan_04_not_final_on_dec_16_is_overdue(self):
        """SAL-PLAN-04: on Dec 16 every non-final HQ or branch plan is overdue."""
        self.approved_preliminary()
        with freeze_time(f"{PREP}-12-01 10:00:00"):
            hq_plan = self.Plan.with_user(self.msd).create(
                {"plan_type": "hq_final", "plan_year": YEAR, "company_id": self.hq.id}
            )
            wuhan = self.approved_branch(self.wuhan)
        with freeze_time(f"{PREP}-12-15 10:00:00"):
            self.assertFalse(hq_plan.scm_deadline_overdue)
        with freeze_time(f"{PREP}-12-16 09:00:00"):
            hq_plan.invalidate_recordset(["scm_deadline_overdue"])
            wuhan.invalidate_recordset(["scm_deadline_overdue"])
            self.assertTrue(hq_plan.scm_deadline_overdue)
            self.assertTrue(wuhan.scm_deadline_overdue, "approved but not final")
            overdue = self.Plan.with_user(self.audit).search(
                [("scm_deadline_overdue", "=", True), ("plan_year", "=", YEAR)]
            )
            self.assertIn(hq_plan, overdue)
            self.assertEqual(len(overdue), len(self.branches) + 1)

    # -- SAL-PLAN-05 --------------------------------------------------------------
    def test_sal_plan_05_promotion_plan(self):
        """SAL-PLAN-05: only the Pre-sales Specialist authors the promotion
        plan; after Dec 30 it is late; activities are executed only after the
        Market Center Manager approved."""
        Promotion = self.env["scm.sales.promotion.plan"]
        vals = {
            "plan_year": YEAR,
            "activity_line_ids": [
                Command.create(
                    {
                        "name": "武汉服装博览会",
                        "date_start": date(YEAR, 4, 1),
                        "date_end": date(YEAR, 4, 3),
                        "budget": 5000,
                    }
                )
            ],
        }
        with freeze_time(f"{PREP}-12-20 10:00:00"):
            for login in ("msd.manager", "mc.manager", "wh.manager"):
                with self.assertRaises(AccessError), self.cr.savepoint():
                    Promotion.with_user(self.users[login]).create(vals)
            plan = Promotion.with_user(self.presales).create(vals)
        deadline = self.open_deadline(plan, "SAL-PLAN-05")
        self.assertEqual(deadline.user_id, self.presales)
        activity = plan.activity_line_ids
        with self.assertRaises(UserError):
            activity.with_user(self.presales).action_mark_executed()
        with freeze_time(f"{PREP}-12-31 10:00:00"):
            plan.with_user(self.presales).action_scm_submit()
            self.assertTrue(plan.submitted_late)
            self.assertTrue(deadline.is_overdue)
            with self.assertRaises(UserError):
                activity.with_user(self.presales).action_mark_executed()
            self.approve(plan, self.mc, "同意执行")
        self.assertEqual(plan.stage, "approved")
        with self.assertRaises(AccessError):
            activity.with_user(self.msd).action_mark_executed()
        activity.with_user(self.presales).action_mark_executed("到场客户120家")
        self.assertEqual(activity.state, "executed")
        self.assertEqual(plan.stage, "executing")
        with self.assertRaises(UserError):
            activity.with_user(self.presales).write({"budget": 9000})

    # -- SAL-PLAN-06 --------------------------------------------------------------
    def test_sal_plan_06_one_report_per_branch_due_on_the_5th(self):
        """SAL-PLAN-06: for month M one report per active branch is due by the
        5th of M+1 (MSD Manager); a missing report is then overdue; each
        report holds plan vs actual per indicator."""
        self.approved_preliminary()
        with freeze_time(f"{PREP}-12-01 10:00:00"):
            wuhan_plan = self.approved_branch(self.wuhan)
        contract = self.env["res.partner"].create({"name": "楚风服饰 合同"})
        Actual = self.env["scm.sales.actual"]
        Actual._scm_record_actual(contract, self.wuhan, "chain", date(YEAR, 2, 10), 700)
        Actual._scm_record_actual(contract, self.wuhan, "chain", date(YEAR, 2, 11), 800)
        Actual._scm_record_actual(
            contract, self.wuhan, "service", date(YEAR, 3, 1), 999, name="三月"
        )
        self.assertEqual(
            Actual.search_count(
                [("res_model", "=", "res.partner"), ("res_id", "=", contract.id)]
            ),
            2,
            "one actual per source document and business line, updated in place",
        )
        Report = self.env["scm.sales.plan.report"]
        with freeze_time(f"{YEAR}-03-01 08:00:00"):
            reports = Report._cron_open_monthly_reports()
            self.assertEqual(reports.company_id, self.branches)
            self.assertEqual(set(reports.mapped("period")), {date(YEAR, 2, 1)})
            self.assertFalse(Report._cron_open_monthly_reports(), "runs once per month")
        for report in reports:
            deadline = self.open_deadline(report, "SAL-PLAN-06")
            self.assertEqual(deadline.user_id, self.msd)
            self.assertEqual(
                self.env["scm.workday"]._local_date(deadline.due_date), date(YEAR, 3, 5)
            )
        wuhan = reports.filtered(lambda r: r.company_id == self.wuhan)
        self.assertEqual(wuhan.plan_id, wuhan_plan)
        chain = wuhan.line_ids.filtered(lambda ln: ln.business_line == "chain")
        self.assertEqual(chain.target_amount, 1000)
        self.assertEqual(chain.actual_amount, 800)
        self.assertAlmostEqual(chain.completion_rate, 80.0)
        self.assertEqual(len(wuhan.line_ids), 5)
        with freeze_time(f"{YEAR}-03-06 08:00:00"):
            reports.invalidate_recordset(["scm_deadline_overdue"])
            self.assertTrue(all(reports.mapped("scm_deadline_overdue")))
            wuhan.with_user(self.msd).action_scm_submit()
            self.assertTrue(wuhan.submitted_late)
            self.assertEqual(wuhan.sudo().review_ids.reviewer_ids, self.mc)
            self.approve(wuhan, self.mc, "已阅")
        self.assertEqual(wuhan.stage, "reviewed")
        with self.assertRaises(AccessError):
            Report.with_user(self.wh_manager).create(
                {"company_id": self.wuhan.id, "period": date(YEAR, 4, 1)}
            )
        # The Wuhan manager reads his branch's report, not Beijing's.
        visible = Report.with_user(self.wh_manager).search([("id", "in", reports.ids)])
        self.assertEqual(visible, wuhan)

    # -- SAL-PLAN-07 --------------------------------------------------------------
    def test_sal_plan_07_adjustment_replaces_targets_on_approval(self):
        """SAL-PLAN-07: the targets are unchanged until the Market Center
        Manager approves; approval replaces them and sends a written notice to
        the branch manager; a notice created after the 5th is late."""
        self.approved_preliminary()
        with freeze_time(f"{PREP}-12-01 10:00:00"):
            wuhan_plan = self.approved_branch(self.wuhan)
        march = wuhan_plan.target_ids.filtered(lambda t: t.month == "3")
        Adjustment = self.env["scm.sales.plan.adjustment"]
        with freeze_time(f"{YEAR}-03-03 10:00:00"):
            adjustment = Adjustment.with_user(self.msd).create(
                {"company_id": self.wuhan.id, "month": date(YEAR, 3, 1)}
            )
            self.assertFalse(adjustment.created_late)
            line = adjustment.line_ids.filtered(lambda ln: ln.business_line == "brand")
            self.assertEqual(line.current_amount, 1000)
            line.with_user(self.msd).write({"new_amount": 1500, "reason": "展会带动"})
            adjustment.with_user(self.msd).action_scm_submit()
            self.assertEqual(march.amount_brand, 1000, "unchanged before approval")
            self.assertFalse(self.env["scm.notice"]._scm_sent(adjustment))
            self.approve(adjustment, self.mc, "同意调整")
        self.assertEqual(adjustment.stage, "issued")
        self.assertEqual(march.amount_brand, 1500)
        self.assertEqual(line.previous_amount, 1000)
        notice = self.env["scm.notice"]._scm_sent(adjustment)
        self.assertEqual(notice.recipient_ids, self.wh_manager.partner_id)
        self.assertEqual(adjustment.notice_id, notice)
        with freeze_time(f"{YEAR}-04-06 10:00:00"):
            late = Adjustment.with_user(self.msd).create(
                {"company_id": self.wuhan.id, "month": date(YEAR, 4, 1)}
            )
        self.assertTrue(late.created_late)
        with self.assertRaises(AccessError):
            Adjustment.with_user(self.wh_manager).create(
                {"company_id": self.wuhan.id, "month": date(YEAR, 5, 1)}
            )

    # -- SAL-PLAN-08 --------------------------------------------------------------
    def test_sal_plan_08_twelve_monthly_targets(self):
        """SAL-PLAN-08: a branch plan is submitted only with 12 monthly target
        lines adding up to its annual targets; the analysis compares monthly
        actuals against them."""
        self.approved_preliminary()
        plan = self.branch_plan(self.wuhan)
        plan.line_ids.with_user(self.wh_manager).write({"amount": 1200})
        with freeze_time(f"{PREP}-11-20 10:00:00"):
            with self.assertRaises(ValidationError):
                plan.with_user(self.wh_manager).action_scm_submit()
            plan.with_user(self.wh_manager).action_spread_targets()
            self.assertEqual(len(plan.target_ids), 12)
            plan.target_ids.filtered(lambda t: t.month == "12").with_user(
                self.wh_manager
            ).unlink()
            with self.assertRaises(ValidationError):
                plan.with_user(self.wh_manager).action_scm_submit()
            plan.with_user(self.wh_manager).action_spread_targets()
            plan.target_ids[0].with_user(self.wh_manager).amount_chain += 1
            with self.assertRaises(ValidationError):
                plan.with_user(self.wh_manager).action_scm_submit()
            plan.with_user(self.wh_manager).action_spread_targets()
            plan.with_user(self.wh_manager).action_scm_submit()
            self.approve(plan, self.msd)
        self.assertEqual(plan.state, "approved")
        self.assertEqual(len(plan.target_ids), 12)
        self.assertEqual(plan.target_ids.mapped("amount_total"), [500.0] * 12)
        self.env["scm.sales.actual"].create(
            {
                "name": "手工录入",
                "company_id": self.wuhan.id,
                "business_line": "network",
                "date": date(YEAR, 5, 20),
                "amount": 40,
            }
        )
        self.env.flush_all()
        rows = self.env["scm.sales.plan.analysis"].search(
            [
                ("company_id", "=", self.wuhan.id),
                ("business_line", "=", "network"),
                ("date", "=", date(YEAR, 5, 1)),
            ]
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.target_amount, 100)
        self.assertEqual(rows.actual_amount, 40)
        self.assertEqual(rows.variance, -60)

    # -- SAL-PLAN-09 --------------------------------------------------------------
    def test_sal_plan_09_illegal_transitions(self):
        """SAL-PLAN-09: transitions outside the state machines are refused."""
        with freeze_time(f"{PREP}-11-10 10:00:00"):
            preliminary = self.new_preliminary()
            with self.assertRaises(UserError):
                preliminary.with_user(self.msd).action_issue()  # draft -> issued
            with self.assertRaises(UserError):
                preliminary.with_user(self.wh_manager).action_confirm_preliminary()
            with self.assertRaises(UserError):
                preliminary.with_user(self.mc).action_scm_resolve_escalation(
                    "return_branch", "x"
                )
            with self.assertRaises(UserError):
                preliminary.with_user(self.msd).action_set_final()
            preliminary.with_user(self.msd).action_scm_submit()
            with self.assertRaises(UserError):
                preliminary.with_user(self.msd).action_scm_submit()
            self.approve(preliminary, self.mc)
        with self.assertRaises(UserError):
            preliminary.with_user(self.msd).action_issue()  # issued -> issued
        with self.assertRaises(UserError):
            preliminary.line_ids.with_user(self.msd).write({"amount": 1})
        with self.assertRaises(UserError):
            preliminary.with_user(self.msd).write({"plan_year": YEAR + 1})
        with self.assertRaises(UserError):
            preliminary.with_user(self.msd).action_cancel()
        with self.assertRaises(UserError):
            preliminary.with_user(self.msd).unlink()
        wuhan = self.approved_branch(self.wuhan)
        with self.assertRaises(UserError):
            wuhan.target_ids[0].with_user(self.wh_manager).write({"amount_chain": 5})
        with self.assertRaises(UserError):
            wuhan.with_user(self.wh_manager).action_spread_targets()
        report = (
            self.env["scm.sales.plan.report"]
            .with_user(self.msd)
            .create({"company_id": self.wuhan.id, "period": date(YEAR, 1, 1)})
        )
        report.with_user(self.msd).action_scm_submit()
        with self.assertRaises(UserError):
            report.with_user(self.msd).action_scm_submit()
        with self.assertRaises(UserError):
            report.with_user(self.msd).action_refresh_lines()
        adjustment = (
            self.env["scm.sales.plan.adjustment"]
            .with_user(self.msd)
            .create({"company_id": self.wuhan.id, "month": date(YEAR, 2, 1)})
        )
        with self.assertRaises(UserError):
            adjustment.with_user(self.msd).action_issue()  # draft -> issued
        promotion = (
            self.env["scm.sales.promotion.plan"]
            .with_user(self.presales)
            .create({"plan_year": YEAR})
        )
        with self.assertRaises(UserError):
            promotion.with_user(self.presales).action_start_execution()
        with self.assertRaises(ValidationError):
            promotion.with_user(self.presales).action_scm_submit()  # no activity

    # -- access and bad input -----------------------------------------------------
    def test_sal_plan_access_audit_reads_all_writes_nothing(self):
        """ORG-RULE-10 / access: the Audit Dept reads every plan, report and
        notice but cannot write, create or delete them."""
        self.approved_preliminary()
        wuhan = self.approved_branch(self.wuhan)
        plans = self.Plan.with_user(self.audit).search([("plan_year", "=", YEAR)])
        self.assertEqual(len(plans), len(self.branches) + 1)
        self.assertIn(wuhan, plans)
        with self.assertRaises(AccessError):
            wuhan.with_user(self.audit).write({"strategy": "<p>x</p>"})
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.audit).create(
                {"plan_type": "hq_final", "plan_year": YEAR, "company_id": self.hq.id}
            )
        with self.assertRaises(AccessError):
            self.env["scm.sales.actual"].with_user(self.audit).create(
                {
                    "name": "x",
                    "company_id": self.wuhan.id,
                    "business_line": "chain",
                    "amount": 1,
                }
            )
        self.assertTrue(
            self.env["scm.sales.plan.analysis"].with_user(self.audit).search_count([])
        )

    def test_sal_plan_access_branch_sees_own_and_hq_plans(self):
        """Access: a branch manager reads the HQ plans and his branch's plan,
        not another branch's; he cannot change an HQ plan."""
        preliminary = self.approved_preliminary()
        visible = self.Plan.with_user(self.bj_manager).search(
            [("plan_year", "=", YEAR)]
        )
        self.assertEqual(visible, preliminary | self.branch_plan(self.beijing))
        with self.assertRaises(AccessError):
            preliminary.with_user(self.bj_manager).write({"strategy": "<p>x</p>"})
        with self.assertRaises(AccessError):
            self.branch_plan(self.wuhan).with_user(self.bj_manager).write(
                {"strategy": "<p>x</p>"}
            )

    def test_sal_plan_bad_input_rejected(self):
        """Bad input is refused and nothing is written."""
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.Plan.with_user(self.msd).create(
                {
                    "plan_type": "hq_preliminary",
                    "plan_year": 1900,
                    "company_id": self.hq.id,
                }
            )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.Plan.with_user(self.msd).create(
                {
                    "plan_type": "hq_preliminary",
                    "plan_year": YEAR,
                    "company_id": self.wuhan.id,
                }
            )
        self.assertFalse(self.Plan._scm_find_plan("hq_preliminary", YEAR))
        preliminary = self.approved_preliminary()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.Plan.with_user(self.msd).create(
                {
                    "plan_type": "hq_preliminary",
                    "plan_year": YEAR,
                    "company_id": self.hq.id,
                }
            )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["scm.sales.plan.report"].with_user(self.msd).create(
                {"company_id": self.hq.id, "period": date(YEAR, 1, 1)}
            )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["scm.sales.plan.adjustment"].with_user(self.msd).create(
                {"company_id": self.wuhan.id, "month": date(YEAR + 5, 1, 1)}
            )
        with self.assertRaises(ValidationError):
            self.env["scm.sales.actual"]._scm_record_actual(
                preliminary, self.wuhan, "software", date(YEAR, 1, 1), 1
            )
        plan = self.branch_plan(self.wuhan)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            plan.with_user(self.wh_manager).write(
                {"target_ids": [Command.create({"month": "1", "amount_chain": -5})]}
            )
        self.assertFalse(plan.target_ids)

    def test_sal_plan_reports_render_with_opinions(self):
        """The four forms print with their approval opinions."""
        self.approved_preliminary()
        wuhan = self.approved_branch(self.wuhan)
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html("scm_sales.report_scm_sales_plan", wuhan.ids)[
            0
        ].decode()
        self.assertIn(wuhan.name, html)
        self.assertIn(self.msd.name, html)
        report = (
            self.env["scm.sales.plan.report"]
            .with_user(self.msd)
            .create({"company_id": self.wuhan.id, "period": date(YEAR, 1, 1)})
        )
        adjustment = (
            self.env["scm.sales.plan.adjustment"]
            .with_user(self.msd)
            .create({"company_id": self.wuhan.id, "month": date(YEAR, 2, 1)})
        )
        promotion = (
            self.env["scm.sales.promotion.plan"]
            .with_user(self.presales)
            .create({"plan_year": YEAR})
        )
        for name, record in (
            ("scm_sales.report_scm_sales_plan_report", report),
            ("scm_sales.report_scm_sales_plan_adjustment", adjustment),
            ("scm_sales.report_scm_sales_promotion_plan", promotion),
        ):
            html = Report._render_qweb_html(name, record.ids)[0].decode()
            self.assertIn(record.name, html)

    def test_sal_plan_cron_opens_annual_cycle(self):
        """SAL-PLAN-01: from October the cron gives the MSD Manager a draft
        preliminary plan for next year, once."""
        self.assertFalse(self.Plan._cron_open_annual_cycle(date(PREP, 9, 30)))
        with freeze_time(f"{PREP}-10-01 10:00:00"):
            plan = self.Plan._cron_open_annual_cycle(date(PREP, 10, 1))
        self.assertEqual(plan.plan_type, "hq_preliminary")
        self.assertEqual(plan.plan_year, YEAR)
        self.assertEqual(self.open_deadline(plan, "SAL-PLAN-01").user_id, self.msd)
        self.assertFalse(self.Plan._cron_open_annual_cycle(date(PREP, 11, 1)))
