from odoo import fields, models

from ..models.scm_sales_plan import ESCALATION_DECISIONS


class ScmSalesPlanEscalation(models.TransientModel):
    """The Market Center Manager's choice on a rejected branch plan
    (SAL-PLAN-03)."""

    _name = "scm.sales.plan.escalation"
    _description = "Decision on a Rejected Branch Plan"

    plan_id = fields.Many2one("scm.sales.plan", string="Branch Plan", required=True)
    decision = fields.Selection(ESCALATION_DECISIONS, required=True)
    note = fields.Text(string="Reason", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.plan_id.action_scm_resolve_escalation(self.decision, self.note)
        return {"type": "ir.actions.act_window_close"}
