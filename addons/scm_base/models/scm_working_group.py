from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ScmWorkingGroup(models.Model):
    """A time-bound team drawn from several units (ORG-UNIT-05)."""

    _name = "scm.working.group"
    _description = "Working Group"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    group_type = fields.Selection(
        [
            ("competitor", "Competitor Analysis Working Group"),
            ("branch_preparation", "Branch Preparatory Group"),
            ("requirement", "Requirement Project Team"),
            ("project", "Customer Project Team"),
            ("brand", "Brand Project Team"),
        ],
        required=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )
    leader_id = fields.Many2one("res.users", tracking=True)
    date_start = fields.Date(required=True, default=fields.Date.context_today)
    date_end = fields.Date(tracking=True)
    member_ids = fields.One2many(
        "scm.working.group.member", "group_id", string="Members"
    )
    active = fields.Boolean(default=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for group in self:
            if group.date_end and group.date_end < group.date_start:
                raise ValidationError(_("A working group cannot end before it starts."))
