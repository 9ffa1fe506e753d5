from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

DELIVERABLE_TYPES = [
    ("design_scheme", "Brand Design Scheme"),
    ("research_report", "Brand Research Report"),
    ("planning_scheme", "Brand Planning Scheme"),
    ("feedback_report", "Brand Feedback Survey Report"),
]


class ScmBrandDeliverable(models.Model):
    """The brand project's written deliverables (FORMS.md 56, 58-60):
    《品牌设计方案》, 《品牌调研报告》, 《品牌策划方案》 and the
    《品牌反馈信息调查报告》. The feedback report is compiled by the center
    from at least one survey form, accepted by Brand Operation and forwarded
    by the branch to the customer (PRJ-BRD-08)."""

    _name = "scm.brand.deliverable"
    _description = "Brand Project Deliverable"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "state",
        "submitted_by_id",
        "submitted_date",
        "accepted_by_id",
        "accepted_date",
        "sent_by_id",
        "sent_date",
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    deliverable_type = fields.Selection(
        DELIVERABLE_TYPES, string="Type", required=True, tracking=True
    )
    brand_project_id = fields.Many2one(
        "scm.brand.project",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="brand_project_id.company_id", string="Branch", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="brand_project_id.partner_id", string="Customer", store=True
    )
    stage_id = fields.Many2one(
        "scm.brand.stage",
        domain="[('brand_project_id', '=', brand_project_id)]",
    )
    content = fields.Html()
    survey_ids = fields.Many2many(
        "scm.brand.feedback.survey",
        string="Survey Forms",
        domain="[('brand_project_id', '=', brand_project_id), "
        "('state', '=', 'handed')]",
    )
    survey_count = fields.Integer(compute="_compute_survey_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Compiled"),
            ("accepted", "Accepted"),
            ("sent", "Sent to Customer"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    submitted_by_id = fields.Many2one("res.users", string="Compiled By", readonly=True)
    submitted_date = fields.Datetime(string="Compiled On", readonly=True)
    accepted_by_id = fields.Many2one("res.users", readonly=True)
    accepted_date = fields.Datetime(string="Accepted On", readonly=True)
    sent_by_id = fields.Many2one(
        "res.users",
        string="Handed to the Customer By",
        readonly=True,
        help="The branch person who forwarded the report to the customer.",
    )
    sent_date = fields.Datetime(string="Sent to Customer On", readonly=True)

    @api.depends("survey_ids")
    def _compute_survey_count(self):
        for deliverable in self:
            deliverable.survey_count = len(deliverable.survey_ids)

    def _scm_check_team(self, action):
        for deliverable in self:
            project = deliverable.brand_project_id.sudo()
            if not (
                project._scm_brand_is_team()
                or self.env.user.has_group("scm_base.group_brand_designer")
            ):
                raise AccessError(
                    _(
                        "Only Brand Operation may %(action)s %(doc)s.",
                        action=action,
                        doc=deliverable.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        deliverables = super().create(vals_list)
        if not self.env.su:
            deliverables._scm_check_team(_("write"))
        return deliverables

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_team(_("edit"))
            if any(d.state != "draft" for d in self):
                raise UserError(_("Only a draft deliverable can be edited."))
        return super().write(vals)

    def action_submit(self):
        for deliverable in self:
            deliverable._scm_check_team(_("compile"))
            if deliverable.state != "draft":
                raise UserError(_("Only a draft deliverable can be compiled."))
            if deliverable.deliverable_type == "feedback_report":
                surveys = deliverable.sudo().survey_ids
                if not surveys.filtered(lambda s: s.state == "handed"):
                    raise UserError(
                        _(
                            "The feedback survey report is compiled from at "
                            "least one survey form handed over by the branch "
                            "(PRJ-BRD-08)."
                        )
                    )
            deliverable._scm_step_write(
                {
                    "state": "submitted",
                    "submitted_by_id": self.env.user.id,
                    "submitted_date": fields.Datetime.now(),
                }
            )
        return True

    def action_accept(self):
        for deliverable in self:
            if not self.env.user.has_group("scm_base.group_brand_manager"):
                raise AccessError(
                    _("Only the Brand Operation Center manager accepts a deliverable.")
                )
            if deliverable.state != "submitted":
                raise UserError(_("Only a compiled deliverable can be accepted."))
            deliverable._scm_step_write(
                {
                    "state": "accepted",
                    "accepted_by_id": self.env.user.id,
                    "accepted_date": fields.Datetime.now(),
                }
            )
        return True

    def action_send_to_customer(self):
        """The branch forwards the accepted feedback report to the customer
        (PRJ-BRD-08): the state records the hand-over."""
        for deliverable in self:
            if deliverable.deliverable_type != "feedback_report":
                raise UserError(
                    _("Only the feedback survey report goes to the customer this way.")
                )
            company = deliverable.brand_project_id.sudo().company_id
            if not self.env.user._scm_is_member_of_company(company):
                raise AccessError(
                    _(
                        "The branch %(branch)s forwards the feedback report to "
                        "the customer.",
                        branch=company.name,
                    )
                )
            if deliverable.state != "accepted":
                raise UserError(
                    _("Brand Operation accepts the report before it goes out.")
                )
            deliverable._scm_step_write(
                {
                    "state": "sent",
                    "sent_by_id": self.env.user.id,
                    "sent_date": fields.Datetime.now(),
                }
            )
            deliverable.sudo().message_post(
                body=_(
                    "Sent to the customer by the branch (%(user)s).",
                    user=self.env.user.name,
                )
            )
        return True

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_brand_feedback_report"
        ).report_action(self)
