from odoo import fields, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain_context_values(self):
        """Odoo caches each rule domain per user until the registry's cache is
        cleared. Rules of ours compare with today (an access grant valid
        until a date): keying the cache by the date as well makes a grant
        that ran out stop granting at midnight, not at the next restart."""
        return (*super()._compute_domain_context_values(), fields.Date.today())
