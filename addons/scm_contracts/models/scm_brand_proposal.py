from odoo import _, fields, models
from odoo.exceptions import UserError


class ScmBrandProposal(models.Model):
    _inherit = "scm.brand.proposal"

    contract_ids = fields.One2many(
        "scm.contract", "brand_proposal_id", string="Brand Contracts"
    )

    def action_draft_brand_contract(self):
        """CON-BR-01/02: the Brand Operation Center drafts the contract once
        the customer confirmed the proposal and the project is initiated."""
        self.ensure_one()
        if self.stage != "confirmed" or not self.project_id:
            raise UserError(
                _(
                    "A brand operation contract is drafted after the customer "
                    "confirmed the brand proposal and the Market Center initiated "
                    "the project (CON-BR-01)."
                )
            )
        contract = self.contract_ids.filtered(lambda c: c.stage != "cancelled")[:1]
        if not contract:
            contract = self.env["scm.contract"].create(
                {
                    "title": self.project_id.name,
                    "contract_type": "brand",
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.id,
                    "brand_proposal_id": self.id,
                    "amount": self.amount_total,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.contract",
            "view_mode": "form",
            "res_id": contract.id,
        }
