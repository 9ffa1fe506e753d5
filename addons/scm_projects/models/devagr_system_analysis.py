from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

STAGES = [
    ("draft", "Draft"),
    ("submitted", "To Confirm"),
    ("confirmed", "Confirmed and Provided to QC"),
]
CONTENT_FIELDS = {"name", "content"}


class ScmDevSystemAnalysis(models.Model):
    """《软件产品系统分析报告》 (PRJ-DEV-09): the Software Dept writes it from
    the confirmed requirement analysis; the Requirement Project Lead
    confirms it or sends it back for adjustment (each return a new
    revision); once confirmed it is provided to the QC Dept, which tests
    against it (PRJ-DEV-14). As confidential as the requirement analysis
    report (SUP-REQ-03)."""

    _name = "scm.dev.system.analysis"
    _description = "Software System Analysis Report"
    _inherit = ["scm.devagr.document.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "revision",
        "return_reason",
        "confirmed_by_id",
        "confirmed_date",
        "granted_user_ids",
    )

    name = fields.Char(
        required=True, tracking=True, default=lambda self: _("System Analysis Report")
    )
    revision = fields.Integer(default=1, readonly=True, copy=False)
    author_id = fields.Many2one(
        "res.users",
        string="Written By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    content = fields.Html(string="System Analysis")
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    return_reason = fields.Text(
        string="Last Adjustment Asked", readonly=True, copy=False
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    granted_user_ids = fields.Many2many(
        "res.users",
        "scm_dev_system_analysis_granted_rel",
        "report_id",
        "user_id",
        string="Readers Granted by the PM",
        readonly=True,
        copy=False,
    )

    @api.depends("name", "revision")
    def _compute_display_name(self):
        for report in self:
            report.display_name = _(
                "%(name)s r%(revision)s",
                name=report.name or "",
                revision=report.revision,
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                work = self.env["scm.dev.work"].browse(vals.get("work_id")).sudo()
                work._scm_check_stage(
                    ("confirmed",), _("given a system analysis report")
                )
                self._devagr_check_side(
                    "software", _("write the system analysis report of"), work
                )
                if self.sudo().search_count([("work_id", "=", work.id)]):
                    raise UserError(
                        _(
                            "%(work)s already has its system analysis report.",
                            work=work.display_name,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # who may not write it at all hears so first
            self.check_access("write")
        if not self.env.su and vals.keys() & CONTENT_FIELDS:
            for report in self:
                report._scm_check_stage(("draft",), _("changed"))
                report._devagr_check_side("software", _("write"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    def action_submit(self):
        for report in self:
            report._scm_check_stage(("draft",), _("submitted"))
            report._devagr_check_side("software", _("submit"))
            if not html2plaintext(report.content or "").strip():
                raise UserError(
                    _("%(doc)s has no content yet.", doc=report.display_name)
                )
            report._scm_step_write({"stage": "submitted"})
        return True

    def action_return(self, reason):
        """Not confirmed: back to the Software Dept for adjustment."""
        self.ensure_one()
        self._scm_check_stage(("submitted",), _("returned"))
        self._devagr_check_requirement_lead(_("return"))
        if not (reason or "").strip():
            raise UserError(_("Say what must be adjusted."))
        self._scm_step_write(
            {"stage": "draft", "revision": self.revision + 1, "return_reason": reason}
        )
        self.message_post(body=_("Sent back for adjustment: %(reason)s", reason=reason))
        return True

    def action_confirm(self):
        """Confirmed by the Requirement Project Lead and provided to QC."""
        for report in self:
            report._scm_check_stage(("submitted",), _("confirmed"))
            report._devagr_check_requirement_lead(_("confirm"))
            report._devagr_move_work(
                ("confirmed",), "system_analysis", _("given its system analysis")
            )
            report._scm_step_write(
                {
                    "stage": "confirmed",
                    "confirmed_by_id": self.env.user.id,
                    "confirmed_date": fields.Datetime.now(),
                }
            )
            report._devagr_unit_copies(("qc",))
        return True

    def action_open_return(self):
        return self.env["scm.devagr.reason.wizard"]._devagr_open(self, "return")
