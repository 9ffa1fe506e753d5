from odoo import fields, models


class ScmProjectElementReturn(models.TransientModel):
    """The PM or MCD sends an element document back to its author."""

    _name = "scm.project.element.return"
    _description = "Return an Element Document for Rework"

    element_id = fields.Many2one("scm.project.element", required=True, readonly=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.element_id.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
