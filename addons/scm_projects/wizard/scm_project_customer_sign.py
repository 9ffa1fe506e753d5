from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectCustomerSign(models.TransientModel):
    """Records the customer's signature on any project document."""

    _name = "scm.project.customer.sign"
    _description = "Record the Customer's Signature on a Project Document"

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", required=True)
    signatory = fields.Char(string="Customer's Signatory", required=True)
    signed_date = fields.Date(
        string="Signed On", required=True, default=fields.Date.context_today
    )
    sealed = fields.Boolean(string="Customer's Seal Affixed")
    seal_required = fields.Boolean(readonly=True)

    @api.model
    def _scm_document(self, res_model, res_id):
        # Only the suite's customer-signed documents, read as the user: the
        # wizard opens nothing the user could not open.
        if res_model not in self.env or not hasattr(
            self.env[res_model], "_scm_record_customer_signature"
        ):
            raise UserError(_("This document is not signed by the customer."))
        document = self.env[res_model].browse(res_id).exists()
        if not document:
            raise UserError(_("The document no longer exists."))
        document.check_access("read")
        return document

    def action_confirm(self):
        self.ensure_one()
        document = self._scm_document(self.res_model, self.res_id)
        document._scm_record_customer_signature(
            self.signatory, self.signed_date, self.sealed
        )
        return {"type": "ir.actions.act_window_close"}
