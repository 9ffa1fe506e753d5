from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.scm_base.tools import create_pivot_index

VISIT_STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("acknowledged", "Acknowledged"),
    ("out", "Out on Visit"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
INTRODUCER_TYPES = [
    ("garment_association", "Local Garment Association"),
    ("textile_bureau", "Textile Bureau"),
    ("garment_company", "Garment Company"),
    ("other", "Other"),
]
# What the consultant plans before the approval; frozen once submitted.
PLAN_FIELDS = {
    "company_id",
    "user_id",
    "partner_id",
    "visit_kind",
    "previous_visit_id",
    "planned_start",
    "planned_stop",
    "plan",
    "objectives",
    "tracking_summary",
    "likely_issues",
    "introducer_type",
    "introducer_name",
}
# What the consultant reports during and after the visit (SAL-VISIT-03/05).
REPORT_FIELDS = {
    "receiver_name",
    "receiver_position",
    "receiver_is_decision_maker",
    "customer_needs",
    "note_taker_id",
    "meeting_notes",
    "introducer_type",
    "introducer_name",
}
# What a closed visit must have recorded (SAL-VISIT-03, SAL-VISIT-05).
CLOSING_FIELDS = (
    "receiver_name",
    "receiver_position",
    "receiver_is_decision_maker",
    "note_taker_id",
    "meeting_notes",
)
# Stages in which the visit report may still be filled in.
REPORT_STAGES = ("draft", "submitted", "approved", "acknowledged", "out")


class ScmCustomerVisit(models.Model):
    """《客户走访单》: the consultant's visit plan, approved by the Branch
    Manager and handed to the branch's Attendance Administrator before the
    consultant may leave the office (SAL-VISIT-04); it then carries the visit
    report (SAL-VISIT-03/05) and, for a revisit, the recent tracking
    (SAL-VISIT-07)."""

    _name = "scm.customer.visit"
    _description = "Customer Visit Form"
    _inherit = ["mail.thread", "scm.approval.mixin", "scm.stage.mixin"]
    _scm_stage_field = "visit_stage"
    # The number and what the acknowledgement, departure and closing record.
    _scm_step_fields = (
        "name",
        "acknowledged_by_id",
        "acknowledged_date",
        "departed_date",
        "done_date",
        "contact_id",
    )
    _order = "planned_start desc, id desc"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Consultant",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain="[('scm_is_customer', '=', True)]",
        tracking=True,
    )
    visit_kind = fields.Selection(
        [("first", "First Visit"), ("revisit", "Revisit")],
        required=True,
        default="first",
        tracking=True,
    )
    previous_visit_id = fields.Many2one(
        "scm.customer.visit",
        domain="[('partner_id', '=', partner_id), ('visit_stage', '=', 'done')]",
    )
    planned_start = fields.Datetime(required=True, tracking=True)
    planned_stop = fields.Datetime(
        string="Planned End",
        compute="_compute_planned_stop",
        store=True,
        readonly=False,
    )
    plan = fields.Text(string="Visit Plan", required=True)
    objectives = fields.Text(required=True)
    tracking_summary = fields.Text(
        string="Recent Tracking Summary",
        help="Before a revisit: what happened with the customer since the last "
        "contact (SAL-VISIT-07).",
    )
    likely_issues = fields.Text(
        help="Before a revisit: the questions the customer is likely to raise "
        "(000 §二.2.3.1).",
    )
    receiver_name = fields.Char(tracking=True)
    receiver_position = fields.Char(tracking=True)
    receiver_is_decision_maker = fields.Selection(
        [("yes", "Yes"), ("no", "No")],
        string="Receiver Decides on Cooperation",
        tracking=True,
    )
    customer_needs = fields.Text(
        string="Stated Needs and Problems",
        help="The needs and problems the customer itself sees.",
    )
    introducer_type = fields.Selection(
        INTRODUCER_TYPES,
        string="Introduced Through",
        help="For large or difficult customers: who introduces the consultant "
        "to the customer's leaders.",
    )
    introducer_name = fields.Char(string="Introducer")
    note_taker_id = fields.Many2one(
        "res.users",
        string="Note-taker",
        help="The person designated to take careful notes of the meeting.",
        tracking=True,
    )
    meeting_notes = fields.Text()
    visit_stage = fields.Selection(
        VISIT_STAGES,
        string="Stage",
        required=True,
        default="draft",
        copy=False,
        index=True,
        readonly=True,
        tracking=True,
    )
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    acknowledged_date = fields.Datetime(
        string="Acknowledged On", readonly=True, copy=False
    )
    departed_date = fields.Datetime(string="Left Office On", readonly=True, copy=False)
    done_date = fields.Datetime(string="Closed On", readonly=True, copy=False)
    cancel_reason = fields.Char(string="Cancellation Reason", copy=False)
    contact_id = fields.Many2one(
        "scm.customer.contact",
        string="Contact Log Entry",
        readonly=True,
        copy=False,
        help="The meeting logged in the customer's contact log (SAL-CUST-08).",
    )
    minutes_ids = fields.One2many(
        "scm.meeting.minutes", "visit_id", string="Meeting Minutes", readonly=True
    )
    minutes_count = fields.Integer(compute="_compute_minutes_count")

    def init(self):
        result = super().init()
        # The visits pivot: consultant x month of the visit.
        create_pivot_index(self, ("company_id", "user_id", "planned_start"))
        return result

    # -- computes -------------------------------------------------------------
    @api.depends("planned_start")
    def _compute_planned_stop(self):
        for visit in self:
            if visit.planned_start and not visit.planned_stop:
                visit.planned_stop = visit.planned_start + timedelta(hours=2)

    @api.depends("minutes_ids")
    def _compute_minutes_count(self):
        groups = self.env["scm.meeting.minutes"]._read_group(
            [("visit_id", "in", self.ids)], ["visit_id"], ["__count"]
        )
        counts = {visit.id: count for visit, count in groups}
        for visit in self:
            visit.minutes_count = counts.get(visit.id, 0)

    @api.constrains("planned_start", "planned_stop")
    def _check_planned_times(self):
        for visit in self:
            if visit.planned_stop and visit.planned_stop < visit.planned_start:
                raise ValidationError(
                    _("The planned end of a visit cannot be before its start.")
                )

    @api.constrains("visit_stage", "contact_id")
    def _check_done_has_contact(self):
        """SAL-CUST-08: a visit is closed only with its meeting logged."""
        for visit in self.filtered(lambda v: v.visit_stage == "done"):
            if not visit.contact_id or visit.contact_id.contact_type != "meeting":
                raise ValidationError(
                    _(
                        "%(visit)s cannot be closed without a meeting in the "
                        "customer's contact log.",
                        visit=visit.display_name,
                    )
                )

    # -- create / write ---------------------------------------------------------
    def _scm_check_not_after_visit(self):
        """A visit form is filled before the visit (SAL-VISIT-04): a request
        for a visit whose time has passed is refused."""
        if self.env.su:
            return  # demo data and migrations record past visits
        now = fields.Datetime.now()
        for visit in self:
            if visit.planned_start and visit.planned_start < now:
                raise ValidationError(
                    _(
                        "The visit form must be filled in and approved before the "
                        "visit: %(visit)s was planned for %(date)s, which has "
                        "already passed.",
                        visit=visit.display_name,
                        date=fields.Datetime.to_string(visit.planned_start),
                    )
                )

    def _scm_check_territory(self):
        for visit in self:
            visit.partner_id._scm_assert_branch_may_work(visit.company_id)

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for visit in visits.filtered(lambda v: v.name == "/"):
            # The number is the system's, never the client's.
            visit.sudo().write(
                {"name": sequence.next_by_code("scm.customer.visit") or "/"}
            )
        visits._scm_check_not_after_visit()
        visits._scm_check_territory()
        return visits

    def write(self, vals):
        if not self.env.su:
            self._scm_check_editable(vals)
        res = super().write(vals)
        if "planned_start" in vals:
            self._scm_check_not_after_visit()
        if {"partner_id", "company_id"} & set(vals):
            self._scm_check_territory()
        return res

    def _scm_check_editable(self, vals):
        """The plan freezes once submitted; the report once the visit is
        closed (approved documents cannot be edited)."""
        if "visit_stage" in vals:
            raise UserError(_("The stage of a visit changes only through its buttons."))
        changed = set(vals) - {
            name for name in vals if name.startswith(("message_", "activity_"))
        }
        for visit in self:
            if visit.visit_stage == "draft":
                continue
            if visit.visit_stage not in REPORT_STAGES:
                locked = changed - {"cancel_reason"}
            else:
                locked = (changed & PLAN_FIELDS) - REPORT_FIELDS
            if locked:
                raise UserError(
                    _(
                        "%(visit)s is %(stage)s: its plan can no longer be "
                        "changed (%(fields)s).",
                        visit=visit.display_name,
                        stage=dict(VISIT_STAGES)[visit.visit_stage],
                        fields=", ".join(
                            sorted(visit._fields[f].string for f in locked)
                        ),
                    )
                )

    def _get_under_validation_exceptions(self):
        # Under review the consultant may still prepare the visit report.
        return super()._get_under_validation_exceptions() + sorted(REPORT_FIELDS)

    def _scm_set_stage(self, stage, **vals):
        self.sudo().with_context(skip_validation_check=True).write(
            dict(vals, visit_stage=stage)
        )

    # -- approval (SAL-VISIT-04, SAL-VISIT-07) -----------------------------------
    def _scm_approval_check_submit(self):
        self.ensure_one()
        if self.visit_stage != "draft":
            raise UserError(_("Only a draft visit form can be submitted."))
        if self.env.user != self.user_id and not self.env.user.has_group(
            "scm_base.group_branch_manager"
        ):
            raise AccessError(
                _(
                    "Only the consultant of %(visit)s submits it.",
                    visit=self.display_name,
                )
            )
        missing = []
        if not (self.plan or "").strip():
            missing.append(self._fields["plan"].string)
        if not (self.objectives or "").strip():
            missing.append(self._fields["objectives"].string)
        if self.visit_kind == "revisit":
            if not (self.tracking_summary or "").strip():
                missing.append(self._fields["tracking_summary"].string)
            if not (self.likely_issues or "").strip():
                missing.append(self._fields["likely_issues"].string)
        if missing:
            raise ValidationError(
                _(
                    "%(visit)s cannot be submitted without: %(fields)s.",
                    visit=self.display_name,
                    fields=", ".join(missing),
                )
            )
        self._scm_check_not_after_visit()
        self._scm_check_territory()

    def action_scm_submit(self):
        res = super().action_scm_submit()
        self._scm_set_stage("submitted")
        return res

    def action_scm_withdraw(self):
        res = super().action_scm_withdraw()
        self.filtered(lambda v: v.visit_stage == "submitted")._scm_set_stage("draft")
        return res

    def _scm_approval_on_rejected(self):
        self._scm_set_stage("draft")

    def _scm_approval_on_approved(self):
        """Hand the approved form to the branch's Attendance Administrator."""
        self._scm_set_stage("approved")
        for visit in self:
            admins = visit._scm_attendance_admins()
            if not admins:
                visit.message_post(
                    body=_(
                        "No Attendance Administrator is set up for %(branch)s: "
                        "nobody can acknowledge this visit yet.",
                        branch=visit.company_id.name,
                    )
                )
                continue
            self.env["scm.notice"]._scm_send(
                visit,
                _("Approved visit form %(visit)s", visit=visit.name),
                _(
                    "%(consultant)s visits %(customer)s on %(date)s. Please "
                    "acknowledge the approved visit form.",
                    consultant=visit.user_id.name,
                    customer=visit.partner_id.name,
                    date=fields.Datetime.to_string(
                        fields.Datetime.context_timestamp(visit, visit.planned_start)
                    )[:16],
                ),
                admins.partner_id,
            )
            for admin in admins:
                visit.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Acknowledge the visit form"),
                    user_id=admin.id,
                )

    def _scm_attendance_admins(self):
        self.ensure_one()
        group = self.env.ref("scm_base.group_attendance_admin")
        return (
            group.sudo()
            .users.filtered(
                lambda u: u.active and u._scm_is_member_of_company(self.company_id)
            )
            .with_env(self.env)
        )

    # -- stage transitions ------------------------------------------------------
    def _scm_check_consultant_or_manager(self):
        user = self.env.user
        for visit in self:
            if user != visit.user_id and not (
                user.has_group("scm_base.group_branch_manager")
                and user._scm_is_member_of_company(visit.company_id)
            ):
                raise AccessError(
                    _(
                        "Only the consultant of %(visit)s or the Branch Manager "
                        "may do this.",
                        visit=visit.display_name,
                    )
                )

    def action_acknowledge(self):
        """The Attendance Administrator of the branch receives the approved form."""
        user = self.env.user
        if not user.has_group("scm_base.group_attendance_admin"):
            raise AccessError(
                _("Only an Attendance Administrator acknowledges a visit form.")
            )
        for visit in self:
            if not user._scm_is_member_of_company(visit.company_id):
                raise AccessError(
                    _(
                        "Only an Attendance Administrator of %(branch)s "
                        "acknowledges this visit form.",
                        branch=visit.company_id.name,
                    )
                )
        self._scm_check_stage(("approved",), _("acknowledged"))
        if any(visit.state != "approved" for visit in self):
            raise UserError(_("Only an approved visit form can be acknowledged."))
        self._scm_set_stage(
            "acknowledged",
            acknowledged_by_id=user.id,
            acknowledged_date=fields.Datetime.now(),
        )
        for visit in self:
            visit.sudo().activity_feedback(
                ["mail.mail_activity_data_todo"],
                user_id=user.id,
                feedback=_("Acknowledged"),
            )
            visit.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_depart(self):
        """SAL-VISIT-04: the consultant leaves only with an approved and
        acknowledged visit form."""
        self._scm_check_consultant_or_manager()
        for visit in self:
            if visit.state != "approved" or not visit.acknowledged_date:
                raise UserError(
                    _(
                        "%(visit)s must be approved by the Branch Manager and "
                        "acknowledged by the Attendance Administrator before the "
                        "consultant leaves for the visit.",
                        visit=visit.display_name,
                    )
                )
        self._scm_check_stage(("acknowledged",), _("started"))
        self._scm_set_stage("out", departed_date=fields.Datetime.now())
        return True

    def action_done(self):
        """Close the visit: the report is complete (SAL-VISIT-03/05), the meeting
        goes to the contact log (SAL-CUST-08) and the minutes fall due
        (SAL-VISIT-06)."""
        self._scm_check_consultant_or_manager()
        self._scm_check_stage(("out",), _("closed"))
        for visit in self:
            missing = [
                visit._fields[name].string
                for name in CLOSING_FIELDS
                if not visit[name]
                or (isinstance(visit[name], str) and not visit[name].strip())
            ]
            if missing:
                raise ValidationError(
                    _(
                        "%(visit)s cannot be closed without: %(fields)s.",
                        visit=visit.display_name,
                        fields=", ".join(missing),
                    )
                )
        now = fields.Datetime.now()
        for visit in self:
            contact = visit.contact_id or visit._scm_log_contact()
            visit._scm_set_stage("done", done_date=now, contact_id=contact.id)
            if not visit.minutes_ids:
                visit._scm_create_minutes()
        return True

    def _scm_log_contact(self):
        self.ensure_one()
        summary = "\n".join(
            part
            for part in (
                _("Visit %(visit)s", visit=self.name),
                _(
                    "Received by %(name)s (%(position)s)",
                    name=self.receiver_name,
                    position=self.receiver_position,
                ),
                self.customer_needs or "",
                self.meeting_notes or "",
            )
            if part
        )
        return (
            self.env["scm.customer.contact"]
            .with_user(self.user_id)
            .sudo()
            .create(
                {
                    "partner_id": self.partner_id.id,
                    "user_id": self.user_id.id,
                    "date": self.departed_date or fields.Datetime.now(),
                    "contact_type": "meeting",
                    "channel": "visit",
                    "contact_name": self.receiver_name,
                    "summary": summary,
                }
            )
        )

    def _scm_create_minutes(self):
        self.ensure_one()
        return (
            self.env["scm.meeting.minutes"]
            .sudo()
            .create(
                {
                    "context": "sales",
                    "visit_id": self.id,
                    "company_id": self.company_id.id,
                    "user_id": self.user_id.id,
                    "partner_id": self.partner_id.id,
                    "meeting_date": self.departed_date or fields.Datetime.now(),
                    "attendees": ", ".join(
                        filter(
                            None,
                            (
                                self.user_id.name,
                                self.note_taker_id.name,
                                self.receiver_name,
                            ),
                        )
                    ),
                    "content": self.meeting_notes,
                }
            )
        )

    def action_cancel(self):
        self._scm_check_consultant_or_manager()
        self._scm_check_stage(
            ("draft", "submitted", "approved", "acknowledged"), _("cancelled")
        )
        under_review = self.filtered(lambda v: v.state == "to_approve")
        if under_review:
            super(ScmCustomerVisit, under_review).action_scm_withdraw()
        self.with_context(skip_validation_check=True).sudo().write({"state": "cancel"})
        self._scm_set_stage("cancelled")
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_view_minutes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_sales.action_scm_meeting_minutes"
        )
        action["domain"] = [("visit_id", "=", self.id)]
        action["context"] = {"default_visit_id": self.id}
        if len(self.minutes_ids) == 1:
            action.update(view_mode="form", res_id=self.minutes_ids.id, views=False)
        return action

    def action_print(self):
        return self.env.ref("scm_sales.action_report_scm_customer_visit").report_action(
            self
        )

    def _scm_approval_opinions(self):
        """The approving opinions of the current round, for the printout."""
        self.ensure_one()
        return (
            self._scm_current_round()
            .sudo()
            .opinion_ids.filtered(lambda o: o.decision == "approved")
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for visit in self:
            if visit.visit_stage not in ("draft", "cancelled") or visit.contact_id:
                raise UserError(
                    _(
                        "%(visit)s is under way or done and cannot be deleted.",
                        visit=visit.display_name,
                    )
                )

    @api.model
    def _scm_demo_advance(self, visit_ids, stage):
        """Demo only: move visits through the real workflow as the right users."""
        if not self.env.su:
            raise AccessError(_("Only the system runs the demo workflow."))
        order = ["draft", "submitted", "approved", "acknowledged", "out", "done"]
        for visit in self.browse(visit_ids):
            # Acting users keep superuser mode so that past demo dates pass.
            consultant = visit.with_user(visit.user_id).sudo()
            steps = order[order.index(visit.visit_stage) + 1 : order.index(stage) + 1]
            for step in steps:
                if step == "submitted":
                    consultant.action_scm_submit()
                elif step == "approved":
                    manager = visit.company_id.scm_manager_id
                    visit.with_user(manager).sudo()._scm_demo_approve()
                elif step == "acknowledged":
                    admin = visit._scm_attendance_admins()[:1]
                    visit.with_user(admin).sudo().action_acknowledge()
                elif step == "out":
                    consultant.action_depart()
                elif step == "done":
                    consultant.action_done()
        return True

    def _scm_demo_approve(self):
        action = self.validate_tier()
        if action:
            self.env["comment.wizard"].with_context(**action["context"]).create(
                {"comment": _("Approved")}
            ).add_comment()
