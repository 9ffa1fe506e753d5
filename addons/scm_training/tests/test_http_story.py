from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.jsonrpc import JsonRpcStoryCase

HEADINGS = {
    "purpose": "提高顾问的报价规范意识",
    "aims": "掌握报价流程与审批要求",
    "methods": "讲授与案例分析",
    "steps": "讲解流程、分析审计案例、笔试",
    "time_plan": "上午讲授，下午案例与笔试",
    "department_cooperation": "审计部提供案例",
    "staff_support": "培训专员负责通知与签到",
    "examination": "课后笔试，60 分及格",
    "funding": "分公司培训经费",
    "organisation": "分公司经理负责",
    "notes": "准时参加",
}


@tagged("post_install", "-at_install")
class TestTrainingStoryThroughTheWeb(JsonRpcStoryCase):
    """Issue 13's "done when", driven as the web client drives it: every
    step is a JSON-RPC call (`/web/dataset/call_kw`) in the acting user's own
    login session on the demo database (logins are the passwords)."""

    # -- the web client ----------------------------------------------------------
    def decide(self, login, model, record_id, comment, reject=False):
        """The approve (or reject) button opens the comment dialog, which is
        saved."""
        method = "reject_tier" if reject else "validate_tier"
        action = self.button(login, model, record_id, method)
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

    def lines(self, topic):
        return [
            (0, 0, {"month": str(month), "topics": f"{month} 月：{topic}"})
            for month in range(1, 13)
        ]

    def annual_plan(self, login, year, **vals):
        values = {
            "plan_type": "annual",
            "year": year,
            "requirements": "各部门培训要求：报价规范、产品知识",
            "line_ids": self.lines("SCMS 产品与报价培训"),
        }
        values.update(vals)
        return self.create_as(login, "scm.training.plan", values)

    # -- the story ------------------------------------------------------------------
    def test_issue_13_done_when(self):
        """TRN-PLAN-01, TRN-SM-01, TRN-PLAN-04/05, TRN-EVAL-02..06: the plan
        returned once then approved; the method and handout approved before
        the session date; after it the Training Dept manager records the
        trainer's evaluation and the exam; the failed trainee's retake is
        owed by the organiser within 7 days and the results reach the Audit
        Dept."""
        ref = self.env.ref
        wuhan = ref("scm_base.company_wh")
        year = 2028  # the demo holds the plans of 2027
        # The HQ overall plan of the year, approved by the President.
        hq_plan_id = self.annual_plan(
            "training.manager",
            year,
            company_id=ref("base.main_company").id,
            department_id=ref("scm_base.dept_training").id,
        )
        self.button(
            "training.manager", "scm.training.plan", hq_plan_id, "action_scm_submit"
        )
        self.decide("president", "scm.training.plan", hq_plan_id, "同意。")

        # 1. TRN-PLAN-01: wh.manager submits Wuhan's annual plan.
        plan_id = self.annual_plan("wh.manager", year, hq_plan_id=hq_plan_id)
        self.assertEqual(
            self.read_as("wh.manager", "scm.training.plan", plan_id, ["company_id"])[
                "company_id"
            ][0],
            wuhan.id,
        )
        self.button("wh.manager", "scm.training.plan", plan_id, "action_scm_submit")
        # Not his to approve; Beijing does not even see it.
        self.call(
            "wh.manager",
            "scm.training.plan",
            "validate_tier",
            [[plan_id]],
            expect_error=True,
        )
        self.call(
            "bj.manager",
            "scm.training.plan",
            "read",
            [[plan_id], ["name"]],
            expect_error=True,
        )
        # training.manager returns it once...
        self.decide(
            "training.manager",
            "scm.training.plan",
            plan_id,
            "三月份内容偏少，请补充。",
            reject=True,
        )
        plan = self.read_as(
            "wh.manager", "scm.training.plan", plan_id, ["stage", "line_ids"]
        )
        self.assertEqual(plan["stage"], "revise")
        revision = self.my_deadlines("wh.manager", "scm.training.plan", plan_id)
        self.assertEqual(len(revision), 1, "the revision is owed by wh.manager")
        # ... wh.manager revises March and resubmits; the revision is approved.
        march = self.call(
            "wh.manager",
            "scm.training.plan.line",
            "search",
            [[("plan_id", "=", plan_id), ("month", "=", "3")]],
        )
        self.call(
            "wh.manager",
            "scm.training.plan",
            "write",
            [
                [plan_id],
                {"line_ids": [(1, march[0], {"topics": "3 月：报价流程与案例演练"})]},
            ],
        )
        self.button("wh.manager", "scm.training.plan", plan_id, "action_scm_submit")
        self.assertFalse(self.my_deadlines("wh.manager", "scm.training.plan", plan_id))
        self.decide("training.manager", "scm.training.plan", plan_id, "同意。")
        plan = self.read_as(
            "wh.manager", "scm.training.plan", plan_id, ["stage", "approved_date"]
        )
        self.assertEqual(plan["stage"], "approved")
        self.assertTrue(plan["approved_date"])

        # 2. TRN-PLAN-04/05: a session of Wuhan five days ahead; its method and
        # handout are approved by its superior (training.manager, since
        # wh.manager organises it himself) before its date.
        today = fields.Date.context_today(
            self.env["scm.training.session"].with_user(ref("scm_base.user_wh_manager"))
        )
        session_day = today + timedelta(days=5)
        trainee_fail = ref("scm_base.employee_wh_consultant")
        trainee_pass = ref("scm_base.employee_wh_consultant2")
        session_id = self.create_as(
            "wh.manager",
            "scm.training.session",
            {
                "name": "武汉分公司 报价流程培训",
                "course_id": ref("scm_training.course_consultative_selling").id,
                "company_id": wuhan.id,
                "organiser_id": ref("scm_base.user_wh_manager").id,
                "trainer_id": ref("scm_base.employee_wh_manager").id,
                "authorized_by": ref("scm_base.employee_wh_manager").id,
                "start_date": str(session_day),
                "end_date": str(session_day),
                "cost": 0,
                "attendant_ids": [(6, 0, [trainee_fail.id, trainee_pass.id])],
            },
        )
        action = self.button(
            "wh.manager", "scm.training.session", session_id, "action_open_method"
        )
        method_id = action["res_id"]
        self.call("wh.manager", "scm.training.method", "write", [[method_id], HEADINGS])
        self.button("wh.manager", "scm.training.method", method_id, "action_scm_submit")
        self.decide("training.manager", "scm.training.method", method_id, "同意实施。")
        handout_id = self.create_as(
            "wh.manager",
            "scm.training.handout",
            {
                "name": "报价流程讲义",
                "session_id": session_id,
                "content": "<p>报价流程与审批</p>",
            },
        )
        self.button(
            "wh.manager", "scm.training.handout", handout_id, "action_scm_submit"
        )
        self.decide("training.manager", "scm.training.handout", handout_id, "同意。")
        session = self.read_as(
            "wh.manager",
            "scm.training.session",
            session_id,
            ["stage", "method_approved_date", "handout_approved_date"],
        )
        self.assertEqual(session["stage"], "handout_approved")
        for name in ("method_approved_date", "handout_approved_date"):
            self.assertLess(
                fields.Datetime.to_datetime(session[name]).date(), session_day, name
            )

        # 3. The session's day comes. The test cannot wait five days: it moves
        # the session to today and the two approvals, which the steps above
        # wrote five days ahead of it, two days back (as the demo does).
        approved = fields.Datetime.now() - timedelta(days=2)
        Session = self.env["scm.training.session"].sudo().browse(session_id)
        Session.write(
            {
                "start_date": today,
                "end_date": today,
                "method_approved_date": approved,
                "handout_approved_date": approved,
            }
        )
        Session.method_ids.write({"approved_date": approved})
        Session.handout_ids.write({"approved_date": approved})
        self.env.flush_all()
        self.button(
            "wh.manager", "scm.training.session", session_id, "action_scm_mark_held"
        )

        # 4. TRN-EVAL-01/02/06: training.manager records the trainer's
        # evaluation (qualified).
        evaluation_id = self.create_as(
            "training.manager",
            "scm.training.evaluation",
            {
                "session_id": session_id,
                "participant_ids": [(6, 0, [trainee_fail.id, trainee_pass.id])],
                "overall_result": "qualified",
                "conclusion": "讲授清楚，合格。",
            },
        )
        criteria = self.call(
            "training.manager",
            "scm.training.evaluation.line",
            "search",
            [[("evaluation_id", "=", evaluation_id)]],
        )
        self.call(
            "training.manager",
            "scm.training.evaluation",
            "write",
            [
                [evaluation_id],
                {"line_ids": [(1, line, {"score": 8}) for line in criteria]},
            ],
        )
        self.button(
            "training.manager",
            "scm.training.evaluation",
            evaluation_id,
            "action_confirm",
        )

        # 5. TRN-EVAL-03..05: the exam results; wh.consultant fails.
        exam_id = self.create_as(
            "training.manager",
            "scm.training.exam",
            {
                "session_id": session_id,
                "survey_id": ref("scm_training.paper_consultative_selling").id,
            },
        )
        results = {}
        for employee, score in ((trainee_fail, 45), (trainee_pass, 80)):
            results[employee] = self.create_as(
                "training.manager",
                "scm.training.exam.result",
                {"exam_id": exam_id, "employee_id": employee.id, "score": score},
            )
        self.button("training.manager", "scm.training.exam", exam_id, "action_confirm")
        self.assertEqual(
            self.read_as("wh.manager", "scm.training.session", session_id, ["stage"])[
                "stage"
            ],
            "examined",
        )
        failed = self.read_as(
            "training.manager",
            "scm.training.exam.result",
            results[trainee_fail],
            ["status", "retake_due_date"],
        )
        self.assertEqual(failed["status"], "retake_pending")
        due = str(today + timedelta(days=7))
        self.assertEqual(failed["retake_due_date"], due)
        # The retake deadline is on the organiser, who holds the retake ...
        retake = self.my_deadlines(
            "wh.manager", "scm.training.exam.result", results[trainee_fail]
        )
        self.assertEqual(len(retake), 1)
        self.assertIn(trainee_fail.name, retake[0]["summary"])
        # The activity is due from the trigger day; the deadline's own due
        # date is the 7th day (TRN-EVAL-05).
        deadline = (
            self.env["scm.training.exam.result"]
            .browse(results[trainee_fail])
            ._scm_deadlines("TRN-EVAL-05.1")
        )
        self.assertEqual(deadline.user_id, ref("scm_base.user_wh_manager"))
        self.assertEqual(
            str(self.env["scm.workday"]._local_date(deadline.due_date, wuhan)), due
        )
        # ... the failed trainee reads his result and follows it.
        own = self.call(
            "wh.consultant",
            "scm.training.exam.result",
            "search_read",
            [[("exam_id", "=", exam_id)], ["status", "retake_due_date"]],
        )
        self.assertEqual([line["status"] for line in own], ["retake_pending"])
        self.assertEqual(own[0]["retake_due_date"], due)

        # 6. TRN-EVAL-04/06: the results reach audit.staff in writing.
        audit_partner = ref("scm_base.user_audit_staff").partner_id.id
        notices = self.call(
            "audit.staff",
            "scm.notice",
            "search_read",
            [
                [
                    (
                        "res_model",
                        "in",
                        ("scm.training.exam", "scm.training.evaluation"),
                    ),
                    ("res_id", "in", (exam_id, evaluation_id)),
                    ("recipient_ids", "in", [audit_partner]),
                ],
                ["res_model", "body"],
            ],
        )
        self.assertEqual(
            sorted(n["res_model"] for n in notices),
            ["scm.training.evaluation", "scm.training.exam"],
        )
        exam_notice = next(n for n in notices if n["res_model"] == "scm.training.exam")
        self.assertIn(trainee_fail.name, exam_notice["body"])
        self.assertIn("45", exam_notice["body"])
        # Audit reads the results and cannot change them.
        audit_rows = self.call(
            "audit.staff",
            "scm.training.exam.result",
            "search_read",
            [[("exam_id", "=", exam_id)], ["employee_id", "score", "status"]],
        )
        self.assertEqual(len(audit_rows), 2)
        self.call(
            "audit.staff",
            "scm.training.exam.result",
            "write",
            [[results[trainee_fail]], {"note": "改"}],
            expect_error=True,
        )
