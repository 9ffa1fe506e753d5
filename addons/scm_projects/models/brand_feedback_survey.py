from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ScmBrandFeedbackSurvey(models.Model):
    """《品牌反馈信息调查表》, a brand feedback survey form (PRJ-BRD-08): the
    executing branch (or Brand Operation) collects the market's feedback and
    hands the form over to the center, which compiles the feedback report."""

    _name = "scm.brand.feedback.survey"
    _description = "Brand Feedback Survey Form"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _order = "id desc"
    _scm_step_fields = ("collected_by_id", "state", "handed_date")

    name = fields.Char(string="Respondent", required=True, tracking=True)
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
    survey_date = fields.Date(
        string="Surveyed On", required=True, default=fields.Date.context_today
    )
    market_feedback = fields.Text()
    suggestions = fields.Text()
    collected_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [("draft", "Collecting"), ("handed", "Handed to the Center")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    handed_date = fields.Datetime(string="Handed Over On", readonly=True)

    def _scm_check_collector(self):
        """The executing branch's people or Brand Operation collect feedback."""
        user = self.env.user
        for survey in self:
            project = survey.brand_project_id.sudo()
            if not (
                project._scm_brand_is_team(user)
                or user.has_group("scm_base.group_brand_designer")
                or user._scm_is_member_of_company(project.company_id)
            ):
                raise AccessError(
                    _(
                        "Only the executing branch of %(project)s or Brand "
                        "Operation collects its feedback.",
                        project=project.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        surveys = super().create(vals_list)
        if not self.env.su:
            surveys._scm_check_collector()
        return surveys

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_collector()
            if any(s.state != "draft" for s in self):
                raise UserError(_("A handed-over survey form no longer changes."))
        return super().write(vals)

    def action_hand_over(self):
        for survey in self:
            survey._scm_check_collector()
            if survey.state != "draft":
                raise UserError(_("The survey form is already handed over."))
            if not (survey.market_feedback or "").strip():
                raise UserError(_("Write the market feedback before handing it over."))
            survey._scm_step_write(
                {"state": "handed", "handed_date": fields.Datetime.now()}
            )
        return True
