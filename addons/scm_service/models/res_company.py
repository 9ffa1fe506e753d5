from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """A new branch gets its service team at once. SUP-SAT-01: the optional
    annual needs survey plan, enabled on the head office; from Nov 1 a
    missing plan for next year is flagged, on the company and in the survey
    plans' menu, without any job."""

    _inherit = "res.company"

    scm_service_survey_enabled = fields.Boolean(
        string="Annual Needs Survey",
        help="Hold the annual customer-service needs survey (SUP-SAT-01): its "
        "plan for next year is due by Oct 31.",
    )
    scm_service_survey_missing = fields.Boolean(
        string="Needs Survey Plan Missing",
        compute="_compute_scm_service_survey_missing",
        search="_search_scm_service_survey_missing",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        self.env["helpdesk.ticket.team"]._scm_ensure_service_teams(companies)
        return companies

    def _scm_survey_plan_missing(self, on_date=None):
        """From Nov 1 of year Y, the plan for Y+1 must have been filed."""
        self.ensure_one()
        today = on_date or fields.Date.context_today(self)
        if not self.scm_service_survey_enabled or today <= date(today.year, 10, 31):
            return False
        return (
            not self.env["scm.service.survey.plan"]
            .sudo()
            .search_count(
                [
                    ("company_id", "=", self.id),
                    ("year", "=", today.year + 1),
                    ("stage", "=", "filed"),
                ]
            )
        )

    def _compute_scm_service_survey_missing(self):
        for company in self:
            company.scm_service_survey_missing = company._scm_survey_plan_missing()

    def _search_scm_service_survey_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on the needs survey flag."))
        enabled = self.sudo().search([("scm_service_survey_enabled", "=", True)])
        ids = enabled.filtered(lambda c: c._scm_survey_plan_missing()).ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]
