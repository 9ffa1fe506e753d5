from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# TRN-SM-01, the trainee's result: pass | fail → retake (≤ 7 days) → pass
# (cleared for post, 上岗) | pending layoff (待下岗, one month to improve).
STATUSES = [
    ("draft", "Not Recorded"),
    ("passed", "Passed"),
    ("retake_pending", "Retake Pending"),
    ("cleared", "Cleared for Post"),
    ("pending_layoff", "Pending Layoff"),
]
RETAKE_DAYS = 7  # "一周", read as 7 calendar days from the exam (TRN-EVAL-05)
EXCELLENT_SCORE = 1.0  # nominal weight of 优秀学员 in the monthly assessment


class ScmTrainingExamResult(models.Model):
    """One trainee's result in a session's exam, and their status after it
    (TRN-EVAL-03..05, TRN-SM-01). Only a trainee of the session gets one; it
    writes the result of the trainee's hr_course attendee line (their course
    history in HR). The trainee reads their own results.

    A fail owes a retake within 7 days: the deadline is the organiser's, who
    holds the retake, with the trainee following the result so that they see
    it ("complete the training content within one week, after which a retake
    is held"). The retake is recorded on the same line (its score, date and
    result); `attempt` tells which attempt the line's status comes from."""

    _name = "scm.training.exam.result"
    _description = "Trainee Exam Result"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.step.guard.mixin"]
    _order = "exam_id desc, id"
    _rec_name = "employee_id"
    _scm_step_fields = (
        "status",
        "attendee_id",
        "recorded_date",
        "retake_due_date",
        "retake_date",
        "retake_recorded_by_id",
        "result",
        "retake_result",
        "attempt",
    )

    exam_id = fields.Many2one(
        "scm.training.exam", required=True, ondelete="cascade", index=True
    )
    session_id = fields.Many2one(related="exam_id.session_id", store=True, index=True)
    company_id = fields.Many2one(
        related="exam_id.company_id", store=True, index=True, string="Unit"
    )
    department_id = fields.Many2one(
        related="exam_id.department_id", store=True, index=True
    )
    organiser_id = fields.Many2one(
        related="exam_id.organiser_id", store=True, index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Trainee", required=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        related="employee_id.user_id",
        store=True,
        index=True,
        string="Trainee's User",
    )
    attendee_id = fields.Many2one(
        "hr.course.attendee", string="Course Attendee Line", readonly=True
    )
    score = fields.Float(digits=(5, 1))
    result = fields.Selection(
        [("excellent", "Excellent"), ("pass", "Pass"), ("fail", "Fail")],
        compute="_compute_result",
        store=True,
        help="First attempt. Excellent is a pass with distinction.",
    )
    retake_score = fields.Float(digits=(5, 1))
    retake_result = fields.Selection(
        [("pass", "Pass"), ("fail", "Fail")],
        compute="_compute_retake_result",
        store=True,
    )
    attempt = fields.Selection(
        [("first", "First"), ("retake", "Retake")],
        compute="_compute_attempt",
        store=True,
    )
    status = fields.Selection(
        STATUSES, default="draft", required=True, tracking=True, index=True
    )
    recorded_date = fields.Datetime(readonly=True)
    retake_due_date = fields.Date(string="Retake Due", readonly=True)
    retake_date = fields.Datetime(string="Retake Recorded On", readonly=True)
    retake_recorded_by_id = fields.Many2one("res.users", readonly=True)
    note = fields.Char()

    _sql_constraints = [
        (
            "employee_uniq",
            "unique (exam_id, employee_id)",
            "A trainee has one result line per exam.",
        )
    ]

    @api.depends("score", "exam_id.pass_mark", "exam_id.excellent_mark")
    def _compute_result(self):
        for line in self:
            exam = line.exam_id
            if line.score >= exam.excellent_mark:
                line.result = "excellent"
            elif line.score >= exam.pass_mark:
                line.result = "pass"
            else:
                line.result = "fail"

    @api.depends("retake_score", "retake_date", "exam_id.pass_mark")
    def _compute_retake_result(self):
        for line in self:
            if not line.retake_date:
                line.retake_result = False
            else:
                line.retake_result = (
                    "pass" if line.retake_score >= line.exam_id.pass_mark else "fail"
                )

    @api.depends("retake_date")
    def _compute_attempt(self):
        for line in self:
            line.attempt = "retake" if line.retake_date else "first"

    @api.constrains("employee_id", "exam_id")
    def _check_trainee(self):
        """Only the session's trainees have results (TRN-EVAL-03)."""
        for line in self:
            session = line.exam_id.session_id.sudo()
            if line.employee_id not in session.attendant_ids:
                raise ValidationError(
                    _(
                        "%(name)s is not a trainee of %(doc)s: only its trainees "
                        "get exam results.",
                        name=line.employee_id.sudo().name,
                        doc=session.display_name,
                    )
                )

    def _scm_label(self, field):
        self.ensure_one()
        value = self[field]
        return dict(self._fields[field]._description_selection(self.env)).get(
            value, value or ""
        )

    # -- editing ---------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.exam_id._scm_check_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            retake_fields = {"retake_score", "note"}
            for line in self:
                exam = line.exam_id
                if exam.state == "draft" and "retake_score" not in vals:
                    exam._scm_check_editable()
                elif line.status == "retake_pending" and set(vals) <= retake_fields:
                    line.session_id._scm_eval_check_actor(_("record the retake"))
                else:
                    raise UserError(
                        _(
                            "The result of %(name)s in %(doc)s is recorded: it "
                            "can no longer be changed.",
                            name=line.employee_id.sudo().name,
                            doc=exam.display_name,
                        )
                    )
            if "exam_id" in vals:
                raise UserError(_("A result stays on its exam."))
        return super().write(vals)

    def unlink(self):
        self.exam_id._scm_check_editable()
        return super().unlink()

    # -- who -------------------------------------------------------------------
    def _scm_trainee_manager(self):
        """Who the trainee's fail is reported to (TRN-EVAL-03): the branch
        manager for a branch employee, else the manager of their department
        (or their own manager, or the session's unit manager)."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        company = employee.company_id
        if company.scm_unit_type == "branch" and company.scm_manager_id:
            return company.scm_manager_id
        return (
            employee.department_id.manager_id.user_id
            or employee.parent_id.user_id
            or self.session_id.sudo()._scm_unit_manager()
        )

    # -- steps (called by the exam) ---------------------------------------------
    def _scm_link_attendee(self, outcome):
        """Write the outcome on the trainee's hr_course attendee line (made
        if the schedule has none yet)."""
        self.ensure_one()
        schedule = self.session_id.sudo().schedule_id
        attendee = (
            self.attendee_id
            or schedule.course_attendee_ids.filtered(
                lambda a: a.employee_id == self.employee_id
            )[:1]
        )
        if not attendee:
            attendee = (
                self.env["hr.course.attendee"]
                .sudo()
                .create(
                    {
                        "course_schedule_id": schedule.id,
                        "employee_id": self.employee_id.id,
                    }
                )
            )
        attendee.sudo().result = outcome
        return attendee

    def _scm_record_first_attempt(self, now):
        """TRN-EVAL-03..05 for one trainee when the exam is confirmed."""
        self.ensure_one()
        failed = self.result == "fail"
        attendee = self._scm_link_attendee("failed" if failed else "passed")
        values = {
            "attendee_id": attendee.id,
            "recorded_date": now,
            "status": "retake_pending" if failed else "passed",
        }
        if failed:
            session = self.session_id.sudo()
            due = self.env["scm.workday"].add_calendar_days(
                now, RETAKE_DAYS, session.company_id
            )
            values["retake_due_date"] = self.env["scm.workday"]._local_date(
                due, session.company_id
            )
        self._scm_step_write(values)
        if failed:
            self._scm_on_fail(now)
        elif self.result == "excellent":
            self._scm_on_excellent()

    def _scm_on_fail(self, now):
        """TRN-EVAL-03: the fail is reported to the trainee's manager;
        TRN-EVAL-05: the retake is due within 7 days, held by the organiser,
        the trainee following."""
        session = self.session_id.sudo()
        name = self.employee_id.sudo().name
        if self.user_id:
            self.sudo().message_subscribe(partner_ids=self.user_id.partner_id.ids)
        self._scm_deadline_open(
            "TRN-EVAL-05.1",
            _(
                "Hold the retake of %(name)s for %(session)s",
                name=name,
                session=session.name,
            ),
            session.organiser_id,
            RETAKE_DAYS,
            unit="calendar_days",
            start=now,
        )
        manager = self._scm_trainee_manager()
        body = Markup(
            "<p>%s</p><ul><li>%s: %s</li><li>%s: %s</li><li>%s: %s</li></ul>"
        ) % (
            _(
                "%(name)s failed the exam of the training session %(session)s "
                "(TRN-EVAL-03). The training content is to be completed within "
                "one week, after which a retake is held (TRN-EVAL-05).",
                name=name,
                session=session.name,
            ),
            _("Score"),
            self.score,
            _("Pass mark"),
            self.exam_id.pass_mark,
            _("Retake due"),
            self.retake_due_date,
        )
        self.env["scm.notice"]._scm_send(
            self,
            _("Failed training exam: %(name)s", name=name),
            body,
            (manager | self.user_id).partner_id,
        )

    def _scm_on_excellent(self):
        """TRN-EVAL-04: a written commendation, the title of excellent
        trainee (优秀学员) and a performance entry."""
        session = self.session_id.sudo()
        name = self.employee_id.sudo().name
        body = Markup("<p>%s</p>") % _(
            "%(name)s is commended as an excellent trainee (优秀学员) of the "
            "training session %(session)s, with a score of %(score)s "
            "(TRN-EVAL-04).",
            name=name,
            session=session.name,
            score=self.score,
        )
        self.env["scm.notice"]._scm_send(
            self,
            _("Commendation: excellent trainee %(name)s", name=name),
            body,
            (self.user_id | self._scm_trainee_manager()).partner_id,
        )
        if self.user_id:
            self.env["scm.assessment.entry"]._scm_add(
                self.user_id,
                "commendation",
                _(
                    "Excellent trainee (优秀学员) of %(session)s (TRN-EVAL-04).",
                    session=session.name,
                ),
                score=EXCELLENT_SCORE,
                document=self,
            )

    def action_record_retake(self):
        """TRN-EVAL-05: the retake's result. Pass → cleared for post (上岗);
        fail → pending layoff (待下岗) with one month to improve, and a
        management decision owed by the unit's manager after it (Open
        reading). Sent to the Audit Dept in writing."""
        for line in self:
            session = line.session_id
            session._scm_eval_check_actor(_("record the retake"))
            if line.status != "retake_pending":
                raise UserError(
                    _(
                        "%(name)s has no retake pending in %(doc)s.",
                        name=line.employee_id.sudo().name,
                        doc=line.exam_id.display_name,
                    )
                )
            now = fields.Datetime.now()
            passed = line.retake_score >= line.exam_id.pass_mark
            line._scm_step_write(
                {
                    "retake_date": now,
                    "retake_recorded_by_id": self.env.user.id,
                    "status": "cleared" if passed else "pending_layoff",
                }
            )
            line._scm_link_attendee("passed" if passed else "failed")
            line._scm_deadline_close("TRN-EVAL-05.1")
            if not passed:
                line._scm_on_retake_fail(now)
            line.exam_id._scm_send_to_audit(
                line,
                _(
                    "Retake result to the Audit Dept: %(name)s",
                    name=line.employee_id.sudo().name,
                ),
                _("Trainee retake result (TRN-EVAL-05):"),
            )
        return True

    def _scm_on_retake_fail(self, now):
        session = self.session_id.sudo()
        name = self.employee_id.sudo().name
        month = session._scm_one_month(now)
        if self.user_id:
            self._scm_deadline_open(
                "TRN-EVAL-05.2",
                _(
                    "Improve within one month (pending layoff after %(session)s)",
                    session=session.name,
                ),
                self.user_id,
                month,
                unit="calendar_days",
                start=now,
            )
        manager = session._scm_unit_manager() or session._scm_training_manager()
        self._scm_deadline_open(
            "TRN-EVAL-05.3",
            _(
                "Decide on %(name)s (pending layoff) after the one-month "
                "improvement period",
                name=name,
            ),
            manager,
            month,
            unit="calendar_days",
            start=now,
        )
        self.env["scm.notice"]._scm_send(
            self,
            _("Pending layoff: %(name)s", name=name),
            Markup("<p>%s</p>")
            % _(
                "%(name)s failed the retake of %(session)s and is pending "
                "layoff (待下岗), with one month to improve (TRN-EVAL-05).",
                name=name,
                session=session.name,
            ),
            (self._scm_trainee_manager() | self.user_id).partner_id,
        )
