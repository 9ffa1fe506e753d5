from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

MEETING_TYPES = [
    ("kickoff", "Kick-off Meeting"),
    ("assessment", "Management Assessment Meeting"),
    ("grassroots", "Grass-roots Meeting"),
    ("tracking", "On-site Tracking"),
    ("other", "Other Meeting"),
]
# In principle at most this many days per department (PRJ-RES-02, PRJ-RES-07):
# a longer meeting is shown with a warning, not refused.
MAX_DAYS = {"assessment": 1.0, "grassroots": 0.5, "tracking": 0.5}
# Meetings held per department of the customer.
DEPARTMENT_TYPES = ("assessment", "grassroots", "tracking")
# What the minutes say: frozen once a side signed them.
CONTENT_FIELDS = {
    "name",
    "meeting_type",
    "department",
    "date",
    "duration_days",
    "venue",
    "chair_id",
    "recorder_id",
    "addressee_id",
    "attendees",
    "minutes",
    "item_ids",
}


class ScmProjectMeeting(models.Model):
    """A meeting of the kick-off or research phase and its minutes
    (《会谈纪要》): kick-off meeting (PRJ-KICK-06), management assessment
    meeting (PRJ-RES-02), grass-roots meeting and on-site tracking
    (PRJ-RES-07). The minutes are written by a team member the PM
    designates, signed by both sides' implementation leads, sent to the
    customer and kept one copy per side (PRJ-RES-04); a commitment beyond the
    contract's scope needs MCD's consultation first (PRJ-RES-05)."""

    _name = "scm.project.meeting"
    _description = "Project Meeting and Minutes"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.signature.mixin",
        "scm.distribution.mixin",
    ]
    _order = "date desc, id desc"
    _scm_step_fields = ("state", "sent_on", "sent_by_id")
    # The PM's signature slot is the PM's own step, shown on the form.
    _scm_signature_activities = False

    name = fields.Char(string="Subject", required=True, tracking=True)
    meeting_type = fields.Selection(
        MEETING_TYPES, string="Type", required=True, default="assessment", index=True
    )
    department = fields.Char(
        string="Customer Department",
        help="The customer's department the meeting or tracking is held for.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    duration_days = fields.Float(
        string="Duration (Days)", digits=(6, 2), required=True, default=0.5
    )
    duration_warning = fields.Char(compute="_compute_duration_warning")
    venue = fields.Char()
    chair_id = fields.Many2one(
        "res.partner",
        help="The customer's project lead who convenes and chairs the meeting.",
    )
    recorder_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False)]",
        help="The AA team member the PM designated to write the minutes.",
    )
    addressee_id = fields.Many2one(
        "res.partner",
        string="Addressed To",
        help="The customer contact the minutes are submitted to (the leading "
        "group leader for the kick-off minutes).",
    )
    attendees = fields.Text()
    minutes = fields.Text()
    item_ids = fields.One2many(
        "scm.project.meeting.item", "meeting_id", string="Items", copy=True
    )
    consultation_pending = fields.Boolean(
        string="MCD Consultation Pending",
        compute="_compute_consultation_pending",
        help="An item commits beyond the contract's scope and MCD was not "
        "consulted yet (PRJ-RES-05).",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    sent_on = fields.Datetime(readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    pm_signed = fields.Boolean(
        string="Signed by the AA PM", compute="_compute_pm_signed"
    )

    # -- computes ---
    @api.depends("meeting_type", "duration_days")
    def _compute_duration_warning(self):
        for meeting in self:
            limit = MAX_DAYS.get(meeting.meeting_type)
            if limit and meeting.duration_days > limit:
                meeting.duration_warning = _(
                    "In principle a %(type)s takes at most %(limit)s day per "
                    "department; this one took %(days)s days.",
                    type=dict(
                        self._fields["meeting_type"]._description_selection(self.env)
                    )[meeting.meeting_type],
                    limit=limit,
                    days=meeting.duration_days,
                )
            else:
                meeting.duration_warning = False

    @api.depends("item_ids.beyond_scope", "item_ids.mcd_consulted_by_id")
    def _compute_consultation_pending(self):
        for meeting in self:
            meeting.consultation_pending = bool(
                meeting.item_ids.filtered(
                    lambda i: i.beyond_scope and not i.mcd_consulted_by_id
                )
            )

    @api.depends("customer_signed_date")
    def _compute_customer_signed(self):
        # The customer-sign mixin's compute declares no dependency: without
        # one the stored flag would never follow the signature.
        return super()._compute_customer_signed()

    def _compute_pm_signed(self):
        for meeting in self:
            meeting.pm_signed = meeting._scm_pm_has_signed()

    def _scm_pm_has_signed(self):
        """Read from the signatures themselves, not from a cached field: a
        step may have signed earlier in the same transaction."""
        self.ensure_one()
        if not self.id:
            return False
        return bool(
            self.env["scm.signature"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("slot", "=", "pm"),
                    ("state", "=", "signed"),
                ]
            )
        )

    # -- constraints ---
    @api.constrains(
        "meeting_type", "department", "duration_days", "chair_id", "recorder_id"
    )
    def _check_required_by_type(self):
        """PRJ-RES-02/07: a department meeting names the department, a
        duration, its chair (assessment) and its AA recorder."""
        for meeting in self:
            if meeting.duration_days <= 0:
                raise ValidationError(_("A meeting lasts a positive number of days."))
            if (
                meeting.meeting_type in DEPARTMENT_TYPES
                and not (meeting.department or "").strip()
            ):
                raise ValidationError(
                    _("Name the customer department the meeting is held for.")
                )
            if meeting.meeting_type == "assessment" and not meeting.chair_id:
                raise ValidationError(
                    _(
                        "An assessment meeting is chaired by the customer's "
                        "project lead: set the chair (PRJ-RES-02)."
                    )
                )
            if not meeting.recorder_id:
                raise ValidationError(
                    _("Set the AA team member who records the minutes (PRJ-RES-02).")
                )

    @api.constrains("chair_id", "addressee_id", "project_id")
    def _check_customer_contacts(self):
        for meeting in self:
            customer = meeting.sudo().project_id.partner_id.commercial_partner_id
            for partner in (meeting.chair_id | meeting.addressee_id).sudo():
                if partner.commercial_partner_id != customer:
                    raise ValidationError(
                        _(
                            "%(contact)s is not a contact of the project's customer.",
                            contact=partner.display_name,
                        )
                    )

    @api.constrains("recorder_id", "project_id")
    def _check_recorder(self):
        for meeting in self.filtered("recorder_id"):
            project = meeting.sudo().project_id
            if (
                meeting.recorder_id != project.user_id
                and meeting.recorder_id not in project.scm_member_user_ids
            ):
                raise ValidationError(
                    _(
                        "%(user)s is not on the AA team of %(project)s: the "
                        "minutes are recorded by a team member.",
                        user=meeting.recorder_id.name,
                        project=project.display_name,
                    )
                )

    # -- CRUD ---
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            for project in projects.sudo():
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the project team, the branch manager or MCD may "
                            "record the meetings of %(project)s.",
                            project=project.display_name,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_project_worker(_("change"))
            if vals.keys() & CONTENT_FIELDS:
                self._scm_check_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._scm_check_project_worker(_("delete"))
            self._scm_check_editable()
        return super().unlink()

    def _scm_check_editable(self):
        """The minutes change only while no side has signed them."""
        for meeting in self:
            if (
                meeting.state != "draft"
                or meeting.customer_signed_date
                or meeting._scm_pm_has_signed()
            ):
                raise UserError(
                    _(
                        "%(doc)s is signed or sent: its minutes are no longer changed.",
                        doc=meeting.display_name,
                    )
                )

    # -- signatures (PRJ-RES-04) ---
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "pm",
                "name": _("AA Project Manager"),
                "required_user_id": self.sudo().project_id.user_id.id,
            }
        ]

    def _scm_check_minutes_written(self):
        for meeting in self:
            if meeting.state != "draft":
                raise UserError(
                    _("%(doc)s was already sent.", doc=meeting.display_name)
                )
            if not (meeting.minutes or "").strip():
                raise UserError(
                    _(
                        "Write the minutes of %(doc)s before they are signed.",
                        doc=meeting.display_name,
                    )
                )

    def action_sign_pm(self):
        """The AA PM signs the minutes (PRJ-RES-04)."""
        for meeting in self:
            meeting._scm_check_minutes_written()
            meeting.action_scm_sign("pm")
        return True

    def _scm_check_customer_may_sign(self):
        self._scm_check_minutes_written()

    def _scm_missing_signature_names(self):
        self.ensure_one()
        names = self._scm_missing_signatures().mapped("name")
        if not self.customer_signed:
            names.append(_("the customer's implementation lead"))
        return names

    # -- send (PRJ-KICK-06, PRJ-RES-04/05) ---
    def _scm_distribution_list(self):
        """One copy per side: the AA PM keeps one, the customer's addressee
        the other (PRJ-RES-04)."""
        self.ensure_one()
        return [
            {
                "recipient_user_id": self.sudo().project_id.user_id.id,
                "copy_type": "original",
            },
            {"recipient_partner_id": self.addressee_id.id, "copy_type": "original"},
        ]

    def action_send(self):
        """The PM sends the signed minutes to the customer's addressee; each
        side keeps one copy. Minutes with a commitment beyond the contract's
        scope wait for MCD's consultation (PRJ-RES-05); unsigned minutes are
        not sent, and the attempt is a procedure violation (ORG-RULE-05)."""
        self.ensure_one()
        self._scm_check_pm(_("send"))
        self._scm_check_minutes_written()
        if not self.addressee_id:
            raise UserError(
                _(
                    "Set the customer contact %(doc)s is addressed to.",
                    doc=self.display_name,
                )
            )
        pending = self.item_ids.filtered(
            lambda i: i.beyond_scope and not i.mcd_consulted_by_id
        )
        if pending:
            raise UserError(
                _(
                    "%(doc)s commits beyond the contract's scope (%(items)s): MCD "
                    "must be consulted before the minutes are sent (PRJ-RES-05).",
                    doc=self.display_name,
                    items="; ".join(i.description[:60] for i in pending),
                )
            )
        missing = self._scm_missing_signature_names()
        if missing:
            names = ", ".join(missing)
            self.env["scm.procedure.violation"]._scm_log(
                self,
                _("sent"),
                _("Missing signatures: %(names)s", names=names),
            )
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": _("Signature missing"),
                    "message": _(
                        "%(doc)s cannot be sent: %(names)s not signed yet. The "
                        "attempt was recorded as a procedure violation.",
                        doc=self.display_name,
                        names=names,
                    ),
                    "type": "danger",
                    "sticky": True,
                },
            }
        self._scm_step_write(
            {
                "state": "sent",
                "sent_on": fields.Datetime.now(),
                "sent_by_id": self.env.user.id,
            }
        )
        self._scm_distribute()
        return True

    def _scm_final_report(self):
        return self.env.ref("scm_projects.action_report_scm_project_meeting")
