from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import document_company


class ScmDeadlineMixin(models.AbstractModel):
    """Lets a document declare the deadlines it owes.

    Each open deadline is an activity on the document for the person who owes
    it, due on the date computed by `scm.workday`; closing it records who met
    it, when, and how late (ORG-RULE-01..03, ORG-RULE-10)."""

    _name = "scm.deadline.mixin"
    _description = "Deadline Tracking Mixin"
    _inherit = ["mail.activity.mixin"]

    scm_deadline_ids = fields.One2many(
        "scm.deadline",
        "res_id",
        string="Deadlines",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
    )
    scm_deadline_overdue = fields.Boolean(
        string="Deadline Overdue",
        compute="_compute_scm_deadline_state",
        search="_search_scm_deadline_overdue",
    )
    scm_deadline_next = fields.Datetime(
        string="Next Deadline", compute="_compute_scm_deadline_state"
    )

    @api.depends("scm_deadline_ids.state", "scm_deadline_ids.due_date")
    def _compute_scm_deadline_state(self):
        now = fields.Datetime.now()
        for record in self:
            open_deadlines = record.scm_deadline_ids.filtered(
                lambda d: d.state == "open"
            )
            record.scm_deadline_next = min(
                open_deadlines.mapped("due_date"), default=False
            )
            record.scm_deadline_overdue = any(d.due_date < now for d in open_deadlines)

    def _search_scm_deadline_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue deadlines."))
        ids = (
            self.env["scm.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("state", "=", "open"),
                    ("due_date", "<", fields.Datetime.now()),
                ]
            )
            .mapped("res_id")
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _scm_company(self):
        self.ensure_one()
        return document_company(self)

    def _scm_deadline_open(
        self,
        code,
        name,
        user,
        amount=0,
        unit="working_days",
        start=None,
        month=None,
        day=None,
    ):
        """Open a deadline owed by `user`, counted from `start` (server time
        of the trigger, ORG-RULE-04/09), and schedule its activity."""
        self.ensure_one()
        if not user:
            raise ValidationError(
                _("Nobody is set to owe the deadline '%(name)s'.", name=name)
            )
        company = self._scm_company()
        start = start or fields.Datetime.now()
        due = self.env["scm.workday"].compute_due(
            unit, amount, start, company, month=month, day=day
        )
        # The step is owed from its trigger day: its activity is due that day,
        # so that it shows at once in the owner's activities and turns overdue
        # by itself; the deadline's own due time is in its note and on the
        # document.
        activity = self.sudo().activity_schedule(
            "scm_base.mail_activity_type_scm_deadline",
            date_deadline=self.env["scm.workday"]._local_date(start, company),
            summary=name,
            note=self.env["scm.deadline"]._scm_note(due, code, company),
            user_id=user.id,
        )
        return (
            self.env["scm.deadline"]
            .sudo()
            .create(
                {
                    "name": name,
                    "rule_code": code,
                    "res_model": self._name,
                    "res_id": self.id,
                    "res_name": self.display_name,
                    "company_id": company.id,
                    "user_id": user.id,
                    "unit": unit,
                    "amount": amount,
                    "start_date": start,
                    "due_date": due,
                    "activity_id": activity.id,
                }
            )
        )

    def _scm_deadlines(self, code=None, user=None, state="open"):
        deadlines = self.sudo().scm_deadline_ids.filtered(lambda d: d.state == state)
        if code:
            codes = [code] if isinstance(code, str) else code
            deadlines = deadlines.filtered(lambda d: d.rule_code in codes)
        if user:
            deadlines = deadlines.filtered(lambda d: d.user_id in user)
        return deadlines

    def _scm_deadline_close(self, code=None, user=None, feedback=None):
        deadlines = self._scm_deadlines(code, user)
        deadlines._mark_done(feedback)
        return deadlines

    def _scm_deadline_cancel(self, code=None, user=None):
        deadlines = self._scm_deadlines(code, user)
        deadlines._cancel()
        return deadlines

    def unlink(self):
        self.env["scm.deadline"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        return super().unlink()
