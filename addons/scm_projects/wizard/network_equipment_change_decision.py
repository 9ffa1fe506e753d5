from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectEquipmentChangeDecision(models.TransientModel):
    """The MCD manager's decision on an equipment change, with the opinion
    that goes with it (SUP-EPM-03); a rejection states its reason."""

    _name = "scm.project.equipment.change.decision"
    _description = "Decide on a Project Equipment Change"

    change_id = fields.Many2one(
        "scm.project.equipment.change", required=True, readonly=True
    )
    decision = fields.Selection(
        [("approve", "Approve and Apply"), ("reject", "Reject")],
        required=True,
        readonly=True,
    )
    note = fields.Text(string="Opinion")

    @api.model
    def _scm_open(self, change, decision):
        change.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Decide on %(doc)s", doc=change.display_name),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_change_id": change.id, "default_decision": decision},
        }

    def action_confirm(self):
        self.ensure_one()
        change = self.change_id
        change.check_access("read")
        note = (self.note or "").strip()
        if self.decision == "reject":
            if not note:
                raise UserError(_("State why the equipment change is rejected."))
            change.action_reject(note)
        else:
            change.action_approve(note)
        return {"type": "ir.actions.act_window_close"}
