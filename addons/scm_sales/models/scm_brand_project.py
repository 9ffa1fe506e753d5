from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class ScmBrandProject(models.Model):
    """A brand operation project, formally initiated (正式立项) by the Market
    Center when the customer confirms the proposal (SAL-BRAND-07). The
    project team (专案组) is formed only after the brand contract is signed
    (SAL-BRAND-05, CON-BR-05): `_scm_brand_contract_signed` is the hook the
    contracts addon overrides."""

    _name = "scm.brand.project"
    _description = "Brand Operation Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    _order = "id desc"
    # Initiation and the team are the Market Center's and the center's steps.
    _scm_step_fields = (
        "proposal_id",
        "partner_id",
        "company_id",
        "initiated_date",
        "initiated_by_id",
        "state",
        "team_member_ids",
        "team_formed_date",
    )
    _mail_post_access = "read"

    name = fields.Char(required=True, tracking=True)
    proposal_id = fields.Many2one(
        "scm.brand.proposal",
        string="Confirmed Proposal",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, readonly=True, index=True
    )
    initiated_date = fields.Datetime(string="Initiated On", readonly=True)
    initiated_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        help="The Market Center Manager in office when the project was initiated.",
    )
    amount_total = fields.Monetary(
        related="proposal_id.amount_total", string="Quoted Amount"
    )
    currency_id = fields.Many2one(related="proposal_id.currency_id")
    state = fields.Selection(
        [
            ("initiated", "Initiated"),
            ("team_formed", "Project Team Formed"),
            ("cancel", "Cancelled"),
        ],
        default="initiated",
        required=True,
        readonly=True,
        tracking=True,
    )
    contract_signed = fields.Boolean(
        string="Brand Contract Signed",
        compute="_compute_contract_signed",
        help="Set by the brand operation contract once it is signed.",
    )
    team_member_ids = fields.Many2many(
        "res.users", string="Project Team", readonly=True, tracking=True
    )
    team_formed_date = fields.Datetime(string="Team Formed On", readonly=True)

    def _scm_brand_contract_signed(self):
        """Whether the brand operation contract of the project is signed.
        Nothing signs contracts here; scm_contracts overrides this."""
        self.ensure_one()
        return False

    def _compute_contract_signed(self):
        for project in self:
            project.contract_signed = project._scm_brand_contract_signed()

    @api.constrains("team_member_ids")
    def _check_team_after_contract(self):
        for project in self:
            if project.team_member_ids and not project._scm_brand_contract_signed():
                raise ValidationError(
                    _(
                        "The project team of %(project)s is formed only after "
                        "the brand contract is signed.",
                        project=project.display_name,
                    )
                )

    @api.model
    def _scm_initiate_from(self, proposal):
        """Formal initiation by the Market Center from a confirmed proposal."""
        market_center = self.env.ref("scm_base.dept_market_center").sudo()
        manager = market_center.manager_id.user_id
        # The initiation is this step's own record, whoever confirmed.
        project = self.sudo().create(
            {
                "name": _(
                    "Brand project %(customer)s",
                    customer=proposal.sudo().partner_id.display_name,
                ),
                "proposal_id": proposal.id,
                "partner_id": proposal.partner_id.id,
                "company_id": proposal.company_id.id,
                "initiated_date": fields.Datetime.now(),
                "initiated_by_id": manager.id,
            }
        )
        recipients = (
            manager
            | self.env.ref("scm_base.dept_brand").sudo().manager_id.user_id
            | proposal.company_id.scm_manager_id
        ).partner_id
        self.env["scm.notice"]._scm_send(
            project,
            _("Brand project formally initiated: %(name)s", name=project.name),
            _(
                "%(customer)s confirmed the proposal %(proposal)s; the Market "
                "Center formally initiated the brand operation project. The "
                "brand contract can now be drafted.",
                customer=proposal.sudo().partner_id.display_name,
                proposal=proposal.name,
            ),
            recipients,
        )
        return project.with_env(self.env)

    def action_form_team(self, members):
        """Form the project team with `members` (res.users), once signed."""
        self.ensure_one()
        if not self.env.user.has_group("scm_base.group_brand_manager"):
            raise AccessError(
                _("Only the Brand Operation Center manager forms the team.")
            )
        if self.state != "initiated":
            raise UserError(_("The team of %(p)s is already formed.", p=self.name))
        if not self._scm_brand_contract_signed():
            raise UserError(
                _(
                    "The project team of %(project)s is formed only after the "
                    "brand contract is signed.",
                    project=self.display_name,
                )
            )
        if not isinstance(members, models.BaseModel):
            # From the web client or RPC: user ids.
            members = self.env["res.users"].browse(members)
        if not members:
            raise UserError(_("Name the designers of the project team."))
        self.sudo().write(
            {
                "team_member_ids": [fields.Command.set(members.ids)],
                "state": "team_formed",
                "team_formed_date": fields.Datetime.now(),
            }
        )
        return True
