import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

DEADLINE_UNITS = [
    ("working_days", "Working Days"),
    ("calendar_days", "Calendar Days"),
    ("same_day", "Same Day"),
    ("annual_date", "Fixed Annual Date"),
    ("next_month_day", "Day of Next Month"),
]


class ScmDeadline(models.Model):
    """One deadline a document owes, who owes it, and whether it was met
    (ORG-RULE-01..03, ORG-RULE-10)."""

    _name = "scm.deadline"
    _description = "Deadline"
    _order = "due_date, id"
    _rec_name = "name"

    name = fields.Char(string="Obligation", required=True, translate=False)
    rule_code = fields.Char(
        string="Rule", index=True, readonly=True, help="Rule ID of the manual."
    )
    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, index=True
    )
    res_name = fields.Char(string="Document")
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", required=True, index=True
    )
    unit = fields.Selection(DEADLINE_UNITS, required=True, default="working_days")
    amount = fields.Integer(string="Days")
    start_date = fields.Datetime(
        string="Triggered On", required=True, readonly=True, copy=False
    )
    due_date = fields.Datetime(string="Due", required=True, readonly=True, index=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        index=True,
    )
    done_date = fields.Datetime(string="Done On", readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", readonly=True)
    # What completion fixed for good: whether the obligation was met late and
    # by how many working days. While a deadline is open, lateness is a fact
    # of its due date and the clock, computed on reading (ORG-RULE-10).
    done_late = fields.Boolean(string="Met Late", readonly=True, copy=False)
    done_days_late = fields.Integer(
        string="Working Days Late at Completion",
        readonly=True,
        copy=False,
        aggregator="sum",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_lateness",
        search="_search_is_overdue",
        help="The due date passed before the obligation was met: still open "
        "after it, or done late.",
    )
    days_late = fields.Integer(
        string="Working Days Late",
        compute="_compute_lateness",
        aggregator="sum",
        help="Working days between the due date and completion (or now, while "
        "still open).",
    )
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")
    is_my_team = fields.Boolean(
        string="Of My Units and Branches",
        compute="_compute_is_my_team",
        search="_search_is_my_team",
        help="Owed by a person of a unit I manage (or a unit below it) or of a "
        "branch I manage.",
    )

    @api.model
    def _scm_my_team_domain(self):
        """Deadlines of the people of the units and branches the current user
        manages."""
        user = self.env.user
        branches = (
            self.env["res.company"].sudo().search([("scm_manager_id", "=", user.id)])
        )
        return [
            "|",
            ("user_id", "in", user.scm_team_user_ids.ids),
            ("company_id", "in", branches.ids),
        ]

    def _compute_is_my_team(self):
        mine = self.filtered_domain(self._scm_my_team_domain())
        for deadline in self:
            deadline.is_my_team = deadline in mine

    def _search_is_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search the deadlines of my team with = True."))
        domain = self._scm_my_team_domain()
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _workday(self):
        return self.env["scm.workday"]

    def _document(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "current",
        }

    def _mark_done(self, feedback=None):
        now = fields.Datetime.now()
        workday = self._workday()
        for deadline in self.filtered(lambda d: d.state == "open"):
            late = now > deadline.due_date
            deadline.write(
                {
                    "state": "done",
                    "done_date": now,
                    "done_by_id": self.env.user.id,
                    "done_late": late,
                    "done_days_late": late
                    and workday.working_days_between(
                        deadline.due_date, now, deadline.company_id
                    ),
                }
            )
            if deadline.activity_id:
                deadline.activity_id.sudo().action_feedback(feedback=feedback)

    def _cancel(self):
        open_deadlines = self.filtered(lambda d: d.state == "open")
        open_deadlines.write({"state": "cancel"})
        open_deadlines.activity_id.sudo().unlink()

    def write(self, vals):
        frozen = {"res_model", "res_id", "start_date", "due_date", "user_id"}
        if frozen & vals.keys() and any(d.state != "open" for d in self):
            raise UserError(_("A closed deadline cannot be changed."))
        return super().write(vals)

    @api.depends("state", "due_date", "done_late", "done_days_late")
    def _compute_lateness(self):
        open_late = self.filtered(lambda d: d.state == "open")._scm_open_days_late()
        for deadline in self:
            if deadline.state == "open":
                late = open_late.get(deadline.id)
                deadline.is_overdue = late is not None
                deadline.days_late = late or 0
            else:
                deadline.is_overdue = deadline.state == "done" and deadline.done_late
                deadline.days_late = deadline.done_days_late

    @api.model
    def _scm_overdue_domain(self):
        return [
            "|",
            "&",
            ("state", "=", "open"),
            ("due_date", "<", fields.Datetime.now()),
            "&",
            ("state", "=", "done"),
            ("done_late", "=", True),
        ]

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search overdue deadlines with = True or = False."))
        domain = self._scm_overdue_domain()
        return domain if (operator == "=") == value else ["!", *domain]

    def _scm_open_days_late(self):
        """{deadline id: working days late} for the open deadlines of `self`
        whose due time has passed, with one calendar table per branch."""
        now = fields.Datetime.now()
        overdue = self.filtered(lambda d: d.state == "open" and d.due_date < now)
        workday = self._workday()
        result = {}
        for company, deadlines in overdue.grouped("company_id").items():
            first = workday._local_date(min(deadlines.mapped("due_date")), company)
            today = workday._local_date(now, company)
            table = workday._day_table(first, today, company)
            for deadline in deadlines:
                due_day = workday._local_date(deadline.due_date, company)
                result[deadline.id] = sum(
                    worked for day, worked in table.items() if day > due_day
                )
        return result

    def _read_group_select(self, aggregate_spec, query):
        """`days_late` is live for open deadlines: the report by branch and
        person sums the stored lateness of done ones and the lateness as of
        now of open ones, computed here for the overdue open deadlines."""
        if aggregate_spec != "days_late:sum":
            return super()._read_group_select(aggregate_spec, query)
        overdue = self.sudo().search(
            [("state", "=", "open"), ("due_date", "<", fields.Datetime.now())]
        )
        late = overdue._scm_open_days_late()
        done = self._field_to_sql(self._table, "done_days_late", query)
        state = self._field_to_sql(self._table, "state", query)
        ident = self._field_to_sql(self._table, "id", query)
        if not late:
            open_late = SQL("0")
        else:
            values = SQL(", ").join(
                SQL("(%s, %s)", key, value) for key, value in late.items()
            )
            open_late = SQL(
                "COALESCE((SELECT v.late FROM (VALUES %s) AS v(id, late) "
                "WHERE v.id = %s), 0)",
                values,
                ident,
            )
        return SQL(
            "SUM(CASE WHEN %s = 'open' THEN %s ELSE COALESCE(%s, 0) END)",
            state,
            open_late,
            done,
        )

    @api.model
    def _scm_note(self, due, code, company):
        """ "Due 2026-11-24 23:59 (Rule X)" in the branch's local time, for
        the deadline's activity."""
        local = pytz.utc.localize(due).astimezone(self._workday()._tz(company))
        when = local.strftime("%Y-%m-%d %H:%M")
        if code:
            return _("Due %(when)s (Rule %(code)s)", when=when, code=code)
        return _("Due %(when)s", when=when)

    @api.model
    def _scm_activities_due_when_owed(self):
        """Databases made before activities were due on the trigger day: date
        the open deadlines' activities on their trigger day, with the due time
        in their note. Runs at each update; does nothing once done."""
        for deadline in self.sudo().search(
            [("state", "=", "open"), ("activity_id", "!=", False)]
        ):
            company = deadline.company_id
            owed = self._workday()._local_date(deadline.start_date, company)
            activity = deadline.activity_id
            if activity.date_deadline > owed:
                activity.write(
                    {
                        "date_deadline": owed,
                        "note": self._scm_note(
                            deadline.due_date, deadline.rule_code, company
                        ),
                    }
                )

    @api.model
    def _cron_flag_overdue(self):
        """Number of open deadlines past their due time. Overdue is computed
        from the due date and the clock, so nothing waits for this job; it
        stays for the schedulers and scripts that call it."""
        return self.search_count(
            [("state", "=", "open"), ("due_date", "<", fields.Datetime.now())]
        )
