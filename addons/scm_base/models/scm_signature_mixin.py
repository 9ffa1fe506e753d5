from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmSignatureMixin(models.AbstractModel):
    """Required signatures of a document.

    A document lists its signature slots in `_scm_signature_slots`; until all
    are signed it cannot be sent, printed as final or distributed, and each
    attempt is recorded as a procedure violation for the Audit Dept
    (ORG-RULE-05). Signatures carry the server time (ORG-RULE-04) and may be
    given by an authorised delegate (ORG-RULE-06)."""

    _name = "scm.signature.mixin"
    _description = "Signature Mixin"

    # A person signs one slot of a document at most (e.g. contracts).
    _scm_signature_distinct_signers = False
    # Each slot with a named signer is an activity for that person, unless the
    # document's own steps already schedule the signers' activities.
    _scm_signature_activities = True

    scm_signature_ids = fields.One2many(
        "scm.signature",
        "res_id",
        string="Signatures",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
        readonly=True,
    )
    scm_signatures_complete = fields.Boolean(
        string="Fully Signed", compute="_compute_scm_signatures_complete"
    )

    @api.depends("scm_signature_ids.state")
    def _compute_scm_signatures_complete(self):
        for record in self:
            record.scm_signatures_complete = bool(record.scm_signature_ids) and all(
                s.state == "signed" for s in record.scm_signature_ids
            )

    def _scm_signature_slots(self):
        """List of dicts: slot, name, and required_user_id or required_group_id."""
        return []

    def _scm_signature_prepare(self):
        """Create the pending signature lines the document requires."""
        model = self.env["scm.signature"].sudo()
        for record in self:
            existing = set(record.scm_signature_ids.mapped("slot"))
            company = record.company_id if "company_id" in record._fields else False
            for sequence, slot in enumerate(record._scm_signature_slots()):
                if slot["slot"] in existing:
                    continue
                signature = model.create(
                    {
                        "res_model": record._name,
                        "res_id": record.id,
                        "company_id": company and company.id,
                        "sequence": sequence,
                        **slot,
                    }
                )
                if record._scm_signature_activities:
                    signature._scm_schedule_signature_activities(record)

    def action_scm_sign(self, slot):
        """Sign `slot` as the current user, with the server's time."""
        self.ensure_one()
        self._scm_signature_prepare()
        signature = self.scm_signature_ids.filtered(lambda s: s.slot == slot)
        if not signature:
            raise UserError(
                _("This document asks for no signature %(slot)s.", slot=slot)
            )
        if signature.state == "signed":
            raise UserError(
                _(
                    "%(name)s was already signed by %(signer)s.",
                    name=signature.name,
                    signer=signature.signer_id.name,
                )
            )
        user = self.env.user
        allowed, principal = signature._may_sign(user)
        if not allowed:
            raise UserError(
                _(
                    "You may not give the signature '%(name)s': it belongs to "
                    "%(who)s and you hold no valid delegation for this document.",
                    name=signature.name,
                    who=signature.required_user_id.name
                    or signature.required_group_id.full_name,
                )
            )
        if self._scm_signature_distinct_signers and self.scm_signature_ids.filtered(
            lambda s: (
                s.state == "signed"
                and (s.on_behalf_of_id or s.signer_id) == (principal or user)
            )
        ):
            raise UserError(_("The same person cannot sign this document twice."))
        signature.sudo().write(
            {
                "signer_id": user.id,
                "on_behalf_of_id": principal and principal.id,
                "signed_at": fields.Datetime.now(),
                "state": "signed",
            }
        )
        signature._scm_close_signature_activity()
        if hasattr(self, "message_post"):
            self.sudo().message_post(
                body=_(
                    "Signed: %(name)s by %(who)s",
                    name=signature.name,
                    who=signature.signed_label,
                )
            )
        return True

    def _scm_missing_signatures(self):
        self.ensure_one()
        self._scm_signature_prepare()
        return self.scm_signature_ids.filtered(lambda s: s.state != "signed")

    def _scm_guard_signed(self, action_label):
        """Block an outgoing action on an unsigned document.

        Returns False when signed; otherwise records the violation and returns
        a client notification. No exception is raised on purpose: the
        violation record must be committed (ORG-RULE-05)."""
        self.ensure_one()
        missing = self._scm_missing_signatures()
        if not missing:
            return False
        names = ", ".join(missing.mapped("name"))
        self.env["scm.procedure.violation"]._scm_log(
            self,
            action_label,
            _("Missing signatures: %(names)s", names=names),
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Signature missing"),
                "message": _(
                    "%(doc)s cannot be %(action)s: %(names)s not signed yet. "
                    "The attempt was recorded as a procedure violation.",
                    doc=self.display_name,
                    action=action_label,
                    names=names,
                ),
                "type": "danger",
                "sticky": True,
            },
        }

    def _scm_final_report(self):
        """The report that prints the document as final (to send out)."""
        return self.env["ir.actions.report"]

    def action_scm_print_final(self):
        self.ensure_one()
        blocked = self._scm_guard_signed(_("printed for external use"))
        if blocked:
            return blocked
        report = self._scm_final_report()
        if not report:
            raise UserError(_("This document has no final print layout."))
        return report.report_action(self)
