from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmSalesAreaReport(models.Model):
    """Progress the branch reports on its authorised area (SAL-TERR-02)."""

    _name = "scm.sales.area.report"
    _description = "Territory Progress Report"
    _inherit = ["scm.step.guard.mixin"]
    _order = "date desc, id desc"
    # The reporter is whoever reports.
    _scm_step_fields = ("user_id",)

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
            request_id = vals.get("request_id")
            if not isinstance(request_id, int) or isinstance(request_id, bool):
                raise ValidationError(
                    _("Choose the approved area request the progress is about.")
                )
            if Request.browse(request_id).state != "approved":
                raise UserError(
                    _("Progress is reported on an approved area request only.")
                )
        return super().create(vals_list)

    def write(self, vals):
        if "request_id" in vals and not self.env.su:
            raise UserError(
                _("A progress report stays with the area request it was made on.")
            )
        return super().write(vals)

    @api.depends("request_id", "date")
    def _compute_display_name(self):
        for report in self:
            report.display_name = " ".join(
                part
                for part in (
                    report.request_id.display_name,
                    report.date and fields.Date.to_string(report.date),
                )
                if part
            )
