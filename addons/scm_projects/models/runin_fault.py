from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# PRJ-RUN-04/05: the TSMS's cause classification.
CAUSES = [
    ("user", "Non-software: User"),
    ("installation", "Non-software: Installation / Debugging"),
    ("operation", "Non-software: Operation"),
    ("hardware", "Non-software: Hardware"),
    ("software", "Software (quality or program)"),
]
FAULT_STATES = [
    ("draft", "Recorded"),
    ("sent", "Sent to TSMS"),
    ("received", "Received by TSMS"),
    ("qc", "With QC"),
    ("qc_done", "QC Result Recorded"),
    ("closed", "Closed"),
]
# The six fields recorded on site (PRJ-RUN-03).
SITE_FIELDS = (
    "occurrence_time",
    "software_version",
    "module_name",
    "symptom",
    "program_name",
)
# Who fills which part of the form, in which state.
REPORTER_FIELDS = {
    "name",
    "report_date",
    "occurrence_time",
    "software_version",
    "module_name",
    "error_screen",
    "error_screen_filename",
    "error_screen_text",
    "symptom",
    "program_name",
}
TSMS_FIELDS = {"cause", "handling"}
QC_FIELDS = {"qc_result", "qc_note"}
TSMS_CLOSE_FIELDS = {"closing_note"}


