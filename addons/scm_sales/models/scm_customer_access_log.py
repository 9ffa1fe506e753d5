from odoo import api, fields, models


class ScmCustomerAccessLog(models.Model):
    """Who was granted access to, or exported, confidential customer files
    (SUP-CONF-01)."""

    _name = "scm.customer.access.log"
    _description = "Customer File Access Log"
    _inherit = ["scm.step.guard.mixin"]
    _order = "id desc"
    # A log is written by the system, never by hand.
    _scm_step_fields = (
        "partner_id",
        "partner_count",
        "user_id",
        "by_user_id",
        "event",
        "description",
    )

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    partner_count = fields.Integer(string="Customers", readonly=True, default=1)
    user_id = fields.Many2one("res.users", readonly=True)
    by_user_id = fields.Many2one("res.users", string="Logged By", readonly=True)
    event = fields.Selection(
        [("grant", "Access Granted"), ("export", "Exported")], readonly=True
    )
    description = fields.Text(readonly=True)
    create_date = fields.Datetime(string="Date", readonly=True)

    @api.depends("event", "partner_id", "create_date")
    def _compute_display_name(self):
        events = dict(self._fields["event"]._description_selection(self.env))
        for log in self:
            log.display_name = " · ".join(
                str(part)
                for part in (
                    events.get(log.event),
                    log.partner_id.display_name,
                    log.create_date and fields.Datetime.to_string(log.create_date),
                )
                if part
            )

    @api.model
    def _scm_log_export(self, partners):
        return self.sudo().create(
            {
                "partner_id": partners[:1].id,
                "partner_count": len(partners),
                "user_id": self.env.uid,
                "by_user_id": self.env.uid,
                "event": "export",
                "description": ", ".join(partners.sudo().mapped("name")),
            }
        )
