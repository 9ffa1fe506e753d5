from odoo import _, api, fields, models
from odoo.exceptions import UserError

DEFAULT_BASIS = (
    "《稽查管理制度》、合同、《项目实施总体计划》、《需求工作计划表》、"
    "《软件工作计划表》、《质检工作计划表》、《项目实施进度计划表》、"
    "《业务运作流程》、《营销运作规范》、《实施运作规范》、《客户服务运作规范》"
)


class ScmAuditReport(models.Model):
    """《稽核报告单》, the Audit Report Form (FORMS.md 76; AUD-GEN-01..04).

    The Audit Dept audits one unit (a branch, or an HQ department) against
    the manual and writes its findings here. Confirming the report puts the
    findings into the current month's assessment of the audited manager and
    of each person involved (AUD-GEN-02); it closes once every finding has
    the audited party's rectification plan (AUD-GEN-03).

    The report extends OCA mgmtsystem_audit's audit by delegation
    (`_inherits`): the management system's audit list, auditors, auditees and
    nonconformities show the suite's audits too. Users never write the OCA
    audit: this model passes its values on by `sudo()` after its own checks,
    and the OCA audit's own close button is refused on a suite audit."""

    _name = "scm.audit.report"
    _description = "Audit Report"
    _inherits = {"mgmtsystem.audit": "audit_id"}
    # Our rules decide who sees a report; the OCA audit's rules mirror them
    # (scm_base ir.rule): not evaluated a second time on every list.
    _scm_rules_cover_inherits = True
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.stage.mixin",
        "scm.step.guard.mixin",
        "scm.audit.unit.mixin",
    ]
    _order = "period desc, id desc"
    _rec_names_search = ["name", "title"]
    _scm_stage_field = "state"
    _scm_step_fields = (
        "name",
        "manager_user_id",
        "confirmed_by_id",
        "confirmed_date",
        "closed_by_id",
        "closed_date",
    )

    audit_id = fields.Many2one(
        "mgmtsystem.audit",
        string="Management System Audit",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("closed", "Closed")],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    period = fields.Date(
        string="Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="The month whose assessment the findings go into (AUD-GEN-02).",
    )
    audit_date = fields.Date(
        string="Audited On", required=True, default=fields.Date.context_today
    )
    lead_auditor_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    scope = fields.Selection(
        [
            ("sc", "S&C Sales and Consulting"),
            ("secondary", "Secondary Sales and Consulting"),
            ("process", "Process Inspection"),
            ("collection", "Collection Check"),
            ("acceptance", "Stage Acceptance Check"),
        ],
        required=True,
        default="process",
        help="The audited business (AUD-GEN-06).",
    )
    basis = fields.Text(
        string="Audited Against",
        default=DEFAULT_BASIS,
        help="The documents the unit was audited against (AUD-GEN-06).",
    )
    summary = fields.Html(string="Audit Opinion")
    finding_ids = fields.One2many("scm.audit.finding", "report_id", string="Findings")
    finding_count = fields.Integer(compute="_compute_finding_counts")
    unplanned_count = fields.Integer(
        string="Findings Without a Plan", compute="_compute_finding_counts"
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_date = fields.Datetime(string="Closed On", readonly=True, copy=False)

    @api.depends("finding_ids.state", "finding_ids.rectification_due")
    def _compute_finding_counts(self):
        for report in self:
            findings = report.finding_ids
            report.finding_count = len(findings)
            report.unplanned_count = len(
                findings.filtered(lambda f: not f._scm_has_plan())
            )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for report in self:
            number = report.name if report.name and report.name != "/" else ""
            report.display_name = " ".join(p for p in (number, report.title) if p)

    # -- create / write ----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_auditor(_("write an audit report"))
        self._scm_refuse_delegated(vals_list)
        for vals in vals_list:
            vals.pop("name", None)
            vals.pop("manager_user_id", None)
            vals["audit_id"] = self._scm_new_audit(vals).id
        reports = super().create(vals_list)
        for report in reports:
            report._scm_check_unit()
            report._scm_step_write({"manager_user_id": report._scm_unit_manager().id})
            report._scm_sync_audit()
        return reports

    def write(self, vals):
        self._scm_refuse_delegated([vals])
        if not self.env.su:
            self._scm_check_auditor(_("edit an audit report"))
            if self.filtered(lambda r: r.state != "draft") and (
                vals.keys() - {"summary"} - self._scm_chatter_fields()
            ):
                raise UserError(
                    _(
                        "A confirmed audit report is a record of what was found: "
                        "only its audit opinion may still be completed."
                    )
                )
        result = super().write(vals)
        if vals.keys() & {"company_id", "department_id"}:
            for report in self:
                report._scm_check_unit()
                report._scm_step_write(
                    {"manager_user_id": report._scm_unit_manager().id}
                )
        if vals.keys() & {"title", "audit_date", "lead_auditor_id", "company_id"}:
            self._scm_sync_audit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for report in self:
            if report.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was confirmed: an audit report is kept.",
                        doc=report.display_name,
                    )
                )
            if not self.env.su:
                self._scm_check_auditor(_("delete an audit report"))

    def unlink(self):
        audits = self.audit_id
        self.finding_ids.unlink()
        result = super().unlink()
        audits.sudo().unlink()
        return result

    # -- the management-system audit behind the report ---------------------------
    @api.model
    def _scm_new_audit(self, vals):
        return (
            self.env["mgmtsystem.audit"]
            .sudo()
            .create(
                {
                    "name": vals.get("title") or _("Audit"),
                    "company_id": vals.get("company_id") or self.env.company.id,
                }
            )
        )

    def _scm_sync_audit(self):
        for report in self:
            findings = report.finding_ids
            report.audit_id.sudo().write(
                {
                    "name": report.title,
                    "date": fields.Datetime.to_datetime(report.audit_date),
                    "user_id": report.lead_auditor_id.id,
                    "auditor_user_ids": [(6, 0, report.lead_auditor_id.ids)],
                    "auditee_user_ids": [
                        (
                            6,
                            0,
                            (report.manager_user_id | findings.audited_user_id).ids,
                        )
                    ],
                    "nonconformity_ids": [(6, 0, findings.nonconformity_id.ids)],
                    "company_id": report.company_id.id,
                }
            )

    # -- steps ---------------------------------------------------------------------
    def action_confirm(self):
        """The Audit Dept confirms the report (AUD-GEN-01/02): each finding
        goes into the current month's assessment of its person and of the
        audited manager, and the audited party owes a rectification plan
        (AUD-GEN-03)."""
        self._scm_check_auditor(_("confirm an audit report"))
        for report in self:
            report._scm_check_stage(("draft",), _("confirmed"))
            if not report.finding_ids:
                raise UserError(
                    _(
                        "%(doc)s has no finding: add the findings before "
                        "confirming the report.",
                        doc=report.display_name,
                    )
                )
            report.finding_ids._scm_check_complete()
            report._scm_step_write(
                {
                    "state": "confirmed",
                    "confirmed_by_id": self.env.user.id,
                    "confirmed_date": fields.Datetime.now(),
                    "name": report._scm_next_number(),
                }
            )
            report.finding_ids.sorted("id")._scm_confirm()
            report._scm_sync_audit()
        return True

    def action_close(self):
        """The report closes once every finding has the audited party's
        rectification plan with its due date (AUD-GEN-03). Re-checks go on on
        the findings."""
        self._scm_check_auditor(_("close an audit report"))
        for report in self:
            report._scm_check_stage(("confirmed",), _("closed"))
            unplanned = report.finding_ids.filtered(lambda f: not f._scm_has_plan())
            if unplanned:
                raise UserError(
                    _(
                        "%(doc)s cannot close: the audited party has not given a "
                        "rectification plan with a due date for %(findings)s "
                        "(AUD-GEN-03).",
                        doc=report.display_name,
                        findings=", ".join(unplanned.mapped("display_name")),
                    )
                )
            report._scm_step_write(
                {
                    "state": "closed",
                    "closed_by_id": self.env.user.id,
                    "closed_date": fields.Datetime.now(),
                }
            )
            report.audit_id.sudo().button_close()
        return True

    def action_print(self):
        return self.env.ref("scm_audit.action_report_scm_audit_report").report_action(
            self
        )

    def _scm_next_number(self):
        self.ensure_one()
        company = self.company_id.sudo()
        code = company.scm_code or "HQ"
        year = self.period.year
        prefix = f"JH{code}-{year}-"
        return (
            self.env["scm.numbering"]
            .sudo()
            .next_number(prefix, prefix + "{serial}", document=self)
        )

    # -- helpers -----------------------------------------------------------------
    @api.model
    def _scm_draft_for(self, company, department=None, period=None):
        """The unit's draft report of the month, opened if there is none: a
        finding confirmed from the work queue or opened on a record joins
        it."""
        period = period or fields.Date.context_today(self).replace(day=1)
        department = department or self.env["hr.department"]
        report = self.search(
            [
                ("state", "=", "draft"),
                ("company_id", "=", company.id),
                ("department_id", "=", department.id or False),
                ("period", "=", period),
            ],
            limit=1,
        )
        if report:
            return report
        unit = department.name if department else company.name
        return self.create(
            {
                "title": _(
                    "%(unit)s audit %(month)s",
                    unit=unit,
                    month=period.strftime("%Y-%m"),
                ),
                "company_id": company.id,
                "department_id": department.id or False,
                "period": period,
            }
        )
