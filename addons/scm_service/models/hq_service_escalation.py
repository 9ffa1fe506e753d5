from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from .helpdesk_ticket_category import GUIDANCE_KINDS

ANSWER_DEADLINE = "SVC-HQ-02"
CONTENT_FIELDS = {
    "company_id",
    "ticket_id",
    "partner_id",
    "category_id",
    "guidance_kind",
    "channel",
    "subject",
    "description",
}


class ScmServiceEscalation(models.Model):
    """A branch's escalation to HQ (分公司问题反映, FORMS.md 111; SVC-HQ-02,
    SUP-SVCN-01): a consulting or technical problem the branch cannot solve
    alone, reported by phone, e-mail or fax with the Branch Manager's
    approval; the MCD consultant or the TSMS feeds the result back within 2
    working days of receipt; MCD marks the typical ones for the monthly
    bulletin (SVC-HQ-03)."""

    _name = "scm.service.escalation"
    _description = "Service Escalation to HQ"
    _inherit = ["mail.thread", "scm.step.guard.mixin", "scm.deadline.mixin"]
    _order = "received_date desc, id desc"
    _scm_step_fields = (
        "name",
        "state",
        "sent_by_id",
        "received_date",
        "due_date",
        "guidance_user_id",
        "answered_by_id",
        "answered_date",
        "answer_result",
        "is_typical",
        "typical_by_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Received by HQ"), ("answered", "Answered")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", index=True, ondelete="set null"
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    category_id = fields.Many2one("helpdesk.ticket.category")
    guidance_kind = fields.Selection(
        GUIDANCE_KINDS,
        string="Kind",
        required=True,
        compute="_compute_guidance_kind",
        store=True,
        readonly=False,
        precompute=True,
    )
    channel = fields.Selection(
        [("phone", "Phone"), ("email", "E-mail"), ("fax", "Fax")],
        required=True,
        default="phone",
    )
    subject = fields.Char(required=True)
    description = fields.Text(string="Problem", required=True)
    sent_by_id = fields.Many2one(
        "res.users", string="Approved and Sent By", readonly=True, copy=False
    )
    received_date = fields.Datetime(string="Received by HQ", readonly=True, copy=False)
    due_date = fields.Datetime(string="Feedback Due", readonly=True, copy=False)
    guidance_user_id = fields.Many2one(
        "res.users", string="Guidance Owner", readonly=True, copy=False
    )
    feedback = fields.Text(string="Result and Solution")
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    answered_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    answer_result = fields.Selection(
        [("in_time", "Within 2 Working Days"), ("late", "Late")],
        string="Answer",
        readonly=True,
        copy=False,
        index=True,
    )
    is_late = fields.Boolean(
        string="Feedback Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Answered after the 2 working days, or still unanswered after them "
        "(SVC-HQ-02).",
    )
    is_typical = fields.Boolean(
        string="Typical", readonly=True, copy=False, index=True, tracking=True
    )
    typical_by_id = fields.Many2one(
        "res.users", string="Marked Typical By", readonly=True, copy=False
    )
    bulletin_month = fields.Date(
        compute="_compute_bulletin_month",
        store=True,
        help="The calendar month of receipt: the bulletin that lists it.",
    )

    @api.depends("category_id")
    def _compute_guidance_kind(self):
        for escalation in self:
            kind = (
                escalation.category_id
                and escalation.category_id._scm_guidance_kind_effective()
            )
            if kind:
                escalation.guidance_kind = kind
            elif not escalation.guidance_kind:
                escalation.guidance_kind = "technical"

    @api.depends("received_date")
    def _compute_bulletin_month(self):
        workday = self.env["scm.workday"]
        for escalation in self:
            if escalation.received_date:
                day = workday._local_date(
                    escalation.received_date, escalation.company_id
                )
                escalation.bulletin_month = day.replace(day=1)
            else:
                escalation.bulletin_month = False

    @api.depends("answer_result", "state", "due_date")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for escalation in self:
            escalation.is_late = escalation.answer_result == "late" or (
                escalation.state == "sent"
                and bool(escalation.due_date)
                and escalation.due_date < now
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search late escalations with = True or = False."))
        domain = [
            "|",
            ("answer_result", "=", "late"),
            "&",
            ("state", "=", "sent"),
            ("due_date", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    # -- guard -------------------------------------------------------------------
    def _scm_category_model(self):
        return self.env["helpdesk.ticket.category"]

    def _scm_check_branch(self, company, action):
        """Branch staff of the escalation's branch, or its manager."""
        user = self.env.user
        if user.has_group("scm_base.group_scm_admin"):
            return
        if not (
            user.has_group("scm_base.group_branch_staff")
            and user._scm_is_member_of_company(company)
        ):
            raise UserError(
                _(
                    "Only the staff of %(branch)s may %(action)s its escalations "
                    "to HQ.",
                    branch=company.name,
                    action=action,
                )
            )

    def _scm_check_ticket(self, vals):
        if vals.get("ticket_id"):
            self.env["helpdesk.ticket"].browse(vals["ticket_id"]).check_access("read")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                self._scm_check_branch(company, _("record"))
                self._scm_check_ticket(vals)
        escalations = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for escalation in escalations:
            escalation._scm_step_write(
                {"name": sequence.next_by_code("scm.service.escalation") or "/"}
            )
        return escalations

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if vals.keys() & CONTENT_FIELDS:
                for escalation in self:
                    escalation._scm_check_branch(escalation.company_id, _("change"))
                    if escalation.state != "draft":
                        raise UserError(
                            _(
                                "%(doc)s was sent to HQ: it no longer changes.",
                                doc=escalation.display_name,
                            )
                        )
                self._scm_check_ticket(vals)
            if "feedback" in vals:
                for escalation in self:
                    escalation._scm_check_guide(_("answer"))
                    if escalation.state != "sent":
                        raise UserError(
                            _(
                                "%(doc)s is not awaiting HQ's answer.",
                                doc=escalation.display_name,
                            )
                        )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            for escalation in self:
                escalation._scm_check_branch(escalation.company_id, _("delete"))
                if escalation.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s was sent to HQ: it is kept.",
                            doc=escalation.display_name,
                        )
                    )
        return super().unlink()

    def _scm_check_guide(self, action):
        self.ensure_one()
        if not self._scm_category_model()._scm_is_guide(
            self.env.user, self.guidance_kind
        ):
            raise UserError(
                _(
                    "Only %(who)s may %(action)s %(doc)s.",
                    who=_("an MCD consultant")
                    if self.guidance_kind == "consulting"
                    else _("the TSMS"),
                    action=action,
                    doc=self.display_name,
                )
            )

    # -- steps -------------------------------------------------------------------
    def _scm_send(self):
        """HQ receives the escalation now: its guidance owner owes the
        feedback within 2 working days (SVC-HQ-02)."""
        self.ensure_one()
        owner = self._scm_category_model()._scm_guidance_owner_for(
            self.category_id, self.guidance_kind
        )
        if not owner:
            raise UserError(
                _(
                    "Nobody at HQ gives %(kind)s guidance: configure the guidance "
                    "owner of the category.",
                    kind=dict(GUIDANCE_KINDS)[self.guidance_kind],
                )
            )
        now = fields.Datetime.now()
        deadline = self._scm_deadline_open(
            ANSWER_DEADLINE,
            _("Answer the escalation %(doc)s", doc=self.display_name),
            owner,
            2,
            start=now,
        )
        self._scm_step_write(
            {
                "state": "sent",
                "sent_by_id": self.env.user.id,
                "received_date": now,
                "due_date": deadline.due_date,
                "guidance_user_id": owner.id,
            }
        )
        return deadline

    def action_send(self):
        """The Branch Manager approves and sends the escalation to HQ
        (SUP-SVCN-01: an escalation needs the Branch Manager's approval)."""
        self.check_access("read")
        user = self.env.user
        for escalation in self:
            company = escalation.company_id
            if not (
                user.has_group("scm_base.group_scm_admin")
                or company.sudo().scm_manager_id == user
                or (
                    user.has_group("scm_base.group_branch_manager")
                    and user._scm_is_member_of_company(company)
                )
            ):
                raise UserError(
                    _(
                        "Only the Branch Manager of %(branch)s approves and sends "
                        "an escalation to HQ.",
                        branch=company.name,
                    )
                )
            if escalation.state != "draft":
                raise UserError(
                    _("%(doc)s was already sent.", doc=escalation.display_name)
                )
            escalation._scm_send()
        return True

    @api.model
    def _scm_create_from_ticket(self, ticket):
        """Hook of the service requests: the Branch Manager approved the
        escalation of `ticket` to HQ; it is created with the ticket's branch,
        customer, category and description, by phone unless said otherwise,
        and received by HQ at once."""
        ticket = ticket.sudo()
        category = ticket.category_id
        vals = {
            "company_id": ticket.company_id.id or self.env.company.id,
            "ticket_id": ticket.id,
            "partner_id": ticket.commercial_partner_id.id
            or ticket.partner_id.id
            or False,
            "category_id": category.id or False,
            "channel": "phone",
            "subject": ticket.name,
            "description": html2plaintext(ticket.description or "") or ticket.name,
        }
        kind = category and category._scm_guidance_kind_effective()
        if kind:
            vals["guidance_kind"] = kind
        escalation = self.sudo().create(vals)
        escalation._scm_send()
        return escalation.with_env(self.env)

    def action_answer(self):
        """The guidance owner (or another guide of the kind) feeds the result
        back to the branch; after the 2 working days it is flagged late."""
        self.check_access("read")
        now = fields.Datetime.now()
        for escalation in self:
            escalation._scm_check_guide(_("answer"))
            if escalation.state != "sent":
                raise UserError(
                    _(
                        "%(doc)s is not awaiting HQ's answer.",
                        doc=escalation.display_name,
                    )
                )
            if not (escalation.feedback or "").strip():
                raise UserError(
                    _(
                        "Write the result and solution of %(doc)s before answering.",
                        doc=escalation.display_name,
                    )
                )
            late = now > escalation.due_date
            escalation._scm_step_write(
                {
                    "state": "answered",
                    "answered_by_id": self.env.user.id,
                    "answered_date": now,
                    "answer_result": "late" if late else "in_time",
                }
            )
            escalation._scm_deadline_close(ANSWER_DEADLINE)
            # The service request sees the same reply (ZBHF, HQ answer SLA).
            escalation.ticket_id.sudo()._scm_record_hq_reply(now)
            manager = escalation.company_id.sudo().scm_manager_id
            partners = (escalation.sent_by_id | manager).partner_id
            self.env["scm.notice"]._scm_send(
                escalation,
                _("HQ answered %(doc)s", doc=escalation.display_name),
                _(
                    "%(who)s answered the escalation %(subject)s: %(feedback)s",
                    who=self.env.user.name,
                    subject=escalation.subject,
                    feedback=escalation.feedback,
                ),
                partners,
            )
        return True

    def _scm_check_mcd(self, action):
        if not self._scm_category_model()._scm_is_mcd(self.env.user):
            raise UserError(
                _(
                    "Only MCD (its manager, its consultants or the TSMS) may "
                    "%(action)s.",
                    action=action,
                )
            )

    def action_mark_typical(self):
        """MCD marks an answered escalation typical for the monthly bulletin
        (SVC-HQ-03)."""
        self.check_access("read")
        self._scm_check_mcd(_("mark an escalation typical"))
        for escalation in self:
            if escalation.state != "answered":
                raise UserError(
                    _(
                        "%(doc)s is marked typical once answered: the bulletin "
                        "gives its solution.",
                        doc=escalation.display_name,
                    )
                )
            escalation._scm_step_write(
                {"is_typical": True, "typical_by_id": self.env.user.id}
            )
        return True

    def action_unmark_typical(self):
        self.check_access("read")
        self._scm_check_mcd(_("unmark a typical escalation"))
        self._scm_step_write({"is_typical": False, "typical_by_id": False})
        return True
