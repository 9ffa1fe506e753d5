from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmContractChecklistLine(models.Model):
    """A line of the contract's 《合同审核确认表》: the drafter confirms the
    clause against the company's core principles (SUP-CTR-01)."""

    _name = "scm.contract.checklist.line"
    _description = "Contract Core-Clause Check"
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one(
        "scm.contract", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    clause_id = fields.Many2one(
        "scm.contract.template.clause", string="Template Clause"
    )
    name = fields.Char(string="Clause", required=True)
    description = fields.Text(related="clause_id.description")
    checked = fields.Boolean()
    note = fields.Char()
    checked_by_id = fields.Many2one("res.users", readonly=True)
    checked_date = fields.Datetime(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._scm_check_contract_draft()
        return lines

    def write(self, vals):
        self._scm_check_contract_draft()
        if "checked" in vals:
            vals = dict(
                vals,
                checked_by_id=vals["checked"] and self.env.user.id,
                checked_date=vals["checked"] and fields.Datetime.now(),
            )
        return super().write(vals)

    def unlink(self):
        self._scm_check_contract_draft()
        return super().unlink()

    def _scm_check_contract_draft(self):
        if self.env.context.get("scm_contract_internal"):
            return
        for line in self:
            if line.contract_id.stage != "draft":
                raise UserError(
                    _(
                        "The clause checklist of %(doc)s is closed: it is no "
                        "longer a draft.",
                        doc=line.contract_id.display_name,
                    )
                )
