from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .scm_sales_plan_line import BUSINESS_LINES
from .scm_sales_plan_target import target_field


class ScmSalesPlanAdjustmentLine(models.Model):
    """A business line's new monthly target in an adjustment notice."""

    _name = "scm.sales.plan.adjustment.line"
    _description = "Adjustment Notice Line"
    _inherit = ["scm.step.guard.mixin"]
    _order = "adjustment_id, sequence, id"
    # The target the approved notice replaced, recorded when it is applied.
    _scm_step_fields = ("previous_amount",)

    adjustment_id = fields.Many2one(
        "scm.sales.plan.adjustment",
        string="Adjustment Notice",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="adjustment_id.company_id", store=True)
    currency_id = fields.Many2one(related="adjustment_id.currency_id")
    business_line = fields.Selection(BUSINESS_LINES, required=True)
    business_line_label = fields.Char(compute="_compute_business_line_label")
    current_amount = fields.Monetary(
        string="Current Target", compute="_compute_current_amount"
    )
    previous_amount = fields.Monetary(
        string="Replaced Target",
        readonly=True,
        help="The target the approved notice replaced.",
    )
    new_amount = fields.Monetary(string="New Target")
    reason = fields.Char()

    _sql_constraints = [
        (
            "business_line_unique",
            "UNIQUE(adjustment_id, business_line)",
            "An adjustment notice has one line per business line.",
        ),
        (
            "new_amount_positive",
            "CHECK(new_amount >= 0)",
            "A target cannot be negative.",
        ),
    ]

    def _compute_business_line_label(self):
        labels = dict(self._fields["business_line"]._description_selection(self.env))
        for line in self:
            line.business_line_label = labels.get(line.business_line, "")

    @api.depends("business_line", "adjustment_id.plan_id", "adjustment_id.month")
    def _compute_current_amount(self):
        for line in self:
            adjustment = line.adjustment_id
            target = adjustment.plan_id.sudo().target_ids.filtered(
                lambda t, a=adjustment: a.month and t.month == str(a.month.month)
            )
            line.current_amount = (
                target[target_field(line.business_line)]
                if target and line.business_line
                else 0.0
            )

    @api.depends("adjustment_id", "business_line_label")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " / ".join(
                part
                for part in (line.adjustment_id.display_name, line.business_line_label)
                if part
            )

    def _check_editable(self, adjustments):
        if self.env.su:
            return
        if adjustments.filtered(lambda a: a.stage != "draft"):
            raise UserError(_("A submitted adjustment notice cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        adjustments = self.env["scm.sales.plan.adjustment"].browse(
            [vals["adjustment_id"] for vals in vals_list if vals.get("adjustment_id")]
        )
        if any(not isinstance(i, int) for i in adjustments.ids):
            raise ValidationError(_("Choose the adjustment notice from the list."))
        self._check_editable(adjustments)
        return super().create(vals_list)

    def write(self, vals):
        adjustments = self.adjustment_id
        if vals.get("adjustment_id"):
            if not isinstance(vals["adjustment_id"], int):
                raise ValidationError(_("Choose the adjustment notice from the list."))
            adjustments |= adjustments.browse(vals["adjustment_id"])
        self._check_editable(adjustments)
        return super().write(vals)

    def unlink(self):
        self._check_editable(self.adjustment_id)
        return super().unlink()
