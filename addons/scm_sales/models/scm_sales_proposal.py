from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.scm_base.tools import create_pivot_index

STAGES = [
    ("draft", "Draft"),
    ("branch_signed", "Signed by Branch Manager"),
    ("msd_prereview", "MSD Pre-review"),
    ("panel_review", "Panel Review"),
    ("revision", "Revision"),
    ("approved", "Approved"),
    ("sent_to_customer", "Sent to Customer"),
    ("customer_accepted", "Accepted by Customer"),
    ("customer_rejected", "Rejected by Customer"),
]
# The six sections of the proposal (SAL-PROP-01); the quotation is its amount
# and its text.
SECTION_FIELDS = (
    "background",
    "management_theory",
    "element_method",
    "future_model",
    "quotation_text",
    "implementation_time",
)
# What the branch writes: frozen once the Branch Manager signed the version.
CONTENT_FIELDS = {
    "title",
    "company_id",
    "partner_id",
    "consultant_id",
    "currency_id",
    "quotation_amount",
    *SECTION_FIELDS,
}
# Set only by the proposal's own actions.
WORKFLOW_FIELDS = {
    "name",
    "stage",
    "scm_prereview_required",
    "sent_to_msd_date",
    "approved_date",
    "sent_to_customer_date",
    "customer_decision_date",
}
EDITABLE_STAGES = ("draft", "revision")
# Until the panel starts, the MSD Manager may widen it (SAL-PROP-04 "等").
REVIEWER_STAGES = ("draft", "branch_signed", "msd_prereview", "revision")

PREREVIEW_TIER = "scm_sales.tier_proposal_msd_prereview"
PANEL_TIER = "scm_sales.tier_proposal_panel_market_center"


