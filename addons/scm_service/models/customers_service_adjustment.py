from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmServiceAdjustment(models.Model):
    """An annual adjustment of the customer's operation norms and systems,
    or a reengineering of its operating processes (SVC-SCOPE-02), as the
    branch recorded it. Recording it is the step: the record cannot be
    changed or deleted afterwards."""

    _name = "scm.service.adjustment"
    _description = "Customer Adjustment or Reengineering"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _order = "date desc, id desc"
    _scm_step_fields = ("user_id", "company_id")

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", string="Branch", readonly=True, index=True
    )
    kind = fields.Selection(
        [
            ("adjustment", "Annual Adjustment"),
            ("reengineering", "Process Reengineering"),
        ],
        required=True,
        default="adjustment",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(
        required=True, help="What was adjusted or reengineered, and how."
    )
    user_id = fields.Many2one("res.users", string="Recorded By", readonly=True)

    @api.depends("partner_id", "kind", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for record in self:
            record.display_name = " ".join(
                str(part)
                for part in (
                    record.partner_id.name,
                    labels.get(record.kind),
                    record.date,
                )
                if part
            )

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"]
        for vals in vals_list:
            if not (vals.get("note") or "").strip():
                raise ValidationError(
                    _("Describe the adjustment or reengineering in its note.")
                )
            date = fields.Date.to_date(vals.get("date")) if vals.get("date") else None
            if date and date > fields.Date.context_today(self):
                raise ValidationError(
                    _(
                        "An adjustment is recorded once done: its date cannot be "
                        "in the future."
                    )
                )
            partner = self.env["res.partner"].browse(vals.get("partner_id"))
            if not partner.exists():
                raise ValidationError(_("Choose the customer."))
            partners |= partner
        if not self.env.su:
            # Access and links are checked first (the step guard), then who.
            for vals in vals_list:
                self._scm_check_links(vals)
            partners._scm_check_branch_service_staff(
                _("record an adjustment or reengineering")
            )
        for vals in vals_list:
            partner = self.env["res.partner"].browse(vals["partner_id"])
            vals["partner_id"] = partner.commercial_partner_id.id
        records = super(
            ScmServiceAdjustment, self.sudo() if not self.env.su else self
        ).create(
            [
                dict(
                    vals,
                    user_id=self.env.user.id,
                    company_id=self.env["res.partner"]
                    .browse(vals["partner_id"])
                    ._scm_service_company()
                    .id,
                )
                for vals in vals_list
            ]
        )
        return records.with_env(self.env)

    def write(self, vals):
        if not self.env.su and set(vals) - {
            name for name in vals if name.startswith(("message_", "activity_"))
        }:
            raise UserError(
                _("A recorded adjustment or reengineering cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(
                _("A recorded adjustment or reengineering stays on the file.")
            )
