from odoo import api, fields, models

ASSESSMENT_SOURCES = [
    ("audit", "Audit Finding"),
    ("satisfaction", "Satisfaction Survey"),
    ("training", "Training Result"),
    ("commendation", "Commendation"),
]


class ScmAssessmentEntry(models.Model):
    """An entry in a person's monthly performance assessment (ORG-RULE-12)."""

    _name = "scm.assessment.entry"
    _description = "Assessment Entry"
    _order = "period desc, id desc"

    user_id = fields.Many2one("res.users", string="Person", required=True, index=True)
    company_id = fields.Many2one("res.company", string="Branch", index=True)
    period = fields.Date(
        string="Month", required=True, index=True, help="First day of the month."
    )
    source = fields.Selection(ASSESSMENT_SOURCES, required=True)
    score = fields.Float()
    description = fields.Text(required=True)
    res_model = fields.Char(string="Document Model")
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model")

    @api.model
    def _scm_add(self, user, source, description, score=0.0, document=None):
        """Record an outcome in the current month's assessment of `user`."""
        today = fields.Date.context_today(self)
        return self.sudo().create(
            {
                "user_id": user.id,
                "company_id": user.company_id.id,
                "period": today.replace(day=1),
                "source": source,
                "score": score,
                "description": description,
                "res_model": document and document._name,
                "res_id": document and document.id,
            }
        )

    @api.depends("user_id", "source", "period")
    def _compute_display_name(self):
        # "曹武顾 · 培训 · 2027-01": who, from what, when.
        labels = dict(self._fields["source"]._description_selection(self.env))
        for entry in self:
            entry.display_name = " · ".join(
                part
                for part in (
                    entry.user_id.name,
                    labels.get(entry.source),
                    entry.period and entry.period.strftime("%Y-%m"),
                )
                if part
            )
