from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

PROPOSAL_STAGES = [
    ("draft", "Drafting"),
    ("approved", "Approved"),
    ("handed_over", "Handed to the Branch"),
    ("delivered", "Delivered to the Customer"),
    ("confirmed", "Confirmed, Project Initiated"),
    ("revision", "Revision"),
]
SECTION_FIELDS = ("design_section", "timing_section", "quotation_section")
# The proposal itself: editable only while it is a draft (never once approved).
CONTENT_FIELDS = {
    "plan_id",
    "designer_ids",
    "amount_total",
    "currency_id",
    *SECTION_FIELDS,
}

# What branch staff may write: the customer's answer.
BRANCH_WRITABLE = {"customer_feedback", "message_main_attachment_id"}


class ScmBrandProposal(models.Model):
    """《品牌运作项目建议书》: the project designers' design, timing and
    quotation (SAL-BRAND-05), approved by the Market Center Manager, handed
    by the center to the branch and by the branch to the customer
    (SAL-BRAND-06). The customer's confirmation formally initiates the brand
    project; otherwise the proposal is revised (SAL-BRAND-07)."""

    _name = "scm.brand.proposal"
    _description = "Brand Operation Project Proposal"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _order = "id desc"
    # The number, the stage and what handover, delivery and the customer's
    # answer record (state: the mixin).
    _scm_step_fields = (
        "name",
        "stage",
        "revision_count",
        "handover_date",
        "handover_by_id",
        "delivery_date",
        "delivered_by_id",
        "response_date",
        "project_id",
    )
    # Branch staff, who only read the proposal, still discuss it in the chatter.
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    plan_id = fields.Many2one(
        "scm.brand.plan",
        string="Initiation Plan",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    intake_id = fields.Many2one(
        related="plan_id.intake_id", string="Intake", store=True
    )
    partner_id = fields.Many2one(
        related="plan_id.partner_id", string="Customer", store=True, index=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Branch", store=True, index=True
    )
    designer_ids = fields.Many2many(
        "res.users",
        string="Project Designers",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("scm_base.group_brand_designer").ids)
        ],
    )
    design_section = fields.Html(
        string="Project Design", help="The design scheme (专案设计)."
    )
    timing_section = fields.Html(string="Timing", help="Schedule of the project.")
    quotation_section = fields.Html(string="Quotation", help="Price and its basis.")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: (
            self.env.ref("base.CNY", raise_if_not_found=False)
            or self.env.company.currency_id
        ),
    )
    amount_total = fields.Monetary(string="Quoted Amount", tracking=True)
    stage = fields.Selection(
        PROPOSAL_STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    revision_count = fields.Integer(string="Revisions", readonly=True, copy=False)
    handover_date = fields.Datetime(
        string="Handed to the Branch On", readonly=True, copy=False, tracking=True
    )
    handover_by_id = fields.Many2one(
        "res.users", string="Handed Over By", readonly=True, copy=False
    )
    delivery_date = fields.Datetime(
        string="Delivered to the Customer On",
        readonly=True,
        copy=False,
        tracking=True,
    )
    delivered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    customer_feedback = fields.Text(
        help="What the customer said; required when it does not confirm.",
    )
    response_date = fields.Datetime(
        string="Customer Answered On", readonly=True, copy=False
    )
    project_id = fields.Many2one(
        "scm.brand.project", string="Brand Project", readonly=True, copy=False
    )

    # -- roles ----------------------------------------------------------------------
    def _scm_is_center(self, user=None):
        user = user or self.env.user
        return user.has_group("scm_base.group_brand_manager") or user.has_group(
            "scm_base.group_brand_designer"
        )

    def _scm_check_center(self):
        if not (self.env.su or self._scm_is_center()):
            raise AccessError(
                _("Only the Brand Operation Center drafts and revises proposals.")
            )

    def _scm_is_branch_staff(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return user.has_group(
            "scm_base.group_branch_staff"
        ) and user._scm_is_member_of_company(self.company_id)

    # -- CRUD -----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_center()
        proposals = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for proposal in proposals.filtered(lambda p: p.name == "/"):
            # The number is the system's, never the client's.
            proposal._scm_step_write(
                {"name": sequence.next_by_code("scm.brand.proposal") or "/"}
            )
        # SAL-BRAND-04: the customer's intent is investigated first.
        proposals.plan_id._scm_check_investigated()
        return proposals

    def write(self, vals):
        if (
            set(vals) - BRANCH_WRITABLE
            and not self.env.su
            and not self._scm_is_center()
        ):
            raise AccessError(
                _("The branch only records the customer's feedback on a proposal.")
            )
        if CONTENT_FIELDS & set(vals):
            self._scm_check_center()
            for proposal in self:
                if proposal.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is under review or approved and cannot be "
                            "changed; the customer's answer reopens it for "
                            "revision.",
                            doc=proposal.display_name,
                        )
                    )
        if "customer_feedback" in vals:
            for proposal in self:
                if proposal.stage != "delivered" or not (
                    proposal._scm_is_center() or proposal._scm_is_branch_staff()
                ):
                    raise UserError(
                        _(
                            "The customer's feedback is recorded while the "
                            "proposal is with the customer."
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_delivered(self):
        for proposal in self:
            if proposal.stage != "draft" or proposal.revision_count:
                raise UserError(
                    _(
                        "%(doc)s left the center and cannot be deleted.",
                        doc=proposal.display_name,
                    )
                )

    @api.constrains("amount_total")
    def _check_amount(self):
        for proposal in self:
            if proposal.amount_total < 0:
                raise ValidationError(_("The quoted amount cannot be negative."))

    # -- approval (SAL-BRAND-05/06) -------------------------------------------------
    def _scm_approval_check_submit(self):
        self._scm_check_center()
        if self.stage not in ("draft", "revision"):
            raise UserError(
                _(
                    "%(doc)s cannot be submitted in its current stage.",
                    doc=self.display_name,
                )
            )
        missing = [
            self._fields[name]._description_string(self.env)
            for name in SECTION_FIELDS
            if not html2plaintext(self[name] or "").strip()
        ]
        if missing:
            raise UserError(
                _(
                    "The proposal needs its sections: %(missing)s.",
                    missing=", ".join(missing),
                )
            )
        if self.amount_total <= 0:
            raise UserError(_("The quotation needs a quoted amount."))

    def _scm_approval_on_approved(self):
        self._scm_set_stage("approved")
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("Hand the approved proposal to the branch"),
            user_id=self._scm_approval_author().id,
        )

    def _scm_set_stage(self, stage, **extra):
        # Stage changes go through the business actions only.
        return self.sudo().write({"stage": stage, **extra})

    # -- delivery (SAL-BRAND-06) ----------------------------------------------------
    def action_hand_over(self):
        """The center passes the approved proposal to the branch."""
        for proposal in self:
            proposal._scm_check_center()
            if proposal.state != "approved" or proposal.stage != "approved":
                raise UserError(
                    _(
                        "Only an approved proposal is handed to the branch; "
                        "%(doc)s is not.",
                        doc=proposal.display_name,
                    )
                )
            proposal._scm_set_stage(
                "handed_over",
                handover_date=fields.Datetime.now(),
                handover_by_id=self.env.user.id,
                delivery_date=False,
                delivered_by_id=False,
                response_date=False,
            )
            proposal.sudo().activity_feedback(["mail.mail_activity_data_todo"])
            intake = proposal.intake_id
            recipients = (
                intake.user_id | proposal.company_id.scm_manager_id
            ).partner_id
            self.env["scm.notice"]._scm_send(
                proposal,
                _("Brand proposal %(doc)s for your customer", doc=proposal.name),
                _(
                    "Please hand the proposal to %(customer)s; the Brand "
                    "Operation Center explains its details.",
                    customer=proposal.sudo().partner_id.display_name,
                ),
                recipients,
            )
            if intake.user_id:
                proposal.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Hand the brand proposal to the customer"),
                    user_id=intake.user_id.id,
                )
        return True

    def action_deliver(self):
        """The branch hands the proposal to the customer."""
        for proposal in self:
            if not proposal._scm_is_branch_staff():
                raise AccessError(
                    _(
                        "Only the staff of %(branch)s hand the proposal to its "
                        "customer.",
                        branch=proposal.company_id.name,
                    )
                )
            if proposal.stage != "handed_over":
                raise UserError(
                    _(
                        "%(doc)s has not been handed to the branch.",
                        doc=proposal.display_name,
                    )
                )
            proposal._scm_set_stage(
                "delivered",
                delivery_date=fields.Datetime.now(),
                delivered_by_id=self.env.user.id,
            )
            proposal.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        return True

    # -- customer's answer (SAL-BRAND-07) -------------------------------------------
    def _scm_check_answer(self):
        self.ensure_one()
        if self.stage != "delivered":
            raise UserError(
                _(
                    "%(doc)s is not with the customer: record its answer after "
                    "delivery.",
                    doc=self.display_name,
                )
            )
        if not (self._scm_is_center() or self._scm_is_branch_staff()):
            raise AccessError(
                _(
                    "Only the Brand Operation Center or the staff of %(branch)s "
                    "record the customer's answer.",
                    branch=self.company_id.name,
                )
            )

    def action_customer_confirm(self):
        """The customer confirms: the Market Center formally initiates the
        brand project."""
        for proposal in self:
            proposal._scm_check_answer()
            project = self.env["scm.brand.project"].sudo()._scm_initiate_from(proposal)
            proposal._scm_set_stage(
                "confirmed",
                response_date=fields.Datetime.now(),
                project_id=project.id,
            )
        return True

    def action_customer_decline(self):
        """The customer does not confirm: the center revises the proposal,
        which is approved and delivered again."""
        for proposal in self:
            proposal._scm_check_answer()
            if not (proposal.customer_feedback or "").strip():
                raise UserError(
                    _("Record what the customer asks to change before revising.")
                )
            proposal.sudo().with_context(skip_validation_check=True).write(
                {
                    "state": "draft",
                    "stage": "revision",
                    "revision_count": proposal.revision_count + 1,
                    "response_date": fields.Datetime.now(),
                }
            )
            proposal.sudo().restart_validation()
            author = (
                proposal._scm_approval_author()
                if proposal.scm_approval_round_ids
                else proposal.create_uid
            )
            proposal.sudo().activity_schedule(
                "scm_base.mail_activity_type_scm_revision",
                summary=_("Revise the brand proposal"),
                note=proposal.customer_feedback,
                user_id=author.id,
            )
        return True
