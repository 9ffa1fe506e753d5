from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .res_partner import SERVICE_CONTRACT_TYPES

PLAN_STAGES = [
    ("draft", "Draft"),
    ("filed", "Filed"),
    ("superseded", "Superseded"),
]
# The four sections of SVC-PLAN-01 (the problems section is the lines).
SECTION_FIELDS = (
    "customer_basics",
    "service_scheme",
    "difficulties",
)
# What a version's preparer writes while it is a draft.
CONTENT_FIELDS = {
    "contract_id",
    "customer_basics",
    "software_version",
    "running_state",
    "acceptance_level",
    "service_scheme",
    "difficulties",
    "line_ids",
}
# What the branch keeps recording on the filed (current) version
# (SVC-PLAN-02: current progress, execution after an adjustment).
TRACKING_FIELDS = {"progress_note"}
# SVC-PLAN-01 "Open": the plan is due at the start of the service period.
# Reading: within 5 working days of the J/R contract taking effect.
PLAN_DUE_WORKING_DAYS = 5
PLAN_RULE = "SVC-PLAN-01"


class ScmServicePlan(models.Model):
    """服务计划: the branch's service plan for a J or R contract in its
    service period, with its four sections (SVC-PLAN-01). It is filed with
    the Branch Manager and read by MCD; an adjustment makes a new version
    with its reason and method and keeps every previous one, read-only
    (SVC-PLAN-02)."""

    _name = "scm.service.plan"
    _description = "Customer Service Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.stage.mixin"]
    _order = "contract_id, version desc, id desc"
    _rec_names_search = ["name", "partner_id.complete_name"]
    _scm_step_fields = (
        "version",
        "previous_id",
        "next_version_id",
        "adjustment_reason",
        "adjustment_method",
        "filed_date",
        "filed_by_id",
        "user_id",
    )

    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    contract_id = fields.Many2one(
        "scm.contract",
        string="Service Contract",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('contract_type', 'in', ('tech_service', 'secondary'))]",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="contract_id.partner_id", store=True, index=True, string="Customer"
    )
    company_id = fields.Many2one(
        related="contract_id.company_id", store=True, index=True, string="Branch"
    )
    service_start = fields.Date(
        related="contract_id.effective_date", string="Service Period From"
    )
    user_id = fields.Many2one(
        "res.users", string="Prepared By", readonly=True, index=True
    )
    stage = fields.Selection(
        PLAN_STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    version = fields.Integer(default=1, required=True, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "scm.service.plan",
        string="Previous Version",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    next_version_id = fields.Many2one(
        "scm.service.plan",
        string="Adjusted In",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    version_ids = fields.One2many(
        "scm.service.plan",
        compute="_compute_version_ids",
        string="All Versions",
    )
    # (1) customer basics, from the CRM
    customer_basics = fields.Text(
        help="The customer's basic information from the customer file."
    )
    # (2) service scheme
    software_version = fields.Char()
    running_state = fields.Text(string="Current Running State")
    acceptance_level = fields.Selection(
        [
            ("high", "Well Accepted"),
            ("medium", "Partly Accepted"),
            ("low", "Poorly Accepted"),
        ],
        string="Acceptance by Leaders and Operators",
    )
    service_scheme = fields.Text(
        help="Based on the software version, the running state and how well "
        "the customer's leaders and operators accept the software."
    )
    # (3) open problems and needs
    line_ids = fields.One2many(
        "scm.service.plan.line",
        "plan_id",
        string="Open Problems and Needs",
        copy=True,
    )
    # (4) foreseen difficulties
    difficulties = fields.Text(string="Foreseen Difficulties and Countermeasures")
    progress_note = fields.Text(
        string="Current Progress",
        tracking=True,
        help="How the plan is carried out; after an adjustment, its execution.",
    )
    adjustment_reason = fields.Text(readonly=True, copy=False)
    adjustment_method = fields.Text(readonly=True, copy=False)
    filed_date = fields.Datetime(string="Filed On", readonly=True, copy=False)
    filed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "contract_version_unique",
            "unique(contract_id, version)",
            "A service contract has one plan per version.",
        )
    ]

    @api.depends("contract_id.number", "partner_id.name", "version")
    def _compute_name(self):
        for plan in self:
            contract = plan.contract_id.sudo()
            plan.name = _(
                "Service Plan %(customer)s %(contract)s v%(version)s",
                customer=contract.partner_id.name or "",
                contract=contract.number or "",
                version=plan.version,
            )

    def _compute_version_ids(self):
        for plan in self:
            plan.version_ids = (
                self.search([("contract_id", "=", plan.contract_id.id)])
                if plan.contract_id
                else False
            )

    # -- who ------------------------------------------------------------------------
    def _scm_check_preparer(self, action, companies=None):
        """The branch's consultants and its manager prepare the plan."""
        user = self.env.user
        for company in companies or self.company_id:
            if not (
                (
                    user.has_group("scm_base.group_consultant")
                    or user.has_group("scm_base.group_branch_manager")
                )
                and user._scm_is_member_of_company(company)
            ):
                raise AccessError(
                    _(
                        "Only a consultant or the manager of %(branch)s may "
                        "%(action)s its service plans.",
                        branch=company.name,
                        action=action,
                    )
                )

    @api.model
    def _scm_check_contract(self, contract):
        contract = contract.sudo()
        if contract.contract_type not in SERVICE_CONTRACT_TYPES:
            raise ValidationError(
                _(
                    "A service plan is made for a Tech Service (J) or Secondary "
                    "(R) contract, not for %(contract)s.",
                    contract=contract.display_name,
                )
            )
        if contract.stage not in contract._scm_in_force_stages():
            raise ValidationError(
                _(
                    "%(contract)s is not in its service period: no service plan "
                    "can be made for it.",
                    contract=contract.display_name,
                )
            )

    # -- create / write ---------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                contract = self.env["scm.contract"].browse(vals.get("contract_id"))
                if not contract.exists():
                    raise ValidationError(_("Choose the service contract."))
                self._scm_check_links({"contract_id": contract.id})
                self._scm_check_contract(contract)
                self._scm_check_preparer(
                    _("prepare"), companies=contract.sudo().company_id
                )
                if self.sudo().search_count([("contract_id", "=", contract.id)]):
                    raise UserError(
                        _(
                            "%(contract)s already has a service plan: adjust it "
                            "to make a new version.",
                            contract=contract.display_name,
                        )
                    )
                if not vals.get("customer_basics"):
                    vals["customer_basics"] = (
                        contract.sudo().partner_id._scm_plan_basics()
                    )
        plans = super().create(vals_list)
        plans.sudo().write({"user_id": self.env.user.id})
        return plans

    def write(self, vals):
        if not self.env.su:
            self._scm_check_editable(vals)
        return super().write(vals)

    def _scm_check_editable(self, vals):
        changed = set(vals) - {
            name for name in vals if name.startswith(("message_", "activity_"))
        }
        if not changed:
            return
        for plan in self:
            if plan.stage == "draft":
                locked = changed - CONTENT_FIELDS - TRACKING_FIELDS
            elif plan.stage == "filed":
                locked = changed - TRACKING_FIELDS
            else:
                locked = changed
            if locked & set(self._fields):
                raise UserError(
                    _(
                        "%(plan)s is %(stage)s: %(fields)s can no longer be "
                        "changed. Adjust the plan to make a new version.",
                        plan=plan.display_name,
                        stage=plan._scm_stage_label(),
                        fields=", ".join(
                            sorted(
                                plan._fields[name]._description_string(self.env)
                                for name in locked
                                if name in plan._fields
                            )
                        ),
                    )
                )
        self._scm_check_preparer(_("change"))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.env.su:
            return
        for plan in self:
            if plan.stage != "draft":
                raise UserError(
                    _(
                        "%(plan)s is %(stage)s and stays on record.",
                        plan=plan.display_name,
                        stage=plan._scm_stage_label(),
                    )
                )
        self._scm_check_preparer(_("delete"))

    # -- steps ---------------------------------------------------------------------
    def _scm_missing_sections(self):
        self.ensure_one()
        missing = [
            self._fields[name]._description_string(self.env)
            for name in SECTION_FIELDS
            if not (self[name] or "").strip()
        ]
        if not self.line_ids:
            missing.append(self._fields["line_ids"]._description_string(self.env))
        for line in self.line_ids:
            empty = [
                line._fields[name]._description_string(self.env)
                for name in ("method", "steps", "due_date")
                if not (
                    line[name].strip() if isinstance(line[name], str) else line[name]
                )
            ]
            if empty:
                missing.append(
                    _(
                        "%(problem)s (%(fields)s)",
                        problem=line.name,
                        fields=", ".join(empty),
                    )
                )
        return missing

    def action_scm_file(self):
        """The preparer files the plan with the Branch Manager
        (SVC-PLAN-01): the four sections are required."""
        self._scm_check_stage(("draft",), _("filed"))
        self._scm_check_preparer(_("file"))
        for plan in self:
            missing = plan._scm_missing_sections()
            if missing:
                raise ValidationError(
                    _(
                        "%(plan)s cannot be filed without: %(sections)s.",
                        plan=plan.display_name,
                        sections="; ".join(missing),
                    )
                )
        now = fields.Datetime.now()
        for plan in self:
            plan._scm_step_write(
                {"stage": "filed", "filed_date": now, "filed_by_id": self.env.user.id}
            )
            if plan.previous_id:
                plan.previous_id._scm_step_write({"stage": "superseded"})
            else:
                partner = plan.partner_id.sudo()
                partner._scm_deadline_close(
                    PLAN_RULE, feedback=_("Plan %(plan)s filed", plan=plan.name)
                )
            manager = plan.company_id.sudo().scm_manager_id
            if manager:
                self.env["scm.notice"]._scm_send(
                    plan,
                    _("Service plan filed: %(plan)s", plan=plan.name),
                    _(
                        "%(user)s filed the service plan %(plan)s.",
                        user=self.env.user.name,
                        plan=plan.name,
                    ),
                    manager.partner_id,
                )
        return True

    def action_scm_adjust(self, reason=None, method=None):
        """SVC-PLAN-02: adjusting the filed plan makes a new draft version
        carrying the reason and the method; the filed one stays as it is
        until the new version is filed, then is kept as superseded."""
        self.ensure_one()
        self._scm_check_stage(("filed",), _("adjusted"))
        self._scm_check_preparer(_("adjust"))
        if self.next_version_id:
            raise UserError(
                _(
                    "%(plan)s is already being adjusted in %(next)s.",
                    plan=self.display_name,
                    next=self.next_version_id.display_name,
                )
            )
        missing = [
            label
            for label, value in (
                (
                    self._fields["adjustment_reason"]._description_string(self.env),
                    reason,
                ),
                (
                    self._fields["adjustment_method"]._description_string(self.env),
                    method,
                ),
            )
            if not (value or "").strip()
        ]
        if missing:
            raise ValidationError(
                _(
                    "An adjustment of %(plan)s needs: %(fields)s.",
                    plan=self.display_name,
                    fields=", ".join(missing),
                )
            )
        new = self.sudo().copy(
            {
                "version": self.version + 1,
                "previous_id": self.id,
                "adjustment_reason": reason.strip(),
                "adjustment_method": method.strip(),
                "user_id": self.env.user.id,
                "progress_note": False,
            }
        )
        self._scm_step_write({"next_version_id": new.id})
        self.message_post(
            body=_(
                "Adjusted in version %(version)s. Reason: %(reason)s. Method: "
                "%(method)s.",
                version=new.version,
                reason=reason,
                method=method,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_scm_open_adjust(self):
        self.ensure_one()
        self._scm_check_stage(("filed",), _("adjusted"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Adjust the Service Plan"),
            "res_model": "scm.service.plan.adjust",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_print(self):
        return self.env.ref("scm_service.action_report_customers_plan").report_action(
            self
        )
