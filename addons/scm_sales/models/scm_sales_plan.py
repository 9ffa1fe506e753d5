from datetime import datetime

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round

from .scm_sales_plan_line import BUSINESS_LINE_KEYS, BUSINESS_LINES
from .scm_sales_plan_target import target_field

PLAN_TYPES = [
    ("hq_preliminary", "HQ Annual Preliminary Sales Plan"),
    ("branch", "Branch Sales Plan"),
    ("hq_final", "HQ Annual Sales Plan"),
]
PLAN_STAGES = [
    ("draft", "Draft"),
    ("revision", "Under Revision"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("escalated", "Rejected, Escalated"),
    ("issued", "Issued"),
    ("confirmed", "Confirmed"),
    ("final", "Final"),
    ("cancel", "Cancelled"),
]
# Who prepares each plan, and by when (000 §二.1.2): (rule, month, day).
PREPARE_DEADLINES = {
    "hq_preliminary": ("SAL-PLAN-01", 11, 15),
    "branch": ("SAL-PLAN-02", 11, 30),
    "hq_final": ("SAL-PLAN-04", 12, 15),
}
FINAL_RULE = "SAL-PLAN-04"
# The cron opens next year's cycle from this month on, ahead of Nov 15.
CYCLE_OPENING_MONTH = 10
FINAL_DATE = (12, 15)
ESCALATION_RULE = "SAL-PLAN-03"
ESCALATION_DECISIONS = [
    ("adjust_hq", "Adjust HQ Targets"),
    ("return_branch", "Return to Branch Manager"),
]
# Fields that make up the plan's content: frozen once it leaves draft.
CONTENT_FIELDS = {
    "plan_type",
    "plan_year",
    "company_id",
    "line_ids",
    "target_ids",
    "strategy",
    "preliminary_id",
}


class ScmSalesPlan(models.Model):
    """The three annual sales plans of 000 §二.1.2 in one model:

    * HQ preliminary plan (MSD Manager by Nov 15, Market Center Manager
      reviews, then issued to every branch for confirmation, SAL-PLAN-01);
    * branch plan (Branch Manager by Nov 30 with 12 monthly targets, MSD
      Manager reviews; a rejection escalates to the Market Center Manager,
      SAL-PLAN-02/03/08);
    * HQ annual plan (final by Dec 15 once every branch plan is approved,
      SAL-PLAN-04).

    `state` is the approval of scm.approval.mixin; `stage` is the plan's own
    workflow (SAL-PLAN-09)."""

    _name = "scm.sales.plan"
    _description = "Sales Plan"
    _inherit = ["mail.thread", "scm.sales.staged.mixin"]
    # What submission, the final step and the Market Center's decision on a
    # rejected branch plan record (the stage and state come with the mixin).
    _scm_step_fields = (
        "submitted_date",
        "submitted_late",
        "final_date",
        "escalation_decision",
        "escalation_note",
        "escalation_user_id",
        "escalation_date",
    )
    _order = "plan_year desc, plan_type, company_id"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    plan_type = fields.Selection(PLAN_TYPES, required=True, tracking=True, index=True)
    plan_year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
        tracking=True,
        index=True,
        help="The calendar year the plan covers: the year after it is prepared.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="Headquarters for the HQ plans, the branch for a branch plan.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        tracking=True,
    )
    stage = fields.Selection(
        PLAN_STAGES,
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
        readonly=True,
    )
    strategy = fields.Html(
        string="Strategy and Resources",
        help="The company strategy the plan follows and how resources are "
        "allocated, taking the branches' conditions into account.",
    )
    line_ids = fields.One2many(
        "scm.sales.plan.line",
        "plan_id",
        string="Business Lines",
        copy=True,
        default=lambda self: [
            Command.create({"business_line": key, "sequence": index})
            for index, key in enumerate(BUSINESS_LINE_KEYS)
        ],
    )
    target_ids = fields.One2many(
        "scm.sales.plan.target", "plan_id", string="Monthly Targets", copy=True
    )
    amount_total = fields.Monetary(
        string="Annual Target", compute="_compute_amount_total", store=True
    )
    preliminary_id = fields.Many2one(
        "scm.sales.plan",
        string="HQ Preliminary Plan",
        compute="_compute_preliminary_id",
        store=True,
        help="The approved HQ preliminary plan of the year this plan follows.",
    )
    confirmation_ids = fields.One2many(
        "scm.sales.plan.confirmation", "plan_id", string="Branch Confirmations"
    )
    confirmation_pending_count = fields.Integer(
        compute="_compute_confirmation_pending_count"
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    submitted_late = fields.Boolean(
        readonly=True,
        copy=False,
        help="The plan was submitted after its deadline.",
    )
    final_date = fields.Datetime(string="Final On", readonly=True, copy=False)
    escalation_decision = fields.Selection(
        ESCALATION_DECISIONS,
        readonly=True,
        copy=False,
        tracking=True,
        help="What the Market Center Manager decided after the branch plan "
        "failed review (SAL-PLAN-03).",
    )
    escalation_note = fields.Text(
        string="Decision Reason", readonly=True, copy=False, tracking=True
    )
    escalation_user_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False
    )
    escalation_date = fields.Datetime(string="Decided On", readonly=True, copy=False)
    is_current_branch_manager = fields.Boolean(
        compute="_compute_is_current_branch_manager"
    )

    @api.depends("plan_type", "plan_year", "company_id")
    def _compute_name(self):
        labels = dict(self._fields["plan_type"]._description_selection(self.env))
        for plan in self:
            label = labels.get(plan.plan_type, "")
            if plan.plan_type == "branch":
                plan.name = f"{plan.plan_year} {plan.company_id.name} {label}"
            else:
                plan.name = f"{plan.plan_year} {label}"

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = sum(plan.line_ids.mapped("amount"))

    @api.depends("plan_type", "plan_year", "state")
    def _compute_preliminary_id(self):
        for plan in self:
            plan.preliminary_id = (
                plan.plan_type != "hq_preliminary"
                and plan._scm_find_plan("hq_preliminary", plan.plan_year, approved=True)
            )

    def _compute_confirmation_pending_count(self):
        for plan in self:
            plan.confirmation_pending_count = len(
                plan.confirmation_ids.filtered(lambda c: c.state == "pending")
            )

    @api.depends_context("uid")
    def _compute_is_current_branch_manager(self):
        for plan in self:
            plan.is_current_branch_manager = bool(
                plan.confirmation_ids.filtered(
                    lambda c: c.state == "pending" and c.user_id == self.env.user
                )
            )

    # -- helpers ---------------------------------------------------------------
    @api.model
    def _scm_find_plan(self, plan_type, year, company=None, approved=False):
        domain = [
            ("plan_type", "=", plan_type),
            ("plan_year", "=", year),
            ("stage", "!=", "cancel"),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        if approved:
            domain.append(("state", "=", "approved"))
        return self.sudo().search(domain, limit=1).with_env(self.env)

    @api.model
    def _scm_active_branches(self):
        return self.env["res.company"].sudo().search([("parent_id", "!=", False)])

    @api.model
    def _scm_unit_manager(self, xmlid):
        user = self.env.ref(xmlid).sudo().manager_id.user_id
        if not user:
            raise UserError(
                _(
                    "The unit %(unit)s has no manager: set one before planning.",
                    unit=self.env.ref(xmlid).sudo().name,
                )
            )
        return user.with_env(self.env)

    @api.model
    def _scm_msd_manager(self):
        return self._scm_unit_manager("scm_base.dept_msd")

    @api.model
    def _scm_mc_manager(self):
        return self._scm_unit_manager("scm_base.dept_market_center")

    def _scm_cycle_reference(self):
        """A moment in the preparation year (the year before the plan year),
        so that fixed dates such as Nov 15 fall in that year even when the
        plan is created late (ORG-RULE-02)."""
        self.ensure_one()
        now = fields.Datetime.now()
        first = datetime(self.plan_year - 1, 1, 1, 12, 0)
        last = datetime(self.plan_year - 1, 12, 31, 0, 0)
        return min(max(now, first), last)

    def _scm_open_annual_deadline(self, code, name, user, month, day):
        self.ensure_one()
        return self._scm_deadline_open(
            code,
            name,
            user,
            unit="annual_date",
            start=self._scm_cycle_reference(),
            month=month,
            day=day,
        )

    def _scm_owner(self):
        """Who prepares the plan: the branch manager or the MSD Manager."""
        self.ensure_one()
        if self.plan_type == "branch":
            manager = self.company_id.sudo().scm_manager_id
            if not manager:
                raise UserError(
                    _(
                        "Branch %(branch)s has no branch manager to prepare its "
                        "sales plan.",
                        branch=self.company_id.name,
                    )
                )
            return manager.with_env(self.env)
        return self._scm_msd_manager()

    def _scm_label(self):
        self.ensure_one()
        return dict(self._fields["stage"]._description_selection(self.env))[self.stage]

    def _scm_require_stage(self, stages, action):
        for plan in self:
            if plan.stage not in stages:
                raise UserError(
                    _(
                        "%(plan)s is %(stage)s: it cannot be %(action)s.",
                        plan=plan.display_name,
                        stage=plan._scm_label(),
                        action=action,
                    )
                )

    # -- create / write --------------------------------------------------------
    @api.constrains("plan_type", "company_id", "plan_year")
    def _check_company_and_year(self):
        for plan in self:
            if not 2000 <= plan.plan_year <= 2100:
                raise ValidationError(
                    _("%(year)s is not a valid plan year.", year=plan.plan_year)
                )
            is_branch = bool(plan.company_id.parent_id)
            if plan.plan_type == "branch" and not is_branch:
                raise ValidationError(_("A branch sales plan belongs to a branch."))
            if plan.plan_type != "branch" and is_branch:
                raise ValidationError(_("An HQ sales plan belongs to headquarters."))
            duplicate = self.sudo().search_count(
                [
                    ("id", "!=", plan.id),
                    ("plan_type", "=", plan.plan_type),
                    ("plan_year", "=", plan.plan_year),
                    ("company_id", "=", plan.company_id.id),
                    ("stage", "!=", "cancel"),
                ]
            )
            if duplicate:
                raise ValidationError(
                    _("%(plan)s already exists.", plan=plan.display_name)
                )

    def _scm_check_create_rights(self):
        """HQ plans are prepared by the MSD Manager, a branch plan by its
        branch manager once the HQ preliminary plan is approved (SAL-PLAN-02)."""
        user = self.env.user
        for plan in self:
            if plan.plan_type == "branch":
                if not plan.preliminary_id:
                    raise UserError(
                        _(
                            "The %(year)s HQ preliminary sales plan is not approved "
                            "yet: branch plans are prepared from it.",
                            year=plan.plan_year,
                        )
                    )
                if not self.env.su and user != plan.company_id.sudo().scm_manager_id:
                    raise AccessError(
                        _(
                            "Only the manager of %(branch)s prepares its sales plan.",
                            branch=plan.company_id.name,
                        )
                    )
            elif not self.env.su and not user.has_group("scm_base.group_msd_manager"):
                raise AccessError(
                    _("Only the MSD Manager prepares the HQ sales plans.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._scm_check_create_rights()
        for plan in plans:
            owner = plan._scm_owner()
            plan.sudo().user_id = owner
            code, month, day = PREPARE_DEADLINES[plan.plan_type]
            if plan.plan_type == "hq_final":
                plan._scm_open_annual_deadline(
                    FINAL_RULE, _("HQ annual sales plan final"), owner, month, day
                )
                continue
            plan._scm_open_annual_deadline(
                code,
                _("Prepare and submit %(plan)s", plan=plan.name),
                owner,
                month,
                day,
            )
            if plan.plan_type == "branch":
                plan._scm_open_annual_deadline(
                    FINAL_RULE, _("Branch sales plan final"), owner, *FINAL_DATE
                )
        return plans

    def write(self, vals):
        # Who may write comes before what may be written.
        self.check_access("write")
        if CONTENT_FIELDS & vals.keys() and not self.env.su:
            locked = self.filtered(lambda p: p.stage not in ("draft", "revision"))
            if locked:
                raise UserError(
                    _(
                        "%(plan)s is no longer a draft and cannot be changed.",
                        plan=locked[0].display_name,
                    )
                )
        return super().write(vals)

    # -- submission and review (SAL-PLAN-01/02/04) -----------------------------
    def _scm_approval_check_submit(self):
        self.ensure_one()
        self._scm_require_stage(("draft", "revision"), _("submitted"))
        user = self.env.user
        if self.plan_type == "branch":
            if user != self.company_id.sudo().scm_manager_id:
                raise AccessError(
                    _(
                        "Only the manager of %(branch)s can submit its sales plan.",
                        branch=self.company_id.name,
                    )
                )
        elif not user.has_group("scm_base.group_msd_manager"):
            raise AccessError(_("Only the MSD Manager can submit an HQ sales plan."))
        present = set(self.line_ids.mapped("business_line"))
        missing = [label for key, label in BUSINESS_LINES if key not in present]
        if missing:
            labels = dict(
                self.env["scm.sales.plan.line"]
                ._fields["business_line"]
                ._description_selection(self.env)
            )
            raise ValidationError(
                _(
                    "%(plan)s needs a section for every business line; missing: "
                    "%(lines)s.",
                    plan=self.display_name,
                    lines=", ".join(
                        labels[key] for key in BUSINESS_LINE_KEYS if key not in present
                    ),
                )
            )
        if self.plan_type == "branch":
            self._scm_check_monthly_breakdown()
        if self.plan_type == "hq_final":
            self._scm_check_branch_plans_approved()

    def _scm_check_monthly_breakdown(self):
        """SAL-PLAN-08: 12 monthly targets adding up to the annual targets."""
        self.ensure_one()
        months = sorted(int(m) for m in self.target_ids.mapped("month"))
        if months != list(range(1, 13)):
            raise ValidationError(
                _(
                    "%(plan)s needs one target line for each of the 12 months.",
                    plan=self.display_name,
                )
            )
        rounding = self.currency_id.rounding or 0.01
        for line in self.line_ids:
            monthly = sum(self.target_ids.mapped(target_field(line.business_line)))
            if float_compare(monthly, line.amount, precision_rounding=rounding):
                raise ValidationError(
                    _(
                        "The monthly targets of %(line)s add up to %(monthly)s, "
                        "not to the annual target %(annual)s.",
                        line=dict(
                            line._fields["business_line"]._description_selection(
                                self.env
                            )
                        )[line.business_line],
                        monthly=monthly,
                        annual=line.amount,
                    )
                )

    def _scm_branch_plans(self):
        self.ensure_one()
        return self.sudo().search(
            [
                ("plan_type", "=", "branch"),
                ("plan_year", "=", self.plan_year),
                ("stage", "!=", "cancel"),
            ]
        )

    def _scm_check_branch_plans_approved(self):
        """SAL-PLAN-04: the HQ plan is final only once every active branch's
        plan is approved."""
        self.ensure_one()
        plans = self._scm_branch_plans()
        approved = plans.filtered(lambda p: p.state == "approved").company_id
        missing = self._scm_active_branches() - approved
        if missing:
            raise UserError(
                _(
                    "The HQ annual sales plan cannot be final while these branch "
                    "plans are not approved: %(branches)s.",
                    branches=", ".join(missing.mapped("name")),
                )
            )

    def action_scm_submit(self):
        res = super().action_scm_submit()
        for plan in self:
            code = PREPARE_DEADLINES[plan.plan_type][0]
            codes = [ESCALATION_RULE]
            if plan.plan_type != "hq_final":
                codes.append(code)
            closed = plan._scm_deadline_close(codes)
            prepare = closed.filtered(lambda d, c=code: d.rule_code == c)
            plan.sudo().with_context(skip_validation_check=True).write(
                {
                    "stage": "submitted",
                    "submitted_date": fields.Datetime.now(),
                    "submitted_late": plan.submitted_late
                    or any(prepare.mapped("is_overdue")),
                }
            )
        return res

    def _scm_approval_on_approved(self):
        res = super()._scm_approval_on_approved()
        for plan in self:
            plan._scm_set_stage("approved")
            if plan.plan_type == "hq_preliminary":
                plan.sudo()._scm_issue()
            elif plan.plan_type == "hq_final":
                plan._scm_set_final()
        return res

    def _scm_approval_on_rejected(self):
        res = super()._scm_approval_on_rejected()
        for plan in self.filtered(lambda p: p.plan_type == "branch"):
            plan._scm_escalate()
        return res

    # -- issue and branch confirmation (SAL-PLAN-01) ---------------------------
    def action_issue(self):
        """Issue the approved HQ preliminary plan to every active branch."""
        for plan in self:
            if plan.plan_type != "hq_preliminary":
                raise UserError(_("Only the HQ preliminary sales plan is issued."))
            if plan.state != "approved":
                raise UserError(
                    _(
                        "%(plan)s is not approved: it cannot be issued.",
                        plan=plan.display_name,
                    )
                )
            plan._scm_require_stage(("approved",), _("issued"))
            if not (
                self.env.su
                or self.env.user.has_group("scm_base.group_msd_manager")
                or self.env.user.has_group("scm_base.group_mc_manager")
            ):
                raise AccessError(_("Only the MSD Manager issues the HQ plan."))
            plan.sudo()._scm_issue()
        return True

    def _scm_issue(self):
        """Give every active branch a confirmation request and a draft branch
        plan with its Nov 30 deadline."""
        self.ensure_one()
        Confirmation = self.env["scm.sales.plan.confirmation"].sudo()
        for branch in self._scm_active_branches():
            manager = branch.scm_manager_id
            if not manager:
                self.message_post(
                    body=_(
                        "Branch %(branch)s has no manager: nobody confirms the plan "
                        "for it.",
                        branch=branch.name,
                    )
                )
                continue
            activity = self.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Confirm the HQ preliminary sales plan"),
                note=_("Rule %(code)s", code="SAL-PLAN-01"),
                user_id=manager.id,
            )
            Confirmation.create(
                {
                    "plan_id": self.id,
                    "company_id": branch.id,
                    "user_id": manager.id,
                    "activity_id": activity.id,
                }
            )
            if not self._scm_find_plan("branch", self.plan_year, branch):
                self.sudo().create(
                    {
                        "plan_type": "branch",
                        "plan_year": self.plan_year,
                        "company_id": branch.id,
                        "user_id": manager.id,
                    }
                )
        self._scm_set_stage("issued")
        self.message_post(
            body=_("Issued to the branches for confirmation."),
        )

    def action_confirm_preliminary(self):
        """The branch manager confirms the issued HQ preliminary plan."""
        for plan in self:
            plan._scm_require_stage(("issued",), _("confirmed"))
            mine = plan.sudo().confirmation_ids.filtered(
                lambda c: c.state == "pending" and c.user_id == self.env.user
            )
            if not mine:
                raise AccessError(
                    _(
                        "Only a branch manager with a pending confirmation can "
                        "confirm %(plan)s.",
                        plan=plan.display_name,
                    )
                )
            mine._scm_step_write(
                {
                    "state": "confirmed",
                    "confirmed_date": fields.Datetime.now(),
                    "confirmed_by_id": self.env.user.id,
                }
            )
            mine.activity_id.sudo().action_feedback(feedback=_("Confirmed"))
            plan.sudo().message_post(
                body=_(
                    "Confirmed for %(branches)s by %(user)s.",
                    branches=", ".join(mine.company_id.mapped("name")),
                    user=self.env.user.name,
                )
            )
            if not plan.sudo().confirmation_ids.filtered(
                lambda c: c.state == "pending"
            ):
                plan._scm_set_stage("confirmed")
        return True

    # -- rejection escalated (SAL-PLAN-03) -------------------------------------
    def _scm_escalate(self):
        """A failed branch plan goes to the Market Center Manager, not straight
        back to the branch: the branch waits for the decision."""
        self.ensure_one()
        self._scm_set_stage("escalated")
        self.sudo().activity_unlink(["scm_base.mail_activity_type_scm_revision"])
        self._scm_open_annual_deadline(
            ESCALATION_RULE,
            _("Decide on the rejected branch plan: adjust HQ targets or return it"),
            self._scm_mc_manager(),
            *FINAL_DATE,
        )
        self.sudo().write({"escalation_decision": False, "escalation_note": False})

    def action_scm_resolve_escalation(self, decision, note):
        """The Market Center Manager's decision on a rejected branch plan."""
        self.ensure_one()
        if not self.env.user.has_group("scm_base.group_mc_manager"):
            raise AccessError(
                _("Only the Market Center Manager decides on a rejected branch plan.")
            )
        self._scm_require_stage(("escalated",), _("decided on"))
        if decision not in dict(ESCALATION_DECISIONS):
            raise ValidationError(_("Choose how to handle the rejected branch plan."))
        if not (note or "").strip():
            raise ValidationError(_("Give the reason for the decision."))
        labels = dict(
            self._fields["escalation_decision"]._description_selection(self.env)
        )
        self.sudo().write(
            {
                "escalation_decision": decision,
                "escalation_note": note,
                "escalation_user_id": self.env.user.id,
                "escalation_date": fields.Datetime.now(),
            }
        )
        self._scm_deadline_close(ESCALATION_RULE)
        self.sudo().message_post(
            body=_(
                "%(user)s decided: %(decision)s. %(note)s",
                user=self.env.user.name,
                decision=labels[decision],
                note=note,
            )
        )
        if decision == "adjust_hq":
            hq_plan = self._scm_hq_plan_for_revision()
            hq_plan._scm_put_in_revision(self, note)
            summary = _("Resubmit the branch plan against the adjusted HQ targets")
        else:
            summary = _("Revise and resubmit the branch sales plan")
        self._scm_set_stage("draft")
        self.sudo().activity_schedule(
            "scm_base.mail_activity_type_scm_revision",
            summary=summary,
            note=note,
            user_id=self._scm_owner().id,
        )
        return True

    def _scm_hq_plan_for_revision(self):
        """The HQ annual sales plan of the year, created from the preliminary
        plan's targets when it does not exist yet."""
        self.ensure_one()
        hq_plan = self._scm_find_plan("hq_final", self.plan_year)
        if hq_plan:
            return hq_plan
        preliminary = self.sudo().preliminary_id
        lines = [
            Command.create(
                {
                    "business_line": line.business_line,
                    "sequence": line.sequence,
                    "amount": line.amount,
                    "resource_note": line.resource_note,
                }
            )
            for line in preliminary.line_ids
        ]
        vals = {
            "plan_type": "hq_final",
            "plan_year": self.plan_year,
            "company_id": self.env["res.company"]._scm_hq().id,
            "strategy": preliminary.strategy,
        }
        if lines:
            vals["line_ids"] = lines
        return self.sudo().create(vals).with_env(self.env)

    def _scm_put_in_revision(self, branch_plan, note):
        self.ensure_one()
        plan = self.sudo()
        if plan.stage == "final":
            raise UserError(
                _("The HQ annual sales plan is final and cannot be revised.")
            )
        if plan.state == "to_approve":
            plan.action_scm_withdraw()
        plan._scm_set_stage("revision")
        msd_manager = self._scm_msd_manager()
        plan._scm_open_annual_deadline(
            ESCALATION_RULE,
            _("Adjust the HQ targets for %(plan)s", plan=branch_plan.name),
            msd_manager,
            *FINAL_DATE,
        )
        plan.message_post(
            body=_(
                "Put into revision by the Market Center Manager after %(plan)s "
                "failed review: %(note)s",
                plan=branch_plan.name,
                note=note,
            )
        )

    # -- final (SAL-PLAN-04) ----------------------------------------------------
    def _scm_set_final(self):
        self.ensure_one()
        self._scm_check_branch_plans_approved()
        now = fields.Datetime.now()
        branch_plans = self._scm_branch_plans().filtered(
            lambda p: p.state == "approved" and p.stage == "approved"
        )
        for plan in self | branch_plans:
            plan.sudo().with_context(skip_validation_check=True).write(
                {"stage": "final", "final_date": now}
            )
            plan._scm_deadline_close(FINAL_RULE)

    def action_set_final(self):
        """Final without a new review: only for an approved HQ annual plan whose
        branch plans were approved after it (SAL-PLAN-04)."""
        for plan in self:
            if plan.plan_type != "hq_final":
                raise UserError(_("Only the HQ annual sales plan is set final."))
            if plan.state != "approved":
                raise UserError(
                    _(
                        "%(plan)s is not approved: it cannot be final.",
                        plan=plan.display_name,
                    )
                )
            if not self.env.user.has_group("scm_base.group_msd_manager"):
                raise AccessError(_("Only the MSD Manager sets the HQ plan final."))
            plan._scm_set_final()
        return True

    # -- preparation helpers ----------------------------------------------------
    def action_spread_targets(self):
        """Break the annual targets of a draft branch plan into 12 equal
        monthly targets; rounding differences go to December (SAL-PLAN-08)."""
        for plan in self:
            if plan.plan_type != "branch":
                raise UserError(_("Only a branch sales plan has monthly targets."))
            plan._scm_require_stage(("draft", "revision"), _("changed"))
            rounding = plan.currency_id.rounding or 0.01
            rows = {str(month): {} for month in range(1, 13)}
            for line in plan.line_ids:
                column = target_field(line.business_line)
                share = float_round(line.amount / 12, precision_rounding=rounding)
                for month in range(1, 12):
                    rows[str(month)][column] = share
                rows["12"][column] = float_round(
                    line.amount - share * 11, precision_rounding=rounding
                )
            plan.target_ids.unlink()
            plan.write(
                {
                    "target_ids": [
                        Command.create({"month": month, **values})
                        for month, values in rows.items()
                    ]
                }
            )
        return True

    def action_load_branch_totals(self):
        """Set the HQ annual plan's targets to the sum of the branch plans."""
        for plan in self:
            if plan.plan_type != "hq_final":
                raise UserError(
                    _("Only the HQ annual sales plan adds up the branch plans.")
                )
            plan._scm_require_stage(("draft", "revision"), _("changed"))
            branch_lines = plan._scm_branch_plans().line_ids
            for line in plan.line_ids:
                line.amount = sum(
                    branch_lines.filtered(
                        lambda b, key=line.business_line: b.business_line == key
                    ).mapped("amount")
                )
        return True

    def action_open_escalation_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Decide on the Rejected Branch Plan"),
            "res_model": "scm.sales.plan.escalation",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_cancel(self):
        for plan in self:
            plan._scm_require_stage(("draft", "revision"), _("cancelled"))
            if not (
                self.env.user == plan._scm_owner()
                or self.env.user.has_group("scm_base.group_msd_manager")
            ):
                raise AccessError(_("Only the plan's author can cancel it."))
            plan._scm_deadline_cancel()
            plan.sudo().with_context(skip_validation_check=True).write(
                {"stage": "cancel", "state": "cancel"}
            )
        return True

    # -- cron: open the yearly cycle --------------------------------------------
    @api.model
    def _cron_open_annual_cycle(self, today=None):
        """From October on, open next year's cycle: the MSD Manager gets a
        draft HQ preliminary plan with its Nov 15 deadline. Runs monthly and is
        safe to run repeatedly."""
        today = today or fields.Date.context_today(self)
        year = today.year + 1
        if today.month < CYCLE_OPENING_MONTH or self._scm_find_plan(
            "hq_preliminary", year
        ):
            return self.browse()
        return (
            self.sudo()
            .create(
                {
                    "plan_type": "hq_preliminary",
                    "plan_year": year,
                    "company_id": self.env["res.company"]._scm_hq().id,
                }
            )
            .with_env(self.env)
        )
