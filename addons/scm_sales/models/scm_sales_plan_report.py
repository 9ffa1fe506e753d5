from datetime import datetime

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .scm_sales_plan_line import BUSINESS_LINE_KEYS
from .scm_sales_plan_target import target_field

REPORT_STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("reviewed", "Reviewed"),
    ("cancel", "Cancelled"),
]
REPORT_RULE = "SAL-PLAN-06"


class ScmSalesPlanReport(models.Model):
    """《分公司月度销售计划执行报告》: for month M and one branch, the MSD
    Manager reports plan vs actual per indicator by the 5th of M+1 to the
    Market Center Manager (SAL-PLAN-06/08)."""

    _name = "scm.sales.plan.report"
    _description = "Branch Monthly Sales Plan Execution Report"
    _inherit = ["mail.thread", "scm.sales.staged.mixin"]
    # The MSD Manager reports, the submission is recorded (stage: the mixin).
    _scm_step_fields = ("user_id", "submitted_date", "submitted_late")
    _order = "period desc, company_id"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        domain="[('parent_id', '!=', False)]",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Date(
        string="Month",
        required=True,
        index=True,
        help="First day of the month reported on.",
    )
    plan_id = fields.Many2one(
        "scm.sales.plan",
        string="Branch Plan",
        compute="_compute_plan_id",
        store=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    stage = fields.Selection(
        REPORT_STAGES,
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "scm.sales.plan.report.line", "report_id", string="Plan vs Actual"
    )
    target_total = fields.Monetary(
        string="Target", compute="_compute_totals", store=True
    )
    actual_total = fields.Monetary(
        string="Actual", compute="_compute_totals", store=True
    )
    completion_rate = fields.Float(
        string="Completion (%)", compute="_compute_totals", store=True, digits=(16, 1)
    )
    evaluation = fields.Html(
        help="The MSD Manager's evaluation of the month's plan completion.",
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    submitted_late = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        (
            "period_unique",
            "UNIQUE(company_id, period)",
            "A branch has one execution report per month.",
        ),
    ]

    @api.depends("company_id", "period")
    def _compute_name(self):
        for report in self:
            report.name = _(
                "%(branch)s %(month)s Execution Report",
                branch=report.company_id.name or "",
                month=report.period and report.period.strftime("%Y-%m") or "",
            )

    @api.depends("company_id", "period")
    def _compute_plan_id(self):
        Plan = self.env["scm.sales.plan"]
        for report in self:
            report.plan_id = (
                report.period
                and report.company_id
                and Plan._scm_find_plan(
                    "branch", report.period.year, report.company_id, approved=True
                )
            )

    @api.depends("line_ids.target_amount", "line_ids.actual_amount")
    def _compute_totals(self):
        for report in self:
            report.target_total = sum(report.line_ids.mapped("target_amount"))
            report.actual_total = sum(report.line_ids.mapped("actual_amount"))
            report.completion_rate = (
                report.target_total
                and 100.0 * report.actual_total / report.target_total
            )

    @api.constrains("company_id", "period")
    def _check_period(self):
        for report in self:
            if not report.company_id.parent_id:
                raise ValidationError(_("An execution report is about a branch."))
            if report.period.day != 1:
                raise ValidationError(
                    _("The month of a report is given by its first day.")
                )

    @api.model
    def _scm_check_author(self):
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_manager"
        ):
            raise AccessError(
                _("Only the MSD Manager fills the monthly execution reports.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_author()
        for vals in vals_list:
            if vals.get("period"):
                try:
                    period = fields.Date.to_date(vals["period"])
                except (TypeError, ValueError):
                    period = None
                if not period:
                    raise ValidationError(_("The period of the report is a month."))
                vals["period"] = period.replace(day=1)
        reports = super().create(vals_list)
        msd_manager = self.env["scm.sales.plan"]._scm_msd_manager()
        for report in reports:
            report.sudo().user_id = msd_manager
            report._scm_deadline_open(
                REPORT_RULE,
                _("Execution report %(month)s", month=report.period.strftime("%Y-%m")),
                msd_manager,
                unit="next_month_day",
                start=datetime.combine(report.period, datetime.min.time()).replace(
                    hour=12
                ),
                day=5,
            )
            report._scm_refresh_lines()
        return reports

    def write(self, vals):
        content = {"company_id", "period", "line_ids", "evaluation"}
        if content & vals.keys() and self.filtered(lambda r: r.stage != "draft"):
            raise UserError(_("A submitted execution report cannot be changed."))
        return super().write(vals)

    def _scm_targets_by_line(self):
        self.ensure_one()
        target = self.plan_id.sudo().target_ids.filtered(
            lambda t: t.month == str(self.period.month)
        )
        return {
            key: target[target_field(key)] if target else 0.0
            for key in BUSINESS_LINE_KEYS
        }

    def _scm_refresh_lines(self):
        """Plan vs actual of the month per business line; comments are kept."""
        for report in self:
            month_end = report.period + relativedelta(months=1, days=-1)
            actuals = self.env["scm.sales.actual"]._scm_actuals_by_line(
                report.company_id, report.period, month_end
            )
            targets = report._scm_targets_by_line()
            existing = {line.business_line: line for line in report.line_ids}
            commands = []
            for index, key in enumerate(BUSINESS_LINE_KEYS):
                values = {
                    "target_amount": targets.get(key, 0.0),
                    "actual_amount": actuals.get(key, 0.0),
                }
                if key in existing:
                    commands.append(Command.update(existing[key].id, values))
                else:
                    commands.append(
                        Command.create(
                            {**values, "business_line": key, "sequence": index}
                        )
                    )
            report.sudo().write({"line_ids": commands})

    def action_refresh_lines(self):
        self._scm_check_author()
        if self.filtered(lambda r: r.stage != "draft"):
            raise UserError(_("Only a draft execution report can be refreshed."))
        self._scm_refresh_lines()
        return True

    def _scm_approval_check_submit(self):
        self.ensure_one()
        if self.stage != "draft":
            raise UserError(_("Only a draft execution report can be submitted."))
        self._scm_check_author()
        self._scm_refresh_lines()

    def action_scm_submit(self):
        res = super().action_scm_submit()
        for report in self:
            closed = report._scm_deadline_close(REPORT_RULE)
            report.sudo().with_context(skip_validation_check=True).write(
                {
                    "stage": "submitted",
                    "submitted_date": fields.Datetime.now(),
                    "submitted_late": report.submitted_late
                    or any(closed.mapped("is_overdue")),
                }
            )
        return res

    def _scm_approval_on_approved(self):
        res = super()._scm_approval_on_approved()
        self._scm_set_stage("reviewed")
        return res

    @api.model
    def _cron_open_monthly_reports(self, today=None):
        """For last month, one report per active branch, owed by the MSD
        Manager by the 5th of this month. Safe to run repeatedly."""
        today = today or fields.Date.context_today(self)
        period = (today.replace(day=1) - relativedelta(months=1)).replace(day=1)
        branches = self.env["scm.sales.plan"]._scm_active_branches()
        existing = (
            self.sudo()
            .search([("period", "=", period), ("company_id", "in", branches.ids)])
            .company_id
        )
        missing = branches - existing
        return (
            self.sudo()
            .create([{"company_id": branch.id, "period": period} for branch in missing])
            .with_env(self.env)
        )
