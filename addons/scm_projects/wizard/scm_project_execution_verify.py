from odoo import api, fields, models

from ..models.scm_project_execution_sheet import QUALITY


class ScmProjectExecutionVerify(models.TransientModel):
    """MCD's verification entries of an execution status sheet (PRJ-TRK-10),
    handed to the sheet's step, which checks who verifies."""

    _name = "scm.project.execution.verify"
    _description = "Verify Execution Status Sheet"

    sheet_id = fields.Many2one(
        "scm.project.execution.sheet", required=True, ondelete="cascade"
    )
    agreed_delivery_date = fields.Date(required=True)
    actual_completion_date = fields.Date(string="Fully Completed On", required=True)
    completion_quality = fields.Selection(QUALITY, required=True)
    quality_comment = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        sheet_id = values.get("sheet_id") or self.env.context.get("active_id")
        if sheet_id and self.env.context.get("active_model") == (
            "scm.project.execution.sheet"
        ):
            values["sheet_id"] = sheet_id
        return values

    def action_verify(self):
        self.ensure_one()
        self.sheet_id.action_scm_verify(
            self.agreed_delivery_date,
            self.actual_completion_date,
            self.completion_quality,
            self.quality_comment,
        )
        return {"type": "ir.actions.act_window_close"}
