from odoo import _, api, fields, models
from odoo.exceptions import UserError

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
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.stage.mixin"]
    _order = "start_date desc, id desc"
    _scm_stage_field = "stage"

    schedule_id = fields.Many2one(
        "hr.course.schedule",
        string="Course Session",
        required=True,
        ondelete="cascade",
        index=True,
        copy=False,
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
        string="Organiser",
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

    # -- delegation to hr.course.schedule -----------------------------------
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
            if not own.get("schedule_id"):
                schedule = self.env["hr.course.schedule"].sudo().create(parent)
                own["schedule_id"] = schedule.id
            prepared.append(own)
        return super().create(prepared)

    def write(self, vals):
        own, parent = self._scm_schedule_values(vals)
        if parent:
            self.check_access("write")
            self._scm_check_schedule_editable(parent)
            self.schedule_id.sudo().write(parent)
        return super().write(own) if own else True

    def _scm_check_schedule_editable(self, vals):
        """The schedule's state is the session's stage seen by hr_course:
        only the steps move it."""
        if "state" in vals and not self.env.su:
            raise self._scm_guard_error({"state"})

    def unlink(self):
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

    # -- who --------------------------------------------------------------------
    def _scm_unit_manager(self):
        """The manager of the session's unit: its HQ department's manager,
        or the branch manager of its branch."""
        self.ensure_one()
        if self.department_id:
            return self.department_id._scm_manager_user()
        return self.company_id.sudo().scm_manager_id

    def _scm_training_manager(self):
        return self.env.ref("scm_base.dept_training")._scm_manager_user()

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
