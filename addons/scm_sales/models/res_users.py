from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    scm_granted_customer_ids = fields.Many2many(
        "res.partner",
        string="Customer Files Granted",
        compute="_compute_scm_granted_customer_ids",
        compute_sudo=True,
        help="Confidential customer files the Market Center Manager opened to "
        "this user, while the grant is valid (SUP-CONF-01).",
    )

    @api.depends_context("uid")
    def _compute_scm_granted_customer_ids(self):
        # Read by the confidentiality rule as an id list, which an index on
        # commercial_partner_id serves. The rule's cache follows: grants clear
        # it when they change, and scm_base's ir.rule keys it by the date.
        today = fields.Date.context_today(self)
        grants = (
            self.env["scm.customer.access.grant"]
            .sudo()
            .search([("user_id", "in", self.ids), ("date_end", ">=", today)])
        )
        for user in self:
            user.scm_granted_customer_ids = grants.filtered(
                lambda grant, user=user: grant.user_id == user
            ).partner_id
