from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectTrainingPlan(models.Model):
    """The customer's 《培训计划表》: prepared by the implementation staff and
    carried out only once the customer confirmed it (PRJ-ELEM-10)."""

    _name = "scm.project.training.plan"
    _description = "Customer Training Plan"
    _inherit = [
        "mail.thread",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"

    name = fields.Char(required=True, default=lambda self: _("Training Plan"))
    session_ids = fields.One2many(
        "scm.project.training.session", "plan_id", string="Sessions"
    )
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        if not self.env.su:
            plans._scm_check_project_worker(_("prepare"))
        return plans

    def write(self, vals):
        if not self.env.su and set(vals) & {"name", "session_ids", "note"}:
            self._scm_check_project_worker(_("change"))
            if (
                any(plan.customer_signed_date for plan in self)
                and "session_ids" in vals
            ):
                # Sessions of a confirmed plan are marked held through their
                # own step; the plan itself does not change.
                raise UserError(
                    _("The customer confirmed this training plan: it is not changed.")
                )
        return super().write(vals)

    def _scm_check_customer_may_sign(self):
        if not self.session_ids:
            raise UserError(
                _("Plan the training sessions before the customer confirms.")
            )
