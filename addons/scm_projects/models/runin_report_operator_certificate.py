from odoo import api, models


class ReportRuninOperatorCertificate(models.AbstractModel):
    """《上岗证书》: only trainees who passed (PRJ-RUN-11)."""

    _name = "report.scm_projects.report_runin_operator_certificate"
    _description = "Operator Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        lines = self.env["scm.project.operator.assessment.line"].browse(docids)
        lines.check_access("read")
        lines._runin_check_certifiable()
        return {"doc_ids": docids, "doc_model": lines._name, "docs": lines}
