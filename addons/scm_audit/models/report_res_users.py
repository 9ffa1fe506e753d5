from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    scm_team_user_ids = fields.Many2many(
        "res.users",
        string="People of My Units",
        compute="_compute_scm_team_user_ids",
        compute_sudo=True,
        help="The people of the units (and the units below them) the user "
        "manages, the user included; empty for who manages no unit. The "
        "monthly assessment's rule reads it (as scm.deadline's "
        "_scm_my_team_domain does for the deadlines).",
    )

    def _compute_scm_team_user_ids(self):
        # Read once per user by the record rule (Odoo caches rule domains;
        # hr.employee and hr.department clear that cache when a membership
        # or a unit's manager changes).
        Department = self.env["hr.department"]
        Employee = self.env["hr.employee"].with_context(active_test=False)
        for user in self:
            units = Department.search([("manager_id.user_id", "=", user.id)])
            if not units:
                user.scm_team_user_ids = False
                continue
            members = Employee.search([("department_id", "child_of", units.ids)])
            user.scm_team_user_ids = members.user_id | user
