from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

SURVEY_RULE = "SUP-SAT-01"


def survey_due(year):
    """The plan for survey year `year` is due by Oct 31 of the year before."""
    return date(year - 1, 10, 31)


class ScmServiceSurveyPlan(models.Model):
    """《客户服务需求市场调研方案》: next year's customer-service needs survey
    plan, prepared by MCD by Oct 31 (SUP-SAT-01, optional: enabled on the
    company). Every second year the survey is done by a third party."""

    _name = "scm.service.survey.plan"
    _description = "Customer Service Needs Survey Plan"
    _inherit = ["mail.thread", "scm.stage.mixin"]
    _order = "year desc, id desc"
    _scm_step_fields = ("filed_date", "filed_by_id", "filed_late")

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company.root_id,
        readonly=True,
    )
    year = fields.Integer(
        string="Survey Year",
        required=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
        tracking=True,
    )
    due_date = fields.Date(compute="_compute_due_date", store=True, string="Due On")
    objectives = fields.Text(required=True)
    method = fields.Text(string="Survey Method", required=True)
    schedule = fields.Text(required=True)
    third_party = fields.Boolean(
        string="By a Third Party",
        help="Every second year the survey is done by a third party.",
    )
    stage = fields.Selection(
        [("draft", "Draft"), ("filed", "Filed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    filed_date = fields.Datetime(string="Filed On", readonly=True, copy=False)
    filed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    filed_late = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        ("year_unique", "unique(company_id, year)", "One survey plan per year.")
    ]

    @api.depends("year")
    def _compute_name(self):
        for plan in self:
            plan.name = _("Needs Survey Plan %(year)s", year=plan.year)

    @api.depends("year")
    def _compute_due_date(self):
        for plan in self:
            plan.due_date = survey_due(plan.year) if plan.year > 1 else False

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(_("Enter the survey year, e.g. 2025."))

    def _scm_check_mcd(self, action):
        user = self.env.user
        mcd = self.env.ref("scm_base.dept_mcd", raise_if_not_found=False)
        if not (
            user.has_group("scm_base.group_mcd_manager")
            or (mcd and user._scm_is_member_of_unit(mcd))
        ):
            raise AccessError(
                _("Only MCD may %(action)s a needs survey plan.", action=action)
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._scm_check_mcd(_("prepare"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._scm_check_mcd(_("change"))
            if any(plan.stage != "draft" for plan in self) and set(vals) - {
                name for name in vals if name.startswith(("message_", "activity_"))
            }:
                raise UserError(
                    _("A filed needs survey plan can no longer be changed.")
                )
        return super().write(vals)

    def action_scm_file(self):
        self._scm_check_stage(("draft",), _("filed"))
        self._scm_check_mcd(_("file"))
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for plan in self:
            plan._scm_step_write(
                {
                    "stage": "filed",
                    "filed_date": now,
                    "filed_by_id": self.env.user.id,
                    "filed_late": today > plan.due_date,
                }
            )
        return True
