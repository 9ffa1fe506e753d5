from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

KICKOFF_STATES = [
    ("preparation", "Preparation"),
    ("held", "Meeting Held"),
    ("done", "Completed"),
]
# What the kick-off preparation records (briefing, meeting); frozen once the
# meeting is held.
PREPARATION_FIELDS = {
    "briefing_date",
    "briefing_attendees",
    "briefing_content",
    "meeting_datetime",
    "meeting_venue",
    "customer_attendee_ids",
    "aa_attendee_ids",
    "meeting_notes",
}
# The phased-implementation decision (PRJ-RES-06) is the PM's.
PHASED_FIELDS = {"phased", "transition_plan"}


class ScmProjectKickoff(models.Model):
    """The kick-off preparation checklist and kick-off meeting of a customer
    project (000 §三.8.2; PRJ-KICK-01..04, PRJ-KICK-06): the senior
    management briefing, the customer's leading-group leader, the team on
    both sides, the kick-off meeting once the first payment is received, and
    the minutes addressed to the group leader that complete the kick-off
    and open the research phase."""

    _name = "scm.project.kickoff"
    _description = "Project Kick-off"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.project.document.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "state",
        "held_on",
        "held_by_id",
        "completed_on",
        "completed_by_id",
    )

    state = fields.Selection(
        KICKOFF_STATES,
        default="preparation",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    project_phase = fields.Selection(related="project_id.scm_phase")
    # -- PRJ-KICK-01: senior management briefing ---
    briefing_date = fields.Date(
        string="Senior Management Briefing On",
        tracking=True,
        help="The PM presented the whole implementation process to the "
        "customer's senior managers (PRJ-KICK-01).",
    )
    briefing_attendees = fields.Text(help="The customer's senior managers present.")
    briefing_content = fields.Text(
        string="Key Steps, Difficulties and Risks Presented",
        help="E.g. traditional management habits, lack of consensus, "
        "individual interests harming the whole.",
    )
    # -- PRJ-KICK-02/03: leading group and team ---
    group_leader_id = fields.Many2one(
        "res.partner",
        string="Leading Group Leader",
        compute="_compute_team",
        help="The customer member with the role Leading Group Leader on the "
        "project team (PRJ-KICK-02).",
    )
    unfilled_aa_roles = fields.Char(
        string="Unfilled AA Roles",
        compute="_compute_team",
        help="AA roles of PRJ-KICK-03 nobody on the team holds: a warning, "
        "not a block.",
    )
    # -- PRJ-KICK-04: the meeting ---
    meeting_datetime = fields.Datetime(
        string="Meeting Time",
        tracking=True,
        help="Agreed between the customer's group leader and the AA PM.",
    )
    meeting_venue = fields.Char(
        string="Venue", tracking=True, help="Chosen by the customer."
    )
    host_id = fields.Many2one(
        "res.partner",
        compute="_compute_team",
        help="The customer's leading-group leader hosts the meeting.",
    )
    customer_attendee_ids = fields.Many2many(
        "res.partner",
        "scm_project_kickoff_customer_rel",
        "kickoff_id",
        "partner_id",
        string="Customer Attendees",
        help="The customer's top leader and all leading-group members.",
    )
    aa_attendee_ids = fields.Many2many(
        "res.users",
        "scm_project_kickoff_aa_rel",
        "kickoff_id",
        "user_id",
        string="AA Attendees",
        help="The main AA team members.",
    )
    meeting_notes = fields.Text(string="Agenda and Notes")
    first_payment_received = fields.Boolean(
        compute="_compute_first_payment_received",
        help="The first payment of the contract is recorded as received (PRJ-KICK-04).",
    )
    held_on = fields.Datetime(string="Set Held On", readonly=True, copy=False)
    held_by_id = fields.Many2one(
        "res.users", string="Set Held By", readonly=True, copy=False
    )
    # -- PRJ-KICK-06: minutes ---
    minutes_ids = fields.One2many(
        "scm.project.meeting",
        compute="_compute_minutes_ids",
        string="Kick-off Minutes",
    )
    completed_on = fields.Datetime(readonly=True, copy=False)
    completed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # -- PRJ-RES-06: phased implementation ---
    phased = fields.Boolean(
        string="Phased Implementation",
        tracking=True,
        help="The customer implements in phases: the implementation scheme "
        "must describe the transition between phases (PRJ-RES-06).",
    )
    transition_plan = fields.Text(
        help="How the project moves from one phase to the next and the method "
        "for the next phase.",
    )

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one kick-off.",
        )
    ]

    # -- computes ---
    @api.depends("project_id")
    def _compute_display_name(self):
        for kickoff in self:
            kickoff.display_name = _(
                "Kick-off of %(project)s",
                project=kickoff.project_id.sudo().display_name or "",
            )

    @api.depends(
        "project_id.scm_member_ids.role",
        "project_id.scm_member_ids.side",
        "project_id.scm_member_ids.active",
        "project_id.scm_member_ids.customer_contact_id",
        "project_id.user_id",
    )
    def _compute_team(self):
        labels = dict(
            self.env["scm.project.member"]
            ._fields["role"]
            ._description_selection(self.env)
        )
        for kickoff in self:
            project = kickoff.project_id.sudo()
            leader = project._scm_group_leader() if project else False
            kickoff.group_leader_id = leader
            kickoff.host_id = leader
            missing = project._scm_unfilled_aa_roles() if project else []
            kickoff.unfilled_aa_roles = ", ".join(labels[role] for role in missing)

    def _compute_first_payment_received(self):
        for kickoff in self:
            kickoff.first_payment_received = kickoff._scm_first_payment_received()

    def _compute_minutes_ids(self):
        Meeting = self.env["scm.project.meeting"]
        for kickoff in self:
            kickoff.minutes_ids = Meeting.search(
                [
                    ("project_id", "=", kickoff.project_id.id),
                    ("meeting_type", "=", "kickoff"),
                ]
            )

    # -- constraints ---
    @api.constrains("customer_attendee_ids", "project_id")
    def _check_customer_attendees(self):
        for kickoff in self:
            customer = kickoff.sudo().project_id.partner_id.commercial_partner_id
            for partner in kickoff.sudo().customer_attendee_ids:
                if partner.commercial_partner_id != customer:
                    raise ValidationError(
                        _(
                            "%(contact)s is not a contact of the project's customer.",
                            contact=partner.display_name,
                        )
                    )

    @api.constrains("aa_attendee_ids")
    def _check_aa_attendees(self):
        for kickoff in self:
            if kickoff.sudo().aa_attendee_ids.filtered("share"):
                raise ValidationError(
                    _("The AA attendees of a kick-off are AA staff, not portal users.")
                )

    # -- CRUD ---
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            for project in projects.sudo():
                if not project._scm_acts_as_pm(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager of %(project)s may open its "
                            "kick-off.",
                            project=project.display_name,
                        )
                    )
                project._scm_check_phase(
                    ("initiation", "kickoff"), _("prepared for its kick-off")
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_project_worker(_("change"))
            if vals.keys() & PREPARATION_FIELDS:
                for kickoff in self:
                    if kickoff.state != "preparation":
                        raise UserError(
                            _(
                                "The kick-off meeting of %(doc)s was held: its "
                                "preparation is no longer changed.",
                                doc=kickoff.project_id.sudo().display_name,
                            )
                        )
            if vals.keys() & PHASED_FIELDS:
                self._scm_check_pm(_("decide the phased implementation of"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(_("A project's kick-off is kept, not deleted."))
        return super().unlink()

    # -- checks ---
    def _scm_first_payment_received(self):
        """PRJ-KICK-04: the first contractual payment is recorded as received.

        The first payment is the contract's first payment milestone by
        sequence (then id): it counts as received once the payments Finance
        registered against that milestone reach its amount. A contract
        without a payment schedule needs at least one payment registered
        (contract.amount_received > 0)."""
        self.ensure_one()
        contract = self.project_id.sudo().scm_contract_id
        if not contract:
            return False
        milestones = contract.milestone_ids.sorted(lambda m: (m.sequence, m.id))
        if milestones:
            first = milestones[0]
            return (
                first.currency_id.compare_amounts(first.amount_received, first.amount)
                >= 0
            )
        return contract.currency_id.compare_amounts(contract.amount_received, 0) > 0

    def _scm_kickoff_minutes(self):
        """PRJ-KICK-06: the kick-off minutes sent to the group leader."""
        self.ensure_one()
        leader = self.project_id.sudo()._scm_group_leader()
        if not leader:
            return self.env["scm.project.meeting"]
        return (
            self.env["scm.project.meeting"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.project_id.id),
                    ("meeting_type", "=", "kickoff"),
                    ("state", "=", "sent"),
                    ("addressee_id", "=", leader.id),
                ]
            )
        )

    def _scm_check_state(self, states, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for kickoff in self:
            if kickoff.state not in states:
                raise UserError(
                    _(
                        "%(doc)s is %(state)s: it cannot be %(action)s.",
                        doc=kickoff.display_name,
                        state=labels.get(kickoff.state),
                        action=action,
                    )
                )

    # -- steps ---
    def action_meeting_held(self):
        """PRJ-KICK-01/02/04: the PM records the kick-off meeting as held,
        once the briefing took place, the leading group has its leader, the
        meeting is set and the first payment is received."""
        for kickoff in self:
            kickoff._scm_check_pm(_("record the kick-off meeting of"))
            kickoff._scm_check_state(("preparation",), _("set held"))
            project = kickoff.project_id.sudo()
            project._scm_check_phase(("kickoff",), _("kicked off"))
            if (
                not kickoff.briefing_date
                or not (kickoff.briefing_attendees or "").strip()
            ):
                raise UserError(
                    _(
                        "Record the senior management briefing (its date and "
                        "attendees) before the kick-off meeting (PRJ-KICK-01)."
                    )
                )
            leader = project._scm_group_leader()
            if not leader:
                raise UserError(
                    _(
                        "%(project)s has no leader of the customer's leading "
                        "group on its team: add the customer member with the role "
                        "Leading Group Leader before the kick-off (PRJ-KICK-02).",
                        project=project.display_name,
                    )
                )
            missing = []
            if not kickoff.meeting_datetime:
                missing.append(_("the meeting time"))
            if not (kickoff.meeting_venue or "").strip():
                missing.append(_("the venue chosen by the customer"))
            # Whether they are set, not whether the user may read each
            # contact (the customer file's rules decide that).
            if not kickoff.sudo().customer_attendee_ids:
                missing.append(_("the customer's attendees"))
            if not kickoff.sudo().aa_attendee_ids:
                missing.append(_("the AA team members attending"))
            if missing:
                raise UserError(
                    _(
                        "Set %(missing)s of the kick-off meeting (PRJ-KICK-04).",
                        missing=", ".join(missing),
                    )
                )
            team = project.user_id | project.scm_member_user_ids
            outside = kickoff.sudo().aa_attendee_ids - team
            if outside:
                raise UserError(
                    _(
                        "%(names)s are not on the AA team of %(project)s: the "
                        "kick-off is attended by the team's main members "
                        "(PRJ-KICK-04).",
                        names=", ".join(outside.mapped("name")),
                        project=project.display_name,
                    )
                )
            now = fields.Datetime.now()
            if kickoff.meeting_datetime > now:
                raise UserError(_("The kick-off meeting cannot be held in the future."))
            meeting_day = fields.Datetime.context_timestamp(
                kickoff, kickoff.meeting_datetime
            ).date()
            if kickoff.briefing_date > meeting_day:
                raise UserError(
                    _(
                        "The senior management briefing comes before the kick-off "
                        "meeting (PRJ-KICK-01)."
                    )
                )
            if not kickoff._scm_first_payment_received():
                raise UserError(
                    _(
                        "The first payment of %(contract)s is not recorded as "
                        "received: the kick-off meeting cannot be held before it "
                        "(PRJ-KICK-04).",
                        contract=project.scm_contract_id.display_name,
                    )
                )
            kickoff._scm_step_write(
                {"state": "held", "held_on": now, "held_by_id": self.env.user.id}
            )
            body = _(
                "Kick-off meeting held at %(venue)s, hosted by %(host)s.",
                venue=kickoff.meeting_venue,
                host=leader.display_name,
            )
            if kickoff.unfilled_aa_roles:
                body = _(
                    "%(body)s Warning: AA roles unfilled: %(roles)s (PRJ-KICK-03).",
                    body=body,
                    roles=kickoff.unfilled_aa_roles,
                )
            kickoff.sudo().message_post(body=body)
        return True

    def action_complete(self):
        """PRJ-KICK-06: with the minutes sent to the group leader (and the
        plans the project needs in execution), the PM completes the kick-off
        and the project enters its research phase."""
        for kickoff in self:
            kickoff._scm_check_pm(_("complete the kick-off of"))
            kickoff._scm_check_state(("held",), _("completed"))
            project = kickoff.project_id.sudo()
            project._scm_check_phase(("kickoff",), _("moved to its research phase"))
            if not kickoff._scm_kickoff_minutes():
                raise UserError(
                    _(
                        "The kick-off of %(project)s is completed by its minutes "
                        "(会谈纪要), signed and sent to the customer's leading-group "
                        "leader (PRJ-KICK-06).",
                        project=project.display_name,
                    )
                )
            blockers = (
                project._scm_plan_blockers()
                if hasattr(project, "_scm_plan_blockers")
                else []
            )
            if blockers:
                raise UserError(
                    _(
                        "The kick-off of %(project)s cannot be completed yet: "
                        "%(blockers)s",
                        project=project.display_name,
                        blockers="; ".join(blockers),
                    )
                )
            kickoff._scm_step_write(
                {
                    "state": "done",
                    "completed_on": fields.Datetime.now(),
                    "completed_by_id": self.env.user.id,
                }
            )
            project._scm_set_phase("research")
            kickoff.sudo().activity_feedback(
                ["mail.mail_activity_data_todo"],
                feedback=_("Kick-off completed."),
            )
            project.message_post(
                body=_("Kick-off completed: the research phase begins.")
            )
        return True
