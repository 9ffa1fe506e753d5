from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .brand_stage_template import ACCEPTORS, IMPLEMENTERS, PROJECT_TYPES

STAGE_STATES = [
    ("waiting", "Waiting"),
    ("in_progress", "In Progress"),
    ("submitted", "Submitted for Acceptance"),
    ("accepted", "Accepted"),
]
IMPL_DEADLINE = "PRJ-BRD-05.1"
ACCEPT_DEADLINE = "PRJ-BRD-05.2"
# The design workflow (PRJ-BRD-07), by stage number: code, name. The
# customer's style selection closes stage 2; "not selected" goes back to
# drawing design.
DESIGN_STEPS = {
    1: [
        ("design_plan", "Design plan"),
        ("discussion", "Design/planning discussion"),
        ("consolidation", "Scheme consolidation and preliminary sketch review"),
    ],
    2: [
        ("drawing_design", "Drawing design"),
        ("final_drawings", "Final drawings consolidation"),
        ("design_review", "Design review"),
        ("drawing_adjustment", "Drawing adjustment confirmation"),
        ("style_selection", "The customer selects drawing styles"),
    ],
    3: [
        ("pattern_making", "Process research / pattern making"),
        ("pattern_consolidation", "Pattern consolidation"),
        ("pattern_review", "Pattern review"),
        ("pattern_adjustment", "Pattern adjustment confirmation"),
    ],
    4: [
        ("sample_guidance", "Sample-making process guidance"),
        ("sample_adjustment", "Sample adjustment"),
        ("customer_final_acceptance", "Customer final acceptance"),
    ],
}
# The promotion workflow (PRJ-BRD-09): production, promotion, completion.
PROMOTION_STEPS = {
    4: [
        ("production", "Production/implementation"),
        ("promotion", "Promotion"),
        ("implementation_complete", "Implementation complete"),
    ],
}
STYLE_STEP = "style_selection"
STYLE_RESTART = "drawing_design"


