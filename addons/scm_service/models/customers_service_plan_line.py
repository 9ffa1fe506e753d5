from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Written while the plan is a draft; the progress while it is filed.
PLANNED_FIELDS = {"plan_id", "sequence", "name", "method", "steps", "due_date"}
PROGRESS_FIELDS = {"progress", "done"}


class ScmServicePlanLine(models.Model):
    """An open problem or need of the customer with its planned method,
    steps and completion time (SVC-PLAN-01 section 3), and its progress
    (SVC-PLAN-02)."""

    _name = "scm.service.plan.line"
    _description = "Service Plan Problem or Need"
    _inherit = ["scm.step.guard.mixin"]
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "scm.service.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, string="Branch"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Problem or Need", required=True)
    method = fields.Text(string="Planned Method")
    steps = fields.Text()
    due_date = fields.Date(string="To Complete By")
    progress = fields.Text()
    done = fields.Boolean()

    def _scm_check_plan_stage(self, plans, names):
        if self.env.su:
            return
        for plan in plans:
            if plan.stage == "draft":
                allowed = PLANNED_FIELDS | PROGRESS_FIELDS
            elif plan.stage == "filed":
                allowed = PROGRESS_FIELDS
            else:
                allowed = set()
            if set(names) - allowed:
                raise UserError(
                    _(
                        "%(plan)s is %(stage)s: its planned problems can no "
                        "longer be changed. Adjust the plan to make a new "
                        "version.",
                        plan=plan.display_name,
                        stage=plan._scm_stage_label(),
                    )
                )
            plan._scm_check_preparer(_("change"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            plan = self.env["scm.service.plan"].browse(vals.get("plan_id"))
            self._scm_check_plan_stage(plan, vals.keys())
        return super().create(vals_list)

    def write(self, vals):
        self._scm_check_plan_stage(self.plan_id, vals.keys())
        return super().write(vals)

    def unlink(self):
        self._scm_check_plan_stage(self.plan_id, {"name"})
        return super().unlink()
