from odoo import api, fields, models

from .scm_sales_plan_line import BUSINESS_LINES


class ScmSalesPlanReportLine(models.Model):
    """Plan vs actual of one indicator (a business line's sales) in an
    execution report (SAL-PLAN-06)."""

    _name = "scm.sales.plan.report.line"
    _description = "Execution Report Indicator"
    _inherit = ["scm.step.guard.mixin"]
    _order = "report_id, sequence, id"
    # Target and actual come from the plan and the bookings, not by hand.
    _scm_step_fields = ("target_amount", "actual_amount")

    @api.depends("report_id", "business_line")
    def _compute_display_name(self):
        lines = dict(self._fields["business_line"]._description_selection(self.env))
        for line in self:
            line.display_name = " / ".join(
                part
                for part in (line.report_id.display_name, lines.get(line.business_line))
                if part
            )

    report_id = fields.Many2one(
        "scm.sales.plan.report",
        string="Execution Report",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    business_line = fields.Selection(BUSINESS_LINES, string="Indicator", required=True)
    target_amount = fields.Monetary(string="Target", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    variance = fields.Monetary(compute="_compute_rates", store=True)
    completion_rate = fields.Float(
        string="Completion (%)", compute="_compute_rates", store=True, digits=(16, 1)
    )
    comment = fields.Text(string="Evaluation")

    @api.depends("target_amount", "actual_amount")
    def _compute_rates(self):
        for line in self:
            line.variance = line.actual_amount - line.target_amount
            line.completion_rate = (
                line.target_amount and 100.0 * line.actual_amount / line.target_amount
            )
