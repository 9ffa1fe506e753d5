from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .scm_competitor_decision import COMPETITOR_STATUS

# Set only from the working group's decisions (SAL-COMP-02/05).
DECIDED_FIELDS = {"in_scope", "status", "scope_decision_id", "status_decision_id"}

INTEL_READERS = (
    "scm_base.group_unit_manager,scm_base.group_msd_manager,"
    "scm_base.group_msd_product,scm_base.group_auditor"
)

# Longer names than this do not fit the unique index of the name.
NAME_MAX_LENGTH = 256


class ScmCompetitor(models.Model):
    """A competitor of the company (000 §二.7). Whether it is within the
    scope of competitors and whether it is current or potential is decided
    by the Competitor Analysis Working Group, never typed in."""

    _name = "scm.competitor"
    _description = "Competitor"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "in_scope desc, name"

    name = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Company Record", help="The competitor's company."
    )
    website = fields.Char()
    region = fields.Char(string="Main Market")
    products = fields.Text()
    description = fields.Text()
    decision_ids = fields.One2many(
        "scm.competitor.decision", "competitor_id", string="Group Decisions"
    )
    scope_decision_id = fields.Many2one(
        "scm.competitor.decision",
        string="Scope Decided At",
        compute="_compute_decided",
        store=True,
    )
    status_decision_id = fields.Many2one(
        "scm.competitor.decision",
        string="Status Decided At",
        compute="_compute_decided",
        store=True,
    )
    in_scope = fields.Boolean(compute="_compute_decided", store=True, tracking=True)
    status = fields.Selection(
        COMPETITOR_STATUS, compute="_compute_decided", store=True, tracking=True
    )
    analysis_ids = fields.One2many(
        "scm.competitor.analysis", "competitor_id", string="Analyses"
    )
    # The intelligence is read by the units that collect it, MSD and audit
    # (access rights of scm.competitor.intel): the other roles open the
    # competitor without it instead of meeting an access error.
    intel_ids = fields.One2many(
        "scm.competitor.intel",
        "competitor_id",
        string="Intelligence",
        groups=INTEL_READERS,
    )
    intel_count = fields.Integer(compute="_compute_intel_count", groups=INTEL_READERS)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "This competitor is already recorded."),
    ]

    @api.depends(
        "decision_ids.applied",
        "decision_ids.in_scope",
        "decision_ids.status",
        "decision_ids.meeting_date",
    )
    def _compute_decided(self):
        for competitor in self:
            applied = competitor.decision_ids.filtered("applied").sorted(
                lambda d: (d.meeting_date, d.id), reverse=True
            )
            scope = applied.filtered(lambda d: d.decision_type == "scope")[:1]
            status = applied.filtered(lambda d: d.decision_type == "status")[:1]
            competitor.scope_decision_id = scope
            competitor.in_scope = scope.in_scope
            competitor.status_decision_id = status
            competitor.status = status.status

    def _compute_intel_count(self):
        counts = {
            competitor.id: count
            for competitor, count in self.env["scm.competitor.intel"]._read_group(
                [("competitor_id", "in", self.ids)], ["competitor_id"], ["__count"]
            )
        }
        for competitor in self:
            competitor.intel_count = counts.get(competitor.id, 0)

    @api.model
    def _scm_check_editor(self):
        if self.env.su:
            # Data files and technical jobs run as superuser.
            return
        user = self.env.user
        if not (
            user.has_group("scm_base.group_msd_manager")
            or user.has_group("scm_base.group_msd_product")
        ):
            raise UserError(
                _(
                    "Only the MSD Manager or a Product Market Specialist keeps "
                    "the competitor records."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        self._scm_check_editor()
        for vals in vals_list:
            self._scm_check_name_length(vals)
            if DECIDED_FIELDS & set(vals):
                raise UserError(
                    _(
                        "Scope and status of a competitor are set by the working "
                        "group's decisions, not typed in."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if DECIDED_FIELDS & set(vals):
            raise UserError(
                _(
                    "Scope and status of a competitor are set by the working "
                    "group's decisions, not typed in."
                )
            )
        self._scm_check_editor()
        self._scm_check_name_length(vals)
        return super().write(vals)

    @api.model
    def _scm_check_name_length(self, vals):
        """The name is unique (a btree index): refuse what the index cannot
        hold with a message instead of a database error."""
        name = vals.get("name")
        if isinstance(name, str) and len(name) > NAME_MAX_LENGTH:
            raise ValidationError(
                _(
                    "A competitor's name has at most %(max)s characters.",
                    max=NAME_MAX_LENGTH,
                )
            )
