from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

SUGGESTION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Sent to TSMS"),
    ("mrd", "With MRD"),
    ("done", "Result Given"),
]
REPORTER_FIELDS = {
    "name",
    "discovery_date",
    "description",
    "proposal",
    "importance",
    "urgency",
}
MRD_FIELDS = {"impact", "solution", "target_date", "result", "schedule_date"}


class ScmProjectSuggestion(models.Model):
    """《软件合理化建议》: an improvement the project team found in the
    system, sent to the TSMS within 1 WD, handed to MRD requirement staff the
    same day, answered within 3 WD (PRJ-RUN-07, SUP-REQ-02)."""

    _name = "scm.project.suggestion"
    _description = "Software Improvement Suggestion"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.project.runin.priority.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = (
        "state",
        "priority",
        "handover_late",
        "reporter_id",
        "submitted_date",
        "handover_date",
        "handed_over_by_id",
        "result_date",
        "result_by_id",
        "upgrade_backlog",
        "scm_deadline_ids",
    )

    name = fields.Char(string="Subject", required=True, tracking=True)
    state = fields.Selection(
        SUGGESTION_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    discovery_date = fields.Date(
        string="Found On", required=True, default=fields.Date.context_today
    )
    description = fields.Text(string="Defect / Improvement", required=True)
    proposal = fields.Text(string="Suggested Improvement")
    submitted_date = fields.Datetime(string="Sent to TSMS On", readonly=True)
    handover_date = fields.Datetime(string="Handed to MRD On", readonly=True)
    handed_over_by_id = fields.Many2one("res.users", readonly=True)
    handover_late = fields.Boolean(
        string="Handover Not Same Day",
        compute="_compute_handover_late",
        store=True,
        help="PRJ-RUN-07: the TSMS passes it to MRD the day it receives it.",
    )
    impact = fields.Selection(
        [
            ("daily", "Affects Daily Operating Efficiency"),
            ("upgrade", "Solved in a System Upgrade"),
        ],
        tracking=True,
    )
    solution = fields.Text()
    target_date = fields.Date(string="Resolution Target")
    result = fields.Text(string="MRD Result")
    result_date = fields.Datetime(string="Result On", readonly=True)
    result_by_id = fields.Many2one("res.users", readonly=True)
    upgrade_backlog = fields.Boolean(
        string="In the Upgrade Backlog",
        readonly=True,
        help="To be solved in a system upgrade (PRJ-UPG-02).",
    )

    @api.depends("submitted_date", "handover_date", "company_id")
    def _compute_handover_late(self):
        workday = self.env["scm.workday"]
        for suggestion in self:
            suggestion.handover_late = bool(
                suggestion.submitted_date
                and suggestion.handover_date
                and workday._local_date(
                    suggestion.submitted_date, suggestion.company_id
                )
                != workday._local_date(suggestion.handover_date, suggestion.company_id)
            )

    # -- roles -------------------------------------------------------------------
    def _runin_is_reporter(self, user):
        return self.project_id.sudo()._scm_is_branch_worker(user)

    def _runin_is_tsms(self, user):
        return user.has_group("scm_base.group_tsms")

    def _runin_is_mrd(self, user):
        return any(
            user.has_group(group)
            for group in (
                "scm_base.group_mrd_manager",
                "scm_base.group_mrd_lead",
                "scm_base.group_mrd_analyst",
            )
        )

    def _runin_check(self, allowed, action, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    _(
                        "%(doc)s is %(state)s: it cannot be %(action)s now.",
                        doc=record.display_name,
                        state=labels[record.state],
                        action=action,
                    )
                )
            if not allowed(record, self.env.user):
                raise UserError(
                    _(
                        "You may not %(action)s %(doc)s.",
                        action=action,
                        doc=record.display_name,
                    )
                )

    # -- guard -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for record in records:
            if not self.env.su:
                record.project_id.sudo()._scm_check_phase(
                    ("runin", "accepted", "service"), _("given a suggestion")
                )
                if not record._runin_is_reporter(self.env.user):
                    raise UserError(
                        _("Only the project team or its branch may make a suggestion.")
                    )
            record._runin_open_due()
        return records

    def _runin_open_due(self):
        """PRJ-RUN-07: the reporter notifies the TSMS within 1 WD of the
        discovery."""
        self.ensure_one()
        self._scm_deadline_open(
            "PRJ-RUN-07",
            _("Send the suggestion %(doc)s to the TSMS", doc=self.display_name),
            self.reporter_id,
            1,
            start=self.discovery_date,
        )

    def write(self, vals):
        if not self.env.su:
            names = set(vals)
            user = self.env.user
            for fields_, states, allowed in (
                (REPORTER_FIELDS, ("draft",), lambda r, u: r._runin_is_reporter(u)),
                (MRD_FIELDS, ("mrd",), lambda r, u: r._runin_is_mrd(u)),
            ):
                if names & fields_:
                    for record in self:
                        if record.state not in states or not allowed(record, user):
                            raise UserError(
                                _(
                                    "You may not change %(doc)s now.",
                                    doc=record.display_name,
                                )
                            )
        result = super().write(vals)
        if "discovery_date" in vals:
            for record in self:
                record._scm_deadline_cancel("PRJ-RUN-07")
                record._runin_open_due()
        return result

    # -- steps -------------------------------------------------------------------
    def action_submit(self):
        """The team sends it to the HQ TSMS in writing (SUP-REQ-02: importance
        and urgency stated)."""
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_reporter(u), _("submitted"), ("draft",)
        )
        if not self.importance or not self.urgency:
            raise UserError(
                _(
                    "State the importance and the urgency of %(doc)s before "
                    "submitting it (SUP-REQ-02).",
                    doc=self.display_name,
                )
            )
        self._scm_step_write(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        self._scm_deadline_close("PRJ-RUN-07")
        tsms = self.env.ref("scm_base.group_tsms").sudo().users.filtered("active")
        self.env["scm.notice"]._scm_send(
            self,
            _("Software improvement suggestion: %(doc)s", doc=self.display_name),
            self._runin_body(self.description),
            tsms.partner_id,
        )
        return True

    def action_handover(self):
        """The TSMS passes it to MRD requirement staff the same day; the
        result is due within 3 WD."""
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_tsms(u), _("handed over to MRD"), ("submitted",)
        )
        now = fields.Datetime.now()
        self._scm_step_write(
            {
                "state": "mrd",
                "handover_date": now,
                "handed_over_by_id": self.env.user.id,
            }
        )
        mrd = self.project_id.sudo()._scm_unit_manager("scm_base.dept_mrd")
        self._scm_deadline_open(
            "PRJ-RUN-07.2",
            _("Answer the suggestion %(doc)s", doc=self.display_name),
            mrd,
            3,
            start=now,
        )
        if self.handover_late:
            self.sudo().message_post(
                body=_("Handed to MRD later than the day it was received (PRJ-RUN-07).")
            )
        return True

    def action_result(self):
        """MRD gives the result: a daily-efficiency defect gets a solution and
        a target date, anything else goes to the upgrade backlog; the
        schedule is fed back (SUP-REQ-02)."""
        self.ensure_one()
        self._runin_check(lambda r, u: r._runin_is_mrd(u), _("answered"), ("mrd",))
        if not self.impact:
            raise UserError(
                _("Say whether %(doc)s affects daily efficiency.", doc=self.name)
            )
        if self.impact == "daily" and (
            not (self.solution or "").strip() or not self.target_date
        ):
            raise UserError(
                _(
                    "%(doc)s affects the customer's daily efficiency: agree a "
                    "solution and a target date with Software and QC first "
                    "(PRJ-RUN-07).",
                    doc=self.name,
                )
            )
        if not self.schedule_date:
            raise UserError(
                _("Give the schedule date of %(doc)s (SUP-REQ-02).", doc=self.name)
            )
        self._scm_step_write(
            {
                "state": "done",
                "result_date": fields.Datetime.now(),
                "result_by_id": self.env.user.id,
                "upgrade_backlog": self.impact == "upgrade",
            }
        )
        self._scm_deadline_close("PRJ-RUN-07.2")
        project = self.project_id.sudo()
        partners = (
            self.handed_over_by_id
            | project.user_id
            | project.scm_member_user_ids
            | self.reporter_id
        ).partner_id
        self.env["scm.notice"]._scm_send(
            self,
            _("Result of the suggestion: %(doc)s", doc=self.display_name),
            self._runin_body(self.result or self.solution or ""),
            partners,
        )
        return True

    def _runin_body(self, detail):
        return Markup("<p>%s</p><p>%s</p>") % (escape(self.display_name), detail or "")

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_runin_suggestion"
        ).report_action(self)
