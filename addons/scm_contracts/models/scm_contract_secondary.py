from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmContract(models.Model):
    """The secondary (R) contract comes from a customer requirement report
    whose HQ review was unanimous (CON-SEC-04). When the customer refuses the
    contract and the requirement itself changes, the panel reviews the
    changed report before the contract is resubmitted; otherwise the
    revised contract only goes through approval again (CON-SEC-07)."""

    _inherit = "scm.contract"  # pylint: disable=consider-merging-classes-inherited

    requirement_id = fields.Many2one(
        "scm.customer.requirement",
        string="Customer Requirement Report",
        index=True,
        tracking=True,
        copy=False,
        domain="[('state', '=', 'unanimous'), ('partner_id', '=', partner_id), "
        "('company_id', '=', company_id)]",
        help="The 《客户需求报告单》 the HQ panel approved unanimously; the "
        "secondary contract is drafted from it (CON-SEC-04).",
    )
    requirement_review_id = fields.Many2one(
        "scm.customer.requirement.review",
        string="Reviewed Requirement",
        readonly=True,
        copy=False,
        help="The unanimous review round of the requirement the contract was "
        "last submitted with.",
    )
    requirement_changed = fields.Boolean(
        string="Requirement Under Review Again",
        compute="_compute_requirement_changed",
        help="The requirement report was reopened or changed since its "
        "unanimous review: the panel reviews it again before the contract is "
        "resubmitted (CON-SEC-07).",
    )

    @api.depends("requirement_id.state", "requirement_id.review_ids.state")
    def _compute_requirement_changed(self):
        for contract in self:
            requirement = contract.requirement_id.sudo()
            contract.requirement_changed = bool(
                requirement and requirement._scm_changed_since_unanimous()
            )

    # -- origin (CON-SEC-04)
    def _scm_check_origin(self):
        super()._scm_check_origin()
        requirement = self.requirement_id.sudo()
        if not requirement:
            return
        if self.contract_type != "secondary":
            raise ValidationError(
                _(
                    "Only a secondary sales and consulting service contract is "
                    "drafted from a customer requirement report."
                )
            )
        if (
            requirement.partner_id.commercial_partner_id
            != self.partner_id.commercial_partner_id
            or requirement.company_id != self.company_id
        ):
            raise ValidationError(
                _(
                    "%(report)s is the requirement of %(customer)s at %(branch)s: "
                    "the contract must be for the same customer and branch.",
                    report=requirement.display_name,
                    customer=requirement.partner_id.name,
                    branch=requirement.company_id.name,
                )
            )

    def _scm_check_requirement_unanimous(self):
        """CON-SEC-04: no secondary contract without a unanimous review."""
        for contract in self.filtered(lambda c: c.contract_type == "secondary"):
            requirement = contract.requirement_id.sudo()
            if not requirement:
                raise UserError(
                    _(
                        "A secondary contract is drafted from a customer "
                        "requirement report that the HQ review approved "
                        "unanimously (CON-SEC-04)."
                    )
                )
            if requirement.state != "unanimous":
                raise UserError(
                    _(
                        "%(report)s is %(state)s: a secondary contract is drafted "
                        "only from a customer requirement report that the HQ "
                        "review approved unanimously (CON-SEC-04).",
                        report=requirement.display_name,
                        state=requirement._scm_stage_label(),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._scm_check_requirement_unanimous()
        return contracts

    def _scm_step_field_names(self):
        # The reviewed requirement is recorded by the submission.
        return super()._scm_step_field_names() | {"requirement_review_id"}

    def write(self, vals):
        if "requirement_id" in vals and not self.env.su:
            for contract in self:
                if contract.stage != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is %(stage)s: its requirement report can "
                            "only change in a revision.",
                            doc=contract.display_name,
                            stage=contract._scm_stage_label(),
                        )
                    )
        res = super().write(vals)
        if "requirement_id" in vals:
            for contract in self:
                contract._scm_check_origin()
        if {"requirement_id", "contract_type"} & vals.keys():
            self._scm_check_requirement_unanimous()
        return res

    # -- submission (CON-SEC-04, CON-SEC-07)
    def _scm_approval_check_submit(self):
        super()._scm_approval_check_submit()
        if self.contract_type != "secondary":
            return
        requirement = self.requirement_id.sudo()
        if (
            requirement
            and requirement._scm_last_unanimous_review()
            and (requirement._scm_changed_since_unanimous())
        ):
            raise UserError(
                _(
                    "The requirement of %(doc)s changed since its unanimous "
                    "review: %(report)s is %(state)s. The HQ panel reviews the "
                    "changed requirement before the contract is submitted again "
                    "(CON-SEC-07).",
                    doc=self.display_name,
                    report=requirement.display_name,
                    state=requirement._scm_stage_label(),
                )
            )
        self._scm_check_requirement_unanimous()

    def action_scm_submit(self):
        res = super().action_scm_submit()
        for contract in self.filtered(lambda c: c.contract_type == "secondary"):
            contract._scm_write(
                {
                    "requirement_review_id": (
                        contract.requirement_id.sudo()._scm_last_unanimous_review().id
                    )
                }
            )
        return res

    def action_start_revision(self):
        res = super().action_start_revision()
        for contract in self.filtered(lambda c: c.contract_type == "secondary"):
            contract.message_post(
                body=_(
                    "Revise the contract per the customer's requirements. If the "
                    "requirement itself changed, reopen the requirement report "
                    "%(report)s first: the HQ panel reviews it again before the "
                    "contract is resubmitted. Otherwise the Customer Center "
                    "Manager approves the revised contract again (CON-SEC-07).",
                    report=contract.requirement_id.sudo().display_name,
                )
            )
        return res

    def action_open_requirement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.customer.requirement",
            "view_mode": "form",
            "res_id": self.requirement_id.id,
        }
