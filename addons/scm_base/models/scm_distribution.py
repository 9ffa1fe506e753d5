from odoo import _, api, fields, models
from odoo.exceptions import UserError

RECEIPT_ACTIVITY = "scm_base.mail_activity_type_scm_receipt"

COPY_TYPES = [
    ("original", "Original"),
    ("copy", "Copy"),
    ("electronic", "Electronic"),
]


class ScmDistribution(models.Model):
    """Who received which copy or original of a document, and when (ORG-RULE-08).

    A copy sent is a receipt owed: the recipient (the person, or the manager
    of the unit or branch it went to) gets an activity due the day it was
    sent, done when the receipt is confirmed."""

    _name = "scm.distribution"
    _description = "Copy Distribution"
    _order = "res_model, res_id, sequence, id"

    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, index=True
    )
    res_name = fields.Char(string="Document")
    company_id = fields.Many2one("res.company", string="Branch", index=True)
    sequence = fields.Integer(default=10)
    recipient_department_id = fields.Many2one("hr.department", string="Recipient Unit")
    recipient_company_id = fields.Many2one("res.company", string="Recipient Branch")
    recipient_user_id = fields.Many2one("res.users", string="Recipient")
    recipient_partner_id = fields.Many2one(
        "res.partner",
        string="External Recipient",
        help="A recipient outside the company, e.g. the customer of a contract.",
    )
    quantity = fields.Integer(
        default=1, help="How many copies or originals the recipient holds."
    )
    recipient_name = fields.Char(
        compute="_compute_recipient_name",
    )
    copy_type = fields.Selection(COPY_TYPES, required=True, default="copy")
    sent_at = fields.Datetime(string="Sent On", readonly=True)
    received_at = fields.Datetime(string="Received On", readonly=True)
    received_by_id = fields.Many2one("res.users", readonly=True)

    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null"
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "A recipient holds at least one copy.",
        ),
    ]

    @api.depends(
        "recipient_user_id",
        "recipient_partner_id",
        "recipient_department_id",
        "recipient_company_id",
    )
    def _compute_recipient_name(self):
        # A copy line names its recipient to whoever may read the line, like
        # the web client names a many2one: a customer's contact may belong to
        # a file or a branch the reader cannot open (the contact of another
        # consultant's customer, a Wuhan contact for an HQ user), and its
        # name alone is what the distribution list shows.
        for line in self:
            recipient = line.sudo()
            line.recipient_name = (
                recipient.recipient_user_id.name
                or recipient.recipient_partner_id.display_name
                or recipient.recipient_department_id.display_name
                or recipient.recipient_company_id.name
            )

    @api.depends("res_name", "recipient_name", "copy_type")
    def _compute_display_name(self):
        labels = dict(self._fields["copy_type"]._description_selection(self.env))
        for line in self:
            line.display_name = " · ".join(
                part
                for part in (
                    line.res_name,
                    labels.get(line.copy_type),
                    line.recipient_name,
                )
                if part
            )

    def _is_recipient(self, user):
        self.ensure_one()
        if self.recipient_user_id:
            return self.recipient_user_id == user
        if self.recipient_partner_id:
            # An outside recipient cannot log in: the people of the document's
            # branch record its receipt.
            return user._scm_is_member_of_company(self.company_id)
        if self.recipient_department_id:
            return user._scm_is_member_of_unit(self.recipient_department_id)
        if self.recipient_company_id:
            return user._scm_is_member_of_company(self.recipient_company_id)
        return False

    def action_mark_received(self):
        user = self.env.user
        for line in self:
            if line.received_at:
                raise UserError(_("This copy was already received."))
            if not (
                line._is_recipient(user) or user.has_group("scm_base.group_scm_admin")
            ):
                raise UserError(
                    _(
                        "Only the recipient can confirm receipt of %(doc)s.",
                        doc=line.res_name,
                    )
                )
        self.sudo().write(
            {"received_at": fields.Datetime.now(), "received_by_id": user.id}
        )
        # The recipient may not read an activity assigned to the unit manager.
        self.sudo().activity_id.filtered("active").action_feedback(
            feedback=_("Received by %(user)s", user=user.name)
        )
        return True

    def _scm_receipt_owner(self):
        """The person who confirms the receipt of this copy."""
        self.ensure_one()
        if self.recipient_user_id:
            return self.recipient_user_id
        unit = self.recipient_department_id.sudo()
        while unit:
            # Its manager; a unit without one (Finance, Audit) has its single
            # member confirm; else the manager of the unit above.
            members = unit.member_ids.user_id
            owner = unit.manager_id.user_id or (len(members) == 1 and members)
            if owner:
                return owner
            unit = unit.parent_id
        if self.recipient_department_id:
            return self.env["res.users"]
        # A branch, or a customer whose copy the document's branch hands over.
        company = self.recipient_company_id or (
            self.recipient_partner_id and self.company_id
        )
        return company and company.sudo().scm_manager_id or self.env["res.users"]

    def _scm_copy_type_label(self):
        self.ensure_one()
        labels = dict(self._fields["copy_type"]._description_selection(self.env))
        return labels[self.copy_type]

    def _scm_schedule_receipt_activities(self, document):
        if "activity_ids" not in document._fields:
            return
        for line in self:
            owner = line._scm_receipt_owner()
            if not owner:
                continue
            line.activity_id = document.sudo().activity_schedule(
                RECEIPT_ACTIVITY,
                date_deadline=fields.Date.context_today(line, line.sent_at),
                summary=_(
                    "Confirm receipt: %(copy)s of %(doc)s for %(recipient)s",
                    copy=line._scm_copy_type_label(),
                    doc=line.res_name,
                    recipient=line.recipient_name,
                ),
                user_id=owner.id,
            )
