from odoo import _, api, fields, models
from odoo.exceptions import UserError

STAGES = [("draft", "Testing"), ("done", "Reported")]
RESULTS = [("pass", "Passed"), ("fail", "Failed")]
CONTENT_FIELDS = {
    "name",
    "test_date",
    "result",
    "findings",
    "qc_report_attachment_ids",
    "user_manual_attachment_ids",
}


class ScmDevQcReport(models.Model):
    """《软件产品质检报告》 and 《软件产品使用说明书》 (PRJ-DEV-14): once the
    Software Dept has developed under the agreement, the QC Dept tests
    against the requirement analysis report and the confirmed system
    analysis report provided to it (PRJ-DEV-09; no testing without it),
    issues its report with the user manual, and reports the result to MRD
    through the execution status sheet."""

    _name = "scm.dev.qc.report"
    _description = "Software Product QC Report"
    _inherit = ["scm.devagr.document.mixin"]
    _order = "id desc"
    _scm_step_fields = ("analysis_id", "system_analysis_id", "done_date", "done_by_id")

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: _("Software Product QC Report"),
    )
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    agreement_id = fields.Many2one(
        "scm.dev.agreement",
        compute="_compute_agreement_id",
        store=True,
    )
    analysis_id = fields.Many2one(
        "scm.dev.analysis", string="Requirement Analysis Report", readonly=True
    )
    system_analysis_id = fields.Many2one(
        "scm.dev.system.analysis", string="System Analysis Report", readonly=True
    )
    test_date = fields.Date(string="Tested On", default=fields.Date.context_today)
    result = fields.Selection(RESULTS, tracking=True)
    findings = fields.Html()
    qc_report_attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_dev_qc_report_file_rel",
        "report_id",
        "attachment_id",
        string="QC Report File",
    )
    user_manual_attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_dev_qc_report_manual_rel",
        "report_id",
        "attachment_id",
        string="User Manual",
        help="《软件产品使用说明书》 written by the QC Dept.",
    )
    done_date = fields.Datetime(string="Reported On", readonly=True, copy=False)
    done_by_id = fields.Many2one(
        "res.users", string="Reported By", readonly=True, copy=False
    )

    @api.depends("work_id")
    def _compute_agreement_id(self):
        for report in self:
            report.agreement_id = (
                self.env["scm.dev.agreement"]
                .sudo()
                .search(
                    [("work_id", "=", report.work_id.id), ("stage", "=", "signed")],
                    limit=1,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                work = self.env["scm.dev.work"].browse(vals.get("work_id")).sudo()
                self._devagr_check_side("qc", _("test the software of"), work)
                if not self._devagr_system_analysis(work):
                    raise UserError(
                        _(
                            "QC of %(work)s cannot start: its system analysis report "
                            "is not confirmed and provided to the QC Dept yet "
                            "(PRJ-DEV-09).",
                            work=work.display_name,
                        )
                    )
                work._scm_check_stage(("developing", "qc"), _("tested"))
        reports = super().create(vals_list)
        for report in reports:
            work = report.work_id.sudo()
            report.sudo().write(
                {
                    "system_analysis_id": self._devagr_system_analysis(work).id,
                    "analysis_id": self.env["scm.dev.analysis"]
                    .sudo()
                    .search(
                        [("work_id", "=", work.id), ("stage", "=", "confirmed")],
                        order="version desc",
                        limit=1,
                    )
                    .id,
                }
            )
        return reports

    @api.model
    def _devagr_system_analysis(self, work):
        return (
            self.env["scm.dev.system.analysis"]
            .sudo()
            .search([("work_id", "=", work.id), ("stage", "=", "confirmed")], limit=1)
        )

    def write(self, vals):
        if not self.env.su:
            # who may not write it at all hears so first
            self.check_access("write")
        if not self.env.su and vals.keys() & CONTENT_FIELDS:
            for report in self:
                report._scm_check_stage(("draft",), _("changed"))
                report._devagr_check_side("qc", _("write"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    def action_complete(self):
        """PRJ-DEV-14: the QC report and the user manual attached, the result
        goes to the execution status sheet and the development is in QC."""
        for report in self:
            report._scm_check_stage(("draft",), _("reported"))
            report._devagr_check_side("qc", _("report"))
            missing = []
            if not report.result:
                missing.append(report._fields["result"]._description_string(self.env))
            if not report.qc_report_attachment_ids:
                missing.append(_("the QC report file"))
            if not report.user_manual_attachment_ids:
                missing.append(_("the user manual"))
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot be reported without %(missing)s (PRJ-DEV-14).",
                        doc=report.display_name,
                        missing=", ".join(missing),
                    )
                )
            report._devagr_move_work(("developing", "qc"), "qc", _("quality checked"))
            report._scm_step_write(
                {
                    "stage": "done",
                    "done_date": fields.Datetime.now(),
                    "done_by_id": self.env.user.id,
                }
            )
            sheet = report.agreement_id.sudo().execution_ids[:1]
            if sheet:
                sheet.write(
                    {
                        "qc_date": report.test_date
                        or fields.Date.context_today(report),
                        "qc_result": report.result,
                    }
                )
            report._devagr_unit_copies(("requirements",))
        return True

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_dev_qc_report"
        ).report_action(self)
