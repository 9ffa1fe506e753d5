from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmProjectEquipmentChangeLine(models.Model):
    """One line of an equipment change: add a device, remove one, or modify
    one (SUP-EPM-03). It takes effect only through the change's approval."""

    _name = "scm.project.equipment.change.line"
    _description = "Project Equipment Change Line"
    _order = "change_id, id"

    change_id = fields.Many2one(
        "scm.project.equipment.change",
        string="Equipment Change",
        required=True,
        index=True,
        ondelete="cascade",
    )
    project_id = fields.Many2one(
        related="change_id.project_id", store=True, index=True, string="Project"
    )
    company_id = fields.Many2one(
        related="change_id.company_id", store=True, index=True, string="Branch"
    )
    operation = fields.Selection(
        [("add", "Add"), ("remove", "Remove"), ("modify", "Modify")],
        required=True,
        default="add",
    )
    equipment_id = fields.Many2one(
        "scm.project.equipment",
        string="Equipment Line",
        domain="[('project_id', '=', project_id)]",
        ondelete="set null",
    )
    name = fields.Char(string="Device")
    model = fields.Char()
    quantity = fields.Integer(default=1)
    supplier = fields.Char()

    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        """A modification starts from the line as it is."""
        equipment = self.equipment_id
        if equipment and self.operation in ("modify", "remove"):
            self.name = equipment.name
            self.model = equipment.model
            self.quantity = equipment.quantity
            self.supplier = equipment.supplier

    @api.constrains("operation", "equipment_id", "name", "quantity")
    def _check_line(self):
        for line in self:
            if line.operation in ("remove", "modify"):
                if not line.equipment_id:
                    raise ValidationError(
                        _("Name the equipment line to remove or modify.")
                    )
                if line.equipment_id.project_id != line.change_id.project_id:
                    raise ValidationError(
                        _("The equipment line belongs to another project.")
                    )
            if line.operation in ("add", "modify"):
                if line.operation == "add" and not (line.name or "").strip():
                    raise ValidationError(_("Name the device to add."))
                if line.quantity <= 0:
                    raise ValidationError(_("The quantity must be positive."))

    # -- guard: the lines are the request's content --------------------------------
    def _scm_check_change_draft(self, changes):
        if self.env.su:
            return
        for change in changes:
            change._scm_check_pm(_("change"))
            if change.state != "draft":
                raise UserError(_("Only a draft equipment change can be edited."))

    @api.model_create_multi
    def create(self, vals_list):
        changes = self.env["scm.project.equipment.change"].browse(
            {vals.get("change_id") for vals in vals_list if vals.get("change_id")}
        )
        self._scm_check_change_draft(changes)
        return super().create(vals_list)

    def write(self, vals):
        self._scm_check_change_draft(self.change_id)
        if "change_id" in vals and not self.env.su:
            raise UserError(_("A change line stays on its change."))
        return super().write(vals)

    def unlink(self):
        self._scm_check_change_draft(self.change_id)
        return super().unlink()

    # -- applying -------------------------------------------------------------------
    def _scm_check_applicable(self):
        for line in self:
            if line.operation != "add" and not line.equipment_id.exists():
                raise UserError(_("An equipment line of the change no longer exists."))

    def _scm_apply(self):
        """Apply the approved lines to the equipment list (called by the
        change's approval only)."""
        Equipment = self.env["scm.project.equipment"].sudo()
        for line in self:
            if line.operation == "add":
                Equipment.create(
                    {
                        "name": line.name,
                        "model": line.model,
                        "supplier": line.supplier,
                        "quantity": line.quantity,
                        "project_id": line.change_id.project_id.id,
                        "change_id": line.change_id.id,
                    }
                )
            elif line.operation == "modify":
                equipment = line.equipment_id.sudo()
                equipment.write(
                    {
                        "name": line.name or equipment.name,
                        "model": line.model or equipment.model,
                        "supplier": line.supplier or equipment.supplier,
                        "quantity": line.quantity,
                    }
                )
            else:
                # The line keeps what it removed.
                line.sudo().write(
                    {
                        "name": line.name or line.equipment_id.name,
                        "model": line.model or line.equipment_id.model,
                    }
                )
                line.equipment_id.sudo().unlink()
