from odoo import fields, models


class ScmProjectElementObjection(models.TransientModel):
    """The customer objects to an element document: the minutes of the
    implementation meeting that agreed the changes (PRJ-ELEM-06)."""

    _name = "scm.project.element.objection"
    _description = "Customer Objection to an Element Document"

    element_id = fields.Many2one("scm.project.element", required=True, readonly=True)
    meeting_date = fields.Date(
        string="Implementation Meeting On",
        required=True,
        default=fields.Date.context_today,
    )
    minutes = fields.Text(string="Meeting Minutes", required=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Minutes (Scan)")

    def action_confirm(self):
        self.ensure_one()
        new = self.element_id.action_customer_object(
            self.minutes, self.meeting_date, self.attachment_ids
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.project.element",
            "res_id": new.id,
            "view_mode": "form",
        }
