from odoo import api, fields, models


class ScmTrainingEquipmentLine(models.Model):
    """One piece of training equipment of a branch's checklist."""

    _name = "scm.training.equipment.line"
    _description = "Training Equipment"
    _order = "checklist_id, id"

    checklist_id = fields.Many2one(
        "scm.training.equipment.checklist",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="checklist_id.company_id", store=True, index=True
    )
    kind = fields.Selection(
        [("whiteboard", "Whiteboard"), ("computer", "Computer"), ("other", "Other")],
        required=True,
        default="other",
    )
    name = fields.Char(string="Equipment", required=True)
    quantity = fields.Integer(default=1)
    working = fields.Boolean(string="In Working Order", default=True)

    def _scm_check_checklist(self, checklists):
        if not self.env.su:
            checklists.check_access("write")
            checklists._scm_check_keeper(self.env._("edit"))

    @api.model_create_multi
    def create(self, vals_list):
        checklists = self.env["scm.training.equipment.checklist"].browse(
            {vals["checklist_id"] for vals in vals_list if vals.get("checklist_id")}
        )
        self._scm_check_checklist(checklists)
        return super().create(vals_list)

    def write(self, vals):
        self._scm_check_checklist(self.checklist_id)
        return super().write(vals)

    def unlink(self):
        self._scm_check_checklist(self.checklist_id)
        return super().unlink()
