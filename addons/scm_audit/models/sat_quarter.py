from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .sat_survey import QUARTERS, quarter_bounds, quarter_of


class ScmSatisfactionQuarter(models.Model):
    """AUD-SAT-01: each calendar quarter that ended, and whether at least one
    satisfaction survey of it was completed by its last day. A quarter
    without one is flagged at its end: the row says so, and the Audit Dept's
    manager gets an activity. The quarterly job (and the button) writes each
    past quarter once."""

    _name = "scm.satisfaction.quarter"
    _description = "Satisfaction Survey Quarter"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, quarter desc"
    _mail_post_access = "read"

    name = fields.Char(string="Quarter", required=True, readonly=True)
    year = fields.Integer(required=True, readonly=True, index=True, aggregator=False)
    quarter = fields.Selection(
        QUARTERS, string="Calendar Quarter", required=True, readonly=True
    )
    date_start = fields.Date(string="From", required=True, readonly=True)
    date_end = fields.Date(string="To", required=True, readonly=True)
    survey_count = fields.Integer(
        string="Completed Surveys",
        readonly=True,
        help="Surveys of the quarter completed by its last day.",
    )
    late_count = fields.Integer(
        string="Completed Late",
        readonly=True,
        help="Surveys of the quarter completed after its end: they do not lift "
        "the flag.",
    )
    flagged = fields.Boolean(
        string="No Survey",
        readonly=True,
        index=True,
        help="No survey of the quarter was completed by its end (AUD-SAT-01).",
    )
    checked_date = fields.Datetime(string="Checked On", readonly=True)

    _sql_constraints = [
        (
            "quarter_unique",
            "UNIQUE(year, quarter)",
            "Each quarter is checked once.",
        ),
    ]

    # -- the queue is written by the check, never by a client ---------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                _("The quarters are checked by the quarterly job: use Check Quarters.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and vals.keys() - {
            "message_follower_ids",
            "message_main_attachment_id",
            "activity_ids",
        }:
            raise UserError(_("A quarter's check is kept as it was made."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(_("A quarter's check is kept."))

    # -- the check -------------------------------------------------------------------
    @api.model
    def _scm_counts(self, year, quarter, date_end):
        """(completed by the end, completed after it) of the quarter."""
        Survey = self.env["scm.satisfaction.survey"].sudo()
        domain = [
            ("year", "=", year),
            ("quarter", "=", quarter),
            ("state", "!=", "draft"),
        ]
        on_time = Survey.search_count(domain + [("completed_on", "<=", date_end)])
        late = Survey.search_count(domain + [("completed_on", ">", date_end)])
        return on_time, late

    @api.model
    def _scm_past_quarters(self, today):
        """Every quarter that ended before `today`, from the earliest quarter
        surveyed (or the last quarter that ended, if earlier ones have none)."""
        last_year, last_quarter = quarter_of(today)
        if last_quarter == "1":
            last = (last_year - 1, 4)
        else:
            last = (last_year, int(last_quarter) - 1)
        first = last
        oldest = (
            self.env["scm.satisfaction.survey"]
            .sudo()
            .search([], order="year, quarter", limit=1)
        )
        if oldest and (oldest.year, int(oldest.quarter)) < first:
            first = (oldest.year, int(oldest.quarter))
        year, quarter = first
        quarters = []
        while (year, quarter) <= last:
            quarters.append((year, str(quarter)))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return quarters

    @api.model
    def _scm_flag_quarters(self, today=None):
        """AUD-SAT-01: write each quarter that ended and is not yet checked,
        flagging those without a survey completed by their end. Returns the
        new rows."""
        today = today or fields.Date.context_today(self)
        Quarter = self.sudo()
        known = {
            (row.year, row.quarter)
            for row in Quarter.search([("date_end", "<", today)])
        }
        rows = self.browse()
        for year, quarter in self._scm_past_quarters(today):
            if (year, quarter) in known:
                continue
            start, end = quarter_bounds(year, quarter)
            on_time, late = self._scm_counts(year, quarter, end)
            row = Quarter.create(
                {
                    "name": f"{year}-Q{quarter}",
                    "year": year,
                    "quarter": quarter,
                    "date_start": start,
                    "date_end": end,
                    "survey_count": on_time,
                    "late_count": late,
                    "flagged": not on_time,
                    "checked_date": fields.Datetime.now(),
                }
            )
            if row.flagged:
                row._scm_raise_flag()
            rows |= row
        return rows

    def _scm_raise_flag(self):
        self.ensure_one()
        message = _(
            "No customer satisfaction survey was completed in %(quarter)s "
            "(%(start)s to %(end)s): at least one customer of at least one branch "
            "must be surveyed each quarter (AUD-SAT-01).",
            quarter=self.name,
            start=self.date_start,
            end=self.date_end,
        )
        self.message_post(body=Markup("<p>%s</p>") % message)
        for user in self._scm_audit_managers():
            self.activity_schedule(
                "scm_audit.mail_activity_type_sat_missing",
                date_deadline=fields.Date.context_today(self),
                summary=_("No satisfaction survey in %(quarter)s", quarter=self.name),
                note=message,
                user_id=user.id,
            )

    @api.model
    def _scm_audit_managers(self):
        """Who answers for the quarterly survey: the Audit Dept's manager,
        else the Supervision Center's, else the Audit Dept's members."""
        for xmlid in ("scm_base.dept_audit", "scm_base.dept_supervision_center"):
            department = self.env.ref(xmlid, raise_if_not_found=False)
            user = department and department.sudo().manager_id.user_id
            if user and user.active:
                return user
        return self.env.ref("scm_base.group_auditor").sudo().users.filtered("active")

    @api.model
    def _scm_refresh(self, year, quarter):
        """A survey of a quarter already checked was completed (late): its
        row counts it, the flag stays."""
        row = self.sudo().search([("year", "=", year), ("quarter", "=", quarter)])
        if row:
            on_time, late = self._scm_counts(year, quarter, row.date_end)
            row.write({"survey_count": on_time, "late_count": late})

    @api.model
    def _scm_cron_flag_quarters(self):
        """The quarterly job (scm_audit.ir_cron_sat_quarters)."""
        return self._scm_flag_quarters()

    def action_check_quarters(self):
        """The button of the Quarter Flags list (called with the selected
        rows, none needed): the same check, now."""
        self.env["scm.audit.mixin"]._scm_check_auditor(
            _("check the satisfaction survey quarters")
        )
        self._scm_flag_quarters()
        return {"type": "ir.actions.client", "tag": "reload"}

    def action_open_surveys(self):
        self.ensure_one()
        return self.env["scm.audit.mixin"]._scm_window(
            "scm_audit.action_sat_survey",
            domain=[("year", "=", self.year), ("quarter", "=", self.quarter)],
        )
