import contextlib

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.translate import code_translations

from .common import ScmSalesCase

RESEARCH_PLAN_VALUES = {
    "rp_date_start": "2026-03-02",
    "rp_date_end": "2026-03-27",
    "rp_division_of_labour": "售前专员走访企业",
    "rp_region_scope": "长沙、株洲、湘潭",
    "rp_targets": "规模以上服装企业",
    "rp_methods": "走访、问卷",
    "rp_sources": "行业协会、统计年鉴",
}
RESEARCH_REPORT_SECTIONS = {
    "rr_industry_scale": "约320家服装企业",
    "rr_key_enterprises": "12家骨干企业",
    "rr_economic_results": "近3年年均增长8%",
    "rr_management_status": "以手工报表为主",
    "rr_software_investment": "5家使用ERP，投资50-200万元",
    "rr_software_usage": "仅用财务模块",
}
FEASIBILITY_VALUES = {
    "fr_market_potential": "目标客户约60家",
    "fr_human_resources": "需配置7人",
    "fr_capital_investment": "首年150万元",
    "fr_conclusion": "可行",
}
FACTORS = {
    "nbr_market_potential": "市场潜力较好",
    "nbr_human_resources": "人员可调配",
    "nbr_capital_investment": "投入在预算内",
}


@tagged("post_install", "-at_install")
class TestNewBranch(ScmSalesCase):
    """New-branch establishment (SAL-NBR-01..10) and ORG-BR-03."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Written notices notify by e-mail; the test server has no sender.
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
        cls.Setup = cls.env["scm.branch.setup"]
        cls.Doc = cls.env["scm.branch.setup.doc"]
        cls.presales = cls.users["msd.presales"]
        cls.msd = cls.users["msd.manager"]
        cls.mc = cls.users["mc.manager"]
        cls.hunan = cls.env.ref("base.state_cn_HN")
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.secretary = Users.create(
            {
                "name": "办公会议秘书",
                "login": "nbr.secretary",
                "company_id": cls.hq.id,
                "company_ids": [Command.set(cls.hq.ids)],
                "notification_type": "inbox",
                "groups_id": [
                    Command.set(
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("scm_base.group_office_meeting").id,
                        ]
                    )
                ],
            }
        )
        cls.new_manager = Users.create(
            {
                "name": "长沙经理",
                "login": "nbr.cs.manager",
                "company_id": cls.hq.id,
                "company_ids": [Command.set(cls.hq.ids)],
                "notification_type": "inbox",
                "groups_id": [
                    Command.set(
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("scm_base.group_scm_user").id,
                        ]
                    )
                ],
            }
        )

    # -- helpers
    def new_setup(self, user=None, **vals):
        values = {
            "name": "株洲分公司筹建",
            "branch_name": "株洲分公司",
            "branch_code": "ZZ",
            "city": "株洲",
            "province_ids": [Command.set(self.hunan.ids)],
            "new_manager_id": self.new_manager.id,
        }
        values.update(vals)
        return self.Setup.with_user(user or self.presales).create(values)

    def new_doc(self, setup, doc_type, user=None, **vals):
        return self.Doc.with_user(user or self.presales).create(
            {"setup_id": setup.id, "doc_type": doc_type, **vals}
        )

    def approve(self, doc, user, comment="同意"):
        action = doc.with_user(user).validate_tier()
        if action:
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()

    def reject(self, doc, user, comment):
        action = doc.with_user(user).reject_tier()
        self.env["comment.wizard"].with_user(user).with_context(
            **action["context"]
        ).create({"comment": comment}).add_comment()

    def plan_doc(self, setup):
        return self.new_doc(
            setup,
            "market_dev_plan",
            plan_basis="全年经营计划",
            plan_objectives="论证设立分公司",
            plan_actions="一季度调研",
        )

    def to_research(self, setup):
        plan = self.plan_doc(setup)
        plan.with_user(self.presales).action_scm_submit()
        self.approve(plan, self.msd)
        self.approve(plan, self.mc)
        return plan

    def to_research_report(self, setup):
        self.to_research(setup)
        research_plan = self.new_doc(setup, "research_plan", **RESEARCH_PLAN_VALUES)
        research_plan.with_user(self.presales).action_file()
        setup.with_user(self.presales).action_research_done()
        return research_plan

    def to_feasibility(self, setup):
        research_plan = self.to_research_report(setup)
        report = self.new_doc(
            setup,
            "research_report",
            research_plan_id=research_plan.id,
            **RESEARCH_REPORT_SECTIONS,
        )
        report.with_user(self.presales).action_scm_submit()
        self.approve(report, self.msd)
        return report

    def to_office_meeting(self, setup):
        report = self.to_feasibility(setup)
        feasibility = self.new_doc(
            setup,
            "feasibility_report",
            research_report_id=report.id,
            **FEASIBILITY_VALUES,
        )
        feasibility.with_user(self.presales).action_scm_submit()
        self.approve(feasibility, self.mc)
        return feasibility

    def resolve(self, setup, outcome, user=None, **factors):
        values = {**FACTORS, **factors, "nbr_outcome": outcome}
        return setup.with_user(user or self.secretary)._scm_record_resolution(values)

    def to_preparation(self, setup):
        self.to_office_meeting(setup)
        self.resolve(setup, "feasible")
        setup.with_user(self.msd).action_form_preparatory_group()

    def finish_workstreams(self, setup):
        units = {
            "planning": "scm_base.dept_market_center",
            "hr_training": "scm_base.dept_training",
            "capital_budget": "scm_base.dept_finance",
            "equipment": "scm_base.dept_software",
        }
        for workstream in setup.workstream_ids:
            workstream.with_user(self.mc).department_id = self.env.ref(
                units[workstream.workstream_type]
            )
            workstream.with_user(self.mc).action_done()

    def to_accepted(self, setup):
        self.to_preparation(setup)
        self.finish_workstreams(setup)
        setup.with_user(self.mc).action_accept()

    def task_summaries(self, setup, user):
        return setup.activity_ids.filtered(lambda a: a.user_id == user).mapped(
            "summary"
        )

    def tr(self, source):
        """`source` as the demo users (zh_CN) see it once translations load."""
        lang = self.presales.lang or "en_US"
        translations = code_translations.get_python_translations("scm_sales", lang)
        return translations.get(source, source)

    # -- SAL-NBR-01
    def test_sal_nbr_01_mc_approval_impossible_before_msd_review(self):
        """SAL-NBR-01: the MSD Manager reviews the plan first; the Market Center
        Manager cannot approve before that review. Execution tasks appear only
        once the plan is approved."""
        setup = self.new_setup()
        plan = self.plan_doc(setup)
        plan.with_user(self.presales).action_scm_submit()
        self.assertEqual(plan.state, "to_approve")
        self.assertFalse(plan.with_user(self.mc).can_review)
        # Either refused outright or a no-op: the MC review stays undecided.
        with contextlib.suppress(UserError):
            self.approve(plan, self.mc)
        mc_review = plan.review_ids.filtered(
            lambda r: r.definition_id == self.env.ref("scm_sales.tier_nbr_plan_mc")
        )
        self.assertNotEqual(mc_review.status, "approved")
        self.assertEqual(plan.state, "to_approve")
        self.assertEqual(setup.stage, "market_dev_plan")
        self.assertFalse(self.task_summaries(setup, self.presales))
        self.approve(plan, self.msd)
        self.assertEqual(plan.state, "to_approve")
        self.assertTrue(plan.with_user(self.mc).can_review)
        self.approve(plan, self.mc)
        self.assertEqual(plan.state, "approved")
        self.assertEqual(setup.stage, "research")
        self.assertIn(
            self.tr("Execute the market development plan: file the research plan"),
            self.task_summaries(setup, self.presales),
        )
        opinions = plan.scm_approval_round_ids.opinion_ids
        self.assertEqual(opinions.mapped("reviewer_id"), self.msd | self.mc)

    def test_sal_nbr_01_only_msd_roles_author(self):
        """SAL-NBR-01: the plan is prepared by the MSD Pre-sales Specialist; a
        branch consultant or an auditor can open no case and write no plan."""
        for login in ("wh.consultant", "wh.manager", "audit.staff"):
            with self.subTest(login=login), self.assertRaises(UserError):
                self.new_setup(user=self.users[login], branch_code="AB")
        self.assertFalse(self.Setup.search([("branch_code", "=", "AB")]))
        setup = self.new_setup()
        with self.assertRaises(UserError):
            self.new_doc(setup, "market_dev_plan", user=self.users["audit.staff"])
        self.assertFalse(setup.doc_ids)

    # -- SAL-NBR-02
    def test_sal_nbr_02_research_plan_six_fields_required(self):
        """SAL-NBR-02: a research plan is filed only with time, division of
        labour, region scope, targets, methods and sources; it is filed, not
        submitted for approval."""
        setup = self.new_setup()
        self.to_research(setup)
        research_plan = self.new_doc(setup, "research_plan", **RESEARCH_PLAN_VALUES)
        for name in RESEARCH_PLAN_VALUES:
            with self.subTest(field=name):
                research_plan.with_user(self.presales).write({name: False})
                with self.assertRaises(UserError):
                    research_plan.with_user(self.presales).action_file()
                self.assertFalse(research_plan.filed_date)
                research_plan.with_user(self.presales).write(
                    {name: RESEARCH_PLAN_VALUES[name]}
                )
        with self.assertRaises(UserError):
            research_plan.with_user(self.presales).action_scm_submit()
        self.assertEqual(research_plan.state, "draft")
        research_plan.with_user(self.presales).action_file()
        self.assertTrue(research_plan.filed_date)
        with self.assertRaises(UserError):
            research_plan.with_user(self.presales).write({"rp_methods": "改"})
        with self.assertRaises(UserError):
            research_plan.with_user(self.presales).unlink()

    def test_sal_nbr_02_research_must_link_to_filed_plan(self):
        """SAL-NBR-02: the research closes only under a filed research plan,
        and a research report links to a filed plan of the same case."""
        setup = self.new_setup()
        self.to_research(setup)
        research_plan = self.new_doc(setup, "research_plan", **RESEARCH_PLAN_VALUES)
        with self.assertRaises(UserError):
            setup.with_user(self.presales).action_research_done()
        self.assertEqual(setup.stage, "research")
        research_plan.with_user(self.presales).action_file()
        setup.with_user(self.presales).action_research_done()
        self.assertEqual(setup.stage, "research_report")
        other = self.new_setup(name="衡阳", branch_name="衡阳分公司", branch_code="HY")
        other_plan = (
            self.Doc.sudo()
            .with_context(install_mode=True)
            .create(
                {
                    "setup_id": other.id,
                    "doc_type": "research_plan",
                    **RESEARCH_PLAN_VALUES,
                }
            )
        )
        with self.assertRaises(ValidationError):
            self.new_doc(setup, "research_report", research_plan_id=other_plan.id)
        report = self.new_doc(setup, "research_report", **RESEARCH_REPORT_SECTIONS)
        with self.assertRaises(UserError):
            report.with_user(self.presales).action_scm_submit()
        self.assertEqual(report.state, "draft")

    # -- SAL-NBR-03
    def test_sal_nbr_03_research_report_six_sections_required(self):
        """SAL-NBR-03: the research report has six sections, all required
        before it is submitted."""
        setup = self.new_setup()
        research_plan = self.to_research_report(setup)
        report = self.new_doc(
            setup,
            "research_report",
            research_plan_id=research_plan.id,
            **RESEARCH_REPORT_SECTIONS,
        )
        for name in RESEARCH_REPORT_SECTIONS:
            with self.subTest(section=name):
                report.with_user(self.presales).write({name: "  "})
                with self.assertRaises(UserError):
                    report.with_user(self.presales).action_scm_submit()
                self.assertEqual(report.state, "draft")
                self.assertFalse(report.review_ids)
                report.with_user(self.presales).write(
                    {name: RESEARCH_REPORT_SECTIONS[name]}
                )
        report.with_user(self.presales).action_scm_submit()
        self.assertEqual(report.state, "to_approve")

    # -- SAL-NBR-04
    def test_sal_nbr_04_feasibility_needs_approved_research_report(self):
        """SAL-NBR-04: the MSD Manager approves the research report (a rejection
        returns it for revision); the feasibility report cannot be created
        before that approval."""
        setup = self.new_setup()
        research_plan = self.to_research_report(setup)
        report = self.new_doc(
            setup,
            "research_report",
            research_plan_id=research_plan.id,
            **RESEARCH_REPORT_SECTIONS,
        )
        with self.assertRaises(UserError):
            self.new_doc(
                setup,
                "feasibility_report",
                research_report_id=report.id,
                **FEASIBILITY_VALUES,
            )
        report.with_user(self.presales).action_scm_submit()
        self.assertFalse(report.with_user(self.mc).can_review)
        self.reject(report, self.msd, "骨干企业资料不全")
        self.assertEqual(report.state, "draft")
        self.assertEqual(setup.stage, "research_report")
        with self.assertRaises(UserError):
            self.new_doc(
                setup,
                "feasibility_report",
                research_report_id=report.id,
                **FEASIBILITY_VALUES,
            )
        self.assertFalse(setup.feasibility_report_id)
        report.with_user(self.presales).write({"rr_key_enterprises": "补充12家"})
        report.with_user(self.presales).action_scm_submit()
        self.approve(report, self.msd)
        self.assertEqual(report.state, "approved")
        self.assertEqual(setup.stage, "feasibility")
        feasibility = self.new_doc(
            setup,
            "feasibility_report",
            research_report_id=report.id,
            **FEASIBILITY_VALUES,
        )
        self.assertEqual(setup.feasibility_report_id, feasibility)
        with self.assertRaises(UserError):
            report.with_user(self.presales).write({"rr_software_usage": "改"})

    # -- SAL-NBR-05
    def test_sal_nbr_05_approval_creates_office_meeting_agenda_item(self):
        """SAL-NBR-05: the Market Center Manager's approval of the feasibility
        report puts it on the Office Meeting agenda."""
        setup = self.new_setup()
        self.to_office_meeting(setup)
        self.assertEqual(setup.stage, "office_meeting")
        self.assertTrue(setup.agenda_date)
        self.assertIn(
            setup._scm_agenda_summary(), self.task_summaries(setup, self.secretary)
        )
        notices = self.env["scm.notice"]._scm_sent(setup)
        self.assertIn(self.secretary.partner_id, notices.mapped("recipient_ids"))

    def test_sal_nbr_05_rejection_reopens_research_and_feasibility(self):
        """SAL-NBR-05 (Open: both reopened): the Market Center Manager's
        rejection reopens the research report and the feasibility report; the
        revised research report goes to the Market Center Manager."""
        setup = self.new_setup()
        report = self.to_feasibility(setup)
        feasibility = self.new_doc(
            setup,
            "feasibility_report",
            research_report_id=report.id,
            **FEASIBILITY_VALUES,
        )
        feasibility.with_user(self.presales).action_scm_submit()
        with self.assertRaises(UserError):
            self.reject(feasibility, self.msd, "不是审批人")
        self.reject(feasibility, self.mc, "市场潜力论证不足")
        self.assertEqual(feasibility.state, "draft")
        self.assertEqual(report.state, "draft")
        self.assertTrue(report.mc_reopened)
        self.assertEqual(setup.stage, "research_report")
        self.assertFalse(setup.agenda_date)
        report.with_user(self.presales).write({"rr_industry_scale": "补充数据"})
        report.with_user(self.presales).action_scm_submit()
        self.assertFalse(report.with_user(self.msd).can_review)
        self.assertTrue(report.with_user(self.mc).can_review)
        self.approve(report, self.mc)
        self.assertEqual(setup.stage, "feasibility")
        feasibility.with_user(self.presales).write({"fr_market_potential": "补充"})
        feasibility.with_user(self.presales).action_scm_submit()
        self.approve(feasibility, self.mc)
        self.assertEqual(setup.stage, "office_meeting")

    # -- SAL-NBR-06
    def test_sal_nbr_06_resolution_needs_three_factors(self):
        """SAL-NBR-06: the resolution needs an assessment of market potential,
        human resources and capital investment and an outcome; only the Office
        Meeting (secretary, President) records it."""
        setup = self.new_setup()
        self.to_office_meeting(setup)
        for factor in FACTORS:
            with self.subTest(factor=factor), self.assertRaises(ValidationError):
                self.resolve(setup, "feasible", **{factor: " "})
        with self.assertRaises(ValidationError):
            self.resolve(setup, False)
        for login in ("msd.presales", "mc.manager", "audit.staff"):
            with self.subTest(login=login), self.assertRaises(UserError):
                self.resolve(setup, "feasible", user=self.users[login])
        self.assertFalse(setup.resolution_ids)
        self.assertEqual(setup.stage, "office_meeting")
        with self.assertRaises(ValidationError):
            self.env["scm.office.resolution"].create(
                {
                    "name": "缺评估",
                    "outcome": "approved",
                    "res_model": "scm.branch.setup",
                    "res_id": setup.id,
                    "nbr_outcome": "feasible",
                }
            )
        wizard = (
            self.env["scm.branch.setup.resolution.wizard"]
            .with_user(self.users["president"])
            .create({"setup_id": setup.id, **FACTORS, "nbr_outcome": "feasible"})
        )
        wizard.action_confirm()
        resolution = setup.resolution_ids
        self.assertEqual(len(resolution), 1)
        self.assertEqual(resolution.outcome, "approved")
        self.assertEqual(
            resolution.nbr_market_potential, FACTORS["nbr_market_potential"]
        )
        self.assertEqual(setup.stage, "preparation")

    def test_sal_nbr_06_reinvestigate_returns_to_feasibility(self):
        """SAL-NBR-06: "re-investigate" returns the matter to MSD: the
        Pre-sales Specialist revises the feasibility report, which goes to
        the Market Center Manager and the Office Meeting again."""
        setup = self.new_setup()
        feasibility = self.to_office_meeting(setup)
        resolution = self.resolve(setup, "reinvestigate")
        self.assertEqual(resolution.outcome, "deferred")
        self.assertEqual(setup.stage, "feasibility")
        self.assertEqual(feasibility.state, "draft")
        self.assertEqual(setup.reinvestigation_count, 1)
        self.assertIn(
            self.tr("Re-investigate and revise the feasibility report"),
            self.task_summaries(setup, self.presales),
        )
        self.assertIn(
            self.msd.partner_id,
            self.env["scm.notice"]._scm_sent(setup).mapped("recipient_ids"),
        )
        self.assertFalse(setup.working_group_id)
        feasibility.with_user(self.presales).action_scm_submit()
        self.approve(feasibility, self.mc)
        self.assertEqual(setup.stage, "office_meeting")
        self.resolve(setup, "feasible")
        self.assertEqual(setup.stage, "preparation")
        self.assertEqual(len(setup.resolution_ids), 2)

    def test_sal_nbr_06_feasible_routes_to_msd_manager(self):
        """SAL-NBR-06: "feasible" moves the case to preparation and asks the
        MSD Manager to form the branch team."""
        setup = self.new_setup()
        self.to_office_meeting(setup)
        self.resolve(setup, "feasible")
        self.assertEqual(setup.stage, "preparation")
        self.assertIn(
            self.tr("Form the branch preparatory group"),
            self.task_summaries(setup, self.msd),
        )
        self.assertNotIn(
            setup._scm_agenda_summary(), self.task_summaries(setup, self.secretary)
        )

    # -- SAL-NBR-07
    def test_sal_nbr_07_preparatory_group_and_four_workstreams(self):
        """SAL-NBR-07: four workstreams, each with a responsible unit, and a
        preparatory group created by the MSD Manager and owned by the Market
        Center Manager."""
        setup = self.new_setup()
        self.to_office_meeting(setup)
        self.resolve(setup, "feasible")
        for login in ("msd.presales", "mc.manager", "wh.manager"):
            with self.subTest(login=login), self.assertRaises(UserError):
                setup.with_user(self.users[login]).action_form_preparatory_group()
        self.assertFalse(setup.working_group_id)
        setup.with_user(self.msd).action_form_preparatory_group()
        group = setup.working_group_id
        self.assertEqual(group.group_type, "branch_preparation")
        self.assertEqual(group.leader_id, self.mc)
        self.assertIn(
            self.env.ref("scm_base.employee_mc_manager"), group.member_ids.employee_id
        )
        with self.assertRaises(UserError):
            setup.with_user(self.msd).action_form_preparatory_group()
        self.assertEqual(
            set(setup.workstream_ids.mapped("workstream_type")),
            {"planning", "hr_training", "capital_budget", "equipment"},
        )
        workstream = setup.workstream_ids[0]
        with self.assertRaises(UserError):
            workstream.with_user(self.mc).action_done()
        with self.assertRaises(UserError):
            workstream.with_user(self.presales).department_id = self.env.ref(
                "scm_base.dept_finance"
            )
        self.assertFalse(workstream.department_id)
        workstream.with_user(self.mc).department_id = self.env.ref(
            "scm_base.dept_finance"
        )
        with self.assertRaises(UserError):
            workstream.with_user(self.users["wh.consultant"]).action_done()
        self.assertEqual(workstream.state, "todo")
        workstream.with_user(self.mc).action_done()
        self.assertEqual(workstream.state, "done")
        self.assertEqual(workstream.done_by_id, self.mc)

    # -- SAL-NBR-08
    def test_sal_nbr_08_acceptance_needs_all_workstreams_and_mc_manager(self):
        """SAL-NBR-08: acceptance requires all four workstreams done, and only
        the Market Center Manager signs the 《项目验收单》."""
        setup = self.new_setup()
        self.to_preparation(setup)
        with self.assertRaises(UserError):
            setup.with_user(self.mc).action_accept()
        self.finish_workstreams(setup)
        setup.workstream_ids[-1].with_user(self.mc).action_reopen()
        with self.assertRaises(UserError):
            setup.with_user(self.mc).action_accept()
        self.assertEqual(setup.stage, "preparation")
        setup.workstream_ids[-1].with_user(self.mc).action_done()
        for login in ("msd.manager", "president", "msd.presales"):
            with self.subTest(login=login), self.assertRaises(UserError):
                setup.with_user(self.users[login]).action_accept()
        self.assertEqual(setup.stage, "preparation")
        setup.with_user(self.mc).action_accept()
        self.assertEqual(setup.stage, "accepted")
        signature = setup.scm_signature_ids.filtered(
            lambda s: s.slot == "nbr_acceptance"
        )
        self.assertEqual(signature.state, "signed")
        self.assertEqual(signature.signer_id, self.mc)
        self.assertTrue(signature.signed_at)

    # -- SAL-NBR-09 / ORG-BR-03
    def test_sal_nbr_09_branch_active_only_with_both_signatures(self):
        """SAL-NBR-09: the branch company becomes active only when the handover
        form carries both signatures (new branch manager, preparatory group);
        it is created under HQ with its code, territory and manager."""
        setup = self.new_setup()
        self.to_accepted(setup)
        Company = self.env["res.company"].with_context(active_test=False)
        with self.assertRaises(UserError):
            setup.with_user(self.presales).action_sign_handover_manager()
        with self.assertRaises(UserError):
            setup.with_user(self.msd).action_sign_handover_group()
        setup.with_user(self.new_manager).action_sign_handover_manager()
        self.assertEqual(setup.stage, "accepted")
        self.assertFalse(Company.search([("scm_code", "=", "ZZ")]))
        with self.assertRaises(UserError):
            setup.with_user(self.presales).write({"branch_code": "ZH"})
        setup.with_user(self.mc).action_sign_handover_group()
        self.assertEqual(setup.stage, "handed_over")
        branch = setup.new_company_id
        self.assertTrue(branch.active)
        self.assertEqual(branch.scm_code, "ZZ")
        self.assertEqual(branch.parent_id, self.hq)
        self.assertEqual(branch.scm_unit_type, "branch")
        self.assertEqual(branch.scm_province_ids, self.hunan)
        self.assertEqual(branch.scm_manager_id, self.new_manager)
        self.assertIn(branch, self.new_manager.company_ids)
        self.assertEqual(self.hunan.scm_branch_id, branch)
        self.assertTrue(setup.scm_signatures_complete)

    def test_sal_nbr_09_handover_needs_code_and_territory(self):
        """SAL-NBR-09 / ORG-BR-03: the handover needs a branch code and a
        territory before anyone signs."""
        setup = self.new_setup(province_ids=[Command.clear()], branch_code=False)
        self.to_accepted(setup)
        with self.assertRaises(UserError):
            setup.with_user(self.new_manager).action_sign_handover_manager()
        self.assertFalse(
            setup.scm_signature_ids.filtered(lambda s: s.state == "signed")
            - setup.scm_signature_ids.filtered(lambda s: s.slot == "nbr_acceptance")
        )
        setup.with_user(self.presales).write(
            {"branch_code": "zz", "province_ids": [Command.set(self.hunan.ids)]}
        )
        self.assertEqual(setup.branch_code, "ZZ")
        setup.with_user(self.new_manager).action_sign_handover_manager()
        setup.with_user(self.mc).action_sign_handover_group()
        self.assertTrue(setup.new_company_id.active)

    def test_org_br_03_branch_not_active_without_signed_handover(self):
        """ORG-BR-03: a branch created outside the process is inactive, setting
        it active without a signed handover is refused, creating it active is
        refused; the seeded branches keep working."""
        admin = self.env.ref("base.user_admin")
        Company = self.env["res.company"].with_user(admin)
        branch = Company.create(
            {"name": "长沙分公司", "parent_id": self.hq.id, "scm_code": "CX"}
        )
        self.assertFalse(branch.active)
        with self.assertRaises(UserError):
            branch.write({"active": True})
        with self.assertRaises(UserError):
            branch.action_unarchive()
        self.assertFalse(branch.active)
        with self.assertRaises(UserError):
            Company.create(
                {
                    "name": "岳阳分公司",
                    "parent_id": self.hq.id,
                    "scm_code": "YY",
                    "active": True,
                }
            )
        self.assertFalse(
            self.env["res.company"]
            .with_context(active_test=False)
            .search([("scm_code", "=", "YY")])
        )
        # Seeded branches: archive and restore without a case.
        # (Archiving needs no case; its users make the ORM refuse it here.)
        self.env.cr.execute(
            "UPDATE res_company SET active = FALSE WHERE id = %s", self.wuxi.ids
        )
        self.env.invalidate_all()
        self.wuxi.with_user(admin).action_unarchive()
        self.assertTrue(self.wuxi.active)
        # A prepared inactive company is the one the handover activates.
        setup = self.new_setup(branch_code="CX", branch_name="长沙分公司")
        self.to_accepted(setup)
        setup.with_user(self.new_manager).action_sign_handover_manager()
        setup.with_user(self.mc).action_sign_handover_group()
        self.assertEqual(setup.new_company_id, branch)
        self.assertTrue(branch.active)

    # -- SAL-NBR-10
    def test_sal_nbr_10_skipping_a_stage_is_refused(self):
        """SAL-NBR-10: the case moves only along market_dev_plan → research →
        research_report → feasibility → office_meeting → preparation →
        accepted → handed_over; skipping or setting the stage is refused."""
        setup = self.new_setup()
        self.assertEqual(setup.stage, "market_dev_plan")
        with self.assertRaises(UserError):
            setup.with_user(self.presales).action_research_done()
        with self.assertRaises(UserError):
            self.new_doc(setup, "research_plan", **RESEARCH_PLAN_VALUES)
        with self.assertRaises(UserError):
            self.resolve(setup, "feasible")
        with self.assertRaises(UserError):
            setup.with_user(self.msd).action_form_preparatory_group()
        with self.assertRaises(UserError):
            setup.with_user(self.mc).action_accept()
        with self.assertRaises(UserError):
            setup.with_user(self.new_manager).action_sign_handover_manager()
        with self.assertRaises(UserError):
            setup.with_user(self.mc).write({"stage": "preparation"})
        with self.assertRaises(UserError):
            setup._scm_move_stage("research_report")
        self.assertEqual(setup.stage, "market_dev_plan")
        self.to_research(setup)
        with self.assertRaises(UserError):
            setup._scm_move_stage("office_meeting")
        with self.assertRaises(UserError):
            setup._scm_move_stage("market_dev_plan")
        self.assertEqual(setup.stage, "research")

    def test_sal_nbr_10_full_flow(self):
        """SAL-NBR-10: the stages in order, each reached once."""
        setup = self.new_setup()
        seen = [setup.stage]
        self.to_research(setup)
        seen.append(setup.stage)
        research_plan = self.new_doc(setup, "research_plan", **RESEARCH_PLAN_VALUES)
        research_plan.with_user(self.presales).action_file()
        setup.with_user(self.presales).action_research_done()
        seen.append(setup.stage)
        report = self.new_doc(
            setup,
            "research_report",
            research_plan_id=research_plan.id,
            **RESEARCH_REPORT_SECTIONS,
        )
        report.with_user(self.presales).action_scm_submit()
        self.approve(report, self.msd)
        seen.append(setup.stage)
        feasibility = self.new_doc(
            setup,
            "feasibility_report",
            research_report_id=report.id,
            **FEASIBILITY_VALUES,
        )
        feasibility.with_user(self.presales).action_scm_submit()
        self.approve(feasibility, self.mc)
        seen.append(setup.stage)
        self.resolve(setup, "feasible")
        seen.append(setup.stage)
        setup.with_user(self.msd).action_form_preparatory_group()
        self.finish_workstreams(setup)
        setup.with_user(self.mc).action_accept()
        seen.append(setup.stage)
        setup.with_user(self.new_manager).action_sign_handover_manager()
        setup.with_user(self.mc).action_sign_handover_group()
        seen.append(setup.stage)
        self.assertEqual(
            seen,
            [
                "market_dev_plan",
                "research",
                "research_report",
                "feasibility",
                "office_meeting",
                "preparation",
                "accepted",
                "handed_over",
            ],
        )
        with self.assertRaises(UserError):
            setup.with_user(self.mc).action_cancel()

    # -- access and bad input
    def test_access_by_role(self):
        """Branch staff do not see HQ's cases; auditors read but cannot write;
        the named new branch manager sees the case."""
        setup = self.new_setup()
        self.assertFalse(
            self.Setup.with_user(self.users["wh.consultant"]).search(
                [("id", "=", setup.id)]
            )
        )
        self.assertEqual(
            self.Setup.with_user(self.users["audit.staff"]).search(
                [("id", "=", setup.id)]
            ),
            setup,
        )
        with self.assertRaises(AccessError):
            setup.with_user(self.users["audit.staff"]).write({"city": "株洲市"})
        with self.assertRaises(AccessError):
            setup.with_user(self.users["audit.staff"]).unlink()
        with self.assertRaises(AccessError):
            setup.with_user(self.presales).unlink()
        self.assertTrue(setup.with_user(self.new_manager).read(["name"]))

    def test_bad_input_rejected(self):
        """Bad branch codes and provinces owned by another branch are refused,
        nothing is written."""
        for bad in ("Z1", "ZZZZZ", "株洲", "Z-Z"):
            with self.subTest(code=bad), self.assertRaises(ValidationError):
                self.new_setup(branch_code=bad, name=f"Bad {bad}")
        with self.assertRaises(ValidationError):
            self.new_setup(branch_code="WH", name="Bad WH")
        with self.assertRaises(ValidationError):
            self.new_setup(province_ids=[Command.set(self.hubei.ids)], name="Bad Hubei")
        self.assertFalse(self.Setup.search([("name", "=like", "Bad %")]))
        setup = self.new_setup()
        self.to_research(setup)
        with self.assertRaises(ValidationError):
            self.new_doc(
                setup,
                "research_plan",
                **{**RESEARCH_PLAN_VALUES, "rp_date_end": "2026-01-01"},
            )
        self.assertFalse(setup.research_plan_id)
        with self.assertRaises(UserError):
            setup.market_plan_id.with_user(self.presales).write({"plan_basis": "改"})
        with self.assertRaises(UserError):
            setup.market_plan_id.with_user(self.msd).unlink()

    def test_reports_render(self):
        """Forms 28-33 print (market plan, research plan and report,
        feasibility, acceptance, handover with signatures)."""
        setup = self.new_setup()
        self.to_accepted(setup)
        setup.with_user(self.new_manager).action_sign_handover_manager()
        setup.with_user(self.mc).action_sign_handover_group()
        Report = self.env["ir.actions.report"]
        for xmlid, records in (
            ("scm_sales.action_report_nbr_market_plan", setup.market_plan_id),
            ("scm_sales.action_report_nbr_research_plan", setup.research_plan_id),
            ("scm_sales.action_report_nbr_research_report", setup.research_report_id),
            ("scm_sales.action_report_nbr_feasibility", setup.feasibility_report_id),
            ("scm_sales.action_report_nbr_acceptance", setup),
            ("scm_sales.action_report_nbr_handover", setup),
        ):
            with self.subTest(report=xmlid):
                html = Report._render_qweb_html(xmlid, records.ids)[0].decode()
                self.assertIn(setup.branch_name, html)
        html = Report._render_qweb_html(
            "scm_sales.action_report_nbr_handover", setup.ids
        )[0].decode()
        self.assertIn(self.new_manager.name, html)
        self.assertIn(self.mc.name, html)

    def test_demo_case_in_preparation(self):
        """The demo case 长沙 (湖南, CS) is in preparation after a feasible
        resolution, and no CS company exists yet."""
        setup = self.env.ref("scm_sales.nbr_demo_setup_cs", raise_if_not_found=False)
        if not setup:
            self.skipTest("demo data not loaded")
        self.assertEqual(setup.stage, "preparation")
        self.assertEqual(setup.resolution_ids.nbr_outcome, "feasible")
        self.assertFalse(
            self.env["res.company"]
            .with_context(active_test=False)
            .search([("scm_code", "=", "CS")])
        )

    def _list_queries(self, user):
        fields_list = ["name", "branch_name", "branch_code", "province_ids", "stage"]
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.Setup.with_user(user).search([]).read(fields_list)
        return self.cr.sql_log_count - before

    def test_list_view_query_count(self):
        """The case list reads in a constant number of queries, whatever the
        number of cases."""
        self.new_setup(name="Q1", branch_code="QA")
        self._list_queries(self.msd)
        first = self._list_queries(self.msd)
        for index, code in enumerate(("QB", "QC", "QD")):
            self.new_setup(name=f"Q{index + 2}", branch_code=code)
        self.assertEqual(self._list_queries(self.msd), first)

    def test_sal_nbr_09_established_branch_sells_through_its_team(self):
        """SAL-NBR-09 / ORG-BR-03: the signed handover also gives the new
        branch its sales team, led by its new manager, so that its pipeline
        is its own from the first day."""
        setup = self.new_setup()
        self.to_accepted(setup)
        setup.with_user(self.new_manager).action_sign_handover_manager()
        setup.with_user(self.mc).action_sign_handover_group()
        branch = setup.new_company_id
        team = branch._scm_sales_team()
        self.assertTrue(team)
        self.assertEqual(team.company_id, branch)
        self.assertEqual(team.user_id, self.new_manager)
        self.assertEqual(
            self.env["crm.team"]
            .with_user(self.new_manager)
            .with_company(branch)
            ._get_default_team_id(user_id=self.new_manager.id),
            team,
        )
