from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmOfficeResolution(models.Model):
    """A decision of the Company Managers' Office Meeting (ORG-UNIT-04)."""

    _name = "scm.office.resolution"
    _description = "Office Meeting Resolution"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

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
