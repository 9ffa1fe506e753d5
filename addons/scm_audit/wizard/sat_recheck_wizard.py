from odoo import fields, models


class ScmSatisfactionRecheckWizard(models.TransientModel):
    """The Audit Dept's re-check one week after the notice (AUD-SAT-02)."""

    _name = "scm.satisfaction.recheck.wizard"
    _description = "Re-check Customer Satisfaction"

    survey_id = fields.Many2one(
        "scm.satisfaction.survey", required=True, readonly=True, ondelete="cascade"
    )
    score = fields.Float(string="Re-check Score", digits=(5, 1), required=True)
    note = fields.Text(string="Re-check Findings", required=True)

    def action_record(self):
        self.ensure_one()
        self.survey_id.action_recheck(self.score, self.note)
        return {"type": "ir.actions.act_window_close"}
