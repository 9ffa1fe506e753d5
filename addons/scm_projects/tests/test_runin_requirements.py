from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.runin_priority_mixin import runin_priority
from .runin_common import RuninCase


@tagged("post_install", "-at_install")
class TestRuninRequirements(RuninCase):
    """PRJ-RUN-07/08 and SUP-REQ-02: improvement suggestions and new
    customer needs of the run-in."""

    # -- SUP-REQ-02 ----------------------------------------------------------------
    def test_sup_req_02_priority_from_importance_and_urgency(self):
        """SUP-REQ-02: the priority is computed from the pair."""
        self.assertEqual(runin_priority("critical", "very_urgent"), "p1")
        self.assertEqual(runin_priority("critical", "urgent"), "p2")
        self.assertEqual(runin_priority("important", "urgent"), "p3")
        self.assertEqual(runin_priority("normal", "urgent"), "p4")
        self.assertEqual(runin_priority("normal", "normal"), "p4")
        self.assertFalse(runin_priority("normal", False))

    # -- PRJ-RUN-07 ----------------------------------------------------------------
    def new_suggestion(self, **vals):
        Suggestion = self.as_client(
            self.env["scm.project.suggestion"], self.wh_consultant
        )
        return Suggestion.create(
            {
                "project_id": self.project.id,
                "name": "库存查询加仓库筛选",
                "description": "库存查询无法按仓库筛选, 操作员需逐页查找",
                **vals,
            }
        )

    def test_prj_run_07_suggestion_chain(self):
        """PRJ-RUN-07: due to the TSMS = discovery + 1 WD (the reporter owes
        it), the TSMS hands over to MRD the same day, MRD's result due =
        receipt + 3 WD; importance and urgency required on submission
        (SUP-REQ-02); a daily-efficiency defect needs a solution and a
        target date; the schedule date is required after triage."""
        suggestion = self.new_suggestion()
        due = suggestion._scm_deadlines("PRJ-RUN-07")
        self.assertEqual(due.user_id, self.wh_consultant)
        self.assertEqual(
            due.due_date,
            self.Workday.add_working_days(self.today, 1, suggestion.company_id),
        )
        as_reporter = self.as_client(suggestion, self.wh_consultant)
        with self.assertRaisesRegex(UserError, "SUP-REQ-02"):
            as_reporter.action_submit()
        as_reporter.write({"importance": "critical", "urgency": "urgent"})
        self.assertEqual(suggestion.priority, "p2")
        as_reporter.action_submit()
        self.assertEqual(suggestion.state, "submitted")
        self.assertFalse(suggestion._scm_deadlines("PRJ-RUN-07"))
        # Only the TSMS hands it over.
        self.assertDenied(self.as_client(suggestion, self.wh_manager).action_handover)
        self.as_client(suggestion, self.tsms).action_handover()
        self.assertEqual(suggestion.state, "mrd")
        self.assertFalse(suggestion.handover_late)
        mrd_due = suggestion._scm_deadlines("PRJ-RUN-07.2")
        self.assertEqual(mrd_due.user_id, self.mrd_manager)
        self.assertEqual(
            mrd_due.due_date,
            self.Workday.add_working_days(
                suggestion.handover_date, 3, suggestion.company_id
            ),
        )
        as_mrd = self.as_client(suggestion, self.mrd_manager)
        as_mrd.write({"impact": "daily"})
        with self.assertRaisesRegex(UserError, "solution and a target date"):
            as_mrd.action_result()
        as_mrd.write({"solution": "增加仓库筛选条件", "target_date": self.today})
        with self.assertRaisesRegex(UserError, "schedule date"):
            as_mrd.action_result()
        as_mrd.write({"schedule_date": self.today, "result": "下周发布补丁"})
        as_mrd.action_result()
        self.assertEqual(suggestion.state, "done")
        self.assertFalse(suggestion.upgrade_backlog)
        self.assertFalse(suggestion._scm_deadlines("PRJ-RUN-07.2"))
        self.assertIn(
            self.wh_manager.partner_id, self.notices(suggestion).recipient_ids
        )

    def test_prj_run_07_not_daily_goes_to_upgrade_backlog(self):
        """PRJ-RUN-07: a defect that does not affect daily efficiency is
        solved in an upgrade (backlog flag)."""
        suggestion = self.new_suggestion(importance="normal", urgency="normal")
        self.as_client(suggestion, self.wh_consultant).action_submit()
        self.as_client(suggestion, self.tsms).action_handover()
        as_mrd = self.as_client(suggestion, self.mrd_manager)
        as_mrd.write({"impact": "upgrade", "schedule_date": self.today})
        as_mrd.action_result()
        self.assertTrue(suggestion.upgrade_backlog)
        # The reporter no longer edits it; TSMS cannot answer for MRD.
        with self.assertRaises(UserError):
            self.as_client(suggestion, self.wh_consultant).write({"name": "改"})

    # -- PRJ-RUN-08 ----------------------------------------------------------------
    def received_need(self, classification=None, **vals):
        Need = self.as_client(self.env["scm.project.need"], self.wh_consultant)
        need = Need.create(
            {
                "project_id": self.project.id,
                "name": "按门店统计毛利",
                "description": "客户希望按门店统计毛利",
                "importance": "important",
                "urgency": "urgent",
                **vals,
            }
        )
        self.as_client(need, self.wh_consultant).action_submit()
        as_mrd = self.as_client(need, self.mrd_manager)
        as_mrd.action_receive()
        if classification:
            as_mrd.write(
                {"classification": classification, "schedule_date": self.today}
            )
        return need

    def test_prj_run_08_classification_required(self):
        """PRJ-RUN-08: MRD classifies before triage; importance and urgency
        are required on submission (SUP-REQ-02)."""
        Need = self.as_client(self.env["scm.project.need"], self.wh_consultant)
        need = Need.create(
            {"project_id": self.project.id, "name": "需求", "description": "x"}
        )
        with self.assertRaisesRegex(UserError, "SUP-REQ-02"):
            self.as_client(need, self.wh_consultant).action_submit()
        need = self.received_need()
        with self.assertRaisesRegex(UserError, "PRJ-RUN-08"):
            self.as_client(need, self.mrd_manager).action_triage()
        self.assertDenied(self.as_client(need, self.wh_consultant).action_triage)

    def test_prj_run_08_a_free_solution_due_in_3_wd(self):
        """PRJ-RUN-08 (a): solution due = MRD receipt + 3 WD, marked free."""
        need = self.received_need("a")
        as_mrd = self.as_client(need, self.mrd_manager)
        as_mrd.action_triage()
        self.assertTrue(need.free)
        due = need._scm_deadlines("PRJ-RUN-08")
        self.assertEqual(
            due.due_date,
            self.Workday.add_working_days(need.received_date, 3, need.company_id),
        )
        with self.assertRaises(UserError):
            as_mrd.action_agree_solution()
        as_mrd.write({"solution": "新增门店毛利报表", "target_date": self.today})
        as_mrd.action_agree_solution()
        self.assertEqual(need.state, "development")
        self.assertFalse(need._scm_deadlines("PRJ-RUN-08"))

    def test_prj_run_08_b_requires_mrd_decision(self):
        """PRJ-RUN-08 (b): MRD decides whether to develop."""
        need = self.received_need("b")
        as_mrd = self.as_client(need, self.mrd_manager)
        as_mrd.action_triage()
        self.assertEqual(need.state, "triaged")
        self.assertDenied(self.as_client(need, self.wh_manager).action_mrd_develop)
        as_mrd.action_mrd_not_develop()
        self.assertEqual(need.mrd_decision, "not_develop")
        self.assertEqual(need.state, "not_developed")

    def test_prj_run_08_c_requires_approval_before_development(self):
        """PRJ-RUN-08 (c): developed free only after the approval record."""
        need = self.received_need("c")
        self.as_client(need, self.mrd_manager).action_triage()
        self.assertEqual(need.approval_state, "pending")
        self.assertNotEqual(need.state, "development")
        self.assertDenied(self.as_client(need, self.mrd_manager).action_approve)
        with self.assertRaises(UserError):
            need._runin_check_free_development()
        self.as_client(need, self.cc_manager).action_approve()
        self.assertEqual(need.approval_state, "approved")
        self.assertEqual(need.approved_by_id, self.cc_manager)
        self.assertEqual(need.state, "development")
        self.assertTrue(need.free)

    def test_prj_run_08_d_creates_r_contract_opportunity(self):
        """PRJ-RUN-08 (d): an R-contract opportunity for the project's
        customer and branch, owned by the PM; no free development."""
        need = self.received_need("d")
        as_mrd = self.as_client(need, self.mrd_manager)
        as_mrd.action_triage()
        lead = need.sudo().lead_id
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, self.chufeng)
        self.assertEqual(lead.company_id, self.wuhan)
        self.assertEqual(lead.user_id, self.wh_manager)
        self.assertTrue(lead.name.startswith("R 合同"))
        self.assertEqual(need.state, "r_contract")
        self.assertFalse(need.free)
        with self.assertRaisesRegex(UserError, "R contract"):
            need._runin_check_free_development()
        self.assertDenied(as_mrd.action_agree_solution)

    def test_prj_run_08_other_branch_denied(self):
        """PRJ-RUN-08: Beijing neither sees nor reports Wuhan's needs."""
        need = self.received_need()
        self.assertDenied(self.as_client(need, self.bj_manager).read, ["name"])
        Need = self.as_client(self.env["scm.project.need"], self.bj_manager)
        self.assertDenied(
            Need.create,
            {"project_id": self.project.id, "name": "x", "description": "x"},
        )
