from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# The five sub-plans of 000 §二.1.2 (the flowchart shows only four: no
# 产品设计; the text wins, SAL-PLAN-01 Open).
BUSINESS_LINES = [
    ("chain", "Operation-Chain Management"),
    ("design", "Product Design"),
    ("brand", "Brand Operation"),
    ("service", "Customer Service"),
    ("network", "Network Engineering"),
]
BUSINESS_LINE_KEYS = [key for key, _label in BUSINESS_LINES]


class ScmSalesPlanLine(models.Model):
    """One business-line section of a sales plan: its annual sales target and
    the resources allocated to it (SAL-PLAN-01)."""

    _name = "scm.sales.plan.line"
    _description = "Sales Plan Business Line"
    _inherit = ["scm.step.guard.mixin"]
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "scm.sales.plan",
        string="Sales Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Company", store=True, index=True
    )
    currency_id = fields.Many2one(related="plan_id.currency_id")
    business_line = fields.Selection(BUSINESS_LINES, required=True)
    amount = fields.Monetary(string="Annual Sales Target", currency_field="currency_id")
    resource_note = fields.Text(
        string="Resources Allocated",
        help="Company resources allocated to this business line, taking the "
        "branches' conditions into account.",
    )
    note = fields.Text(string="Remarks")

    _sql_constraints = [
        (
            "business_line_unique",
            "UNIQUE(plan_id, business_line)",
            "A sales plan has one section per business line.",
        ),
        (
            "amount_positive",
            "CHECK(amount >= 0)",
            "A sales target cannot be negative.",
        ),
    ]

    @api.depends("plan_id", "business_line")
    def _compute_display_name(self):
        lines = dict(self._fields["business_line"]._description_selection(self.env))
        for line in self:
            line.display_name = " / ".join(
                part
                for part in (line.plan_id.display_name, lines.get(line.business_line))
                if part
            )

    def _check_plan_editable(self, plans):
        if self.env.su:
            return
        for plan in plans:
            if plan.stage not in ("draft", "revision"):
                raise UserError(
                    _(
                        "%(plan)s is no longer a draft: its business lines "
                        "cannot be changed.",
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
