from odoo import fields, models


class ScmContractTemplateClause(models.Model):
    """A core-principle clause the drafter checks before submission
    (《合同审核确认表》, SUP-CTR-01)."""

    _name = "scm.contract.template.clause"
    _description = "Contract Core Clause"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "scm.contract.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Clause", required=True, translate=True)
    description = fields.Text(string="What to Check", translate=True)
    rule_code = fields.Char(string="Rule")