class ScmProjectFault(models.Model):
    """A system fault reported during the run-in and its 《质检错误单》 (QC
    Error Form): recorded on site the same day, signed by the PM, sent to
    the HQ MCD TSMS who diagnoses it within 1 WD; a software cause goes to
    QC with a copy to Audit (PRJ-RUN-03..06)."""

    _name = "scm.project.fault"
    _description = "Run-in Fault (QC Error Form)"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.signature.mixin",
        "scm.distribution.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = (
        "state",
        "form_late",
        "cause_kind",
        "reported_by_id",
        "form_date",
        "sent_date",
        "received_date",
        "received_by_id",
        "diagnosed_by_id",
        "diagnosed_date",
        "qc_by_id",
        "qc_date",
        "closed_by_id",
        "closed_date",
        "scm_signature_ids",
        "scm_distribution_ids",
        "scm_deadline_ids",
        "notice_ids",
    )

    name = fields.Char(string="Subject", required=True, tracking=True)
    state = fields.Selection(
        FAULT_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    reported_by_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    report_date = fields.Date(
        string="Reported On",
        required=True,
        default=fields.Date.context_today,
        help="The day the customer reported the error.",
    )
    form_date = fields.Date(
        string="Error Form Date",
        default=fields.Date.context_today,
        readonly=True,
        help="The day the QC Error Form was filled (today, by the server).",
    )
    form_late = fields.Boolean(
        string="Form Not Same Day",
        compute="_compute_form_late",
        store=True,
        help="PRJ-RUN-03: the QC Error Form is filled the day the error is reported.",
    )
    occurrence_time = fields.Datetime(string="Occurred At", required=True)
    software_version = fields.Char(string="Software Version Name", required=True)
    module_name = fields.Char(string="Failing Module", required=True)
    error_screen = fields.Binary(attachment=True)
    error_screen_filename = fields.Char()
    error_screen_text = fields.Text(string="Error Screen (Text)")
    symptom = fields.Text(required=True)
    program_name = fields.Char(required=True)
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    received_date = fields.Datetime(string="Received by TSMS On", readonly=True)
    received_by_id = fields.Many2one("res.users", readonly=True)
    cause = fields.Selection(CAUSES, tracking=True)
    cause_kind = fields.Selection(
        [("non_software", "Non-software"), ("software", "Software")],
        compute="_compute_cause_kind",
        store=True,
        string="Cause Type",
    )
    handling = fields.Text(string="Handling Instructions")
    diagnosed_by_id = fields.Many2one("res.users", readonly=True)
    diagnosed_date = fields.Datetime(string="Diagnosed On", readonly=True)
    copies_late = fields.Boolean(
        string="Copies Not Same Day",
        compute="_compute_copies_late",
        help="PRJ-RUN-06: the QC and Audit copies leave the day the TSMS "
        "receives the form.",
    )
    qc_result = fields.Selection(
        [("fixed", "Fixed by the Software Dept"), ("other", "Other Handling")],
        string="QC Result",
        tracking=True,
    )
    qc_note = fields.Text(string="QC Result Details")
    qc_by_id = fields.Many2one("res.users", string="QC Result By", readonly=True)
    qc_date = fields.Datetime(string="QC Result On", readonly=True)
    closing_note = fields.Text(string="Notice to the Branch/Team")
    closed_by_id = fields.Many2one("res.users", readonly=True)
    closed_date = fields.Datetime(string="Closed On", readonly=True)
    notice_ids = fields.One2many(
        "scm.notice",
        "res_id",
        string="Written Notices",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
    )

    @api.depends("form_date", "report_date")
    def _compute_form_late(self):
        for fault in self:
            fault.form_late = bool(
                fault.form_date
                and fault.report_date
                and fault.form_date != fault.report_date
            )

    @api.depends("cause")
    def _compute_cause_kind(self):
        for fault in self:
            if not fault.cause:
                fault.cause_kind = False
            else:
                fault.cause_kind = (
                    "software" if fault.cause == "software" else "non_software"
                )

    def _compute_copies_late(self):
        workday = self.env["scm.workday"]
        for fault in self:
            lines = fault.sudo().scm_distribution_ids
            company = fault.company_id
            fault.copies_late = bool(
                fault.received_date
                and lines
                and any(
                    workday._local_date(line.sent_at, company)
                    != workday._local_date(fault.received_date, company)
                    for line in lines
                )
            )

    @api.constrains("report_date")
    def _check_report_date(self):
        for fault in self:
            if fault.report_date and fault.report_date > fields.Date.context_today(
                fault
            ):
                raise ValidationError(
                    _("An error cannot be reported on a future day (PRJ-RUN-03).")
                )

    @api.constrains("error_screen", "error_screen_text")
    def _check_error_screen(self):
        for fault in self:
            if not fault.error_screen and not (fault.error_screen_text or "").strip():
                raise ValidationError(
                    _(
                        "%(doc)s needs the error screen: attach it or describe it "
                        "(PRJ-RUN-03).",
                        doc=fault.display_name,
                    )
                )

    # -- roles -----------------------------------------------------------------
    def _runin_is_reporter(self, user):
        """A team member, the PM, the branch manager, MCD, or staff of the
        project's branch records faults."""
        self.ensure_one()
        return self.project_id.sudo()._scm_is_branch_worker(user)

    def _runin_is_tsms(self, user):
        return user.has_group("scm_base.group_tsms")

    def _runin_is_qc(self, user):
        return user.has_group("scm_base.group_qc_manager") or user.has_group(
            "scm_base.group_qc_engineer"
        )

    def _runin_check(self, allowed, action):
        for fault in self:
            if not allowed(fault, self.env.user):
                raise UserError(
                    _(
                        "You may not %(action)s %(doc)s.",
                        action=action,
                        doc=fault.display_name,
                    )
                )

    def _runin_check_state(self, states, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for fault in self:
            if fault.state not in states:
                raise UserError(
                    _(
                        "%(doc)s is %(state)s: it cannot be %(action)s now.",
                        doc=fault.display_name,
                        state=labels[fault.state],
                        action=action,
                    )
                )

    # -- guard -----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        faults = super().create(vals_list)
        if not self.env.su:
            for fault in faults:
                fault.project_id.sudo()._scm_check_phase(
                    ("runin", "accepted", "service"), _("given a fault record")
                )
                fault._runin_check(
                    lambda f, u: f._runin_is_reporter(u), _("record the fault")
                )
        for fault in faults.filtered("form_late"):
            fault.sudo().message_post(
                body=_(
                    "The QC Error Form was filled on %(form)s for an error "
                    "reported on %(report)s: not the same day (PRJ-RUN-03).",
                    form=fault.form_date,
                    report=fault.report_date,
                )
            )
        return faults

    def write(self, vals):
        if not self.env.su:
            self._runin_guard_fields(vals)
        return super().write(vals)

    def _runin_guard_fields(self, vals):
        """Each part of the form is filled by its owner, in its state."""
        names = set(vals)
        user = self.env.user
        parts = (
            (REPORTER_FIELDS, ("draft",), lambda f, u: f._runin_is_reporter(u)),
            (TSMS_FIELDS, ("received",), lambda f, u: f._runin_is_tsms(u)),
            (QC_FIELDS, ("qc",), lambda f, u: f._runin_is_qc(u)),
            (TSMS_CLOSE_FIELDS, ("qc_done",), lambda f, u: f._runin_is_tsms(u)),
        )
        known = set()
        for fields_, states, allowed in parts:
            known |= fields_
            if not names & fields_:
                continue
            for fault in self:
                if fault.state not in states or not allowed(fault, user):
                    raise UserError(
                        _(
                            "You may not change %(fields)s of %(doc)s now.",
                            fields=", ".join(
                                sorted(
                                    self._fields[n]._description_string(self.env)
                                    for n in names & fields_
                                )
                            ),
                            doc=fault.display_name,
                        )
                    )
        # Anything else (followers, activities...) is Odoo's own bookkeeping.

    # -- signature (PRJ-RUN-03) ------------------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "pm",
                "name": _("Project Manager"),
                "required_user_id": self.project_id.sudo().user_id.id,
            }
        ]

    def action_sign_pm(self):
        """The PM signs the QC Error Form before it goes to the TSMS."""
        for fault in self:
            fault._runin_check_state(("draft",), _("signed"))
            fault.action_scm_sign("pm")
        return True

    # -- steps -----------------------------------------------------------------
    def _runin_tsms_users(self):
        group = self.env.ref("scm_base.group_tsms").sudo()
        return group.users.filtered(lambda u: u.active and not u.share)

    def action_send(self):
        """PRJ-RUN-03: the PM-signed form is sent to the HQ MCD TSMS."""
        self.ensure_one()
        self._runin_check_state(("draft",), _("sent"))
        self._runin_check(lambda f, u: f._runin_is_reporter(u), _("send"))
        blocked = self._scm_guard_signed(_("sent to the TSMS"))
        if blocked:
            return blocked
        self._scm_step_write({"state": "sent", "sent_date": fields.Datetime.now()})
        tsms = self._runin_tsms_users()
        self.env["scm.notice"]._scm_send(
            self,
            _("QC Error Form: %(doc)s", doc=self.display_name),
            self._runin_notice_body(_("A fault of the run-in awaits diagnosis.")),
            tsms.partner_id,
        )
        return True

    def action_receive(self):
        """PRJ-RUN-04: the TSMS receives the form; the diagnosis is due
        within 1 WD."""
        for fault in self:
            fault._runin_check_state(("sent",), _("received"))
            fault._runin_check(lambda f, u: f._runin_is_tsms(u), _("receive"))
            now = fields.Datetime.now()
            fault._scm_step_write(
                {
                    "state": "received",
                    "received_date": now,
                    "received_by_id": self.env.user.id,
                }
            )
            fault._scm_deadline_open(
                "PRJ-RUN-04",
                _("Diagnose the fault %(doc)s", doc=fault.display_name),
                self.env.user,
                1,
                start=now,
            )
        return True

    def action_diagnose(self):
        """PRJ-RUN-04..06: the TSMS classifies the cause and proposes the
        handling; a non-software cause closes the form with the handling
        instructions, a software cause sends copies to QC and Audit."""
        self.ensure_one()
        self._runin_check_state(("received",), _("diagnosed"))
        self._runin_check(lambda f, u: f._runin_is_tsms(u), _("diagnose"))
        if not self.cause:
            raise UserError(
                _("Classify the cause of %(doc)s first (PRJ-RUN-04).", doc=self.name)
            )
        if not (self.handling or "").strip():
            raise UserError(
                _(
                    "Write the proposed handling of %(doc)s first (PRJ-RUN-04).",
                    doc=self.name,
                )
            )
        now = fields.Datetime.now()
        values = {"diagnosed_by_id": self.env.user.id, "diagnosed_date": now}
        software = self.cause == "software"
        if software:
            values["state"] = "qc"
        else:
            values.update(
                state="closed", closed_by_id=self.env.user.id, closed_date=now
            )
        self._scm_step_write(values)
        self._scm_deadline_close("PRJ-RUN-04")
        if software:
            self._scm_distribute()
            intro = _(
                "Diagnosis: software cause. The form was passed to the QC Dept "
                "(copy to the Audit Dept)."
            )
        else:
            intro = _("Diagnosis: not a software cause. Handle it for the customer:")
        self.env["scm.notice"]._scm_send(
            self,
            _("Fault diagnosis: %(doc)s", doc=self.display_name),
            self._runin_notice_body(intro, self.handling),
            self._runin_branch_partners(),
        )
        return True

    def _scm_distribution_list(self):
        """PRJ-RUN-06: one copy to QC, one to Audit."""
        self.ensure_one()
        ref = self.env.ref
        return [
            {
                "recipient_department_id": ref("scm_base.dept_qc").id,
                "copy_type": "copy",
            },
            {
                "recipient_department_id": ref("scm_base.dept_audit").id,
                "copy_type": "copy",
            },
        ]

    def action_qc_result(self):
        """PRJ-RUN-06: QC records the result and notifies the TSMS and Audit
        in writing."""
        self.ensure_one()
        self._runin_check_state(("qc",), _("given the QC result"))
        self._runin_check(lambda f, u: f._runin_is_qc(u), _("record QC's result on"))
        if not self.qc_result or not (self.qc_note or "").strip():
            raise UserError(
                _(
                    "Give QC's result and its details on %(doc)s first.",
                    doc=self.name,
                )
            )
        self._scm_step_write(
            {
                "state": "qc_done",
                "qc_by_id": self.env.user.id,
                "qc_date": fields.Datetime.now(),
            }
        )
        result = dict(self._fields["qc_result"]._description_selection(self.env))[
            self.qc_result
        ]
        body = self._runin_notice_body(
            _("QC result: %(result)s", result=result), self.qc_note
        )
        notice = self.env["scm.notice"]
        notice._scm_send(
            self,
            _("QC result to the TSMS: %(doc)s", doc=self.display_name),
            body,
            (self.diagnosed_by_id | self.received_by_id).partner_id,
        )
        notice._scm_send(
            self,
            _("QC result to the Audit Dept: %(doc)s", doc=self.display_name),
            body,
            self._runin_audit_partners(),
        )
        return True

    def action_close(self):
        """PRJ-RUN-06: the TSMS closes the form with its written notice to the
        branch or project team."""
        self.ensure_one()
        self._runin_check_state(("qc_done",), _("closed"))
        self._runin_check(lambda f, u: f._runin_is_tsms(u), _("close"))
        if not (self.closing_note or "").strip():
            raise UserError(
                _(
                    "Write the notice to the branch or project team before "
                    "closing %(doc)s (PRJ-RUN-06).",
                    doc=self.name,
                )
            )
        self.env["scm.notice"]._scm_send(
            self,
            _("Fault resolved: %(doc)s", doc=self.display_name),
            self._runin_notice_body(_("The fault is resolved."), self.closing_note),
            self._runin_branch_partners(),
        )
        self._scm_step_write(
            {
                "state": "closed",
                "closed_by_id": self.env.user.id,
                "closed_date": fields.Datetime.now(),
            }
        )
        return True

    # -- helpers ---------------------------------------------------------------
    def _runin_branch_partners(self):
        project = self.project_id.sudo()
        users = (
            project.user_id
            | project.scm_member_user_ids
            | project.company_id.scm_manager_id
            | self.reported_by_id
        )
        return users.partner_id

    def _runin_audit_partners(self):
        manager = self.project_id.sudo()._scm_unit_manager("scm_base.dept_audit")
        auditors = self.env.ref("scm_base.group_auditor").sudo().users
        return (manager | auditors.filtered("active")).partner_id

    def _runin_notice_body(self, intro, detail=None):
        body = Markup("<p>%s</p><p>%s: %s / %s / %s</p>") % (
            intro,
            escape(self.display_name),
            escape(self.software_version or ""),
            escape(self.module_name or ""),
            escape(self.program_name or ""),
        )
        if detail:
            body += Markup("<p>%s</p>") % detail
        return body

    def action_print(self):
        return self.env.ref("scm_projects.action_report_runin_fault").report_action(
            self
        )
