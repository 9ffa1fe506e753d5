from odoo import fields, models


class ScmSatisfactionMeasuresWizard(models.TransientModel):
    """The branch manager's improvement measures (AUD-SAT-02: within 3 days
    of the notice)."""

    _name = "scm.satisfaction.measures.wizard"
    _description = "Give Satisfaction Improvement Measures"

    survey_id = fields.Many2one(
        "scm.satisfaction.survey", required=True, readonly=True, ondelete="cascade"
    )
    measures = fields.Text(string="Improvement Measures", required=True)

    def action_submit(self):
        self.ensure_one()
        self.survey_id.action_submit_measures(self.measures)
        return {"type": "ir.actions.act_window_close"}
