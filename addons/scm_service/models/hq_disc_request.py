from datetime import datetime, time

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

DISC_TYPES = [
    ("official", "Official Install Disc"),
    ("demo", "Demo Disc"),
    ("practice", "Practice Disc"),
]
STATES = [
    ("draft", "Draft"),
    ("branch_signed", "Signed by the Branch Manager"),
    ("sent", "Sent to the TSMS"),
    ("forwarded", "Forwarded to the MCD Manager"),
    ("approved", "Approved"),
    ("rejected", "Not Approved"),
    ("produced", "Produced"),
    ("built", "Built"),
    ("verified", "Opened and Verified"),
    ("shipped", "Shipped"),
    ("confirmed", "Arrival Confirmed"),
    ("receipt_returned", "Receipt Returned"),
    ("uploaded", "Uploaded"),
    ("serial_emailed", "Serial Number E-mailed"),
    ("phone_guided", "Phone Guidance Given"),
    ("done", "Done"),
]
# SVC-DISC-07: the steps after the approval, per disc type.
OFFICIAL_FLOW = (
    "approved",
    "produced",
    "verified",
    "shipped",
    "confirmed",
    "receipt_returned",
)
BUILD_FLOW = (
    "approved",
    "built",
    "verified",
    "uploaded",
    "serial_emailed",
    "phone_guided",
    "done",
)
REFUSAL_OUTCOMES = [
    ("notified", "Branch Notified of the Result"),
    ("deferred", "Deferred Until Conditions Are Met"),
    ("alternative", "Alternative Agreed with the Branch"),
]
CONTENT_FIELDS = {
    "company_id",
    "disc_type",
    "partner_id",
    "product",
    "version",
    "quantity",
    "requested_date",
    "requirements",
    "project_disc_request_id",
}
TSMS_FIELDS = {"serial_number", "upload_location", "phone_guidance_log"}
REFUSAL_FIELDS = {"refusal_outcome", "refusal_detail"}
RECEIPT_FIELDS = {"receipt_note"}
IN_FORCE = (
    "effective",
    "originals_returned",
    "in_execution",
    "accepted",
    "paid_service",
)


