from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ScmBrandPlan(models.Model):
    """The Brand Operation Center's initiation plan (立项计划) for a feasible
    intake (SAL-BRAND-03). The center then investigates the customer's
    concrete intent (SAL-BRAND-04) before its designers draft the proposal
    (SAL-BRAND-05)."""

    _name = "scm.brand.plan"
    _description = "Brand Initiation Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    _order = "id desc"
    # The number is the system's.
    _scm_step_fields = ("name",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    intake_id = fields.Many2one(
        "scm.brand.intake",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    partner_id = fields.Many2one(
        related="intake_id.partner_id", string="Customer", store=True, index=True
    )
    company_id = fields.Many2one(
        related="intake_id.company_id", string="Branch", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="The Brand Operation Center person in charge of the plan.",
    )
    designer_ids = fields.Many2many(
        "res.users",
        string="Project Designers",
        help="The designers expected to draft the design scheme and proposal.",
    )
    objective = fields.Text(string="Plan", tracking=True)
    planned_proposal_date = fields.Date(string="Proposal Planned For", tracking=True)
    investigation_ids = fields.One2many(
        "scm.brand.investigation", "plan_id", string="Investigation Contacts"
    )
    investigation_count = fields.Integer(
        string="Investigations", compute="_compute_counts"
    )
    proposal_ids = fields.One2many(
        "scm.brand.proposal", "plan_id", string="Proposals", readonly=True
    )
    proposal_count = fields.Integer(compute="_compute_counts")
    project_id = fields.Many2one(
        "scm.brand.project",
        string="Brand Project",
        compute="_compute_project",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("investigated", "Investigated"),
            ("proposal", "Proposal in Progress"),
            ("initiated", "Formally Initiated"),
        ],
        compute="_compute_state",
        store=True,
    )

    @api.depends("investigation_ids", "proposal_ids")
    def _compute_counts(self):
        for plan in self:
            plan.investigation_count = len(plan.investigation_ids)
            plan.proposal_count = len(plan.proposal_ids)

    @api.depends("proposal_ids.project_id")
    def _compute_project(self):
        for plan in self:
            plan.project_id = plan.proposal_ids.project_id[:1]

    @api.depends("investigation_ids", "proposal_ids.stage")
    def _compute_state(self):
        for plan in self:
            if any(p.stage == "confirmed" for p in plan.proposal_ids):
                plan.state = "initiated"
            elif plan.proposal_ids:
                plan.state = "proposal"
            elif plan.investigation_ids:
                plan.state = "investigated"
            else:
                plan.state = "planned"

    def _scm_check_center(self):
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("scm_base.group_brand_manager")
            or user.has_group("scm_base.group_brand_designer")
        ):
            raise AccessError(
                _("Only the Brand Operation Center works on initiation plans.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_center()
        plans = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for plan in plans.filtered(lambda p: p.name == "/"):
            plan._scm_step_write(
                {"name": sequence.next_by_code("scm.brand.plan") or "/"}
            )
        return plans

    def write(self, vals):
        if set(vals) - {"message_main_attachment_id"}:
            self._scm_check_center()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            _("An initiation plan is part of the intake's history and stays.")
        )

    def action_new_proposal(self):
        """Open a new proposal; it needs an investigation first (SAL-BRAND-04)."""
        self.ensure_one()
        self._scm_check_center()
        self._scm_check_investigated()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.brand.proposal",
            "view_mode": "form",
            "context": {
                "default_plan_id": self.id,
                "default_designer_ids": self.designer_ids.ids,
            },
        }

    def _scm_check_investigated(self):
        for plan in self:
            if not plan.investigation_ids:
                raise UserError(
                    _(
                        "Log at least one investigation contact with %(customer)s "
                        "before drafting the proposal.",
                        customer=plan.sudo().partner_id.display_name,
                    )
                )

    def action_view_proposals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Proposals"),
            "res_model": "scm.brand.proposal",
            "view_mode": "list,form",
            "domain": [("plan_id", "=", self.id)],
            "context": {"default_plan_id": self.id},
        }
