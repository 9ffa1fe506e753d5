from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today

from .dev_common import ScmDevCase

PLAN_VALUES = {
    "name": "SCMS V6 长期产品开发",
    "purpose": "统一零售与批发业务平台",
    "content": "门店补货、配送中心、移动盘点",
    "platform": "Odoo 18 + PostgreSQL",
    "staff": "需求 3 人，软件 6 人，质检 2 人",
}


@tagged("post_install", "-at_install")
class TestDevreqPlan(ScmDevCase):
    """The development plan and the requirement work of issue 11 (area
    devreq): PRJ-DEV-01..06, PRJ-UPG-01/03, PRJ-SC-02, PRJ-DEV-16's first
    stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["scm.dev.plan"]
        cls.president = cls.users["president"]
        cls.sw_manager = cls.users["sw.manager"]

    # -- helpers ----------------------------------------------------------------
    def new_plan(self, **vals):
        values = {
            **PLAN_VALUES,
            "completion_date": china_today() + timedelta(days=180),
            **vals,
        }
        return self.as_client(self.Plan, self.mrd_manager).create(values)

    def resolve(self, plan, outcome="approved"):
        return (
            self.env["scm.office.resolution"]
            .sudo()
            .create(
                {
                    "name": "办公会决议",
                    "outcome": outcome,
                    "res_model": plan._name,
                    "res_id": plan.id,
                }
            )
        )

    def approved_plan(self, **vals):
        plan = self.new_plan(**vals)
        plan.action_devreq_submit()
        self.as_client(plan, self.cc_manager).action_devreq_cc_review()
        self.resolve(plan)
        self.as_client(plan, self.president).action_devreq_approve()
        return plan

    def req_plan(self, work, user=None):
        return self.as_client(
            self.env["scm.dev.req.plan"], user or self.mrd_manager
        ).create(
            {
                "name": "需求工作计划",
                "work_id": work.id,
                "content": "调研、分析、论证",
                "completion_date": china_today() + timedelta(days=30),
                "staff": "需求组 3 人",
                "methods": "现场调研 + 访谈",
            }
        )

    def research_report(self, work, user=None, **vals):
        values = {
            "name": "华中区域门店调研",
            "work_id": work.id,
            "research_date": china_today(),
            "place": "武汉",
            "interviewees": "门店店长、仓库主管",
            "business_flows": "补货 → 配送 → 收货",
            "business_documents": "补货单、配送单",
            "statistical_reports": "门店日销售报表",
            **vals,
        }
        return self.as_client(
            self.env["scm.dev.research.report"], user or self.mrd_analyst
        ).create(values)

    # -- PRJ-DEV-01/02, PRJ-UPG-01 ---------------------------------------------
    def test_prj_dev_01_five_contents_required(self):
        """PRJ-DEV-01: the five content fields are required on submission."""
        plan = self.new_plan(platform=False)
        with self.assertRaisesRegex(UserError, "Software Platform"):
            plan.action_devreq_submit()
        self.assertEqual(plan.state, "draft")

    def test_prj_dev_01_only_mrd_manager_prepares(self):
        """PRJ-DEV-01: the MRD Manager prepares the plan; the Software Dept
        may not."""
        with self.assertRaisesRegex(UserError, "Only the MRD Manager"):
            self.as_client(self.Plan, self.sw_manager).create(
                {**PLAN_VALUES, "completion_date": china_today()}
            )

    def test_prj_dev_01_office_meeting_only_after_cc_review(self):
        """PRJ-DEV-01: the Office Meeting approves only after the Customer
        Center Manager's review, and only on an approving resolution."""
        plan = self.new_plan()
        plan.action_devreq_submit()
        self.resolve(plan)
        with self.assertRaisesRegex(UserError, "Customer Center Review"):
            self.as_client(plan, self.president).action_devreq_approve()
        with self.assertRaisesRegex(UserError, "Customer Center Manager"):
            self.as_client(plan, self.sw_manager).action_devreq_cc_review()
        self.as_client(plan, self.cc_manager).action_devreq_cc_review()
        self.assertEqual(plan.state, "office_meeting")
        with self.assertRaisesRegex(UserError, "Office Meeting"):
            self.as_client(plan, self.cc_manager).action_devreq_approve()

    def test_prj_dev_01_approval_requires_resolution(self):
        """PRJ-DEV-01 / ORG-UNIT-04: approval requires a resolution record."""
        plan = self.new_plan()
        plan.action_devreq_submit()
        self.as_client(plan, self.cc_manager).action_devreq_cc_review()
        with self.assertRaisesRegex(UserError, "approving resolution"):
            self.as_client(plan, self.president).action_devreq_approve()
        self.resolve(plan, "rejected")
        with self.assertRaisesRegex(UserError, "approving resolution"):
            self.as_client(plan, self.president).action_devreq_approve()
        resolution = self.resolve(plan)
        self.as_client(plan, self.president).action_devreq_approve()
        self.assertEqual(plan.resolution_id, resolution)

    def test_prj_dev_02_approval_creates_three_copies_and_the_work(self):
        """PRJ-DEV-02: approval creates the three distribution lines (MRD, QC,
        Software); the development starts at the requirement work plan with
        the lead's 5-WD deadline (PRJ-DEV-03, PRJ-DEV-16)."""
        plan = self.approved_plan()
        self.assertEqual(
            set(plan.scm_distribution_ids.mapped("recipient_department_id")),
            {
                self.env.ref("scm_base.dept_mrd"),
                self.env.ref("scm_base.dept_qc"),
                self.env.ref("scm_base.dept_software"),
            },
        )
        work = plan.work_id
        self.assertEqual(work.kind, "long_term")
        self.assertEqual(work.stage, "req_work_plan")
        self.assertEqual(work.dev_plan_id, plan)
        deadline = work._scm_deadlines("PRJ-DEV-03.1")
        self.assertEqual(deadline.user_id, self.mrd_manager)
        self.assertEqual(deadline.amount, 5)
        self.assertEqual(deadline.start_date, plan.approved_date)

    def test_prj_upg_01_upgrade_plan_with_version_and_cycle_flag(self):
        """PRJ-UPG-01: the plan type is "upgrade" with a version; with no
        upgrade plan approved in the last 6 months the Development Plans
        menu shows an informational flag."""
        self.env["scm.dev.plan"].sudo().search([("kind", "=", "upgrade")]).write(
            {"approved_date": fields.Datetime.now() - timedelta(days=200)}
        )
        self.assertTrue(self.Plan._scm_upgrade_cycle_due())
        action = self.as_client(self.Plan, self.mrd_manager).action_scm_open_plans()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["next"]["res_model"], "scm.dev.plan")
        plan = self.new_plan(kind="upgrade")
        with self.assertRaisesRegex(UserError, "Software Version"):
            plan.action_devreq_submit()
        plan.write({"version": "V6.1"})
        plan.action_devreq_submit()
        self.as_client(plan, self.cc_manager).action_devreq_cc_review()
        self.resolve(plan)
        self.as_client(plan, self.president).action_devreq_approve()
        self.assertEqual(plan.work_id.kind, "upgrade")
        self.assertEqual(plan.work_id.version, "V6.1")
        self.assertFalse(self.Plan._scm_upgrade_cycle_due())
        action = self.as_client(self.Plan, self.mrd_manager).action_scm_open_plans()
        self.assertEqual(action["res_model"], "scm.dev.plan")

    def test_plan_steps_fields_and_readers(self):
        """ORG-RULE-11: the plan's state and approval are the steps'; a branch
        consultant does not see a development plan; Audit reads it."""
        plan = self.new_plan()
        with self.assertRaises(UserError):
            plan.write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.as_client(plan, self.wh_consultant).read(["name"])
        self.as_client(plan, self.auditor).read(["name", "state"])
        with self.assertRaises(UserError):
            self.as_client(plan, self.auditor).write({"name": "x"})

    # -- PRJ-DEV-03, PRJ-SC-02 --------------------------------------------------
    def test_prj_dev_03_requirement_work_plan(self):
        """PRJ-DEV-03: preparation due = plan approval + 5 WD (closed on
        submission); review due = submission + 3 WD by the Customer Center
        Manager; approval creates three copy lines and moves the work to the
        research (PRJ-DEV-16)."""
        work = self.approved_plan().work_id
        req = self.req_plan(work)
        with self.assertRaisesRegex(UserError, "may not submit"):
            self.as_client(req, self.sw_manager).action_devreq_submit()
        req.action_devreq_submit()
        self.assertFalse(work._scm_deadlines("PRJ-DEV-03.1"))
        self.assertEqual(work._scm_deadlines("PRJ-DEV-03.1", state="done").amount, 5)
        review = req._scm_deadlines("PRJ-DEV-03.2")
        self.assertEqual((review.user_id, review.amount), (self.cc_manager, 3))
        self.assertEqual(review.start_date, req.submitted_date)
        # The Software Dept cannot review for the Customer Center.
        with self.assertRaisesRegex(UserError, "Only"):
            self.as_client(req, self.sw_manager).action_devreq_approve()
        self.as_client(req, self.cc_manager).action_devreq_approve()
        self.assertEqual(len(req.scm_distribution_ids), 3)
        self.assertFalse(req._scm_deadlines("PRJ-DEV-03.2"))
        self.assertEqual(work.stage, "research")

    def test_prj_dev_03_return_to_author(self):
        """PRJ-DEV-03 (open reading): a plan not passed goes back to the MRD
        side with the reviewer's comment; a submitted plan is not edited."""
        work = self.approved_plan().work_id
        req = self.req_plan(work)
        req.action_devreq_submit()
        with self.assertRaisesRegex(UserError, "submitted"):
            req.write({"content": "改"})
        with self.assertRaisesRegex(UserError, "why"):
            self.as_client(req, self.cc_manager).action_devreq_return()
        self.as_client(req, self.cc_manager).write({"review_note": "补充方法"})
        self.as_client(req, self.cc_manager).action_devreq_return()
        self.assertEqual(req.state, "draft")
        self.assertEqual(work.stage, "req_work_plan")

    def test_prj_sc_02_project_requirement_plan_sheet(self):
        """PRJ-SC-02: a contract project's requirement work plan sheet is
        reviewed by the MRD Manager within 2 WD; approval creates 2 copy lines
        (QC, Software)."""
        work = self.make_dev_work("project")
        with self.assertRaisesRegex(UserError, "overall implementation plan"):
            self.req_plan(work)
        self.env["scm.project.plan"].sudo().create(
            {"project_id": self.project.id, "plan_type": "overall"}
        ).write({"state": "issued"})
        req = self.req_plan(work)
        req.action_devreq_submit()
        review = req._scm_deadlines("PRJ-SC-02")
        self.assertEqual((review.user_id, review.amount), (self.mrd_manager, 2))
        with self.assertRaisesRegex(UserError, "Only"):
            self.as_client(req, self.cc_manager).action_devreq_approve()
        self.as_client(req, self.mrd_manager).action_devreq_approve()
        self.assertEqual(
            set(req.scm_distribution_ids.mapped("recipient_department_id")),
            {self.env.ref("scm_base.dept_qc"), self.env.ref("scm_base.dept_software")},
        )
        self.assertEqual(work.stage, "research")

    # -- PRJ-DEV-04 ----------------------------------------------------------------
    def test_prj_dev_04_qc_and_software_plans_before_agreement(self):
        """PRJ-DEV-04: both plans link to the development (plan) and are
        required before the agreement; each unit files its own."""
        work = self.approved_plan().work_id
        self.assertEqual(len(work._scm_agreement_blockers()), 2)
        UnitPlan = self.env["scm.dev.unit.plan"]
        values = {
            "name": "质检工作计划",
            "work_id": work.id,
            "content": "测试计划",
            "completion_date": china_today() + timedelta(days=60),
        }
        with self.assertRaisesRegex(UserError, "Only the"):
            self.as_client(UnitPlan, self.sw_manager).create(
                {**values, "plan_type": "qc"}
            )
        qc = self.as_client(UnitPlan, self.qc_manager).create(
            {**values, "plan_type": "qc"}
        )
        qc.action_devreq_file()
        self.assertEqual(qc.dev_plan_id, work.dev_plan_id)
        self.assertEqual(len(work._scm_agreement_blockers()), 1)
        sw = self.as_client(UnitPlan, self.sw_manager).create(
            {**values, "name": "软件工作计划", "plan_type": "software"}
        )
        sw.action_devreq_file()
        self.assertEqual(work._scm_agreement_blockers(), [])

    def test_prj_dev_04_contract_project_uses_project_plan_sheets(self):
        """PRJ-DEV-04 / PRJ-SC-03: a contract project's QC and software work
        plans are its issued plan sheets, not a second copy."""
        work = self.make_dev_work("project")
        self.assertEqual(len(work._scm_agreement_blockers()), 2)
        Plan = self.env["scm.project.plan"].sudo()
        for plan_type in ("qc", "software"):
            Plan.create({"project_id": self.project.id, "plan_type": plan_type}).write(
                {"state": "issued"}
            )
        self.assertEqual(work._scm_agreement_blockers(), [])
        with self.assertRaisesRegex(UserError, "plan sheets"):
            self.as_client(self.env["scm.dev.unit.plan"], self.qc_manager).create(
                {"name": "x", "plan_type": "qc", "work_id": work.id}
            )

    # -- PRJ-DEV-05 ----------------------------------------------------------------
    def test_prj_dev_05_research_report(self):
        """PRJ-DEV-05: the six fields are required; review due = submission
        + 3 WD, by the requirement lead; the reviewed research moves the work
        to the analysis (PRJ-DEV-16)."""
        work = self.make_dev_work("long_term", stage="research")
        report = self.research_report(work, interviewees=False)
        with self.assertRaisesRegex(UserError, "Interviewees"):
            report.action_devreq_submit()
        report.write({"interviewees": "店长"})
        report.action_devreq_submit()
        deadline = report._scm_deadlines("PRJ-DEV-05")
        self.assertEqual((deadline.user_id, deadline.amount), (self.mrd_manager, 3))
        self.assertEqual(deadline.start_date, report.submitted_date)
        with self.assertRaisesRegex(UserError, "Review the submitted"):
            self.as_client(work, self.mrd_manager).action_devreq_research_done()
        with self.assertRaisesRegex(UserError, "Only"):
            self.as_client(report, self.sw_manager).action_devreq_approve()
        self.as_client(report, self.mrd_manager).action_devreq_approve()
        with self.assertRaisesRegex(UserError, "requirement lead"):
            self.as_client(work, self.sw_manager).action_devreq_research_done()
        self.as_client(work, self.mrd_manager).action_devreq_research_done()
        self.assertEqual(work.stage, "analysis")

    def test_prj_dev_05_who_researches(self):
        """PRJ-DEV-05: a long-term research is MRD's; a branch consultant may
        not write one; the report is not written before the research
        stage."""
        work = self.make_dev_work("long_term", stage="research")
        with self.assertRaises(AccessError):
            self.research_report(work, user=self.wh_consultant)
        early = self.make_dev_work("long_term", stage="req_work_plan")
        with self.assertRaisesRegex(UserError, "Requirement Work Plan"):
            self.research_report(early)

    # -- PRJ-DEV-06 ----------------------------------------------------------------
    def test_prj_dev_06_member_work_plans(self):
        """PRJ-DEV-06: review due = receipt + 2 WD; two distribution lines
        (member and lead); a divided work needs every member's reviewed plan
        before the analysis; a single member bypasses the step."""
        work = self.make_dev_work("long_term", stage="analysis")
        self.as_client(work, self.mrd_manager).write(
            {"requirement_member_ids": [(6, 0, [self.mrd_analyst.id])]}
        )
        self.assertEqual(work._scm_analysis_blockers(), [])
        MemberPlan = self.env["scm.dev.member.plan"]
        values = {
            "name": "个人工作计划",
            "work_id": work.id,
            "content": "补货模块需求",
            "completion_date": china_today() + timedelta(days=20),
            "staff": "本人",
            "methods": "访谈",
        }
        with self.assertRaisesRegex(UserError, "not divided"):
            self.as_client(MemberPlan, self.mrd_analyst).create(values)
        with self.assertRaisesRegex(UserError, "Only the requirement lead"):
            self.as_client(work, self.mrd_analyst).write(
                {"requirement_member_ids": [(4, self.mrd_manager.id)]}
            )
        self.as_client(work, self.mrd_manager).write(
            {"requirement_member_ids": [(4, self.mrd_manager.id)]}
        )
        self.assertEqual(len(work._scm_analysis_blockers()), 2)
        plan = self.as_client(MemberPlan, self.mrd_analyst).create(values)
        plan.action_devreq_submit()
        deadline = plan._scm_deadlines("PRJ-DEV-06")
        self.assertEqual((deadline.user_id, deadline.amount), (self.mrd_manager, 2))
        self.as_client(plan, self.mrd_manager).action_devreq_approve()
        self.assertEqual(
            set(plan.scm_distribution_ids.mapped("recipient_user_id")),
            {self.mrd_analyst, self.mrd_manager},
        )
        self.assertEqual(len(plan.scm_distribution_ids), 2)
        self.assertEqual(len(work._scm_analysis_blockers()), 1)

    def test_prj_upg_03_upgrade_runs_the_same_workflow(self):
        """PRJ-UPG-03: the requirement work plan runs with plan type
        "upgrade" as for a long-term development."""
        work = self.approved_plan(kind="upgrade", version="V6.2").work_id
        req = self.req_plan(work)
        req.action_devreq_submit()
        self.as_client(req, self.cc_manager).action_devreq_approve()
        self.assertEqual(work.stage, "research")
        self.assertEqual(len(req.scm_distribution_ids), 3)

    def test_print_plan_and_requirement_work_plan(self):
        """The two chapter-七 forms print (Chinese titles)."""
        plan = self.approved_plan()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "scm_projects.action_report_scm_dev_plan", plan.ids
        )[0]
        self.assertIn("软件产品开发计划", html.decode())
        req = self.req_plan(plan.work_id)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "scm_projects.action_report_scm_dev_req_plan", req.ids
        )[0]
        self.assertIn("软件产品需求工作计划", html.decode())
