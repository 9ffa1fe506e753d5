from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

MSD_GROUPS = (
    "scm_base.group_msd_manager",
    "scm_base.group_msd_presales",
    "scm_base.group_msd_channel",
    "scm_base.group_msd_product",
    "scm_base.group_msd_archivist",
)
# Editable while a draft; an issued advice is a record of what was said.
DRAFT_FIELDS = {
    "advice_type",
    "date",
    "crm_stage_id",
    "target_company_ids",
    "partner_ids",
    "subject",
    "content",
}


class ScmSalesAdvice(models.Model):
    """MSD's instructions to the branches. Guidance follows MSD's analysis of
    a branch's customer files (SAL-FOLLOW-01); the daily 《销售建议书》 is
    issued by the MSD Manager per sales stage (SAL-FOLLOW-02)."""

    _name = "scm.sales.advice"
    _description = "Sales Advice and Guidance"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    # The number, the author and the issue are the steps' own.
    _scm_step_fields = ("name", "author_id", "state", "issued_date", "day_id")
    _order = "date desc, id desc"
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    advice_type = fields.Selection(
        [("advice", "Sales Advice"), ("guidance", "Guidance")],
        string="Type",
        required=True,
        default="advice",
        tracking=True,
        help="Sales Advice (销售建议书): the MSD Manager's daily advice per sales "
        "stage. Guidance: MSD's instructions after analysing a branch.",
    )
    subject = fields.Char(required=True, tracking=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    author_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    crm_stage_id = fields.Many2one(
        "crm.stage",
        string="Sales Stage",
        tracking=True,
        help="The sales stage the advice is about.",
    )
    target_company_ids = fields.Many2many(
        "res.company",
        "scm_sales_advice_company_rel",
        "advice_id",
        "company_id",
        string="Branches",
        domain=[("scm_unit_type", "=", "branch")],
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Key and Difficult Customers",
        domain=[("is_company", "=", True)],
    )
    content = fields.Html(required=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env["res.company"]._scm_hq(),
    )
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    issued_date = fields.Datetime(string="Issued On", readonly=True, copy=False)
    day_id = fields.Many2one(
        "scm.sales.advice.day", string="Advice Day", readonly=True, copy=False
    )

    # -- authors -------------------------------------------------------------------
    def _scm_check_author(self, advice_type):
        user = self.env.user
        if advice_type == "advice":
            if not user.has_group("scm_base.group_msd_manager"):
                raise AccessError(_("Only the MSD Manager writes sales advice."))
        elif not any(user.has_group(group) for group in MSD_GROUPS):
            raise AccessError(_("Only the Market & Sales Dept gives branch guidance."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                self._scm_check_author(
                    vals.get("advice_type") or self._fields["advice_type"].default(self)
                )
        advices = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for advice in advices.filtered(lambda a: a.name == "/"):
            # The number is the system's, never the client's.
            advice._scm_step_write(
                {"name": sequence.next_by_code("scm.sales.advice") or "/"}
            )
        return advices

    def write(self, vals):
        if DRAFT_FIELDS & set(vals) and not self.env.su:
            for advice in self:
                if advice.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s was issued and cannot be changed.",
                            doc=advice.display_name,
                        )
                    )
                advice._scm_check_author(vals.get("advice_type", advice.advice_type))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(advice.state == "issued" for advice in self):
            raise UserError(_("An issued advice cannot be deleted."))

    # -- issue ---------------------------------------------------------------------
    def action_issue(self):
        """Send the advice to the branches in writing (SAL-FOLLOW-01/02)."""
        Day = self.env["scm.sales.advice.day"].sudo()
        for advice in self:
            advice._scm_check_author(advice.advice_type)
            if advice.state != "draft":
                raise UserError(
                    _("%(doc)s was already issued.", doc=advice.display_name)
                )
            if not advice.target_company_ids:
                raise UserError(_("Choose the branches the advice is addressed to."))
            if advice.advice_type == "advice" and not advice.crm_stage_id:
                raise UserError(_("A sales advice is given for a sales stage."))
            if not html2plaintext(advice.content or "").strip():
                raise UserError(_("Write the advice before issuing it."))
            today = fields.Date.context_today(advice)
            values = {
                "state": "issued",
                "issued_date": fields.Datetime.now(),
                "date": today,
            }
            if advice.advice_type == "advice":
                values["day_id"] = Day._scm_day(today).id
            advice._scm_step_write(values)
            managers = advice.target_company_ids.mapped("scm_manager_id")
            self.env["scm.notice"]._scm_send(
                advice,
                advice.subject,
                advice.content,
                managers.partner_id,
            )
        return True
