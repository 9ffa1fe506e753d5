from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MINUTES_DEADLINE_CODE = "SAL-VISIT-06"
MINUTES_STAGES = [
    ("draft", "Draft"),
    ("reviewed", "Reviewed"),
    ("sent", "Sent to Customer"),
    ("confirmed", "Receipt Confirmed"),
    ("cancelled", "Cancelled"),
]
# Fields the author writes; frozen once the minutes went to review.
CONTENT_FIELDS = {
    "context",
    "res_model",
    "res_id",
    "visit_id",
    "company_id",
    "user_id",
    "partner_id",
    "meeting_date",
    "location",
    "attendees",
    "content",
    "agreements",
}


class ScmMeetingMinutes(models.Model):
    """《会谈纪要》: written by the consultant within 2 working days of a
    face-to-face meeting, reviewed by the department (branch) manager, sent
    to the customer and confirmed as received (SAL-VISIT-06).

    The form is shared by the manual's chapters (FORMS §1.2 #9): `context`
    says which one it serves; only sales minutes are written so far, other
    chapters link their document through res_model/res_id."""

    _name = "scm.meeting.minutes"
    _description = "Meeting Minutes"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _order = "meeting_date desc, id desc"
    # The number, the stage and what review, sending and receipt record.
    _scm_step_fields = (
        "name",
        "minutes_stage",
        "written_date",
        "reviewed_by_id",
        "reviewed_date",
        "sent_by_id",
        "sent_date",
        "notice_id",
        "receipt_confirmed_by_id",
        "receipt_date",
    )

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    context = fields.Selection(
        [("sales", "Sales"), ("project", "Project"), ("service", "Customer Service")],
        required=True,
        default="sales",
        help="The chapter of the manual the meeting belongs to.",
    )
    res_model = fields.Char(string="Related Document Model", index=True)
    res_id = fields.Many2oneReference(
        string="Related Document ID", model_field="res_model", index=True
    )
    visit_id = fields.Many2one("scm.customer.visit", index=True, ondelete="restrict")
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The consultant who owes the minutes.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    recipient_id = fields.Many2one(
        "res.partner",
        string="Send To",
        help="The customer's contact who receives the minutes.",
        tracking=True,
    )
    meeting_date = fields.Datetime(required=True)
    location = fields.Char()
    attendees = fields.Text()
    content = fields.Text(string="Minutes")
    agreements = fields.Text(string="Agreements and Next Steps")
    due_date = fields.Datetime(
        string="Due",
        compute="_compute_due_date",
        store=True,
        help="Meeting date + 2 working days (SAL-VISIT-06).",
    )
    written_date = fields.Datetime(
        string="Submitted for Review On", readonly=True, copy=False
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Submitted for review after the due date, or still not submitted "
        "although the due date has passed.",
    )
    minutes_stage = fields.Selection(
        MINUTES_STAGES,
        string="Stage",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reviewed_date = fields.Datetime(string="Reviewed On", readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    sent_date = fields.Datetime(string="Sent On", readonly=True, copy=False)
    notice_id = fields.Many2one("scm.notice", readonly=True, copy=False)
    receipt_confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    receipt_date = fields.Datetime(
        string="Receipt Confirmed On", readonly=True, copy=False
    )
    receipt_note = fields.Char(
        string="How Receipt Was Confirmed",
        help="E.g. the customer's reply or the phone call that confirmed it.",
    )

    # -- computes -------------------------------------------------------------
    @api.depends("meeting_date", "company_id")
    def _compute_due_date(self):
        workday = self.env["scm.workday"]
        for minutes in self:
            minutes.due_date = minutes.meeting_date and workday.add_working_days(
                minutes.meeting_date, 2, minutes.company_id
            )

    @api.depends("due_date", "written_date")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for minutes in self:
            minutes.is_late = bool(
                minutes.due_date
                and minutes.minutes_stage != "cancelled"
                and (minutes.written_date or now) > minutes.due_date
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on late minutes."))
        now = fields.Datetime.now()
        # Still unwritten past the due date ...
        pending = self.sudo().search(
            [
                ("minutes_stage", "=", "draft"),
                ("written_date", "=", False),
                ("due_date", "<", now),
            ]
        )
        # ... or written after it (a comparison of two columns, done here).
        written = self.sudo().search(
            [("written_date", "!=", False), ("minutes_stage", "!=", "cancelled")]
        )
        ids = pending.ids + written.filtered(lambda m: m.written_date > m.due_date).ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # -- create / write ---------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        visits = self.env["scm.customer.visit"]
        for vals in vals_list:
            visit_id = vals.get("visit_id")
            if visit_id and not isinstance(visit_id, int):
                raise ValidationError(
                    _("The visit of the minutes must be a visit record.")
                )
            visit = visits.browse(visit_id)
            if visit:
                vals.setdefault("partner_id", visit.partner_id.id)
                vals.setdefault("company_id", visit.company_id.id)
                vals.setdefault("user_id", visit.user_id.id)
                vals.setdefault("res_model", visit._name)
                vals.setdefault("res_id", visit.id)
        records = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for minutes in records.filtered(lambda m: m.name == "/"):
            # The number is the system's, never the client's.
            minutes.sudo().write(
                {"name": sequence.next_by_code("scm.meeting.minutes") or "/"}
            )
        for minutes in records:
            # The clock runs from the meeting, whenever the minutes are opened.
            minutes._scm_deadline_open(
                MINUTES_DEADLINE_CODE,
                _("Write the meeting minutes"),
                minutes.user_id,
                amount=2,
                start=minutes.meeting_date,
            )
        return records

    def write(self, vals):
        if not self.env.su:
            if "minutes_stage" in vals:
                raise UserError(
                    _("The stage of meeting minutes changes only through its buttons.")
                )
            locked = set(vals) & CONTENT_FIELDS
            for minutes in self:
                if locked and (
                    minutes.minutes_stage != "draft" or minutes.state != "draft"
                ):
                    raise UserError(
                        _(
                            "%(minutes)s went to review: its content can no "
                            "longer be changed.",
                            minutes=minutes.display_name,
                        )
                    )
        return super().write(vals)

    def _scm_set_stage(self, stage, **vals):
        self.sudo().with_context(skip_validation_check=True).write(
            dict(vals, minutes_stage=stage)
        )

    # -- review -------------------------------------------------------------------
    def _scm_approval_check_submit(self):
        self.ensure_one()
        if self.minutes_stage != "draft":
            raise UserError(_("Only draft minutes can be submitted for review."))
        if self.env.user != self.user_id and not self.env.user.has_group(
            "scm_base.group_unit_manager"
        ):
            raise AccessError(
                _(
                    "Only the author of %(minutes)s submits them.",
                    minutes=self.display_name,
                )
            )
        if not (self.content or "").strip():
            raise ValidationError(
                _("Minutes without content cannot be submitted for review.")
            )

    def action_scm_submit(self):
        res = super().action_scm_submit()
        for minutes in self:
            if not minutes.written_date:
                minutes._scm_set_stage("draft", written_date=fields.Datetime.now())
            minutes._scm_deadline_close(MINUTES_DEADLINE_CODE)
        return res

    def _scm_approval_on_approved(self):
        review = self.sudo().review_ids.filtered(lambda r: r.status == "approved")
        last = review.sorted(lambda r: r.reviewed_date or fields.Datetime.now())[-1:]
        self._scm_set_stage(
            "reviewed",
            reviewed_by_id=(last.done_by or self.env.user).id,
            reviewed_date=last.reviewed_date or fields.Datetime.now(),
        )

    # -- sending and receipt ------------------------------------------------------
    def _scm_check_author_or_manager(self):
        user = self.env.user
        for minutes in self:
            if user != minutes.user_id and not (
                user.has_group("scm_base.group_unit_manager")
                and user._scm_is_member_of_company(minutes.company_id)
            ):
                raise AccessError(
                    _(
                        "Only the author of %(minutes)s or a manager may do this.",
                        minutes=minutes.display_name,
                    )
                )

    def action_send(self):
        """Send the reviewed minutes to the customer in writing."""
        self._scm_check_author_or_manager()
        for minutes in self:
            if minutes.minutes_stage != "reviewed" or minutes.state != "approved":
                raise UserError(
                    _(
                        "%(minutes)s must be reviewed by the department manager "
                        "before it is sent to the customer.",
                        minutes=minutes.display_name,
                    )
                )
            recipient = minutes.recipient_id or minutes.partner_id
            if not recipient.email:
                raise UserError(
                    _(
                        "%(partner)s has no email address: enter the customer "
                        "contact who receives the minutes.",
                        partner=recipient.display_name,
                    )
                )
            notice = self.env["scm.notice"]._scm_send(
                minutes,
                _("Meeting minutes %(name)s", name=minutes.name),
                minutes._scm_notice_body(),
                recipient,
            )
            minutes._scm_set_stage(
                "sent",
                sent_by_id=self.env.user.id,
                sent_date=fields.Datetime.now(),
                notice_id=notice.id,
            )
        return True

    def _scm_notice_body(self):
        self.ensure_one()
        local = fields.Datetime.context_timestamp(self, self.meeting_date)
        parts = [
            _("Minutes of our meeting on %(date)s.", date=local.strftime("%Y-%m-%d")),
            self.content or "",
            self.agreements or "",
            _("Please confirm that you received these minutes."),
        ]
        return "\n\n".join(p for p in parts if p)

    def action_confirm_receipt(self):
        self._scm_check_author_or_manager()
        for minutes in self:
            if minutes.minutes_stage != "sent":
                raise UserError(
                    _("Receipt can be confirmed only for minutes sent to the customer.")
                )
        self._scm_set_stage(
            "confirmed",
            receipt_confirmed_by_id=self.env.user.id,
            receipt_date=fields.Datetime.now(),
        )
        return True

    def action_cancel(self):
        self._scm_check_author_or_manager()
        for minutes in self:
            if minutes.minutes_stage not in ("draft", "reviewed"):
                raise UserError(
                    _("Minutes already sent to the customer cannot be cancelled.")
                )
        under_review = self.filtered(lambda m: m.state == "to_approve")
        if under_review:
            under_review.action_scm_withdraw()
        self.with_context(skip_validation_check=True).sudo().write({"state": "cancel"})
        self._scm_set_stage("cancelled")
        self._scm_deadline_cancel(MINUTES_DEADLINE_CODE)
        return True

    def action_print(self):
        return self.env.ref(
            "scm_sales.action_report_scm_meeting_minutes"
        ).report_action(self)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for minutes in self:
            if minutes.minutes_stage not in ("draft", "cancelled"):
                raise UserError(
                    _(
                        "%(minutes)s was reviewed and cannot be deleted.",
                        minutes=minutes.display_name,
                    )
                )

    @api.model
    def _scm_demo_advance_for_visits(self, visit_ids, stage, vals=None):
        """Demo only: write the minutes of the visits and move them through
        review, sending and receipt as the right users."""
        if not self.env.su:
            raise AccessError(_("Only the system runs the demo workflow."))
        order = ["draft", "reviewed", "sent", "confirmed"]
        minutes_list = self.search([("visit_id", "in", visit_ids)])
        if vals:
            minutes_list.write(vals)
        for minutes in minutes_list:
            author = minutes.with_user(minutes.user_id).sudo()
            target = order.index(stage)
            if target >= 1 and minutes.minutes_stage == "draft":
                author.action_scm_submit()
                manager = minutes.with_user(minutes.company_id.scm_manager_id).sudo()
                action = manager.validate_tier()
                if action:
                    manager.env["comment.wizard"].with_context(
                        **action["context"]
                    ).create({"comment": _("Reviewed")}).add_comment()
            if target >= 2 and minutes.minutes_stage == "reviewed":
                author.action_send()
            if target >= 3 and minutes.minutes_stage == "sent":
                author.action_confirm_receipt()
        return True
