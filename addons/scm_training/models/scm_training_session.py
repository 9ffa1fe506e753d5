from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

from odoo.addons.scm_base.tools import create_pivot_index

# TRN-SM-01: planned → method_approved → handout_approved → held → evaluated
# (trainer) → examined (trainees) → summarised → closed.
STAGES = [
    ("planned", "Planned"),
    ("method_approved", "Method Approved"),
    ("handout_approved", "Handout Approved"),
    ("held", "Held"),
    ("evaluated", "Trainer Evaluated"),
    ("examined", "Trainees Examined"),
    ("summarised", "Summary Submitted"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]


# The session record sent back to HQ (TRN-FIVE-01 #4): written by the
# organiser once the session is held, until it is sent.
RECORD_FIELDS = {"record_content", "record_attachment_ids"}
# What the session's calendar event shows.
CALENDAR_FIELDS = {
    "name",
    "start_date",
    "end_date",
    "place",
    "attendant_ids",
    "trainer_id",
    "organiser_id",
}
# What the session is (course, dates, people): planned by its organiser,
# its unit's manager or the Training Dept, until it is held.
PLANNING_FIELDS = {
    "name",
    "course_id",
    "start_date",
    "end_date",
    "place",
    "attendant_ids",
    "trainer_id",
    "organiser_id",
}
METHOD_DEADLINE_CODE = "TRN-PLAN-04"
# The manual sets no figure for the method: the organiser owes it three
# calendar days before the session, which leaves the superior's review
# (1 working day, ORG-RULE-09) done before the session date.
METHOD_DEADLINE_DAYS_BEFORE = 3
# Stages in which the session is not yet held and can still be cancelled.
BEFORE_HELD = ("planned", "method_approved", "handout_approved")
AFTER_HELD = ("held", "evaluated", "examined", "summarised", "closed")


class ScmTrainingSession(models.Model):
    """One training session of a unit (a branch or an HQ marketing
    department), from its implementation method to its summary report
    (TRN-SM-01).

    The course, dates, place, cost, attendees and the result of each
    attendee live on OCA hr_course's scheduled session, which this record
    extends by delegation (`_inherits`): HR's own course history of every
    employee then shows the suite's sessions too. Users never write
    hr.course.schedule directly: this model's create and write pass its
    fields on with `sudo()` after their own access checks, and the
    schedule's own state buttons are refused on a suite session (its stage
    moves only through the steps here)."""

    _name = "scm.training.session"
    _description = "Training Session"
    _inherits = {"hr.course.schedule": "schedule_id"}
    # Our rules decide who sees a session; the schedule's rules mirror them
    # (scm_base ir.rule): not evaluated a second time on every list.
    _scm_rules_cover_inherits = True
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.stage.mixin",
        "scm.name.search.mixin",
    ]
    # By the session's own indexed copy of its date: the schedule's
    # `start_date` would join and sort every session for each page.
    _order = "session_date desc, id desc"
    # The schedule's title from one trigram-indexed column of the session.
    _scm_name_search_fields = ("name",)
    _scm_name_search_partner = None
    _scm_stage_field = "stage"
    # Written only by the session's steps (TRN-PLAN-04/05, TRN-SM-01,
    # TRN-FIVE-01 #4); the stage by the stage mixin.
    _scm_step_fields = (
        "method_approved_date",
        "handout_approved_date",
        "handout_special_case",
        "handout_special_reason",
        "held_date",
        "held_by_id",
        "scm_sent_to_hq",
        "scm_sent_to_hq_date",
        "scm_sent_to_hq_by_id",
        "cancel_reason",
        "calendar_event_id",
    )

    schedule_id = fields.Many2one(
        "hr.course.schedule",
        string="Course Session",
        required=True,
        ondelete="cascade",
        index=True,
        copy=False,
    )
    session_date = fields.Date(
        related="schedule_id.start_date",
        store=True,
        index=True,
        string="Session Date",
        help="The session's start date, kept on the session for its lists' "
        "order (issue 15).",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Unit (Company)",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The branch that holds the session, or HQ for an HQ department.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="HQ Department",
        index=True,
        help="The HQ marketing department that holds the session; empty for a branch.",
    )
    organiser_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    trainer_id = fields.Many2one(
        "hr.employee",
        string="Lead Trainer",
        index=True,
        tracking=True,
        help="主训人: the trainer assessed after the session (TRN-EVAL-01).",
    )
    stage = fields.Selection(
        STAGES, required=True, default="planned", tracking=True, index=True, copy=False
    )
    # The trainees' record rule searches this, not `attendant_ids`: see
    # _search_trainee_ids (issue 15).
    trainee_ids = fields.Many2many(
        "hr.employee",
        string="Trainees",
        compute="_compute_trainee_ids",
        search="_search_trainee_ids",
        help="The employees attending the session, as its course schedule lists them.",
    )
    superior_id = fields.Many2one(
        "res.users",
        compute="_compute_superior_id",
        help="Who approves the method and the handouts (上级): the unit's "
        "manager, or the Training Dept manager when he organises it himself.",
    )
    next_actor_text = fields.Char(string="Next", compute="_compute_next_actor_text")

    # -- TRN-PLAN-04: the implementation method --
    method_ids = fields.One2many(
        "scm.training.method", "session_id", string="Implementation Methods"
    )
    method_id = fields.Many2one(
        "scm.training.method",
        string="Implementation Method",
        compute="_compute_method_id",
    )
    method_state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "Under Review"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        string="Method Approval",
        compute="_compute_method_id",
    )
    method_approved_date = fields.Datetime(
        string="Method Approved On", readonly=True, copy=False
    )

    # -- TRN-PLAN-05: the handouts --
    handout_ids = fields.One2many(
        "scm.training.handout", "session_id", string="Handouts"
    )
    handout_approved_date = fields.Datetime(
        string="Handout Approved On", readonly=True, copy=False
    )
    handout_special_case = fields.Boolean(
        string="No Handout (Special Case)", readonly=True, copy=False, tracking=True
    )
    handout_special_reason = fields.Text(
        string="Special Case Reason", readonly=True, copy=False
    )

    # -- TRN-SM-01: held, with attendance --
    held_date = fields.Datetime(string="Marked Held On", readonly=True, copy=False)
    held_by_id = fields.Many2one(
        "res.users", string="Marked Held By", readonly=True, copy=False
    )
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)

    # -- TRN-FIVE-01 #4: the session record sent back to HQ --
    record_content = fields.Html(
        string="Session Record",
        copy=False,
        help="What was taught and how the session went, sent back to HQ "
        "(TRN-FIVE-01 item 4).",
    )
    record_attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_training_session_record_attachment_rel",
        "session_id",
        "attachment_id",
        string="Record Files",
        copy=False,
    )
    scm_sent_to_hq = fields.Boolean(
        string="Record Sent to HQ", readonly=True, copy=False, tracking=True
    )
    scm_sent_to_hq_date = fields.Datetime(
        string="Sent to HQ On", readonly=True, copy=False
    )
    scm_sent_to_hq_by_id = fields.Many2one(
        "res.users", string="Sent to HQ By", readonly=True, copy=False
    )
    cancel_reason = fields.Text(string="Cancellation Reason", readonly=True, copy=False)

    # -- delegation to hr.course.schedule --
    def init(self):
        result = super().init()
        # The sessions' count and pivot (unit x stage), with every column the
        # record rules test (trainees by the schedule): read from the index
        # alone, not from the session rows (issue 15).
        create_pivot_index(
            self,
            (
                "company_id",
                "stage",
                "department_id",
                "organiser_id",
                "trainer_id",
                "schedule_id",
            ),
        )
        return result

    def _scm_schedule_values(self, vals):
        """Split `vals` into this record's values and the schedule's."""
        own = {}
        parent = {}
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is not None and field.inherited:
                parent[name] = value
            else:
                own[name] = value
        return own, parent

    @api.model_create_multi
    def create(self, vals_list):
        # Same access as the session's own: a user who may create a session
        # (ACL + record rules checked by super().create below) gets its
        # schedule made on their behalf.
        self.check_access("create")
        prepared = []
        for vals in vals_list:
            own, parent = self._scm_schedule_values(vals)
            if own.get("schedule_id") and not self.env.su:
                # A session makes its own schedule: it does not take over
                # another one.
                raise self._scm_guard_error({"schedule_id"})
            if "session_date" in own and not self.env.su:
                raise self._scm_guard_error({"session_date"})
            if not own.get("schedule_id"):
                # The schedule's state is the session's stage seen by
                # hr_course: a client's context does not preset it.
                context = {
                    key: value
                    for key, value in self.env.context.items()
                    if key != "default_state"
                }
                schedules = self.env["hr.course.schedule"].with_env(
                    self.env(context=context)
                )
                schedule = schedules.sudo().create(parent)
                own["schedule_id"] = schedule.id
            prepared.append(own)
        sessions = super().create(prepared)
        for session in sessions:
            session._scm_open_method_deadline()
        return sessions

    def write(self, vals):
        own, parent = self._scm_schedule_values(vals)
        # The date's copy follows the schedule's start date; written through
        # it, it would reach the schedule past the planning checks below.
        forbidden = vals.keys() & {"schedule_id", "session_date"}
        if forbidden and not self.env.su:
            raise self._scm_guard_error(forbidden)
        if not self.env.su and vals.keys() & RECORD_FIELDS:
            self.check_access("write")
            self._scm_check_record_editable()
        if not self.env.su and vals.keys() & PLANNING_FIELDS:
            self.check_access("write")
            self._scm_check_planning_editable()
        if parent:
            self.check_access("write")
            self._scm_check_schedule_editable(parent)
            self.schedule_id.sudo().write(parent)
        res = super().write(own) if own else True
        if vals.keys() & CALENDAR_FIELDS:
            self._scm_sync_calendar_event()
        if "start_date" in vals:
            for session in self.filtered(lambda s: s.stage == "planned"):
                session._scm_deadline_cancel(METHOD_DEADLINE_CODE)
                session._scm_open_method_deadline()
        return res

    def _scm_check_schedule_editable(self, vals):
        """The schedule's state is the session's stage seen by hr_course:
        only the steps move it."""
        if "state" in vals and not self.env.su:
            raise self._scm_guard_error({"state"})

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            for session in self:
                if not self.env.user.has_group("scm_base.group_scm_admin"):
                    session._scm_check_actor(lambda s: s._scm_planners(), _("delete"))
        started = self.filtered(lambda s: s.stage != "planned")
        if started and not self.env.su:
            raise UserError(
                _(
                    "%(doc)s is past planning: cancel it instead of deleting it.",
                    doc=started[0].display_name,
                )
            )
        schedules = self.schedule_id
        result = super().unlink()
        schedules.sudo().unlink()
        return result

    # -- who --
    def _scm_unit_manager(self):
        """The manager of the session's unit: its HQ department's manager,
        or the branch manager of its branch."""
        self.ensure_one()
        # Who manages a unit is no secret of the unit: read by sudo, whoever
        # asks (a branch user may not read HQ departments).
        if self.department_id:
            manager = self.department_id.sudo()._scm_manager_user()
        else:
            manager = self.company_id.sudo().scm_manager_id
        return manager.with_env(self.env)

    def _scm_training_manager(self):
        # The xml id resolved from its cache (env.ref checks the record
        # exists by a query: one per row of a list that shows the superior).
        dept_id = self.env["ir.model.data"]._xmlid_to_res_id("scm_base.dept_training")
        dept = self.env["hr.department"].sudo().browse(dept_id)
        return dept._scm_manager_user().with_env(self.env)

    def _scm_superior(self):
        """Who approves the session's method and handout and reviews its
        summary (上级, TRN-PLAN-04/05, TRN-SUM-01): the unit's manager, or
        the Training Dept's manager when the unit's manager organises the
        session himself or the unit has none."""
        self.ensure_one()
        manager = self._scm_unit_manager()
        if not manager or manager == self.organiser_id:
            return self._scm_training_manager()
        return manager

    # -- computes --
    @api.depends("attendant_ids")
    def _compute_trainee_ids(self):
        for session in self:
            session.trainee_ids = session.attendant_ids

    def _search_trainee_ids(self, operator, value):
        """The sessions whose schedule lists these attendees. The path
        `attendant_ids` would join the schedule of every session (a
        delegated parent is always joined). The attendees' schedules are
        read first instead, by the attendance's own index: a person attends
        a few sessions, and a list of their ids lets the trainees' record
        rule combine with the branch's and the organiser's on the indexes
        (a subquery would test every session of the table). Read without
        the schedule's rules: the ids only narrow the caller's search, whose
        own rules still apply to the sessions it returns."""
        if operator not in ("in", "not in"):
            raise UserError(_("Trainees are searched with 'in' or 'not in' only."))
        schedules = (
            self.env["hr.course.schedule"]
            .sudo()
            .with_context(active_test=False)
            .search([("attendant_ids", "in", value)], order="id")
        )
        return [("schedule_id", operator, schedules.ids)]

    @api.depends("organiser_id", "company_id", "department_id")
    def _compute_superior_id(self):
        for session in self:
            session.superior_id = session.company_id and session.sudo()._scm_superior()

    @api.depends("method_ids.state")
    def _compute_method_id(self):
        for session in self:
            session.method_id = session.method_ids[:1]
            session.method_state = session.method_ids[:1].state

    @api.depends("stage", "method_ids.state", "handout_ids.state", "scm_sent_to_hq")
    def _compute_next_actor_text(self):
        for session in self:
            user, step = session.sudo()._scm_next_actor()
            session.next_actor_text = (
                _("%(user)s: %(step)s", user=user.name, step=step) if user else step
            )

    def _scm_next_actor(self):
        """(user, what they owe next) for the kanban card and the list."""
        self.ensure_one()
        method = self.method_ids[:1]
        if self.stage == "planned":
            if method.state == "to_approve":
                return self.superior_id, _("approve the implementation method")
            return self.organiser_id, _("submit the implementation method")
        if self.stage == "method_approved":
            if any(h.state == "to_approve" for h in self.handout_ids):
                return self.superior_id, _("approve the handout")
            return self.organiser_id, _("have the handout approved")
        if self.stage == "handout_approved":
            return self.organiser_id, _("mark the session held")
        if self.stage in AFTER_HELD and not self.scm_sent_to_hq:
            return self.organiser_id, _("send the session record to HQ")
        return self.env["res.users"], ""

    # -- who --
    def _scm_acts_for(self, users):
        """The current user is one of `users` or holds their delegation for
        training sessions today (ORG-RULE-06)."""
        if self.env.su:
            return True
        return self.env["scm.delegation"]._scm_acts_for(
            self.env.user, users, self._name
        )

    def _scm_check_actor(self, users, action):
        for session in self:
            if not session._scm_acts_for(users(session)):
                raise AccessError(
                    _(
                        "You may not %(action)s %(session)s: only %(users)s may.",
                        action=action,
                        session=session.display_name,
                        users=", ".join(users(session).mapped("name")) or "-",
                    )
                )

    # -- dates --
    def _scm_local_today(self):
        """Today where the session's unit is (the server's clock and the
        unit's calendar, never the client's context)."""
        self.ensure_one()
        return self.env["scm.workday"]._local_date(
            fields.Datetime.now(), self.company_id
        )

    def _scm_local_date(self, moment):
        self.ensure_one()
        return self.env["scm.workday"]._local_date(moment, self.company_id)

    def _scm_check_before_session_date(self, action, document):
        """TRN-PLAN-04/05: the method and the handout are approved before the
        session date; on or after it the step is refused."""
        self.ensure_one()
        if not self.start_date:
            raise UserError(
                _(
                    "Set the date of %(session)s first: %(doc)s must be approved "
                    "before the session date.",
                    session=self.display_name,
                    doc=document.display_name,
                )
            )
        if self._scm_local_today() >= self.start_date:
            raise UserError(
                _(
                    "%(doc)s can no longer be %(action)s: the session date "
                    "(%(date)s) has come, and it must be approved before the "
                    "session date (TRN-PLAN-04/05).",
                    doc=document.display_name,
                    action=action,
                    date=self.start_date,
                )
            )

    def _scm_open_method_deadline(self):
        """The organiser owes the implementation method a few days before
        the session (METHOD_DEADLINE_DAYS_BEFORE)."""
        self.ensure_one()
        if self.stage != "planned" or not self.start_date or not self.organiser_id:
            return
        if self.method_ids.filtered(lambda m: m.state in ("to_approve", "approved")):
            return
        days = (self.start_date - self._scm_local_today()).days
        self._scm_deadline_open(
            METHOD_DEADLINE_CODE,
            _("Submit the implementation method of %(doc)s", doc=self.name),
            self.organiser_id,
            amount=max(0, days - METHOD_DEADLINE_DAYS_BEFORE),
            unit="calendar_days",
        )

    # -- steps: method and handout (TRN-PLAN-04/05, TRN-SM-01) --
    def _scm_on_method_approved(self, method):
        """The superior approved the method (its own approval checked the
        date): planned → method_approved, and the session enters the
        trainer's and trainees' calendars."""
        self.ensure_one()
        self._scm_check_stage(("planned",), _("given an approved method"))
        self._scm_step_write(
            {"stage": "method_approved", "method_approved_date": method.approved_date}
        )
        self._scm_deadline_close(METHOD_DEADLINE_CODE)
        self._scm_sync_calendar_event()
        if self.handout_special_case or self._scm_approved_handouts():
            self._scm_step_write({"stage": "handout_approved"})

    def _scm_approved_handouts(self):
        """Handouts approved before the session date (TRN-PLAN-05)."""
        self.ensure_one()
        return self.sudo().handout_ids.filtered(
            lambda h: (
                h.state == "approved"
                and h.approved_date
                and self.start_date
                and self._scm_local_date(h.approved_date) < self.start_date
            )
        )

    def _scm_on_handout_approved(self, handout):
        self.ensure_one()
        if not self.handout_approved_date:
            self._scm_step_write({"handout_approved_date": handout.approved_date})
        if self.stage == "method_approved":
            self._scm_step_write({"stage": "handout_approved"})

    def action_scm_handout_special_case(self, reason):
        """TRN-PLAN-05: the organiser records why the session is held
        without a handout ("special case"); the superior's approval of the
        method covers the session's organisation, this reason included."""
        reason = (reason or "").strip()
        for session in self:
            session._scm_check_actor(
                lambda s: s.organiser_id, _("hold without a handout")
            )
            session._scm_check_stage(
                ("planned", "method_approved"), _("set to go without a handout")
            )
            if not reason:
                raise UserError(
                    _(
                        "Write the special case that lets the session go "
                        "without a handout."
                    )
                )
            handouts = session.sudo().handout_ids
            if handouts.filtered(lambda h: h.state in ("to_approve", "approved")):
                raise UserError(
                    _(
                        "%(session)s has a handout under review or approved: "
                        "withdraw it first, or use it.",
                        session=session.display_name,
                    )
                )
            session._scm_step_write(
                {"handout_special_case": True, "handout_special_reason": reason}
            )
            session.sudo().message_post(
                body=_("No handout (special case): %(reason)s", reason=reason)
            )
            if session.stage == "method_approved":
                session._scm_step_write({"stage": "handout_approved"})
        return True

    # -- step: held, with attendance (TRN-SM-01) --
    def _scm_check_ready_to_hold(self):
        """TRN-PLAN-04: not held unless the method was approved before the
        session date; TRN-PLAN-05: nor without a handout approved before it,
        or the special case."""
        self.ensure_one()
        method = self.sudo().method_ids.filtered(lambda m: m.state == "approved")[:1]
        if not (
            method
            and method.approved_date
            and self.start_date
            and self._scm_local_date(method.approved_date) < self.start_date
        ):
            raise UserError(
                _(
                    "%(session)s cannot be set held: its implementation method "
                    "was not approved before the session date (TRN-PLAN-04).",
                    session=self.display_name,
                )
            )
        if not self.handout_special_case and not self._scm_approved_handouts():
            raise UserError(
                _(
                    "%(session)s cannot be set held: it has no handout approved "
                    "before the session date and no special case reason "
                    "(TRN-PLAN-05).",
                    session=self.display_name,
                )
            )
        if self._scm_local_today() < self.start_date:
            raise UserError(
                _(
                    "%(session)s takes place on %(date)s: it is marked held on "
                    "or after that day.",
                    session=self.display_name,
                    date=self.start_date,
                )
            )

    def action_scm_mark_held(self, absent_employees=None):
        """The organiser marks the session held and records attendance: the
        hr_course attendee lines are made from the trainees, the absent ones
        with the result "absent"; the course schedule moves to in progress."""
        self.ensure_one()
        absent = absent_employees or self.env["hr.employee"]
        self._scm_check_actor(lambda s: s.organiser_id, _("mark held"))
        self._scm_check_stage(("handout_approved",), _("marked held"))
        self._scm_check_ready_to_hold()
        trainees = self.sudo().attendant_ids
        if not trainees:
            raise UserError(_("Add the trainees before marking the session held."))
        strangers = absent.sudo() - trainees
        if strangers:
            raise UserError(
                _(
                    "%(names)s are not trainees of %(session)s.",
                    names=", ".join(strangers.mapped("name")),
                    session=self.display_name,
                )
            )
        schedule = self.schedule_id.sudo()
        if schedule.state == "draft":
            schedule.draft2waiting()
        if schedule.state == "waiting_attendees":
            schedule.waiting2inprogress()
        lines = schedule.course_attendee_ids.filtered("active")
        lines.filtered(lambda a: a.employee_id in absent).write({"result": "absent"})
        self._scm_step_write(
            {
                "stage": "held",
                "held_date": fields.Datetime.now(),
                "held_by_id": self.env.user.id,
            }
        )
        self.sudo().message_post(
            body=_(
                "Held: %(present)s of %(total)s trainees present.",
                present=len(trainees - absent),
                total=len(trainees),
            )
        )
        return True

    # -- planning ----------------------------------------------------------
    def _scm_planners(self):
        """Who plans the session: its organiser, its unit's manager, its
        superior and the Training Dept manager."""
        self.ensure_one()
        return (
            self.organiser_id
            | self._scm_unit_manager()
            | self._scm_superior()
            | self._scm_training_manager()
        )

    def _scm_check_planning_editable(self):
        for session in self:
            if not self.env.user.has_group("scm_base.group_scm_admin"):
                session._scm_check_actor(lambda s: s._scm_planners(), _("plan"))
            session._scm_check_stage(BEFORE_HELD, _("replanned"))

    # -- step: session record to HQ (TRN-FIVE-01 #4) --
    def _scm_check_record_editable(self):
        for session in self:
            session._scm_check_actor(
                lambda s: s.organiser_id, _("write the session record of")
            )
            session._scm_check_stage(AFTER_HELD, _("given its session record"))
            if session.scm_sent_to_hq:
                raise UserError(
                    _(
                        "The record of %(session)s was sent to HQ and is kept as sent.",
                        session=session.display_name,
                    )
                )

    def action_scm_send_record_to_hq(self):
        """The organiser sends the session record back to HQ: the Training
        Dept manager receives a written notice."""
        for session in self:
            session._scm_check_record_editable()
            if (
                is_html_empty(session.record_content)
                and not session.record_attachment_ids
            ):
                raise UserError(
                    _("Write the session record or attach it before sending it to HQ.")
                )
            session._scm_step_write(
                {
                    "scm_sent_to_hq": True,
                    "scm_sent_to_hq_date": fields.Datetime.now(),
                    "scm_sent_to_hq_by_id": self.env.user.id,
                }
            )
            manager = session._scm_training_manager()
            if manager:
                self.env["scm.notice"]._scm_send(
                    session,
                    _("Training record of %(doc)s", doc=session.name),
                    _(
                        "The record of the training session %(doc)s of "
                        "%(unit)s is sent to HQ (TRN-FIVE-01).",
                        doc=session.name,
                        unit=session.department_id.name or session.company_id.name,
                    ),
                    manager.partner_id,
                )
        return True

    # -- step: cancel --
    def action_scm_cancel(self, reason):
        """The organiser or the superior cancels a session not yet held."""
        reason = (reason or "").strip()
        for session in self:
            session._scm_check_actor(
                lambda s: s.organiser_id | s._scm_superior(), _("cancel")
            )
            session._scm_check_stage(BEFORE_HELD, _("cancelled"))
            if not reason:
                raise UserError(_("Write why the session is cancelled."))
            session._scm_step_write({"stage": "cancelled", "cancel_reason": reason})
            session.schedule_id.sudo().cancel_course()
            session.sudo().method_ids._scm_cancel_with_session()
            session.sudo().handout_ids._scm_cancel_with_session()
            session._scm_deadline_cancel()
            if session.calendar_event_id:
                session.calendar_event_id.sudo().active = False
            session.sudo().message_post(body=_("Cancelled: %(reason)s", reason=reason))
        return True

    # -- calendar --
    def _scm_calendar_partners(self):
        self.ensure_one()
        session = self.sudo()
        employees = session.attendant_ids | session.trainer_id
        partners = session.organiser_id.partner_id
        for employee in employees:
            partners |= employee.user_id.partner_id or employee.work_contact_id
        return partners

    def _scm_calendar_values(self):
        self.ensure_one()
        start = datetime.combine(self.start_date, time(9, 0))
        stop = datetime.combine(self.end_date or self.start_date, time(18, 0))
        return {
            "name": self.name,
            "allday": True,
            "start": start,
            "stop": max(stop, start + timedelta(hours=1)),
            "location": self.place or False,
            "user_id": self.organiser_id.id,
            "partner_ids": [(6, 0, self._scm_calendar_partners().ids)],
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def _scm_sync_calendar_event(self):
        """Once the method is approved, the session is an event in the
        calendars of its organiser, trainer and trainees; it follows the
        session's dates and people."""
        for session in self.sudo():
            if session.stage in ("planned", "cancelled") or not session.start_date:
                continue
            values = session._scm_calendar_values()
            if session.calendar_event_id:
                session.calendar_event_id.write(values)
            else:
                event = self.env["calendar.event"].sudo().create(values)
                session._scm_step_write({"calendar_event_id": event.id})

    # -- wizard buttons --
    def _scm_step_wizard(self, step, title):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "scm.training.session.step.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_session_id": self.id, "default_step": step},
        }

    def action_open_held_wizard(self):
        self._scm_check_actor(lambda s: s.organiser_id, _("mark held"))
        return self._scm_step_wizard("held", _("Mark Held: Attendance"))

    def action_open_special_case_wizard(self):
        self._scm_check_actor(lambda s: s.organiser_id, _("hold without a handout"))
        return self._scm_step_wizard("special_case", _("No Handout: Special Case"))

    def action_open_cancel_wizard(self):
        self._scm_check_actor(lambda s: s.organiser_id | s._scm_superior(), _("cancel"))
        return self._scm_step_wizard("cancel", _("Cancel the Session"))

    # -- method and handout buttons --
    def action_open_method(self):
        """The session's implementation method; the organiser's first click
        writes it (a draft)."""
        self.ensure_one()
        method = self.method_ids[:1]
        if not method:
            if not self._scm_acts_for(self.organiser_id):
                raise UserError(
                    _(
                        "%(session)s has no implementation method yet: its "
                        "organiser writes it.",
                        session=self.display_name,
                    )
                )
            method = self.env["scm.training.method"].create({"session_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.training.method",
            "view_mode": "form",
            "res_id": method.id,
        }

    def action_new_handout(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("New Handout"),
            "res_model": "scm.training.handout",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_session_id": self.id,
                "default_trainer_id": self.trainer_id.id,
            },
        }

    def action_print_method(self):
        self.ensure_one()
        if not self.method_ids:
            raise UserError(_("The session has no implementation method yet."))
        return self.method_ids[:1].action_print_method()

    # -- its place in the unit's monthly training plan sheet (TRN-PLAN-02)
    plan_id = fields.Many2one(
        "scm.training.plan",
        string="Training Plan Sheet",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('plan_type', '=', 'monthly'), ('stage', '!=', 'cancelled'), "
        "('company_id', '=', company_id), ('department_id', '=', department_id)]",
    )

    @api.constrains("plan_id", "company_id", "department_id")
    def _check_plan_unit(self):
        for session in self:
            plan = session.plan_id.sudo()
            if not plan:
                continue
            if (
                plan.plan_type != "monthly"
                or plan.company_id != session.company_id
                or plan.department_id != session.department_id
            ):
                raise ValidationError(
                    _(
                        "%(session)s can only belong to a monthly training plan "
                        "sheet of its own unit.",
                        session=session.display_name,
                    )
                )
