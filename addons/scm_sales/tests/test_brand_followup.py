from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_brand import BrandCase

# Monday 2027-03-08 to Sunday 2027-03-14: five ordinary working days.
MONDAY = date(2027, 3, 8)


@tagged("post_install", "-at_install")
class TestSalesFollowUp(BrandCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Advice = cls.env["scm.sales.advice"]
        cls.Day = cls.env["scm.sales.advice.day"]
        cls.Support = cls.env["scm.sales.support"]
        cls.stage = cls.env["crm.stage"].search([], limit=1)

    def new_advice(self, user=None, **vals):
        user = user or self.users["msd.manager"]
        values = {
            "subject": "重点客户签约推进",
            "crm_stage_id": self.stage.id,
            "target_company_ids": [(6, 0, self.wuhan.ids)],
            "content": "<p>本周内完成楚风服饰的方案演示</p>",
        }
        values.update(vals)
        return self.Advice.with_user(user).create(values)

    def new_support(self, user=None, **vals):
        user = user or self.users["msd.manager"]
        values = {
            "company_id": self.beijing.id,
            "reason": "北京分公司顾问不足，京华集团项目需要技术支持",
            "date_from": "2026-11-23",
            "date_to": "2026-11-27",
            "staff_ids": [(6, 0, self.users["msd.presales"].ids)],
        }
        values.update(vals)
        return self.Support.with_user(user).create(values)

    # -- SAL-FOLLOW-01 --------------------------------------------------------------
    def test_sal_follow_01_msd_guidance_to_a_branch(self):
        """SAL-FOLLOW-01: MSD users read every branch's customer files and
        post guidance addressed to a branch, which that branch (only) reads."""
        channel = self.users["msd.channel"]
        files = (
            self.env["res.partner"]
            .with_user(channel)
            .search([("id", "in", (self.customer | self.bj_customer).ids)])
        )
        self.assertEqual(files, self.customer | self.bj_customer)
        guidance = self.new_advice(
            channel,
            advice_type="guidance",
            crm_stage_id=False,
            subject="武汉分公司意向客户跟进指导",
        )
        with self.assertRaises(AccessError):
            self.new_advice(channel)  # the daily advice is the MSD Manager's
        guidance.with_user(channel).action_issue()
        self.assertEqual(guidance.state, "issued")
        notice = self.Notice._scm_sent(guidance)
        self.assertEqual(notice.recipient_ids, self.users["wh.manager"].partner_id)
        self.assertEqual(
            self.Advice.with_user(self.users["wh.consultant"]).search(
                [("id", "=", guidance.id)]
            ),
            guidance,
        )
        self.assertFalse(
            self.Advice.with_user(self.users["bj.consultant"]).search(
                [("id", "=", guidance.id)]
            )
        )
        with self.assertRaises(AccessError):
            self.new_advice(self.users["wh.manager"], advice_type="guidance")
        draft = self.new_advice(channel, advice_type="guidance")
        with self.assertRaises(AccessError):
            draft.with_user(self.users["audit.staff"]).write({"subject": "x"})
        self.assertEqual(
            draft.with_user(self.users["audit.staff"]).subject, "重点客户签约推进"
        )

    # -- SAL-FOLLOW-02 --------------------------------------------------------------
    def test_sal_follow_02_advice_has_stage_and_branches(self):
        """SAL-FOLLOW-02: a sales advice has a sales stage and target
        branch(es); issued, it goes to the branch managers and is frozen."""
        manager = self.users["msd.manager"]
        advice = self.new_advice(crm_stage_id=False)
        with self.assertRaisesRegex(UserError, "stage|阶段"):
            advice.with_user(manager).action_issue()
        advice.with_user(manager).write(
            {"crm_stage_id": self.stage.id, "target_company_ids": [(5,)]}
        )
        with self.assertRaisesRegex(UserError, "branches|分公司"):
            advice.with_user(manager).action_issue()
        self.assertEqual(advice.state, "draft")
        advice.with_user(manager).write(
            {"target_company_ids": [(6, 0, (self.wuhan | self.beijing).ids)]}
        )
        advice.with_user(manager).action_issue()
        notice = self.Notice._scm_sent(advice)
        self.assertEqual(
            notice.recipient_ids,
            (self.users["wh.manager"] | self.users["bj.manager"]).partner_id,
        )
        with self.assertRaises(UserError):
            advice.with_user(manager).write({"subject": "改"})
        with self.assertRaises(UserError):
            advice.with_user(manager).unlink()
        with self.assertRaises(UserError):
            advice.with_user(manager).action_issue()

    def test_sal_follow_02_dashboard_flags_days_without_advice(self):
        """SAL-FOLLOW-02: the daily dashboard flags the working days on which
        no advice was issued; weekends are not working days."""
        manager = self.users["msd.manager"]
        for day in ("2027-03-08 03:00:00", "2027-03-10 03:00:00"):
            with freeze_time(day):
                self.new_advice().with_user(manager).action_issue()
        # A draft advice does not count.
        with freeze_time("2027-03-11 03:00:00"):
            self.new_advice()
        with freeze_time("2027-03-14 03:00:00"):
            self.Day._cron_fill_days()
        week = self.Day.search(
            [("date", ">=", MONDAY), ("date", "<=", date(2027, 3, 14))]
        )
        self.assertEqual(
            sorted(week.mapped("date")),
            [date(2027, 3, d) for d in (8, 9, 10, 11, 12)],
        )
        flagged = week.filtered("no_advice").mapped("date")
        self.assertEqual(sorted(flagged), [date(2027, 3, d) for d in (9, 11, 12)])
        monday = week.filtered(lambda d: d.date == MONDAY)
        self.assertEqual(monday.advice_count, 1)
        # HQ staff and auditors read the dashboard, branches do not.
        self.assertTrue(self.Day.with_user(self.users["audit.staff"]).search([]))
        with self.assertRaises(AccessError):
            self.Day.with_user(self.users["wh.manager"]).search([])

    # -- SAL-FOLLOW-03 --------------------------------------------------------------
    def test_sal_follow_03_only_msd_manager_authors(self):
        """SAL-FOLLOW-03: only the MSD Manager authors the support form."""
        for login in ("msd.channel", "mc.manager", "bj.manager", "audit.staff"):
            with self.assertRaises(AccessError, msg=login):
                self.new_support(self.users[login])
        support = self.new_support()
        self.assertEqual(support.origin, "msd")
        with self.assertRaises(AccessError):
            support.with_user(self.users["mc.manager"]).write({"reason": "改"})
        # The supported branch reads its form, others do not.
        self.assertEqual(support.with_user(self.users["bj.manager"]).name, support.name)
        with self.assertRaises(AccessError):
            support.with_user(self.users["wh.manager"]).read(["name"])

    def test_sal_follow_03_linked_branch_request(self):
        """SAL-FOLLOW-03: the form may be linked to the branch's request,
        which the branch manager files; a request of another branch does not
        fit."""
        Request = self.env["scm.sales.support.request"]
        with self.assertRaises(AccessError):
            Request.with_user(self.users["bj.consultant"]).create(
                {"company_id": self.beijing.id, "reason": "需要支持"}
            )
        request = Request.with_user(self.users["bj.manager"]).create(
            {"company_id": self.beijing.id, "reason": "京华集团项目缺少售前顾问"}
        )
        with self.assertRaises(ValidationError):
            self.new_support(request_id=request.id, company_id=self.wuhan.id)
        support = self.new_support(request_id=request.id)
        self.assertEqual(support.origin, "request")
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.support_ids, support)

    def test_sal_follow_03_tasks_assigned_after_approval(self):
        """SAL-FOLLOW-03: the Market Center Manager approves; support tasks
        cannot be assigned before that; then the MSD Manager runs the effort."""
        manager = self.users["msd.manager"]
        presales = self.users["msd.presales"]
        support = self.new_support()
        Task = self.env["scm.sales.support.task"]
        task = Task.with_user(manager).create(
            {"support_id": support.id, "name": "现场产品演示"}
        )
        with self.assertRaises(ValidationError):
            task.with_user(manager).write({"user_id": presales.id})
        with self.assertRaises(ValidationError):
            Task.with_user(manager).create(
                {"support_id": support.id, "name": "方案讲解", "user_id": presales.id}
            )
        with self.assertRaises(UserError):
            support.with_user(manager).action_start()
        support.with_user(manager).action_scm_submit()
        self.assertEqual(
            support.review_ids.mapped("reviewer_ids"), self.users["mc.manager"]
        )
        with self.assertRaises(ValidationError):
            task.with_user(manager).write({"user_id": presales.id})
        self.approve(support, self.users["mc.manager"], "同意派员支持")
        self.assertEqual(support.state, "approved")
        self.assertTrue(self.Notice._scm_sent(support))
        with self.assertRaises(AccessError):
            task.with_user(presales).write({"user_id": presales.id})
        task.with_user(manager).write({"user_id": presales.id})
        with self.assertRaises(UserError):
            support.with_user(manager).write({"reason": "改"})  # approved is frozen
        support.with_user(manager).action_start()
        self.assertEqual(support.execution_state, "in_progress")
        with self.assertRaises(AccessError):
            task.with_user(self.users["msd.channel"]).action_mark_done()
        task.with_user(presales).action_mark_done()
        with self.assertRaises(UserError):
            support.with_user(manager).action_done()  # no outcome yet
        support.with_user(manager).write({"result": "京华集团同意进入方案阶段"})
        support.with_user(manager).action_done()
        self.assertEqual(support.execution_state, "done")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_sales.report_scm_sales_support", support.ids)[0]
            .decode()
        )
        self.assertIn("同意派员支持", html)
        self.assertIn(self.users["mc.manager"].name, html)

    def test_sal_follow_03_rejection_returns_to_draft(self):
        """SAL-FOLLOW-03 (Open): a rejection returns the form to draft, where
        the MSD Manager revises and resubmits it."""
        manager = self.users["msd.manager"]
        support = self.new_support()
        support.with_user(manager).action_scm_submit()
        self.reject(support, self.users["mc.manager"], "人员安排需调整")
        self.assertEqual(support.state, "draft")
        support.with_user(manager).write(
            {"staff_ids": [(6, 0, self.users["msd.channel"].ids)]}
        )
        support.with_user(manager).action_scm_submit()
        self.assertEqual(support.state, "to_approve")
        self.assertEqual(support.scm_approval_version, 2)

    def test_sal_follow_03_submit_needs_staff_and_period(self):
        """SAL-FOLLOW-03: bad input: no staff or no period cannot be submitted;
        a period ending before it starts is refused."""
        manager = self.users["msd.manager"]
        support = self.new_support(staff_ids=[(5,)])
        with self.assertRaises(UserError):
            support.with_user(manager).action_scm_submit()
        self.assertEqual(support.state, "draft")
        with self.assertRaises(ValidationError):
            self.new_support(date_from="2026-11-27", date_to="2026-11-23")

    def test_sales_advice_report_renders(self):
        """The Sales Advice PDF prints the addressees and the content."""
        advice = self.new_advice()
        advice.with_user(self.users["msd.manager"]).action_issue()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_sales.report_scm_sales_advice", advice.ids)[0]
            .decode()
        )
        self.assertIn("楚风服饰", html)
        self.assertIn(self.wuhan.name, html)
