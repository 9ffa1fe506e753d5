from odoo import api, models

# What an employee's record says about who sees what: record rules read the
# user's units (res.users.scm_unit_ids) and employee files once per user.
MEMBERSHIP_FIELDS = {"user_id", "department_id", "company_id", "active"}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        if any(vals.get("user_id") for vals in vals_list):
            self.env.registry.clear_cache()
        return employees

    def write(self, vals):
        result = super().write(vals)
        if MEMBERSHIP_FIELDS & vals.keys():
            # Odoo caches each user's rule domains until the registry cache
            # is cleared; a user moved to another unit must see what the new
            # unit sees (and no longer the old one) at once.
            self.env.registry.clear_cache()
        return result
