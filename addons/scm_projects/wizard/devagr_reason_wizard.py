from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.devagr_document_mixin import SIDES

ACTIONS = [
    ("object", "Object"),
    ("return", "Send Back"),
    ("accept", "Accept"),
]
TARGETS = {
    "object": ("scm.dev.analysis",),
    "return": ("scm.dev.analysis", "scm.dev.system.analysis"),
    "accept": ("scm.dev.work",),
}


class ScmDevagrReasonWizard(models.TransientModel):
    """The reason of an objection in the argumentation, of a report sent
    back, or the note and the party responsible for a delay at acceptance:
    the step itself runs on the document, with its own checks."""

    _name = "scm.devagr.reason.wizard"
    _description = "Development Step Reason"

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Integer(required=True, readonly=True)
    action = fields.Selection(ACTIONS, required=True, readonly=True)
    reason = fields.Text()
    delay_party = fields.Selection(
        SIDES, string="Responsible for a Delay", default="software"
    )

    @api.model
    def _devagr_open(self, record, action):
        record.ensure_one()
        wizard = self.create(
            {"res_model": record._name, "res_id": record.id, "action": action}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            "name": dict(self._fields["action"]._description_selection(self.env))[
                action
            ],
        }

    def action_confirm(self):
        self.ensure_one()
        if self.res_model not in TARGETS[self.action]:
            raise UserError(_("This step does not apply to this document."))
        record = self.env[self.res_model].browse(self.res_id)
        if self.action == "object":
            record.action_object(self.reason)
        elif self.action == "return":
            record.action_return(self.reason)
        else:
            record.action_dev_accept(self.delay_party, self.reason)
        return {"type": "ir.actions.act_window_close"}
