import re

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.scm_base.tools import create_pivot_index

LEVELS = [
    ("1", "Level 1: Warning"),
    ("2", "Level 2: Written Criticism"),
    ("3", "Level 3: Company-wide Circular"),
]
# Where a finding comes from: opened by hand, or a proposal of the work
# queue (scm.audit.proposal's kinds).
ORIGINS = [
    ("manual", "Opened by the Audit Dept"),
    ("deadline", "Missed Deadline"),
    ("delay_notice", "Milestone Overdue Without a Delay Notice"),
    ("collection", "Overdue Collection Without the PM's Report"),
    ("violation", "Procedure Violation"),
    ("sample", "Stage Acceptance Sample"),
    ("satisfaction", "Customer Satisfaction"),
]
STATES = [
    ("draft", "Draft"),
    ("confirmed", "Awaiting Rectification Plan"),
    ("planned", "Rectification Under Way"),
    ("closed", "Closed (Re-check Passed)"),
]
# A rule ID of the manual: ORG-, SAL-, CON-, PRJ-, SVC-, AUD-, TRN-, SUP-.
RULE_CODE = re.compile(r"^(ORG|SAL|CON|PRJ|SVC|AUD|TRN|SUP)-[A-Z]+-\d{2}$")
RECHECK_CODE = "AUD-GEN-04"
# Fields the auditor still edits on a draft finding.
DRAFT_FIELDS = {
    "title",
    "description",
    "rule_code",
    "audited_user_id",
    "level",
    "res_model",
    "res_id",
}


