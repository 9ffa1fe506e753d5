from odoo import fields, models

HOLDERS = [
    ("office", "HQ Office"),
    ("branch", "Branch"),
    ("customer", "Customer"),
]


class ScmContractOriginal(models.Model):
    """One of the printed originals (正本) and where it is (CON-SC-05/07)."""

    _name = "scm.contract.original"
    _description = "Contract Original"
    _order = "contract_id, copy_no"

    contract_id = fields.Many2one(
        "scm.contract", required=True, ondelete="cascade", index=True, readonly=True
    )
    copy_no = fields.Integer(string="Original No.", required=True, readonly=True)
    holder = fields.Selection(HOLDERS, required=True, readonly=True)
    printed_at = fields.Datetime(readonly=True)
    sent_at = fields.Datetime(string="Sent to the Branch", readonly=True)
    returned_at = fields.Datetime(string="Returned On", readonly=True)
    received_by_id = fields.Many2one("res.users", readonly=True)

    _sql_constraints = [
        (
            "copy_unique",
            "UNIQUE(contract_id, copy_no)",
            "Each original of a contract has its own number.",
        )
    ]
