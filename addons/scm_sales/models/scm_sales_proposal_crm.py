from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Where the deal stands in the pipeline while its EMT proposal moves.
PROPOSAL_PIPELINE_STAGES = {
    "draft": "scm_sales.crm_stage_proposal",
    "branch_signed": "scm_sales.crm_stage_proposal",
    "revision": "scm_sales.crm_stage_proposal",
    # The customer asked for changes: the branch revises (SAL-PROP-09).
    "customer_rejected": "scm_sales.crm_stage_proposal",
    "msd_prereview": "scm_sales.crm_stage_review",
    "panel_review": "scm_sales.crm_stage_review",
    "approved": "scm_sales.crm_stage_customer",
    "sent_to_customer": "scm_sales.crm_stage_customer",
    "customer_accepted": "scm_sales.crm_stage_customer",
}
QUOTED_STAGES = ("approved", "sent_to_customer", "customer_accepted")


class ScmSalesProposal(models.Model):
    _inherit = "scm.sales.proposal"

    lead_id = fields.Many2one(
        domain="[('type', '=', 'opportunity'), "
        "('partner_id', 'child_of', partner_id), "
        "('company_id', 'in', [company_id, False])]",
        tracking=True,
        help="The opportunity of the pipeline this proposal answers: the "
        "customer's open opportunity of the branch, or a new one. It moves "
        "as the proposal advances.",
    )

    @api.onchange("partner_id", "company_id")
    def _onchange_partner_lead(self):
        if self.lead_id and (
            self.lead_id.partner_id.commercial_partner_id
            != self.partner_id.commercial_partner_id
        ):
            self.lead_id = False
        if not self.lead_id:
            self.lead_id = self.env["crm.lead"]._scm_open_opportunity(
                self.partner_id, self.company_id
            )

    @api.constrains("lead_id", "partner_id", "company_id")
    def _check_lead(self):
        for proposal in self.filtered("lead_id"):
            lead = proposal.lead_id.sudo()
            if lead.partner_id.commercial_partner_id != (
                proposal.partner_id.commercial_partner_id
            ) or (lead.company_id and lead.company_id != proposal.company_id):
                raise ValidationError(
                    _(
                        "The opportunity %(lead)s is not one of %(customer)s "
                        "with %(branch)s: link the customer's opportunity of "
                        "the proposal's branch.",
                        lead=lead.name,
                        customer=proposal.partner_id.name,
                        branch=proposal.company_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        proposals = super().create(vals_list)
        proposals.filtered(lambda p: not p.lead_id)._scm_link_opportunity()
        proposals._scm_sync_opportunity_stage()
        return proposals

    def write(self, vals):
        result = super().write(vals)
        # The stage is written only by the proposal's steps (step guard), so
        # this runs inside them, after their checks.
        if vals.keys() & {"stage", "lead_id"}:
            self._scm_sync_opportunity_stage()
        return result

    def _scm_link_opportunity(self):
        """A proposal answers the customer's open opportunity of the branch;
        without one, it opens one so that the branch's pipeline shows it."""
        leads = self.env["crm.lead"]
        for proposal in self:
            lead = leads._scm_open_opportunity(proposal.partner_id, proposal.company_id)
            if not lead:
                lead = leads.sudo().create(
                    {
                        "name": proposal.title,
                        "type": "opportunity",
                        "partner_id": proposal.partner_id.id,
                        "company_id": proposal.company_id.id,
                        "user_id": proposal.consultant_id.id,
                        "expected_revenue": proposal.quotation_amount,
                    }
                )
            proposal.sudo().write({"lead_id": lead.id})

    def _scm_sync_opportunity_stage(self):
        """Move the opportunity to where the proposal is (方案编制, 方案评审,
        客户确认); called by the proposal's steps after their checks."""
        for proposal in self.filtered("lead_id"):
            xmlid = PROPOSAL_PIPELINE_STAGES.get(proposal.stage)
            stage = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
            if not stage:
                continue
            lead = proposal.lead_id.sudo()
            lead._scm_move_to_stage(stage)
            if (
                proposal.stage in QUOTED_STAGES
                and proposal.quotation_amount
                and lead.active
                and not lead.stage_id.is_won
                and lead.expected_revenue != proposal.quotation_amount
            ):
                lead.expected_revenue = proposal.quotation_amount

    def action_scm_submit(self):
        result = super().action_scm_submit()
        if isinstance(result, dict):  # the signature guard's message
            return result
        return self._scm_next_step_notification("submit")
