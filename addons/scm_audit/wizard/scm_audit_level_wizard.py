from odoo import fields, models


class ScmAuditLevelWizard(models.TransientModel):
    """An Audit decision for a company-wide circular, with its reason
    (AUD-ESC-01 level 3)."""

    _name = "scm.audit.level.wizard"
    _description = "Decide a Company-wide Circular"

    finding_id = fields.Many2one("scm.audit.finding", required=True, readonly=True)
    reason = fields.Text(required=True)

    def action_decide(self):
        self.ensure_one()
        self.finding_id.action_scm_decide_level_three(self.reason)
        return {"type": "ir.actions.act_window_close"}
