from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Until it takes effect the deal is in contract approval; in force it is won.
CONTRACT_STAGE = "scm_sales.crm_stage_contract"


class ScmContract(models.Model):
    _inherit = "scm.contract"  # pylint: disable=consider-merging-classes-inherited

    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index=True,
        tracking=True,
        compute="_compute_lead_id",
        store=True,
        readonly=False,
        copy=False,
        domain="[('type', '=', 'opportunity'), "
        "('partner_id', 'child_of', partner_id), "
        "('company_id', 'in', [company_id, False])]",
        help="The opportunity this contract closes: the EMT proposal's, else "
        "the customer's open opportunity of the branch. The contract in "
        "force wins it with the signed amount.",
    )

    @api.depends("proposal_id", "partner_id", "company_id", "contract_type")
    def _compute_lead_id(self):
        leads = self.env["crm.lead"]
        for contract in self:
            proposal_lead = contract.proposal_id.sudo().lead_id
            if proposal_lead:
                contract.lead_id = proposal_lead
            elif contract.contract_type == "brand":
                # Brand operation is a deal of its own, not the customer's
                # SCMS opportunity: the Brand Operation Center links one.
                continue
            elif not contract.lead_id or (
                contract.lead_id.partner_id.commercial_partner_id
                != contract.partner_id.commercial_partner_id
            ):
                contract.lead_id = leads._scm_open_opportunity(
                    contract.partner_id, contract.company_id
                )

    @api.constrains("lead_id", "partner_id")
    def _check_lead(self):
        for contract in self.filtered("lead_id"):
            lead = contract.lead_id.sudo()
            if (
                lead.partner_id.commercial_partner_id
                != contract.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    _(
                        "The opportunity %(lead)s is not one of %(customer)s.",
                        lead=lead.name,
                        customer=contract.partner_id.name,
                    )
                )

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["lead_id"]

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._scm_sync_opportunity_stage()
        return contracts

    def write(self, vals):
        result = super().write(vals)
        # The stage is written only by the contract's steps (step guard), so
        # this runs inside them, after their checks.
        if vals.keys() & {"stage", "lead_id"}:
            self._scm_sync_opportunity_stage()
        return result

    def _scm_sync_opportunity_stage(self):
        """Move the opportunity as the contract advances: 合同审批 until it
        takes effect, won with the signed amount once in force, lost when
        the contract is cancelled before (a deal signed and later cancelled
        stays won: the cancellation is the contract's story)."""
        stage = self.env.ref(CONTRACT_STAGE, raise_if_not_found=False)
        in_force = self._scm_in_force_stages()
        for contract in self.filtered("lead_id"):
            lead = contract.lead_id.sudo()
            if not lead.active:
                continue
            if contract.stage in in_force:
                if not lead.stage_id.is_won:
                    lead.expected_revenue = contract.amount
                    lead.action_set_won()
            elif contract.stage == "cancelled":
                others = self.sudo().search_count(
                    [
                        ("lead_id", "=", lead.id),
                        ("id", "!=", contract.id),
                        ("stage", "!=", "cancelled"),
                    ]
                )
                if not others and not lead.stage_id.is_won:
                    lead.action_set_lost()
            elif stage:
                lead._scm_move_to_stage(stage)
