from odoo import _, api, models
from odoo.exceptions import UserError


class ScmProjectMember(models.Model):
    """Members from an HQ unit join a branch's project only through an
    answered coordination request (SUP-EPM-03, PRJ-INIT-04)."""

    _inherit = "scm.project.member"

    @api.model
    def _scm_needs_coordination(self, project, user, department=None):
        """Whether `user` (of `department`) comes from an HQ unit to work on
        a branch's `project`: the unit's manager assigns them through a
        coordination request."""
        project = project.sudo()
        user = user.sudo()
        hq = self.env["res.company"]._scm_hq()
        if (
            not project
            or not user
            or project.company_id == hq
            or user == project.user_id
            or user._scm_is_member_of_company(project.company_id)
        ):
            return False
        return bool(department) or user.company_id == hq

    def _scm_coordination_error(self, project, user):
        return UserError(
            _(
                "%(user)s works in an HQ unit: they join the team of %(project)s "
                "through a coordination request answered by their unit "
                "(SUP-EPM-03).",
                user=user.sudo().name,
                project=project.sudo().display_name,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            Project = self.env["project.project"]
            Users = self.env["res.users"]
            Department = self.env["hr.department"]
            for vals in vals_list:
                if vals.get("side", "aa") != "aa" or not vals.get("user_id"):
                    continue
                project = Project.browse(vals.get("project_id"))
                user = Users.browse(vals["user_id"])
                department = Department.browse(vals.get("department_id"))
                if self._scm_needs_coordination(project, user, department):
                    raise self._scm_coordination_error(project, user)
        return super().create(vals_list)
