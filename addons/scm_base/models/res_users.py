from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    scm_delegation_ids = fields.One2many(
        "scm.delegation", "delegator_id", string="Delegations Given"
    )

    def _scm_is_member_of_company(self, company):
        """Whether the user works at `company` (HQ or a branch): it is their
        own company, or they are its branch manager. Holding the company in
        the switcher, as every HQ user holds every branch, is not being one
        of its people."""
        self.ensure_one()
        return bool(company) and (
            self.company_id == company or company.sudo().scm_manager_id == self
        )

    def _scm_is_member_of_unit(self, department):
        """Whether the user belongs to `department` (or a unit below it) or
        manages it."""
        self.ensure_one()
        if not department:
            return False
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.id),
                    ("department_id", "child_of", department.ids),
                ],
                limit=1,
            )
        )
        managed = department.sudo().manager_id.user_id
        return bool(employees) or self in managed
