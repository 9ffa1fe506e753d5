from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmSalesAreaRequest(models.Model):
    """A branch's request to work outside its territory: an HQ open area with
    its marketing operation plan (SAL-TERR-02), or named customers of another
    territory (SAL-TERR-01). HQ MSD approves; the branch then reports progress."""

    _name = "scm.sales.area.request"
    _description = "Territory Authorisation Request"
    _inherit = ["scm.approval.mixin", "mail.thread"]
    _order = "id desc"
    # The number and the requester (state: the mixin).
    _scm_step_fields = ("name", "user_id")

    name = fields.Char(
        string="Reference",
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda s: s.env.company,
        domain=[("parent_id", "!=", False)],
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Requested By", default=lambda s: s.env.user, readonly=True
    )
    state_ids = fields.Many2many("res.country.state", string="Provinces", tracking=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain=[("scm_is_customer", "=", True)],
    )
    marketing_plan = fields.Html(
        string="Marketing Operation Plan",
        help="The branch's specific marketing operation plan for the area.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Plan Documents")
    date_from = fields.Date(string="From", default=fields.Date.context_today)
    date_to = fields.Date(string="Until")
    report_ids = fields.One2many(
        "scm.sales.area.report", "request_id", string="Progress Reports"
    )
    report_count = fields.Integer(compute="_compute_report_count")

    @api.depends("report_ids")
    def _compute_report_count(self):
        for request in self:
            request.report_count = len(request.report_ids)

    @api.model_create_multi
    def create(self, vals_list):
        new = {"New", _("New")}
        for vals in vals_list:
            if vals.get("name") in new:
                del vals["name"]
        requests = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for request in requests.filtered(lambda r: not r.name or r.name in new):
            # The number is the system's, never the client's.
            request._scm_step_write(
                {"name": sequence.next_by_code("scm.sales.area.request") or _("New")}
            )
        return requests

    @api.constrains("state_ids", "partner_ids", "company_id")
    def _check_scope(self):
        for request in self:
            if not request.state_ids and not request.partner_ids:
                raise ValidationError(
                    _("Name the provinces or the customers the request is for.")
                )
            if request.company_id in request.state_ids.mapped("scm_branch_id"):
                raise ValidationError(
                    _(
                        "%(branch)s already works its own provinces.",
                        branch=request.company_id.name,
                    )
                )

    def _scm_approval_check_submit(self):
        for request in self:
            if not request.company_id.parent_id:
                raise UserError(_("Only a branch requests a territory authorisation."))
            if not self.env.user._scm_is_member_of_company(request.company_id):
                raise UserError(_("Only the branch itself submits its request."))
            plan_text = request.marketing_plan and request.marketing_plan.strip()
            if request.state_ids and not (plan_text or request.attachment_ids):
                raise UserError(
                    _(
                        "Attach the marketing operation plan for the area before "
                        "applying to HQ (SAL-TERR-02)."
                    )
                )

    def action_scm_add_report(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Progress Report"),
            "res_model": "scm.sales.area.report",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def action_view_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_sales.action_scm_sales_area_report"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {"default_request_id": self.id}
        return action
