from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .scm_audit_finding import LEVELS

KINDS = [
    ("deadline", "Missed Deadline"),
    ("delay_notice", "Milestone Overdue Without a Delay Notice"),
    ("collection", "Overdue Collection Without the PM's Report"),
    ("violation", "Procedure Violation"),
    ("sample", "Stage Acceptance Sample"),
    ("satisfaction", "Customer Satisfaction"),
    ("escalation", "Escalation of an Uncorrected Finding"),
]


class ScmAuditProposal(models.Model):
    """The Audit Dept's work queue (AUD-CTR-01..04, AUD-ESC-01): a fact the
    other addons recorded (a missed deadline, a milestone overdue without a
    delay notice, an overdue collection without the PM's report, a logged
    procedure violation, a sampled stage acceptance, a failed re-check)
    proposed as a finding. The Audit Dept confirms it (it becomes a finding
    of the unit's audit report of the month, or raises the level of the
    uncorrected finding) or dismisses it with a reason; nothing is applied
    silently, and the same fact (`fact_key`) is never proposed twice."""

    _name = "scm.audit.proposal"
    _description = "Audit Work Queue Proposal"
    _inherit = ["mail.thread", "scm.step.guard.mixin", "scm.audit.mixin"]
    _order = "state_sequence, fact_date desc, id desc"
    _scm_step_fields = (
        "state",
        "decided_by_id",
        "decided_date",
        "dismiss_reason",
        "finding_id",
    )

    name = fields.Char(string="Proposed Finding", required=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True, index=True)
    fact_key = fields.Char(
        required=True,
        readonly=True,
        index=True,
        help="What the fact is, once: the same fact is never proposed twice.",
    )
    fact_date = fields.Datetime(readonly=True, default=fields.Datetime.now, index=True)
    description = fields.Text(readonly=True)
    rule_code = fields.Char(string="Rule", readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="Person", readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", readonly=True, required=True, index=True
    )
    department_id = fields.Many2one("hr.department", readonly=True, index=True)
    proposed_level = fields.Selection(LEVELS, readonly=True, default="1")
    res_model = fields.Char(string="Evidence Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Evidence ID", model_field="res_model", readonly=True
    )
    res_name = fields.Char(string="Evidence", readonly=True)
    target_finding_id = fields.Many2one(
        "scm.audit.finding",
        string="Finding to Escalate",
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("confirmed", "Confirmed"),
            ("dismissed", "Dismissed"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Datetime(string="Decided On", readonly=True)
    dismiss_reason = fields.Text(string="Reason for Dismissal", readonly=True)
    finding_id = fields.Many2one("scm.audit.finding", readonly=True, index=True)

    _sql_constraints = [
        (
            "fact_key_unique",
            "UNIQUE(fact_key)",
            "This fact is already in the Audit Dept's work queue.",
        ),
    ]

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"proposed": 0, "confirmed": 1, "dismissed": 2}
        for proposal in self:
            proposal.state_sequence = order.get(proposal.state, 3)

    # -- the queue is written by the detection, never by a client ------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                _(
                    "Proposals come from what the other addons recorded; open a "
                    "finding on the record instead."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and vals.keys() - self._scm_chatter_fields():
            raise UserError(
                _("A proposal is confirmed or dismissed through its buttons.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(
                _("The work queue is kept: dismiss a proposal with a reason.")
            )

    @api.model
    def _scm_propose(self, vals_list):
        """Add facts to the queue, each once: a fact whose `fact_key` was
        proposed before (whatever became of it) is skipped. Returns the new
        proposals."""
        keys = [vals["fact_key"] for vals in vals_list]
        if not keys:
            return self.browse()
        Proposal = self.sudo().with_context(active_test=False)
        self.flush_model(["fact_key"])
        self.env.cr.execute(
            "SELECT fact_key FROM scm_audit_proposal WHERE fact_key = ANY(%s)",
            [keys],
        )
        known = {row[0] for row in self.env.cr.fetchall()}
        fresh, seen = [], set()
        for vals in vals_list:
            key = vals["fact_key"]
            if key in known or key in seen:
                continue
            seen.add(key)
            fresh.append(vals)
        return Proposal.create(fresh) if fresh else self.browse()

    @api.model
    def _scm_propose_escalation(self, finding, note):
        """A failed re-check: the uncorrected finding goes one level up
        (AUD-ESC-01: level 1 not corrected → level 2; level 2 not corrected →
        a level-3 proposal, which the Audit Dept decides with a reason)."""
        level = str(min(int(finding.level) + 1, 3))
        return self._scm_propose(
            [
                {
                    "name": _(
                        "Not corrected at re-check: %(doc)s", doc=finding.display_name
                    ),
                    "kind": "escalation",
                    "fact_key": f"recheck:{finding.id}:{finding.recheck_failed_count}",
                    "description": note,
                    "rule_code": finding.rule_code,
                    "user_id": finding.audited_user_id.id,
                    "company_id": finding.company_id.id,
                    "department_id": finding.department_id.id,
                    "proposed_level": level,
                    "res_model": finding._name,
                    "res_id": finding.id,
                    "res_name": finding.display_name,
                    "target_finding_id": finding.id,
                }
            ]
        )

    # -- decisions ---------------------------------------------------------------------
    def _scm_check_open(self):
        self._scm_check_auditor(_("decide on a proposal of the work queue"))
        for proposal in self:
            if proposal.state != "proposed":
                raise UserError(
                    _(
                        "%(doc)s was already decided.",
                        doc=proposal.display_name,
                    )
                )

    def action_confirm(self, reason=None):
        """Confirm the proposals: each becomes a finding of its unit's audit
        report of the month, or raises the level of its uncorrected finding.
        A level-3 proposal needs the Audit Dept's reason."""
        self._scm_check_open()
        findings = self.env["scm.audit.finding"]
        for proposal in self:
            if proposal.kind == "escalation":
                proposal.target_finding_id._scm_escalate(
                    proposal.proposed_level, reason or proposal.description
                )
                finding = proposal.target_finding_id
            else:
                if proposal.proposed_level == "3" and not (reason or "").strip():
                    raise UserError(
                        _(
                            "Level 3 (company-wide circular) needs the Audit Dept's "
                            "reason (AUD-ESC-01)."
                        )
                    )
                finding = proposal._scm_make_finding()
                if proposal.proposed_level == "3":
                    proposal.sudo()._scm_pending_level_three(finding, reason)
            proposal._scm_step_write(
                {
                    "state": "confirmed",
                    "decided_by_id": self.env.user.id,
                    "decided_date": fields.Datetime.now(),
                    "finding_id": finding.id,
                }
            )
            findings |= finding
        return findings

    def _scm_make_finding(self):
        self.ensure_one()
        report = self.env["scm.audit.report"]._scm_draft_for(
            self.company_id, self.department_id
        )
        vals = {
            "report_id": report.id,
            "title": self.name,
            "description": self.description or self.name,
            "rule_code": self.rule_code,
            "audited_user_id": self.user_id.id,
            "res_model": self.res_model or False,
            "res_id": self.res_id or False,
        }
        finding = self.env["scm.audit.finding"].create(vals)
        finding._scm_step_write({"origin": self.kind, "proposal_id": self.id})
        if self.proposed_level == "2":
            finding.write({"level": "2"})
        return finding

    def _scm_pending_level_three(self, finding, reason):
        """A level-3 proposal (a satisfaction re-check failed again, AUD-SAT-02):
        the finding is level 3 once its report is confirmed, with the
        decision's reason."""
        finding._scm_escalate("3", reason)

    def action_dismiss(self, reason):
        """Dismiss the proposal with the reason why it is not a finding."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Say why the proposal is dismissed."))
        self._scm_check_open()
        self._scm_step_write(
            {
                "state": "dismissed",
                "decided_by_id": self.env.user.id,
                "decided_date": fields.Datetime.now(),
                "dismiss_reason": reason,
            }
        )
        return True

    def action_open_evidence(self):
        self.ensure_one()
        if not (self.res_model and self.res_id):
            raise UserError(_("This proposal names no record."))
        return self._scm_form(self.res_model, self.res_id)

    def action_dismiss_wizard(self):
        return self._scm_window(
            "scm_audit.action_scm_audit_decision_wizard",
            {"default_proposal_ids": self.ids, "default_decision": "dismiss"},
        )

    def action_confirm_wizard(self):
        return self._scm_window(
            "scm_audit.action_scm_audit_decision_wizard",
            {"default_proposal_ids": self.ids, "default_decision": "confirm"},
        )
