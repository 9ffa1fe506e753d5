from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        """A new branch gets its service team at once."""
        companies = super().create(vals_list)
        self.env["helpdesk.ticket.team"]._scm_ensure_service_teams(companies)
        return companies
