from odoo import _, api, models
from odoo.exceptions import UserError

ACCEPTED_PHASES = ("accepted", "service", "closed")


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
