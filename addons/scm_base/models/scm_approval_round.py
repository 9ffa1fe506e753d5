from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class ScmApprovalRound(models.Model):
    """One submission of a document for approval and its outcome.

    base_tier_validation deletes a document's reviews when validation
    restarts; this record keeps every round, the submitted version and the
    reviewers' opinions for good (ORG-RULE-11)."""

    _name = "scm.approval.round"
    _description = "Approval Round"
    _order = "res_model, res_id, version desc"

    name = fields.Char(compute="_compute_name")
    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, index=True
    )
    res_name = fields.Char(string="Document")
    company_id = fields.Many2one("res.company", string="Branch", index=True)
    version = fields.Integer(required=True, readonly=True)
    submitted_by_id = fields.Many2one("res.users", readonly=True)
    submitted_date = fields.Datetime(string="Submitted On", readonly=True)
    snapshot = fields.Text(
        string="Submitted Version",
        readonly=True,
        help="The document's content as submitted in this round.",
    )
    state = fields.Selection(
        [
            ("pending", "Under Review"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("withdrawn", "Withdrawn"),
        ],
        default="pending",
        required=True,
        readonly=True,
    )
    decided_date = fields.Datetime(string="Decided On", readonly=True)
    opinion_ids = fields.One2many(
        "scm.approval.opinion", "round_id", string="Opinions", readonly=True
    )

    def _compute_name(self):
        for rnd in self:
            rnd.name = f"{rnd.res_name or ''} #{rnd.version}"

    def write(self, vals):
        if not self.env.su:
            raise AccessError(_("The approval history cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(_("The approval history cannot be deleted."))
