from odoo import _, fields, models
from odoo.exceptions import UserError

# Who may change the satisfaction questionnaire (its questions and points):
# the Audit Dept, the Supervision Center, and the survey app's managers.
EDITORS = (
    "scm_base.group_auditor",
    "scm_base.group_sc_manager",
    "scm_base.group_scm_admin",
    "survey.group_survey_manager",
)


class SurveySurvey(models.Model):
    """Marks the customer satisfaction questionnaire (AUD-SAT-01): its
    answers are read only by the Audit Dept, the Supervision Center, the
    President and the Office Meeting (security/sat_rules.xml), and only they
    and the survey managers change it: every employee is a survey user in
    Odoo, who may otherwise edit any survey and read its answers."""

    _inherit = "survey.survey"

    scm_satisfaction = fields.Boolean(
        string="Customer Satisfaction Questionnaire",
        help="The Audit Dept's quarterly customer satisfaction questionnaire: its "
        "answers are the audit's own.",
    )

    def write(self, vals):
        if not self.env.su and (
            "scm_satisfaction" in vals or self.filtered("scm_satisfaction")
        ):
            user = self.env.user
            if not any(user.has_group(group) for group in EDITORS):
                raise UserError(
                    _(
                        "The customer satisfaction questionnaire is the Audit "
                        "Dept's: only the Audit Dept changes it."
                    )
                )
        return super().write(vals)
