from odoo import fields, models


class ScmContractRegister(models.TransientModel):
    """Registration and sealing of the printed original at Finance."""

    _name = "scm.contract.register"
    _description = "Register a Contract at Finance"

    contract_id = fields.Many2one("scm.contract", required=True, readonly=True)
    register_no = fields.Char(string="Finance Register No.", required=True)
    seal_date = fields.Date(
        string="Sealed On", required=True, default=fields.Date.context_today
    )

    def action_confirm(self):
        self.ensure_one()
        self.contract_id._scm_register(self.register_no, self.seal_date)
        return {"type": "ir.actions.act_window_close"}
