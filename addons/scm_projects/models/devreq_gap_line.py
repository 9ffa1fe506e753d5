from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevGapLine(models.Model):
    """One difference of a gap list, with its two verification flags
    (PRJ-SC-04)."""

    _name = "scm.dev.gap.line"
    _description = "Customer Requirement Gap"
    _inherit = ["scm.step.guard.mixin"]
    _order = "gap_list_id, sequence, id"
    _scm_step_fields = (
        "branch_verified",
        "branch_verified_by_id",
        "software_feasible",
        "software_checked_by_id",
    )

    gap_list_id = fields.Many2one(
        "scm.dev.gap.list", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="gap_list_id.project_id", store=True)
    company_id = fields.Many2one(related="gap_list_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Customer Need", required=True)
    current_software = fields.Text()
    difference = fields.Text()
    branch_verified = fields.Boolean(readonly=True)
    branch_verified_by_id = fields.Many2one(
        "res.users", string="Verified By (Branch)", readonly=True
    )
    software_feasible = fields.Boolean(readonly=True)
    software_checked_by_id = fields.Many2one(
        "res.users", string="Checked By (Software)", readonly=True
    )
    software_note = fields.Text(string="Feasibility Note")

    def _devreq_check_list_draft(self):
        for line in self:
            if line.gap_list_id.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was sent to MRD: its differences are verified, "
                        "not rewritten.",
                        doc=line.gap_list_id.display_name,
                    )
                )
            line.gap_list_id._devreq_check_branch(_("change"))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines._devreq_check_list_draft()
        return lines

    def write(self, vals):
        if not self.env.su:
            if set(vals) - {"software_note"}:
                self._devreq_check_list_draft()
            else:
                self._devreq_check_software(_("comment on"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._devreq_check_list_draft()
        return super().unlink()

    def _devreq_check_submitted(self, action):
        for line in self:
            if line.gap_list_id.state != "submitted":
                raise UserError(
                    _(
                        "%(doc)s is verified only once the branch sent it to MRD.",
                        doc=line.gap_list_id.display_name,
                    )
                )

    def _devreq_check_software(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_scm_admin")
            or user._scm_is_member_of_unit(self.env.ref("scm_base.dept_software"))
        ):
            raise UserError(
                _("Only the Software Dept may %(action)s a difference.", action=action)
            )

    def action_devreq_branch_verify(self):
        self._devreq_check_submitted(_("verified"))
        for line in self:
            line.gap_list_id._devreq_check_branch(_("verify"))
        self._scm_step_write(
            {"branch_verified": True, "branch_verified_by_id": self.env.uid}
        )
        return True

    def _devreq_software_check(self, feasible):
        self._devreq_check_submitted(_("checked"))
        self._devreq_check_software(_("check"))
        self._scm_step_write(
            {"software_feasible": feasible, "software_checked_by_id": self.env.uid}
        )
        return True

    def action_devreq_software_feasible(self):
        return self._devreq_software_check(True)

    def action_devreq_software_not_feasible(self):
        return self._devreq_software_check(False)
