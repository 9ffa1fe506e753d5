from odoo import fields, models


class ScmTrainingEvaluationCriterion(models.Model):
    """One item the evaluation meeting scores the trainer on: the criteria
    of TRN-EVAL-02 and the detail control items of TRN-EXEC-01, the items
    both rules name merged into one line that cites both (`rule_codes`)."""

    _name = "scm.training.evaluation.criterion"
    _description = "Trainer Evaluation Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Short code of the item on the form.")
    rule_codes = fields.Char(
        string="Rules",
        required=True,
        help="The rules of the manual that name this item (TRN-EVAL-02, TRN-EXEC-01).",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique (code)", "The code of a criterion must be unique.")
    ]
