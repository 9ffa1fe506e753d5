from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class ScmApprovalOpinion(models.Model):
    """A reviewer's decision and comment in one approval round."""

    _name = "scm.approval.opinion"
    _description = "Approval Opinion"
    _order = "round_id, decided_date, id"

    round_id = fields.Many2one(
        "scm.approval.round", required=True, ondelete="cascade", index=True
    )
    tier_name = fields.Char(string="Step")
    reviewer_id = fields.Many2one("res.users", readonly=True)
    on_behalf_of_id = fields.Many2one(
        "res.users",
        readonly=True,
        help="Set when an authorised delegate decided for the reviewer.",
    )
    decision = fields.Selection(
        [
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("not_reviewed", "Not Reviewed"),
        ],
        required=True,
        readonly=True,
    )
    comment = fields.Text(readonly=True)
    decided_date = fields.Datetime(string="Decided On", readonly=True)

    @api.depends("round_id", "tier_name", "reviewer_id")
    def _compute_display_name(self):
        for opinion in self:
            opinion.display_name = " · ".join(
                part
                for part in (
                    opinion.round_id.sudo().display_name,
                    opinion.tier_name,
                    opinion.reviewer_id.sudo().name,
                )
                if part
            )

    def write(self, vals):
        if not self.env.su:
            raise AccessError(_("The approval history cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(_("The approval history cannot be deleted."))
