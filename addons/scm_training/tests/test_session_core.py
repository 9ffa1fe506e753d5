from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScmTrainingCase


@tagged("post_install", "-at_install")
class TestSessionCore(ScmTrainingCase):
    """The session on OCA hr_course's scheduled session (TRN-SM-01)."""

    def test_trn_sm_01_session_starts_planned_on_an_hr_course_schedule(self):
        """TRN-SM-01: a session starts planned; its course, dates and
        trainees are those of hr_course's schedule behind it."""
        session = self.session
        self.assertEqual(session.stage, "planned")
        self.assertEqual(session.schedule_id.course_id, self.course)
        self.assertEqual(session.schedule_id.scm_session_ids, session)
        self.assertEqual(len(session.attendant_ids), 2)

    def test_branch_manager_creates_and_edits_his_session(self):
        """A branch manager creates a session of his branch: the schedule is
        made on his behalf, and editing the session's dates edits it."""
        session = self.as_client(
            self.env["scm.training.session"], self.wh_manager
        ).create(
            {
                "name": "武汉分公司产品培训（测试）",
                "course_id": self.course.id,
                "company_id": self.wuhan.id,
                "cost": 0.0,
                "authorized_by": self.employee(self.wh_manager).id,
            }
        )
        session.write({"place": "武汉分公司会议室"})
        self.assertEqual(session.schedule_id.place, "武汉分公司会议室")

    def test_another_branch_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.as_client(self.session, self.bj_manager).read(["name"])
        with self.assertRaises(AccessError):
            self.as_client(self.session.schedule_id, self.bj_manager).read(["name"])

    def test_a_trainee_of_another_unit_sees_the_session_he_attends(self):
        """The trainees' rule: a Beijing manager who attends a Wuhan session
        finds and reads it in his own login, the session's schedule too;
        Beijing's other staff see nothing of it. The rule searches the
        attendees through the schedule's attendance (`trainee_ids`), so
        the session's lists do not join every schedule."""
        session = self.make_session(
            attendant_ids=[(6, 0, self.employee(self.bj_manager).ids)]
        )
        Sessions = self.as_client(self.env["scm.training.session"], self.bj_manager)
        self.assertEqual(Sessions.search([("id", "in", session.ids)]), session)
        self.as_client(session, self.bj_manager).read(["name", "attendant_ids"])
        self.as_client(session.schedule_id, self.bj_manager).read(["name"])
        bj_consultant = self.users["bj.consultant"]
        self.assertFalse(
            self.as_client(self.env["scm.training.session"], bj_consultant).search(
                [("id", "in", session.ids)]
            )
        )
        everyone = self.env["scm.training.session"].sudo()
        attending = everyone.search(
            [("trainee_ids", "in", self.employee(self.bj_manager).ids)]
        )
        self.assertEqual(attending & (session | self.session), session)
        others = everyone.search(
            [("trainee_ids", "not in", self.employee(self.bj_manager).ids)]
        )
        self.assertEqual(others & (session | self.session), self.session)
        with self.assertRaises(UserError):
            everyone.search([("trainee_ids", "=", False)])

    def test_hr_course_state_buttons_refused_on_a_suite_session(self):
        """TRN-SM-01: the schedule's own state buttons do not move a
        session, even for an HR manager; nor does writing the state."""
        hr_manager = self.env.ref("base.user_admin")
        schedule = self.session.schedule_id
        with self.assertRaises(UserError):
            schedule.with_user(hr_manager).draft2waiting()
        with self.assertRaises(UserError):
            self.as_client(self.session, self.wh_manager).write({"state": "completed"})
        with self.assertRaises(UserError):
            self.as_client(self.session, self.wh_manager).write({"stage": "closed"})
        self.assertEqual(schedule.state, "draft")
        self.assertEqual(self.session.stage, "planned")

    def test_auditor_reads_and_cannot_write(self):
        self.as_client(self.session, self.auditor).read(["name", "stage"])
        with self.assertRaises(AccessError):
            self.as_client(self.session, self.auditor).write({"place": "x"})
