from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectClosingLine(models.Model):
    """A document of the archive checklist of the closing notice: the
    contract, the plans, the acceptance forms, the execution sheet
    (SUP-EPM-04); every item is required."""

    _name = "scm.project.closing.line"
    _description = "Project Closing Archive Item"
    _order = "closing_id, sequence, id"

    closing_id = fields.Many2one(
        "scm.project.closing", required=True, ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        related="closing_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="closing_id.company_id", store=True, index=True, string="Branch"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Archive Item", required=True)
    archived = fields.Boolean()
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.closing_id._scm_check_items_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            if "closing_id" in vals and any(
                line.closing_id.id != vals["closing_id"] for line in self
            ):
                raise UserError(_("An archive item belongs to its closing notice."))
            self.closing_id._scm_check_items_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(
                _(
                    "Every item of the archive checklist is required: tick it, "
                    "do not remove it."
                )
            )
        return super().unlink()
