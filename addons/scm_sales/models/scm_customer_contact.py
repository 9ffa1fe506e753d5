from odoo import _, api, fields, models
from odoo.exceptions import UserError

CONTACT_TYPES = [
    ("meeting", "Face-to-face Meeting"),
    ("phone", "Phone Call"),
    ("material", "Material Sent"),
]
# SAL-VISIT-01: the telephone only confirms, books or invites; there is
# deliberately no cold-sale channel.
CONTACT_CHANNELS = [
    ("fax", "Fax"),
    ("email", "Email"),
    ("post", "Post"),
    ("website", "Website Link"),
    ("phone_confirm", "Phone: Confirm Receipt"),
    ("phone_appointment", "Phone: Book a Meeting"),
    ("phone_invitation", "Phone: Seminar or Roadshow Invitation"),
    ("visit", "Visit"),
]


class ScmCustomerContact(models.Model):
    """Each face-to-face or phone contact with a customer (SAL-CUST-08)."""

    _name = "scm.customer.contact"
    _description = "Customer Contact Log"
    _inherit = ["scm.step.guard.mixin"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("scm_is_customer", "=", True)],
    )
    company_id = fields.Many2one(
        related="partner_id.company_id", store=True, string="Branch"
    )
    user_id = fields.Many2one(
        "res.users", string="Contacted By", required=True, default=lambda s: s.env.user
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    contact_type = fields.Selection(CONTACT_TYPES, string="Type", required=True)
    channel = fields.Selection(CONTACT_CHANNELS, required=True)
    contact_name = fields.Char(string="Customer Contact")
    material_ids = fields.Many2many("scm.sales.material", string="Materials Sent")
    summary = fields.Text(required=True)

    @api.depends("partner_id", "date", "contact_type")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " · ".join(
                str(part)
                for part in (
                    rec.partner_id.display_name,
                    rec.date and fields.Datetime.to_string(rec.date)[:10],
                    dict(
                        rec._fields["contact_type"]._description_selection(rec.env)
                    ).get(rec.contact_type),
                )
                if part
            )

    @api.constrains("contact_type", "channel", "material_ids")
    def _check_channel(self):
        phone = {"phone_confirm", "phone_appointment", "phone_invitation"}
        for contact in self:
            if contact.contact_type == "phone" and contact.channel not in phone:
                raise UserError(
                    _("A phone call confirms receipt, books a meeting or invites.")
                )
            if contact.contact_type == "meeting" and contact.channel != "visit":
                raise UserError(_("A face-to-face meeting is logged as a visit."))
            if contact.material_ids and contact.contact_type != "material":
                raise UserError(_("Materials are attached to a material sending."))

    @api.model_create_multi
    def create(self, vals_list):
        contacts = super().create(vals_list)
        for contact in contacts:
            partner = contact.partner_id.commercial_partner_id
            # SAL-CUST-06: the owner's first contact meets the week deadline.
            partner._scm_deadline_close("SAL-CUST-06", contact.user_id)
        return contacts
