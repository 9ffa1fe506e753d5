from odoo import _, fields, models

SIGNATURE_ACTIVITY = "scm_base.mail_activity_type_scm_signature"


class ScmSignature(models.Model):
    """A signature a document requires, and who gave it when (ORG-RULE-04/05).

    A slot with a named signer is a step that person owes: an activity due
    the day the slot is prepared, done when it is signed."""

    _name = "scm.signature"
    _description = "Document Signature"
    _order = "res_model, res_id, sequence, id"

    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, index=True
    )
    company_id = fields.Many2one("res.company", string="Branch", index=True)
    sequence = fields.Integer(default=10)
    slot = fields.Char(string="Signature Code", required=True)
    name = fields.Char(string="Signature", required=True, translate=False)
    required_user_id = fields.Many2one("res.users", string="Must Be Signed By")
    required_group_id = fields.Many2one(
        "res.groups", string="Or a Holder Of", help="Any holder of this role may sign."
    )
    signer_id = fields.Many2one("res.users", string="Signed By", readonly=True)
    on_behalf_of_id = fields.Many2one(
        "res.users", string="Signed For", readonly=True, help="Set for a delegate."
    )
    signed_at = fields.Datetime(
        string="Signed On",
        readonly=True,
        help="Server time of the signature; nobody can edit it (ORG-RULE-04).",
    )
    state = fields.Selection(
        [("pending", "To Sign"), ("signed", "Signed")],
        default="pending",
        required=True,
        readonly=True,
    )
    signed_label = fields.Char(compute="_compute_signed_label", string="Signature Text")

    _sql_constraints = [
        (
            "slot_unique",
            "UNIQUE(res_model, res_id, slot)",
            "A document asks for each signature once.",
        ),
    ]

    def _compute_signed_label(self):
        for signature in self:
            if signature.state != "signed":
                signature.signed_label = False
            elif signature.on_behalf_of_id:
                signature.signed_label = self.env._(
                    "%(signer)s for %(principal)s",
                    signer=signature.signer_id.name,
                    principal=signature.on_behalf_of_id.name,
                )
            else:
                signature.signed_label = signature.signer_id.name

    def _may_sign(self, user):
        """(allowed, on behalf of) for `user` on this signature (ORG-RULE-06)."""
        self.ensure_one()
        if self.required_user_id == user:
            return True, False
        if self.required_group_id and user in self.required_group_id.users:
            return True, False
        principals = self.env["scm.delegation"]._scm_delegators(user, self.res_model)
        if self.required_user_id and self.required_user_id in principals:
            return True, self.required_user_id
        if self.required_group_id:
            holder = principals & self.required_group_id.users
            if holder:
                return True, holder[:1]
        return False, False

    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null"
    )

    def _scm_schedule_signature_activities(self, document):
        if "activity_ids" not in document._fields:
            return
        for signature in self.filtered(
            lambda s: s.state == "pending" and s.required_user_id
        ):
            signature.activity_id = document.sudo().activity_schedule(
                SIGNATURE_ACTIVITY,
                summary=_(
                    "Sign: %(slot)s on %(doc)s",
                    slot=signature.name,
                    doc=document.display_name,
                ),
                user_id=signature.required_user_id.id,
            )

    def _scm_close_signature_activity(self):
        # The recipient may not read an activity assigned to the unit manager.
        self.sudo().activity_id.filtered("active").action_feedback(
            feedback=_("Signed by %(user)s", user=self.env.user.name)
        )
