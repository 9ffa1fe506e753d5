from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .scm_training_plan import MONTHS


class ScmTrainingPlanLine(models.Model):
    """One month of an annual training plan (TRN-PLAN-01: the plan is
    broken down by month). Written as its plan is: by the unit's keepers
    while the plan is a draft or returned for revision."""

    _name = "scm.training.plan.line"
    _description = "Annual Training Plan Month"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "scm.training.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        related="plan_id.department_id", store=True, index=True
    )
    sequence = fields.Integer(compute="_compute_sequence", store=True)
    month = fields.Selection(MONTHS, required=True)
    topics = fields.Text(string="Topics / Content")
    audience = fields.Char()
    planned_sessions = fields.Integer()

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE(plan_id, month)",
            "Each month appears once in an annual plan.",
        ),
    ]

    @api.depends("month")
    def _compute_sequence(self):
        for line in self:
            line.sequence = int(line.month or 0)

    @api.constrains("planned_sessions")
    def _check_planned_sessions(self):
        for line in self:
            if line.planned_sessions < 0:
                raise UserError(_("The number of planned sessions cannot be negative."))

    def _scm_check_plan_editable(self, plans):
        if self.env.su:
            return
        plans.check_access("write")
        for plan in plans:
            plan._scm_check_editable()

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["scm.training.plan"].browse(
            {vals.get("plan_id") for vals in vals_list if vals.get("plan_id")}
        )
        self._scm_check_plan_editable(plans)
        return super().create(vals_list)

    def write(self, vals):
        self._scm_check_plan_editable(self.plan_id)
        if "plan_id" in vals and not self.env.su:
            raise UserError(_("A monthly line stays in its annual plan."))
        return super().write(vals)

    def unlink(self):
        self._scm_check_plan_editable(self.plan_id)
        return super().unlink()

    @api.depends("plan_id", "month")
    def _compute_display_name(self):
        labels = dict(self._fields["month"]._description_selection(self.env))
        for line in self:
            line.display_name = " · ".join(
                part
                for part in (line.plan_id.display_name, labels.get(line.month))
                if part
            )
