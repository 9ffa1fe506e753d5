from odoo import fields, models


class ScmAssessmentEntry(models.Model):
    """A plan line behind plan feeds its unit's assessment (PRJ-TRK-07)."""

    _inherit = "scm.assessment.entry"

    source = fields.Selection(
        selection_add=[("plan_deviation", "Plan Deviation")],
        ondelete={"plan_deviation": "cascade"},
    )
