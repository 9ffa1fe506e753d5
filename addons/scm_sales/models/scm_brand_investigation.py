from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ScmBrandInvestigation(models.Model):
    """A contact of the Brand Operation Center with the customer after the
    initiation plan, to learn its concrete intent (考察, SAL-BRAND-04)."""

    _name = "scm.brand.investigation"
    _description = "Brand Investigation Contact"
    _inherit = ["scm.step.guard.mixin"]
    _order = "date desc, id desc"

    plan_id = fields.Many2one(
        "scm.brand.plan",
        string="Initiation Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(
        related="plan_id.partner_id", string="Customer", store=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Branch", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users",
        string="Center Staff",
        required=True,
        default=lambda self: self.env.user,
    )
    contact_type = fields.Selection(
        [
            ("visit", "On-site Investigation"),
            ("meeting", "Meeting"),
            ("phone", "Phone"),
            ("other", "Other"),
        ],
        required=True,
        default="visit",
    )
    customer_contact = fields.Char(string="Customer Contact Person")
    summary = fields.Text(
        string="Customer's Concrete Intent",
        required=True,
        help="What the customer wants: product lines, brand positioning, "
        "budget, timing.",
    )

    @api.constrains("summary")
    def _check_summary(self):
        for contact in self:
            if not (contact.summary or "").strip():
                raise UserError(_("Write what was learned from the customer."))

    def _scm_check_center(self):
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("scm_base.group_brand_manager")
            or user.has_group("scm_base.group_brand_designer")
        ):
            raise AccessError(
                _("Only the Brand Operation Center logs investigation contacts.")
            )

    @api.depends("plan_id", "date", "contact_type")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " · ".join(
                str(part)
                for part in (
                    rec.plan_id.display_name,
                    rec.date and fields.Date.to_string(rec.date),
                    dict(
                        rec._fields["contact_type"]._description_selection(rec.env)
                    ).get(rec.contact_type),
                )
                if part
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_center()
        return super().create(vals_list)

    def write(self, vals):
        self._scm_check_center()
        return super().write(vals)
