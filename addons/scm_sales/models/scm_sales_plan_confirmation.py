from odoo import fields, models


class ScmSalesPlanConfirmation(models.Model):
    """A branch's confirmation of the issued HQ preliminary plan
    (SAL-PLAN-01: 下发各分公司确认)."""

    _name = "scm.sales.plan.confirmation"
    _description = "Branch Confirmation of the HQ Preliminary Plan"
    _inherit = ["scm.step.guard.mixin"]
    _order = "plan_id, company_id"
    # Created by the plan's issue; confirmed only by its branch manager's step.
    _scm_step_fields = (
        "plan_id",
        "company_id",
        "user_id",
        "state",
        "confirmed_date",
        "confirmed_by_id",
        "activity_id",
    )

    plan_id = fields.Many2one(
        "scm.sales.plan",
        string="Sales Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one("res.company", string="Branch", required=True)
    user_id = fields.Many2one("res.users", string="Branch Manager", required=True)
    state = fields.Selection(
        [("pending", "Pending"), ("confirmed", "Confirmed")],
        default="pending",
        required=True,
    )
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True)
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    def _compute_display_name(self):
        for confirmation in self:
            confirmation.display_name = (
                f"{confirmation.plan_id.display_name or ''} / "
                f"{confirmation.company_id.name or ''}"
            )

    _sql_constraints = [
        (
            "branch_unique",
            "UNIQUE(plan_id, company_id)",
            "A branch confirms a preliminary plan once.",
        ),
    ]
