from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# What the reviewing department writes on its line (CON-SEC-02/03).
OPINION_FIELDS = {"feasibility", "cost_budget", "schedule", "opinion", "decision"}
ASSESSMENT_FIELDS = ("feasibility", "cost_budget", "schedule", "opinion")
SIGNATURE_SLOT = "department_manager"


class ScmCustomerRequirementReviewLine(models.Model):
    """One department's line of the 《项目评审意见表》 on a customer requirement
    report: its assessment of the implementation's feasibility, cost budget
    and expected schedule, its opinions, suggestions and questions, and its
    decision, signed by the department manager within 1 working day of
    receipt (CON-SEC-02/03)."""

    _name = "scm.customer.requirement.review.line"
    _description = "Customer Requirement Review Line"
    _inherit = ["scm.signature.mixin", "scm.step.guard.mixin"]
    _order = "review_id, sequence, id"
    # Set by MCD's review application and the signature; the reviewer writes
    # the assessments and the decision on their own line until they sign it.
    _scm_step_fields = (
        "review_id",
        "department_id",
        "reviewer_id",
        "received_at",
        "deadline_id",
        "state",
    )

    review_id = fields.Many2one(
        "scm.customer.requirement.review",
        string="Review Round",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    requirement_id = fields.Many2one(
        related="review_id.requirement_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="review_id.company_id", string="Branch", store=True, index=True
    )
    round_no = fields.Integer(related="review_id.round_no", string="Round")
    review_state = fields.Selection(related="review_id.state", string="Round Result")
    sequence = fields.Integer(default=10, readonly=True)
    department_id = fields.Many2one("hr.department", required=True, readonly=True)
    department_name = fields.Char(
        string="Reviewing Department",
        compute="_compute_department_name",
        help="Shown to the branch, which does not see HQ's departments.",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        string="Department Manager",
        required=True,
        readonly=True,
        index=True,
    )
    received_at = fields.Datetime(
        string="Received On",
        required=True,
        readonly=True,
        help="Server time at which the department received the report and the form.",
    )
    due_date = fields.Datetime(
        string="Due", related="deadline_id.due_date", help="Receipt + 1 working day."
    )
    deadline_id = fields.Many2one("scm.deadline", readonly=True, ondelete="set null")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", help="Signed late or not yet."
    )
    feasibility = fields.Text(string="Implementation Feasibility")
    cost_budget = fields.Text()
    schedule = fields.Text(string="Expected Schedule")
    opinion = fields.Text(string="Opinions, Suggestions and Questions")
    decision = fields.Selection(
        [("agree", "Agree"), ("disagree", "Disagree")],
        help="Whether the department agrees that the requirement be implemented.",
    )
    state = fields.Selection(
        [("pending", "To Sign"), ("signed", "Signed")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    signer_id = fields.Many2one(
        "res.users", string="Signed By", compute="_compute_signature"
    )
    signed_label = fields.Char(string="Signature", compute="_compute_signature")
    signed_at = fields.Datetime(string="Signed On", compute="_compute_signature")
    can_sign = fields.Boolean(compute="_compute_can_sign")

    @api.depends("department_id")
    def _compute_department_name(self):
        for line in self:
            line.department_name = line.sudo().department_id.name

    @api.depends("scm_signature_ids.state")
    def _compute_signature(self):
        for line in self:
            signature = line.sudo().scm_signature_ids.filtered(
                lambda s: s.slot == SIGNATURE_SLOT and s.state == "signed"
            )
            line.signer_id = signature.signer_id
            line.signed_label = signature.signed_label
            line.signed_at = signature.signed_at

    @api.depends("state", "deadline_id.due_date")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for line in self:
            deadline = line.sudo().deadline_id
            line.is_overdue = bool(
                deadline
                and (
                    deadline.is_overdue
                    or (deadline.state == "open" and deadline.due_date < now)
                )
            )

    @api.depends_context("uid")
    @api.depends("state", "review_id.state")
    def _compute_can_sign(self):
        for line in self:
            line.can_sign = (
                line.state == "pending"
                and line.review_id.state == "open"
                and line._scm_may_act()
            )

    @api.depends("department_id", "round_no")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.department_name} #{line.round_no}"

    # -- who acts on the line
    def _scm_may_act(self, user=None):
        """The department's manager, or a delegate of theirs (ORG-RULE-06)."""
        self.ensure_one()
        user = user or self.env.user
        return self.env["scm.delegation"]._scm_acts_for(
            user, self.reviewer_id, self._name
        )

    def _scm_check_may_act(self, action):
        for line in self:
            if not line._scm_may_act():
                raise AccessError(
                    _(
                        "Only the manager of %(unit)s (or an authorised delegate) "
                        "may %(action)s this review line.",
                        unit=line.department_name,
                        action=action,
                    )
                )
            if line.state != "pending" or line.review_id.state != "open":
                raise UserError(
                    _(
                        "The review line of %(unit)s is closed: it was signed or "
                        "its round was decided.",
                        unit=line.department_name,
                    )
                )

    # -- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _("Review lines are created by MCD's review application.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su:
            # MCD's application and the signature step, after their checks.
            return super().write(vals)
        if vals.keys() - OPINION_FIELDS:
            raise UserError(
                _(
                    "Only the assessments, the opinion and the decision of a "
                    "review line can be written."
                )
            )
        if any(
            vals.get(name) and not isinstance(vals[name], str)
            for name in ASSESSMENT_FIELDS
        ):
            raise UserError(_("The assessments and the opinion of a review are text."))
        if not isinstance(vals.get("decision"), str | bool | None) or vals.get(
            "decision"
        ) not in (None, False, "agree", "disagree"):
            raise UserError(_("A review decision is either agree or disagree."))
        self._scm_check_may_act(_("write"))
        # A delegate writes for the manager whose line it is (the record
        # rule only lets reviewers write their own lines).
        delegated = self.filtered(lambda line: line.reviewer_id != self.env.user)
        if delegated:
            super(ScmCustomerRequirementReviewLine, delegated.sudo()).write(vals)
        return super(ScmCustomerRequirementReviewLine, self - delegated).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("Review lines are kept with their round for good."))

    # -- signature (CON-SEC-03)
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": SIGNATURE_SLOT,
                "name": _("Manager of %(unit)s", unit=self.department_name),
                "required_user_id": self.reviewer_id.id,
            }
        ]

    def action_sign(self):
        """The department manager signs the department's opinion with the
        server's time; the line is closed and its deadline met."""
        for line in self:
            line._scm_check_may_act(_("sign"))
            missing = [
                line._fields[name].get_description(self.env)["string"]
                for name in ASSESSMENT_FIELDS
                if not (line[name] or "").strip()
            ]
            if not line.decision:
                missing.append(
                    line._fields["decision"].get_description(self.env)["string"]
                )
            if missing:
                raise UserError(
                    _(
                        "The review line of %(unit)s is incomplete: fill in "
                        "%(fields)s before signing.",
                        unit=line.department_name,
                        fields=", ".join(missing),
                    )
                )
            line.action_scm_sign(SIGNATURE_SLOT)
            line._scm_step_write({"state": "signed"})
            line.sudo().deadline_id._mark_done()
            decision = dict(line._fields["decision"]._description_selection(self.env))[
                line.decision
            ]
            line.requirement_id.sudo().message_post(
                body=_(
                    "%(unit)s signed its review opinion (round %(round)s): "
                    "%(decision)s.",
                    unit=line.department_name,
                    round=line.round_no,
                    decision=decision,
                )
            )
        return True

    def action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Review Opinion"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
