from odoo import _, api, models
from odoo.exceptions import UserError


class ScmProjectMember(models.Model):
    """Members from an HQ unit join a branch's project only through an
    answered coordination request (SUP-EPM-03, PRJ-INIT-04)."""

    _inherit = "scm.project.member"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            hq = self.env["res.company"]._scm_hq()
            for vals in vals_list:
                if vals.get("side", "aa") != "aa" or not vals.get("user_id"):
                    continue
                project = (
                    self.env["project.project"].browse(vals.get("project_id")).sudo()
                )
                user = self.env["res.users"].browse(vals["user_id"]).sudo()
                if (
                    not project
                    or project.company_id == hq
                    or user == project.user_id
                    or user._scm_is_member_of_company(project.company_id)
                ):
                    continue
                if vals.get("department_id") or user.company_id == hq:
                    raise UserError(
                        _(
                            "%(user)s works in an HQ unit: they join the team of "
                            "%(project)s through a coordination request answered "
                            "by their unit (SUP-EPM-03).",
                            user=user.name,
                            project=project.display_name,
                        )
                    )
        return super().create(vals_list)
