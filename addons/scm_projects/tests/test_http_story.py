from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.jsonrpc import JsonRpcStoryCase

# The fault as the consultant notes it on site (PRJ-RUN-03).
SITE = {
    "name": "销售单保存报错",
    "software_version": "SCMS V6.2",
    "module_name": "销售管理",
    "error_screen_text": "ORA-00001 unique constraint violated",
    "symptom": "保存销售单时弹出错误",
    "program_name": "so_edit.prg",
}


@tagged("post_install", "-at_install")
class TestHttpStory(JsonRpcStoryCase):
    """Issue 10's "done when" walkthrough, driven as the web client drives
    it: every step is a JSON-RPC call (`/web/dataset/call_kw`) in the acting
    user's own login session on the demo database, and each step asserts
    what that user then sees."""

    # -- the web client ---------------------------------------------------------------
    def decide(self, login, contract_id, comment):
        """The approve button opens the comment dialog, which is saved."""
        action = self.button(login, "scm.contract", contract_id, "validate_tier")
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

    def customer_signs(self, login, model, record_id, signatory, sealed=False):
        """The "Customer signed" button opens the dialog in which the AA side
        records the customer's signature (scm.project.customer.sign)."""
        action = self.button(login, model, record_id, "action_open_customer_sign")
        values = {"signatory": signatory, "signed_date": str(self.today)}
        if sealed:
            values["sealed"] = True
        wizard_id = self.create_as(
            login, "scm.project.customer.sign", values, action["context"]
        )
        self.button(login, "scm.project.customer.sign", wizard_id, "action_confirm")

    # -- the contract (scm_contracts' own story, reused) ----------------------------
    def sign_contract(self):
        """The demo 楚风 S&C draft driven to the customer's signature by its
        users, as in scm_contracts/tests/test_http_story.py; its payments are
        split so that collection goes on after the acceptance."""
        contract_id = self.env.ref("scm_contracts.contract_wh_chufeng_sc").id
        lines = self.search_as(
            "wh.manager",
            "scm.contract.checklist.line",
            [("contract_id", "=", contract_id)],
        )
        self.write_as(
            "wh.manager",
            "scm.contract",
            contract_id,
            {
                "amount": 455000,
                "milestone_ids": [
                    (5, 0, 0),
                    (
                        0,
                        0,
                        {
                            "name": "合同签订后付50%",
                            "amount": 227500,
                            "trigger": "signature",
                        },
                    ),
                    (
                        0,
                        0,
                        {"name": "验收款", "amount": 150000, "trigger": "acceptance"},
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "磨合期满款",
                            "amount": 77500,
                            "trigger": "runin_end",
                        },
                    ),
                ],
                "checklist_line_ids": [(1, line, {"checked": True}) for line in lines],
            },
        )
        self.button("wh.manager", "scm.contract", contract_id, "action_scm_submit")
        self.decide("mc.manager", contract_id, "与建议书一致，同意。")
        pm = self.env.ref("scm_base.user_wh_consultant")
        scheme_id = self.create_as(
            "wh.consultant",
            "scm.contract.scheme",
            {
                "contract_id": contract_id,
                "title": "楚风服饰 SCMS 项目实施方案书",
                "content": "<p>调研、要素法实施、分批上线与验收安排。</p>",
                "pm_user_id": pm.id,
            },
        )
        for login, slot in (
            ("wh.consultant", "pm"),
            ("mcd.manager", "mcd"),
            ("mrd.manager", "mrd"),
            ("sw.manager", "software"),
            ("qc.manager", "qc"),
        ):
            self.button(
                login, "scm.contract.scheme", scheme_id, "action_scm_sign", slot
            )
        self.decide("president", contract_id, "同意签订。")
        self.button("msd.manager", "scm.contract", contract_id, "action_print_original")
        register = self.button(
            "finance.staff", "scm.contract", contract_id, "action_open_register"
        )
        wizard_id = self.create_as(
            "finance.staff",
            "scm.contract.register",
            {"register_no": "CW-001", "seal_date": str(self.today)},
            register["context"],
        )
        self.button(
            "finance.staff", "scm.contract.register", wizard_id, "action_confirm"
        )
        self.button("msd.manager", "scm.contract", contract_id, "action_send_to_branch")
        self.button("wh.manager", "scm.contract", contract_id, "action_sign_aa")
        sign = self.button(
            "wh.manager", "scm.contract", contract_id, "action_open_customer_sign"
        )
        # No project before the customer's signature.
        self.assertFalse(
            self.env["project.project"].search([("scm_contract_id", "=", contract_id)])
        )
        wizard_id = self.create_as(
            "wh.manager",
            "scm.contract.customer.sign",
            {
                "signatory": "刘建国（总经理）",
                "signed_date": str(self.today),
                "sealed": True,
            },
            sign["context"],
        )
        self.button(
            "wh.manager", "scm.contract.customer.sign", wizard_id, "action_confirm"
        )
        return contract_id

    # -- the walkthrough ---------------------------------------------------------------
    def test_issue_10_done_when_walkthrough(self):
        """Issue 10 "done when": PRJ-INIT-01/02/03, PRJ-TRK-02 (initiation
        and its copies), PRJ-SC-03, PRJ-KICK-05, PRJ-TRK-05 (plans, schedule,
        a delay notice signed by the customer), PRJ-KICK-04/06, PRJ-RES-07,
        PRJ-ELEM-04/05/08 (an element document through PM and MCD review to
        the customer and HQ filing), PRJ-ELEM-12, PRJ-SC-07, PRJ-RUN-01
        (initialisation, run-in), PRJ-RUN-03..06 (a fault from wh.consultant
        through mcd.tsms to qc.manager and audit.staff), PRJ-SC-08 (the
        acceptance: contract in its paid service period), PRJ-TRK-09 (an
        overdue collection reported by the PM within a day), PRJ-HAND-02,
        PRJ-TRK-10/11, SUP-EPM-04 (handover, closing notice, closed)."""
        ref = self.env.ref
        wh_manager = ref("scm_base.user_wh_manager")
        # Dates as the Wuhan users see them (China's today, not the server's).
        self.today = fields.Date.context_today(
            self.env["project.project"].with_user(wh_manager)
        )
        today = str(self.today)

        # 1. The customer signs the contract: its project is created.
        contract_id = self.sign_contract()
        contract = self.env["scm.contract"].browse(contract_id)
        self.assertEqual(contract.stage, "effective")
        project_ids = self.search_as(
            "wh.manager", "project.project", [("scm_contract_id", "=", contract_id)]
        )
        self.assertEqual(len(project_ids), 1)
        project_id = project_ids[0]
        project = self.env["project.project"].browse(project_id)
        values = self.read_as(
            "wh.manager", "project.project", project_id, ["scm_phase", "user_id"]
        )
        self.assertEqual(values["scm_phase"], "initiation")
        self.assertEqual(values["user_id"][0], wh_manager.id)

        # 2. PRJ-INIT-01: wh.manager (PM) finds the initiation deadline in his
        # activities, due within 2 working days of the signature.
        notice_ids = self.search_as(
            "wh.manager", "scm.project.initiation", [("project_id", "=", project_id)]
        )
        self.assertEqual(len(notice_ids), 1)
        notice_id = notice_ids[0]
        activities = self.my_activities(
            "wh.manager", "scm.project.initiation", notice_id
        )
        self.assertEqual(len(activities), 1)
        notice = self.read_as(
            "wh.manager", "scm.project.initiation", notice_id, ["state", "due_date"]
        )
        self.assertEqual(notice["state"], "draft")
        due = fields.Datetime.to_datetime(notice["due_date"])
        self.assertLessEqual(
            fields.Date.to_date(activities[0]["date_deadline"]), due.date()
        )
        self.assertEqual(
            due,
            self.env["scm.workday"].compute_due(
                "working_days",
                2,
                project.scm_initiation_ids.scm_deadline_ids.start_date,
                project.company_id,
            ),
        )
        # PRJ-INIT-03: the five contents, then the notice is issued.
        self.create_as(
            "wh.manager",
            "scm.project.member",
            {
                "project_id": project_id,
                "side": "aa",
                "role": "consultant",
                "user_id": ref("scm_base.user_wh_consultant").id,
            },
        )
        self.write_as(
            "wh.manager",
            "scm.project.initiation",
            notice_id,
            {
                "work_content": "SCMS 企业管理改造：需求调研、要素法实施、系统磨合。",
                "date_start": today,
                "date_end": str(self.today + timedelta(days=120)),
                "pm_powers": "项目经理全权负责项目实施，协调各部门资源。",
            },
        )
        self.button(
            "wh.manager", "scm.project.initiation", notice_id, "action_scm_issue"
        )
        self.assertEqual(
            self.read_as("wh.manager", "scm.project.initiation", notice_id, ["state"])[
                "state"
            ],
            "issued",
        )
        self.assertFalse(
            self.my_activities("wh.manager", "scm.project.initiation", notice_id)
        )
        # The branch keeps the original: its manager signs for its receipt.
        self.assertTrue(
            self.my_activities(
                "wh.manager", "scm.project.initiation", notice_id, deadlines=False
            )
        )
        self.assertEqual(
            self.read_as("wh.manager", "project.project", project_id, ["scm_phase"])[
                "scm_phase"
            ],
            "kickoff",
        )

        # 3. PRJ-TRK-02: mcd.manager sees the project and its copies.
        self.assertIn(
            project_id,
            self.search_as(
                "mcd.manager",
                "project.project",
                [("scm_contract_id", "=", contract_id)],
            ),
        )
        copies = self.read_as(
            "mcd.manager",
            "scm.project.initiation",
            notice_id,
            ["scm_distribution_ids", "name"],
        )
        self.assertTrue(copies["name"].startswith("LX"))
        self.assertEqual(len(copies["scm_distribution_ids"]), 5)
        lines = self.call(
            "mcd.manager",
            "scm.distribution",
            "read",
            [copies["scm_distribution_ids"], ["recipient_department_id", "copy_type"]],
        )
        self.assertIn(
            ref("scm_base.dept_mcd").id,
            [
                line["recipient_department_id"] and line["recipient_department_id"][0]
                for line in lines
            ],
        )

        # 4. PRJ-SC-03: the four plans are entered and issued by their units.
        def day(number):
            return str(self.today + timedelta(days=number))

        def plan(login, plan_type, lines):
            return self.create_as(
                login,
                "scm.project.plan",
                {
                    "project_id": project_id,
                    "plan_type": plan_type,
                    "task_ids": [
                        (
                            0,
                            0,
                            {
                                "name": name,
                                "scm_planned_start": day(start),
                                "scm_planned_end": day(end),
                            },
                        )
                        for name, start, end in lines
                    ],
                },
            )

        overall_id = plan(
            "wh.manager", "overall", [("调研", 1, 10), ("要素法实施", 11, 40)]
        )
        self.button("wh.manager", "scm.project.plan", overall_id, "action_issue")
        for login, plan_type in (
            ("sw.manager", "software"),
            ("qc.manager", "qc"),
        ):
            plan_id = plan(login, plan_type, [(f"{plan_type} 工作", 1, 20)])
            self.button(login, "scm.project.plan", plan_id, "action_issue")
        # PRJ-SC-02: the requirement work plan sheet is the development's,
        # started from the project, reviewed by the MRD Manager.
        work_id = self.button(
            "mrd.manager",
            "project.project",
            project_id,
            "action_scm_devreq_development",
        )["res_id"]
        sheet_id = self.create_as(
            "mrd.manager",
            "scm.dev.req.plan",
            {
                "name": "需求工作计划表",
                "work_id": work_id,
                "content": "需求调研与需求报告",
                "completion_date": day(20),
                "staff": "需求分析员 1 人",
                "methods": "现场调研",
            },
        )
        self.button("mrd.manager", "scm.dev.req.plan", sheet_id, "action_devreq_submit")
        self.button(
            "mrd.manager", "scm.dev.req.plan", sheet_id, "action_devreq_approve"
        )
        # PRJ-KICK-05: the implementation schedule, signed and sealed by both.
        schedule_id = plan("wh.manager", "schedule", [("实施进度", 1, 60)])
        self.button("wh.manager", "scm.project.plan", schedule_id, "action_sign_aa")
        self.button("wh.manager", "scm.project.plan", schedule_id, "action_seal_aa")
        self.customer_signs(
            "wh.manager", "scm.project.plan", schedule_id, "楚风 刘经理", sealed=True
        )
        self.button("wh.manager", "scm.project.plan", schedule_id, "action_adopt")
        self.assertEqual(
            self.read_as("wh.manager", "scm.project.plan", schedule_id, ["state"])[
                "state"
            ],
            "approved",
        )
        # PRJ-TRK-05: the research track slips: a delay notice, signed by the
        # PM and the customer, moves its planned end.
        research_id = self.search_as(
            "wh.manager",
            "project.task",
            [("scm_plan_id", "=", overall_id), ("name", "=", "调研")],
        )[0]
        delay_id = self.create_as(
            "wh.manager",
            "scm.project.delay.notice",
            {
                "project_id": project_id,
                "scope": "external",
                "issuer_department_id": ref("scm_base.dept_mrd").id,
                "reason": "客户高层出差，调研推迟",
                "line_ids": [
                    (0, 0, {"task_id": research_id, "new_planned_end": day(14)})
                ],
            },
        )
        self.button("wh.manager", "scm.project.delay.notice", delay_id, "action_submit")
        self.customer_signs(
            "wh.manager", "scm.project.delay.notice", delay_id, "楚风 刘经理"
        )
        self.button(
            "wh.manager", "scm.project.delay.notice", delay_id, "action_sign_pm"
        )
        self.assertEqual(
            self.read_as("wh.manager", "scm.project.delay.notice", delay_id, ["state"])[
                "state"
            ],
            "done",
        )
        self.assertEqual(
            self.read_as(
                "wh.manager", "project.task", research_id, ["scm_planned_end"]
            )["scm_planned_end"],
            day(14),
        )
        # Its copies reach the customer, the PM, MCD, MSD, Supervision and
        # Finance; MCD reads it.
        copies = self.read_as(
            "mcd.manager",
            "scm.project.delay.notice",
            delay_id,
            ["scm_distribution_ids", "state"],
        )
        self.assertEqual(len(copies["scm_distribution_ids"]), 6)

        # 5. PRJ-KICK-04/06: the first payment is in, the kick-off meeting is
        # held and its minutes go to the customer's leading-group leader.
        leader = ref("scm_sales.partner_wh_chufeng_contact")
        self.create_as(
            "wh.manager",
            "scm.project.member",
            {
                "project_id": project_id,
                "side": "customer",
                "role": "group_leader",
                "customer_contact_id": leader.id,
            },
        )
        first = contract.milestone_ids.filtered(lambda m: m.trigger == "signature")
        self.create_as(
            "finance.staff",
            "scm.contract.payment",
            {
                "contract_id": contract_id,
                "milestone_id": first.id,
                "amount": first.amount,
                "date": today,
            },
        )
        kickoff_id = self.search_as(
            "wh.manager", "scm.project.kickoff", [("project_id", "=", project_id)]
        )[0]
        self.write_as(
            "wh.manager",
            "scm.project.kickoff",
            kickoff_id,
            {
                "briefing_date": today,
                "briefing_attendees": "刘总、王副总、各部门经理",
                "briefing_content": "关键步骤、难点与失败风险。",
                "meeting_datetime": fields.Datetime.to_string(
                    fields.Datetime.now() - timedelta(hours=1)
                ),
                "meeting_venue": "楚风服饰总部会议室",
                "customer_attendee_ids": [(6, 0, leader.ids)],
                "aa_attendee_ids": [
                    (6, 0, [wh_manager.id, ref("scm_base.user_wh_consultant").id])
                ],
            },
        )
        self.button(
            "wh.manager", "scm.project.kickoff", kickoff_id, "action_meeting_held"
        )
        minutes_id = self.create_as(
            "wh.manager",
            "scm.project.meeting",
            {
                "project_id": project_id,
                "name": "项目启动动员会会谈纪要",
                "meeting_type": "kickoff",
                "date": today,
                "duration_days": 0.5,
                "chair_id": leader.id,
                "recorder_id": ref("scm_base.user_wh_consultant").id,
                "addressee_id": leader.id,
                "minutes": "启动会：双方确认实施进度表与项目组织。",
            },
        )
        self.button("wh.manager", "scm.project.meeting", minutes_id, "action_sign_pm")
        self.customer_signs("wh.manager", "scm.project.meeting", minutes_id, "刘建国")
        self.button("wh.manager", "scm.project.meeting", minutes_id, "action_send")
        self.button("wh.manager", "scm.project.kickoff", kickoff_id, "action_complete")
        self.assertEqual(
            self.read_as("wh.manager", "project.project", project_id, ["scm_phase"])[
                "scm_phase"
            ],
            "research",
        )

        # 6. PRJ-RES-07/08: a baseline measured, the research is completed.
        self.create_as(
            "wh.consultant",
            "scm.project.baseline",
            {
                "project_id": project_id,
                "department": "销售部",
                "name": "销售出库",
                "date_from": str(self.today - timedelta(days=5)),
                "date_to": str(self.today - timedelta(days=1)),
                "test_base": 3,
                "total_minutes": 0.672,
                "duties": "开单员开具销售出库单，仓库保管员发货。",
                "business_documents": "销售出库单（一式四联）",
                "staff_cost": "开单员1人，月薪2500元",
                "volume_time": "日均120单，每单约13秒",
                "reference_data": "客户订单（业务员提供）、库存账（仓库提供）",
                "control_points": "开单员对品种数量负责，保管员对实发负责",
                "review_time": "次日",
                "review_content": "单价、数量",
                "accuracy": "约97%",
                "potential_errors": "品种串码、重复发货",
                "data_custody": "纸质单据按月装订，由财务保管",
                "retrieval": "手工翻查，每次约10分钟",
                "decision_support": "月底手工汇总，2人日",
                "customer_satisfaction": "客户反映发货慢",
            },
        )
        self.button(
            "wh.manager", "project.project", project_id, "action_scm_research_completed"
        )
        self.assertEqual(
            self.read_as("wh.manager", "project.project", project_id, ["scm_phase"])[
                "scm_phase"
            ],
            "elements",
        )

        # 7. PRJ-ELEM-04/05/08: an element document written by wh.consultant
        # passes the PM's and MCD's review, is confirmed and signed by the
        # customer and filed with HQ MCD.
        action = self.button(
            "wh.manager", "project.project", project_id, "action_scm_generate_elements"
        )
        wizard_id = self.create_as(
            "wh.manager",
            "scm.project.element.generate",
            {
                "project_id": project_id,
                "author_id": ref("scm_base.user_wh_consultant").id,
                "line_ids": [(0, 0, {"element_type": "process", "selected": True})],
            },
            action.get("context"),
        )
        self.button(
            "wh.manager", "scm.project.element.generate", wizard_id, "action_generate"
        )
        element_id = self.search_as(
            "wh.consultant", "scm.project.element", [("project_id", "=", project_id)]
        )[0]
        self.write_as(
            "wh.consultant",
            "scm.project.element",
            element_id,
            {
                "content": "<p>流程重组方案：销售出库流程由三级审核改为两级。</p>",
                "discussion_date": today,
                "discussion_notes": "全体实施组讨论：出库审核环节冗余，达成一致。",
            },
        )
        self.button(
            "wh.manager", "scm.project.element", element_id, "action_record_consensus"
        )
        self.button("wh.consultant", "scm.project.element", element_id, "action_submit")
        # PRJ-ELEM-04: the PM's review is owed by the PM.
        self.assertTrue(
            self.my_activities(
                "wh.manager", "scm.project.element", element_id, deadlines=False
            )
        )
        self.button(
            "wh.manager", "scm.project.element", element_id, "action_pm_approve"
        )
        self.button("wh.manager", "scm.project.element", element_id, "action_send_mcd")
        # MCD's review is MCD's: the PM cannot approve in its place.
        self.call(
            "wh.manager",
            "scm.project.element",
            "action_mcd_approve",
            [[element_id]],
            expect_error=True,
        )
        self.button(
            "mcd.manager", "scm.project.element", element_id, "action_mcd_approve"
        )
        self.button("wh.manager", "scm.project.element", element_id, "action_deliver")
        self.button(
            "wh.manager", "scm.project.element", element_id, "action_customer_confirm"
        )
        self.button("wh.manager", "scm.project.element", element_id, "action_sign_pm")
        self.customer_signs(
            "wh.manager", "scm.project.element", element_id, "楚风 刘经理"
        )
        self.button(
            "wh.manager",
            "scm.project.element",
            element_id,
            "action_record_receipt",
            "楚风 刘经理",
        )
        self.button("wh.manager", "scm.project.element", element_id, "action_efile")
        self.assertEqual(
            self.read_as("mcd.manager", "scm.project.element", element_id, ["stage"])[
                "stage"
            ],
            "filed",
        )

        # 8. PRJ-ELEM-12, PRJ-SC-07, PRJ-RUN-01: the initialisation data is
        # checked; its completion starts the run-in.
        checklist_id = self.create_as(
            "wh.consultant", "scm.project.init.checklist", {"project_id": project_id}
        )
        line_ids = self.read_as(
            "wh.consultant", "scm.project.init.checklist", checklist_id, ["line_ids"]
        )["line_ids"]
        self.assertTrue(line_ids)
        self.write_as(
            "wh.consultant",
            "scm.project.init.checklist",
            checklist_id,
            {
                "line_ids": [
                    (1, line, {"checked": True, "result": "correct"})
                    for line in line_ids
                ]
            },
        )
        self.button(
            "wh.manager",
            "scm.project.init.checklist",
            checklist_id,
            "action_complete_initialisation",
        )
        values = self.read_as(
            "wh.manager",
            "project.project",
            project_id,
            ["scm_phase", "scm_runin_start"],
        )
        self.assertEqual(values["scm_phase"], "runin")
        self.assertEqual(values["scm_runin_start"], today)

        # 9. PRJ-RUN-03..06: a fault from wh.consultant through mcd.tsms to
        # qc.manager and audit.staff.
        fault_id = self.create_as(
            "wh.consultant",
            "scm.project.fault",
            {
                "project_id": project_id,
                "occurrence_time": fields.Datetime.to_string(
                    fields.Datetime.now() - timedelta(hours=2)
                ),
                **SITE,
            },
        )
        self.button("wh.manager", "scm.project.fault", fault_id, "action_sign_pm")
        self.button("wh.consultant", "scm.project.fault", fault_id, "action_send")
        self.button("mcd.tsms", "scm.project.fault", fault_id, "action_receive")
        diagnosis = self.my_activities("mcd.tsms", "scm.project.fault", fault_id)
        self.assertEqual(len(diagnosis), 1)
        self.write_as(
            "mcd.tsms",
            "scm.project.fault",
            fault_id,
            {"cause": "software", "handling": "转质检部确认修改"},
        )
        self.button("mcd.tsms", "scm.project.fault", fault_id, "action_diagnose")
        self.assertFalse(self.my_activities("mcd.tsms", "scm.project.fault", fault_id))
        self.write_as(
            "qc.manager",
            "scm.project.fault",
            fault_id,
            {"qc_result": "fixed", "qc_note": "软件部已修复, V6.2.1"},
        )
        self.button("qc.manager", "scm.project.fault", fault_id, "action_qc_result")
        self.assertEqual(
            self.read_as("audit.staff", "scm.project.fault", fault_id, ["state"])[
                "state"
            ],
            "qc_done",
        )
        # Audit reads, changes nothing.
        self.call(
            "audit.staff",
            "scm.project.fault",
            "write",
            [[fault_id], {"symptom": "改了"}],
            expect_error=True,
        )
        self.write_as(
            "mcd.tsms",
            "scm.project.fault",
            fault_id,
            {"closing_note": "已升级到 V6.2.1, 请通知客户"},
        )
        self.button("mcd.tsms", "scm.project.fault", fault_id, "action_close")
        self.assertEqual(
            self.read_as("wh.consultant", "scm.project.fault", fault_id, ["state"])[
                "state"
            ],
            "closed",
        )

        # 10. Time passes: the initialisation was completed four months ago,
        # the contract's free run-in is over (a sudo write of the run-in start
        # stands for the months of the run-in).
        project.sudo().write({"scm_runin_start": self.today - relativedelta(months=4)})
        self.env.flush_all()

        # 11. PRJ-SC-08: the customer signs the acceptance: the contract enters
        # its paid service period.
        acceptance_id = self.create_as(
            "wh.manager",
            "scm.project.acceptance",
            {"project_id": project_id, "scope": "采购、销售、库存、财务模块"},
        )
        self.customer_signs(
            "wh.manager",
            "scm.project.acceptance",
            acceptance_id,
            "刘建国（总经理）",
            sealed=True,
        )
        self.assertEqual(
            self.read_as("wh.manager", "scm.contract", contract_id, ["stage"])["stage"],
            "paid_service",
        )
        self.assertEqual(
            self.read_as("wh.manager", "project.project", project_id, ["scm_phase"])[
                "scm_phase"
            ],
            "accepted",
        )

        # 12. PRJ-TRK-09: the run-in payment fell due at the run-in's end and
        # is overdue: finance.staff chases it, the PM reports within a day.
        runin_payment = contract.milestone_ids.filtered(
            lambda m: m.trigger == "runin_end"
        )
        self.assertTrue(runin_payment.overdue)
        reminder_id = self.create_as(
            "finance.staff",
            "scm.project.payment.reminder",
            {
                "project_id": project_id,
                "milestone_id": runin_payment.id,
                "note": "请于本周内回款。",
            },
        )
        report_due = self.my_activities(
            "wh.manager", "scm.project.payment.reminder", reminder_id
        )
        self.assertEqual(len(report_due), 1)
        self.assertLessEqual(
            fields.Date.to_date(report_due[0]["date_deadline"]),
            self.today + timedelta(days=1),
        )
        self.write_as(
            "wh.manager",
            "scm.project.payment.reminder",
            reminder_id,
            {"pm_report": "客户财务月底付款，已约定付款日期。"},
        )
        self.button(
            "wh.manager",
            "scm.project.payment.reminder",
            reminder_id,
            "action_submit_report",
        )
        self.assertFalse(
            self.my_activities(
                "wh.manager", "scm.project.payment.reminder", reminder_id
            )
        )
        self.button(
            "finance.staff",
            "scm.project.payment.reminder",
            reminder_id,
            "action_forward_report",
        )

        # 13. PRJ-HAND-02: the handover form, signed by both sides.
        handover_id = self.create_as(
            "wh.manager", "scm.project.handover", {"project_id": project_id}
        )
        line_ids = self.read_as(
            "wh.manager", "scm.project.handover", handover_id, ["line_ids"]
        )["line_ids"]
        self.write_as(
            "wh.manager",
            "scm.project.handover",
            handover_id,
            {"line_ids": [(1, line, {"handed_over": True}) for line in line_ids]},
        )
        self.button(
            "wh.manager",
            "scm.project.handover",
            handover_id,
            "action_sign_implementation",
        )
        self.button(
            "wh.consultant2", "scm.project.handover", handover_id, "action_sign_service"
        )
        self.assertTrue(
            self.read_as(
                "wh.manager",
                "scm.project.handover",
                handover_id,
                ["scm_signatures_complete"],
            )["scm_signatures_complete"]
        )

        # 14. PRJ-TRK-10/11: everything collected and verified by Finance, the
        # execution sheet verified by MCD.
        for milestone in contract.milestone_ids.filtered(
            lambda m: m.trigger != "signature"
        ):
            self.create_as(
                "finance.staff",
                "scm.contract.payment",
                {
                    "contract_id": contract_id,
                    "milestone_id": milestone.id,
                    "amount": milestone.amount,
                    "date": today,
                },
            )
        self.button(
            "finance.staff",
            "project.project",
            project_id,
            "action_scm_verify_collection",
        )
        sheet_id = self.search_as(
            "mcd.manager",
            "scm.project.execution.sheet",
            [("project_id", "=", project_id)],
        )[0]
        self.button(
            "mcd.manager",
            "scm.project.execution.sheet",
            sheet_id,
            "action_scm_verify",
            today,
            today,
            "good",
            "按期完成。",
        )

        # 15. SUP-EPM-04: the closing notice, signed by MCD, Finance and
        # Audit, closes the project.
        closing_id = self.create_as(
            "mcd.manager",
            "scm.project.closing",
            {"project_id": project_id, "summary": "按期完成，质量良好。"},
        )
        line_ids = self.read_as(
            "mcd.manager", "scm.project.closing", closing_id, ["line_ids"]
        )["line_ids"]
        self.write_as(
            "mcd.manager",
            "scm.project.closing",
            closing_id,
            {"line_ids": [(1, line, {"archived": True}) for line in line_ids]},
        )
        self.button("mcd.manager", "scm.project.closing", closing_id, "action_sign_mcd")
        self.button(
            "finance.staff", "scm.project.closing", closing_id, "action_sign_finance"
        )
        self.button(
            "audit.staff", "scm.project.closing", closing_id, "action_sign_audit"
        )
        self.call(
            "wh.manager",
            "scm.project.closing",
            "action_close_project",
            [[closing_id]],
            expect_error=True,
        )
        self.button(
            "mcd.manager", "scm.project.closing", closing_id, "action_close_project"
        )
        values = self.read_as(
            "wh.manager",
            "project.project",
            project_id,
            ["scm_phase", "scm_closed_date"],
        )
        self.assertEqual(values["scm_phase"], "closed")
        self.assertEqual(values["scm_closed_date"], today)
        self.assertEqual(
            self.read_as("mcd.manager", "scm.project.closing", closing_id, ["state"])[
                "state"
            ],
            "closed",
        )
        closing_notice = self.env["scm.notice"].search(
            [("res_model", "=", "project.project"), ("res_id", "=", project_id)],
            order="id desc",
            limit=1,
        )
        self.assertIn(
            ref("scm_base.user_mcd_manager").partner_id, closing_notice.recipient_ids
        )
        # A closed project's documents are frozen.
        self.call(
            "wh.manager",
            "scm.project.acceptance",
            "write",
            [[acceptance_id], {"scope": "改"}],
            expect_error=True,
        )
