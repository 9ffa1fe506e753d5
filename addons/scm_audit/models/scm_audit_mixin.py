from odoo import _, api, models
from odoo.exceptions import UserError

# Who writes audit records (AUD-GEN-06: the Supervision Center's Audit Dept).
AUDIT_GROUPS = (
    "scm_base.group_auditor",
    "scm_base.group_sc_manager",
    "scm_base.group_scm_admin",
)


class ScmAuditMixin(models.AbstractModel):
    """Who may write audit records (only the Audit Dept and the Supervision
    Center, AUD-GEN-06), and the OCA record behind an audit model: its
    delegated fields are passed on by the model's own steps, never written
    by a client."""

    _name = "scm.audit.mixin"
    _description = "Audit Record"

    @api.model
    def _scm_is_auditor(self, user=None):
        user = user or self.env.user
        return any(user.has_group(group) for group in AUDIT_GROUPS)

    @api.model
    def _scm_check_auditor(self, action):
        if self.env.su or self._scm_is_auditor():
            return
        raise UserError(
            _(
                "Only the Audit Dept and the Supervision Center may %(action)s.",
                action=action,
            )
        )

    @api.model
    def _scm_delegated_fields(self):
        """Fields this model reads from its OCA record (`_inherits`): the
        model passes them on itself, a client never writes them."""
        return {name for name, field in self._fields.items() if field.inherited}

    def _scm_refuse_delegated(self, vals_list):
        if self.env.su:
            return
        delegated = self._scm_delegated_fields()
        for vals in vals_list:
            names = delegated & vals.keys()
            if names:
                raise UserError(
                    _(
                        "%(model)s: %(fields)s belong to the management system's "
                        "record and are set by the audit's own steps.",
                        model=self._description,
                        fields=", ".join(sorted(names)),
                    )
                )

    @api.model
    def _scm_chatter_fields(self):
        """What anyone who reads the record may still touch: followers,
        attachments and activities."""
        return {"message_follower_ids", "message_main_attachment_id", "activity_ids"}

    @api.model
    def _scm_step_only_error(self):
        return UserError(
            _(
                "The levels and re-checks of a finding are recorded by its "
                "steps only, and kept."
            )
        )

    # -- the screens the audit's buttons open ----------------------------------------
    @api.model
    def _scm_window(self, xmlid, context=None, domain=None):
        """The window action `xmlid`, opened with `context` (defaults of a
        dialog) and, when given, `domain`."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["context"] = context or {}
        if domain is not None:
            action["domain"] = domain
        return action

    @api.model
    def _scm_form(self, model, res_id):
        """The form of one record (the evidence, a finding, a proposal)."""
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": res_id,
            "view_mode": "form",
            "target": "current",
        }
