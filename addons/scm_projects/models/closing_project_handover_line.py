from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectHandoverLine(models.Model):
    """An archive item handed over from implementation to customer service,
    ticked once handed over (PRJ-HAND-03)."""

    _name = "scm.project.handover.line"
    _description = "Customer Service Handover Item"
    _order = "handover_id, sequence, id"

    handover_id = fields.Many2one(
        "scm.project.handover", required=True, ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        related="handover_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, string="Branch"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Archive Item", required=True)
    handed_over = fields.Boolean()
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.handover_id._scm_check_items_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            if "handover_id" in vals and any(
                line.handover_id.id != vals["handover_id"] for line in self
            ):
                raise UserError(_("An archive item belongs to its handover form."))
            self.handover_id._scm_check_items_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(
                _("An archive item of the handover form is ticked, not removed.")
            )
        return super().unlink()
