from odoo import _, fields, models
from odoo.exceptions import UserError


class ScmAuditUnitMixin(models.AbstractModel):
    """The audited unit of an audit record: a branch (its company), or an
    HQ department, and the manager who answers for it; and who may write
    audit records at all."""

    _name = "scm.audit.unit.mixin"
    _description = "Audited Unit"
    _inherit = "scm.audit.mixin"

    company_id = fields.Many2one(
        "res.company",
        string="Audited Branch",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The branch audited, or headquarters for an HQ department.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Audited Department",
        index=True,
        help="The HQ department or center audited; empty for a branch.",
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Audited Manager",
        readonly=True,
        index=True,
        help="The branch manager, or the manager of the audited department.",
    )

    def _scm_check_unit(self):
        for record in self:
            department = record.department_id.sudo()
            if (
                department
                and department.company_id
                and (department.company_id != record.company_id)
            ):
                raise UserError(
                    _(
                        "%(unit)s is a unit of %(company)s, not of %(branch)s.",
                        unit=department.name,
                        company=department.company_id.name,
                        branch=record.company_id.name,
                    )
                )

    def _scm_unit_manager(self):
        """The audited manager: the department's manager for an HQ unit,
        the branch manager for a branch."""
        self.ensure_one()
        if self.department_id:
            return self.department_id.sudo().manager_id.user_id
        return self.company_id.sudo().scm_manager_id
