from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

# The HQ marketing departments that keep the "five haves" (TRN-FIVE-01) and
# prepare their own training plans (TRN-PLAN-01 "Open"): the departments of
# the Market Center and the Customer Center that sell and consult (MSD, MCD,
# MRD, ORG-UNIT-02 a/b) and the Brand Operation Center (e), the units the
# manual's marketing chapters (三, 四) give sales, consulting and brand
# work. The Audit, Software, QC, Finance and Training departments are not
# marketing departments; the Training Dept keeps the HQ overall plan.
MARKETING_DEPARTMENTS = (
    "scm_base.dept_msd",
    "scm_base.dept_mcd",
    "scm_base.dept_mrd",
    "scm_base.dept_brand",
)


class ScmTrainingUnitMixin(models.AbstractModel):
    """A record of one training unit, set as the session sets it: a branch
    (company_id, no department) or an HQ department (company_id = HQ and
    department_id). Gives who manages the unit, who keeps its training (its
    training specialists, TRN-FIVE-01) and the checks of who may edit."""

    _name = "scm.training.unit.mixin"
    _description = "Training Unit Mixin"

    company_id = fields.Many2one(
        "res.company",
        string="Unit (Company)",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The branch, or HQ for an HQ department.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="HQ Department",
        index=True,
        default=lambda self: self._scm_default_department(),
        help="The HQ marketing department; empty for a branch.",
    )
    unit_name = fields.Char(string="Unit", compute="_compute_unit_name")

    @api.model
    def _scm_default_department(self):
        if self.env.company.scm_unit_type != "hq":
            return False
        return self.env.user._scm_employee().department_id

    @api.depends("company_id", "department_id")
    def _compute_unit_name(self):
        for record in self:
            record.unit_name = (
                record.department_id.sudo().name or record.company_id.sudo().name
            )

    @api.constrains("company_id", "department_id")
    def _check_scm_unit(self):
        for record in self:
            department = record.department_id.sudo()
            if department and department.company_id != record.company_id:
                raise ValidationError(
                    _(
                        "%(unit)s is a department of %(company)s: set that company "
                        "as the unit's company.",
                        unit=department.name,
                        company=department.company_id.name,
                    )
                )
            if not department and record.company_id.scm_unit_type != "branch":
                raise ValidationError(
                    _(
                        "A unit of headquarters is one of its departments: set "
                        "the HQ department."
                    )
                )

    @api.model
    def _scm_marketing_departments(self):
        departments = self.env["hr.department"]
        for xmlid in MARKETING_DEPARTMENTS:
            departments |= self.env.ref(xmlid, raise_if_not_found=False) or departments
        return departments

    # -- who ----------------------------------------------------------------
    def _scm_unit_manager(self):
        """The manager of the unit: its HQ department's manager, or the
        branch manager."""
        self.ensure_one()
        if self.department_id:
            return self.department_id.sudo().manager_id.user_id[:1]
        return self.company_id.sudo().scm_manager_id

    def _scm_training_manager(self):
        dept_id = self.env["ir.model.data"]._xmlid_to_res_id("scm_base.dept_training")
        return self.env["hr.department"].sudo().browse(dept_id).manager_id.user_id[:1]

    def _scm_unit_specialists(self, on_date=None):
        """The unit's training specialists assigned on `on_date` (today)."""
        self.ensure_one()
        return (
            self.env["scm.training.specialist"]
            .sudo()
            ._scm_active(self.company_id, self.department_id, on_date)
            .user_id
        )

    def _scm_unit_keepers(self):
        """Who keeps the unit's training: its manager and its specialists."""
        self.ensure_one()
        return self._scm_unit_manager() | self._scm_unit_specialists()

    def _scm_is_training_admin(self, user=None):
        user = user or self.env.user
        return user.has_group("scm_base.group_training_manager") or user.has_group(
            "scm_base.group_scm_admin"
        )

    def _scm_may_keep(self, user=None):
        """The user keeps the unit's training, or manages all training."""
        self.ensure_one()
        user = user or self.env.user
        return self._scm_is_training_admin(user) or user in self._scm_unit_keepers()

    def _scm_check_keeper(self, action):
        if self.env.su:
            return
        for record in self:
            if not record._scm_may_keep():
                raise AccessError(
                    _(
                        "Only the manager or the training specialist of %(unit)s, "
                        "or the Training Dept, may %(action)s %(doc)s.",
                        unit=record.unit_name,
                        action=action,
                        doc=record.display_name,
                    )
                )
