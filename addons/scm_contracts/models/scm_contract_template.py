from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..contract_types import CONTRACT_TYPES


class ScmContractTemplate(models.Model):
    """The HQ contract format of a type (总公司规定的合同格式, 《技术服务合同》范本):
    its standard text, the core clauses the drafter checks (SUP-CTR-01) and the
    layout its original prints with (CON-GEN-04)."""

    _name = "scm.contract.template"
    _description = "Contract Template"
    _order = "contract_type, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    contract_type = fields.Selection(CONTRACT_TYPES, string="Type", required=True)
    terms = fields.Html(string="Standard Text", sanitize_style=True)
    clause_ids = fields.One2many(
        "scm.contract.template.clause", "template_id", string="Core Clauses"
    )
    report_id = fields.Many2one(
        "ir.actions.report",
        string="Original Layout",
        domain="[('model', '=', 'scm.contract')]",
        help="The layout the original of this type prints with.",
    )
    contract_count = fields.Integer(compute="_compute_contract_count")

    def _compute_contract_count(self):
        counts = dict(
            self.env["scm.contract"]._read_group(
                [("template_id", "in", self.ids)], ["template_id"], ["__count"]
            )
        )
        for template in self:
            template.contract_count = counts.get(template, 0)

    @api.model
    def _scm_default_for(self, contract_type):
        template = self.search([("contract_type", "=", contract_type)], limit=1)
        if not template:
            raise UserError(
                _(
                    "There is no template for this contract type: ask the MSD "
                    "to set one up (CON-GEN-04)."
                )
            )
        return template
