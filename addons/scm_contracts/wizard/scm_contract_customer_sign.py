from odoo import fields, models


class ScmContractCustomerSign(models.TransientModel):
    """Records the customer's signature and seal on the AA-signed original."""

    _name = "scm.contract.customer.sign"
    _description = "Record the Customer's Signature"

    contract_id = fields.Many2one("scm.contract", required=True, readonly=True)
    signatory = fields.Char(string="Customer's Signatory", required=True)
    signed_date = fields.Date(
        string="Signed On", required=True, default=fields.Date.context_today
    )
    sealed = fields.Boolean(string="Stamped with the Customer's Seal")

    def action_confirm(self):
        self.ensure_one()
        self.contract_id._scm_record_customer_signature(
            self.signatory, self.signed_date, self.sealed
        )
        return {"type": "ir.actions.act_window_close"}
