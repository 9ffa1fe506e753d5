from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from .devagr_document_mixin import SIDES

STAGES = [
    ("draft", "Draft"),
    ("review", "Lead Review"),
    ("argumentation", "Argumentation"),
    ("adjust", "Adjusted (Superseded)"),
    ("confirmed", "Confirmed"),
]
# PRJ-DEV-07: the five sections the report covers.
SECTIONS = (
    "business_flows",
    "document_flows",
    "document_content",
    "data_flows",
    "print_formats",
)
CONTENT_FIELDS = {"name", *SECTIONS}


class ScmDevAnalysis(models.Model):
    """《软件产品需求分析报告》 (PRJ-DEV-07, PRJ-DEV-08): written by the
    requirement team from the collected material, reviewed by the
    Requirement Project Lead, whose approval sends one copy each to MRD, QC
    and Software for the three-party argumentation (论证). Each side signs
    or objects; an objection supersedes the version and opens the next one
    (its text copied) for adjustment; the report is confirmed when the
    three sides have signed the same version, and is then handed to the
    Software and QC Depts as the basis of development and QC.

    Every version is its own record: earlier versions stay read-only.
    Readable only by the project team, MRD, Software, QC and Audit, and by
    whom the PM grants it (SUP-REQ-03, `granted_user_ids`)."""

    _name = "scm.dev.analysis"
    _description = "Software Product Requirement Analysis Report"
    _inherit = ["scm.devagr.document.mixin"]
    _order = "work_id, version desc, id desc"
    _scm_step_fields = (
        "version",
        "previous_id",
        "approved_by_id",
        "approved_date",
        "objection_side",
        "objection_reason",
        "objected_by_id",
        "objected_date",
        "confirmed_date",
        "granted_user_ids",
    )

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: _("Requirement Analysis Report"),
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "scm.dev.analysis", string="Previous Version", readonly=True, copy=False
    )
    author_id = fields.Many2one(
        "res.users",
        string="Written By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    business_flows = fields.Html()
    document_flows = fields.Html()
    document_content = fields.Html(
        help="The content of each document, queries included.",
    )
    data_flows = fields.Html(string="Data-flow Relations")
    print_formats = fields.Html()
    source_summary = fields.Text(
        string="Requirement Sources",
        compute="_compute_source_summary",
        help="The requirement documents this report is written from.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    objection_side = fields.Selection(SIDES, readonly=True, copy=False)
    objection_reason = fields.Text(readonly=True, copy=False)
    objected_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    objected_date = fields.Datetime(string="Objected On", readonly=True, copy=False)
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    granted_user_ids = fields.Many2many(
        "res.users",
        "scm_dev_analysis_granted_rel",
        "analysis_id",
        "user_id",
        string="Readers Granted by the PM",
        readonly=True,
        copy=False,
        help="People outside the listed readers whom the PM allowed in "
        "writing to read the report (SUP-REQ-03).",
    )

    _sql_constraints = [
        (
            "version_unique",
            "UNIQUE(work_id, version)",
            "A development has one analysis report of each version.",
        )
    ]

    @api.depends("name", "version")
    def _compute_display_name(self):
        for report in self:
            report.display_name = _(
                "%(name)s v%(version)s", name=report.name or "", version=report.version
            )

    def _compute_source_summary(self):
        for report in self:
            sources = report.work_id.sudo()._scm_requirement_sources()
            report.source_summary = (
                "\n".join(
                    record.display_name
                    for records in sources.values()
                    for record in records
                )
                or False
            )

    # -- writing ---------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                work = self.env["scm.dev.work"].browse(vals.get("work_id")).sudo()
                work._scm_check_stage(
                    ("analysis", "argumentation"),
                    _("given a requirement analysis report"),
                )
                self._devagr_check_side(
                    "requirements", _("write the requirement analysis report of"), work
                )
                live = self.sudo().search_count(
                    [
                        ("work_id", "=", work.id),
                        (
                            "stage",
                            "in",
                            ("draft", "review", "argumentation", "confirmed"),
                        ),
                    ]
                )
                if live:
                    raise UserError(
                        _(
                            "%(work)s already has a requirement analysis report in "
                            "progress: adjust it through the argumentation, which "
                            "opens each new version.",
                            work=work.display_name,
                        )
                    )
        reports = super().create(vals_list)
        for report in reports:
            if not report.previous_id:
                latest = self.sudo().search(
                    [("work_id", "=", report.work_id.id), ("id", "!=", report.id)],
                    order="version desc",
                    limit=1,
                )
                report.sudo().write({"version": latest.version + 1 if latest else 1})
        return reports

    def write(self, vals):
        if not self.env.su:
            # who may not write it at all hears so first
            self.check_access("write")
        if not self.env.su and vals.keys() & CONTENT_FIELDS:
            for report in self:
                report._scm_check_stage(("draft",), _("changed"))
                report._devagr_check_side("requirements", _("write"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_first_draft(self):
        for report in self:
            if report.stage != "draft" or report.previous_id:
                raise UserError(
                    _(
                        "%(doc)s is part of the report's history and cannot be "
                        "deleted.",
                        doc=report.display_name,
                    )
                )

    # -- review by the lead ---------------------------------------------------------
    def _devagr_check_sections(self):
        labels = [
            self._fields[name]._description_string(self.env)
            for name in SECTIONS
            if not html2plaintext(self[name] or "").strip()
        ]
        if labels:
            raise UserError(
                _(
                    "%(doc)s cannot be submitted without its sections: %(fields)s "
                    "(PRJ-DEV-07).",
                    doc=self.display_name,
                    fields=", ".join(labels),
                )
            )

    def _devagr_check_blockers(self):
        blockers = self.work_id.sudo()._scm_analysis_blockers()
        if blockers:
            raise UserError(
                _(
                    "The requirement analysis of %(work)s cannot go on yet: "
                    "%(blockers)s",
                    work=self.work_id.sudo().display_name,
                    blockers="; ".join(blockers),
                )
            )

    def action_submit(self):
        """The author hands the report to the Requirement Project Lead."""
        for report in self:
            report._scm_check_stage(("draft",), _("submitted"))
            report._devagr_check_side("requirements", _("submit"))
            report._devagr_check_sections()
            report._devagr_check_blockers()
            report._scm_step_write({"stage": "review"})
            lead = report.work_id.sudo().requirement_lead_id
            if lead:
                report.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Review %(doc)s", doc=report.display_name),
                    user_id=lead.id,
                )
        return True

    def action_return(self, reason):
        """The lead sends the report back to its author."""
        self.ensure_one()
        self._scm_check_stage(("review",), _("returned"))
        self._devagr_check_requirement_lead(_("return"))
        if not (reason or "").strip():
            raise UserError(_("Say what must be changed."))
        self._scm_step_write({"stage": "draft"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self.message_post(body=_("Returned for changes: %(reason)s", reason=reason))
        return True

    def action_approve(self):
        """PRJ-DEV-07: the lead approves; requirements, QC and software get
        one copy each and the three-party argumentation starts (PRJ-DEV-08)."""
        for report in self:
            report._scm_check_stage(("review",), _("approved"))
            report._devagr_check_requirement_lead(_("approve"))
            report._devagr_check_sections()
            report._devagr_check_blockers()
            report._devagr_move_work(
                ("analysis", "argumentation"), "argumentation", _("argued")
            )
            report._scm_step_write(
                {
                    "stage": "argumentation",
                    "approved_by_id": self.env.user.id,
                    "approved_date": fields.Datetime.now(),
                }
            )
            report.activity_unlink(["mail.mail_activity_data_todo"])
            report._devagr_unit_copies(("requirements", "qc", "software"))
            report._scm_signature_prepare()
        return True

    # -- argumentation -----------------------------------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": side,
                "name": label,
                "required_user_id": self._devagr_side_signer(side).id,
            }
            for side, label in (
                ("requirements", _("Requirements")),
                ("software", _("Software")),
                ("qc", _("Quality Check")),
            )
        ]

    def action_scm_sign(self, slot):
        self.ensure_one()
        self._scm_check_stage(("argumentation",), _("signed"))
        result = super().action_scm_sign(slot)
        if not self._scm_missing_signatures():
            self._devagr_confirm()
        return result

    def action_sign_requirements(self):
        return self.action_scm_sign("requirements")

    def action_sign_software(self):
        return self.action_scm_sign("software")

    def action_sign_qc(self):
        return self.action_scm_sign("qc")

    def _devagr_confirm(self):
        """PRJ-DEV-08: all three sides signed this version: the requirements
        are confirmed and handed to the Software and QC Depts."""
        self._devagr_move_work(("argumentation",), "confirmed", _("confirmed"))
        self._scm_step_write(
            {"stage": "confirmed", "confirmed_date": fields.Datetime.now()}
        )
        self._devagr_unit_copies(("software", "qc"))

    def _devagr_objecting_side(self, user):
        for signature in self.sudo().scm_signature_ids:
            if signature._may_sign(user)[0]:
                return signature.slot
        return False

    def action_object(self, reason):
        """A side objects (with its reason): this version is superseded and
        the next one, its text copied, goes back to the requirement team
        for adjustment; argumentation starts again on it."""
        self.ensure_one()
        self._scm_check_stage(("argumentation",), _("objected to"))
        self._scm_signature_prepare()
        side = self._devagr_objecting_side(self.env.user)
        if not side:
            raise UserError(
                _(
                    "Only the requirement, software and QC participants of the "
                    "argumentation may object to %(doc)s.",
                    doc=self.display_name,
                )
            )
        if not (reason or "").strip():
            raise UserError(_("An objection needs its reason."))
        self._scm_step_write(
            {
                "stage": "adjust",
                "objection_side": side,
                "objection_reason": reason,
                "objected_by_id": self.env.user.id,
                "objected_date": fields.Datetime.now(),
            }
        )
        pending = self.sudo().scm_signature_ids.filtered(lambda s: s.state == "pending")
        pending.activity_id.filtered("active").unlink()
        work = self.work_id.sudo()
        new = self.sudo().create(
            {
                "work_id": work.id,
                "name": self.name,
                "previous_id": self.id,
                "version": self.version + 1,
                "author_id": self.author_id.id,
                "granted_user_ids": [(6, 0, self.granted_user_ids.ids)],
                **{name: self[name] for name in SECTIONS},
            }
        )
        self.message_post(
            body=_(
                "Objection by %(side)s (%(user)s): %(reason)s. Adjusted in %(new)s.",
                side=dict(SIDES)[side],
                user=self.env.user.name,
                reason=reason,
                new=new.display_name,
            )
        )
        author = work.requirement_lead_id or self.author_id
        if author:
            new.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Adjust %(doc)s", doc=new.display_name),
                user_id=author.id,
            )
        return new

    def action_open_objection(self):
        return self.env["scm.devagr.reason.wizard"]._devagr_open(self, "object")

    def action_open_return(self):
        return self.env["scm.devagr.reason.wizard"]._devagr_open(self, "return")

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_dev_analysis"
        ).report_action(self)
