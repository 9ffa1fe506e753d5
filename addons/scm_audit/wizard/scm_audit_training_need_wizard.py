from odoo import fields, models


class ScmAuditTrainingNeedWizard(models.TransientModel):
    """A training need raised to the Training Dept from a finding
    (AUD-GEN-05)."""

    _name = "scm.audit.training.need.wizard"
    _description = "Raise a Training Need"

    finding_id = fields.Many2one("scm.audit.finding", required=True, readonly=True)
    description = fields.Text(string="Training Needed", required=True)

    def action_raise(self):
        self.ensure_one()
        need = self.finding_id.action_scm_raise_training_need(self.description)
        return self.finding_id._scm_form(need._name, need.id)
