from odoo import api, fields, models


class ScmCustomerAccessLog(models.Model):
    """Who was granted access to, or exported, confidential customer files
    (SUP-CONF-01)."""

    _name = "scm.customer.access.log"
    _description = "Customer File Access Log"
    _order = "id desc"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    partner_count = fields.Integer(string="Customers", readonly=True, default=1)
    user_id = fields.Many2one("res.users", readonly=True)
    by_user_id = fields.Many2one("res.users", string="Logged By", readonly=True)
    event = fields.Selection(
        [("grant", "Access Granted"), ("export", "Exported")], readonly=True
    )
    description = fields.Text(readonly=True)
    create_date = fields.Datetime(string="Date", readonly=True)

    @api.model
    def _scm_log_export(self, partners):
        return self.create(
            {
                "partner_id": partners[:1].id,
                "partner_count": len(partners),
                "user_id": self.env.uid,
                "by_user_id": self.env.uid,
                "event": "export",
                "description": ", ".join(partners.sudo().mapped("name")),
            }
        )
