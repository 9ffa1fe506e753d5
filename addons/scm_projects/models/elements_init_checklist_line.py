from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectInitChecklistLine(models.Model):
    """One data item of the initialisation checklist: whether the
    implementation staff checked it, the result and remarks; who checked it
    and when is recorded by the check itself."""

    _name = "scm.project.init.checklist.line"
    _description = "Initialisation Data Checklist Line"
    _inherit = ["scm.step.guard.mixin"]
    _order = "checklist_id, sequence, id"
    _rec_name = "data_item"
    _scm_step_fields = ("checked_by_id", "checked_date")

    checklist_id = fields.Many2one(
        "scm.project.init.checklist",
        required=True,
        index=True,
        ondelete="cascade",
    )
    project_id = fields.Many2one(
        related="checklist_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="checklist_id.company_id", store=True, string="Branch"
    )
    sequence = fields.Integer(default=10)
    data_item = fields.Char(required=True)
    checked = fields.Boolean()
    result = fields.Selection(
        [
            ("correct", "Correct"),
            ("corrected", "Corrected after the Check"),
            ("incorrect", "Incorrect"),
        ],
    )
    remarks = fields.Char()
    checked_by_id = fields.Many2one("res.users", readonly=True)
    checked_date = fields.Date(string="Checked On", readonly=True)

    def _scm_check_editable(self, checklists):
        for checklist in checklists:
            checklist._scm_check_project_worker(_("check the data of"))
            checklist._scm_check_stage(("draft",), _("changed"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            checklists = self.env["scm.project.init.checklist"].browse(
                [v.get("checklist_id") for v in vals_list if v.get("checklist_id")]
            )
            self._scm_check_editable(checklists)
        lines = super().create(vals_list)
        lines.filtered("checked")._scm_record_check()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_editable(self.checklist_id)
            if "checklist_id" in vals and any(
                line.checklist_id.id != vals["checklist_id"] for line in self
            ):
                raise UserError(_("A checklist line stays on its checklist."))
        result = super().write(vals)
        if vals.get("checked"):
            self._scm_record_check()
        elif "checked" in vals:
            self._scm_step_write({"checked_by_id": False, "checked_date": False})
        return result

    def unlink(self):
        if not self.env.su:
            self._scm_check_editable(self.checklist_id)
        return super().unlink()

    def _scm_record_check(self):
        for line in self:
            if line.checked and not line.result:
                raise UserError(
                    _(
                        "Enter the result of the check of %(item)s.",
                        item=line.data_item,
                    )
                )
        self._scm_step_write(
            {
                "checked_by_id": self.env.user.id,
                "checked_date": fields.Date.context_today(self),
            }
        )
