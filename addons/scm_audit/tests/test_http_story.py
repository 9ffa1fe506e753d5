from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import users_read_english
from odoo.addons.scm_base.tests.jsonrpc import JsonRpcStoryCase


@tagged("post_install", "-at_install")
class TestAuditStoryThroughTheWeb(JsonRpcStoryCase):
    """Issue 14's "done when", driven as the web client drives it: every
    step is a JSON-RPC call in the acting user's own login session on the
    demo database (logins are the passwords)."""

    def setUp(self):
        super().setUp()
        ref = self.env.ref
        if not ref("scm_audit.report_wh_q4", raise_if_not_found=False):
            self.skipTest("scm_audit was installed without its demo data")
        users_read_english(self.env)
        self.wuhan = ref("scm_base.company_wh")
        self.beijing = ref("scm_base.company_bj")
        self.wh_manager = ref("scm_base.user_wh_manager")
        self.wh_consultant = ref("scm_base.user_wh_consultant")
        self.today = fields.Date.context_today(self.env["scm.audit.report"])
        self.now = fields.Datetime.now()
        # Two facts the other addons record, as they would have happened:
        # wh.consultant let the 2-working-day meeting minutes of a visit to
        # 长江纺织 pass three days ago (SAL-VISIT-06), and a payment of
        # 长江纺织's contract fell due ten days ago without the PM's report.
        self.project = ref("scm_projects.project_wh_changjiang")
        customer = self.project.partner_id
        self.missed = (
            self.env["scm.deadline"]
            .sudo()
            .create(
                {
                    "name": "提交长江纺织走访会议纪要",
                    "rule_code": "SAL-VISIT-06",
                    "res_model": "res.partner",
                    "res_id": customer.id,
                    "res_name": customer.display_name,
                    "company_id": self.wuhan.id,
                    "user_id": self.wh_consultant.id,
                    "unit": "working_days",
                    "amount": 2,
                    "start_date": self.now - timedelta(days=6),
                    "due_date": self.now - timedelta(days=3),
                }
            )
        )
        self.payment = (
            self.env["scm.contract.milestone"]
            .sudo()
            .create(
                {
                    "contract_id": self.project.scm_contract_id.id,
                    "name": "系统初始化完成后付款",
                    "amount": 50000.0,
                    "trigger": "date",
                    "due_date": self.today - timedelta(days=10),
                }
            )
        )

    def open_wizard(self, login, action, values):
        """A button that opens a dialog: the dialog is created with the
        action's context and its confirming button is clicked."""
        context = action.get("context") or {}
        wizard_id = self.create_as(login, action["res_model"], values, context)
        return wizard_id, context

    def test_issue_14_done_when(self):
        """AUD-CTR-03/04, AUD-GEN-02/03/04, AUD-ESC-01, AUD-SAT-02, ORG-RULE-12:
        audit.staff opens the work queue and confirms the proposals from a
        missed deadline and from an overdue collection; the audited manager
        gives his rectification plan in his own login; the re-check closes
        it; a recurrence is proposed at level 2; a survey scored below 60
        reaches the branch manager with its 3-day measures deadline; the
        month's assessment report shows each person's entries."""
        # 1. The work queue: "Detect Now", then the two facts are proposed.
        self.call("audit.staff", "scm.audit.proposal", "action_scm_detect", [[]])
        queue = self.call(
            "audit.staff",
            "scm.audit.proposal",
            "search_read",
            [[("state", "=", "proposed")], ["fact_key", "kind", "user_id"]],
        )
        by_key = {row["fact_key"]: row for row in queue}
        deadline_row = by_key[f"deadline:{self.missed.id}"]
        collection_row = by_key[f"collection:milestone:{self.payment.id}"]
        self.assertEqual(deadline_row["kind"], "deadline")
        self.assertEqual(deadline_row["user_id"][0], self.wh_consultant.id)
        self.assertEqual(collection_row["user_id"][0], self.wh_manager.id)
        # The audited do not see the queue at all.
        self.call(
            "wh.manager",
            "scm.audit.proposal",
            "search_read",
            [[], ["name"]],
            expect_error=True,
        )

        # 2. audit.staff confirms both (the list's "Confirm as Findings").
        action = self.call(
            "audit.staff",
            "scm.audit.proposal",
            "action_confirm_wizard",
            [[deadline_row["id"], collection_row["id"]]],
        )
        wizard_id, context = self.open_wizard("audit.staff", action, {})
        result = self.call(
            "audit.staff",
            "scm.audit.decision.wizard",
            "action_decide",
            [[wizard_id]],
            {"context": context},
        )
        findings = self.call(
            "audit.staff",
            "scm.audit.finding",
            "search_read",
            [result["domain"], ["origin", "report_id", "audited_user_id", "state"]],
        )
        self.assertEqual(
            sorted(f["origin"] for f in findings), ["collection", "deadline"]
        )
        report_id = findings[0]["report_id"][0]
        self.assertEqual({f["report_id"][0] for f in findings}, {report_id})
        collection = next(f for f in findings if f["origin"] == "collection")
        repeated = next(f for f in findings if f["origin"] == "deadline")

        # 3. The report is confirmed: the month's assessment entries (AUD-GEN-02).
        self.button("audit.staff", "scm.audit.report", report_id, "action_confirm")
        report = self.read_as(
            "wh.manager", "scm.audit.report", report_id, ["name", "state"]
        )
        self.assertEqual(report["state"], "confirmed")

        # 4. The audited manager gives his plan in his own login (AUD-GEN-03);
        # his consultant cannot give it for him, Beijing does not see it.
        self.button(
            "wh.consultant",
            "scm.audit.finding",
            collection["id"],
            "action_scm_submit_rectification",
            "x",
            str(self.today),
            expect_error=True,
        )
        self.call(
            "bj.manager",
            "scm.audit.finding",
            "read",
            [[collection["id"]], ["title"]],
            expect_error=True,
        )
        action = self.button(
            "wh.manager",
            "scm.audit.finding",
            collection["id"],
            "action_rectification_wizard",
        )
        wizard_id, context = self.open_wizard(
            "wh.manager",
            action,
            {
                "plan": "与长江纺织财务约定本周内付款；今后到期前提醒客户。",
                "due": str(self.today),
            },
        )
        self.call(
            "wh.manager",
            "scm.audit.rectification.wizard",
            "action_submit",
            [[wizard_id]],
            {"context": context},
        )
        finding = self.read_as(
            "wh.manager",
            "scm.audit.finding",
            collection["id"],
            ["state", "rectification_due"],
        )
        self.assertEqual(finding["state"], "planned")
        # The re-check is in audit.staff's activities on the plan's date.
        recheck = self.my_deadlines(
            "audit.staff", "scm.audit.finding", collection["id"]
        )
        self.assertEqual([a["date_deadline"] for a in recheck], [str(self.today)])

        # 5. The re-check closes it (AUD-GEN-04).
        action = self.button(
            "audit.staff",
            "scm.audit.finding",
            collection["id"],
            "action_recheck_wizard",
        )
        wizard_id, context = self.open_wizard(
            "audit.staff", action, {"result": "passed", "note": "款项已到账。"}
        )
        self.call(
            "audit.staff",
            "scm.audit.recheck.wizard",
            "action_record",
            [[wizard_id]],
            {"context": context},
        )
        self.assertEqual(
            self.read_as(
                "wh.manager", "scm.audit.finding", collection["id"], ["state"]
            )["state"],
            "closed",
        )

        # 6. A recurrence: another SAL-VISIT-06 finding against wh.consultant
        # this year, opened on the record, is proposed at level 2 (AUD-ESC-01).
        customer = self.project.partner_id
        context = {"active_model": "res.partner", "active_id": customer.id}
        wizard_id = self.create_as(
            "audit.staff",
            "scm.audit.finding.open.wizard",
            {
                "company_id": self.wuhan.id,
                "audited_user_id": self.wh_consultant.id,
                "rule_code": "SAL-VISIT-06",
                "title": "走访会议纪要再次逾期",
                "description": "又一次走访后两个工作日内未提交会议纪要。",
            },
            context,
        )
        opened = self.call(
            "audit.staff",
            "scm.audit.finding.open.wizard",
            "action_open",
            [[wizard_id]],
            {"context": context},
        )
        second = self.read_as(
            "audit.staff",
            "scm.audit.finding",
            opened["res_id"],
            ["proposed_level", "recurrence_finding_id", "res_model"],
        )
        self.assertEqual(second["proposed_level"], "2")
        self.assertEqual(second["recurrence_finding_id"][0], repeated["id"])
        self.assertEqual(second["res_model"], "res.partner")

        # 7. This quarter's survey of a Wuhan customer scores 58: wh.manager is
        # notified and owes his measures within 3 days (AUD-SAT-02).
        survey_id = self.create_as(
            "audit.staff",
            "scm.satisfaction.survey",
            {"company_id": self.wuhan.id, "method": "paper", "score": 58},
        )
        self.button("audit.staff", "scm.satisfaction.survey", survey_id, "action_draw")
        self.button(
            "audit.staff", "scm.satisfaction.survey", survey_id, "action_complete"
        )
        survey = self.read_as(
            "wh.manager",
            "scm.satisfaction.survey",
            survey_id,
            ["result", "notice_date", "measures_due", "recheck_due", "draw_seed"],
        )
        self.assertEqual(survey["result"], "poor")
        self.assertTrue(survey["draw_seed"])
        notified = fields.Datetime.to_datetime(survey["notice_date"])
        self.assertEqual(
            self.env["scm.workday"]._local_date(
                fields.Datetime.to_datetime(survey["measures_due"]), self.wuhan
            ),
            self.env["scm.workday"]._local_date(notified, self.wuhan)
            + timedelta(days=3),
        )
        measures = self.my_deadlines("wh.manager", "scm.satisfaction.survey", survey_id)
        self.assertEqual(len(measures), 1)
        notice = self.call(
            "wh.manager",
            "scm.notice",
            "search_read",
            [
                [
                    ("res_model", "=", "scm.satisfaction.survey"),
                    ("res_id", "=", survey_id),
                    ("recipient_ids", "in", [self.wh_manager.partner_id.id]),
                ],
                ["name"],
            ],
        )
        self.assertTrue(notice)

        # 8. The month's assessment (ORG-RULE-12): each person's entries.
        month = str(self.today.replace(day=1))
        rows = self.call(
            "audit.staff",
            "scm.assessment.month",
            "search_read",
            [
                [
                    ("period", "=", month),
                    ("user_id", "in", [self.wh_manager.id, self.wh_consultant.id]),
                ],
                ["user_id", "finding_count", "audit_entry_count"],
            ],
        )
        by_user = {row["user_id"][0]: row for row in rows}
        self.assertGreaterEqual(by_user[self.wh_manager.id]["audit_entry_count"], 1)
        self.assertGreaterEqual(by_user[self.wh_consultant.id]["finding_count"], 1)
        self.authenticate("audit.staff", "audit.staff")
        ids = ",".join(str(row["id"]) for row in rows)
        html = self.url_open(
            f"/report/html/scm_audit.report_scm_assessment_month/{ids}"
        ).text
        self.assertIn(self.wh_consultant.name, html)
        self.assertIn("SAL-VISIT-06", html)
