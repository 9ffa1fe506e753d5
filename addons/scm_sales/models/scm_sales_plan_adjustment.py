from datetime import datetime

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .scm_sales_plan_line import BUSINESS_LINE_KEYS
from .scm_sales_plan_target import target_field

ADJUSTMENT_STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("issued", "Issued"),
    ("cancel", "Cancelled"),
]
ADJUSTMENT_RULE = "SAL-PLAN-07"


class ScmSalesPlanAdjustment(models.Model):
    """《分公司月度销售计划调整通知单》: after evaluating month M, the MSD
    Manager re-adjusts a branch's targets of month M+1 by the 5th of M+1;
    once the Market Center Manager approves, the new targets replace the old
    ones and the notice is issued to the branch manager (SAL-PLAN-07)."""

    _name = "scm.sales.plan.adjustment"
    _description = "Branch Monthly Sales Plan Adjustment Notice"
    _inherit = ["mail.thread", "scm.sales.staged.mixin"]
    # Who prepared it, its lateness and its issue (stage and state: mixin).
    _scm_step_fields = ("user_id", "created_late", "issued_date", "notice_id")
    _order = "month desc, company_id"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        domain="[('parent_id', '!=', False)]",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        string="Adjusted Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="First day of the month whose targets are adjusted.",
    )
    plan_id = fields.Many2one(
        "scm.sales.plan", string="Branch Plan", compute="_compute_plan_id", store=True
    )
    report_id = fields.Many2one(
        "scm.sales.plan.report",
        string="Evaluated Report",
        domain="[('company_id', '=', company_id)]",
        help="The execution report of the previous month the adjustment follows.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    stage = fields.Selection(
        ADJUSTMENT_STAGES,
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    reason = fields.Html(
        help="Plan completion and branch resources that justify the adjustment.",
    )
    line_ids = fields.One2many(
        "scm.sales.plan.adjustment.line", "adjustment_id", string="New Targets"
    )
    created_late = fields.Boolean(
        readonly=True,
        copy=False,
        help="Prepared after the 5th of the adjusted month.",
    )
    issued_date = fields.Datetime(string="Issued On", readonly=True, copy=False)
    notice_id = fields.Many2one("scm.notice", string="Written Notice", readonly=True)

    @api.depends("company_id", "month")
    def _compute_name(self):
        for adjustment in self:
            adjustment.name = _(
                "%(branch)s %(month)s Adjustment Notice",
                branch=adjustment.company_id.name or "",
                month=adjustment.month and adjustment.month.strftime("%Y-%m") or "",
            )

    @api.depends("company_id", "month")
    def _compute_plan_id(self):
        Plan = self.env["scm.sales.plan"]
        for adjustment in self:
            adjustment.plan_id = (
                adjustment.month
                and adjustment.company_id
                and Plan._scm_find_plan(
                    "branch",
                    adjustment.month.year,
                    adjustment.company_id,
                    approved=True,
                )
            )

    @api.constrains("company_id", "month", "plan_id")
    def _check_plan(self):
        for adjustment in self:
            if not adjustment.plan_id:
                raise ValidationError(
                    _(
                        "%(branch)s has no approved sales plan for %(year)s: "
                        "there are no targets to adjust.",
                        branch=adjustment.company_id.name,
                        year=adjustment.month.year,
                    )
                )
            if adjustment.month.day != 1:
                raise ValidationError(
                    _("The adjusted month is given by its first day.")
                )

    @api.model
    def _scm_check_author(self):
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_manager"
        ):
            raise AccessError(
                _("Only the MSD Manager prepares a plan adjustment notice.")
            )

    def _scm_due(self):
        """The 5th of the adjusted month (SAL-PLAN-07 Open)."""
        self.ensure_one()
        previous = datetime.combine(
            self.month - relativedelta(months=1), datetime.min.time()
        ).replace(hour=12)
        return previous

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_author()
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        adjustments = super().create(vals_list)
        now = fields.Datetime.now()
        msd_manager = self.env["scm.sales.plan"]._scm_msd_manager()
        for adjustment in adjustments:
            adjustment.sudo().user_id = msd_manager
            deadline = adjustment._scm_deadline_open(
                ADJUSTMENT_RULE,
                _(
                    "Adjustment notice %(month)s",
                    month=adjustment.month.strftime("%Y-%m"),
                ),
                msd_manager,
                unit="next_month_day",
                start=adjustment._scm_due(),
                day=5,
            )
            if now > deadline.due_date:
                adjustment.sudo().created_late = True
            if not adjustment.line_ids:
                adjustment.line_ids = [
                    Command.create({"business_line": key, "sequence": index})
                    for index, key in enumerate(BUSINESS_LINE_KEYS)
                ]
                for line in adjustment.line_ids:
                    line.new_amount = line.current_amount
        return adjustments

    def write(self, vals):
        content = {"company_id", "month", "line_ids", "reason", "report_id"}
        if content & vals.keys() and self.filtered(lambda a: a.stage != "draft"):
            raise UserError(_("A submitted adjustment notice cannot be changed."))
        return super().write(vals)

    def _scm_approval_check_submit(self):
        self.ensure_one()
        if self.stage != "draft":
            raise UserError(_("Only a draft adjustment notice can be submitted."))
        self._scm_check_author()
        if not self.line_ids:
            raise ValidationError(_("The adjustment notice gives no new target."))
        if self.plan_id.stage not in ("approved", "final"):
            raise UserError(
                _(
                    "%(plan)s is not approved: its targets cannot be adjusted.",
                    plan=self.plan_id.display_name,
                )
            )

    def action_scm_submit(self):
        res = super().action_scm_submit()
        for adjustment in self:
            adjustment._scm_deadline_close(ADJUSTMENT_RULE)
            adjustment._scm_set_stage("submitted")
        return res

    def _scm_approval_on_approved(self):
        res = super()._scm_approval_on_approved()
        for adjustment in self:
            adjustment._scm_apply_targets()
            adjustment._scm_set_stage("approved")
            adjustment._scm_issue()
        return res

    def _scm_apply_targets(self):
        """Replace the month's targets of the branch plan with the new ones."""
        self.ensure_one()
        plan = self.plan_id.sudo()
        target = plan.target_ids.filtered(lambda t: t.month == str(self.month.month))
        values = {}
        for line in self.line_ids:
            column = target_field(line.business_line)
            line.sudo().previous_amount = target[column] if target else 0.0
            values[column] = line.new_amount
        # The approved notice writes the targets as the system (SAL-PLAN-07).
        Target = self.env["scm.sales.plan.target"].sudo()
        if target:
            target.write(values)
        else:
            Target.create(
                {"plan_id": plan.id, "month": str(self.month.month), **values}
            )
        plan.message_post(
            body=_(
                "Targets of %(month)s replaced by %(notice)s.",
                month=self.month.strftime("%Y-%m"),
                notice=self.name,
            )
        )

    def _scm_issue(self):
        """Send the approved notice in writing to the branch manager."""
        self.ensure_one()
        if self.stage != "approved":
            raise UserError(
                _(
                    "%(notice)s is not approved: it cannot be issued.",
                    notice=self.display_name,
                )
            )
        manager = self.company_id.sudo().scm_manager_id
        if not manager:
            raise UserError(
                _(
                    "Branch %(branch)s has no manager to receive the notice.",
                    branch=self.company_id.name,
                )
            )
        rows = "".join(
            f"<li>{line.business_line_label}: {line.new_amount:,.2f}</li>"
            for line in self.line_ids
        )
        body = (
            _(
                "<p>The sales targets of %(month)s are adjusted as follows; please "
                "execute them.</p>",
                month=self.month.strftime("%Y-%m"),
            )
            + f"<ul>{rows}</ul>"
        )
        notice = self.env["scm.notice"]._scm_send(
            self, self.name, body, manager.partner_id
        )
        self.sudo().with_context(skip_validation_check=True).write(
            {
                "stage": "issued",
                "issued_date": fields.Datetime.now(),
                "notice_id": notice.id,
            }
        )

    def action_issue(self):
        if not self.env.user.has_group("scm_base.group_msd_manager"):
            raise AccessError(_("Only the MSD Manager issues an adjustment notice."))
        for adjustment in self:
            adjustment._scm_issue()
        return True
