from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .closing_common import ScmClosingCase


@tagged("post_install", "-at_install")
class TestClosingCollection(ScmClosingCase):
    """Collection after acceptance: PRJ-SC-09, PRJ-TRK-09, PRJ-TRK-11."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.closing_project()

    def setUp(self):
        super().setUp()
        self.end_runin(self.project)
        self.acceptance = self.accept(self.project)
        # The run-in payment fell due at the run-in's end: it is overdue; the
        # acceptance payment falls due today and is not.
        self.overdue = self.milestone(self.project, "runin_end")
        self.not_due = self.milestone(self.project, "acceptance")

    def remind(self, milestone=None, user=None):
        return self.as_client(self.Reminder, user or self.finance).create(
            {
                "project_id": self.project.id,
                "milestone_id": (milestone or self.overdue).id,
                "note": "请于本周内回款。",
            }
        )

    def test_prj_trk_09_reminder_only_for_overdue_receivable(self):
        """PRJ-TRK-09: an overdue receivable lets Finance create a reminder;
        a payment not overdue does not."""
        self.assertTrue(self.overdue.overdue)
        self.assertFalse(self.not_due.overdue)
        with self.assertRaisesRegex(UserError, "not overdue"):
            self.remind(self.not_due)
        reminder = self.remind()
        self.assertEqual(reminder.state, "issued")
        self.assertEqual(reminder.pm_id, self.wh_manager)
        self.assertTrue(reminder.name.startswith("PR-"))
        # Another contract's payment is refused.
        other = self.closing_project(title="另一合同")
        with self.assertRaisesRegex(UserError, "not a payment of the contract"):
            self.remind(self.milestone(other, "signature"))

    def test_prj_trk_09_reminder_creates_pm_report_due_in_1_day(self):
        """PRJ-TRK-09: the reminder creates a PM report task due in 1 day."""
        reminder = self.remind()
        deadline = reminder._scm_deadlines("PRJ-TRK-09")
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.user_id, self.wh_manager)
        self.assertEqual(deadline.unit, "calendar_days")
        self.assertEqual(deadline.amount, 1)
        self.assertEqual(
            deadline.due_date,
            self.env["scm.workday"].compute_due(
                "calendar_days", 1, deadline.start_date, self.wuhan
            ),
        )
        self.assertLess(deadline.due_date - deadline.start_date, timedelta(days=2))
        self.assertTrue(deadline.activity_id)
        self.assertEqual(deadline.activity_id.user_id, self.wh_manager)

    def test_prj_trk_09_report_and_3_forwards(self):
        """PRJ-TRK-09: the PM's written report closes the deadline; Finance
        forwards it: 3 forward copies (MCD, MSD, Supervision)."""
        reminder = self.remind()
        pm_view = self.as_client(reminder, self.wh_manager)
        with self.assertRaisesRegex(UserError, "Write the report"):
            pm_view.action_submit_report()
        with self.assertRaisesRegex(UserError, "project manager"):
            self.as_client(reminder, self.finance).write({"pm_report": "代写"})
        with self.assertRaisesRegex(UserError, "PM has reported"):
            self.as_client(reminder, self.finance).action_forward_report()
        pm_view.write({"pm_report": "客户资金周转困难，已约定下周一付款。"})
        pm_view.action_submit_report()
        self.assertEqual(reminder.state, "reported")
        self.assertFalse(reminder._scm_deadlines("PRJ-TRK-09"))
        self.assertEqual(
            reminder._scm_deadlines("PRJ-TRK-09", state="done").user_id,
            self.wh_manager,
        )
        with self.assertRaisesRegex(UserError, "already submitted"):
            pm_view.write({"pm_report": "改"})
        with self.assertRaisesRegex(UserError, "Only Finance"):
            pm_view.action_forward_report()
        self.as_client(reminder, self.finance).action_forward_report()
        self.assertEqual(reminder.state, "forwarded")
        self.assertEqual(len(reminder.scm_distribution_ids), 3)
        self.assertEqual(
            reminder.scm_distribution_ids.recipient_department_id,
            self.unit["mcd"] | self.unit["msd"] | self.unit["supervision_center"],
        )

    def test_aud_ctr_03_missing_report_shows_as_overdue_deadline(self):
        """PRJ-TRK-09 / AUD-CTR-03: missing the report flags the PM: the
        report deadline turns overdue."""
        reminder = self.remind()
        self.assertFalse(reminder.report_overdue)
        reminder._scm_deadlines("PRJ-TRK-09").write(
            {"due_date": fields.Datetime.now() - timedelta(hours=2)}
        )
        reminder.invalidate_recordset()
        self.assertTrue(reminder.report_overdue)
        self.assertIn(
            reminder, self.Reminder.search([("scm_deadline_overdue", "=", True)])
        )

    def test_prj_trk_09_security(self):
        """finance.staff creates reminders; wh.consultant and the PM cannot;
        Beijing sees nothing; a forged context or step field is refused."""
        for user in (self.wh_consultant, self.wh_manager, self.bj_manager):
            with self.assertRaises(UserError):
                self.remind(user=user)
        reminder = self.remind()
        with self.assertRaises(AccessError):
            self.as_client(reminder, self.bj_manager).read(["name"])
        self.assertEqual(self.as_client(reminder, self.auditor).name, reminder.name)
        with self.assertRaises(UserError):
            self.as_client(reminder, self.finance).write({"state": "forwarded"})
        with self.assertRaises(UserError):
            self.as_client(reminder, self.wh_manager).write(
                {"milestone_id": self.not_due.id}
            )
        with self.assertRaises(UserError):
            self.as_client(self.Reminder, self.finance).create(
                {
                    "project_id": self.project.id,
                    "milestone_id": self.overdue.id,
                    "pm_report": "伪造的报告",
                }
            )
        forged = (
            self.as_client(self.Reminder, self.finance)
            .with_context(default_state="forwarded")
            .create({"project_id": self.project.id, "milestone_id": self.overdue.id})
        )
        self.assertEqual(forged.state, "issued")
        with self.assertRaises(UserError):
            self.as_client(reminder, self.finance).unlink()

    def test_prj_sc_09_open_receivables_show_branch_as_collector(self):
        """PRJ-SC-09: open receivables of an accepted project show the branch
        as collector; Finance and Audit read and monitor them."""
        self.assertTrue(self.project.scm_open_receivable)
        self.assertEqual(self.project.scm_collector_id, self.wuhan)
        for user in (self.finance, self.auditor):
            found = self.as_client(self.Project, user).search(
                [("scm_open_receivable", "=", True)]
            )
            self.assertIn(self.project, found)
        # A project still in its run-in is not collected by the branch yet.
        running = self.end_runin(self.closing_project(title="磨合中"), months_ago=1)
        self.assertFalse(running.scm_open_receivable)
        self.assertFalse(running.scm_collector_id)
        self.collect_all(self.project)
        self.assertFalse(self.project.scm_open_receivable)

    def test_prj_trk_11_finance_verifies_full_collection(self):
        """PRJ-TRK-11: a project can be financially closed only after the
        Finance verification, which notifies MCD, MSD and Supervision."""
        self.assertIn(
            "Finance has not verified full collection.",
            self.project._scm_closing_blockers(),
        )
        finance_view = self.as_client(self.project, self.finance)
        with self.assertRaisesRegex(UserError, "outstanding"):
            finance_view.action_scm_verify_collection()
        self.collect_all(self.project)
        with self.assertRaisesRegex(UserError, "Only Finance"):
            self.as_client(self.project, self.wh_manager).action_scm_verify_collection()
        with self.assertRaises(UserError):
            self.as_client(self.project, self.wh_manager).write(
                {"scm_collection_verified_date": self.today()}
            )
        finance_view.action_scm_verify_collection()
        self.assertEqual(self.project.scm_collection_verified_by_id, self.finance)
        self.assertNotIn(
            "Finance has not verified full collection.",
            self.project._scm_closing_blockers(),
        )
        notice = self.env["scm.notice"].search(
            [("res_model", "=", "project.project"), ("res_id", "=", self.project.id)]
        )
        self.assertEqual(len(notice), 1)
        self.assertEqual(
            notice.recipient_ids,
            self.mcd_manager.partner_id
            | self.msd_manager.partner_id
            | self.users["sc.manager"].partner_id,
        )
        with self.assertRaisesRegex(UserError, "already verified"):
            finance_view.action_scm_verify_collection()
