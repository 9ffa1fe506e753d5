from odoo import fields, models


class ScmServicePlanAdjust(models.TransientModel):
    """Asks the reason and the method of a plan adjustment (SVC-PLAN-02)."""

    _name = "scm.service.plan.adjust"
    _description = "Adjust a Service Plan"

    plan_id = fields.Many2one("scm.service.plan", required=True, ondelete="cascade")
    reason = fields.Text(string="Adjustment Reason", required=True)
    method = fields.Text(string="Adjustment Method", required=True)

    def action_confirm(self):
        self.ensure_one()
        return self.plan_id.action_scm_adjust(self.reason, self.method)
