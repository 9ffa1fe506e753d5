from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _scm_service_consultant(self):
        """Who serves the customer: the service owner of its latest customer
        project (PRJ-HAND-01), else its salesperson."""
        self.ensure_one()
        partner = self.commercial_partner_id
        project = (
            self.env["project.project"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("scm_service_user_id", "!=", False),
                ],
                order="id desc",
                limit=1,
            )
        )
        return project.scm_service_user_id or partner.user_id
