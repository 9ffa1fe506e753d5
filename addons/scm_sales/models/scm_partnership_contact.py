from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmPartnershipContact(models.Model):
    """A contact with a prospective partner of the relationship chain
    (SAL-PART-06): directly, through an event or through a third party. Each
    contact is reported to the MSD Manager in writing as it happens."""

    _name = "scm.partnership.contact"
    _description = "Partner Contact Log"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    # Logged by the specialist and reported to the MSD Manager by the system.
    _scm_step_fields = ("user_id", "reported_to_id")
    _order = "date desc, id desc"

    partner_line_id = fields.Many2one(
        "scm.partnership.partner.line",
        string="Listed Partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("plan_id.state", "=", "approved")],
    )
    partner_id = fields.Many2one(
        related="partner_line_id.partner_id", store=True, string="Partner"
    )
    plan_id = fields.Many2one(
        related="partner_line_id.plan_id", store=True, string="Partner List"
    )
    company_id = fields.Many2one(related="partner_line_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users",
        string="Contacted By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    channel = fields.Selection(
        [
            ("direct", "Direct Contact"),
            ("event", "Through an Event"),
            ("third_party", "Through a Third Party"),
        ],
        required=True,
    )
    third_party = fields.Char(
        string="Third Party / Event", help="Who or what brought the contact about."
    )
    summary = fields.Text(required=True)
    intent_reached = fields.Boolean(
        string="Cooperation Intent Reached",
        help="The partner agreed in principle to cooperate: an agreement may "
        "now be prepared (SAL-PART-07).",
    )
    reported_to_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.constrains("partner_line_id")
    def _check_listed_partner(self):
        for contact in self:
            if contact.partner_line_id.plan_id.state != "approved":
                raise ValidationError(
                    _(
                        "%(partner)s is not on an approved partner list: partners "
                        "are contacted only once the list is approved.",
                        partner=contact.partner_id.display_name,
                    )
                )

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " · ".join(
                str(part)
                for part in (
                    rec.partner_id.display_name,
                    rec.date and fields.Date.to_string(rec.date),
                )
                if part
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_channel"
        ):
            raise UserError(
                _("Only a Channel Market Specialist logs partner contacts.")
            )
        contacts = super().create(vals_list)
        contacts._scm_report_to_msd_manager()
        return contacts

    def write(self, vals):
        if self.filtered(lambda c: c.user_id != self.env.user) and not self.env.su:
            raise UserError(_("Only the specialist who logged a contact changes it."))
        return super().write(vals)

    def _scm_report_to_msd_manager(self):
        """SAL-PART-06: the specialist reports every contact to the MSD Manager."""
        manager = self.env.ref("scm_base.dept_msd").sudo()._scm_manager_user()
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for contact in self:
            body = Markup("<p>%s</p><p>%s</p>") % (
                _(
                    "%(partner)s, %(channel)s on %(date)s.",
                    partner=contact.partner_id.display_name,
                    channel=channels[contact.channel],
                    date=contact.date,
                ),
                contact.summary,
            )
            self.env["scm.notice"]._scm_send(
                contact,
                _(
                    "Partner contact: %(partner)s",
                    partner=contact.partner_id.display_name,
                ),
                body,
                manager.partner_id,
            )
            contact.sudo().reported_to_id = manager
