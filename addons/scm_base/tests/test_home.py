from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import ScmDocumentCase

FRIDAY_10AM_UTC = "2026-11-20 02:00:00"  # Friday 10:00 in Beijing
MONDAY_10AM_UTC = "2026-11-23 02:00:00"
WEDNESDAY_10AM_UTC = "2026-11-25 02:00:00"


def my_work(env, user):
    """The activities 'My Workbench' lists for `user`, as the web client
    evaluates its action."""
    action = env.ref("scm_base.action_scm_my_work")
    domain = safe_eval(action.domain, {"uid": user.id})
    return env["mail.activity"].with_user(user).search(domain)


@tagged("post_install", "-at_install")
class TestOverdueWithoutJob(ScmDocumentCase):
    def test_org_rule_10_past_due_is_overdue_without_the_job(self):
        """ORG-RULE-10: a deadline past due is overdue in the filter, the report
        by branch and person and the document's flag at once, without any
        scheduled job; met late, it keeps how late it was."""
        with freeze_time(FRIDAY_10AM_UTC):
            doc = self.new_document()
            doc._scm_deadline_open(
                "TEST-RULE-10", "录入客户档案", self.users["wh.consultant"], 1
            )
        deadline = doc._scm_deadlines("TEST-RULE-10")
        Deadline = self.env["scm.deadline"]
        # Due Monday 23:59 Beijing time: not late on Monday morning.
        with freeze_time(MONDAY_10AM_UTC):
            self.env.invalidate_all()
            self.assertFalse(deadline.is_overdue)
            self.assertFalse(doc.scm_deadline_overdue)
            self.assertNotIn(deadline, Deadline.search([("is_overdue", "=", True)]))
            self.assertIn(deadline, Deadline.search([("is_overdue", "=", False)]))
        with freeze_time(WEDNESDAY_10AM_UTC):
            self.env.invalidate_all()
            self.assertTrue(deadline.is_overdue)
            self.assertEqual(deadline.days_late, 2)
            self.assertTrue(doc.scm_deadline_overdue)
            self.assertIn(
                doc, self.Document.search([("scm_deadline_overdue", "=", True)])
            )
            # The report's action opens on the 'overdue' filter, by branch and
            # person.
            action = self.env.ref("scm_base.action_scm_deadline_overdue_report")
            self.assertIn("search_default_overdue", action.context)
            overdue = Deadline.with_user(self.users["wh.manager"]).search(
                [("is_overdue", "=", True), ("rule_code", "=", "TEST-RULE-10")]
            )
            self.assertEqual(overdue, deadline)
            groups = Deadline.read_group(
                [("is_overdue", "=", True), ("rule_code", "=", "TEST-RULE-10")],
                ["days_late:sum"],
                ["company_id", "user_id"],
                lazy=False,
            )
            self.assertEqual(
                [
                    (g["company_id"][0], g["user_id"][0], g["__count"], g["days_late"])
                    for g in groups
                ],
                [(self.wuhan.id, self.users["wh.consultant"].id, 1, 2)],
            )
            doc._scm_deadline_close("TEST-RULE-10")
        # Done two working days late: that stays, whatever the clock says.
        self.env.invalidate_all()
        self.assertEqual(deadline.state, "done")
        self.assertTrue(deadline.is_overdue)
        self.assertEqual(deadline.days_late, 2)
        self.assertTrue(deadline.done_late)
        self.assertIn(
            deadline,
            Deadline.search([("is_overdue", "=", True), ("state", "=", "done")]),
        )

    def test_org_rule_10_team_overdue_for_the_branch_manager(self):
        """ORG-RULE-10: a branch manager sees the overdue deadlines of his
        branch's people under 'My Team', another branch's manager does not."""
        with freeze_time(FRIDAY_10AM_UTC):
            doc = self.new_document()
            doc._scm_deadline_open(
                "TEST-TEAM", "录入客户档案", self.users["wh.consultant"], 1
            )
        deadline = doc._scm_deadlines("TEST-TEAM")
        domain = [("is_my_team", "=", True), ("is_overdue", "=", True)]
        with freeze_time(WEDNESDAY_10AM_UTC):
            Deadline = self.env["scm.deadline"]
            self.assertIn(
                deadline, Deadline.with_user(self.users["wh.manager"]).search(domain)
            )
            self.assertNotIn(
                deadline, Deadline.with_user(self.users["bj.manager"]).search(domain)
            )


