from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .scm_sales_plan_line import BUSINESS_LINE_KEYS

MONTHS = [(str(month), f"{month:02d}") for month in range(1, 13)]


def target_field(business_line):
    """The monthly target column of a business line."""
    return f"amount_{business_line}"


class ScmSalesPlanTarget(models.Model):
    """One month of a branch's annual plan: its target per business line
    (SAL-PLAN-08). An approved adjustment notice replaces it (SAL-PLAN-07)."""

    _name = "scm.sales.plan.target"
    _description = "Monthly Sales Target"
    _inherit = ["scm.step.guard.mixin"]
    _order = "plan_id, month_number, id"
    _rec_name = "date"

    plan_id = fields.Many2one(
        "scm.sales.plan",
        string="Sales Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Branch", store=True, index=True
    )
    plan_year = fields.Integer(related="plan_id.plan_year", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    month = fields.Selection(MONTHS, required=True)
    month_number = fields.Integer(compute="_compute_date", store=True)
    date = fields.Date(
        string="Month Start",
        compute="_compute_date",
        store=True,
        help="First day of the target month.",
    )
    amount_chain = fields.Monetary(string="Operation-Chain Management")
    amount_design = fields.Monetary(string="Product Design")
    amount_brand = fields.Monetary(string="Brand Operation")
    amount_service = fields.Monetary(string="Customer Service")
    amount_network = fields.Monetary(string="Network Engineering")
    amount_total = fields.Monetary(
        string="Monthly Target", compute="_compute_amount_total", store=True
    )

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE(plan_id, month)",
            "A branch plan has one target line per month.",
        ),
    ]

    @api.depends("month", "plan_id.plan_year")
    def _compute_date(self):
        for target in self:
            month = int(target.month or 0)
            target.month_number = month
            target.date = (
                date(target.plan_id.plan_year, month, 1)
                if month and target.plan_id.plan_year
                else False
            )

    @api.depends(*[target_field(key) for key in BUSINESS_LINE_KEYS])
    def _compute_amount_total(self):
        for target in self:
            target.amount_total = sum(
                target[target_field(key)] for key in BUSINESS_LINE_KEYS
            )

    @api.constrains(*[target_field(key) for key in BUSINESS_LINE_KEYS])
    def _check_amounts(self):
        for target in self:
            if any(target[target_field(key)] < 0 for key in BUSINESS_LINE_KEYS):
                raise ValidationError(_("A monthly target cannot be negative."))

    def _check_plan_editable(self, plans):
        # Only an approved adjustment notice changes the targets of an
        # approved plan (SAL-PLAN-07); it writes as the system (sudo).
        if self.env.su:
            return
        for plan in plans:
            if plan.plan_type != "branch":
                raise UserError(_("Only a branch sales plan has monthly targets."))
            if plan.stage not in ("draft", "revision"):
                raise UserError(
                    _(
                        "%(plan)s is no longer a draft: its monthly targets "
                        "change only through an approved adjustment notice.",
                        plan=plan.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["scm.sales.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        if any(not isinstance(plan_id, int) for plan_id in plans.ids):
            raise ValidationError(_("Choose the sales plan from the list."))
        self._check_plan_editable(plans)
        return super().create(vals_list)

    def write(self, vals):
        plans = self.plan_id
        if vals.get("plan_id"):
            if not isinstance(vals["plan_id"], int):
                raise ValidationError(_("Choose the sales plan from the list."))
            plans |= plans.browse(vals["plan_id"])
        self._check_plan_editable(plans)
        return super().write(vals)

    def unlink(self):
        self._check_plan_editable(self.plan_id)
        return super().unlink()
