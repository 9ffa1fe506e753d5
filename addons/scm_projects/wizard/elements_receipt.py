from odoo import fields, models


class ScmProjectElementReceipt(models.TransientModel):
    """Both signatories sign for the document on the 《项目实施验收表》."""

    _name = "scm.project.element.receipt"
    _description = "Element Document on the Acceptance Sheet"

    element_id = fields.Many2one("scm.project.element", required=True, readonly=True)
    customer_signatory = fields.Char(string="Customer's Signatory", required=True)
    receipt_date = fields.Date(
        string="Signed On", required=True, default=fields.Date.context_today
    )

    def action_confirm(self):
        self.ensure_one()
        self.element_id.action_record_receipt(
            self.customer_signatory, self.receipt_date
        )
        return {"type": "ir.actions.act_window_close"}
