from odoo import _, fields, models
from odoo.exceptions import UserError


class MgmtsystemAudit(models.Model):
    """OCA's audit, seen from the suite: an audit behind a 《稽核报告单》
    (scm.audit.report) closes only through the report's own step."""

    _inherit = "mgmtsystem.audit"

    scm_report_ids = fields.One2many(
        "scm.audit.report", "audit_id", string="Audit Report"
    )

    def _scm_refuse_suite_audits(self):
        if not self.env.su and self.sudo().filtered("scm_report_ids"):
            raise UserError(
                _(
                    "This audit is an audit report of the suite: it changes only "
                    "through the report's own steps."
                )
            )

    def button_close(self):
        self._scm_refuse_suite_audits()
        return super().button_close()

    def write(self, vals):
        self._scm_refuse_suite_audits()
        return super().write(vals)

    def unlink(self):
        self._scm_refuse_suite_audits()
        return super().unlink()
