from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ScmTrainingSession(models.Model):
    """A session belongs to the monthly training plan sheet of its unit
    (TRN-PLAN-02)."""

    _inherit = "scm.training.session"

    plan_id = fields.Many2one(
        "scm.training.plan",
        string="Training Plan Sheet",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('plan_type', '=', 'monthly'), ('stage', '!=', 'cancelled'), "
        "('company_id', '=', company_id), ('department_id', '=', department_id)]",
    )

    @api.constrains("plan_id", "company_id", "department_id")
    def _check_plan_unit(self):
        for session in self:
            plan = session.plan_id.sudo()
            if not plan:
                continue
            if (
                plan.plan_type != "monthly"
                or plan.company_id != session.company_id
                or plan.department_id != session.department_id
            ):
                raise ValidationError(
                    _(
                        "%(session)s can only belong to a monthly training plan "
                        "sheet of its own unit.",
                        session=session.display_name,
                    )
                )
