from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class ScmSalesSupportRequest(models.Model):
    """A branch's request that MSD send staff to support a sale; the MSD
    Manager answers it with a Branch Sales Support Form (SAL-FOLLOW-03)."""

    _name = "scm.sales.support.request"
    _description = "Branch Sales Support Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    _order = "id desc"
    # The number, the requester and the answer are the steps' own.
    _scm_step_fields = ("name", "requested_by_id", "state")
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    requested_by_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", domain=[("is_company", "=", True)]
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity")
    reason = fields.Text(
        string="Support Needed",
        required=True,
        help="Which staff and skills the branch needs, and why.",
    )
    date_needed = fields.Date(string="Needed By")
    state = fields.Selection(
        [
            ("sent", "Sent to MSD"),
            ("answered", "Support Form Made"),
            ("declined", "Declined"),
        ],
        default="sent",
        required=True,
        readonly=True,
        tracking=True,
    )
    support_ids = fields.One2many(
        "scm.sales.support", "request_id", string="Support Forms", readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        for vals in vals_list:
            company_id = vals.get("company_id") or self.env.company.id
            if not isinstance(company_id, int):
                raise ValidationError(_("Choose the branch from the list."))
            company = self.env["res.company"].browse(company_id)
            if not self.env.su and not (
                user.has_group("scm_base.group_branch_manager")
                and user._scm_is_member_of_company(company)
            ):
                raise AccessError(
                    _("Only the branch manager asks MSD for sales support.")
                )
        requests = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for request in requests.filtered(lambda r: r.name == "/"):
            # The number is the system's, never the client's.
            request._scm_step_write(
                {"name": sequence.next_by_code("scm.sales.support.request") or "/"}
            )
        manager = self.env.ref("scm_base.dept_msd").sudo().manager_id.user_id
        if manager:
            for request in requests:
                request.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Answer the branch's support request"),
                    user_id=manager.id,
                )
        return requests

    def write(self, vals):
        if set(vals) - {"message_main_attachment_id"} and not self.env.su:
            for request in self:
                if request.state != "sent":
                    raise UserError(
                        _("%(doc)s was answered.", doc=request.display_name)
                    )
        return super().write(vals)

    def action_create_support(self):
        """The MSD Manager answers with a support form."""
        self.ensure_one()
        if not self.env.user.has_group("scm_base.group_msd_manager"):
            raise AccessError(_("Only the MSD Manager fills the support form."))
        if self.state != "sent":
            raise UserError(_("%(doc)s was answered.", doc=self.display_name))
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.sales.support",
            "view_mode": "form",
            "context": {
                "default_request_id": self.id,
                "default_company_id": self.company_id.id,
                "default_reason": self.reason,
                "default_partner_ids": self.partner_id.ids,
            },
        }

    def action_decline(self):
        if not self.env.user.has_group("scm_base.group_msd_manager"):
            raise AccessError(_("Only the MSD Manager answers support requests."))
        for request in self:
            if request.state != "sent":
                raise UserError(_("%(doc)s was answered.", doc=request.display_name))
            request.sudo().write({"state": "declined"})
            request.sudo().activity_feedback(["mail.mail_activity_data_todo"])
            self.env["scm.notice"]._scm_send(
                request,
                _("Support request %(doc)s declined", doc=request.name),
                _("MSD will not send staff for this request."),
                request.requested_by_id.partner_id,
            )
        return True
