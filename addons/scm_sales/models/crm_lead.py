from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    scm_customer_class = fields.Selection(
        string="Customer Class",
        related="partner_id.commercial_partner_id.scm_customer_class",
        store=True,
    )
    scm_grade = fields.Selection(
        string="Customer Grade",
        related="partner_id.commercial_partner_id.scm_grade",
        store=True,
    )
    scm_is_campaign = fields.Boolean(
        string="From a Marketing Activity",
        compute="_compute_scm_is_campaign",
        store=True,
        help="Obtained through a company marketing activity: the branch manager "
        "allocates it (SAL-CUST-05).",
    )
    scm_decline_confirmed_by_id = fields.Many2one(
        "res.users", string="Decline Confirmed By", readonly=True, copy=False
    )

    @api.depends("campaign_id")
    def _compute_scm_is_campaign(self):
        for lead in self:
            lead.scm_is_campaign = bool(lead.campaign_id)

    def _scm_check_territory(self):
        if self.env.su:
            return
        for lead in self:
            if lead.partner_id and lead.company_id.parent_id:
                lead.partner_id._scm_assert_branch_may_work(lead.company_id)

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._scm_check_territory()
        return leads

    def write(self, vals):
        if (
            "company_id" in vals
            and not self.env.su
            and not self.env["res.partner"]._scm_user_is_hq_marketing()
            and any(
                lead.company_id and lead.company_id.id != vals["company_id"]
                for lead in self
            )
        ):
            raise UserError(
                _("Only HQ marketing moves an opportunity to another branch.")
            )
        result = super().write(vals)
        if {"partner_id", "company_id"} & set(vals):
            self._scm_check_territory()
        return result

    def action_scm_allocate(self):
        """SAL-CUST-05: the branch manager allocates campaign leads."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Allocate Opportunities"),
            "res_model": "scm.customer.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_lead_ids": self.ids,
                "default_reason_type": "allocation",
            },
        }

    def action_set_lost(self, **additional_values):
        """SUP-GRD-03: declining an A-grade customer's opportunity needs the
        MSD Manager's confirmation."""
        for lead in self:
            if lead.scm_grade == "A" and not self.env.su:
                if not self.env.user.has_group("scm_base.group_msd_manager"):
                    raise UserError(
                        _(
                            "%(lead)s is an A-grade customer's opportunity: only "
                            "the MSD Manager confirms declining it.",
                            lead=lead.name,
                        )
                    )
                additional_values["scm_decline_confirmed_by_id"] = self.env.uid
        return super().action_set_lost(**additional_values)

    def _scm_move_to_stage(self, stage):
        """Move open opportunities to `stage`; the documents' steps call it
        under sudo after their own checks. A won or lost deal stays where it
        is: a later document of the customer does not reopen it."""
        for lead in self.filtered(
            lambda lead: lead.active and not lead.stage_id.is_won
        ):
            if lead.stage_id != stage:
                lead.write({"stage_id": stage.id})

    @api.model
    def _scm_open_opportunity(self, partner, company):
        """The customer's open opportunity of that branch, the newest first,
        among those the current user may read."""
        if not (partner and company and self.has_access("read")):
            return self.browse()
        return self.search(
            [
                ("type", "=", "opportunity"),
                ("partner_id", "child_of", partner.commercial_partner_id.id),
                ("company_id", "in", [company.id, False]),
                ("stage_id.is_won", "=", False),
            ],
            order="create_date desc, id desc",
            limit=1,
        )

    def _scm_remove_odoo_demo_leads(self):
        """Demo only: Odoo's English sample opportunities make way for the
        suite's own story."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "crm"), ("model", "=", "crm.lead")])
        )
        self.sudo().with_context(active_test=False).browse(
            data.mapped("res_id")
        ).exists().unlink()
