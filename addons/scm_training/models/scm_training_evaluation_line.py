from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MAX_SCORE = 10


class ScmTrainingEvaluationLine(models.Model):
    """One criterion of the evaluation form with the meeting's score
    (1–10) and remark."""

    _name = "scm.training.evaluation.line"
    _description = "Trainer Evaluation Criterion Score"
    _order = "sequence, id"

    evaluation_id = fields.Many2one(
        "scm.training.evaluation", required=True, ondelete="cascade", index=True
    )
    session_id = fields.Many2one(
        related="evaluation_id.session_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="evaluation_id.company_id", store=True, index=True
    )
    criterion_id = fields.Many2one(
        "scm.training.evaluation.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    rule_codes = fields.Char(related="criterion_id.rule_codes")
    score = fields.Integer(help="1 (poor) to 10 (excellent).")
    remark = fields.Char()

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if line.score and not 1 <= line.score <= MAX_SCORE:
                raise ValidationError(
                    _(
                        "A criterion is scored from 1 to %(max)s.",
                        max=MAX_SCORE,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.evaluation_id._scm_check_editable()
        return lines

    def write(self, vals):
        self.evaluation_id._scm_check_editable()
        if "evaluation_id" in vals and not self.env.su:
            raise ValidationError(_("A score stays on its evaluation form."))
        return super().write(vals)

    def unlink(self):
        self.evaluation_id._scm_check_editable()
        return super().unlink()

    @api.depends("evaluation_id", "criterion_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " · ".join(
                part
                for part in (
                    line.evaluation_id.display_name,
                    line.criterion_id.display_name,
                )
                if part
            )
