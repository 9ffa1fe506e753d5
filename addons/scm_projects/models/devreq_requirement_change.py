from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevRequirementChange(models.Model):
    """The 《客户需求变更确认单》 (SUP-REQ-01): every change to a
    customer-signed customer requirement report is recorded here, with the
    recorder and date and the customer's confirming signature and date;
    only a signed form rewrites the report."""

    _name = "scm.dev.requirement.change"
    _description = "Customer Requirement Change Confirmation"
    _inherit = [
        "mail.thread",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.stage.mixin",
    ]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = ("recorder_id", "record_date", "applied_by_id", "applied_date")

    report_id = fields.Many2one(
        "scm.dev.requirement.report",
        string="Requirement Report",
        required=True,
        index=True,
        ondelete="restrict",
    )
    project_id = fields.Many2one(
        related="report_id.project_id", store=True, readonly=True, required=False
    )
    name = fields.Char(string="Change", required=True)
    new_content = fields.Text(string="Requirements as Changed", required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signed", "Signed by the Customer"),
            ("applied", "Applied"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    recorder_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        readonly=True,
        default=lambda self: self.env.user,
    )
    record_date = fields.Date(
        string="Recorded On", readonly=True, default=fields.Date.context_today
    )
    applied_by_id = fields.Many2one("res.users", readonly=True)
    applied_date = fields.Datetime(string="Applied On", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for record in records:
                report = record.report_id
                report._devreq_check_branch(_("record a change of"))
                if not report.customer_signed:
                    raise UserError(
                        _(
                            "%(doc)s is not signed by the customer yet: change it "
                            "directly.",
                            doc=report.display_name,
                        )
                    )
        return records

    def write(self, vals):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("changed"))
            self.report_id._devreq_check_branch(_("change"))
            if "report_id" in vals:
                raise UserError(_("A change confirmation keeps its report."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("deleted"))
        return super().unlink()

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        self._scm_check_stage(("draft",), _("signed"))

    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self.report_id._devreq_check_branch(_("record the customer's signature on"))

    def _scm_on_customer_signed(self):
        self._scm_step_write({"state": "signed"})

    def action_devreq_apply(self):
        """The signed change rewrites the report's requirements; the report
        keeps the trace in its chatter."""
        for record in self:
            record._scm_check_stage(("signed",), _("applied"))
            report = record.report_id
            user = self.env.user
            if not (
                report._devreq_is_mrd(user)
                or report.project_id.sudo()._scm_is_branch_worker(user)
            ):
                raise UserError(
                    _(
                        "Only the project's branch or MRD may apply %(doc)s.",
                        doc=record.display_name,
                    )
                )
            report.sudo().write({"content": record.new_content})
            record._scm_step_write(
                {
                    "state": "applied",
                    "applied_by_id": user.id,
                    "applied_date": fields.Datetime.now(),
                }
            )
            report.sudo().message_post(
                body=_(
                    "Requirements changed by the customer-signed confirmation "
                    "%(change)s (signed by %(who)s on %(date)s, SUP-REQ-01).",
                    change=record.name,
                    who=record.customer_signatory,
                    date=record.customer_signed_date,
                )
            )
        return True
