from odoo import fields, models


class ScmAuditRecheckWizard(models.TransientModel):
    """The Audit Dept's re-check at the rectification date (AUD-GEN-04)."""

    _name = "scm.audit.recheck.wizard"
    _description = "Re-check a Rectification"

    finding_id = fields.Many2one("scm.audit.finding", required=True, readonly=True)
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")], required=True
    )
    note = fields.Text(string="Re-check Findings", required=True)

    def action_record(self):
        self.ensure_one()
        self.finding_id.action_scm_recheck(self.result, self.note)
        return {"type": "ir.actions.act_window_close"}
