from odoo import fields, models


class ScmAuditRectificationWizard(models.TransientModel):
    """The audited party's rectification plan (AUD-GEN-03)."""

    _name = "scm.audit.rectification.wizard"
    _description = "Give a Rectification Plan"

    finding_id = fields.Many2one("scm.audit.finding", required=True, readonly=True)
    plan = fields.Text(string="Rectification Measures", required=True)
    due = fields.Date(string="Rectify By", required=True)

    def action_submit(self):
        self.ensure_one()
        self.finding_id.action_scm_submit_rectification(self.plan, self.due)
        return {"type": "ir.actions.act_window_close"}
