from odoo import _, api, fields, models

RECEIPT_ACTIVITY = "scm_base.mail_activity_type_scm_receipt"
SIGNATURE_ACTIVITY = "scm_base.mail_activity_type_scm_signature"


def _schedules_activities(document):
    return "activity_ids" in document._fields


class ScmDistribution(models.Model):
    """A copy sent is a receipt owed: the recipient (the person, or the
    manager of the unit or branch it went to) gets an activity due the day it
    was sent, done when the receipt is confirmed."""

    _inherit = "scm.distribution"

    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null"
    )

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
        if not _schedules_activities(document):
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

    def action_mark_received(self):
        res = super().action_mark_received()
        # The recipient may not read an activity assigned to the unit manager.
        self.sudo().activity_id.filtered("active").action_feedback(
            feedback=_("Received by %(user)s", user=self.env.user.name)
        )
        return res


class ScmSignature(models.Model):
    """A signature slot with a named signer is a step that person owes: an
    activity due the day the slot is prepared, done when it is signed."""

    _inherit = "scm.signature"

    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null"
    )

    def _scm_schedule_signature_activities(self, document):
        if not _schedules_activities(document):
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


class ResUsers(models.Model):
    """Every user of the suite lands on 'My Work' after login."""

    _inherit = "res.users"

    @api.model
    def _scm_home_action(self):
        return self.env.ref("scm_base.action_scm_my_work", raise_if_not_found=False)

    def _scm_suite_users(self):
        suite = self.env.ref("scm_base.group_scm_user") | self.env.ref(
            "scm_base.group_auditor"
        )
        return self.filtered(lambda user: user.groups_id & suite)

    def _scm_set_home_action(self):
        """Give 'My Work' as home to the users of the suite who have none."""
        home = self._scm_home_action()
        if not home:
            return
        users = self or self.with_context(active_test=False).search([])
        users._scm_suite_users().filtered(lambda u: not u.action_id).sudo().write(
            {"action_id": home.id}
        )

    @api.model
    def _scm_set_home_action_all(self):
        self.browse()._scm_set_home_action()

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._scm_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "groups_id" in vals or any(
            key.startswith(("in_group_", "sel_groups_")) for key in vals
        ):
            self._scm_set_home_action()
        return res
