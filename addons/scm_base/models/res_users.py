from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    scm_delegation_ids = fields.One2many(
        "scm.delegation", "delegator_id", string="Delegations Given"
    )
