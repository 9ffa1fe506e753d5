from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

PLAN_TYPES = [
    ("annual", "Annual Training Plan"),
    ("monthly", "Training Plan Sheet (Monthly)"),
    ("stage", "Training Scheme (Stage)"),
    ("weekly", "Weekly Training Schedule"),
]
# TRN-SM-01 annual plan: draft → submitted → approved | revise (→ submitted).
# The monthly sheet, the stage scheme and the weekly schedule are issued by
# their unit (FORMS rows 79, 115, 116: no approval).
STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("revise", "To Revise"),
    ("approved", "Approved"),
    ("issued", "Issued"),
    ("cancelled", "Cancelled"),
]
EDITABLE_STAGES = ("draft", "revise")
MONTHS = [(str(m), str(m)) for m in range(1, 13)]
# TRN-PLAN-02: the 11 items of the 《培训计划表》.
SHEET_FIELDS = (
    "purpose",
    "training_time",
    "place",
    "audience",
    "method",
    "content",
    "handout_writing",
    "trainer_id",
    "division_of_work",
    "cost_forecast",
    "result_assessment",
)
# The manual asks for the revision "promptly" (TRN-PLAN-01): two working days.
REVISION_DAYS = 2


class ScmTrainingPlan(models.Model):
    """A unit's training plan, one model for four forms (FORMS §4): the
    《年度培训计划》 (annual, 12 monthly lines, approved by the superior,
    TRN-PLAN-01), the monthly 《培训计划表》 derived from the approved annual
    plan (TRN-PLAN-02), the stage 《培训方案》 and the 《每周的培训安排》
    (TRN-PLAN-03)."""

    _name = "scm.training.plan"
    _description = "Training Plan"
    _inherit = [
        "mail.thread",
        "scm.training.unit.mixin",
        "scm.approval.mixin",
        "scm.stage.mixin",
    ]
    _order = "year desc, month desc, week_start desc, id desc"
    _scm_stage_field = "stage"
    _scm_step_fields = (
        "preparer_id",
        "approved_date",
        "issued_by_id",
        "issued_date",
    )

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    plan_type = fields.Selection(
        PLAN_TYPES, string="Type", required=True, default="annual", index=True
    )
    stage = fields.Selection(
        STAGES,
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    year = fields.Integer(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    month = fields.Selection(MONTHS, index=True, help="The month of a monthly sheet.")
    week_start = fields.Date(string="Week Starting", index=True)
    week_end = fields.Date(string="Week Ending", compute="_compute_week_end")
    date_from = fields.Date(string="Period From")
    date_to = fields.Date(string="Period To")
    preparer_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    is_hq_overall = fields.Boolean(
        string="HQ Overall Plan",
        compute="_compute_is_hq_overall",
        store=True,
        index=True,
        help="The Training Dept's own annual plan: the HQ overall training plan "
        "every unit's annual plan is prepared from.",
    )
    # -- annual (TRN-PLAN-01) --------------------------------------------------
    line_ids = fields.One2many(
        "scm.training.plan.line", "plan_id", string="Monthly Lines", copy=True
    )
    hq_plan_id = fields.Many2one(
        "scm.training.plan",
        string="HQ Overall Training Plan",
        index=True,
        domain="[('is_hq_overall', '=', True), ('year', '=', year), "
        "('stage', '=', 'approved')]",
        help="Source 1: the Training Dept's approved annual plan of the year.",
    )
    requirements = fields.Text(
        string="Training Requirements of the Departments",
        help="Source 2: the training requirements of the marketing departments.",
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    # -- monthly sheet (TRN-PLAN-02) -------------------------------------------
    parent_id = fields.Many2one(
        "scm.training.plan",
        string="Annual Plan",
        index=True,
        ondelete="restrict",
        domain="[('plan_type', '=', 'annual'), ('stage', '=', 'approved'), "
        "('company_id', '=', company_id), ('department_id', '=', department_id)]",
    )
    purpose = fields.Text()
    training_time = fields.Char(string="Time")
    place = fields.Char()
    audience = fields.Char()
    method = fields.Text()
    content = fields.Text(help="The content of the sheet, scheme or schedule.")
    handout_writing = fields.Text()
    trainer_id = fields.Many2one("hr.employee", string="Lead Trainer")
    division_of_work = fields.Text(string="Division of Work")
    cost_forecast = fields.Text()
    result_assessment = fields.Text()
    support_request_ids = fields.One2many(
        "scm.training.support.request", "plan_id", string="Support Requests"
    )
    session_ids = fields.One2many(
        "scm.training.session", "plan_id", string="Sessions", readonly=True
    )
    session_count = fields.Integer(compute="_compute_session_count")
    weekly_missing = fields.Boolean(
        string="Weekly Schedule Missing",
        compute="_compute_weekly_missing",
        help="TRN-PLAN-03: the branch issued no weekly training schedule in the "
        "month of this sheet (see Reporting > Weekly Schedule Check).",
    )
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    issued_date = fields.Datetime(string="Issued On", readonly=True, copy=False)

    # -- computes -----------------------------------------------------------------
    @api.depends("plan_type", "department_id")
    def _compute_is_hq_overall(self):
        training = self.env.ref("scm_base.dept_training", raise_if_not_found=False)
        for plan in self:
            plan.is_hq_overall = bool(
                plan.plan_type == "annual"
                and training
                and plan.department_id == training
            )

    @api.depends("week_start")
    def _compute_week_end(self):
        for plan in self:
            plan.week_end = plan.week_start and fields.Date.add(plan.week_start, days=6)

    def _compute_weekly_missing(self):
        sheets = self.filtered(
            lambda p: p.plan_type == "monthly" and p.month and not p.department_id
        )
        (self - sheets).weekly_missing = False
        if not sheets:
            return
        # The check is a view on the tables: pending writes go first.
        self.env.flush_all()
        gaps = self.env["scm.training.weekly.gap.report"].sudo()
        for plan in sheets:
            plan.weekly_missing = bool(
                gaps.search_count(
                    [
                        ("company_id", "=", plan.company_id.id),
                        ("year", "=", plan.year),
                        ("month", "=", int(plan.month)),
                        ("weekly_missing", "=", True),
                    ]
                )
            )

    def _compute_session_count(self):
        for plan in self:
            plan.session_count = len(plan.session_ids)

    @api.depends(
        "plan_type",
        "year",
        "month",
        "week_start",
        "date_from",
        "company_id",
        "department_id",
    )
    def _compute_name(self):
        for plan in self:
            unit = plan.department_id.sudo().name or plan.company_id.sudo().name or ""
            if plan.plan_type == "monthly":
                period = f"{plan.year}-{int(plan.month or 0):02d}"
            elif plan.plan_type == "weekly":
                period = str(plan.week_start or "")
            elif plan.plan_type == "stage":
                period = str(plan.date_from or plan.year)
            else:
                period = str(plan.year)
            label = dict(self._fields["plan_type"]._description_selection(self.env))
            plan.name = f"{label.get(plan.plan_type, '')} {period} {unit}".strip()

    # -- onchange / constraints ---------------------------------------------------
    @api.onchange("parent_id")
    def _onchange_parent_id(self):
        if self.parent_id:
            self.company_id = self.parent_id.company_id
            self.department_id = self.parent_id.department_id
            self.year = self.parent_id.year

    @api.onchange("week_start")
    def _onchange_week_start(self):
        if self.week_start:
            self.year = self.week_start.year

    @api.constrains("plan_type", "month", "week_start")
    def _check_period(self):
        for plan in self:
            if plan.plan_type == "monthly" and not plan.month:
                raise ValidationError(_("A training plan sheet is for one month."))
            if plan.plan_type == "weekly" and not plan.week_start:
                raise ValidationError(
                    _("A weekly training schedule needs the week it starts.")
                )

    @api.constrains("plan_type", "parent_id", "company_id", "department_id", "year")
    def _check_parent(self):
        """TRN-PLAN-02: a monthly sheet comes from the approved annual plan
        of its unit and year."""
        for plan in self.filtered(lambda p: p.plan_type == "monthly"):
            parent = plan.parent_id.sudo()
            if (
                not parent
                or parent.plan_type != "annual"
                or parent.stage != "approved"
                or parent.company_id != plan.company_id
                or parent.department_id != plan.department_id
                or parent.year != plan.year
            ):
                raise ValidationError(
                    _(
                        "A training plan sheet is prepared from the approved "
                        "annual training plan of its unit and year: approve "
                        "%(unit)s's annual plan for %(year)s first.",
                        unit=plan.unit_name,
                        year=plan.year,
                    )
                )

    # -- CRUD ---------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("plan_type", "annual") == "annual" and not vals.get("line_ids"):
                # The 12 months to fill in (TRN-PLAN-01).
                vals["line_ids"] = [
                    Command.create({"month": str(month)}) for month in range(1, 13)
                ]
            if vals.get("plan_type") == "monthly" and vals.get("parent_id"):
                parent = self.browse(vals["parent_id"]).sudo()
                vals.setdefault("company_id", parent.company_id.id)
                vals.setdefault("department_id", parent.department_id.id)
                vals.setdefault("year", parent.year)
            if vals.get("plan_type") == "weekly" and vals.get("week_start"):
                vals.setdefault("year", fields.Date.to_date(vals["week_start"]).year)
        plans = super().create(vals_list)
        plans._scm_check_keeper(_("prepare"))
        return plans

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            content = [
                name for name in vals if not name.startswith(("message_", "activity_"))
            ]
            if content:
                for plan in self:
                    plan._scm_check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        for plan in self:
            if plan.stage != "draft" or plan.session_ids:
                raise UserError(
                    _(
                        "%(doc)s is past its draft or has sessions: cancel it "
                        "instead of deleting it.",
                        doc=plan.display_name,
                    )
                )

    def _scm_check_editable(self):
        """Content changes while the plan is a draft (or returned for
        revision), by the unit's keepers."""
        self.ensure_one()
        if self.stage not in EDITABLE_STAGES:
            raise UserError(
                _(
                    "%(doc)s is %(stage)s: its content can no longer change.",
                    doc=self.display_name,
                    stage=self._scm_stage_label(),
                )
            )
        self._scm_check_keeper(_("edit"))

    def _scm_write(self, vals):
        return self.with_context(skip_validation_check=True)._scm_step_write(vals)

    # -- approval of the annual plan (TRN-PLAN-01, TRN-SM-01) -------------------------
    def _scm_check_annual(self):
        for plan in self:
            if plan.plan_type != "annual":
                raise UserError(
                    _(
                        "%(doc)s is not an annual plan: it is issued by its unit, "
                        "not submitted for approval.",
                        doc=plan.display_name,
                    )
                )

    def _scm_approval_check_submit(self):
        self.ensure_one()
        lines = self.line_ids
        months = set(lines.mapped("month"))
        if len(lines) != 12 or months != {str(m) for m in range(1, 13)}:
            raise UserError(
                _(
                    "%(doc)s must be broken down into 12 monthly lines, one for "
                    "each month from 1 to 12 (it has %(count)s).",
                    doc=self.display_name,
                    count=len(lines),
                )
            )
        empty = lines.filtered(lambda line: not (line.topics or "").strip())
        if empty:
            raise UserError(
                _(
                    "Write the training topics of month %(months)s.",
                    months=", ".join(sorted(empty.mapped("month"), key=int)),
                )
            )
        if not (self.requirements or "").strip():
            raise UserError(
                _(
                    "Write the training requirements of the departments the plan "
                    "is prepared from."
                )
            )
        if not self.is_hq_overall:
            hq_plan = self.hq_plan_id.sudo()
            if not hq_plan or not hq_plan.is_hq_overall or hq_plan.year != self.year:
                raise UserError(
                    _(
                        "Refer to the HQ overall training plan of %(year)s the "
                        "plan is prepared from.",
                        year=self.year,
                    )
                )

    def action_scm_submit(self):
        """The unit's manager or training specialist submits the annual plan
        to the superior: the Training Dept manager, or the President for the
        Training Dept's overall plan."""
        self._scm_check_annual()
        for plan in self:
            plan._scm_check_stage(EDITABLE_STAGES, _("submitted"))
            plan._scm_check_keeper(_("submit"))
        res = super().action_scm_submit()
        self._scm_write({"stage": "submitted"})
        return res

    def action_scm_withdraw(self):
        for plan in self.filtered(lambda p: p.state == "to_approve"):
            plan._scm_check_keeper(_("withdraw"))
            super(ScmTrainingPlan, plan).action_scm_withdraw()
            plan._scm_write({"stage": "draft"})
        return True

    def _scm_nothing_to_decide(self):
        return UserError(
            _(
                "You have no decision to give on %(doc)s: its superior approves it.",
                doc=self.display_name,
            )
        )

    def _scm_revision_deadline(self):
        return (REVISION_DAYS, "TRN-PLAN-01")

    def _scm_approval_on_approved(self):
        self._scm_write({"stage": "approved", "approved_date": fields.Datetime.now()})
        self.sudo().message_post(
            body=_(
                "Approved: the monthly training plan sheets can now be prepared "
                "from it."
            )
        )

    def _scm_approval_on_rejected(self):
        self._scm_write({"stage": "revise"})

    # -- monthly sheet, stage scheme, weekly schedule --------------------------
    def _scm_missing_for_issue(self):
        self.ensure_one()
        if self.plan_type == "monthly":
            names = SHEET_FIELDS
        elif self.plan_type == "stage":
            names = ("content", "date_from", "date_to")
        else:
            names = ("content", "week_start")
        return [
            self._fields[name]._description_string(self.env)
            for name in names
            if not self[name]
            or (isinstance(self[name], str) and not self[name].strip())
        ]

    def action_issue(self):
        """The unit issues its monthly sheet, stage scheme or weekly
        schedule (TRN-PLAN-02/03)."""
        for plan in self:
            if plan.plan_type == "annual":
                raise UserError(
                    _(
                        "%(doc)s is an annual plan: submit it for approval.",
                        doc=plan.display_name,
                    )
                )
            plan._scm_check_stage(("draft",), _("issued"))
            plan._scm_check_keeper(_("issue"))
            missing = plan._scm_missing_for_issue()
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot be issued without: %(fields)s.",
                        doc=plan.display_name,
                        fields=", ".join(missing),
                    )
                )
            if plan.plan_type == "monthly":
                plan._check_parent()
            plan._scm_write(
                {
                    "stage": "issued",
                    "issued_by_id": self.env.user.id,
                    "issued_date": fields.Datetime.now(),
                }
            )
        return True

    def action_cancel(self):
        for plan in self:
            plan._scm_check_stage(("draft", "revise", "issued"), _("cancelled"))
            plan._scm_check_keeper(_("cancel"))
            if plan.session_ids:
                raise UserError(
                    _(
                        "%(doc)s has sessions: move them to another sheet first.",
                        doc=plan.display_name,
                    )
                )
            plan._scm_write({"stage": "cancelled", "state": "cancel"})
        return True

    def action_new_monthly_sheet(self):
        """A monthly sheet prepared from this approved annual plan."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.training.plan",
            "view_mode": "form",
            "context": {
                "default_plan_type": "monthly",
                "default_parent_id": self.id,
                "default_company_id": self.company_id.id,
                "default_department_id": self.department_id.id,
                "default_year": self.year,
            },
        }

    def action_open_sessions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Sessions"),
            "res_model": "scm.training.session",
            "view_mode": "list,form",
            "domain": [("plan_id", "=", self.id)],
            "context": {
                "default_plan_id": self.id,
                "default_company_id": self.company_id.id,
                "default_department_id": self.department_id.id,
            },
        }

    def action_print_plan(self):
        self.ensure_one()
        report = (
            "scm_training.action_report_plans_annual"
            if self.plan_type == "annual"
            else "scm_training.action_report_plans_monthly"
        )
        return self.env.ref(report).report_action(self)
