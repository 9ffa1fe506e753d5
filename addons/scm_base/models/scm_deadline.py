from odoo import _, api, fields, models
from odoo.exceptions import UserError

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
    rule_code = fields.Char(string="Rule", index=True, help="Rule ID of the manual.")
    res_model = fields.Char(string="Document Model", required=True, index=True)
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
    is_overdue = fields.Boolean(
        string="Overdue",
        index=True,
        readonly=True,
        help="Set when the deadline passed before the obligation was met, "
        "whether it is still open or was done late.",
    )
    days_late = fields.Integer(
        string="Working Days Late",
        readonly=True,
        help="Working days between the due date and completion (or now, while "
        "still open).",
    )
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

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
                    "is_overdue": late,
                    "days_late": late
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

    @api.model
    def _cron_flag_overdue(self):
        """Flag open deadlines whose due time has passed, so that the overdue
        filter and the report work on a stored field (ORG-RULE-10)."""
        now = fields.Datetime.now()
        overdue = self.search([("state", "=", "open"), ("due_date", "<", now)])
        workday = self._workday()
        # One calendar table per branch for the whole batch, not per deadline.
        for company, deadlines in overdue.grouped("company_id").items():
            first = workday._local_date(min(deadlines.mapped("due_date")), company)
            today = workday._local_date(now, company)
            table = workday._day_table(first, today, company)
            by_lateness = {}
            for deadline in deadlines:
                due_day = workday._local_date(deadline.due_date, company)
                late = sum(worked for day, worked in table.items() if day > due_day)
                by_lateness.setdefault(late, self.browse())
                by_lateness[late] |= deadline
            for late, batch in by_lateness.items():
                batch.write({"is_overdue": True, "days_late": late})
        return len(overdue)
