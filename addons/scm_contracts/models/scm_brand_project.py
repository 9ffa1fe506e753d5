from odoo import models


class ScmBrandProject(models.Model):
    _inherit = "scm.brand.project"

    def _scm_brand_contract_signed(self):
        """The project team forms once the brand contract is in force
        (CON-BR-05)."""
        self.ensure_one()
        in_force = self.env["scm.contract"]._scm_in_force_stages()
        return bool(
            self.env["scm.contract"]
            .sudo()
            .search_count(
                [
                    ("brand_proposal_id", "=", self.proposal_id.id),
                    ("stage", "in", in_force),
                ],
                limit=1,
            )
        )
