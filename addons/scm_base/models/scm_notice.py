from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import html_sanitize


class ScmNotice(models.Model):
    """A written notice the manual requires instead of a phone call
    (ORG-RULE-07): recipient, content, document and server time."""

    _name = "scm.notice"
    _description = "Written Notice"
    _order = "sent_at desc, id desc"

    name = fields.Char(string="Subject", required=True, readonly=True)
    body = fields.Html(readonly=True)
    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID",
        model_field="res_model",
        required=True,
        index=True,
        readonly=True,
    )
    res_name = fields.Char(string="Document", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    recipient_ids = fields.Many2many("res.partner", string="Recipients", readonly=True)
    sender_id = fields.Many2one("res.users", string="Sent By", readonly=True)
    sent_at = fields.Datetime(string="Sent On", readonly=True)
    message_id = fields.Many2one("mail.message", readonly=True)

    @api.model
    def _scm_send(self, document, subject, body, partners):
        """Post the notice on the document, notifying the recipients.

        `body` is the notice's HTML with the document's values in it (names a
        user typed among them): it is sanitized like any HTML field, so that
        its paragraphs show as such and nothing a user typed runs."""
        if not isinstance(body, Markup):
            body = html_sanitize(body or "")
        message = document.sudo().message_post(
            subject=subject,
            body=body,
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        company = document.company_id if "company_id" in document._fields else False
        return self.sudo().create(
            {
                "name": subject,
                "body": body,
                "res_model": document._name,
                "res_id": document.id,
                "res_name": document.display_name,
                "company_id": company and company.id,
                "recipient_ids": [(6, 0, partners.ids)],
                "sender_id": self.env.user.id,
                "sent_at": fields.Datetime.now(),
                "message_id": message.id,
            }
        )

    @api.model
    def _scm_sent(self, document, subject=None):
        domain = [("res_model", "=", document._name), ("res_id", "=", document.id)]
        if subject:
            domain.append(("name", "=", subject))
        return self.search(domain)