class ScmBrandStage(models.Model):
    """One of the five stages of a brand project (PRJ-BRD-03/04), copied from
    its template when the project starts. The team plans its duration within
    the range (PRJ-BRD-05); a stage open after start + max days is overdue,
    an acceptance later than submission + max acceptance days is late; both
    are searchable and owed as deadlines of the Brand Operation Center
    manager. The stage closes with its acceptance form (PRJ-BRD-06)."""

    _name = "scm.brand.stage"
    _description = "Brand Project Stage"
    _inherit = ["mail.thread", "scm.step.guard.mixin", "scm.deadline.mixin"]
    _order = "brand_project_id desc, sequence, id"
    _scm_step_fields = (
        "brand_project_id",
        "template_id",
        "name",
        "sequence",
        "project_type",
        "deliverable",
        "implementer",
        "acceptor",
        "min_days",
        "max_days",
        "accept_min_days",
        "accept_max_days",
        "loop_allowed",
        "feedback",
        "state",
        "start_date",
        "submitted_date",
        "accepted_date",
        "accepted_late",
        "acceptance_id",
        "adjust_count",
        "rejection_count",
    )

    brand_project_id = fields.Many2one(
        "scm.brand.project",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="brand_project_id.company_id", string="Branch", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="brand_project_id.partner_id", string="Customer", store=True
    )
    template_id = fields.Many2one("scm.brand.stage.template", readonly=True)
    name = fields.Char(string="Stage", required=True, readonly=True)
    sequence = fields.Integer(string="No.", readonly=True)
    project_type = fields.Selection(PROJECT_TYPES, readonly=True)
    deliverable = fields.Char(readonly=True)
    implementer = fields.Selection(IMPLEMENTERS, readonly=True)
    acceptor = fields.Selection(ACCEPTORS, readonly=True)
    min_days = fields.Integer(string="Min. Days", readonly=True)
    max_days = fields.Integer(string="Max. Days", readonly=True)
    accept_min_days = fields.Integer(string="Min. Acceptance Days", readonly=True)
    accept_max_days = fields.Integer(string="Max. Acceptance Days", readonly=True)
    loop_allowed = fields.Boolean(string="Adjustment Loop", readonly=True)
    feedback = fields.Boolean(string="Feedback Stage", readonly=True)
    planned_days = fields.Integer(
        tracking=True,
        help="The planned implementation duration, in calendar days, within "
        "the stage's range (PRJ-BRD-05).",
    )
    note = fields.Text()
    state = fields.Selection(
        STAGE_STATES,
        default="waiting",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    start_date = fields.Date(string="Started On", readonly=True, tracking=True)
    planned_end_date = fields.Date(
        string="Planned End", compute="_compute_dates", store=True
    )
    deadline_date = fields.Date(
        string="Latest End",
        compute="_compute_dates",
        store=True,
        help="Start + maximum implementation days.",
    )
    submitted_date = fields.Date(string="Submitted On", readonly=True, tracking=True)
    accept_deadline_date = fields.Date(
        string="Accept By",
        compute="_compute_dates",
        store=True,
        help="Submission + maximum acceptance days.",
    )
    accepted_date = fields.Date(string="Accepted On", readonly=True, tracking=True)
    accepted_late = fields.Boolean(readonly=True)
    overdue = fields.Boolean(compute="_compute_flags", search="_search_overdue")
    late_acceptance = fields.Boolean(
        compute="_compute_flags",
        search="_search_late_acceptance",
    )
    step_ids = fields.One2many(
        "scm.brand.stage.step", "stage_id", string="Checklist", readonly=True
    )
    acceptance_id = fields.Many2one(
        "scm.brand.acceptance", string="Acceptance Form", readonly=True
    )
    adjust_count = fields.Integer(string="Adjustments", readonly=True)
    rejection_count = fields.Integer(string="Styles Not Selected", readonly=True)

    # -- computes ------------------------------------------------------------------
    @api.depends(
        "start_date", "planned_days", "max_days", "submitted_date", "accept_max_days"
    )
    def _compute_dates(self):
        for stage in self:
            start = stage.start_date
            stage.planned_end_date = start and start + timedelta(
                days=stage.planned_days
            )
            stage.deadline_date = start and start + timedelta(days=stage.max_days)
            submitted = stage.submitted_date
            stage.accept_deadline_date = submitted and submitted + timedelta(
                days=stage.accept_max_days
            )

    def _scm_today(self):
        return fields.Date.context_today(self)

    @api.depends("state", "deadline_date", "accept_deadline_date", "accepted_late")
    def _compute_flags(self):
        today = self._scm_today()
        for stage in self:
            stage.overdue = bool(
                stage.state == "in_progress"
                and stage.deadline_date
                and today > stage.deadline_date
            )
            stage.late_acceptance = bool(
                stage.accepted_late
                or (
                    stage.state == "submitted"
                    and stage.accept_deadline_date
                    and today > stage.accept_deadline_date
                )
            )

    def _search_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue stages."))
        domain = [
            ("state", "=", "in_progress"),
            ("deadline_date", "<", self._scm_today()),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def _search_late_acceptance(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on late acceptances."))
        domain = [
            "|",
            ("accepted_late", "=", True),
            "&",
            ("state", "=", "submitted"),
            ("accept_deadline_date", "<", self._scm_today()),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *domain]

    # -- constraints -----------------------------------------------------------------
    @api.constrains("planned_days", "min_days", "max_days")
    def _check_planned_days(self):
        """PRJ-BRD-05: the planned duration lies within the stage's range."""
        for stage in self:
            if not stage.min_days <= stage.planned_days <= stage.max_days:
                raise ValidationError(
                    _(
                        "The planned duration of %(stage)s must lie between "
                        "%(min)s and %(max)s days (PRJ-BRD-05); %(days)s "
                        "days were given.",
                        stage=stage.name,
                        min=stage.min_days,
                        max=stage.max_days,
                        days=stage.planned_days,
                    )
                )

    def write(self, vals):
        if not self.env.su and "planned_days" in vals:
            self.check_access("write")
            for stage in self:
                stage.brand_project_id._scm_brand_check_team(_("plan a stage"))
                if stage.state == "accepted":
                    raise UserError(
                        _(
                            "%(stage)s is accepted: its plan is closed.",
                            stage=stage.name,
                        )
                    )
        return super().write(vals)

    # -- generation ------------------------------------------------------------------
    @api.model
    def _scm_generate(self, project, templates):
        """The project's stages from its type's templates (PRJ-BRD-03/04)."""
        stages = self.browse()
        for template in templates:
            stages |= self.sudo().create(
                {
                    "brand_project_id": project.id,
                    "template_id": template.id,
                    "name": template.name,
                    "sequence": template.sequence,
                    "project_type": template.project_type,
                    "deliverable": template.deliverable,
                    "implementer": template.implementer,
                    "acceptor": template.acceptor,
                    "min_days": template.min_days,
                    "max_days": template.max_days,
                    "accept_min_days": template.accept_min_days,
                    "accept_max_days": template.accept_max_days,
                    "loop_allowed": template.loop_allowed,
                    "feedback": template.feedback,
                    "planned_days": template.min_days,
                }
            )
        for stage in stages:
            steps = (
                DESIGN_STEPS if stage.project_type == "design" else PROMOTION_STEPS
            ).get(stage.sequence, [])
            self.env["scm.brand.stage.step"].sudo().create(
                [
                    {
                        "stage_id": stage.id,
                        "sequence": index,
                        "code": code,
                        "name": name,
                    }
                    for index, (code, name) in enumerate(steps, start=1)
                ]
            )
        return stages

    def _scm_start(self):
        for stage in self:
            stage._scm_step_write(
                {"state": "in_progress", "start_date": stage._scm_today()}
            )
            stage._scm_deadline_open(
                IMPL_DEADLINE,
                _("Complete the stage %(stage)s", stage=stage.name),
                stage.brand_project_id._scm_brand_owner(),
                amount=stage.max_days,
                unit="calendar_days",
            )

    # -- steps -------------------------------------------------------------------
    def _scm_check_state(self, states, action):
        for stage in self:
            if stage.state not in states:
                raise UserError(
                    _(
                        "%(stage)s is %(state)s: it cannot %(action)s now.",
                        stage=stage.name,
                        state=dict(STAGE_STATES)[stage.state],
                        action=action,
                    )
                )

    def action_record_style_selection(self, selected, note=None):
        """The customer's drawing-style selection (PRJ-BRD-07 step 8):
        selected closes the checklist of stage 2; not selected goes back to
        drawing design, logged."""
        self.ensure_one()
        self.brand_project_id._scm_brand_check_team(
            _("record the customer's style selection")
        )
        self._scm_check_state(("in_progress",), _("record a style selection"))
        steps = self.sudo().step_ids.sorted("sequence")
        step = steps.filtered(lambda s: s.code == STYLE_STEP)
        if not step:
            raise UserError(
                _("%(stage)s has no customer style selection.", stage=self.name)
            )
        if steps.filtered(lambda s: s.sequence < step.sequence and not s.done):
            raise UserError(
                _("Complete the drawing steps before the customer selects styles.")
            )
        if selected:
            step._scm_mark_done(result="selected")
            self.message_post(
                body=_(
                    "The customer selected the drawing styles. %(note)s",
                    note=note or "",
                )
            )
            return True
        restart = steps.filtered(lambda s: s.code == STYLE_RESTART)
        steps.filtered(lambda s: s.sequence >= restart.sequence)._scm_step_write(
            {"done": False, "done_date": False, "done_by_id": False, "result": False}
        )
        self._scm_step_write({"rejection_count": self.rejection_count + 1})
        self.message_post(
            body=_(
                "The customer did not select the drawing styles: back to drawing "
                "design (%(count)s). %(note)s",
                count=self.rejection_count,
                note=note or "",
            )
        )
        return True

    def action_submit(self):
        """The team submits the stage's deliverable for acceptance; the
        acceptance period starts (PRJ-BRD-05)."""
        for stage in self:
            stage.brand_project_id._scm_brand_check_team(_("submit a stage"))
            stage._scm_check_state(("in_progress",), _("be submitted"))
            if stage.sudo().step_ids.filtered(lambda s: not s.done):
                raise UserError(
                    _(
                        "Complete the checklist of %(stage)s before submitting it.",
                        stage=stage.name,
                    )
                )
            if (
                stage.feedback
                and not stage.brand_project_id.sudo().brand_deliverable_ids.filtered(
                    lambda d: (
                        d.deliverable_type == "feedback_report"
                        and d.state in ("accepted", "sent")
                    )
                )
            ):
                raise UserError(
                    _(
                        "The feedback stage is accepted on the feedback survey "
                        "report: compile it and have it accepted first (PRJ-BRD-08)."
                    )
                )
            today = stage._scm_today()
            stage._scm_step_write({"state": "submitted", "submitted_date": today})
            stage._scm_deadline_close(IMPL_DEADLINE)
            acceptance = stage.acceptance_id
            if acceptance:
                acceptance._scm_reset()
            else:
                acceptance = (
                    self.env["scm.brand.acceptance"]
                    .sudo()
                    .create({"stage_id": stage.id})
                )
                stage._scm_step_write({"acceptance_id": acceptance.id})
            stage._scm_deadline_open(
                ACCEPT_DEADLINE,
                _("Accept the stage %(stage)s", stage=stage.name),
                stage.brand_project_id._scm_brand_owner(),
                amount=stage.accept_max_days,
                unit="calendar_days",
            )
        return True

    def action_adjust(self, note=None):
        """PRJ-BRD-09: the promotion design/planning stage goes back for
        adjustment before production starts."""
        for stage in self:
            stage.brand_project_id._scm_brand_check_team(_("adjust a stage"))
            if not stage.loop_allowed:
                raise UserError(
                    _("%(stage)s has no adjustment loop.", stage=stage.name)
                )
            stage._scm_check_state(("in_progress", "submitted"), _("be adjusted"))
            if stage.state == "submitted":
                stage._scm_deadline_close(ACCEPT_DEADLINE)
                stage.acceptance_id._scm_reset()
            stage._scm_step_write(
                {
                    "state": "in_progress",
                    "submitted_date": False,
                    "adjust_count": stage.adjust_count + 1,
                }
            )
            stage.message_post(
                body=_(
                    "Adjustment %(count)s of %(stage)s. %(note)s",
                    count=stage.adjust_count,
                    stage=stage.name,
                    note=note or "",
                )
            )
        return True

    def _scm_on_accepted(self):
        """The acceptance form closed: the stage is accepted, late or not,
        and the next stage starts."""
        self.ensure_one()
        today = self._scm_today()
        self._scm_step_write(
            {
                "state": "accepted",
                "accepted_date": today,
                "accepted_late": bool(
                    self.accept_deadline_date and today > self.accept_deadline_date
                ),
            }
        )
        self._scm_deadline_close(ACCEPT_DEADLINE)
        project = self.brand_project_id.sudo()
        following = project.brand_stage_ids.filtered(
            lambda s: s.state == "waiting" and s.sequence > self.sequence
        ).sorted("sequence")[:1]
        if following:
            following._scm_start()
        else:
            project._scm_step_write({"brand_impl_state": "done"})
            project.message_post(body=_("Brand project implementation complete."))
