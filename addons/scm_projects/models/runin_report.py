from odoo import _, api, models
from odoo.exceptions import UserError

ACCEPTED_PHASES = ("accepted", "service", "closed")


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


class ReportRuninEnterpriseCertificate(models.AbstractModel):
    """《企业管理改造资质证书》: after the project's acceptance (PRJ-RUN-11)."""

    _name = "report.scm_projects.report_runin_enterprise_certificate"
    _description = "Enterprise Management Transformation Qualification Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        projects = self.env["project.project"].browse(docids)
        projects.check_access("read")
        for project in projects:
            if project.scm_phase not in ACCEPTED_PHASES:
                raise UserError(
                    _(
                        "%(project)s is not accepted yet: the qualification "
                        "certificate is awarded after acceptance (PRJ-RUN-11).",
                        project=project.display_name,
                    )
                )
        return {"doc_ids": docids, "doc_model": projects._name, "docs": projects}
