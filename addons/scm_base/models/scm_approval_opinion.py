from odoo import fields, models


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
