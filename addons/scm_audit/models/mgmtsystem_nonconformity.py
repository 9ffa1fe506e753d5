from odoo import _, fields, models
from odoo.exceptions import UserError


class MgmtsystemNonconformity(models.Model):
    """OCA's nonconformity, seen from the suite: a nonconformity behind an
    audit finding (scm.audit.finding) moves only through the finding's steps
    (rectification plan, re-check), never through the management system's
    own stages."""

    _inherit = "mgmtsystem.nonconformity"

    scm_finding_ids = fields.One2many(
        "scm.audit.finding", "nonconformity_id", string="Audit Finding"
    )

    def _scm_refuse_suite_findings(self):
        if not self.env.su and self.sudo().filtered("scm_finding_ids"):
            raise UserError(
                _(
                    "This nonconformity is an audit finding of the suite: it "
                    "changes only through the finding's own steps."
                )
            )

    def write(self, vals):
        self._scm_refuse_suite_findings()
        return super().write(vals)

    def unlink(self):
        self._scm_refuse_suite_findings()
        return super().unlink()
