from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmSalesAreaReport(models.Model):
    """Progress the branch reports on its authorised area (SAL-TERR-02)."""

    _name = "scm.sales.area.report"
    _description = "Territory Progress Report"
    _order = "date desc, id desc"

    request_id = fields.Many2one(
        "scm.sales.area.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, string="Branch"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Reported By", default=lambda s: s.env.user, readonly=True
    )
    summary = fields.Text(string="Progress", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        Request = self.env["scm.sales.area.request"]
        for vals in vals_list:
            if Request.browse(vals.get("request_id")).state != "approved":
                raise UserError(
                    _("Progress is reported on an approved area request only.")
                )
        return super().create(vals_list)
