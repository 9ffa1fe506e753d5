from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmCustomerAccessGrant(models.Model):
    """An explicit permission to read a confidential customer file, given by
    the Market Center Manager (SUP-CONF-01)."""

    _name = "scm.customer.access.grant"
    _description = "Customer File Access Grant"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    # Who granted the access is whoever granted it.
    _scm_step_fields = ("granted_by_id",)
    _order = "id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        domain=[("scm_is_customer", "=", True)],
    )
    user_id = fields.Many2one("res.users", string="Granted To", required=True)
    granted_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda s: s.env.user
    )
    reason = fields.Text(required=True)
    date_end = fields.Date(string="Valid Until", required=True)
    active = fields.Boolean(default=True)

    @api.depends("partner_id", "user_id")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " · ".join(
                str(part)
                for part in (
                    rec.partner_id.display_name,
                    rec.user_id.name,
                )
                if part
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not (
            self.env.user.has_group("scm_base.group_mc_manager")
            or self.env.user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _("Only the Market Center Manager grants access to customer files.")
            )
        grants = super().create(vals_list)
        Log = self.env["scm.customer.access.log"].sudo()
        for grant in grants:
            Log.create(
                {
                    "partner_id": grant.partner_id.id,
                    "user_id": grant.user_id.id,
                    "event": "grant",
                    "description": grant.reason,
                    "by_user_id": self.env.user.id,
                }
            )
        self._scm_refresh_rules()
        return grants

    def write(self, vals):
        result = super().write(vals)
        self._scm_refresh_rules()
        return result

    def unlink(self):
        result = super().unlink()
        self._scm_refresh_rules()
        return result

    def _scm_refresh_rules(self):
        """The confidentiality rule lists the grantee's granted files
        (res.users.scm_granted_customer_ids); Odoo caches a rule's domain per
        user, so a change of grants must reach the cache at once."""
        self.env.registry.clear_cache()
