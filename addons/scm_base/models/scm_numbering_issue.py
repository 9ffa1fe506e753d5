from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmNumberingIssue(models.Model):
    """A number handed out by a gap-free counter: the proof of no gaps."""

    _name = "scm.numbering.issue"
    _description = "Issued Number"
    _order = "numbering_id, serial"
    _rec_name = "number"

    numbering_id = fields.Many2one(
        "scm.numbering", required=True, ondelete="restrict", index=True
    )
    serial = fields.Integer(required=True, readonly=True)
    number = fields.Char(required=True, readonly=True, index=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    issued_date = fields.Datetime(default=fields.Datetime.now, readonly=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        readonly=True,
        index=True,
        help="The branch of the document the number was issued to.",
    )

    _sql_constraints = [
        ("serial_unique", "UNIQUE(numbering_id, serial)", "A serial is issued once."),
        ("number_unique", "UNIQUE(number)", "A number is issued once."),
    ]

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(_("An issued number never changes."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("An issued number is never deleted or reused."))
