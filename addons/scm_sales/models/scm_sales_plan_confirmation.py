from odoo import fields, models


class ScmSalesPlanConfirmation(models.Model):
    """A branch's confirmation of the issued HQ preliminary plan
    (SAL-PLAN-01: 下发各分公司确认)."""

    _name = "scm.sales.plan.confirmation"
    _description = "Branch Confirmation of the HQ Preliminary Plan"
    _order = "plan_id, company_id"

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

    _sql_constraints = [
        (
            "branch_unique",
            "UNIQUE(plan_id, company_id)",
            "A branch confirms a preliminary plan once.",
        ),
    ]
