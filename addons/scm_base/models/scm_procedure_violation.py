from odoo import api, fields, models

from ..tools import document_company


class ScmProcedureViolation(models.Model):
    """An attempt that broke the operating procedure, for the Audit Dept
    (ORG-RULE-05, AUD-CTR-04)."""

    _name = "scm.procedure.violation"
    _description = "Procedure Violation"
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    res_name = fields.Char(string="Document", readonly=True)
    action = fields.Char(string="Attempted", readonly=True)
    reason = fields.Text(readonly=True)

    @api.model
    def _scm_log(self, document, action, reason):
        company = document_company(document)
        return self.sudo().create(
            {
                "user_id": self.env.user.id,
                "company_id": company.id,
                "res_model": document._name,
                "res_id": document.id,
                "res_name": document.display_name,
                "action": action,
                "reason": reason,
            }
        )
