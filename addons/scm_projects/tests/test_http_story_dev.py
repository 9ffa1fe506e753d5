import base64
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.jsonrpc import JsonRpcStoryCase

from .devagr_common import SECTIONS
from .test_brand_project import SECTIONS as BRAND_SECTIONS
from .test_http_story import TestHttpStory


@tagged("post_install", "-at_install")
class TestHttpStoryDev(JsonRpcStoryCase):
    """Issue 11's "done when" walkthrough over JSON-RPC, as the web client
    drives it: each step in the acting user's own session through the
    public step methods the form buttons call; a step refused to the wrong
    user gives the client an error and writes nothing."""

    # The customer's signature dialog of issue 10's walkthrough, reused.
    customer_signs = TestHttpStory.customer_signs

    def setUp(self):
        super().setUp()
        self.today = fields.Date.context_today(
            self.env["scm.dev.work"].with_user(
                self.env.ref("scm_base.user_mrd_manager")
            )
        )

    # -- helpers --
    def uid_of(self, login):
        return self.env["res.users"].search([("login", "=", login)]).id

    def day(self, number):
        return str(self.today + timedelta(days=number))

    def attach(self, login, name):
        return self.create_as(
            login,
            "ir.attachment",
            {"name": name, "datas": base64.b64encode(b"SCMS").decode()},
        )

    def wizard(self, login, action, values):
        """A dialog opened by a button (its record made by the button): the
        user fills it and confirms."""
        self.write_as(login, action["res_model"], action["res_id"], values)
        self.button(login, action["res_model"], action["res_id"], "action_confirm")

    def approve(self, login, model, record_id, comment):
        """The approve button, through the comment dialog when it asks one."""
        action = self.button(login, model, record_id, "validate_tier")
        if isinstance(action, dict) and action.get("res_model") == "comment.wizard":
            wizard_id = self.create_as(
                login, "comment.wizard", {"comment": comment}, action["context"]
            )
            self.call(
                login,
                "comment.wizard",
                "add_comment",
                [[wizard_id]],
                {"context": action["context"]},
            )

    def value(self, login, model, record_id, name):
        return self.read_as(login, model, record_id, [name])[name]

    def deadline(self, model, record_id, code):
        return self.env["scm.deadline"].search(
            [("res_model", "=", model), ("res_id", "=", record_id)]
            + ([("rule_code", "=", code)] if code else [])
        )

    # -- 1. the development plan --
    def plan_approved_by_the_office_meeting(self):
        """PRJ-DEV-01/02: mrd.manager drafts, cc.manager reviews, the Office
        Meeting's secretary records the resolution and the president
        approves on it."""
        plan_id = self.create_as(
            "mrd.manager",
            "scm.dev.plan",
            {
                "name": "SCMS V7 门店补货开发（HTTP）",
                "purpose": "统一零售与批发业务平台",
                "content": "门店补货、配送中心、移动盘点",
                "platform": "Odoo 18 + PostgreSQL",
                "completion_date": self.day(180),
                "staff": "需求 3 人，软件 6 人，质检 2 人",
            },
        )
        self.button("mrd.manager", "scm.dev.plan", plan_id, "action_devreq_submit")
        # The Software Dept cannot review for the Customer Center.
        self.call(
            "sw.manager",
            "scm.dev.plan",
            "action_devreq_cc_review",
            [[plan_id]],
            expect_error=True,
        )
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.plan", plan_id, "state"), "cc_review"
        )
        self.button("cc.manager", "scm.dev.plan", plan_id, "action_devreq_cc_review")
        # No approval before the resolution is recorded.
        self.call(
            "president",
            "scm.dev.plan",
            "action_devreq_approve",
            [[plan_id]],
            expect_error=True,
        )
        action = self.button(
            "office.secretary", "scm.dev.plan", plan_id, "action_scm_record_resolution"
        )
        resolution_id = self.create_as(
            "office.secretary",
            "scm.office.resolution",
            {"name": "总经理办公会决议：同意开发", "outcome": "approved"},
            action["context"],
        )
        self.button("president", "scm.dev.plan", plan_id, "action_devreq_approve")
        plan = self.read_as(
            "mrd.manager",
            "scm.dev.plan",
            plan_id,
            ["state", "resolution_id", "work_id", "scm_distribution_ids"],
        )
        self.assertEqual(plan["state"], "approved")
        self.assertEqual(plan["resolution_id"][0], resolution_id)
        self.assertEqual(len(plan["scm_distribution_ids"]), 3)
        return plan["work_id"][0]

    # -- 2. the requirement work plan's deadlines --
    def requirement_work_plan(self, work_id):
        """PRJ-DEV-03: the Requirement Project Lead finds the 5-WD
        preparation in his activities, the reviewer (Customer Center
        Manager) the 3-WD review once it is submitted."""
        work = self.read_as(
            "mrd.manager", "scm.dev.work", work_id, ["stage", "requirement_lead_id"]
        )
        self.assertEqual(work["stage"], "req_work_plan")
        lead = self.env["res.users"].browse(work["requirement_lead_id"][0])
        self.assertEqual(lead.login, "mrd.manager")
        activities = self.my_activities("mrd.manager", "scm.dev.work", work_id)
        self.assertEqual(len(activities), 1)
        preparation = self.deadline("scm.dev.work", work_id, "PRJ-DEV-03.1")
        self.assertEqual((preparation.amount, preparation.user_id), (5, lead))
        self.assertLessEqual(
            fields.Date.to_date(activities[0]["date_deadline"]),
            preparation.due_date.date(),
        )
        sheet_id = self.create_as(
            "mrd.manager",
            "scm.dev.req.plan",
            {
                "name": "需求工作计划",
                "work_id": work_id,
                "content": "调研、分析、论证",
                "completion_date": self.day(30),
                "staff": "需求组 3 人",
                "methods": "现场调研 + 访谈",
            },
        )
        self.call(
            "sw.manager",
            "scm.dev.req.plan",
            "action_devreq_submit",
            [[sheet_id]],
            expect_error=True,
        )
        self.button("mrd.manager", "scm.dev.req.plan", sheet_id, "action_devreq_submit")
        self.assertFalse(self.my_activities("mrd.manager", "scm.dev.work", work_id))
        review = self.my_activities("cc.manager", "scm.dev.req.plan", sheet_id)
        self.assertEqual(len(review), 1)
        deadline = self.deadline("scm.dev.req.plan", sheet_id, "PRJ-DEV-03.2")
        self.assertEqual(deadline.amount, 3)
        self.assertEqual(deadline.user_id.login, "cc.manager")
        # The Software Dept cannot review it: an error, still submitted.
        self.call(
            "sw.manager",
            "scm.dev.req.plan",
            "action_devreq_approve",
            [[sheet_id]],
            expect_error=True,
        )
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.req.plan", sheet_id, "state"),
            "submitted",
        )
        self.button("cc.manager", "scm.dev.req.plan", sheet_id, "action_devreq_approve")
        self.assertFalse(self.my_activities("cc.manager", "scm.dev.req.plan", sheet_id))
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.work", work_id, "stage"), "research"
        )

    def research_and_unit_plans(self, work_id):
        """PRJ-DEV-04/05: a research report reviewed by the lead closes the
        research; QC and Software file their work plans."""
        report_id = self.create_as(
            "mrd.analyst",
            "scm.dev.research.report",
            {
                "name": "华中区域门店调研",
                "work_id": work_id,
                "research_date": str(self.today),
                "place": "武汉",
                "interviewees": "门店店长、仓库主管",
                "business_flows": "补货 → 配送 → 收货",
                "business_documents": "补货单、配送单",
                "statistical_reports": "门店日销售报表",
            },
        )
        self.button(
            "mrd.analyst", "scm.dev.research.report", report_id, "action_devreq_submit"
        )
        self.button(
            "mrd.manager", "scm.dev.research.report", report_id, "action_devreq_approve"
        )
        self.button(
            "mrd.manager", "scm.dev.work", work_id, "action_devreq_research_done"
        )
        for login, plan_type, name in (
            ("qc.manager", "qc", "质检工作计划"),
            ("sw.manager", "software", "软件工作计划"),
        ):
            plan_id = self.create_as(
                login,
                "scm.dev.unit.plan",
                {
                    "name": name,
                    "plan_type": plan_type,
                    "work_id": work_id,
                    "content": f"{name}：按开发计划执行",
                    "completion_date": self.day(20),
                },
            )
            self.button(login, "scm.dev.unit.plan", plan_id, "action_devreq_file")
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.work", work_id, "stage"), "analysis"
        )

    # -- 3. the analysis report's argumentation --
    def argued_analysis(self, work_id):
        """PRJ-DEV-07/08: one objection (QC, through its dialog), a new
        version adjusted, then the three signatures confirm it."""
        Analysis = "scm.dev.analysis"
        v1 = self.create_as("mrd.analyst", Analysis, {"work_id": work_id, **SECTIONS})
        self.button("mrd.analyst", Analysis, v1, "action_submit")
        self.button("mrd.manager", Analysis, v1, "action_approve")
        self.button("sw.manager", Analysis, v1, "action_sign_software")
        action = self.button("qc.manager", Analysis, v1, "action_open_objection")
        self.wizard("qc.manager", action, {"reason": "缺少库存查询"})
        old = self.read_as("mrd.manager", Analysis, v1, ["stage", "objection_side"])
        self.assertEqual((old["stage"], old["objection_side"]), ("adjust", "qc"))
        v2 = self.search_as(
            "mrd.analyst", Analysis, [("work_id", "=", work_id), ("version", "=", 2)]
        )[0]
        self.write_as(
            "mrd.analyst",
            Analysis,
            v2,
            {"document_content": "<p>订单内容与库存查询</p>"},
        )
        self.button("mrd.analyst", Analysis, v2, "action_submit")
        self.button("mrd.manager", Analysis, v2, "action_approve")
        # The Software Dept cannot sign for requirements: nothing signed.
        self.call(
            "sw.manager",
            Analysis,
            "action_sign_requirements",
            [[v2]],
            expect_error=True,
        )
        signatures = self.env[Analysis].browse(v2).scm_signature_ids
        self.assertFalse(signatures.filtered(lambda s: s.state == "signed"))
        self.button("mrd.manager", Analysis, v2, "action_sign_requirements")
        self.button("sw.manager", Analysis, v2, "action_sign_software")
        self.button("qc.manager", Analysis, v2, "action_sign_qc")
        self.assertEqual(self.value("qc.manager", Analysis, v2, "stage"), "confirmed")
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.work", work_id, "stage"), "confirmed"
        )
        # PRJ-DEV-09: the system analysis, confirmed by the lead for QC.
        system_id = self.create_as(
            "sw.manager",
            "scm.dev.system.analysis",
            {"work_id": work_id, "content": "<p>系统设计与接口</p>"},
        )
        self.button("sw.manager", "scm.dev.system.analysis", system_id, "action_submit")
        self.button(
            "mrd.manager", "scm.dev.system.analysis", system_id, "action_confirm"
        )
        self.assertEqual(
            self.value("qc.manager", "scm.dev.system.analysis", system_id, "stage"),
            "confirmed",
        )

    # -- 4. the agreement and its memo --
    def signed_agreement_and_memo(self, work_id):
        """PRJ-DEV-10/11/13: both managers sign within their working day
        (their activities), the terms change only through a memo signed by
        both leads."""
        Agreement = "scm.dev.agreement"
        agreement_id = self.create_as(
            "mrd.manager",
            Agreement,
            {
                "work_id": work_id,
                "work_content": "<p>门店补货模块开发</p>",
                "completion_date": self.day(10),
                "cost": 80000,
                "rights_obligations": "<p>按期交付</p>",
            },
        )
        schedule = self.attach("mrd.manager", "开发进度表.xlsx")
        self.write_as(
            "mrd.manager",
            Agreement,
            agreement_id,
            {"schedule_attachment_ids": [(4, schedule)]},
        )
        self.button("mrd.manager", Agreement, agreement_id, "action_submit")
        for login in ("mrd.manager", "sw.manager"):
            self.assertEqual(
                len(self.my_activities(login, Agreement, agreement_id)), 1, login
            )
        deadlines = self.deadline(Agreement, agreement_id, "PRJ-DEV-10")
        self.assertEqual(set(deadlines.mapped("amount")), {1})
        # sw.manager cannot sign for MRD: an error, no signature.
        self.call(
            "sw.manager",
            Agreement,
            "action_sign_mrd",
            [[agreement_id]],
            expect_error=True,
        )
        self.assertEqual(
            self.value("mrd.manager", Agreement, agreement_id, "stage"), "signing"
        )
        self.assertEqual(
            len(self.my_activities("mrd.manager", Agreement, agreement_id)), 1
        )
        self.button("mrd.manager", Agreement, agreement_id, "action_sign_mrd")
        self.button("sw.manager", Agreement, agreement_id, "action_sign_software")
        agreement = self.read_as(
            "mrd.manager", Agreement, agreement_id, ["stage", "execution_ids", "cost"]
        )
        self.assertEqual(agreement["stage"], "signed")
        self.assertEqual(set(deadlines.mapped("state")), {"done"})
        self.assertFalse(any(deadlines.mapped("done_late")))
        for login in ("mrd.manager", "sw.manager"):
            self.assertFalse(self.my_activities(login, Agreement, agreement_id))
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.work", work_id, "stage"), "agreement"
        )
        # The cost is not changed directly …
        self.call(
            "mrd.manager",
            Agreement,
            "write",
            [[agreement_id], {"cost": 90000}],
            expect_error=True,
        )
        # … but by a memo: five more days.
        memo_id = self.create_as(
            "mrd.manager",
            "scm.dev.agreement.memo",
            {
                "agreement_id": agreement_id,
                "name": "接口调整，延期五天",
                "reason": "客户增加接口",
                "new_completion_date": self.day(15),
                "new_cost": 85000,
            },
        )
        Memo = "scm.dev.agreement.memo"
        self.button("mrd.manager", Memo, memo_id, "action_submit")
        self.call(
            "mrd.manager",
            Memo,
            "action_sign_software_lead",
            [[memo_id]],
            expect_error=True,
        )
        self.assertEqual(self.value("mrd.manager", Memo, memo_id, "stage"), "signing")
        self.button("mrd.manager", Memo, memo_id, "action_sign_requirement_lead")
        self.button("sw.manager", Memo, memo_id, "action_sign_software_lead")
        self.assertEqual(self.value("mrd.manager", Memo, memo_id, "stage"), "signed")
        terms = self.read_as(
            "mrd.manager",
            Agreement,
            agreement_id,
            ["cost", "effective_cost", "effective_due_date"],
        )
        self.assertEqual(
            (terms["cost"], terms["effective_cost"], terms["effective_due_date"]),
            (80000, 85000, self.day(15)),
        )
        self.button("sw.manager", Agreement, agreement_id, "action_start_development")
        return agreement_id, agreement["execution_ids"][0]

    # -- 5. QC and the acceptance --
    def qc_and_acceptance(self, work_id, sheet_id):
        """PRJ-DEV-14/15: QC reports with its report and the manual; the
        requirement side accepts, three days late counted from the memo's
        due date: the Software Dept's breach."""
        self.write_as(
            "sw.manager",
            "scm.dev.agreement.execution",
            sheet_id,
            {"sw_actual_completion_date": self.day(18)},
        )
        self.call(
            "sw.manager",
            "scm.dev.qc.report",
            "create",
            [{"work_id": work_id}],
            expect_error=True,
        )
        self.assertFalse(
            self.search_as(
                "qc.manager", "scm.dev.qc.report", [("work_id", "=", work_id)]
            )
        )
        qc_id = self.create_as("qc.manager", "scm.dev.qc.report", {"work_id": work_id})
        self.write_as(
            "qc.manager",
            "scm.dev.qc.report",
            qc_id,
            {
                "result": "pass",
                "qc_report_attachment_ids": [
                    (4, self.attach("qc.manager", "质检报告.pdf"))
                ],
                "user_manual_attachment_ids": [
                    (4, self.attach("qc.manager", "使用说明书.pdf"))
                ],
            },
        )
        self.button("qc.manager", "scm.dev.qc.report", qc_id, "action_complete")
        sheet = self.read_as(
            "mrd.manager",
            "scm.dev.agreement.execution",
            sheet_id,
            ["qc_result", "qc_date"],
        )
        self.assertEqual(sheet["qc_result"], "pass")
        self.assertEqual(
            self.value("mrd.manager", "scm.dev.work", work_id, "stage"), "qc"
        )
        # The Software Dept cannot accept its own delivery.
        self.call(
            "sw.manager",
            "scm.dev.work",
            "action_dev_accept",
            [[work_id]],
            expect_error=True,
        )
        action = self.button(
            "mrd.manager", "scm.dev.work", work_id, "action_open_dev_accept"
        )
        self.wizard(
            "mrd.manager", action, {"reason": "晚交三天", "delay_party": "software"}
        )
        work = self.read_as(
            "mrd.manager",
            "scm.dev.work",
            work_id,
            [
                "stage",
                "dev_due_date",
                "dev_delivery_date",
                "dev_days_late",
                "dev_breach_software",
                "dev_breach_qc",
            ],
        )
        self.assertEqual(work["dev_due_date"], self.day(15))
        self.assertEqual(work["dev_delivery_date"], self.day(18))
        self.assertEqual(work["dev_days_late"], 3)
        self.assertTrue(work["dev_breach_software"])
        self.assertFalse(work["dev_breach_qc"])
        self.assertEqual(work["stage"], "breach")

    def test_issue_11_done_when_development_walkthrough(self):
        """Issue 11 "done when" (development): PRJ-DEV-01/02 (plan, CC
        review, Office Meeting resolution, three copies), PRJ-DEV-03 (the
        lead's 5-WD preparation, the reviewer's 3-WD review, as activities),
        PRJ-DEV-04/05 (unit plans, research), PRJ-DEV-07/08/09 (one objection
        to confirmation, system analysis), PRJ-DEV-10/11/13 (agreement signed
        within 1 WD, changed by a memo), PRJ-DEV-12/14/15/16 (QC, acceptance
        with the days late); each refused step to the wrong user."""
        work_id = self.plan_approved_by_the_office_meeting()
        self.requirement_work_plan(work_id)
        self.research_and_unit_plans(work_id)
        self.argued_analysis(work_id)
        __, sheet_id = self.signed_agreement_and_memo(work_id)
        self.qc_and_acceptance(work_id, sheet_id)

    # -- 6. the brand design project --
    def brand_steps(self, stage_id, login="brand.designer"):
        steps = self.call(
            login,
            "scm.brand.stage.step",
            "search_read",
            [[("stage_id", "=", stage_id)], ["code", "done"]],
            {"order": "sequence"},
        )
        for step in steps:
            if step["code"] != "style_selection" and not step["done"]:
                self.button(login, "scm.brand.stage.step", step["id"], "action_done")

    def style_step(self, stage_id):
        """The row of the customer's style selection in the stage's
        checklist (its buttons: Customer Selected / Customer Rejected)."""
        return self.call(
            "brand.manager",
            "scm.brand.stage.step",
            "search",
            [[("stage_id", "=", stage_id), ("code", "=", "style_selection")]],
        )[0]

    def brand_accept(self, stage_id, customer=True):
        self.button("brand.designer", "scm.brand.stage", stage_id, "action_submit")
        form_id = self.value(
            "brand.manager", "scm.brand.stage", stage_id, "acceptance_id"
        )[0]
        self.button(
            "brand.manager", "scm.brand.acceptance", form_id, "action_brand_sign"
        )
        if customer:
            self.customer_signs(
                "brand.manager", "scm.brand.acceptance", form_id, "张总经理"
            )
        self.button("brand.manager", "scm.brand.acceptance", form_id, "action_close")
        self.assertEqual(
            self.value("brand.manager", "scm.brand.stage", stage_id, "state"),
            "accepted",
        )

    def test_issue_11_done_when_brand_design_project(self):
        """Issue 11 "done when" (brand): PRJ-BRD-01/02 (cooperation agreement
        approved by the Market Center), PRJ-BRD-03 (the five design stages),
        PRJ-BRD-06 (Brand Operation alone accepts the pattern stage),
        PRJ-BRD-07 (a customer style rejection goes back to drawing design),
        as brand.manager and brand.designer over JSON-RPC."""
        proposal = self.env.ref("scm_sales.brand_proposal_wh_chufeng")
        project = proposal.project_id
        if project.brand_impl_state != "not_started":
            # The demo's project is under way: the Market Center initiates a
            # second one (its own step, tested in scm_sales).
            project = self.env["scm.brand.project"]._scm_initiate_from(proposal)
        project_id = project.id
        designer = self.uid_of("brand.designer")
        if project.state == "initiated":
            self.call(
                "brand.manager",
                "scm.brand.project",
                "action_form_team",
                [[project_id], [designer]],
            )
        partner = self.env["res.partner"].create({"name": "李设计师"})
        agreement_id = self.create_as(
            "brand.manager",
            "scm.brand.coop.agreement",
            {
                "brand_project_id": project_id,
                "counterparty_ids": [(6, 0, partner.ids)],
                "acceptance_type": "design",
                "implementation_plan": "<p>设计计划 10 天，图纸设计 30 天……</p>",
                **BRAND_SECTIONS,
            },
        )
        self.button(
            "brand.manager",
            "scm.brand.coop.agreement",
            agreement_id,
            "action_scm_submit",
        )
        # No start before the Market Center approves; the designer never starts.
        self.call(
            "brand.manager",
            "scm.brand.project",
            "action_brand_start",
            [[project_id]],
            expect_error=True,
        )
        self.approve("mc.manager", "scm.brand.coop.agreement", agreement_id, "同意")
        self.assertEqual(
            self.value(
                "brand.manager", "scm.brand.coop.agreement", agreement_id, "state"
            ),
            "approved",
        )
        self.call(
            "brand.designer",
            "scm.brand.project",
            "action_brand_start",
            [[project_id]],
            expect_error=True,
        )
        self.button(
            "brand.manager", "scm.brand.project", project_id, "action_brand_start"
        )
        stages = self.call(
            "brand.manager",
            "scm.brand.stage",
            "search_read",
            [[("brand_project_id", "=", project_id)], ["state", "acceptor"]],
            {"order": "sequence"},
        )
        self.assertEqual(len(stages), 5)
        s1, s2, s3 = (stage["id"] for stage in stages[:3])
        self.assertEqual(stages[0]["state"], "in_progress")
        self.assertEqual(
            [stage["acceptor"] for stage in stages],
            ["brand_customer", "brand_customer", "brand", "brand_customer", "brand"],
        )
        self.brand_steps(s1)
        self.brand_accept(s1)
        # Stage 2: the customer rejects the styles: back to drawing design.
        self.assertEqual(
            self.value("brand.designer", "scm.brand.stage", s2, "state"), "in_progress"
        )
        self.brand_steps(s2)
        style_step = self.style_step(s2)
        self.button(
            "brand.manager",
            "scm.brand.stage.step",
            style_step,
            "action_customer_rejected_styles",
        )
        stage = self.read_as(
            "brand.manager", "scm.brand.stage", s2, ["rejection_count"]
        )
        self.assertEqual(stage["rejection_count"], 1)
        drawing = self.call(
            "brand.designer",
            "scm.brand.stage.step",
            "search_read",
            [[("stage_id", "=", s2), ("code", "=", "drawing_design")], ["done"]],
        )
        self.assertFalse(drawing[0]["done"])
        # The customer cannot select before the drawing is done again.
        self.call(
            "brand.manager",
            "scm.brand.stage.step",
            "action_customer_selected_styles",
            [[style_step]],
            expect_error=True,
        )
        self.brand_steps(s2)
        self.button(
            "brand.manager",
            "scm.brand.stage.step",
            style_step,
            "action_customer_selected_styles",
        )
        self.brand_accept(s2)
        # Stage 3: Brand Operation alone accepts the pattern (PRJ-BRD-06).
        self.brand_steps(s3)
        self.brand_accept(s3, customer=False)
        self.assertEqual(
            self.value("brand.designer", "scm.brand.stage", stages[3]["id"], "state"),
            "in_progress",
        )