class ScmDiscRequest(models.Model):
    """《压盘申请单》, the Disc Pressing Request (FORMS.md 73–75; SVC-DISC-01..07).

    A branch asks HQ for an official install disc, a demo or a practice
    disc; the Branch Manager signs, the request goes to the TSMS, who
    forwards it within 1 working day to the MCD Manager, who decides the same
    day. Official discs are produced, opened and verified, shipped by the
    requested date with the 《产品盘回执单》 (and, for a formal customer's
    first official disc, the 《用户使用证书》), their arrival confirmed by the
    TSMS and the receipt returned by the branch, each within 1 working day.
    Demo and practice systems are built, verified, uploaded to the service
    website, their serial number e-mailed and the branch guided by phone."""

    _name = "scm.disc.request"
    _description = "Disc Pressing Request"
    _inherit = [
        "mail.thread",
        "scm.step.guard.mixin",
        "scm.deadline.mixin",
        "scm.signature.mixin",
    ]
    _order = "id desc"
    _scm_signature_activities = False
    _scm_step_fields = (
        "name",
        "state",
        "sent_by_id",
        "sent_date",
        "tsms_id",
        "forwarded_date",
        "mcd_manager_id",
        "decided_date",
        "decision_late",
        "produced_date",
        "verified_date",
        "verified_by_id",
        "shipped_date",
        "shipped_late",
        "licence_certificate",
        "confirmed_date",
        "received_date",
        "receipt_returned_date",
        "receipt_returned_by_id",
        "uploaded_date",
        "uploaded_late",
        "serial_emailed_date",
        "phone_guided_date",
        "done_date",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        STATES,
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
    disc_type = fields.Selection(DISC_TYPES, required=True, default="official")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        help="Required for an official disc (SVC-DISC-01).",
    )
    product = fields.Char(required=True)
    version = fields.Char(required=True)
    quantity = fields.Integer(default=1, required=True)
    requested_date = fields.Date(
        string="Needed By", required=True, help="The deadline the branch asks for."
    )
    requirements = fields.Text(string="Pressing Requirements")
    project_disc_request_id = fields.Many2one(
        "scm.project.disc.request",
        ondelete="set null",
        help="The project's disc request (PRJ-SC-06) this pressing request serves.",
    )
    project_id = fields.Many2one(
        related="project_disc_request_id.project_id", string="Project"
    )
    # -- sending and decision (SVC-DISC-01..03) -----------------------------------
    sent_by_id = fields.Many2one("res.users", readonly=True)
    sent_date = fields.Datetime(string="Received by the TSMS", readonly=True)
    tsms_id = fields.Many2one("res.users", string="TSMS", readonly=True)
    forwarded_date = fields.Datetime(string="Forwarded On", readonly=True)
    mcd_manager_id = fields.Many2one("res.users", string="MCD Manager", readonly=True)
    decided_date = fields.Datetime(string="Decided On", readonly=True)
    decision_late = fields.Boolean(string="Decided Late", readonly=True)
    refusal_outcome = fields.Selection(
        REFUSAL_OUTCOMES,
        string="Outcome of the Refusal",
        help="A request not approved, or impossible to press as requested, "
        "ends with one outcome (SVC-DISC-03).",
    )
    refusal_detail = fields.Text(
        string="Reason, Condition or Alternative",
        help="Why; the condition to be met (deferred); or the solution agreed "
        "with the branch (alternative).",
    )
    # -- official discs (SVC-DISC-04/05) --------------------------------------------
    produced_date = fields.Datetime(string="Produced On", readonly=True)
    verified_date = fields.Datetime(string="Verified On", readonly=True)
    verified_by_id = fields.Many2one("res.users", readonly=True)
    shipped_date = fields.Date(string="Shipped On", readonly=True)
    shipped_late = fields.Boolean(readonly=True)
    licence_certificate = fields.Boolean(
        string="User Licence Certificate Enclosed",
        readonly=True,
        help="Only with the first official disc of a formal customer (SVC-DISC-04).",
    )
    confirmed_date = fields.Datetime(string="Arrival Confirmed On", readonly=True)
    received_date = fields.Date(string="Received by the Branch", readonly=True)
    receipt_note = fields.Text(string="Receipt Remarks")
    receipt_returned_date = fields.Datetime(string="Receipt Returned On", readonly=True)
    receipt_returned_by_id = fields.Many2one("res.users", readonly=True)
    # -- demo and practice discs (SVC-DISC-06) --------------------------------------
    upload_location = fields.Char(string="Location on the Service Website")
    uploaded_date = fields.Date(string="Uploaded On", readonly=True)
    uploaded_late = fields.Boolean(readonly=True)
    serial_number = fields.Char(string="Product Serial Number")
    serial_emailed_date = fields.Datetime(string="Serial E-mailed On", readonly=True)
    phone_guidance_log = fields.Text()
    phone_guided_date = fields.Datetime(string="Phone Guidance On", readonly=True)
    done_date = fields.Datetime(string="Closed On", readonly=True)
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="A step of the request passed its deadline (SVC-DISC-02..06).",
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive.")
    ]

    @api.depends("scm_deadline_ids.state", "decision_late", "shipped_late")
    def _compute_is_late(self):
        for request in self:
            request.is_late = (
                request.scm_deadline_overdue
                or request.decision_late
                or request.shipped_late
                or request.uploaded_late
                or any(d.done_late for d in request.sudo().scm_deadline_ids)
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search late disc requests with = True or = False."))
        late = (
            self.env["scm.deadline"]
            .sudo()
            .search([("res_model", "=", self._name), ("is_overdue", "=", True)])
            .mapped("res_id")
        )
        domain = [
            "|",
            "|",
            "|",
            ("id", "in", late),
            ("decision_late", "=", True),
            ("shipped_late", "=", True),
            ("uploaded_late", "=", True),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    # -- people ---------------------------------------------------------------------
    @api.model
    def _scm_tsms(self):
        users = self.env.ref("scm_base.group_tsms").sudo().users
        return users.filtered("active").sorted("id")[:1]

    @api.model
    def _scm_mcd_manager(self):
        return self.env.ref("scm_base.dept_mcd").sudo().manager_id.user_id

    def _scm_is_branch_user(self, user):
        self.ensure_one()
        return user.has_group("scm_base.group_scm_admin") or (
            user.has_group("scm_base.group_branch_staff")
            and user._scm_is_member_of_company(self.company_id)
        )

    def _scm_check_branch(self, action):
        user = self.env.user
        for request in self:
            if not request._scm_is_branch_user(user):
                raise UserError(
                    _(
                        "Only the staff of %(branch)s may %(action)s its disc "
                        "requests.",
                        branch=request.company_id.name,
                        action=action,
                    )
                )

    def _scm_check_tsms(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_tsms")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _("Only the TSMS may %(action)s a disc request.", action=action)
            )

    def _scm_check_mcd_manager(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_mcd_manager")
            or user == self._scm_mcd_manager()
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _(
                    "Only the MCD Manager may %(action)s a disc request.",
                    action=action,
                )
            )

    def _scm_check_state(self, states, action):
        for request in self:
            if request.state not in states:
                raise UserError(
                    _(
                        "%(doc)s cannot be %(action)s in the state %(state)s.",
                        doc=request.display_name,
                        action=action,
                        state=dict(
                            request._fields["state"]._description_selection(request.env)
                        )[request.state],
                    )
                )

    def _scm_check_type(self, types, action):
        labels = dict(self._fields["disc_type"]._description_selection(self.env))
        for request in self:
            if request.disc_type not in types:
                raise UserError(
                    _(
                        "A %(type)s is not %(action)s (SVC-DISC-07).",
                        type=labels[request.disc_type],
                        action=action,
                    )
                )

    # -- create / write ------------------------------------------------------------
    def _scm_check_links(self, vals):
        result = super()._scm_check_links(vals)
        if vals.get("project_disc_request_id"):
            project_request = self.env["scm.project.disc.request"].browse(
                vals["project_disc_request_id"]
            )
            project_request.check_access("read")
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                self.new({"company_id": company.id})._scm_check_branch(_("write"))
        requests = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for request in requests:
            request._scm_step_write(
                {"name": sequence.next_by_code("scm.disc.request") or "/"}
            )
        return requests

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            keys = vals.keys()
            if keys & CONTENT_FIELDS:
                self._scm_check_branch(_("change"))
                self._scm_check_state(("draft",), _("changed"))
            if keys & TSMS_FIELDS:
                self._scm_check_tsms(_("fill in"))
            if keys & REFUSAL_FIELDS:
                for request in self:
                    if request.state == "forwarded":
                        request._scm_check_mcd_manager(_("refuse"))
                    else:
                        request._scm_check_tsms(_("refuse"))
                self._scm_check_state(("forwarded", "approved"), _("refused"))
            if keys & RECEIPT_FIELDS:
                self._scm_check_branch(_("fill in the receipt of"))
                self._scm_check_state(("shipped", "confirmed"), _("receipted"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_branch(_("delete"))
            self._scm_check_state(("draft",), _("deleted"))
        return super().unlink()

    # -- signature and sending (SVC-DISC-01) ----------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "branch_manager",
                "name": _("Branch Manager"),
                "required_user_id": self.company_id.sudo().scm_manager_id.id,
            }
        ]

    def _scm_check_complete(self):
        for request in self:
            missing = [
                label
                for label, value in (
                    (_("disc type"), request.disc_type),
                    (_("product"), request.product),
                    (_("version"), request.version),
                    (_("requested deadline"), request.requested_date),
                    (
                        _("customer"),
                        request.partner_id or request.disc_type != "official",
                    ),
                )
                if not value
            ]
            if missing:
                raise UserError(
                    _(
                        "%(doc)s lacks: %(missing)s (SVC-DISC-01).",
                        doc=request.display_name,
                        missing=", ".join(missing),
                    )
                )

    def action_scm_sign(self, slot):
        """The Branch Manager (or a delegate) signs the complete request
        (SVC-DISC-01)."""
        self.ensure_one()
        self.check_access("read")
        self._scm_check_state(("draft",), _("signed"))
        self._scm_check_complete()
        if self.requested_date < fields.Date.context_today(self):
            raise UserError(_("The requested deadline cannot be in the past."))
        result = super().action_scm_sign(slot)
        if self.scm_signatures_complete:
            self._scm_step_write({"state": "branch_signed"})
        return result

    def action_sign_branch(self):
        for request in self:
            request.action_scm_sign("branch_manager")
        return True

    def action_send(self):
        """The branch sends the signed request to the TSMS, who forwards it
        within 1 working day of receipt (SVC-DISC-01/02)."""
        self.check_access("read")
        self._scm_check_branch(_("send"))
        for request in self:
            if request.state == "draft":
                # ORG-RULE-05: the attempt without signature is recorded.
                blocked = request._scm_guard_signed(_("sent to the TSMS"))
                if blocked:
                    return blocked
            request._scm_check_state(("branch_signed",), _("sent"))
            tsms = self._scm_tsms()
            if not tsms:
                raise UserError(_("No TSMS is set up to receive disc requests."))
            now = fields.Datetime.now()
            request._scm_step_write(
                {
                    "state": "sent",
                    "sent_by_id": self.env.user.id,
                    "sent_date": now,
                    "tsms_id": tsms.id,
                }
            )
            request._scm_deadline_open(
                "SVC-DISC-02",
                _("Forward %(doc)s to the MCD Manager", doc=request.display_name),
                tsms,
                1,
                start=now,
            )
        return True

    def action_forward(self):
        """The TSMS forwards the request to the MCD Manager, who decides the
        same calendar day (SVC-DISC-02, ORG-RULE-03)."""
        self.check_access("read")
        self._scm_check_tsms(_("forward"))
        self._scm_check_state(("sent",), _("forwarded"))
        manager = self._scm_mcd_manager()
        if not manager:
            raise UserError(_("MCD has no manager to approve disc requests."))
        now = fields.Datetime.now()
        for request in self:
            request._scm_deadline_close("SVC-DISC-02")
            request._scm_step_write(
                {
                    "state": "forwarded",
                    "forwarded_date": now,
                    "mcd_manager_id": manager.id,
                }
            )
            request._scm_deadline_open(
                "SVC-DISC-02",
                _("Approve %(doc)s today", doc=request.display_name),
                manager,
                0,
                unit="same_day",
                start=now,
            )
        return True

    def _scm_decide(self, state):
        now = fields.Datetime.now()
        for request in self:
            deadline = request._scm_deadlines("SVC-DISC-02")
            late = any(now > d.due_date for d in deadline)
            request._scm_deadline_close("SVC-DISC-02")
            request._scm_step_write(
                {"state": state, "decided_date": now, "decision_late": late}
            )

    def action_approve(self):
        """The MCD Manager approves: the TSMS presses the disc (official) or
        builds the system (demo, practice) by the requested date."""
        self.check_access("read")
        self._scm_check_mcd_manager(_("approve"))
        self._scm_check_state(("forwarded",), _("approved"))
        self._scm_decide("approved")
        for request in self:
            tsms = request.tsms_id or self._scm_tsms()
            request._scm_deadline_open(
                "SVC-DISC-04" if request.disc_type == "official" else "SVC-DISC-06",
                _("Deliver %(doc)s by the requested date", doc=request.display_name),
                tsms,
                max(
                    (request.requested_date - fields.Date.context_today(request)).days,
                    0,
                ),
                unit="calendar_days",
            )
        return True

    def action_reject(self):
        """Not approved (the MCD Manager) or impossible as requested (the
        TSMS, after approval): one outcome is required, and the branch is
        told (SVC-DISC-03)."""
        self.check_access("read")
        for request in self:
            if request.state == "forwarded":
                request._scm_check_mcd_manager(_("refuse"))
            else:
                request._scm_check_tsms(_("declare impossible"))
            request._scm_check_state(("forwarded", "approved"), _("refused"))
            if not request.refusal_outcome:
                raise UserError(
                    _(
                        "Choose the outcome of the refusal of %(doc)s: branch "
                        "notified, deferred until a condition is met, or an "
                        "alternative agreed (SVC-DISC-03).",
                        doc=request.display_name,
                    )
                )
            if not (request.refusal_detail or "").strip():
                raise UserError(
                    _(
                        "Give the reason, the condition of the deferral or the "
                        "alternative agreed for %(doc)s.",
                        doc=request.display_name,
                    )
                )
            if request.state == "forwarded":
                request._scm_decide("rejected")
            else:
                request._scm_deadline_cancel(("SVC-DISC-04", "SVC-DISC-06"))
                request._scm_step_write({"state": "rejected"})
            request._scm_notify_branch(
                _("Disc request not carried out: %(doc)s", doc=request.display_name),
                _(
                    "%(outcome)s: %(detail)s",
                    outcome=dict(REFUSAL_OUTCOMES)[request.refusal_outcome],
                    detail=request.refusal_detail,
                ),
            )
        return True

    def _scm_notify_branch(self, subject, text):
        self.ensure_one()
        partners = (
            (self.sent_by_id | self.company_id.sudo().scm_manager_id | self.create_uid)
            .filtered(lambda u: not u.share)
            .partner_id
        )
        self.env["scm.notice"]._scm_send(
            self, subject, Markup("<p>%s</p>") % text, partners
        )

    # -- production (SVC-DISC-04, SVC-DISC-06) --------------------------------------
    def action_produce(self):
        self.check_access("read")
        self._scm_check_tsms(_("record the pressing of"))
        self._scm_check_type(("official",), _("pressed"))
        self._scm_check_state(("approved",), _("pressed"))
        self._scm_step_write(
            {"state": "produced", "produced_date": fields.Datetime.now()}
        )
        return True

    def action_build(self):
        self.check_access("read")
        self._scm_check_tsms(_("record the build of"))
        self._scm_check_type(("demo", "practice"), _("built"))
        self._scm_check_state(("approved",), _("built"))
        self._scm_step_write({"state": "built"})
        return True

    def action_verify(self):
        """The TSMS opens and checks the discs (install files) so that they
        work at the branch."""
        self.check_access("read")
        self._scm_check_tsms(_("verify"))
        for request in self:
            request._scm_check_state(
                ("produced",) if request.disc_type == "official" else ("built",),
                _("verified"),
            )
        self._scm_step_write(
            {
                "state": "verified",
                "verified_date": fields.Datetime.now(),
                "verified_by_id": self.env.user.id,
            }
        )
        return True

    def _scm_first_official_disc(self):
        """Whether this is the first official disc of a formal customer (one
        with a contract in force): it ships with the User Licence
        Certificate."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        if self.disc_type != "official" or not customer:
            return False
        formal = (
            self.env["scm.contract"]
            .sudo()
            .search_count(
                [
                    ("partner_id", "=", customer.id),
                    ("stage", "in", IN_FORCE),
                ],
                limit=1,
            )
        )
        if not formal:
            return False
        earlier = self.sudo().search_count(
            [
                ("id", "!=", self.id),
                ("disc_type", "=", "official"),
                ("partner_id", "child_of", customer.id),
                ("state", "in", ("shipped", "confirmed", "receipt_returned")),
            ],
            limit=1,
        )
        return not earlier

    def action_ship(self):
        """Ship the opened and verified official discs with the receipt and,
        for the first official disc of a formal customer, the User Licence
        Certificate; after the requested date the shipping is flagged; the
        TSMS confirms the arrival within 1 working day (SVC-DISC-04/05)."""
        self.check_access("read")
        self._scm_check_tsms(_("ship"))
        self._scm_check_type(("official",), _("shipped"))
        today = fields.Date.context_today(self)
        for request in self:
            if request.state != "verified":
                raise UserError(
                    _(
                        "%(doc)s cannot be shipped: the discs must be opened and "
                        "verified first (SVC-DISC-04).",
                        doc=request.display_name,
                    )
                )
            certificate = request._scm_first_official_disc()
            request._scm_step_write(
                {
                    "state": "shipped",
                    "shipped_date": today,
                    "shipped_late": today > request.requested_date,
                    "licence_certificate": certificate,
                }
            )
            request._scm_deadline_close("SVC-DISC-04")
            request._scm_deadline_open(
                "SVC-DISC-05",
                _("Confirm the arrival of %(doc)s", doc=request.display_name),
                request.tsms_id or self._scm_tsms(),
                1,
            )
            request._scm_deliver_project_request()
            request._scm_notify_branch(
                _("Discs shipped: %(doc)s", doc=request.display_name),
                _(
                    "Enclosed: the Product Disc Receipt%(certificate)s. Please "
                    "return the receipt within 1 working day of arrival.",
                    certificate=_(" and the User Licence Certificate")
                    if certificate
                    else "",
                ),
            )
        return True

    def action_confirm_arrival(self, received_date=None):
        """The TSMS confirms with the branch that the discs arrived; the
        branch returns the receipt within 1 working day of arrival
        (SVC-DISC-05)."""
        self.check_access("read")
        self._scm_check_tsms(_("confirm the arrival of"))
        self._scm_check_state(("shipped",), _("confirmed"))
        today = fields.Date.context_today(self)
        received = fields.Date.to_date(received_date) or today
        for request in self:
            if received > today or received < request.shipped_date:
                raise UserError(
                    _(
                        "The discs arrive between their shipping and today, not "
                        "on %(date)s.",
                        date=received,
                    )
                )
            request._scm_deadline_close("SVC-DISC-05")
            request._scm_step_write(
                {
                    "state": "confirmed",
                    "confirmed_date": fields.Datetime.now(),
                    "received_date": received,
                }
            )
            owner = (
                request.sent_by_id
                if request.sent_by_id.active
                else request.company_id.sudo().scm_manager_id
            )
            request._scm_deadline_open(
                "SVC-DISC-05",
                _("Return the receipt of %(doc)s", doc=request.display_name),
                owner,
                1,
                start=datetime.combine(received, time(4, 0)),
            )
        return True

    def action_return_receipt(self):
        """The branch returns the filled-in Product Disc Receipt."""
        self.check_access("read")
        self._scm_check_branch(_("return the receipt of"))
        self._scm_check_state(("confirmed",), _("receipted"))
        for request in self:
            request._scm_deadline_close("SVC-DISC-05")
            request._scm_step_write(
                {
                    "state": "receipt_returned",
                    "receipt_returned_date": fields.Datetime.now(),
                    "receipt_returned_by_id": self.env.user.id,
                }
            )
        return True

    # -- demo and practice (SVC-DISC-06) --------------------------------------------
    def action_upload(self):
        self.check_access("read")
        self._scm_check_tsms(_("upload"))
        self._scm_check_type(("demo", "practice"), _("uploaded"))
        today = fields.Date.context_today(self)
        for request in self:
            if request.state != "verified":
                raise UserError(
                    _(
                        "%(doc)s cannot be uploaded: its install files must be "
                        "opened and verified first (SVC-DISC-06).",
                        doc=request.display_name,
                    )
                )
            if not (request.upload_location or "").strip():
                raise UserError(
                    _("Say where on the service website the files were uploaded.")
                )
            request._scm_step_write(
                {
                    "state": "uploaded",
                    "uploaded_date": today,
                    "uploaded_late": today > request.requested_date,
                }
            )
            request._scm_deadline_close("SVC-DISC-06")
            request._scm_deliver_project_request()
        return True

    def action_email_serial(self):
        """The TSMS e-mails the product serial number to the branch."""
        self.check_access("read")
        self._scm_check_tsms(_("e-mail the serial number of"))
        self._scm_check_state(("uploaded",), _("e-mailed"))
        for request in self:
            if not (request.serial_number or "").strip():
                raise UserError(_("Enter the product serial number to e-mail."))
            request._scm_notify_branch(
                _("Serial number of %(doc)s", doc=request.display_name),
                _(
                    "The files are on the service website (%(where)s). Product "
                    "serial number: %(serial)s",
                    where=request.upload_location,
                    serial=request.serial_number,
                ),
            )
            request._scm_step_write(
                {
                    "state": "serial_emailed",
                    "serial_emailed_date": fields.Datetime.now(),
                }
            )
        return True

    def action_log_phone_guidance(self):
        self.check_access("read")
        self._scm_check_tsms(_("log the phone guidance of"))
        self._scm_check_state(("serial_emailed",), _("guided"))
        for request in self:
            if not (request.phone_guidance_log or "").strip():
                raise UserError(
                    _("Log the phone guidance given to the branch for the download.")
                )
        self._scm_step_write(
            {"state": "phone_guided", "phone_guided_date": fields.Datetime.now()}
        )
        return True

    def action_done(self):
        self.check_access("read")
        self._scm_check_tsms(_("close"))
        self._scm_check_type(("demo", "practice"), _("closed this way"))
        self._scm_check_state(("phone_guided",), _("closed"))
        self._scm_step_write({"state": "done", "done_date": fields.Datetime.now()})
        return True

    # -- project disc requests (PRJ-SC-06) ------------------------------------------
    @api.model
    def _scm_create_from_project_request(self, project_request):
        """Make the pressing request of a project's disc request: its branch,
        customer, type (product → official), quantity and due date."""
        project_request.check_access("read")
        project = project_request.sudo().project_id
        return self.create(
            {
                "company_id": project_request.sudo().company_id.id,
                "partner_id": project.partner_id.id,
                "disc_type": "official"
                if project_request.disc_type == "product"
                else "practice",
                "quantity": project_request.quantity,
                "requested_date": project_request.due_date,
                "requirements": project_request.requirements,
                "project_disc_request_id": project_request.id,
                "product": project.name,
                "version": "/",
            }
        )

    def _scm_deliver_project_request(self):
        """The project's disc request is delivered with its discs."""
        self.ensure_one()
        project_request = self.sudo().project_disc_request_id
        if project_request.state == "requested":
            project_request.with_user(self.env.user).action_deliver()

    # -- prints ---------------------------------------------------------------------
    def action_print_request(self):
        self.ensure_one()
        return self.env.ref("scm_service.action_report_scm_disc_request").report_action(
            self
        )

    def action_print_certificate(self):
        self.ensure_one()
        if not self.licence_certificate:
            raise UserError(
                _(
                    "%(doc)s carries no User Licence Certificate: only the first "
                    "official disc of a formal customer does (SVC-DISC-04).",
                    doc=self.display_name,
                )
            )
        return self.env.ref(
            "scm_service.action_report_scm_disc_certificate"
        ).report_action(self)
