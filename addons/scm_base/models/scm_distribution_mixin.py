from odoo import _, fields, models
from odoo.exceptions import UserError

from ..tools import document_company


class ScmDistributionMixin(models.AbstractModel):
    """Generates a document's copy-distribution lines from its list
    (ORG-RULE-08); a document that requires signatures is distributed only
    once signed (ORG-RULE-05)."""

    _name = "scm.distribution.mixin"
    _description = "Copy Distribution Mixin"

    scm_distribution_ids = fields.One2many(
        "scm.distribution",
        "res_id",
        string="Copies Distributed",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
        readonly=True,
    )
    scm_distributed = fields.Boolean(compute="_compute_scm_distributed")

    def _compute_scm_distributed(self):
        for record in self:
            record.scm_distributed = bool(record.scm_distribution_ids)

    def _scm_distribution_list(self):
        """List of dicts: recipient_department_id / recipient_company_id /
        recipient_user_id, and copy_type."""
        return []

    def _scm_distribute(self):
        self.ensure_one()
        if self.scm_distribution_ids:
            raise UserError(
                _("%(doc)s was already distributed.", doc=self.display_name)
            )
        recipients = self._scm_distribution_list()
        if not recipients:
            raise UserError(
                _("%(doc)s has no distribution list.", doc=self.display_name)
            )
        now = fields.Datetime.now()
        company = document_company(self)
        lines = (
            self.env["scm.distribution"]
            .sudo()
            .create(
                [
                    {
                        "res_model": self._name,
                        "res_id": self.id,
                        "res_name": self.display_name,
                        "company_id": company.id,
                        "sequence": sequence,
                        "sent_at": now,
                        **recipient,
                    }
                    for sequence, recipient in enumerate(recipients)
                ]
            )
        )
        lines._scm_schedule_receipt_activities(self)
        if hasattr(self, "message_post"):
            self.sudo().message_post(
                body=_(
                    "Distributed to: %(names)s",
                    names=", ".join(lines.mapped("recipient_name")),
                )
            )
        return lines

    def action_scm_distribute(self):
        self.ensure_one()
        if hasattr(self, "_scm_guard_signed"):
            blocked = self._scm_guard_signed(_("distributed"))
            if blocked:
                return blocked
        self._scm_distribute()
        return True