class ScmAuditFinding(models.Model):
    """A finding of an audit report (AUD-GEN-01): the audited unit and
    person, the rule of the manual violated, the evidence (a link to a record
    of any addon), the escalation level (AUD-ESC-01), the audited party's
    rectification plan with its due date (AUD-GEN-03) and the Audit Dept's
    re-check at that date (AUD-GEN-04).

    It extends OCA mgmtsystem_nonconformity's nonconformity by delegation:
    the management system's list of nonconformities, their stages (draft →
    in progress with the action plan → closed with the evaluation) and the
    corrective action (mgmtsystem.action) of each rectification plan carry
    the suite's findings. As OCA requires a partner on a nonconformity, an
    internal finding names the audited company's own contact."""

    _name = "scm.audit.finding"
    _description = "Audit Finding"
    _inherits = {"mgmtsystem.nonconformity": "nonconformity_id"}
    # Our rules decide who sees a finding; the nonconformity's rules mirror
    # them (scm_base ir.rule): not evaluated a second time on every list.
    _scm_rules_cover_inherits = True
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.stage.mixin",
        "scm.step.guard.mixin",
        "scm.audit.mixin",
        "scm.name.search.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "title", "rule_code"]
    # The same texts from one trigram-indexed column (scm.name.search.mixin);
    # the partner is the audited company's own contact, not a customer.
    _scm_name_search_fields = ("name", "title", "rule_code")
    _scm_name_search_partner = None
    _scm_stage_field = "state"
    _scm_step_fields = (
        "name",
        "origin",
        "proposal_id",
        "company_id",
        "department_id",
        "manager_user_id",
        "period",
        "rectification_plan",
        "rectification_due",
        "rectification_by_id",
        "rectification_date",
        "rectification_action_id",
        "recheck_result",
        "recheck_note",
        "recheck_by_id",
        "recheck_date",
        "recheck_failed_count",
        "training_need_id",
        "level_reason",
    )

    nonconformity_id = fields.Many2one(
        "mgmtsystem.nonconformity",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    title = fields.Char(string="Finding", required=True, tracking=True)
    description = fields.Text(string="Facts and Evidence", required=True, tracking=True)
    report_id = fields.Many2one(
        "scm.audit.report",
        string="Audit Report",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    report_state = fields.Selection(related="report_id.state", string="Report Status")
    company_id = fields.Many2one(
        "res.company", string="Audited Branch", readonly=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department", string="Audited Department", readonly=True, index=True
    )
    manager_user_id = fields.Many2one(
        "res.users", string="Audited Manager", readonly=True, index=True
    )
    audited_user_id = fields.Many2one(
        "res.users",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        help="The person involved, who answers for the finding.",
    )
    period = fields.Date(
        string="Month", readonly=True, index=True, help="Month of the assessment."
    )
    rule_code = fields.Char(
        string="Rule",
        required=True,
        index="trigram",
        tracking=True,
        help="ID of the rule of the manual violated, e.g. PRJ-TRK-05.",
    )
    chapter = fields.Char(
        compute="_compute_chapter",
        store=True,
        index=True,
        help="The manual's chapter of the rule (ORG, SAL, CON, PRJ, SVC, AUD, TRN, "
        "SUP).",
    )
    res_model = fields.Char(string="Evidence Model", index=True)
    res_id = fields.Many2oneReference(string="Evidence ID", model_field="res_model")
    res_name = fields.Char(string="Evidence", compute="_compute_res_name", store=True)
    origin = fields.Selection(
        ORIGINS,
        string="Found Through",
        required=True,
        default="manual",
        readonly=True,
    )
    proposal_id = fields.Many2one("scm.audit.proposal", readonly=True, index=True)
    level = fields.Selection(
        LEVELS,
        required=True,
        default="1",
        tracking=True,
        help="Escalation ladder (AUD-ESC-01): a warning; a written criticism on "
        "recurrence or when not corrected; a company-wide circular only by an "
        "Audit decision with a reason.",
    )
    level_reason = fields.Text(
        string="Reason for Level 3",
        readonly=True,
        help="The Audit Dept's reason for a company-wide circular.",
    )
    recurrence_finding_id = fields.Many2one(
        "scm.audit.finding",
        string="Earlier Finding",
        compute="_compute_recurrence",
        help="An earlier finding of the same rule against the same person this "
        "calendar year: the ladder proposes level 2 (AUD-ESC-01).",
    )
    proposed_level = fields.Selection(LEVELS, compute="_compute_recurrence")
    escalation_ids = fields.One2many(
        "scm.audit.escalation", "finding_id", string="Levels Given"
    )
    state = fields.Selection(
        STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    rectification_plan = fields.Text(string="Rectification Measures", readonly=True)
    rectification_due = fields.Date(
        string="Rectify By", readonly=True, tracking=True, index=True
    )
    rectification_by_id = fields.Many2one(
        "res.users", string="Plan Given By", readonly=True
    )
    rectification_date = fields.Datetime(string="Plan Given On", readonly=True)
    rectification_action_id = fields.Many2one(
        "mgmtsystem.action", string="Corrective Action", readonly=True
    )
    recheck_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        string="Re-check",
        readonly=True,
        tracking=True,
    )
    recheck_note = fields.Text(string="Re-check Findings", readonly=True)
    recheck_by_id = fields.Many2one("res.users", string="Re-checked By", readonly=True)
    recheck_date = fields.Datetime(string="Re-checked On", readonly=True)
    recheck_failed_count = fields.Integer(string="Failed Re-checks", readonly=True)
    rectification_late = fields.Boolean(
        compute="_compute_rectification_late",
        search="_search_rectification_late",
        help="Not closed by a passed re-check by the date the plan set.",
    )
    training_need_id = fields.Many2one("scm.training.need", readonly=True)

    _sql_constraints = [
        (
            "proposal_unique",
            "UNIQUE(proposal_id)",
            "A proposal of the work queue becomes one finding.",
        ),
    ]

    def init(self):
        result = super().init()
        # The findings' count and pivot (unit x level), with the columns the
        # record rules test: read from the index alone (issue 15).
        create_pivot_index(
            self,
            ("company_id", "level", "state", "audited_user_id", "manager_user_id"),
        )
        return result

    # -- computes ------------------------------------------------------------------
    @api.depends("rule_code")
    def _compute_chapter(self):
        for finding in self:
            code = (finding.rule_code or "").strip().upper()
            finding.chapter = code.split("-", 1)[0] if RULE_CODE.match(code) else False

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for finding in self:
            record = finding._scm_evidence()
            finding.res_name = record.sudo().display_name if record else False

    @api.depends("rule_code", "audited_user_id", "report_id.period", "state")
    def _compute_recurrence(self):
        for finding in self:
            earlier = finding._scm_earlier_findings()[:1]
            finding.recurrence_finding_id = earlier
            finding.proposed_level = "2" if earlier else "1"

    def _scm_earlier_findings(self):
        """Confirmed findings of the same rule against the same person in the
        same calendar year (AUD-ESC-01, read as the calendar year)."""
        self.ensure_one()
        if not (self.rule_code and self.audited_user_id):
            return self.browse()
        period = (
            self.period
            or self.report_id.sudo().period
            or fields.Date.context_today(self)
        )
        return (
            self.sudo()
            .search(
                [
                    ("id", "!=", self._origin.id or 0),
                    ("rule_code", "=", self.rule_code.strip().upper()),
                    ("audited_user_id", "=", self.audited_user_id.id),
                    ("state", "!=", "draft"),
                    ("period", ">=", period.replace(month=1, day=1)),
                    ("period", "<=", period.replace(month=12, day=31)),
                ],
                order="id",
            )
            .with_env(self.env)
        )

    def _compute_rectification_late(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.rectification_late = bool(
                finding.state == "planned"
                and finding.rectification_due
                and finding.rectification_due < today
            )

    def _search_rectification_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search late rectifications with = True."))
        domain = [
            ("state", "=", "planned"),
            ("rectification_due", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("name", "title")
    def _compute_display_name(self):
        for finding in self:
            number = finding.name if finding.name and finding.name != "/" else ""
            finding.display_name = " ".join(p for p in (number, finding.title) if p)

    def _scm_has_plan(self):
        self.ensure_one()
        return bool(self.rectification_plan and self.rectification_due)

    def _scm_evidence(self):
        self.ensure_one()
        if not self.res_model or not self.res_id or self.res_model not in self.env:
            return None
        return self.env[self.res_model].browse(self.res_id).exists() or None

    def _scm_company(self):
        return self.company_id

    # -- create / write ----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Report = self.env["scm.audit.report"]
        self._scm_check_auditor(_("write an audit finding"))
        self._scm_refuse_delegated(vals_list)
        units = []
        for vals in vals_list:
            report = Report.browse(vals.get("report_id"))
            if not report.exists():
                raise UserError(_("A finding belongs to an audit report."))
            if report.state != "draft" and not self.env.su:
                raise UserError(
                    _(
                        "%(doc)s was confirmed: add the finding to a new report.",
                        doc=report.display_name,
                    )
                )
            self._scm_normalise(vals)
            unit = {
                "company_id": report.company_id.id,
                "department_id": report.department_id.id,
                "manager_user_id": report.manager_user_id.id,
                "period": report.period,
            }
            units.append(unit)
            vals["nonconformity_id"] = self._scm_new_nonconformity(
                dict(vals, **unit)
            ).id
        findings = super().create(vals_list)
        for finding, unit in zip(findings, units, strict=True):
            finding._scm_step_write(unit)
            finding._scm_check_evidence()
        findings.report_id._scm_sync_audit()
        return findings

    @api.model
    def _scm_normalise(self, vals):
        if vals.get("rule_code"):
            vals["rule_code"] = vals["rule_code"].strip().upper()
            if not RULE_CODE.match(vals["rule_code"]):
                raise UserError(
                    _(
                        "%(code)s is not a rule ID of the manual (e.g. PRJ-TRK-05).",
                        code=vals["rule_code"],
                    )
                )
        if vals.get("level") == "3" and not self.env.su:
            raise UserError(
                _(
                    "Level 3 (company-wide circular) is given only by an Audit "
                    "decision with its reason: use Decide Level 3."
                )
            )

    def write(self, vals):
        self._scm_refuse_delegated([vals])
        if not self.env.su:
            self._scm_check_auditor(_("edit an audit finding"))
            chatter = self._scm_chatter_fields()
            if self.filtered(lambda f: f.state != "draft") and (vals.keys() - chatter):
                raise UserError(
                    _(
                        "A confirmed finding changes only through its steps: the "
                        "rectification plan, the re-check and the escalation."
                    )
                )
            if vals.keys() - chatter - DRAFT_FIELDS:
                raise UserError(
                    _("These values of a finding are set by its audit report.")
                )
            self._scm_normalise(vals)
        result = super().write(vals)
        if vals.keys() & DRAFT_FIELDS:
            for finding in self:
                finding._scm_check_evidence()
            self._scm_sync_nonconformity()
        if "audited_user_id" in vals:
            self.report_id._scm_sync_audit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for finding in self:
            if finding.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was confirmed: a finding is kept.",
                        doc=finding.display_name,
                    )
                )
        if not self.env.su:
            self._scm_check_auditor(_("delete a finding"))

    def unlink(self):
        nonconformities = self.nonconformity_id
        proposals = self.proposal_id
        result = super().unlink()
        nonconformities.sudo().unlink()
        # A proposal whose draft finding was deleted is back in the queue.
        proposals.sudo().write({"state": "proposed", "decided_by_id": False})
        return result

    def _scm_check_evidence(self):
        """The evidence is a record the auditor may read (AUD-GEN-06: the
        Audit Dept reads every contract, project, plan and service record)."""
        for finding in self:
            if not finding.res_model:
                continue
            if finding.res_model not in self.env:
                raise UserError(
                    _("%(model)s is not a kind of record.", model=finding.res_model)
                )
            record = finding._scm_evidence()
            if record is None:
                raise UserError(_("The evidence record does not exist."))
            if not self.env.su:
                try:
                    record.check_access("read")
                except AccessError as error:
                    raise AccessError(
                        _("The evidence must be a record you may read.")
                    ) from error

    # -- the management-system nonconformity behind the finding --------------------
    @api.model
    def _scm_severity(self, level):
        return self.env.ref(f"scm_audit.severity_level_{level}")

    def _scm_nonconformity_values(self, vals):
        company = self.env["res.company"].browse(vals.get("company_id"))
        person = self.env["res.users"].browse(vals.get("audited_user_id"))
        manager = self.env["res.users"].browse(vals.get("manager_user_id"))
        return {
            "name": vals.get("title"),
            "description": vals.get("description") or vals.get("title"),
            "partner_id": company.sudo().partner_id.id,
            "responsible_user_id": person.id,
            "manager_user_id": (manager or self.env.user).id,
            "user_id": self.env.user.id,
            "origin_ids": [
                (
                    6,
                    0,
                    self.env.ref(
                        "mgmtsystem_nonconformity.nc_origin_internal_audit"
                    ).ids,
                )
            ],
            "company_id": company.id,
            "res_model": vals.get("res_model") or False,
            "res_id": vals.get("res_id") or False,
            "severity_id": self._scm_severity(vals.get("level") or "1").id,
        }

    @api.model
    def _scm_new_nonconformity(self, vals):
        return (
            self.env["mgmtsystem.nonconformity"]
            .sudo()
            .create(self._scm_nonconformity_values(vals))
        )

    def _scm_sync_nonconformity(self):
        for finding in self:
            values = finding._scm_nonconformity_values(
                {
                    "title": finding.title,
                    "description": finding.description,
                    "company_id": finding.company_id.id,
                    "audited_user_id": finding.audited_user_id.id,
                    "manager_user_id": finding.manager_user_id.id,
                    "res_model": finding.res_model,
                    "res_id": finding.res_id,
                    "level": finding.level,
                }
            )
            values.pop("user_id")
            values.pop("origin_ids")
            finding.nonconformity_id.sudo().write(values)

    def _scm_set_nc_stage(self, xmlid, **values):
        stage = self.env.ref(f"mgmtsystem_nonconformity.{xmlid}")
        for finding in self:
            finding.nonconformity_id.sudo().write(dict(values, stage_id=stage.id))

    # -- confirmation (AUD-GEN-02, AUD-ESC-01) ---------------------------------------
    def _scm_check_complete(self):
        for finding in self:
            if not (finding.rule_code and finding.audited_user_id and finding.title):
                raise UserError(
                    _(
                        "%(doc)s needs the person involved and the rule violated.",
                        doc=finding.display_name,
                    )
                )

    def _scm_confirm(self):
        """The report is confirmed: the finding gets its number and its level
        (level 2 when the same person already had a finding of the same rule
        this year), goes into the month's assessment of the person and the
        audited manager, and the audited party owes a rectification plan."""
        for finding in self:
            level = max(finding.level, finding.proposed_level)
            finding._scm_step_write(
                {"state": "confirmed", "name": finding._scm_next_number()}
            )
            reason = finding.level_reason or ""
            if finding.recurrence_finding_id and level == "2" and finding.level == "1":
                reason = _(
                    "Recurrence of %(earlier)s (same rule, same person, this year).",
                    earlier=finding.recurrence_finding_id.display_name,
                )
            finding._scm_give_level(level, reason, first=True)
            finding._scm_ask_for_plan()

    def _scm_next_number(self):
        self.ensure_one()
        report = self.report_id
        index = report.finding_ids.sorted("id").ids.index(self.id) + 1
        return f"{report.name}-{index:02d}"

    def _scm_give_level(self, level, reason, first=False):
        """Record a level of the ladder on the finding: its escalation line,
        the person's assessment entry (AUD-ESC-01: every level counts) and,
        on the first level, the audited manager's entry (AUD-GEN-02). Level 3
        also sends the company-wide circular."""
        self.ensure_one()
        labels = dict(self._fields["level"]._description_selection(self.env))
        Entry = self.env["scm.assessment.entry"]
        description = _(
            "%(level)s: %(finding)s (rule %(rule)s)",
            level=labels[level],
            finding=self.title,
            rule=self.rule_code,
        )
        entries = Entry._scm_add(
            self.audited_user_id, "audit", description, -int(level), self
        )
        manager = self.manager_user_id
        if first and manager and manager != self.audited_user_id:
            entries |= Entry._scm_add(
                manager,
                "audit",
                _(
                    "Finding in the unit you manage: %(description)s",
                    description=description,
                ),
                -int(level),
                self,
            )
        self.sudo().write({"level": level})
        self.env["scm.audit.escalation"].sudo().create(
            {
                "finding_id": self.id,
                "level": level,
                "reason": reason or False,
                "decided_by_id": self.env.user.id,
                "assessment_entry_ids": [(6, 0, entries.ids)],
            }
        )
        self.nonconformity_id.sudo().severity_id = self._scm_severity(level)
        if level == "3":
            self._scm_send_circular(reason)
        self.message_post(
            body=Markup("<p>%s</p>") % description
            + (Markup("<p>%s</p>") % reason if reason else Markup())
        )

    def _scm_send_circular(self, reason):
        """Level 3: a circular to the whole company (AUD-ESC-01)."""
        self.ensure_one()
        everyone = (
            self.env["res.users"]
            .sudo()
            .search([("share", "=", False), ("active", "=", True)])
            .partner_id
        )
        body = Markup("<p>%s</p><p>%s</p>") % (
            _(
                "Company-wide circular of criticism: %(person)s, %(finding)s "
                "(rule %(rule)s).",
                person=self.audited_user_id.name,
                finding=self.title,
                rule=self.rule_code,
            ),
            reason,
        )
        self.env["scm.notice"]._scm_send(
            self,
            _("Company-wide circular: %(doc)s", doc=self.display_name),
            body,
            everyone,
        )

    def _scm_ask_for_plan(self):
        """The audited person owes a rectification plan (AUD-GEN-03)."""
        for finding in self:
            finding.sudo().activity_schedule(
                "scm_audit.mail_activity_type_rectification",
                date_deadline=fields.Date.context_today(finding),
                summary=_(
                    "Give the rectification plan of %(doc)s", doc=finding.display_name
                ),
                user_id=finding.audited_user_id.id,
            )

    # -- rectification (AUD-GEN-03) ------------------------------------------------
    def _scm_may_plan(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return user in (self.audited_user_id | self.manager_user_id)

    def action_scm_submit_rectification(self, plan, due):
        """The audited person (or the audited manager) gives the measures and
        the date by which they will be done (AUD-GEN-03)."""
        self.ensure_one()
        if not self._scm_may_plan():
            raise UserError(
                _(
                    "Only the person involved or the audited manager gives the "
                    "rectification plan of %(doc)s.",
                    doc=self.display_name,
                )
            )
        self._scm_check_stage(("confirmed",), _("given a rectification plan"))
        plan = (plan or "").strip()
        if not plan:
            raise UserError(_("Describe the rectification measures."))
        due = fields.Date.to_date(due) if due else None
        if not due:
            raise UserError(_("Set the date by which the rectification is done."))
        if due < fields.Date.context_today(self):
            raise UserError(_("The rectification date cannot be in the past."))
        action = (
            self.env["mgmtsystem.action"]
            .sudo()
            .create(
                {
                    "name": _("Rectification of %(doc)s", doc=self.display_name),
                    "type_action": "correction",
                    "user_id": self.audited_user_id.id,
                    "date_deadline": due,
                    "description": Markup("<p>%s</p>") % plan,
                    "company_id": self.company_id.id,
                    "tag_ids": [
                        (6, 0, self.env.ref("scm_audit.action_tag_rectification").ids)
                    ],
                }
            )
        )
        self.nonconformity_id.sudo().write({"action_ids": [(4, action.id)]})
        self._scm_step_write(
            {
                "state": "planned",
                "rectification_plan": plan,
                "rectification_due": due,
                "rectification_by_id": self.env.user.id,
                "rectification_date": fields.Datetime.now(),
                "rectification_action_id": action.id,
            }
        )
        self._scm_set_nc_stage("stage_open", action_comments=plan)
        self.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("scm_audit.mail_activity_type_rectification")
            )
        ).sudo().action_feedback(feedback=plan)
        # The re-check is owed by the lead auditor on the plan's date
        # (AUD-GEN-04): its activity shows that day.
        workday = self.env["scm.workday"]
        self._scm_deadline_open(
            RECHECK_CODE,
            _("Re-check the rectification of %(doc)s", doc=self.display_name),
            self.report_id.sudo().lead_auditor_id,
            0,
            unit="same_day",
            start=workday._end_of_day(due, self.company_id),
        )
        return True

    # -- re-check (AUD-GEN-04, AUD-ESC-01) -----------------------------------------
    def action_scm_recheck(self, result, note):
        """The Audit Dept re-checks at the plan's date: "passed" closes the
        finding; "failed" sends it back for a new plan and proposes the next
        level of the ladder in the work queue."""
        self.ensure_one()
        self._scm_check_auditor(_("re-check a finding"))
        self._scm_check_stage(("planned",), _("re-checked"))
        if result not in ("passed", "failed"):
            raise UserError(_("A re-check is passed or failed."))
        note = (note or "").strip()
        if not note:
            raise UserError(_("Write what the re-check found."))
        today = fields.Date.context_today(self)
        if today < self.rectification_due:
            raise UserError(
                _(
                    "The rectification of %(doc)s is due on %(due)s: re-check it "
                    "on that date or later (AUD-GEN-04).",
                    doc=self.display_name,
                    due=self.rectification_due,
                )
            )
        values = {
            "recheck_result": result,
            "recheck_note": note,
            "recheck_by_id": self.env.user.id,
            "recheck_date": fields.Datetime.now(),
        }
        self._scm_deadline_close(RECHECK_CODE, feedback=note)
        action = self.rectification_action_id.sudo()
        if result == "passed":
            action.write({"stage_id": self.env.ref("mgmtsystem_action.stage_close").id})
            self._scm_step_write(dict(values, state="closed"))
            self._scm_set_nc_stage("stage_done", evaluation_comments=note)
            return True
        action.write({"stage_id": self.env.ref("mgmtsystem_action.stage_cancel").id})
        self._scm_step_write(
            dict(
                values,
                state="confirmed",
                recheck_failed_count=self.recheck_failed_count + 1,
                rectification_plan=False,
                rectification_due=False,
                rectification_action_id=False,
            )
        )
        self.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (_("Re-check failed: the finding was not corrected."), note)
        )
        self.env["scm.audit.proposal"]._scm_propose_escalation(self, note)
        self._scm_ask_for_plan()
        return True

    # -- escalation (AUD-ESC-01) -----------------------------------------------------
    def _scm_escalate(self, level, reason):
        """Raise the finding to `level` (an Audit decision; level 3 needs a
        reason)."""
        self.ensure_one()
        self._scm_check_auditor(_("escalate a finding"))
        reason = (reason or "").strip()
        if level == "3" and not reason:
            raise UserError(
                _(
                    "Level 3 (company-wide circular) needs the Audit Dept's "
                    "reason (AUD-ESC-01)."
                )
            )
        if self.state == "draft" and level == "3":
            # Decided before the report is confirmed: given at confirmation.
            self.sudo().write({"level": "3", "level_reason": reason})
            return True
        if self.state in ("draft", "closed"):
            raise UserError(
                _(
                    "%(doc)s is %(stage)s: only a confirmed, open finding is "
                    "escalated.",
                    doc=self.display_name,
                    stage=self._scm_stage_label(),
                )
            )
        if level not in ("2", "3") or level <= self.level:
            raise UserError(
                _(
                    "%(doc)s is already at %(level)s: the ladder only goes up.",
                    doc=self.display_name,
                    level=dict(self._fields["level"]._description_selection(self.env))[
                        self.level
                    ],
                )
            )
        self._scm_give_level(level, reason)
        return True

    def action_scm_decide_level_three(self, reason):
        """The Audit Dept decides a company-wide circular, with its reason."""
        return self._scm_escalate("3", reason)

    # -- opened by another addon ------------------------------------------------------
    @api.model
    def _scm_open(
        self,
        record,
        person,
        rule_code,
        title,
        description,
        origin,
        level="1",
        reason=None,
        company=None,
        department=None,
    ):
        """Open a finding on `record` against `person` in the draft report of
        the month of the record's unit (the satisfaction survey's level-3
        finding, AUD-SAT-03). Audit Dept only."""
        self._scm_check_auditor(_("open a finding"))
        company = company or record.company_id
        report = self.env["scm.audit.report"]._scm_draft_for(company, department)
        finding = self.create(
            {
                "report_id": report.id,
                "title": title,
                "description": description,
                "rule_code": rule_code,
                "audited_user_id": person.id,
                "res_model": record._name,
                "res_id": record.id,
            }
        )
        finding._scm_step_write({"origin": origin})
        if level == "3":
            finding._scm_escalate("3", reason)
        elif level == "2":
            finding.write({"level": "2"})
        return finding

    # -- training need (AUD-GEN-05) --------------------------------------------------
    def action_scm_raise_training_need(self, description):
        self.ensure_one()
        self._scm_check_auditor(_("raise a training need"))
        if self.state == "draft":
            raise UserError(_("Confirm the report before raising training needs."))
        if self.training_need_id:
            raise UserError(
                _("%(doc)s already raised a training need.", doc=self.display_name)
            )
        unit = self.department_id or self.company_id
        need = self.env["scm.training.need"]._scm_raise(
            unit,
            description,
            source=self,
            name=_("Training after %(doc)s", doc=self.display_name),
        )
        self._scm_step_write({"training_need_id": need.id})
        return need

    # -- UI --------------------------------------------------------------------------
    def action_open_evidence(self):
        self.ensure_one()
        record = self._scm_evidence()
        if record is None:
            raise UserError(_("This finding names no evidence record."))
        return self._scm_form(record._name, record.id)

    def _scm_wizard(self, xmlid):
        self.ensure_one()
        return self._scm_window(xmlid, {"default_finding_id": self.id})

    def action_rectification_wizard(self):
        return self._scm_wizard("scm_audit.action_scm_audit_rectification_wizard")

    def action_recheck_wizard(self):
        return self._scm_wizard("scm_audit.action_scm_audit_recheck_wizard")

    def action_level_three_wizard(self):
        return self._scm_wizard("scm_audit.action_scm_audit_level_wizard")

    def action_training_need_wizard(self):
        return self._scm_wizard("scm_audit.action_scm_audit_training_need_wizard")
