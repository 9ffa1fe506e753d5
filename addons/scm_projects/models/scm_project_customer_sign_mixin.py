from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectCustomerSignMixin(models.AbstractModel):
    """The customer's signature on a project document, recorded by the AA
    side: the customer signs on paper, the PM's side records who signed, on
    which day and whether the seal was affixed (PRJ-TRK-05, PRJ-KICK-05,
    PRJ-ELEM-08, PRJ-SC-08, PRJ-HAND-03, PRJ-TS-02).

    A document calls `_scm_record_customer_signature` from its wizard; it
    says when the customer may sign (`_scm_check_customer_may_sign`), whether
    a seal is required (`_scm_customer_seal_required`) and what follows
    (`_scm_on_customer_signed`)."""

    _name = "scm.project.customer.sign.mixin"
    _description = "Customer Signature on a Project Document"
    # Under the step guard, so that the signature fields join the document's
    # step fields whatever the order of its mixins.
    _inherit = ["scm.step.guard.mixin"]

    # The company's seal must be affixed beside the signature.
    _scm_customer_seal_required = False

    customer_signatory = fields.Char(
        string="Customer's Signatory", readonly=True, copy=False
    )
    customer_signed_date = fields.Date(
        string="Signed by the Customer On", readonly=True, copy=False
    )
    customer_sealed = fields.Boolean(
        string="Customer's Seal Affixed", readonly=True, copy=False
    )
    customer_sign_recorded_by_id = fields.Many2one(
        "res.users",
        string="Customer Signature Recorded By",
        readonly=True,
        copy=False,
    )
    customer_signed = fields.Boolean(
        string="Signed by the Customer",
        compute="_compute_customer_signed",
        store=True,
    )

    @api.depends("customer_signed_date")
    def _compute_customer_signed(self):
        for record in self:
            record.customer_signed = bool(record.customer_signed_date)

    def _scm_step_field_names(self):
        return super()._scm_step_field_names() | {
            "customer_signatory",
            "customer_signed_date",
            "customer_sealed",
            "customer_sign_recorded_by_id",
        }

    # -- hooks -------------------------------------------------------------------
    def _scm_check_customer_may_sign(self):
        """Raise a UserError when the document is not ready for the customer."""

    def _scm_customer_sign_earliest(self):
        """The first day the customer may have signed (the document's date)."""
        self.ensure_one()
        return fields.Datetime.context_timestamp(self, self.create_date).date()

    def _scm_on_customer_signed(self):
        """What the customer's signature sets off (copies, next step)."""

    def _scm_check_may_record_customer_signature(self):
        """By default the project's AA side records it: its PM, the branch
        manager or MCD (see scm.project.document.mixin)."""
        self.ensure_one()
        self._scm_check_project_worker(_("record the customer's signature on"))

    # -- step ----------------------------------------------------------------
    def _scm_record_customer_signature(self, signatory, signed_date, sealed=False):
        self.ensure_one()
        if self.customer_signed_date:
            raise UserError(
                _("%(doc)s is already signed by the customer.", doc=self.display_name)
            )
        self._scm_check_may_record_customer_signature()
        self._scm_check_customer_may_sign()
        signatory = (signatory or "").strip()
        if not signatory:
            raise UserError(_("Name the customer's signatory."))
        if self._scm_customer_seal_required and not sealed:
            raise UserError(
                _(
                    "%(doc)s needs the customer's seal beside the signature.",
                    doc=self.display_name,
                )
            )
        signed_date = fields.Date.to_date(signed_date)
        if not signed_date or signed_date > fields.Date.context_today(self):
            raise UserError(_("The customer's signature date cannot be in the future."))
        if signed_date < self._scm_customer_sign_earliest():
            raise UserError(
                _(
                    "The customer cannot have signed %(doc)s before it was made.",
                    doc=self.display_name,
                )
            )
        self._scm_step_write(
            {
                "customer_signatory": signatory,
                "customer_signed_date": signed_date,
                "customer_sealed": bool(sealed),
                "customer_sign_recorded_by_id": self.env.user.id,
            }
        )
        self.sudo().message_post(
            body=_(
                "Signed by the customer (%(who)s) on %(date)s.",
                who=signatory,
                date=signed_date,
            )
        )
        self._scm_on_customer_signed()
        return True

    def action_open_customer_sign(self):
        self.ensure_one()
        self._scm_check_may_record_customer_signature()
        self._scm_check_customer_may_sign()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record the Customer's Signature"),
            "res_model": "scm.project.customer.sign",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_seal_required": self._scm_customer_seal_required,
            },
        }
