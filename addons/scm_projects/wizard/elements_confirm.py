from odoo import fields, models


class ScmProjectElementConfirm(models.TransientModel):
    """The customer confirmed the document at the implementation meeting."""

    _name = "scm.project.element.confirm"
    _description = "Customer Confirmation of an Element Document"

    element_id = fields.Many2one("scm.project.element", required=True, readonly=True)
    meeting_date = fields.Date(
        string="Implementation Meeting On",
        required=True,
        default=fields.Date.context_today,
    )

    def action_confirm(self):
        self.ensure_one()
        self.element_id.action_customer_confirm(self.meeting_date)
        return {"type": "ir.actions.act_window_close"}
