from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmContractChecklistLine(models.Model):
    """A line of the contract's 《合同审核确认表》: the drafter confirms the
    clause against the company's core principles (SUP-CTR-01)."""

    _name = "scm.contract.checklist.line"
    _description = "Contract Core-Clause Check"
    _inherit = ["scm.step.guard.mixin"]
    _order = "contract_id, sequence, id"
    # Who confirmed the clause and when: stamped by the tick itself.
    _scm_step_fields = ("checked_by_id", "checked_date")

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
        if "contract_id" in vals and any(
            line.contract_id.id != vals["contract_id"] for line in self
        ):
            raise UserError(
                _("A checklist line belongs to its contract and does not move.")
            )
        res = super().write(vals)
        if "checked" in vals:
            # The tick is the confirmation: it records who gave it and when.
            self._scm_step_write(
                {
                    "checked_by_id": bool(vals["checked"]) and self.env.user.id,
                    "checked_date": bool(vals["checked"]) and fields.Datetime.now(),
                }
            )
        return res

    def unlink(self):
        self._scm_check_contract_draft()
        return super().unlink()

    @api.depends("name", "contract_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.name or line.contract_id.display_name

    def _scm_check_contract_draft(self):
        # The contract's own steps (sudo) may still adjust a closed list.
        if self.env.su:
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
