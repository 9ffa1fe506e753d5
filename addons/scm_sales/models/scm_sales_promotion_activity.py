from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .scm_sales_plan_line import BUSINESS_LINES


class ScmSalesPromotionActivity(models.Model):
    """One promotion of the annual plan. It can be marked executed only once
    the plan is approved (SAL-PLAN-05)."""

    _name = "scm.sales.promotion.activity"
    _description = "Promotion Activity"
    _inherit = ["scm.step.guard.mixin"]
    _order = "plan_id, date_start, id"
    # An activity is marked executed only by its step (SAL-PLAN-05).
    _scm_step_fields = ("state", "executed_date")

    plan_id = fields.Many2one(
        "scm.sales.promotion.plan",
        string="Promotion Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    name = fields.Char(string="Activity", required=True)
    business_line = fields.Selection(BUSINESS_LINES)
    branch_ids = fields.Many2many(
        "res.company",
        string="Branches",
        domain="[('parent_id', '!=', False)]",
        help="The branches the promotion supports; empty for all.",
    )
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(string="End", required=True)
    budget = fields.Monetary()
    state = fields.Selection(
        [("planned", "Planned"), ("executed", "Executed")],
        default="planned",
        required=True,
        readonly=True,
    )
    executed_date = fields.Datetime(string="Executed On", readonly=True)
    result = fields.Text()

    _sql_constraints = [
        ("budget_positive", "CHECK(budget >= 0)", "A budget cannot be negative."),
    ]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for activity in self:
            if (
                activity.date_start
                and activity.date_end
                and activity.date_end < activity.date_start
            ):
                raise ValidationError(
                    _("A promotion activity cannot end before it starts.")
                )

    def _check_plan_editable(self, plans):
        if plans.filtered(lambda p: p.stage != "draft"):
            raise UserError(
                _("The activities of a submitted or approved plan cannot be changed.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["scm.sales.promotion.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        if any(not isinstance(plan_id, int) for plan_id in plans.ids):
            raise ValidationError(_("Choose the promotion plan from the list."))
        self._check_plan_editable(plans)
        return super().create(vals_list)

    def write(self, vals):
        # The result of an activity is reported while the plan executes.
        reporting = set(vals) <= {"result"} and not self.plan_id.filtered(
            lambda p: p.stage not in ("approved", "executing")
        )
        if not (reporting or self.env.su):
            plans = self.plan_id
            if vals.get("plan_id"):
                if not isinstance(vals["plan_id"], int):
                    raise ValidationError(_("Choose the promotion plan from the list."))
                plans |= plans.browse(vals["plan_id"])
            self._check_plan_editable(plans)
        return super().write(vals)

    def unlink(self):
        self._check_plan_editable(self.plan_id)
        return super().unlink()

    def action_mark_executed(self, result=None):
        for activity in self:
            plan = activity.plan_id
            if plan.state != "approved" or plan.stage not in ("approved", "executing"):
                raise UserError(
                    _(
                        "%(activity)s cannot be executed before the promotion plan "
                        "is approved.",
                        activity=activity.name,
                    )
                )
            plan._scm_check_author()
            if activity.state == "executed":
                raise UserError(
                    _("%(activity)s is already executed.", activity=activity.name)
                )
            values = {"state": "executed", "executed_date": fields.Datetime.now()}
            if result:
                values["result"] = result
            activity._scm_step_write(values)
            if plan.stage == "approved":
                plan.sudo().write({"stage": "executing"})
        return True
