from odoo import fields, models


class ScmProjectSupplementAnswer(models.TransientModel):
    """The customer's answer to a supplement request."""

    _name = "scm.project.supplement.answer"
    _description = "Customer's Answer to a Supplement Request"

    request_id = fields.Many2one(
        "scm.project.supplement.request", required=True, readonly=True
    )
    answer = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_record_answer(self.answer)
        return {"type": "ir.actions.act_window_close"}
