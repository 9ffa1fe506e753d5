from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

PLAN_TYPES = [
    ("market_strategy", "Product Market Strategy"),
    ("launch_plan", "Product Launch Plan"),
    ("partner_guideline", "Partner Guidelines and List"),
]
# Fields a locked (approved or cancelled) plan still accepts: chatter only.
LOCKED_PLAN_WRITABLE = {"message_main_attachment_id"}


class ScmPartnershipPlan(models.Model):
    """The three documents of business cooperation (000 §二.5, forms 24-26).

    * Product Market Strategy: organised by the Market Center Manager and
      approved by the Office Meeting, recorded as its resolution (SAL-PART-02).
    * Product Launch Plan: written by a Channel Market Specialist from an
      approved strategy and approved by the Market Center Manager; a rejection
      returns it to the specialist (SAL-PART-03). Once approved, the
      relationship chain is analysed under it (SAL-PART-04).
    * Partner Guidelines and List: the partners, their position in the chain
      and the cooperation guideline, approved by the Market Center Manager
      (SAL-PART-05) before any partner is contacted (SAL-PART-06)."""

    _name = "scm.partnership.plan"
    _description = "Business Cooperation Plan"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _order = "date desc, id desc"
    # The author is whoever prepared the document.
    _scm_step_fields = ("author_id",)

    name = fields.Char(string="Title", required=True, tracking=True)
    plan_type = fields.Selection(
        PLAN_TYPES, string="Document Type", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        help="Business cooperation is organised by headquarters.",
    )
    author_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    strategy_id = fields.Many2one(
        "scm.partnership.plan",
        string="Product Market Strategy",
        domain=[("plan_type", "=", "market_strategy"), ("state", "=", "approved")],
        tracking=True,
        help="The approved strategy this launch plan implements (SAL-PART-03).",
    )
    launch_plan_id = fields.Many2one(
        "scm.partnership.plan",
        string="Product Launch Plan",
        domain=[("plan_type", "=", "launch_plan"), ("state", "=", "approved")],
        tracking=True,
        help="The approved launch plan whose relationship chain this partner "
        "list covers.",
    )
    summary = fields.Text(
        help="Company development strategy behind a market strategy, or the "
        "gist of the plan.",
    )
    content = fields.Html()
    chain_ids = fields.One2many(
        "scm.partnership.chain",
        "launch_plan_id",
        string="Relationship Chain",
        readonly=True,
    )
    partner_line_ids = fields.One2many(
        "scm.partnership.partner.line", "plan_id", string="Partners"
    )
    resolution_id = fields.Many2one(
        "scm.office.resolution",
        string="Office Meeting Resolution",
        compute="_compute_resolution_id",
        help="The latest resolution of the Office Meeting on this strategy.",
    )

    # -- computed ---------------------------------------------------------------
    def _compute_resolution_id(self):
        Resolution = self.env["scm.office.resolution"]
        for plan in self:
            plan.resolution_id = (
                plan.id
                and Resolution.search(
                    [("res_model", "=", plan._name), ("res_id", "=", plan.id)],
                    limit=1,
                )
                or False
            )

    @api.depends("plan_type", "name")
    def _compute_display_name(self):
        labels = dict(self._fields["plan_type"]._description_selection(self.env))
        for plan in self:
            plan.display_name = f"{labels.get(plan.plan_type, '')}《{plan.name}》"

    # -- constraints --------------------------------------------------------------
    @api.constrains("plan_type", "strategy_id", "launch_plan_id")
    def _check_plan_links(self):
        for plan in self:
            if plan.plan_type == "launch_plan":
                strategy = plan.strategy_id
                if (
                    not strategy
                    or strategy.plan_type != "market_strategy"
                    or strategy.state != "approved"
                ):
                    raise ValidationError(
                        _(
                            "A product launch plan must be based on an approved "
                            "product market strategy."
                        )
                    )
            if plan.plan_type == "partner_guideline":
                launch = plan.launch_plan_id
                if (
                    not launch
                    or launch.plan_type != "launch_plan"
                    or launch.state != "approved"
                ):
                    raise ValidationError(
                        _(
                            "Partner guidelines must cover the relationship chain "
                            "of an approved product launch plan."
                        )
                    )

    # -- create / write -------------------------------------------------------------
    @api.model
    def _scm_check_author_role(self, plan_type):
        """SAL-PART-01/02: the Market Center Manager organises the strategy;
        launch plans and partner lists are the Channel Market Specialist's."""
        if self.env.su:
            # Data files and technical jobs run as superuser.
            return
        user = self.env.user
        if plan_type == "market_strategy":
            if not user.has_group("scm_base.group_mc_manager"):
                raise UserError(
                    _(
                        "Only the Market Center Manager organises the product "
                        "market strategy."
                    )
                )
        elif not user.has_group("scm_base.group_msd_channel"):
            raise UserError(
                _(
                    "Only a Channel Market Specialist prepares launch plans and "
                    "partner lists."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        for vals in vals_list:
            plan_type = vals.get("plan_type") or self.env.context.get(
                "default_plan_type"
            )
            if plan_type not in dict(PLAN_TYPES):
                raise ValidationError(_("Choose the type of cooperation document."))
            self._scm_check_author_role(plan_type)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            locked = self.filtered(lambda p: p.state in ("approved", "cancel"))
            if locked and set(vals) - LOCKED_PLAN_WRITABLE - {"state"}:
                raise UserError(
                    _(
                        "%(doc)s is approved or cancelled and can no longer be "
                        "changed.",
                        doc=locked[0].display_name,
                    )
                )
        return super().write(vals)

    # -- approval hooks ---------------------------------------------------------------
    def _scm_approval_check_submit(self):
        self.ensure_one()
        self._scm_check_author_role(self.plan_type)
        if self.plan_type == "partner_guideline":
            if not self.partner_line_ids:
                raise UserError(
                    _("List at least one partner before submitting the partner list.")
                )

    def _validate_tier(self, tiers=False):
        """SAL-PART-02: the Office Meeting approves the strategy only through a
        recorded resolution."""
        for plan in self.filtered(lambda p: p.plan_type == "market_strategy"):
            self.env["scm.office.resolution"]._scm_approving(plan)
        return super()._validate_tier(tiers)

    # -- actions ---------------------------------------------------------------
    def action_scm_record_resolution(self):
        """Open a new Office Meeting resolution bound to this strategy."""
        self.ensure_one()
        if self.plan_type != "market_strategy":
            raise UserError(
                _("Only the product market strategy goes to the Office Meeting.")
            )
        if self.state != "to_approve":
            raise UserError(
                _(
                    "Record the resolution while the strategy is "
                    "before the Office Meeting."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.office.resolution",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_name": self.display_name,
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_cancel(self):
        for plan in self:
            if plan.state == "to_approve":
                raise UserError(
                    _("Withdraw %(doc)s before cancelling it.", doc=plan.display_name)
                )
            if plan.author_id != self.env.user and not self.env.user.has_group(
                "scm_base.group_mc_manager"
            ):
                raise UserError(
                    _("Only the author or the Market Center Manager cancels a plan.")
                )
        self.sudo().with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.search_count(
            ["|", ("strategy_id", "in", self.ids), ("launch_plan_id", "in", self.ids)]
        ):
            raise UserError(_("A plan other documents are based on cannot be deleted."))

    # -- demo ------------------------------------------------------------------
    def _scm_demo_approve(self):
        """Demo data: run the real approval, submitted by the author and
        decided by each reviewer in turn. Plans past draft are left alone, so
        the demo may call it on every module update."""
        for plan in self.filtered(lambda p: p.state == "draft"):
            plan.with_user(plan.author_id).action_scm_submit()
            for _step in range(len(plan.review_ids)):
                review = plan.review_ids.filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).sorted("sequence")[:1]
                if not review:
                    break
                plan.with_user(review.reviewer_ids[:1])._validate_tier()
        return True
