from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ScmSalesCase


class BrandCase(ScmSalesCase):
    """Customers, answered questionnaires and approval helpers for the brand
    operation and sales follow-up tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["audit.staff"] = cls.env.ref("scm_base.user_audit_staff")
        cls.customer = cls.new_customer(
            cls.users["wh.consultant"], name="武汉江城品牌服饰有限公司"
        )
        cls.bj_customer = cls.new_customer(
            cls.users["bj.consultant"],
            name="北京长城服装有限公司",
            state_id=cls.beijing_state.id,
        )
        cls.Intake = cls.env["scm.brand.intake"]
        cls.Notice = cls.env["scm.notice"]

    @classmethod
    def answer(cls, survey_type, partner, done=True):
        survey = cls.env["survey.survey"].search(
            [("scm_brand_survey_type", "=", survey_type)], limit=1
        )
        answer = survey._create_answer(partner=partner, check_attempts=False)
        if done:
            answer.write({"state": "done"})
        return answer

    def new_intake(self, user=None, partner=None, complete=True, **vals):
        user = user or self.users["wh.consultant"]
        partner = partner or self.customer
        values = {"partner_id": partner.id, "company_id": user.company_id.id}
        if complete:
            values.update(
                product_input_id=self.answer("product", partner).id,
                brand_status_input_id=self.answer("brand_status", partner).id,
                feasibility_input_id=self.answer("feasibility", partner).id,
                has_sample_garments=True,
                has_process_sheets=True,
                has_fabric_swatches=True,
            )
        values.update(vals)
        return self.Intake.with_user(user).create(values)

    def feasible_plan(self):
        intake = self.new_intake()
        intake.action_submit()
        manager = self.users["brand.manager"]
        intake.with_user(manager).write({"center_analysis": "资料充分，可以立项"})
        intake.with_user(manager).action_decide_feasible()
        return intake.plan_id

    def investigate(self, plan, user=None):
        user = user or self.users["brand.designer"]
        return (
            self.env["scm.brand.investigation"]
            .with_user(user)
            .create(
                {
                    "plan_id": plan.id,
                    "contact_type": "visit",
                    "summary": "客户希望打造中高端女装品牌，预算约50万元",
                }
            )
        )

    def new_proposal(self, plan=None, user=None, **vals):
        user = user or self.users["brand.designer"]
        if not plan:
            plan = self.feasible_plan()
            self.investigate(plan)
        values = {
            "plan_id": plan.id,
            "design_section": "<p>2027春夏女装系列专案设计</p>",
            "timing_section": "<p>签约后12周完成设计</p>",
            "quotation_section": "<p>设计费40万元，推广费10万元</p>",
            "amount_total": 500000,
        }
        values.update(vals)
        return self.env["scm.brand.proposal"].with_user(user).create(values)

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

    def delivered_proposal(self):
        proposal = self.new_proposal()
        proposal.with_user(self.users["brand.manager"]).action_scm_submit()
        self.approve(proposal, self.users["mc.manager"])
        proposal.with_user(self.users["brand.designer"]).action_hand_over()
        proposal.with_user(self.users["wh.consultant"]).action_deliver()
        return proposal


@tagged("post_install", "-at_install")
class TestBrand(BrandCase):
    # -- SAL-BRAND-01 ---------------------------------------------------------------
    def test_sal_brand_01_cycle_table(self):
        """SAL-BRAND-01: the production cycles of the manual's table, for
        season year 2027 ("当度1月" read as January of the season year)."""
        cycle = self.env["scm.brand.sample"]._scm_cycle
        self.assertEqual(
            cycle("trend", "ss", 2027), (date(2026, 7, 1), date(2026, 9, 30))
        )
        self.assertEqual(
            cycle("trend", "aw", 2027), (date(2027, 1, 1), date(2027, 3, 31))
        )
        self.assertEqual(
            cycle("product_design", "ss", 2027), (date(2026, 9, 1), date(2027, 1, 31))
        )
        self.assertEqual(
            cycle("product_design", "aw", 2027), (date(2027, 3, 1), date(2027, 7, 31))
        )
        self.assertEqual(cycle("brochure", "ss", 2027), (False, False))

    def test_sal_brand_01_period_outside_cycle_warns(self):
        """SAL-BRAND-01: saving an SS trend sample for season year Y with a
        production period outside Jul-Sep of Y-1 warns (flag, onchange
        warning and a chatter note) but is saved."""
        Sample = self.env["scm.brand.sample"].with_user(self.users["brand.designer"])
        inside = Sample.create(
            {
                "name": "2027春夏流行趋势样章",
                "sample_type": "trend",
                "season": "ss",
                "season_year": 2027,
                "period_start": "2026-07-01",
                "period_end": "2026-09-30",
            }
        )
        self.assertFalse(inside.period_outside_cycle)
        outside = Sample.create(
            {
                "name": "2027春夏流行趋势样章（延期）",
                "sample_type": "trend",
                "season": "ss",
                "season_year": 2027,
                "period_start": "2026-08-01",
                "period_end": "2026-10-15",
            }
        )
        self.assertTrue(outside.period_outside_cycle)
        self.assertTrue(
            any("2026-09-30" in (m.body or "") for m in outside.message_ids),
            "the warning is left on the record",
        )
        with Form(
            self.env["scm.brand.sample"].with_user(self.users["brand.designer"])
        ) as form:
            form.name = "2027春夏流行趋势样章"
            form.season = "ss"
            form.season_year = 2027
            with self.assertLogs("odoo.tests.form.onchange", "WARNING") as logs:
                form.period_start = date(2026, 6, 1)
                form.period_end = date(2026, 9, 1)
            self.assertIn("2026-07-01", "".join(logs.output))
            self.assertTrue(form.period_outside_cycle)

    def test_sal_brand_01_bad_input(self):
        """SAL-BRAND-01: a sample chapter has type, season and season year;
        a period ending before it starts is refused."""
        Sample = self.env["scm.brand.sample"].with_user(self.users["brand.designer"])
        with self.assertRaises(ValidationError):
            Sample.create({"name": "无季节", "sample_type": "trend", "season": False})
        with self.assertRaises(ValidationError):
            Sample.create(
                {
                    "name": "倒置",
                    "sample_type": "product_design",
                    "season": "aw",
                    "season_year": 2027,
                    "period_start": "2027-05-01",
                    "period_end": "2027-04-01",
                }
            )
        self.assertFalse(Sample.search([("name", "in", ("无季节", "倒置"))]))
        brochure = Sample.create(
            {"name": "品牌运作中心宣传手册", "sample_type": "brochure"}
        )
        self.assertTrue(brochure)

    def test_sal_brand_01_release_distributes_to_all_branches(self):
        """SAL-BRAND-01: release creates one distribution line per active
        branch; only the center manager releases; a released chapter is
        frozen; branches read but do not write."""
        sample = (
            self.env["scm.brand.sample"]
            .with_user(self.users["brand.designer"])
            .create(
                {
                    "name": "2027秋冬产品设计样章",
                    "sample_type": "product_design",
                    "season": "aw",
                    "season_year": 2027,
                    "description": "<p>面料与廓形趋势</p>",
                }
            )
        )
        with self.assertRaises(UserError):
            sample.with_user(self.users["brand.designer"]).action_release()
        sample.with_user(self.users["brand.manager"]).action_release()
        branches = self.env["res.company"].search([("scm_unit_type", "=", "branch")])
        self.assertEqual(len(branches), 6)
        self.assertEqual(
            sample.scm_distribution_ids.mapped("recipient_company_id"), branches
        )
        self.assertEqual(sample.state, "released")
        with self.assertRaises(UserError):
            sample.with_user(self.users["brand.manager"]).write({"name": "改名"})
        with self.assertRaises(UserError):
            sample.with_user(self.users["brand.manager"]).unlink()
        # A branch reads the chapter and confirms receipt of its copy.
        consultant = self.users["wh.consultant"]
        self.assertEqual(sample.with_user(consultant).name, "2027秋冬产品设计样章")
        line = sample.scm_distribution_ids.filtered(
            lambda d: d.recipient_company_id == self.wuhan
        )
        line.with_user(consultant).action_mark_received()
        self.assertTrue(line.received_at)
        with self.assertRaises(AccessError):
            self.env["scm.brand.sample"].with_user(consultant).create(
                {"name": "x", "sample_type": "brochure"}
            )

    # -- SAL-BRAND-02 ---------------------------------------------------------------
    def test_sal_brand_02_submit_needs_surveys_and_materials(self):
        """SAL-BRAND-02: an intake cannot be submitted to the center without
        the three completed questionnaires and the three-item checklist."""
        consultant = self.users["wh.consultant"]
        intake = self.new_intake(complete=False)
        with self.assertRaises(UserError):
            intake.with_user(consultant).action_submit()
        intake.with_user(consultant).action_prepare_surveys()
        self.assertTrue(intake.product_input_id and intake.feasibility_input_id)
        self.assertEqual(intake.product_input_id.partner_id, self.customer)
        intake.with_user(consultant).write(
            {
                "has_sample_garments": True,
                "has_process_sheets": True,
                "has_fabric_swatches": True,
            }
        )
        # Answers started but not completed do not count.
        with self.assertRaises(UserError):
            intake.with_user(consultant).action_submit()
        (
            intake.product_input_id
            | intake.brand_status_input_id
            | intake.feasibility_input_id
        ).write({"state": "done"})
        intake.with_user(consultant).write({"has_fabric_swatches": False})
        with self.assertRaisesRegex(UserError, "Fabric Swatches|面料样板"):
            intake.with_user(consultant).action_submit()
        self.assertEqual(intake.stage, "draft")
        intake.with_user(consultant).write({"has_fabric_swatches": True})
        intake.with_user(consultant).action_submit()
        self.assertEqual(intake.stage, "submitted")
        self.assertTrue(intake.submitted_date)
        # The branch cannot change what the center is analysing.
        with self.assertRaises(UserError):
            intake.with_user(consultant).write({"has_sample_garments": False})

    def test_sal_brand_02_answers_must_match(self):
        """SAL-BRAND-02: each questionnaire slot takes an answer to that
        questionnaire, given by the intake's customer."""
        intake = self.new_intake(complete=False)
        consultant = self.users["wh.consultant"]
        with self.assertRaises(ValidationError):
            intake.with_user(consultant).write(
                {"product_input_id": self.answer("feasibility", self.customer).id}
            )
        other = self.new_customer(self.users["wh.consultant"], name="武汉其他服饰")
        with self.assertRaises(ValidationError):
            intake.with_user(consultant).write(
                {"product_input_id": self.answer("product", other).id}
            )
        self.assertFalse(intake.product_input_id)

    def test_sal_brand_02_branch_access(self):
        """SAL-BRAND-02: branch staff see and write their branch's intakes
        only; another branch may not open an intake on a customer outside its
        territory; auditors read without writing; the center reads all."""
        intake = self.new_intake()
        bj = self.users["bj.consultant"]
        self.assertFalse(
            self.Intake.with_user(bj).search([("id", "=", intake.id)]),
            "Beijing does not see Wuhan's intakes",
        )
        with self.assertRaises(AccessError):
            intake.with_user(bj).read(["name"])
        # Refused by the territory rule, or earlier: Beijing may not even see
        # Wuhan's customer file to link it.
        with self.assertRaisesRegex(
            UserError, "territory|辖区|Hubei|湖北|record you may not see|无权查看"
        ):
            self.Intake.with_user(bj).create(
                {"partner_id": self.customer.id, "company_id": self.beijing.id}
            )
        auditor = self.users["audit.staff"]
        self.assertEqual(intake.with_user(auditor).partner_id, self.customer)
        with self.assertRaises(AccessError):
            intake.with_user(auditor).write({"intent_summary": "x"})
        with self.assertRaises(AccessError):
            self.Intake.with_user(auditor).create({"partner_id": self.customer.id})
        self.assertIn(
            intake, self.Intake.with_user(self.users["brand.manager"]).search([])
        )
        # HQ staff cannot file a branch's intake.
        with self.assertRaises(AccessError):
            self.Intake.with_user(self.users["msd.manager"]).create(
                {"partner_id": self.customer.id, "company_id": self.wuhan.id}
            )

    # -- SAL-BRAND-03 ---------------------------------------------------------------
    def test_sal_brand_03_insufficient_returns_to_branch(self):
        """SAL-BRAND-03: "insufficient" returns the intake to the branch in
        state "supplement required" with a written notice; the branch
        supplements and resubmits."""
        consultant = self.users["wh.consultant"]
        manager = self.users["brand.manager"]
        intake = self.new_intake()
        intake.with_user(consultant).action_submit()
        with self.assertRaises(UserError):
            intake.with_user(manager).action_decide_insufficient()  # no analysis
        intake.with_user(manager).write({"center_analysis": "缺少近三年销售数据"})
        with self.assertRaises(UserError):
            intake.with_user(consultant).action_decide_insufficient()
        with self.assertRaises(UserError):
            intake.with_user(self.users["brand.designer"]).action_decide_insufficient()
        self.assertEqual(intake.stage, "submitted")
        intake.with_user(manager).action_decide_insufficient()
        self.assertEqual(intake.stage, "supplement")
        self.assertFalse(intake.plan_id)
        notice = self.Notice._scm_sent(intake)
        self.assertEqual(len(notice), 1)
        self.assertIn(consultant.partner_id, notice.recipient_ids)
        self.assertIn(self.users["wh.manager"].partner_id, notice.recipient_ids)
        intake.with_user(consultant).write({"material_note": "已补充销售数据"})
        intake.with_user(consultant).action_submit()
        self.assertEqual(intake.stage, "submitted")
        self.assertEqual(intake.submission_count, 2)

    def test_sal_brand_03_feasible_creates_plan(self):
        """SAL-BRAND-03: "feasible" creates the initiation-plan record."""
        plan = self.feasible_plan()
        self.assertTrue(plan)
        intake = plan.intake_id
        self.assertEqual(intake.stage, "feasible")
        self.assertEqual(plan.partner_id, self.customer)
        self.assertEqual(plan.company_id, self.wuhan)
        self.assertEqual(plan.state, "planned")
        self.assertEqual(intake.decided_by_id, self.users["brand.manager"])
        # Decisions are final; nothing is decided twice.
        with self.assertRaises(UserError):
            intake.with_user(self.users["brand.manager"]).action_decide_insufficient()
        with self.assertRaises(UserError):
            intake.with_user(self.users["wh.consultant"]).action_cancel()
        # The branch sees its plan but does not work on it.
        self.assertEqual(plan.with_user(self.users["wh.consultant"]).name, plan.name)
        with self.assertRaises(AccessError):
            plan.with_user(self.users["wh.consultant"]).write({"objective": "x"})
        with self.assertRaises(UserError):
            plan.with_user(self.users["brand.manager"]).unlink()

    # -- SAL-BRAND-04 ---------------------------------------------------------------
    def test_sal_brand_04_investigation_before_proposal(self):
        """SAL-BRAND-04: at least one logged investigation contact is
        required before the proposal can be created."""
        plan = self.feasible_plan()
        with self.assertRaises(UserError):
            plan.with_user(self.users["brand.designer"]).action_new_proposal()
        with self.assertRaises(UserError):
            self.new_proposal(plan)
        self.assertFalse(
            self.env["scm.brand.proposal"].search([("plan_id", "=", plan.id)])
        )
        with self.assertRaises(AccessError):
            self.investigate(plan, self.users["wh.consultant"])
        self.investigate(plan)
        self.assertEqual(plan.state, "investigated")
        action = plan.with_user(self.users["brand.designer"]).action_new_proposal()
        self.assertEqual(action["context"]["default_plan_id"], plan.id)
        proposal = self.new_proposal(plan)
        self.assertEqual(proposal.partner_id, self.customer)
        self.assertEqual(plan.state, "proposal")

    # -- SAL-BRAND-05 ---------------------------------------------------------------
    def test_sal_brand_05_sections_required(self):
        """SAL-BRAND-05: the proposal needs its design, timing and quotation
        sections (and an amount) before it goes to approval."""
        proposal = self.new_proposal(timing_section="<p><br></p>")
        designer = self.users["brand.designer"]
        with self.assertRaisesRegex(UserError, "Timing|时间"):
            proposal.with_user(designer).action_scm_submit()
        proposal.with_user(designer).write(
            {"timing_section": "<p>12周</p>", "amount_total": 0}
        )
        with self.assertRaises(UserError):
            proposal.with_user(designer).action_scm_submit()
        self.assertEqual(proposal.state, "draft")
        with self.assertRaises(ValidationError):
            proposal.with_user(designer).write({"amount_total": -1})
        proposal.with_user(designer).write({"amount_total": 300000})
        proposal.with_user(designer).action_scm_submit()
        self.assertEqual(proposal.state, "to_approve")
        # Only the center drafts proposals.
        with self.assertRaises(AccessError):
            self.new_proposal(proposal.plan_id, self.users["wh.manager"])

    def test_sal_brand_05_team_only_after_contract(self):
        """SAL-BRAND-05 / CON-BR-05: the brand project team cannot be created
        before the brand contract is signed (hook for scm_contracts)."""
        proposal = self.delivered_proposal()
        proposal.with_user(self.users["wh.consultant"]).action_customer_confirm()
        project = proposal.project_id
        manager = self.users["brand.manager"]
        designers = self.users["brand.designer"]
        self.assertFalse(project.contract_signed)
        with self.assertRaises(UserError):
            project.with_user(manager).action_form_team(designers)
        with self.assertRaises(ValidationError):
            project.sudo().write({"team_member_ids": [(6, 0, designers.ids)]})
        self.assertEqual(project.state, "initiated")
        # Patched on the registry's class: scm_contracts, when installed,
        # overrides the hook with the contract's real state.
        with patch.object(
            type(project), "_scm_brand_contract_signed", return_value=True
        ):
            with self.assertRaises(UserError):
                project.with_user(self.users["brand.designer"]).action_form_team(
                    designers
                )
            project.with_user(manager).action_form_team(designers)
        self.assertEqual(project.state, "team_formed")
        self.assertEqual(project.team_member_ids, designers)

    # -- SAL-BRAND-06 ---------------------------------------------------------------
    def test_sal_brand_06_market_center_approval(self):
        """SAL-BRAND-06 (Open, read as the Market Center Manager): the
        proposal's reviewer is the Market Center Manager; a rejection returns
        it to draft for the center; an approved proposal is frozen."""
        proposal = self.new_proposal()
        designer = self.users["brand.designer"]
        proposal.with_user(designer).action_scm_submit()
        self.assertEqual(
            proposal.review_ids.mapped("reviewer_ids"), self.users["mc.manager"]
        )
        # Not a reviewer: the decision is refused (scm_base's guard).
        with self.assertRaises(UserError):
            self.approve(proposal, self.users["msd.manager"])
        self.assertEqual(proposal.state, "to_approve", "MSD is not the reviewer")
        self.reject(proposal, self.users["mc.manager"], "报价偏高")
        self.assertEqual(proposal.state, "draft")
        self.assertEqual(proposal.stage, "draft")
        with self.assertRaises(UserError):
            proposal.with_user(designer).action_hand_over()
        proposal.with_user(designer).write({"amount_total": 450000})
        proposal.with_user(designer).action_scm_submit()
        self.approve(proposal, self.users["mc.manager"])
        self.assertEqual(proposal.state, "approved")
        self.assertEqual(proposal.stage, "approved")
        with self.assertRaises(UserError):
            proposal.with_user(designer).write({"amount_total": 1})
        with self.assertRaises(UserError):
            proposal.with_user(self.users["brand.manager"]).unlink()

    def test_sal_brand_06_delivery_timestamps(self):
        """SAL-BRAND-06: "delivered" records the branch hand-over and the
        customer-delivery timestamps; each step is its owner's."""
        proposal = self.new_proposal()
        proposal.with_user(self.users["brand.manager"]).action_scm_submit()
        self.approve(proposal, self.users["mc.manager"])
        consultant = self.users["wh.consultant"]
        with self.assertRaises(UserError):
            proposal.with_user(consultant).action_deliver()  # not handed over
        with self.assertRaises(UserError):
            proposal.with_user(consultant).action_hand_over()  # not the center
        with freeze_time("2026-11-23 02:00:00"):
            proposal.with_user(self.users["brand.designer"]).action_hand_over()
        self.assertEqual(proposal.stage, "handed_over")
        self.assertEqual(proposal.handover_date, datetime(2026, 11, 23, 2, 0))
        self.assertTrue(self.Notice._scm_sent(proposal))
        with self.assertRaises(AccessError):
            proposal.with_user(self.users["bj.consultant"]).action_deliver()
        with self.assertRaises(UserError):
            proposal.with_user(self.users["brand.manager"]).action_deliver()
        with freeze_time("2026-11-24 06:30:00"):
            proposal.with_user(consultant).action_deliver()
        self.assertEqual(proposal.stage, "delivered")
        self.assertEqual(proposal.delivery_date, datetime(2026, 11, 24, 6, 30))
        self.assertEqual(proposal.delivered_by_id, consultant)
        self.assertEqual(proposal.handover_date, datetime(2026, 11, 23, 2, 0))

    # -- SAL-BRAND-07 ---------------------------------------------------------------
    def test_sal_brand_07_confirmation_initiates_project(self):
        """SAL-BRAND-07: customer confirmation creates the brand project in
        state "initiated" (Market Center), with a written notice."""
        proposal = self.delivered_proposal()
        proposal.with_user(self.users["wh.consultant"]).action_customer_confirm()
        self.assertEqual(proposal.stage, "confirmed")
        project = proposal.project_id
        self.assertEqual(project.state, "initiated")
        self.assertEqual(project.initiated_by_id, self.users["mc.manager"])
        self.assertEqual(project.partner_id, self.customer)
        self.assertEqual(project.company_id, self.wuhan)
        self.assertEqual(proposal.plan_id.state, "initiated")
        notice = self.Notice._scm_sent(project)
        self.assertIn(self.users["mc.manager"].partner_id, notice.recipient_ids)
        with self.assertRaises(UserError):
            proposal.with_user(self.users["wh.consultant"]).action_customer_confirm()

    def test_sal_brand_07_not_confirmed_goes_to_revision(self):
        """SAL-BRAND-07: non-confirmation returns the proposal to revision;
        revised, it is approved and delivered again."""
        proposal = self.delivered_proposal()
        consultant = self.users["wh.consultant"]
        with self.assertRaises(UserError):
            proposal.with_user(consultant).action_customer_decline()  # no feedback
        proposal.with_user(consultant).write({"customer_feedback": "希望缩短周期"})
        proposal.with_user(consultant).action_customer_decline()
        self.assertEqual(proposal.stage, "revision")
        self.assertEqual(proposal.state, "draft")
        self.assertEqual(proposal.revision_count, 1)
        self.assertFalse(proposal.project_id)
        with self.assertRaises(UserError):
            proposal.with_user(consultant).action_customer_confirm()
        designer = self.users["brand.designer"]
        proposal.with_user(designer).write({"timing_section": "<p>签约后8周完成</p>"})
        proposal.with_user(designer).action_scm_submit()
        self.approve(proposal, self.users["mc.manager"])
        self.assertEqual(proposal.stage, "approved")
        proposal.with_user(designer).action_hand_over()
        self.assertFalse(proposal.delivery_date, "a new delivery is awaited")
        proposal.with_user(consultant).action_deliver()
        self.assertEqual(proposal.stage, "delivered")
        self.assertEqual(proposal.scm_approval_version, 2)

    def test_brand_proposal_report_renders(self):
        """The proposal PDF prints its sections and the approval opinion."""
        proposal = self.delivered_proposal()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_sales.report_scm_brand_proposal", proposal.ids)[0]
            .decode()
        )
        self.assertIn("2027春夏女装系列专案设计", html)
        self.assertIn(self.users["mc.manager"].name, html)

    def test_sal_brand_02_intake_prints_the_three_questionnaires(self):
        """SAL-BRAND-02: the intake prints with the material checklist and
        every answer of the three questionnaires."""
        intake = self.env.ref("scm_sales.brand_intake_wh_chufeng")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("scm_sales.report_scm_brand_intake", intake.ids)[0]
            .decode()
        )
        for title in ("《产品调查表》", "《品牌现况调查表》", "《可行性分析调查表》"):
            self.assertIn(title, html)
        answers = (
            intake.product_input_id
            | intake.brand_status_input_id
            | intake.feasibility_input_id
        ).user_input_line_ids
        self.assertTrue(answers)
        for question in answers.question_id:
            self.assertIn(question.title, html)
