from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmOfficeResolution(models.Model):
    """A decision of the Company Managers' Office Meeting (ORG-UNIT-04)."""

    _name = "scm.office.resolution"
    _description = "Office Meeting Resolution"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _order = "date desc, id desc"
    # The secretary who records it is the user who creates it.
    _scm_step_fields = ("recorded_by_id",)
    # What the meeting decided and on which document is recorded once: a
    # document may already have been approved on its strength.
    _scm_recorded_once = frozenset({"outcome", "res_model", "res_id"})

    name = fields.Char(string="Subject", required=True, tracking=True)
    date = fields.Date(
        string="Meeting Date", required=True, default=fields.Date.context_today
    )
    outcome = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected"), ("deferred", "Deferred")],
        required=True,
        tracking=True,
    )
    minutes = fields.Html()
    res_model = fields.Char(string="Document Model", index=True, readonly=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model")
    recorded_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )

    def write(self, vals):
        if not self.env.su and self._scm_recorded_once & vals.keys():
            raise UserError(
                _(
                    "A resolution of the Office Meeting is recorded once: record "
                    "a new resolution instead of changing its outcome or its "
                    "document."
                )
            )
        return super().write(vals)

    @api.model
    def _scm_approving(self, document):
        """The resolution that approves `document`, or a UserError."""
        resolution = self.search(
            [
                ("res_model", "=", document._name),
                ("res_id", "=", document.id),
                ("outcome", "=", "approved"),
            ],
            limit=1,
        )
        if not resolution:
            raise UserError(
                _(
                    "%(doc)s needs an approving resolution of the Office Meeting "
                    "before it can be approved.",
                    doc=document.display_name,
                )
            )
        return resolution