@tagged("post_install", "-at_install")
class TestWaitingStepsAreActivities(ScmDocumentCase):
    @freeze_time(FRIDAY_10AM_UTC)
    def test_org_rule_09_review_activity_due_on_receipt(self):
        """ORG-RULE-09: a reviewer's activity is due the day the document
        reaches him (so it is in his systray and his workbench at once) and
        names the deadline's due time."""
        doc = self.new_document()
        doc.action_scm_submit()
        manager = self.users["wh.manager"]
        waiting = my_work(self.env, manager).filtered(
            lambda a: a.res_model == doc._name and a.res_id == doc.id
        )
        self.assertEqual(len(waiting), 1)
        self.assertEqual(waiting.date_deadline, date(2026, 11, 20))
        self.assertEqual(waiting.state, "today")
        self.assertIn("2026-11-23 23:59", str(waiting.note))

    def test_org_rule_08_copy_sent_is_a_receipt_owed(self):
        """ORG-RULE-08: each copy sent is an activity for the person who
        confirms its receipt, done when it is confirmed."""
        doc = self.new_document()
        lines = doc._scm_distribute()
        # Finance has no manager: its single member confirms for it.
        owners = lines.mapped(lambda line: line.activity_id.user_id)
        self.assertEqual(
            set(owners.mapped("login")),
            {"finance.staff", "mcd.manager", "wh.manager"},
        )
        self.assertTrue(
            all(
                a.date_deadline <= self.local_today(a.user_id)
                for a in lines.activity_id
            )
        )
        branch_line = lines.filtered("recipient_company_id")
        activity = branch_line.activity_id
        self.assertIn(activity, my_work(self.env, self.users["wh.manager"]))
        branch_line.with_user(self.users["wh.manager"]).action_mark_received()
        self.assertFalse(activity.exists() and activity.active)
        self.assertNotIn(activity, my_work(self.env, self.users["wh.manager"]))

    def test_org_rule_05_signature_slot_is_an_activity_for_its_signer(self):
        """ORG-RULE-05: a slot with a named signer is his activity from the day
        it is prepared until he signs; a slot any holder of a role may sign
        assigns nobody."""
        doc = self.new_document()
        doc._scm_signature_prepare()
        manager_slot = doc.scm_signature_ids.filtered(
            lambda s: s.slot == "branch_manager"
        )
        finance_slot = doc.scm_signature_ids.filtered(lambda s: s.slot == "finance")
        activity = manager_slot.activity_id
        self.assertEqual(activity.user_id, self.users["wh.manager"])
        self.assertEqual(activity.date_deadline, self.local_today(activity.user_id))
        self.assertFalse(finance_slot.activity_id)
        self.assertIn(activity, my_work(self.env, self.users["wh.manager"]))
        doc.with_user(self.users["wh.manager"]).action_scm_sign("branch_manager")
        self.assertFalse(activity.exists() and activity.active)


@tagged("post_install", "-at_install")
class TestHome(ScmDocumentCase):
    def test_suite_users_land_on_my_workbench(self):
        """The demo users of the suite and every new user given one of its
        roles open on My Workbench; others keep Odoo's default."""
        home = self.env.ref("scm_base.action_scm_my_work")
        for login in ("wh.manager", "mc.manager", "msd.manager", "audit.staff"):
            self.assertEqual(self.users[login].action_id.id, home.id, login)
        Users = self.env["res.users"].with_context(no_reset_password=True)
        staff = Users.create(
            {
                "name": "新员工",
                "login": "new.staff@example.com",
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("scm_base.group_branch_staff").id,
                        ]
                    )
                ],
            }
        )
        self.assertEqual(staff.action_id.id, home.id)
        outsider = Users.create(
            {
                "name": "外部用户",
                "login": "outsider@example.com",
                "groups_id": [Command.set([self.env.ref("base.group_user").id])],
            }
        )
        self.assertFalse(outsider.action_id)
        outsider.groups_id = [Command.link(self.env.ref("scm_base.group_auditor").id)]
        self.assertEqual(outsider.action_id.id, home.id)

    def test_my_workbench_lists_only_my_items_overdue_first(self):
        """My Workbench lists my activities on our documents, the oldest due
        first, and nobody else's."""
        with freeze_time(FRIDAY_10AM_UTC):
            older = self.new_document()
            older._scm_deadline_open("TEST-A", "甲", self.users["wh.manager"], 1)
        newer = self.new_document()
        newer._scm_deadline_open("TEST-B", "乙", self.users["wh.manager"], 1)
        mine = my_work(self.env, self.users["wh.manager"]).filtered(
            lambda a: a.res_model == self.Document._name
        )
        self.assertEqual(mine.mapped("res_id"), [older.id, newer.id])
        self.assertEqual(mine[0].state, "overdue")
        self.assertFalse(
            my_work(self.env, self.users["wh.consultant"]).filtered(
                lambda a: a.res_model == self.Document._name
            )
        )
