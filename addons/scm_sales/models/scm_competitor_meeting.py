from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmCompetitorMeeting(models.Model):
    """A meeting of the Competitor Analysis Working Group (SAL-COMP-01): a
    work meeting, or the seminar that lists current and potential
    competitors (SAL-COMP-05). Only the MSD Manager convenes it; the Product
    Market Specialist may attend without being a member (立席)."""

    _name = "scm.competitor.meeting"
    _description = "Competitor Analysis Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    _order = "start desc, id desc"
    # The meeting moves and is put in the calendar only by its steps.
    _scm_step_fields = ("state", "convener_id", "calendar_event_id")

    name = fields.Char(string="Subject", required=True, tracking=True)
    group_id = fields.Many2one(
        "scm.working.group",
        string="Working Group",
        required=True,
        domain=[("group_type", "=", "competitor")],
        default=lambda self: self.env.ref(
            "scm_sales.working_group_competitor_analysis", raise_if_not_found=False
        ),
    )
    company_id = fields.Many2one(related="group_id.company_id", store=True)
    meeting_type = fields.Selection(
        [("work", "Work Meeting"), ("seminar", "Competitor Analysis Seminar")],
        required=True,
        default="work",
        tracking=True,
    )
    start = fields.Datetime(required=True, tracking=True)
    duration = fields.Float(default=2.0, help="Hours.")
    location = fields.Char()
    convener_id = fields.Many2one(
        "res.users",
        string="Convened By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    member_user_ids = fields.Many2many(
        "res.users",
        "scm_competitor_meeting_member_rel",
        "meeting_id",
        "user_id",
        string="Invited Members",
    )
    observer_ids = fields.Many2many(
        "res.users",
        "scm_competitor_meeting_observer_rel",
        "meeting_id",
        "user_id",
        string="Attending Without Membership",
        help="Product Market Specialists invited as needed (立席).",
    )
    agenda = fields.Html()
    minutes = fields.Html()
    decision_ids = fields.One2many(
        "scm.competitor.decision", "meeting_id", string="Decisions"
    )
    analysis_ids = fields.One2many(
        "scm.competitor.analysis", "meeting_id", string="Analyses"
    )
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("invited", "Invited"),
            ("done", "Held"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    @api.model
    def _scm_check_convener(self):
        if self.env.su:
            return
        if not self.env.user.has_group("scm_base.group_msd_manager"):
            raise UserError(
                _("Only the MSD Manager convenes the competitor analysis meetings.")
            )

    @api.constrains("group_id")
    def _check_group_type(self):
        for meeting in self:
            if meeting.group_id.group_type != "competitor":
                raise ValidationError(
                    _("Competitor meetings belong to a competitor analysis group.")
                )

    @api.constrains("observer_ids", "group_id")
    def _check_observers(self):
        product_group = self.env.ref("scm_base.group_msd_product")
        for meeting in self:
            members = meeting.group_id._scm_member_users()
            for user in meeting.observer_ids:
                if user in members:
                    raise ValidationError(
                        _(
                            "%(user)s is a member of the group and is invited as "
                            "a member, not as an attendee without membership.",
                            user=user.name,
                        )
                    )
                if user not in product_group.users:
                    raise ValidationError(
                        _(
                            "Only Product Market Specialists attend without "
                            "membership; %(user)s is not one.",
                            user=user.name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        self._scm_check_convener()
        meetings = super().create(vals_list)
        for meeting in meetings.filtered(lambda m: not m.member_user_ids):
            meeting.member_user_ids = meeting.group_id._scm_member_users()
        return meetings

    def write(self, vals):
        self._scm_check_convener()
        if not self.env.su:
            if self.filtered(lambda m: m.state in ("done", "cancel")) and set(vals) - {
                "minutes"
            }:
                raise UserError(
                    _("A held or cancelled meeting can no longer be changed.")
                )
        return super().write(vals)

    def unlink(self):
        self._scm_check_convener()
        if self.filtered(lambda m: m.state != "draft"):
            raise UserError(
                _("Only a draft meeting can be deleted; cancel it instead.")
            )
        return super().unlink()

    # -- transitions ------------------------------------------------------------------
    def _scm_transition(self, allowed_from, state):
        self._scm_check_convener()
        labels = dict(self._fields["state"]._description_selection(self.env))
        for meeting in self:
            if meeting.state not in allowed_from:
                raise UserError(
                    _(
                        "%(meeting)s cannot go from %(state_from)s to %(state_to)s.",
                        meeting=meeting.name,
                        state_from=labels[meeting.state],
                        state_to=labels[state],
                    )
                )
        self._scm_step_write({"state": state})

    def action_invite(self):
        """Send the invitations through the calendar (members and attendees)."""
        for meeting in self:
            if not meeting.member_user_ids:
                raise UserError(_("Invite at least one member of the group."))
        self._scm_transition(["draft"], "invited")
        for meeting in self:
            users = meeting.member_user_ids | meeting.observer_ids | self.env.user
            event = (
                self.env["calendar.event"]
                .sudo()
                .create(
                    {
                        "name": meeting.name,
                        "start": meeting.start,
                        "stop": meeting.start + timedelta(hours=meeting.duration or 1),
                        "location": meeting.location,
                        "description": meeting.agenda,
                        "user_id": self.env.user.id,
                        "partner_ids": [(6, 0, users.mapped("partner_id").ids)],
                        "res_model_id": self.env["ir.model"]._get_id(meeting._name),
                        "res_id": meeting.id,
                    }
                )
            )
            meeting._scm_step_write({"calendar_event_id": event.id})
        return True

    def action_done(self):
        """The meeting was held: its decisions take effect on the competitors."""
        self._scm_transition(["invited"], "done")
        self.mapped("decision_ids")._scm_apply()
        return True

    def _scm_demo_hold(self):
        """Demo data: invite and hold the meeting (idempotent)."""
        self.filtered(lambda m: m.state == "draft").action_invite()
        self.filtered(lambda m: m.state == "invited").action_done()
        return True

    def action_cancel(self):
        self._scm_transition(["draft", "invited"], "cancel")
        self.mapped("calendar_event_id").sudo().action_archive()
        return True
