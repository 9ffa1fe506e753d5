from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ScmBrandAcceptance(models.Model):
    """《品牌设计项目验收单》 / 《品牌推广项目验收单》, the acceptance form of a
    brand project stage (PRJ-BRD-06, FORMS.md 55). Brand Operation signs it;
    where the stage's acceptor is "Brand Operation / customer" the customer
    signs too (recorded with scm_projects' customer-signature wizard). The
    stage closes only with every signature it needs."""

    _name = "scm.brand.acceptance"
    _description = "Brand Project Acceptance Form"
    _inherit = ["mail.thread", "scm.project.customer.sign.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "stage_id",
        "brand_signed_by_id",
        "brand_signed_date",
        "state",
        "closed_date",
    )

    stage_id = fields.Many2one(
        "scm.brand.stage", required=True, readonly=True, index=True, ondelete="cascade"
    )
    name = fields.Char(related="stage_id.name", string="Stage Name")
    brand_project_id = fields.Many2one(
        related="stage_id.brand_project_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="stage_id.company_id", string="Branch", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="stage_id.partner_id", string="Customer", store=True
    )
    acceptance_type = fields.Selection(
        related="stage_id.project_type", string="Acceptance Form Type", store=True
    )
    acceptor = fields.Selection(related="stage_id.acceptor")
    deliverable = fields.Char(related="stage_id.deliverable")
    submitted_date = fields.Date(related="stage_id.submitted_date")
    accept_deadline_date = fields.Date(related="stage_id.accept_deadline_date")
    two_acceptors = fields.Boolean(compute="_compute_two_acceptors")
    opinion = fields.Text(string="Acceptance Opinion")
    brand_signed_by_id = fields.Many2one(
        "res.users", string="Signed for Brand Operation", readonly=True, copy=False
    )
    brand_signed_date = fields.Date(
        string="Brand Operation Signed On", readonly=True, copy=False
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Accepted")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    closed_date = fields.Date(string="Accepted On", readonly=True)

    @api.depends("stage_id.acceptor")
    def _compute_two_acceptors(self):
        for form in self:
            form.two_acceptors = form.stage_id.acceptor == "brand_customer"

    @api.depends("stage_id", "acceptance_type")
    def _compute_display_name(self):
        labels = {
            "design": _("Design Acceptance"),
            "promotion": _("Promotion Acceptance"),
        }
        for form in self:
            stage = form.sudo().stage_id
            label = labels.get(form.acceptance_type, _("Acceptance"))
            form.display_name = f"{label}: {stage.name or ''}"

    def write(self, vals):
        if not self.env.su and "opinion" in vals:
            self.check_access("write")
            for form in self:
                form._scm_check_may_record_customer_signature()
                if form.state != "open":
                    raise UserError(_("The acceptance form is closed."))
        return super().write(vals)

    # -- customer signature (scm.project.customer.sign.mixin) -------------------------
    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self.brand_project_id._scm_brand_check_team(
            _("record the customer's signature on the acceptance form")
        )

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if not self.two_acceptors:
            raise UserError(
                _(
                    "%(stage)s is accepted by Brand Operation alone: the customer "
                    "does not sign its acceptance form.",
                    stage=self.stage_id.name,
                )
            )
        self._scm_check_submitted()

    def _scm_check_submitted(self):
        if self.state != "open" or self.stage_id.state != "submitted":
            raise UserError(
                _(
                    "%(stage)s is not waiting for acceptance.",
                    stage=self.stage_id.name,
                )
            )

    # -- steps -------------------------------------------------------------------------
    def action_brand_sign(self):
        """Brand Operation's signature: the center manager's."""
        for form in self:
            if not self.env.user.has_group("scm_base.group_brand_manager"):
                raise AccessError(
                    _(
                        "Only the Brand Operation Center manager signs the "
                        "acceptance form for Brand Operation."
                    )
                )
            form._scm_check_submitted()
            if form.brand_signed_date:
                raise UserError(_("Brand Operation has already signed this form."))
            form._scm_step_write(
                {
                    "brand_signed_by_id": self.env.user.id,
                    "brand_signed_date": fields.Date.context_today(form),
                }
            )
            form.message_post(body=_("Signed for Brand Operation."))
        return True

    def action_close(self):
        """PRJ-BRD-06: the stage closes with every acceptor's signature."""
        for form in self:
            form.brand_project_id._scm_brand_check_team(_("close a stage"))
            form._scm_check_submitted()
            if not form.brand_signed_date:
                raise UserError(
                    _(
                        "%(stage)s cannot close: Brand Operation has not signed "
                        "its acceptance form.",
                        stage=form.stage_id.name,
                    )
                )
            if form.two_acceptors and not form.customer_signed_date:
                raise UserError(
                    _(
                        "%(stage)s is accepted by Brand Operation and the "
                        "customer: it cannot close with one signature.",
                        stage=form.stage_id.name,
                    )
                )
            form._scm_step_write(
                {"state": "closed", "closed_date": fields.Date.context_today(form)}
            )
            form.stage_id._scm_on_accepted()
        return True

    def _scm_reset(self):
        """The stage was adjusted or resubmitted: the signatures start over."""
        self._scm_step_write(
            {
                "brand_signed_by_id": False,
                "brand_signed_date": False,
                "customer_signatory": False,
                "customer_signed_date": False,
                "customer_sealed": False,
                "customer_sign_recorded_by_id": False,
                "state": "open",
                "closed_date": False,
            }
        )

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_brand_acceptance"
        ).report_action(self)
