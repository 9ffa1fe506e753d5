from odoo import api, fields, models


class ScmWorkingGroupMember(models.Model):
    """A member keeps their home unit while in the group (ORG-UNIT-05)."""

    _name = "scm.working.group.member"
    _description = "Working Group Member"

    group_id = fields.Many2one("scm.working.group", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True)
    home_department_id = fields.Many2one(
        "hr.department",
        string="Home Unit",
        compute="_compute_home_department_id",
        store=True,
        readonly=False,
    )
    role = fields.Char()

    _sql_constraints = [
        ("member_unique", "UNIQUE(group_id, employee_id)", "Already a member."),
    ]

    @api.depends("employee_id", "group_id")
    def _compute_display_name(self):
        for member in self:
            member.display_name = " · ".join(
                part
                for part in (member.group_id.name, member.employee_id.sudo().name)
                if part
            )

    @api.depends("employee_id")
    def _compute_home_department_id(self):
        for member in self:
            member.home_department_id = member.employee_id.department_id
