from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    """The three service channels (SVC-SCOPE-05)."""

    _inherit = "helpdesk.ticket.channel"

    scm_code = fields.Selection(
        [
            ("phone", "Phone consultation"),
            ("onsite", "On-site service"),
            ("remote", "Remote access"),
        ],
        string="Service Channel",
        index=True,
    )
