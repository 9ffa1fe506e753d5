from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

AGREEMENT_WRITABLE_WHEN_LOCKED = {"message_main_attachment_id"}


class ScmPartnershipAgreement(models.Model):
    """《商务合作协议》 (form 27, SAL-PART-07): prepared by the Channel Market
    Specialist with a partner of an approved list that reached cooperation
    intent, and signed for the company by the Company Leader in Charge."""

    _name = "scm.partnership.agreement"
    _description = "Business Cooperation Agreement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.signature.mixin",
        "scm.step.guard.mixin",
    ]
    _order = "date desc, id desc"
    # The number, the state and the author are the steps' own.
    _scm_step_fields = ("name", "state", "author_id")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(required=True, tracking=True)
    partner_line_id = fields.Many2one(
        "scm.partnership.partner.line",
        string="Listed Partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("plan_id.state", "=", "approved"), ("intent_reached", "=", True)],
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="partner_line_id.partner_id", store=True, string="Partner"
    )
    plan_id = fields.Many2one(
        related="partner_line_id.plan_id", store=True, string="Partner List"
    )
    position = fields.Selection(related="partner_line_id.position")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    author_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date = fields.Date(
        string="Agreement Date", required=True, default=fields.Date.context_today
    )
    date_start = fields.Date(string="Valid From")
    date_end = fields.Date(string="Valid Until")
    partner_signatory = fields.Char(help="Who signs for the partner.")
    content = fields.Html(string="Terms of Cooperation")
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    signed_by_id = fields.Many2one(
        "res.users", compute="_compute_signed", string="Signed By (Company)"
    )
    signed_at = fields.Datetime(compute="_compute_signed", string="Signed On")

    @api.depends("scm_signature_ids.state")
    def _compute_signed(self):
        for agreement in self:
            signature = agreement.scm_signature_ids.filtered(
                lambda s: s.slot == "leader" and s.state == "signed"
            )[:1]
            agreement.signed_by_id = signature.signer_id
            agreement.signed_at = signature.signed_at

    @api.constrains("partner_line_id")
    def _check_partner_listed(self):
        for agreement in self:
            line = agreement.partner_line_id
            if line.plan_id.state != "approved":
                raise ValidationError(
                    _(
                        "%(partner)s is not on an approved partner list: an "
                        "agreement is signed only with listed partners.",
                        partner=line.partner_id.display_name,
                    )
                )
            if not line.intent_reached:
                raise ValidationError(
                    _(
                        "%(partner)s has not reached cooperation intent yet: log "
                        "the contact that reached it first.",
                        partner=line.partner_id.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if (
                agreement.date_start
                and agreement.date_end
                and agreement.date_end < agreement.date_start
            ):
                raise ValidationError(_("An agreement cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_channel"
        ):
            raise UserError(
                _("Only a Channel Market Specialist prepares cooperation agreements.")
            )
        agreements = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for agreement in agreements.filtered(lambda a: a.name == "/"):
            # The number is the system's, never the client's.
            agreement._scm_step_write(
                {"name": sequence.next_by_code("scm.partnership.agreement") or _("New")}
            )
        agreements._scm_signature_prepare()
        return agreements

    def write(self, vals):
        if not self.env.su:
            locked = self.filtered(lambda a: a.state != "draft")
            if locked and set(vals) - AGREEMENT_WRITABLE_WHEN_LOCKED:
                raise UserError(
                    _(
                        "%(doc)s is signed or cancelled and can no longer be changed.",
                        doc=locked[0].display_name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        for agreement in self:
            if agreement.state == "signed" or agreement.scm_signature_ids.filtered(
                lambda s: s.state == "signed"
            ):
                raise UserError(
                    _("%(doc)s is signed and cannot be deleted.", doc=agreement.name)
                )

    # -- signatures -----------------------------------------------------------------
    def _scm_signature_slots(self):
        return [
            {
                "slot": "leader",
                "name": _("Company Leader in Charge"),
                "required_group_id": self.env.ref("scm_base.group_leader_in_charge").id,
            }
        ]

    def _scm_final_report(self):
        return self.env.ref("scm_sales.action_report_scm_partnership_agreement")

    def action_sign(self):
        """SAL-PART-07: the Company Leader in Charge signs for the company."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("Only a draft agreement can be signed."))
        if not self.title or not self.content:
            raise UserError(_("Write the terms of cooperation before signing."))
        self.action_scm_sign("leader")
        if not self._scm_missing_signatures():
            self._scm_step_write({"state": "signed"})
        return True

    def action_cancel(self):
        for agreement in self:
            if agreement.state == "signed":
                raise UserError(
                    _("%(doc)s is signed and cannot be cancelled.", doc=agreement.name)
                )
        self._scm_step_write({"state": "cancel"})
        return True

    def _scm_demo_sign(self):
        """Demo data: the Company Leader in Charge signs."""
        leader = self.env.ref("scm_base.group_leader_in_charge").users[:1]
        for agreement in self.filtered(lambda a: a.state == "draft"):
            agreement.with_user(leader).action_sign()
        return True
