from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

COMPETITOR_STATUS = [
    ("current", "Current Competitor"),
    ("potential", "Potential Competitor"),
]


class ScmCompetitorDecision(models.Model):
    """A decision of the working group on one competitor, taking effect when
    the meeting is held: the scope of competitors (SAL-COMP-02), or at the
    seminar whether it is a current or a potential competitor (SAL-COMP-05)."""

    _name = "scm.competitor.decision"
    _description = "Competitor Decision of the Working Group"
    _inherit = ["scm.step.guard.mixin"]
    _order = "meeting_date desc, id desc"
    # A decision takes effect only when its meeting is held.
    _scm_step_fields = ("applied",)

    meeting_id = fields.Many2one(
        "scm.competitor.meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    meeting_type = fields.Selection(related="meeting_id.meeting_type")
    meeting_date = fields.Datetime(related="meeting_id.start", store=True)
    competitor_id = fields.Many2one("scm.competitor", required=True, index=True)
    decision_type = fields.Selection(
        [("scope", "Competitor Scope"), ("status", "Current or Potential")],
        required=True,
        default="scope",
    )
    in_scope = fields.Boolean(help="Within the company's scope of competitors.")
    status = fields.Selection(COMPETITOR_STATUS)
    reason = fields.Text()
    applied = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        (
            "decision_unique",
            "UNIQUE(meeting_id, competitor_id, decision_type)",
            "The meeting already decided this about the competitor.",
        ),
    ]

    @api.depends("competitor_id", "decision_type", "status", "in_scope")
    def _compute_display_name(self):
        types = dict(self._fields["decision_type"]._description_selection(self.env))
        for decision in self:
            decision.display_name = (
                f"{decision.competitor_id.name or ''}: "
                f"{types.get(decision.decision_type, '')}"
            )

    @api.constrains("decision_type", "status", "meeting_id")
    def _check_decision(self):
        for decision in self:
            if decision.decision_type == "status":
                if not decision.status:
                    raise ValidationError(
                        _(
                            "Say whether %(name)s is a current or a "
                            "potential competitor.",
                            name=decision.competitor_id.name,
                        )
                    )
                if decision.meeting_id.meeting_type != "seminar":
                    raise ValidationError(
                        _(
                            "Current and potential competitors are listed at the "
                            "competitor analysis seminar only."
                        )
                    )

    def _check_meeting_open(self, meetings):
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_manager"
        ):
            raise UserError(_("Only the MSD Manager records the group's decisions."))
        if meetings.filtered(lambda m: m.state in ("done", "cancel")):
            raise UserError(
                _("The meeting is over: its decisions can no longer be changed.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        meeting_ids = [
            vals["meeting_id"] for vals in vals_list if vals.get("meeting_id")
        ]
        if any(not isinstance(meeting_id, int) for meeting_id in meeting_ids):
            raise ValidationError(_("A decision belongs to a meeting record."))
        meetings = self.env["scm.competitor.meeting"].browse(meeting_ids)
        self._check_meeting_open(meetings)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            meetings = self.mapped("meeting_id")
            if isinstance(vals.get("meeting_id"), int):
                meetings |= meetings.browse(vals["meeting_id"])
            self._check_meeting_open(meetings)
        return super().write(vals)

    def unlink(self):
        self._check_meeting_open(self.mapped("meeting_id"))
        return super().unlink()

    def _scm_apply(self):
        self._scm_step_write({"applied": True})
