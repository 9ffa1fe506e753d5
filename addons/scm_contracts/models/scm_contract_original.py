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
    _inherit = ["scm.step.guard.mixin"]
    # Where each original is and who handled it: moved by the contract's steps.
    _scm_step_fields = (
        "contract_id",
        "copy_no",
        "holder",
        "printed_at",
        "sent_at",
        "returned_at",
        "received_by_id",
    )
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

    def _compute_display_name(self):
        for original in self:
            original.display_name = self.env._(
                "%(doc)s, original %(copy)s",
                doc=original.contract_id.sudo().display_name or "",
                copy=original.copy_no,
            )

    _sql_constraints = [
        (
            "copy_unique",
            "UNIQUE(contract_id, copy_no)",
            "Each original of a contract has its own number.",
        )
    ]