class ScmSalesProposal(models.Model):
    """《企业管理改造项目建议书》, the EMT project proposal (SAL-PROP-01..10).

    A branch consultant writes it; the Branch Manager signs each version and
    sends it to the MSD Manager. The review is one approval round of
    scm_base: the MSD pre-review first, then the HQ panel in parallel, each
    line being a line of the 《项目评审意见表》. The mixin's `state` carries the
    approval; `stage` carries the manual's whole life cycle, customer
    included, and changes only through the actions below."""

    _name = "scm.sales.proposal"
    _description = "EMT Project Proposal"
    _inherit = [
        "mail.thread",
        "scm.approval.mixin",
        "scm.signature.mixin",
        "scm.stage.mixin",
        "scm.name.search.mixin",
    ]
    _order = "id desc"
    # The customer by its indexed name, not res.partner's whole name search.
    _rec_names_search = ["name", "title", "partner_id.complete_name"]
    _scm_name_search_fields = ("name", "title")
    # The number, the stage (scm.stage.mixin) and the dates of the steps.
    _scm_step_fields = tuple(sorted(WORKFLOW_FIELDS))

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    title = fields.Char(required=True, tracking=True, index="trigram")
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
        domain=[("scm_unit_type", "=", "branch")],
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("scm_is_customer", "=", True)],
    )
    consultant_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        help="The branch's management consultant who writes the proposal.",
    )
    branch_manager_id = fields.Many2one(
        related="company_id.scm_manager_id", string="Branch Manager"
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index=True,
        domain="[('partner_id', '=', partner_id)]",
        help="The opportunity of the pipeline this proposal answers.",
    )
    stage = fields.Selection(
        STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand=True,
    )
    # -- the six sections (SAL-PROP-01) ----------------------------------------
    background = fields.Text(string="Project Background")
    management_theory = fields.Text(string="AA Management Theory")
    element_method = fields.Text(string="Elements-Method Operation")
    future_model = fields.Text(string="Future Management Model")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    quotation_amount = fields.Monetary(string="Quoted Amount", tracking=True)
    quotation_text = fields.Text(string="Quotation")
    implementation_time = fields.Text(
        help="The implementation schedule offered to the customer.",
    )
    # -- review ------------------------------------------------------------------
    scm_prereview_required = fields.Boolean(
        string="MSD Pre-review",
        default=True,
        copy=False,
        readonly=True,
        help="Set when the proposal comes from the branch the first time or "
        "after a failed pre-review; a revision goes straight to the panel.",
    )
    scm_extra_reviewer_ids = fields.Many2many(
        "res.users",
        "scm_sales_proposal_extra_reviewer_rel",
        "proposal_id",
        "user_id",
        string="Additional Reviewers",
        copy=False,
        help="Reviewers the MSD Manager adds to the panel; each gives an "
        "opinion line of their own.",
    )
    branch_signed = fields.Boolean(
        string="Signed for This Version", compute="_compute_branch_signed"
    )
    customer_feedback = fields.Text(
        help="What the customer did not accept; the revision follows it."
    )
    sent_to_msd_date = fields.Datetime(
        string="Sent to MSD On", readonly=True, copy=False
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    sent_to_customer_date = fields.Datetime(
        string="Sent to Customer On", readonly=True, copy=False
    )
    customer_decision_date = fields.Datetime(
        string="Customer Decided On", readonly=True, copy=False
    )

    def init(self):
        result = super().init()
        # The proposals pivot: branch x stage, summing the quoted amount.
        create_pivot_index(self, ("company_id", "stage", "quotation_amount"))
        return result

    # -- computes ----------------------------------------------------------------
    def _scm_content_version(self):
        """The version the branch is writing or that was last submitted."""
        self.ensure_one()
        return self.scm_approval_version + (1 if self.state == "draft" else 0)

    def _scm_branch_slot(self):
        return f"branch_manager_v{self._scm_content_version()}"

    def _scm_current_signature(self):
        self.ensure_one()
        slot = self._scm_branch_slot()
        return self.scm_signature_ids.filtered(lambda s: s.slot == slot)

    @api.depends("scm_signature_ids.state", "scm_approval_version", "state")
    def _compute_branch_signed(self):
        for proposal in self:
            signature = proposal._scm_current_signature()
            proposal.branch_signed = signature.state == "signed"

    @api.depends("name", "title")
    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = (
                f"{proposal.name} {proposal.title}"
                if proposal.title and proposal.name != "/"
                else proposal.title or proposal.name
            )

    # -- constraints -------------------------------------------------------------
    @api.constrains("consultant_id", "company_id")
    def _check_consultant(self):
        """SAL-PROP-01: the author is a management consultant of the branch."""
        for proposal in self:
            consultant = proposal.consultant_id
            if not (
                consultant.has_group("scm_base.group_consultant")
                and consultant._scm_is_member_of_company(proposal.company_id)
                and not consultant.has_group("scm_base.group_hq_staff")
            ):
                raise ValidationError(
                    _(
                        "%(user)s is not a management consultant of %(branch)s: "
                        "only the branch's consultants write its EMT proposals.",
                        user=consultant.name,
                        branch=proposal.company_id.name,
                    )
                )

    @api.constrains("company_id")
    def _check_branch(self):
        for proposal in self:
            if proposal.company_id.scm_unit_type != "branch":
                raise ValidationError(
                    _("An EMT proposal belongs to a branch, not to headquarters.")
                )

    @api.constrains("quotation_amount")
    def _check_quotation_amount(self):
        for proposal in self:
            if proposal.quotation_amount < 0:
                raise ValidationError(_("The quoted amount cannot be negative."))

    def _scm_check_territory(self):
        """SAL-TERR: the branch may work this customer."""
        for proposal in self:
            proposal.partner_id._scm_assert_branch_may_work(proposal.company_id)

    # -- CRUD --------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.keys() & WORKFLOW_FIELDS:
                raise UserError(
                    _("The workflow fields of a proposal are set by its actions.")
                )
            if vals.get("scm_extra_reviewer_ids"):
                self._scm_check_may_add_reviewers()
        proposals = super().create(vals_list)
        proposals._scm_check_territory()
        sequence = self.env["ir.sequence"].sudo()
        for proposal in proposals:
            proposal._scm_write_internal(
                {"name": sequence.next_by_code("scm.sales.proposal") or "/"}
            )
        proposals._scm_sync_extra_tiers()
        return proposals

    def write(self, vals):
        # The steps write through _scm_write_internal (sudo); a client cannot.
        if self.env.su:
            return super().write(vals)
        if vals.keys() & WORKFLOW_FIELDS:
            raise UserError(
                _(
                    "The stage and dates of a proposal change only through its "
                    "actions (sign, send, decide)."
                )
            )
        content = vals.keys() & CONTENT_FIELDS
        for proposal in self:
            if content and (
                proposal.stage not in EDITABLE_STAGES or proposal.branch_signed
            ):
                raise UserError(
                    _(
                        "%(doc)s cannot be edited now (%(stage)s): the Branch "
                        "Manager signed this version or it is in review or with "
                        "the customer.",
                        doc=proposal.display_name,
                        stage=proposal._scm_stage_label(),
                    )
                )
            if "customer_feedback" in vals and proposal.stage != "sent_to_customer":
                raise UserError(
                    _("The customer's feedback is recorded while the customer decides.")
                )
        if "scm_extra_reviewer_ids" in vals:
            self._scm_check_may_add_reviewers()
        result = super().write(vals)
        if {"partner_id", "company_id"} & vals.keys():
            self._scm_check_territory()
        if "scm_extra_reviewer_ids" in vals:
            self._scm_sync_extra_tiers()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        for proposal in self:
            if proposal.stage != "draft" or proposal.scm_signature_ids.filtered(
                lambda s: s.state == "signed"
            ):
                raise UserError(
                    _(
                        "%(doc)s was signed or reviewed and cannot be deleted.",
                        doc=proposal.display_name,
                    )
                )

    def _scm_write_internal(self, vals):
        return self.sudo().with_context(skip_validation_check=True).write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "scm_extra_reviewer_ids",
            "lead_id",
            "message_main_attachment_id",
        ]

    # -- helpers -----------------------------------------------------------------
    def _scm_is_branch_manager(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return self.env["scm.delegation"]._scm_acts_for(
            user, self.company_id.scm_manager_id, self._name
        )

    def _scm_check_branch_manager(self, action):
        for proposal in self:
            if not proposal._scm_is_branch_manager():
                raise AccessError(
                    _(
                        "Only the manager of %(branch)s (or an authorised delegate) "
                        "can %(action)s %(doc)s.",
                        branch=proposal.company_id.name,
                        action=action,
                        doc=proposal.display_name,
                    )
                )

    def _scm_check_may_add_reviewers(self):
        if not self.env.user.has_group("scm_base.group_msd_manager"):
            raise AccessError(
                _("Only the MSD Manager adds reviewers to the review panel.")
            )
        for proposal in self:
            if proposal.stage not in REVIEWER_STAGES:
                raise UserError(
                    _(
                        "Reviewers are added before the panel review starts; "
                        "%(doc)s is in stage %(stage)s.",
                        doc=proposal.display_name,
                        stage=proposal._scm_stage_label(),
                    )
                )

    def _scm_check_sections(self):
        """SAL-PROP-01: every section is written, the quotation has an amount."""
        for proposal in self:
            missing = [
                proposal._fields[name].get_description(self.env)["string"]
                for name in SECTION_FIELDS
                if not (proposal[name] or "").strip()
            ]
            if proposal.quotation_amount <= 0:
                missing.append(_("Quoted Amount"))
            if missing:
                raise UserError(
                    _(
                        "%(doc)s is incomplete: fill in %(sections)s.",
                        doc=proposal.display_name,
                        sections=", ".join(missing),
                    )
                )

    def _scm_msd_manager(self):
        return self.env.ref("scm_base.dept_msd").sudo()._scm_manager_user()

    def _scm_notify(self, subject, body, partners):
        """A written notice of the MSD Manager, who dispatches the review's
        results (ORG-RULE-07, SAL-PROP-05)."""
        self.ensure_one()
        sender = self._scm_msd_manager()
        return (
            self.env["scm.notice"]
            .with_user(sender)
            ._scm_send(self.with_user(sender), subject, body, partners)
        )

    # -- review tiers --------------------------------------------------------------
    def _prepare_tier_review_vals(self, definition, sequence):
        """Tiers that share a sequence review in parallel: the pre-review runs
        first, then every panel line at once (SAL-PROP-04 Open)."""
        vals = super()._prepare_tier_review_vals(definition, sequence)
        higher = (
            self.env["tier.definition"]
            .sudo()
            .search(
                [("model", "=", self._name), ("sequence", ">", definition.sequence)]
            )
        )
        vals["sequence"] = len(set(higher.mapped("sequence"))) + 1
        return vals

    def _scm_extra_tier_domain(self):
        return f"[('id', '=', {self.id})]"

    def _scm_extra_tiers(self):
        self.ensure_one()
        return (
            self.env["tier.definition"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("model", "=", self._name),
                    ("review_type", "=", "individual"),
                    ("definition_domain", "=", self._scm_extra_tier_domain()),
                ]
            )
        )

    def _scm_sync_extra_tiers(self):
        """One individual tier per additional reviewer, bound to this proposal
        by its domain, so that each reviewer owes a line of their own."""
        tier_model = self.env["tier.definition"].sudo().with_context(active_test=False)
        panel = self.env.ref(PANEL_TIER, raise_if_not_found=False)
        model = self.env["ir.model"]._get(self._name)
        for proposal in self:
            tiers = proposal._scm_extra_tiers()
            wanted = proposal.scm_extra_reviewer_ids
            for tier in tiers:
                tier.active = tier.reviewer_id in wanted
            added = tier_model.browse()
            for user in wanted - tiers.reviewer_id:
                added |= tier_model.create(
                    {
                        "name": _(
                            "Additional reviewer %(user)s (%(doc)s)",
                            user=user.name,
                            doc=proposal.name,
                        ),
                        "model_id": model.id,
                        "review_type": "individual",
                        "reviewer_id": user.id,
                        "definition_type": "domain",
                        "definition_domain": proposal._scm_extra_tier_domain(),
                        "company_id": False,
                        "sequence": panel.sequence if panel else 100,
                        "approve_sequence": True,
                        "has_comment": True,
                        "scm_review_days": 1,
                        "scm_rule_code": "SAL-PROP-04",
                    }
                )
            if proposal.state == "to_approve" and proposal.stage == "msd_prereview":
                proposal._scm_sync_running_round(tiers | added)

    def _scm_sync_running_round(self, extra_tiers):
        """During the pre-review the panel has not started: its lines follow
        the reviewers the MSD Manager adds or removes."""
        reviews = self.sudo().review_ids
        for tier in extra_tiers:
            line = reviews.filtered(lambda r, t=tier: r.definition_id == t)
            if tier.active and not line:
                self.env["tier.review"].sudo().create(
                    self._prepare_tier_review_vals(tier, 0)
                )
            elif not tier.active and line.status in ("waiting", "pending"):
                line.unlink()

    def _scm_prereview_reviews(self):
        tier = self.env.ref(PREREVIEW_TIER, raise_if_not_found=False)
        return self.sudo().review_ids.filtered(lambda r: r.definition_id == tier)

    def _scm_nothing_to_decide(self):
        return UserError(
            _(
                "You have no opinion to give on %(doc)s now: you are not one of "
                "its reviewers, or it is not your turn yet.",
                doc=self.display_name,
            )
        )

    def action_scm_give_opinion(self, decision, opinion):
        """Give the current user's line of the 《项目评审意见表》: `approve` or
        `reject`, with the opinion. The same as the comment dialog of the
        form, for callers without a dialog (imports, integrations)."""
        self.ensure_one()
        if decision not in ("approve", "reject"):
            raise UserError(_("A review decision is either approve or reject."))
        if not (opinion or "").strip():
            raise UserError(
                _(
                    "Write your review opinion: every line of the opinion form "
                    "needs one."
                )
            )
        self._scm_check_my_turn()
        # The reviews are written by the approval machinery, never by the user.
        return self.action_scm_decide(decision, opinion)

    def _rejected_tier(self, tiers=False):
        self._scm_check_my_turn()
        return super()._rejected_tier(tiers)

    def _validate_tier(self, tiers=False):
        """Each line of the 《项目评审意见表》 carries an opinion (SAL-PROP-04)."""
        self.ensure_one()
        self._scm_check_my_turn()
        mine = (tiers or self.review_ids).filtered(
            lambda r: (
                r.status in ("waiting", "pending") and self.env.user in r.reviewer_ids
            )
        )
        if any(not (r.comment or "").strip() for r in mine):
            raise UserError(
                _(
                    "Write your review opinion: every line of the opinion form "
                    "needs one."
                )
            )
        res = super()._validate_tier(tiers)
        if (
            self.state == "to_approve"
            and self.stage == "msd_prereview"
            and all(r.status == "approved" for r in self._scm_prereview_reviews())
        ):
            self._scm_write_internal({"stage": "panel_review"})
            self.sudo().message_post(
                body=_("The MSD pre-review passed: the review panel is open.")
            )
        return res

    # -- approval hooks ----------------------------------------------------------
    def _scm_approval_check_submit(self):
        self._scm_check_sections()

    def _scm_revision_deadline(self):
        """SAL-PROP-07: after the panel, 2 WD to revise; a failed pre-review
        sets no time limit (SAL-PROP-03). Asked again at resubmission, from
        revision, to close the deadline."""
        if self.stage in ("panel_review", "revision"):
            return (2, "SAL-PROP-07")
        return False

    def _scm_approval_on_approved(self):
        """SAL-PROP-06: unanimous → written notice to the branch and 1 WD for
        the Branch Manager to submit the proposal to the customer."""
        self._scm_deadline_close("SAL-PROP-05")
        self._scm_write_internal(
            {"stage": "approved", "approved_date": fields.Datetime.now()}
        )
        partners = (
            self.company_id.scm_manager_id.partner_id | self.consultant_id.partner_id
        )
        notice = self._scm_notify(
            _("EMT proposal %(doc)s approved by the review", doc=self.display_name),
            _(
                "<p>The review panel approved the EMT proposal %(doc)s "
                "unanimously (version %(version)s). The Branch Manager submits it "
                "to the customer within 1 working day.</p>",
                doc=self.display_name,
                version=self.scm_approval_version,
            ),
            partners,
        )
        self._scm_deadline_open(
            "SAL-PROP-06",
            _("Submit the EMT proposal to the customer"),
            self.company_id.scm_manager_id,
            amount=1,
            start=notice.sent_at,
        )

    def _scm_approval_on_rejected(self):
        """SAL-PROP-03/07: the opinion goes back to the Branch Manager in
        writing; after the panel the proposal is in revision."""
        self._scm_deadline_close("SAL-PROP-05")
        from_panel = self.stage == "panel_review"
        self._scm_write_internal({"stage": "revision" if from_panel else "draft"})
        opinions = self._scm_current_round().opinion_ids.filtered(
            lambda o: o.decision == "rejected"
        )
        reasons = "; ".join(
            f"{o.reviewer_id.name}: {o.comment}" for o in opinions if o.comment
        )
        if from_panel:
            subject = _(
                "EMT proposal %(doc)s not approved by the review panel",
                doc=self.display_name,
            )
            body = _(
                "<p>The review of %(doc)s was not unanimous. Revise it according to "
                "the opinions within 2 working days and resubmit it.</p>"
                "<p>%(reasons)s</p>",
                doc=self.display_name,
                reasons=reasons,
            )
        else:
            subject = _(
                "EMT proposal %(doc)s did not pass the MSD pre-review",
                doc=self.display_name,
            )
            body = _(
                "<p>%(doc)s did not pass the MSD pre-review. Revise it, sign it "
                "and send it again.</p><p>%(reasons)s</p>",
                doc=self.display_name,
                reasons=reasons,
            )
        self._scm_notify(subject, body, self.company_id.scm_manager_id.partner_id)

    # -- actions (SAL-PROP-10) -------------------------------------------------
    def action_branch_sign(self):
        """SAL-PROP-02: the Branch Manager reviews and signs this version."""
        for proposal in self:
            proposal._scm_check_stage(EDITABLE_STAGES, _("signed"))
            proposal._scm_check_sections()
            proposal.action_scm_sign(proposal._scm_branch_slot())
            if proposal.stage == "draft":
                proposal._scm_write_internal({"stage": "branch_signed"})
        return True

    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": self._scm_branch_slot(),
                "name": _(
                    "Branch Manager, version %(version)s",
                    version=self._scm_content_version(),
                ),
                "required_user_id": self.company_id.scm_manager_id.id,
            }
        ]

    def action_scm_submit(self):
        """Send the signed proposal to the MSD Manager (SAL-PROP-02): a first
        version, or one revised after a failed pre-review, starts with the
        pre-review (SAL-PROP-03); a revision goes to the panel (SAL-PROP-07/09)."""
        self.ensure_one()
        if self.state == "approved" or self.stage in (
            "approved",
            "sent_to_customer",
            "customer_accepted",
        ):
            raise UserError(
                _(
                    "%(doc)s was already approved: it is not submitted again.",
                    doc=self.display_name,
                )
            )
        self._scm_check_stage(
            ("draft", "branch_signed", "revision"), _("sent to the MSD Manager")
        )
        self._scm_check_branch_manager(_("send"))
        self._scm_check_sections()
        blocked = self._scm_guard_signed(_("sent to the MSD Manager"))
        if blocked:
            return blocked
        prereview = self.stage == "branch_signed"
        now = fields.Datetime.now()
        self._scm_write_internal(
            {"scm_prereview_required": prereview, "sent_to_msd_date": now}
        )
        super().action_scm_submit()
        stage = "msd_prereview" if self._scm_prereview_reviews() else "panel_review"
        self._scm_write_internal({"stage": stage})
        self._scm_deadline_open(
            "SAL-PROP-05",
            _("Complete the review of the EMT proposal"),
            self._scm_msd_manager(),
            amount=1,
            start=now,
        )
        return True

    def action_scm_withdraw(self):
        """The Branch Manager takes the proposal back before a decision."""
        for proposal in self.filtered(lambda p: p.state == "to_approve"):
            proposal._scm_check_branch_manager(_("withdraw"))
            target = "draft" if proposal.scm_prereview_required else "revision"
            super(ScmSalesProposal, proposal).action_scm_withdraw()
            proposal._scm_deadline_cancel("SAL-PROP-05")
            proposal._scm_write_internal({"stage": target})
        return True

    def action_send_to_customer(self):
        """SAL-PROP-06: the Branch Manager submits the approved proposal."""
        self.ensure_one()
        self._scm_check_stage(("approved",), _("sent to the customer"))
        self._scm_check_branch_manager(_("send to the customer"))
        blocked = self._scm_guard_signed(_("sent to the customer"))
        if blocked:
            return blocked
        self._scm_deadline_close("SAL-PROP-06")
        self._scm_write_internal(
            {
                "stage": "sent_to_customer",
                "sent_to_customer_date": fields.Datetime.now(),
            }
        )
        return True

    def action_customer_accept(self):
        """SAL-PROP-08: the customer accepts all of the proposal."""
        for proposal in self:
            proposal._scm_check_stage(
                ("sent_to_customer",), _("marked as accepted by the customer")
            )
            proposal._scm_check_branch_manager(_("record the customer's decision on"))
            proposal._scm_write_internal(
                {
                    "stage": "customer_accepted",
                    "customer_decision_date": fields.Datetime.now(),
                }
            )
            proposal._scm_on_customer_accepted()
            # The proposal's additional reviewers are no longer needed.
            proposal._scm_extra_tiers().active = False
        return True

    def _scm_on_customer_accepted(self):
        """The Branch Manager drafts the S&C contract within 2 WD of the
        acceptance (SAL-PROP-08). The contract itself comes with
        scm_contracts, which overrides this hook to create the draft from the
        proposal and closes this deadline when the contract goes to MSD."""
        self.ensure_one()
        return self._scm_deadline_open(
            "SAL-PROP-08",
            _("Draft the S&C contract from the accepted EMT proposal"),
            self.company_id.scm_manager_id,
            amount=2,
            start=self.customer_decision_date,
        )

    def action_customer_reject(self):
        """SAL-PROP-09: the customer does not accept everything."""
        for proposal in self:
            proposal._scm_check_stage(
                ("sent_to_customer",), _("marked as rejected by the customer")
            )
            proposal._scm_check_branch_manager(_("record the customer's decision on"))
            if not (proposal.customer_feedback or "").strip():
                raise UserError(
                    _(
                        "Write down what the customer did not accept before "
                        "recording the rejection."
                    )
                )
            proposal._scm_write_internal(
                {
                    "stage": "customer_rejected",
                    "customer_decision_date": fields.Datetime.now(),
                }
            )
            proposal.message_post(
                body=_(
                    "The customer did not accept the proposal: %(feedback)s",
                    feedback=proposal.customer_feedback,
                )
            )
        return True

    def action_start_revision(self):
        """SAL-PROP-09: revise per the customer's requirements; the next
        submission opens a new review round."""
        for proposal in self:
            proposal._scm_check_stage(("customer_rejected",), _("revised"))
            if not (
                proposal._scm_is_branch_manager()
                or self.env.user == proposal.consultant_id
            ):
                raise AccessError(
                    _("Only the branch's manager or the consultant revises a proposal.")
                )
            proposal._scm_write_internal({"stage": "revision", "state": "draft"})
        return True

    # -- printing ---------------------------------------------------------------
    def _scm_final_report(self):
        return self.env.ref("scm_sales.action_report_scm_sales_proposal")

    def action_print_review_forms(self):
        """Every round's 《项目评审意见表》."""
        self.ensure_one()
        if not self.scm_approval_round_ids:
            raise UserError(_("%(doc)s was not reviewed yet.", doc=self.display_name))
        return self.env.ref(
            "scm_sales.action_report_scm_sales_proposal_review"
        ).report_action(self.scm_approval_round_ids.sorted("version"))

    # -- view -------------------------------------------------------------------
    def _add_tier_validation_buttons(self, node, params):
        """The approval buttons speak the proposal's language."""
        str_element = self.env["ir.qweb"]._render(
            "scm_sales.scm_sales_proposal_approval_buttons", params
        )
        return etree.fromstring(str_element)
