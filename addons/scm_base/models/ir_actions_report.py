import functools
import subprocess

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def _wkhtmltopdf_takes_several_documents():
    """Only wkhtmltopdf built on its patched Qt prints several input documents
    in one run; Debian's package is not, and fails on a multi-record print."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return "patched qt" in version.lower()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    scm_requires_signatures = fields.Boolean(
        string="Final Print",
        help="The document must carry all its required signatures before this "
        "report prints (ORG-RULE-05).",
    )

    def _get_rendering_context(self, report, docids, data):
        """A suite document prints whole for whoever may read it.

        A printout shows the document's customer, branch and units, which the
        person whose job is to print it (an HQ office for a branch's
        contract, a branch for an HQ notice) may not read on their own under
        the branch and customer-confidentiality rules, or with only some
        companies active in the switcher. The document itself is checked as
        the user; what it shows is then read as the document."""
        data = super()._get_rendering_context(report, docids, data)
        docs = data.get("docs")
        if (
            isinstance(docs, models.BaseModel)
            and docs._name.startswith("scm.")
            and not docs.env.su
        ):
            docs.check_access("read")
            data["docs"] = docs.sudo()
        return data

    def _render_qweb_html(self, report_ref, docids, data=None):
        # The PDF is rendered from this HTML, and /report/html serves it
        # directly: one check covers both.
        self._scm_check_final_signatures(report_ref, docids)
        return super()._render_qweb_html(report_ref, docids, data=data)

    def _scm_check_final_signatures(self, report_ref, res_ids):
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

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        kwargs = {
            "header": header,
            "footer": footer,
            "landscape": landscape,
            "specific_paperformat_args": specific_paperformat_args,
            "set_viewport_size": set_viewport_size,
        }
        if len(bodies) > 1 and not _wkhtmltopdf_takes_several_documents():
            # One run per document, merged: printing a selection of records
            # then works with any wkhtmltopdf build.
            return pdf.merge_pdf(
                [
                    super(IrActionsReport, self)._run_wkhtmltopdf(
                        [body], report_ref=report_ref, **kwargs
                    )
                    for body in bodies
                ]
            )
        return super()._run_wkhtmltopdf(bodies, report_ref=report_ref, **kwargs)
