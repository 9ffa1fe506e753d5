from odoo import _, fields, models
from odoo.exceptions import UserError


class ScmSalesProposal(models.Model):
    _inherit = "scm.sales.proposal"

    contract_ids = fields.One2many("scm.contract", "proposal_id", string="Contracts")
    contract_count = fields.Integer(compute="_compute_contract_count")

    def _compute_contract_count(self):
        for proposal in self:
            proposal.contract_count = len(proposal.contract_ids)

    def _scm_on_customer_accepted(self):
        """SAL-PROP-08 / CON-SC-01: the acceptance puts the S&C contract
        draft, on the HQ template, in the Branch Manager's hands; the
        2-working-day deadline closes when it is submitted to MSD."""
        deadline = super()._scm_on_customer_accepted()
        self._scm_draft_sc_contract()
        return deadline

    def _scm_draft_sc_contract(self):
        self.ensure_one()
        if self.stage != "customer_accepted":
            raise UserError(
                _(
                    "An S&C contract is drafted from a proposal the customer "
                    "accepted (CON-SC-01)."
                )
            )
        existing = self.contract_ids.filtered(lambda c: c.stage != "cancelled")
        if existing:
            return existing[:1]
        manager = self.company_id.sudo().scm_manager_id
        contract_model = self.env["scm.contract"]
        if manager:
            contract_model = contract_model.with_user(manager)
        return contract_model.sudo(False).create(
            {
                "title": self.title,
                "contract_type": "sc",
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "proposal_id": self.id,
                "user_id": (manager or self.env.user).id,
                "amount": self.quotation_amount,
            }
        )

    def action_open_contracts(self):
        self.ensure_one()
        if not self.contract_ids and self.stage == "customer_accepted":
            self._scm_draft_sc_contract()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_contracts.action_scm_contract"
        )
        action["domain"] = [("proposal_id", "=", self.id)]
        action["context"] = {"default_proposal_id": self.id}
        if len(self.contract_ids) == 1:
            action.update(
                view_mode="form", res_id=self.contract_ids.id, views=[(False, "form")]
            )
        return action
