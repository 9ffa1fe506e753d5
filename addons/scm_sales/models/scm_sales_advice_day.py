from datetime import timedelta

from odoo import api, fields, models

# How far back the daily job (re)fills missing days.
LOOKBACK_DAYS = 30


class ScmSalesAdviceDay(models.Model):
    """One row per working day for the sales-advice dashboard: the MSD
    Manager issues 《销售建议书》 every working day, and days without any are
    flagged (SAL-FOLLOW-02)."""

    _name = "scm.sales.advice.day"
    _description = "Sales Advice Day"
    _order = "date desc"
    _rec_name = "date"
    _inherit = ["scm.step.guard.mixin"]
    # The rows are the system's: one per day, from the company calendar.
    _scm_step_fields = ("date", "is_working_day")

    date = fields.Date(required=True, readonly=True, index=True)
    is_working_day = fields.Boolean(string="Working Day", readonly=True)
    advice_ids = fields.One2many(
        "scm.sales.advice", "day_id", string="Sales Advice", readonly=True
    )
    advice_count = fields.Integer(
        string="Advice Issued", compute="_compute_advice_count", store=True
    )
    no_advice = fields.Boolean(
        string="No Advice Issued",
        compute="_compute_advice_count",
        store=True,
        help="A working day on which the MSD Manager issued no sales advice.",
    )

    _sql_constraints = [
        ("date_unique", "UNIQUE(date)", "There is one row per day."),
    ]

    @api.depends("advice_ids.state", "is_working_day")
    def _compute_advice_count(self):
        for day in self:
            day.advice_count = len(
                day.advice_ids.filtered(lambda a: a.state == "issued")
            )
            day.no_advice = day.is_working_day and not day.advice_count

    @api.model
    def _scm_day(self, day):
        """The row of `day`, created when missing."""
        row = self.search([("date", "=", day)], limit=1)
        if not row:
            hq = self.env["res.company"]._scm_hq()
            row = self.create(
                {
                    "date": day,
                    "is_working_day": self.env["scm.workday"].is_working_day(day, hq),
                }
            )
        return row

    @api.model
    def _scm_fill(self, date_from, date_to):
        """Create the missing rows of the working days of [date_from, date_to]."""
        hq = self.env["res.company"]._scm_hq()
        table = self.env["scm.workday"]._day_table(date_from, date_to, hq)
        existing = set(
            self.search([("date", ">=", date_from), ("date", "<=", date_to)]).mapped(
                "date"
            )
        )
        return self.create(
            [
                {"date": day, "is_working_day": True}
                for day, working in sorted(table.items())
                if working and day not in existing
            ]
        )

    @api.model
    def _cron_fill_days(self):
        today = fields.Date.context_today(self)
        self._scm_fill(today - timedelta(days=LOOKBACK_DAYS), today)
        return True

    @api.model
    def _scm_link_issued_advice(self):
        """Attach issued sales advice recorded without its day (imports, demo)."""
        advice = self.env["scm.sales.advice"].search(
            [
                ("state", "=", "issued"),
                ("advice_type", "=", "advice"),
                ("day_id", "=", False),
            ]
        )
        for item in advice:
            item._scm_step_write({"day_id": self.sudo()._scm_day(item.date).id})
        return True

    @api.model
    def action_refresh(self):
        self.sudo()._cron_fill_days()
        return {"type": "ir.actions.client", "tag": "reload"}
