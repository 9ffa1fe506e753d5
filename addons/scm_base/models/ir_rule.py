from odoo import fields, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain_context_values(self):
        """Odoo caches each rule domain per user until the registry's cache is
        cleared. Rules of ours compare with today (an access grant valid
        until a date): keying the cache by the date as well makes a grant
        that ran out stop granting at midnight, not at the next restart.

        The day is the user's, as the rule domain computes it (`user` is
        evaluated without the caller's context, so a time zone sent by the
        client moves neither): a grant ends at midnight in China, eight hours
        before the server's UTC date turns."""
        today = fields.Date.context_today(self.env.user.with_context(**{}))
        return (*super()._compute_domain_context_values(), today)
