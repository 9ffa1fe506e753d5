from odoo import fields, models

BRAND_SURVEY_TYPES = [
    ("product", "Product Survey Form"),
    ("brand_status", "Brand Status Survey Form"),
    ("feasibility", "Feasibility Analysis Survey Form"),
]


class SurveySurvey(models.Model):
    """Marks the questionnaires a brand intake needs (SAL-BRAND-02), so an
    administrator can replace a template without touching the code."""

    _inherit = "survey.survey"

    scm_brand_survey_type = fields.Selection(
        BRAND_SURVEY_TYPES,
        string="Brand Intake Questionnaire",
        help="The customer fills this questionnaire for a brand operation intake.",
    )
