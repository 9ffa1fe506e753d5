from datetime import datetime, time

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScmTrainingCase

HEADINGS = {
    "purpose": "提升顾问式销售能力",
    "aims": "掌握需求挖掘五步法",
    "methods": "讲授 + 角色扮演",
    "steps": "讲解、演练、点评",
    "time_plan": "上午讲授，下午演练",
    "department_cooperation": "市场支持部提供案例",
    "staff_support": "行政安排会议室",
    "examination": "课后笔试",
    "funding": "分公司培训经费",
    "organisation": "分公司经理负责",
    "notes": "准时到场",
}


@tagged("post_install", "-at_install")
class TestSessionsWorkflow(ScmTrainingCase):
    """The session from planned to held (TRN-SM-01): its implementation
    method (TRN-PLAN-04) and handout (TRN-PLAN-05) approved by its superior
    before the session date, attendance, and its record sent to HQ
    (TRN-FIVE-01 #4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Organised by a consultant: his superior is the branch manager.
        cls.trainee_a = cls.employee(cls.wh_consultant2)
        cls.trainee_b = cls.employee(cls.wh_manager)
        cls.held_session = cls.make_session(
            organiser_id=cls.wh_consultant.id,
            trainer_id=cls.employee(cls.wh_consultant).id,
            attendant_ids=[(6, 0, (cls.trainee_a | cls.trainee_b).ids)],
        )

    # -- helpers --
    def write_method(self, session, user):
        action = self.as_client(session, user).action_open_method()
        method = self.env["scm.training.method"].browse(action["res_id"])
        self.as_client(method, user).write(HEADINGS)
        return method

    def approved_method(self, session, organiser, superior):
        method = self.write_method(session, organiser)
        self.as_client(method, organiser).action_scm_submit()
        self.approve(method, superior)
        return method

    def write_handout(self, session, user):
        return (
            self.as_client(self.env["scm.training.handout"], user)
            .create(
                {
                    "name": "需求挖掘讲义",
                    "session_id": session.id,
                    "content": "<p>第一章 需求挖掘</p>",
                }
            )
            .with_env(self.env)
        )

    def approved_handout(self, session, author, superior):
        handout = self.write_handout(session, author)
        self.as_client(handout, author).action_scm_submit()
        self.approve(handout, superior)
        return handout

    def session_day(self, session):
        """The clock at noon of the session date (04:00 UTC in China)."""
        return freeze_time(datetime.combine(session.start_date, time(4, 0)))

    def prepared(self, session=None):
        """The consultant's session with method and handout approved."""
        session = session or self.held_session
        self.approved_method(session, self.wh_consultant, self.wh_manager)
        self.approved_handout(session, self.wh_consultant, self.wh_manager)
        return session

    # -- the happy path --
    def test_trn_sm_01_planned_to_held_with_attendance(self):
        """TRN-SM-01: planned → method_approved → handout_approved → held;
        TRN-PLAN-04/05 approvals by the superior before the date; the
        attendance is recorded on hr_course's attendee lines."""
        session = self.held_session
        self.assertEqual(session._scm_superior(), self.wh_manager)
        deadline = session._scm_deadlines("TRN-PLAN-04")
        self.assertEqual(deadline.user_id, self.wh_consultant)

        method = self.write_method(session, self.wh_consultant)
        self.as_client(method, self.wh_consultant).action_scm_submit()
        self.assertFalse(session._scm_deadlines("TRN-PLAN-04"))
        self.assertEqual(method.state, "to_approve")
        self.approve(method, self.wh_manager)
        self.assertEqual(method.state, "approved")
        self.assertEqual(session.stage, "method_approved")
        self.assertTrue(session.method_approved_date)

        # The session is now in the trainer's and trainees' calendars.
        event = session.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start_date, session.start_date)
        for user in (self.wh_consultant, self.wh_consultant2, self.wh_manager):
            self.assertIn(user.partner_id, event.partner_ids)
        # It follows the session's date.
        later = fields.Date.add(session.start_date, days=1)
        self.as_client(session, self.wh_consultant).write(
            {"start_date": later, "end_date": later}
        )
        self.assertEqual(event.start_date, later)

        handout = self.approved_handout(session, self.wh_consultant, self.wh_manager)
        self.assertEqual(handout.state, "approved")
        self.assertEqual(session.stage, "handout_approved")

        # Held only on or after the session date.
        with self.assertRaises(UserError):
            self.as_client(session, self.wh_consultant).action_scm_mark_held()
        self.enterContext(self.session_day(session))
        self.assertEqual(event.start_date, session.start_date)
        self.as_client(session, self.wh_consultant).action_scm_mark_held(self.trainee_b)
        self.assertEqual(session.stage, "held")
        self.assertEqual(session.schedule_id.state, "in_progress")
        results = {
            line.employee_id: line.result for line in session.course_attendee_ids
        }
        self.assertEqual(results, {self.trainee_a: "pending", self.trainee_b: "absent"})

    def test_trn_sm_01_held_through_the_attendance_dialog(self):
        session = self.prepared()
        self.enterContext(self.session_day(session))
        action = self.as_client(session, self.wh_consultant).action_open_held_wizard()
        wizard = (
            self.as_client(self.env[action["res_model"]], self.wh_consultant)
            .with_context(**action["context"])
            .create({"absent_employee_ids": [(6, 0, self.trainee_a.ids)]})
        )
        wizard.action_confirm()
        self.assertEqual(session.stage, "held")
        absent = session.course_attendee_ids.filtered(lambda a: a.result == "absent")
        self.assertEqual(absent.employee_id, self.trainee_a)

    # -- TRN-PLAN-04 --
    def test_trn_plan_04_method_needs_its_11_headings(self):
        """TRN-PLAN-04: the method is submitted with its 11 headings."""
        session = self.held_session
        action = self.as_client(session, self.wh_consultant).action_open_method()
        method = self.env["scm.training.method"].browse(action["res_id"])
        self.as_client(method, self.wh_consultant).write(
            {k: v for k, v in HEADINGS.items() if k != "funding"}
        )
        with self.assertRaisesRegex(UserError, "Funding"):
            self.as_client(method, self.wh_consultant).action_scm_submit()
        self.assertEqual(method.state, "draft")

    def test_trn_plan_04_approval_on_the_session_date_refused(self):
        """TRN-PLAN-04: the method is approved before the session date; on
        the date the approval is refused and the session stays planned."""
        session = self.held_session
        method = self.write_method(session, self.wh_consultant)
        self.as_client(method, self.wh_consultant).action_scm_submit()
        self.enterContext(self.session_day(session))
        with self.assertRaisesRegex(UserError, "before the session date"):
            self.approve(method, self.wh_manager)
        self.assertEqual(method.state, "to_approve")
        self.assertEqual(session.stage, "planned")

    def test_trn_plan_04_held_refused_without_a_method_approved_before(self):
        """TRN-PLAN-04: a session cannot be set held unless its method was
        approved before the session date — even when its stage was moved
        past it."""
        session = self.held_session
        session.sudo().write(
            {
                "stage": "handout_approved",
                "handout_special_case": True,
                "handout_special_reason": "x",
            }
        )
        self.enterContext(self.session_day(session))
        with self.assertRaisesRegex(UserError, "TRN-PLAN-04"):
            self.as_client(session, self.wh_consultant).action_scm_mark_held()
        # A method approved on the session date does not count either.
        method = (
            self.env["scm.training.method"]
            .sudo()
            .create({"session_id": self.make_session().id, **HEADINGS})
        )
        method.write({"session_id": session.id})
        # (as if approved on the session date: a raw write, which no step
        # of the suite would do)
        method._write({"state": "approved", "approved_date": fields.Datetime.now()})
        method.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "TRN-PLAN-04"):
            self.as_client(session, self.wh_consultant).action_scm_mark_held()
        self.assertEqual(session.stage, "handout_approved")
        self.assertFalse(session.schedule_id.course_attendee_ids)

    # -- TRN-PLAN-05 --
    def test_trn_plan_05_handout_approved_on_the_session_date_refused(self):
        """TRN-PLAN-05: a handout approved on or after the session date is
        refused; the session stays at method_approved and cannot be held."""
        session = self.held_session
        self.approved_method(session, self.wh_consultant, self.wh_manager)
        handout = self.write_handout(session, self.wh_consultant)
        self.as_client(handout, self.wh_consultant).action_scm_submit()
        self.enterContext(self.session_day(session))
        with self.assertRaisesRegex(UserError, "before the session date"):
            self.approve(handout, self.wh_manager)
        self.assertEqual(handout.state, "to_approve")
        self.assertEqual(session.stage, "method_approved")
        with self.assertRaises(UserError):
            self.as_client(session, self.wh_consultant).action_scm_mark_held()

    def test_trn_plan_05_special_case_without_handout(self):
        """TRN-PLAN-05: skipping the handout needs a "special case" reason,
        recorded by the organiser; then the session can be held."""
        session = self.held_session
        self.approved_method(session, self.wh_consultant, self.wh_manager)
        client = self.as_client(session, self.wh_consultant)
        with self.assertRaises(UserError):
            client.action_scm_handout_special_case("  ")
        with self.assertRaises(AccessError):
            self.as_client(
                session, self.wh_consultant2
            ).action_scm_handout_special_case("讲师临时调整")
        client.action_scm_handout_special_case("讲师现场演示，无书面讲义")
        self.assertEqual(session.stage, "handout_approved")
        self.assertTrue(session.handout_special_case)
        self.assertEqual(session.handout_special_reason, "讲师现场演示，无书面讲义")
        self.enterContext(self.session_day(session))
        client.action_scm_mark_held()
        self.assertEqual(session.stage, "held")
        self.assertEqual(len(session.course_attendee_ids), 2)

    def test_trn_plan_05_handout_approved_before_the_method_waits_for_it(self):
        """TRN-SM-01: a handout approved while the method is still under
        review moves the session on once the method is approved."""
        session = self.held_session
        handout = self.approved_handout(session, self.wh_consultant, self.wh_manager)
        self.assertEqual(handout.state, "approved")
        self.assertEqual(session.stage, "planned")
        self.approved_method(session, self.wh_consultant, self.wh_manager)
        self.assertEqual(session.stage, "handout_approved")

    # -- who --
    def test_trn_plan_04_organiser_cannot_approve_his_own_method(self):
        """TRN-PLAN-04: the superior approves; the organiser (wh.consultant)
        cannot approve his own session's method, nor can a trainee."""
        session = self.held_session
        method = self.write_method(session, self.wh_consultant)
        self.as_client(method, self.wh_consultant).action_scm_submit()
        for user in (self.wh_consultant, self.wh_consultant2):
            with self.assertRaises(UserError):
                self.approve(method, user)
        self.assertEqual(method.state, "to_approve")
        with self.assertRaises(AccessError):
            self.as_client(method, self.wh_consultant2).write({"notes": "x"})

    def test_trn_plan_04_branch_manager_organiser_goes_to_training_manager(self):
        """TRN-PLAN-04: when the unit's manager organises the session, the
        Training Dept manager approves its method."""
        session = self.session
        self.assertEqual(session.organiser_id, self.wh_manager)
        method = self.write_method(session, self.wh_manager)
        self.as_client(method, self.wh_manager).action_scm_submit()
        with self.assertRaises(UserError):
            self.approve(method, self.wh_manager)
        self.approve(method, self.training_manager)
        self.assertEqual(session.stage, "method_approved")

    def test_only_the_organiser_writes_the_method(self):
        with self.assertRaises(UserError):
            self.as_client(self.held_session, self.wh_consultant2).action_open_method()
        with self.assertRaises(AccessError):
            self.as_client(self.env["scm.training.method"], self.wh_manager).create(
                {"session_id": self.held_session.id}
            )

    def test_another_branch_sees_nothing_of_the_session(self):
        """bj.manager cannot read Wuhan's session, its method, handout or
        attendee lines."""
        session = self.prepared()
        self.enterContext(self.session_day(session))
        self.as_client(session, self.wh_consultant).action_scm_mark_held()
        for record in (
            session,
            session.method_ids,
            session.handout_ids,
            session.course_attendee_ids,
        ):
            with self.assertRaises(AccessError):
                self.as_client(record, self.bj_manager).read(["display_name"])
        with self.assertRaises(AccessError):
            self.as_client(self.env["scm.training.handout"], self.bj_manager).create(
                {"name": "x", "session_id": session.id}
            )

    def test_unit_training_dept_and_audit_read_the_attendance(self):
        """The session's unit, the Training Dept and Audit read its
        attendee lines; nobody writes them outside the steps."""
        session = self.prepared()
        self.enterContext(self.session_day(session))
        self.as_client(session, self.wh_consultant).action_scm_mark_held()
        lines = session.course_attendee_ids
        for user in (self.wh_manager, self.training_manager, self.auditor):
            self.as_client(lines, user).read(["employee_id", "result"])
            self.assertEqual(self.as_client(session, user).course_attendee_ids, lines)
        for user in (self.wh_consultant, self.wh_manager, self.auditor):
            with self.assertRaises(AccessError):
                self.as_client(lines, user).write({"result": "passed"})

    def test_audit_reads_and_cannot_act(self):
        session = self.held_session
        method = self.write_method(session, self.wh_consultant)
        self.as_client(method, self.auditor).read(["purpose"])
        self.as_client(session, self.auditor).read(["stage", "method_state"])
        with self.assertRaises(UserError):
            self.as_client(method, self.auditor).action_scm_submit()
        with self.assertRaises(UserError):
            self.approve(method, self.auditor)
        with self.assertRaises(AccessError):
            self.as_client(session, self.auditor).action_scm_cancel("稽核")
        with self.assertRaises(AccessError):
            self.as_client(method, self.auditor).write({"notes": "x"})

    def test_sessions_listed_by_their_date(self):
        """The lists order sessions by the session's own indexed copy of its
        schedule's date (issue 15), which follows a planner's date change and
        which nobody writes directly."""
        session = self.make_session()
        self.assertEqual(session.session_date, session.start_date)
        later = fields.Date.add(session.start_date, days=5)
        self.as_client(session, self.wh_manager).write(
            {"start_date": later, "end_date": later}
        )
        self.assertEqual(session.session_date, later)
        earlier = self.make_session()
        sessions = self.env["scm.training.session"].search(
            [("id", "in", (session | earlier).ids)]
        )
        self.assertEqual(sessions.ids, [session.id, earlier.id])
        with self.assertRaises(UserError):
            self.as_client(self.env["scm.training.session"], self.wh_manager).create(
                {
                    "name": "改期培训",
                    "course_id": self.course.id,
                    "start_date": later,
                    "session_date": later,
                }
            )

    def test_session_found_by_its_title_within_the_rules(self):
        """A session is found in the dropdown and the search box by a piece
        of its title, from one trigram-indexed column of the session (issue
        15); another branch's manager finds none."""
        session = self.make_session(name="武汉分公司 合同谈判技巧培训（测试）")

        def found(text, user):
            sessions = self.env["scm.training.session"].with_user(user)
            return {row[0] for row in sessions.name_search(text, limit=100)}

        self.assertIn(session.id, found("合同谈判技巧", self.wh_manager))
        self.assertNotIn(session.id, found("合同谈判技巧xyz", self.wh_manager))
        bj_manager = self.env.ref("scm_base.user_bj_manager")
        self.assertNotIn(session.id, found("合同谈判技巧", bj_manager))

    # -- forged input --
    def test_trn_sm_01_forged_context_cannot_move_the_stage(self):
        """TRN-SM-01: neither a write nor the hostile client's context keys
        move the stage or approve a method."""
        session = self.held_session
        forged = dict(
            install_mode=True,
            skip_validation_check=True,
            skip_check_state_condition=True,
            default_stage="held",
            default_state="approved",
            default_approved_date="2026-01-01 00:00:00",
        )
        client = self.as_client(session, self.wh_consultant, **forged)
        for vals in (
            {"stage": "held"},
            {"method_approved_date": fields.Datetime.now()},
            {"scm_sent_to_hq": True},
            {"handout_special_case": True},
            {"session_date": session.start_date},
        ):
            with self.assertRaises(UserError):
                client.write(vals)
        method = self.write_method(session, self.wh_consultant)
        method_client = self.as_client(method, self.wh_consultant, **forged)
        with self.assertRaises(UserError):
            method_client.write({"state": "approved"})
        with self.assertRaises(UserError):
            method_client.write({"approved_date": fields.Datetime.now()})
        handout = self.as_client(
            self.env["scm.training.handout"], self.wh_consultant, **forged
        ).create({"name": "讲义", "session_id": session.id, "content": "<p>x</p>"})
        self.assertEqual(handout.state, "draft")
        self.assertFalse(handout.approved_date)
        with self.assertRaises(UserError):
            self.as_client(self.env["scm.training.handout"], self.wh_consultant).create(
                {
                    "name": "讲义",
                    "session_id": session.id,
                    "state": "approved",
                    "approved_date": fields.Datetime.now(),
                }
            )
        with self.assertRaises(UserError):
            client.action_scm_mark_held()
        self.assertEqual(session.stage, "planned")
        self.assertEqual(method.state, "draft")

    # -- record to HQ (TRN-FIVE-01) --
    def test_trn_five_01_session_record_sent_to_hq(self):
        """TRN-FIVE-01 #4: each session is recorded and the record sent back
        to HQ: after held, by the organiser; the Training Dept manager gets a
        written notice; the record is then kept as sent."""
        session = self.prepared()
        client = self.as_client(session, self.wh_consultant)
        with self.assertRaises(UserError):
            client.write({"record_content": "<p>too early</p>"})
        with self.assertRaises(UserError):
            client.action_scm_send_record_to_hq()
        self.enterContext(self.session_day(session))
        client.action_scm_mark_held()
        with self.assertRaisesRegex(UserError, "record"):
            client.action_scm_send_record_to_hq()
        client.write({"record_content": "<p>讲授需求挖掘五步法，演练两组。</p>"})
        with self.assertRaises(AccessError):
            self.as_client(session, self.wh_consultant2).action_scm_send_record_to_hq()
        client.action_scm_send_record_to_hq()
        self.assertTrue(session.scm_sent_to_hq)
        self.assertTrue(session.scm_sent_to_hq_date)
        notice = self.env["scm.notice"]._scm_sent(session)
        self.assertIn(self.training_manager.partner_id, notice.recipient_ids)
        with self.assertRaises(UserError):
            client.write({"record_content": "<p>changed</p>"})

    # -- cancel --
    def test_trn_sm_01_cancel_before_held_only(self):
        session = self.held_session
        method = self.write_method(session, self.wh_consultant)
        self.as_client(method, self.wh_consultant).action_scm_submit()
        with self.assertRaises(AccessError):
            self.as_client(session, self.wh_consultant2).action_scm_cancel("x")
        with self.assertRaises(UserError):
            self.as_client(session, self.wh_manager).action_scm_cancel(" ")
        self.as_client(session, self.wh_manager).action_scm_cancel("讲师出差")
        self.assertEqual(session.stage, "cancelled")
        self.assertEqual(session.cancel_reason, "讲师出差")
        self.assertEqual(session.schedule_id.state, "cancelled")
        self.assertEqual(method.state, "cancel")
        self.assertFalse(session._scm_deadlines())

        other = self.prepared(
            self.make_session(
                organiser_id=self.wh_consultant.id,
                trainer_id=self.employee(self.wh_consultant).id,
            )
        )
        self.enterContext(self.session_day(other))
        self.as_client(other, self.wh_consultant).action_scm_mark_held()
        with self.assertRaises(UserError):
            self.as_client(other, self.wh_consultant).action_scm_cancel("太晚")

    def test_trn_sm_01_forged_defaults_do_not_preset_a_new_session(self):
        """TRN-SM-01: a new session starts planned, on a draft schedule,
        whatever defaults the client's context carries."""
        Session = self.as_client(
            self.env["scm.training.session"],
            self.wh_manager,
            default_stage="held",
            default_state="completed",
            default_scm_sent_to_hq=True,
            default_handout_special_case=True,
        )
        session = Session.create(
            {
                "name": "武汉分公司产品培训（测试）",
                "course_id": self.course.id,
                "company_id": self.wuhan.id,
                "cost": 0.0,
                "authorized_by": self.employee(self.wh_manager).id,
            }
        )
        self.assertEqual(session.stage, "planned")
        self.assertEqual(session.schedule_id.state, "draft")
        self.assertFalse(session.scm_sent_to_hq)
        self.assertFalse(session.handout_special_case)
        # Nor does it take over another session's schedule.
        with self.assertRaises(UserError):
            Session.create(
                {
                    "name": "x",
                    "company_id": self.wuhan.id,
                    "schedule_id": self.held_session.schedule_id.id,
                }
            )

    def test_only_planners_delete_a_planned_session(self):
        with self.assertRaises(AccessError):
            self.as_client(self.held_session, self.wh_consultant2).unlink()
        self.as_client(self.held_session, self.wh_consultant).unlink()
        self.assertFalse(self.held_session.exists())
