from odoo import _, fields, models
from odoo.exceptions import UserError


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    scm_requires_signatures = fields.Boolean(
        string="Final Print",
        help="The document must carry all its required signatures before this "
        "report prints (ORG-RULE-05).",
    )

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        if report.scm_requires_signatures and res_ids:
            documents = self.env[report.model].browse(res_ids)
            unsigned = documents.filtered(lambda d: d._scm_missing_signatures())
            if unsigned:
                raise UserError(
                    _(
                        "%(docs)s cannot be printed as final: required signatures "
                        "are missing.",
                        docs=", ".join(unsigned.mapped("display_name")),
                    )
                )
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
