from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

PROMOTION_STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("executing", "Executing"),
    ("cancel", "Cancelled"),
]
PROMOTION_RULE = "SAL-PLAN-05"


class ScmSalesPromotionPlan(models.Model):
    """The 《年度促销活动计划》: prepared by the MSD Pre-sales Specialist by
    Dec 30 from the branch plans, approved by the Market Center Manager, then
    executed by the specialist (SAL-PLAN-05)."""

    _name = "scm.sales.promotion.plan"
    _description = "Annual Promotion Activity Plan"
    _inherit = ["mail.thread", "scm.sales.staged.mixin"]
    # The author and the submission (stage and state: the mixin).
    _scm_step_fields = ("user_id", "submitted_date", "submitted_late")
    _order = "plan_year desc, id desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    plan_year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env["res.company"]._scm_hq(),
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
    )
    stage = fields.Selection(
        PROMOTION_STAGES,
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    description = fields.Html(
        string="Arrangement",
        help="How the MSD Manager arranged the year's promotions according to "
        "the branch plans.",
    )
    activity_line_ids = fields.One2many(
        "scm.sales.promotion.activity", "plan_id", string="Promotion Activities"
    )
    budget_total = fields.Monetary(
        string="Total Budget", compute="_compute_budget_total", store=True
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    submitted_late = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        ("year_unique", "UNIQUE(plan_year)", "There is one promotion plan per year.")
    ]

    @api.depends("plan_year")
    def _compute_name(self):
        for plan in self:
            plan.name = _(
                "%(year)s Annual Promotion Activity Plan", year=plan.plan_year
            )

    @api.depends("activity_line_ids.budget")
    def _compute_budget_total(self):
        for plan in self:
            plan.budget_total = sum(plan.activity_line_ids.mapped("budget"))

    def _scm_check_author(self):
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_presales"
        ):
            raise AccessError(
                _(
                    "Only the MSD Pre-sales Specialist prepares the annual "
                    "promotion activity plan."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_author()
        plans = super().create(vals_list)
        for plan in plans:
            if not plan.user_id.has_group("scm_base.group_msd_presales"):
                raise ValidationError(
                    _("The author must be an MSD Pre-sales Specialist.")
                )
            if not 2000 <= plan.plan_year <= 2100:
                raise ValidationError(
                    _("%(year)s is not a valid plan year.", year=plan.plan_year)
                )
            now = fields.Datetime.now()
            reference = min(
                max(now, datetime(plan.plan_year - 1, 1, 1, 12, 0)),
                datetime(plan.plan_year - 1, 12, 30, 0, 0),
            )
            plan._scm_deadline_open(
                PROMOTION_RULE,
                _("Prepare and submit the annual promotion activity plan"),
                plan.user_id,
                unit="annual_date",
                start=reference,
                month=12,
                day=30,
            )
        return plans

    def write(self, vals):
        content = {"plan_year", "company_id", "description", "activity_line_ids"}
        if content & vals.keys() and not self.env.su:
            if self.filtered(lambda p: p.stage != "draft"):
                raise UserError(
                    _("An approved or submitted promotion plan cannot be changed.")
                )
        return super().write(vals)

    def _scm_approval_check_submit(self):
        self.ensure_one()
        if self.stage != "draft":
            raise UserError(_("Only a draft promotion plan can be submitted."))
        if self.env.user != self.user_id:
            raise AccessError(
                _("Only the Pre-sales Specialist who prepared the plan submits it.")
            )
        self._scm_check_author()
        if not self.activity_line_ids:
            raise ValidationError(_("The promotion plan lists no activity."))

    def action_scm_submit(self):
        res = super().action_scm_submit()
        for plan in self:
            closed = plan._scm_deadline_close(PROMOTION_RULE)
            plan.sudo().with_context(skip_validation_check=True).write(
                {
                    "stage": "submitted",
                    "submitted_date": fields.Datetime.now(),
                    "submitted_late": plan.submitted_late
                    or any(closed.mapped("is_overdue")),
                }
            )
        return res

    def _scm_approval_on_approved(self):
        res = super()._scm_approval_on_approved()
        self._scm_set_stage("approved")
        return res

    def action_start_execution(self):
        """The Pre-sales Specialist starts executing the approved plan."""
        for plan in self:
            if plan.state != "approved" or plan.stage != "approved":
                raise UserError(
                    _(
                        "%(plan)s is not approved: its execution cannot start.",
                        plan=plan.display_name,
                    )
                )
            plan._scm_check_author()
            plan.sudo().write({"stage": "executing"})
        return True
