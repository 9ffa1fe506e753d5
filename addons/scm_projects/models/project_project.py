from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.scm_base.tools import create_pivot_index
from odoo.addons.scm_contracts.models.scm_contract import IN_FORCE

from .plans_project_plan import EXECUTION_PHASES, ISSUED_STATES, REQUIRED_PLAN_TYPES
from .scm_project_member import AA_ROLES

# The phases of a customer project. S&C and secondary projects run the AA
# implementation (chapter 三.8), technical-service projects serve, network
# projects follow the equipment-project states of SUP-EPM-01.
PHASES = [
    ("initiation", "Initiation"),
    ("kickoff", "Kick-off Preparation"),
    ("research", "Research"),
    ("elements", "Elements Method"),
    ("runin", "Run-in"),
    ("accepted", "Accepted"),
    ("service", "Customer Service"),
    # network engineering projects (SUP-EPM-01)
    ("initiation_prep", "Initiation Preparation"),
    ("initiated", "Initiated"),
    ("arrived", "Equipment Arrived"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
# Phases in which a project is still being delivered.
OPEN_PHASES = (
    "initiation",
    "kickoff",
    "research",
    "elements",
    "runin",
    "accepted",
    "service",
    "initiation_prep",
    "initiated",
    "arrived",
)
# Contract types that become a project when they take effect; brand projects
# come with the brand-operation workflow (PRJ-BRD).
PROJECT_CONTRACT_TYPES = ("sc", "secondary", "tech_service", "network")
# Fields the project's own steps write (scm.step.guard.mixin conventions):
# its contract, phase and dates, Finance's verification of full collection
# (PRJ-SC-09) and a network project's arrival and cancellation (SUP-EPM-01).
STEP_FIELDS = (
    "scm_contract_id",
    "scm_phase",
    "scm_runin_start",
    "scm_initiated_date",
    "scm_closed_date",
    "scm_collection_verified_date",
    "scm_collection_verified_by_id",
    "scm_equipment_arrived_date",
    "scm_cancelled_date",
)
# The contract completion date changes only through a memorandum signed by
# both sides (PRJ-ELEM-07): its own refusal, not the step fields' one.
ELEMENTS_STEP_FIELDS = ("scm_completion_date",)
# Fields a user may still change on a closed project: personal favourites.
CLOSED_EDITABLE = {"is_favorite", "favorite_user_ids", "sequence", "color"}
# HQ units that work (MCD) or supervise (MSD, Finance, Supervision, Audit,
# management) every customer project.
HQ_PROJECT_READERS = (
    "scm_base.group_mcd_manager",
    "scm_base.group_tsms",
    "scm_base.group_cc_manager",
    "scm_base.group_mc_manager",
    "scm_base.group_president",
    "scm_base.group_msd_manager",
    "scm_base.group_finance",
    "scm_base.group_sc_manager",
    "scm_base.group_auditor",
    "scm_base.group_scm_admin",
)
# Phases in which a project's receivables are collected by its branch
# (PRJ-SC-09): the contract is fully executed.
COLLECTING_PHASES = ("accepted", "service")
# Contract types under which the branch serves the customer after the run-in
# (PRJ-HAND-02): J (technical service) and R (secondary).
SERVICE_CONTRACT_TYPES = ("tech_service", "secondary")
# The HQ units told of full collection and of the closing (PRJ-TRK-11).
CLOSING_NOTIFIED_UNITS = (
    "scm_base.dept_mcd",
    "scm_base.dept_msd",
    "scm_base.dept_supervision_center",
)
# Code of the sign-off deadline the PM owes after a network project's
# equipment arrived.
SIGNOFF_DEADLINE = "SUP-EPM-02"
# Contract types whose project runs the AA implementation with its plans
# (chapter 三.3, PRJ-SC-03).
PLANNED_CONTRACT_TYPES = ("sc", "secondary")


class ProjectProject(models.Model):
    """A customer implementation is an Odoo project of the branch (or HQ)
    that signed its contract: its plan lines are tasks, its acceptance stages
    milestones, its team members followers, and the manual's documents hang
    off it."""

    _inherit = ["scm.deadline.mixin", "project.project"]
    _name = "project.project"

    # The record rules of customer projects test the branch (company) and the
    # PM of every project, as crm.lead's rules test its indexed company and
    # salesperson: without these indexes every count, list and name search of
    # a branch user reads the whole table (issue 15, `make bench`).
    company_id = fields.Many2one(index=True)
    user_id = fields.Many2one(index=True)
    scm_contract_id = fields.Many2one(
        "scm.contract",
        string="Contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    scm_contract_type = fields.Selection(
        related="scm_contract_id.contract_type", store=True, string="Contract Type"
    )
    scm_contract_amount = fields.Monetary(
        related="scm_contract_id.amount",
        currency_field="scm_currency_id",
        string="Contract Amount",
    )
    scm_currency_id = fields.Many2one(
        related="scm_contract_id.currency_id", string="Contract Currency"
    )
    scm_phase = fields.Selection(
        PHASES,
        string="Phase",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_group_expand_scm_phase",
    )
    scm_pm_unit = fields.Selection(
        [("branch", "Branch"), ("hq", "HQ (MCD)")],
        string="Project Managed By",
        compute="_compute_scm_pm_unit",
        store=True,
        help="The branch initiates when its manager or member is the PM; HQ "
        "initiates when an HQ designee is (PRJ-INIT-02).",
    )
    scm_initiated_date = fields.Date(string="Initiated On", readonly=True, copy=False)
    scm_runin_start = fields.Date(
        string="Run-in Start",
        readonly=True,
        copy=False,
        help="The day the initialisation was completed (PRJ-SC-07, PRJ-RUN-01).",
    )
    scm_runin_months = fields.Integer(
        related="scm_contract_id.runin_months", string="Free Run-in (Months)"
    )
    scm_runin_end = fields.Date(
        string="Run-in End",
        compute="_compute_scm_runin_end",
        store=True,
        help="Run-in start plus the contract's free run-in period (PRJ-SC-07).",
    )
    scm_closed_date = fields.Date(string="Closed On", readonly=True, copy=False)
    scm_member_ids = fields.One2many(
        "scm.project.member", "project_id", string="Project Team"
    )
    scm_member_user_ids = fields.Many2many(
        "res.users",
        "scm_project_member_user_rel",
        "project_id",
        "user_id",
        string="Team Users",
        compute="_compute_scm_member_user_ids",
        store=True,
        help="The AA members of the team: they work the project.",
    )

    _sql_constraints = [
        (
            "scm_contract_unique",
            "unique(scm_contract_id)",
            "A contract has one project.",
        )
    ]

    def init(self):
        result = super().init()
        # The customer projects' count and pivot (branch x phase), with every
        # column project's and our record rules test (contract, PM, privacy;
        # members, plans and followers by id): read from the index alone, not
        # from the wide project rows (issue 15).
        create_pivot_index(
            self,
            (
                "company_id",
                "scm_contract_id",
                "active",
                "user_id",
                "privacy_visibility",
                "scm_phase",
                "id",
            ),
        )
        return result

    @api.model
    def _group_expand_scm_phase(self, values, domain):
        return [
            key
            for key, __ in PHASES
            if key not in ("cancelled", "initiation_prep", "initiated", "arrived")
        ]

    @api.depends("user_id", "company_id")
    def _compute_scm_pm_unit(self):
        hq = self.env["res.company"]._scm_hq()
        for project in self:
            if not project.scm_contract_id:
                project.scm_pm_unit = False
            elif project.user_id and project.user_id.sudo().company_id != hq:
                project.scm_pm_unit = "branch"
            else:
                project.scm_pm_unit = "hq"

    @api.depends("scm_runin_start", "scm_contract_id.runin_months")
    def _compute_scm_runin_end(self):
        for project in self:
            months = project.scm_contract_id.runin_months
            project.scm_runin_end = (
                project.scm_runin_start + relativedelta(months=months)
                if project.scm_runin_start and months
                else False
            )

    @api.depends(
        "scm_member_ids.user_id", "scm_member_ids.side", "scm_member_ids.active"
    )
    def _compute_scm_member_user_ids(self):
        for project in self:
            project.scm_member_user_ids = project.scm_member_ids.filtered(
                lambda m: m.side == "aa" and m.active
            ).user_id

    # -- roles --------------------------------------------------------------------
    def _scm_acts_as_pm(self, user):
        self.ensure_one()
        return self.env["scm.delegation"]._scm_acts_for(
            user, self.user_id, "project.project"
        )

    def _scm_is_mcd(self, user):
        return user.has_group("scm_base.group_mcd_manager") or user.has_group(
            "scm_base.group_scm_admin"
        )

    def _scm_is_worker(self, user):
        """The PM, an AA team member, the branch manager or MCD work the project."""
        self.ensure_one()
        return (
            self._scm_acts_as_pm(user)
            or user in self.scm_member_user_ids
            or self.company_id.sudo().scm_manager_id == user
            or self._scm_is_mcd(user)
        )

    def _scm_is_branch_worker(self, user):
        """Who records the branch's run-in documents: the project's workers
        or a member of staff of the project's own branch (the person's
        branch, not a company they may open: an HQ user may open them all)."""
        self.ensure_one()
        return self._scm_is_worker(user) or (
            user.has_group("scm_base.group_branch_staff")
            and user._scm_is_member_of_company(self.company_id)
        )

    def _scm_mcd_manager(self):
        return self.env.ref("scm_base.dept_mcd").sudo().manager_id.user_id

    def _scm_unit_manager(self, xmlid):
        return self.env.ref(xmlid).sudo().manager_id.user_id

    # -- steps ---------------------------------------------------------------------
    def _scm_step_write(self, vals):
        return self.sudo().write(vals)

    def _scm_phase_label(self):
        self.ensure_one()
        return dict(self._fields["scm_phase"]._description_selection(self.env)).get(
            self.scm_phase, self.scm_phase
        )

    def _scm_check_phase(self, allowed, action):
        """Raise unless every project is in one of the `allowed` phases."""
        labels = dict(self._fields["scm_phase"]._description_selection(self.env))
        for project in self:
            if project.scm_phase not in allowed:
                raise UserError(
                    _(
                        "%(doc)s is in the phase %(phase)s: it can be %(action)s "
                        "only in %(allowed)s.",
                        doc=project.display_name,
                        phase=project._scm_phase_label(),
                        action=action,
                        allowed=", ".join(labels.get(p, p) for p in allowed),
                    )
                )

    def _scm_set_phase(self, phase):
        for project in self:
            project._scm_step_write({"scm_phase": phase})

    def _scm_check_not_closed(self):
        for project in self:
            if project.scm_phase in ("closed", "cancelled"):
                raise UserError(
                    _(
                        "%(doc)s is closed: it and its documents can no longer be "
                        "changed; a new initiation is required (SUP-EPM-02).",
                        doc=project.display_name,
                    )
                )

    # -- guard ---------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if any(vals.get(name) for name in ELEMENTS_STEP_FIELDS):
                    raise self._scm_completion_date_error()
                preset = {name for name in STEP_FIELDS if vals.get(name)}
                if preset:
                    raise self._scm_guard_error(preset)
            # Context defaults may not preset them either.
            guarded = set(STEP_FIELDS) | set(ELEMENTS_STEP_FIELDS)
            context = {
                key: value
                for key, value in self.env.context.items()
                if not (key.startswith("default_") and key[8:] in guarded)
            }
            if len(context) != len(self.env.context):
                self = self.with_env(self.env(context=context))
        return super().create(vals_list)

    def _scm_guard_error(self, names):
        labels = ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )
        return UserError(
            _(
                "Project: %(fields)s can only be set by its workflow step, not "
                "edited directly.",
                fields=labels,
            )
        )

    def write(self, vals):
        if not self.env.su:
            if set(ELEMENTS_STEP_FIELDS) & vals.keys():
                raise self._scm_completion_date_error()
            protected = set(STEP_FIELDS) & vals.keys()
            if protected:
                raise self._scm_guard_error(protected)
            if "scm_service_user_id" in vals:
                self._scm_check_service_user_change(vals["scm_service_user_id"])
            customer_projects = self.filtered("scm_contract_id")
            if customer_projects:
                customer_projects._scm_guard_customer_project_write(vals)
            # The suite's users may write projects so that a customer
            # project's team edits it (checked above); any other project
            # stays Odoo's: project managers edit it.
            if (
                (self - customer_projects)
                and set(vals) - CLOSED_EDITABLE
                and not self.env.user.has_group("project.group_project_manager")
            ):
                raise AccessError(
                    _("Only project administrators may change this project.")
                )
        result = super().write(vals)
        if vals.get("scm_phase") == "kickoff":
            self._scm_kickoff_ensure()
        return result

    def _scm_guard_customer_project_write(self, vals):
        user = self.env.user
        for project in self:
            if set(vals) - CLOSED_EDITABLE:
                project._scm_check_not_closed()
            for name in ("company_id", "partner_id"):
                if name in vals and project[name].id != vals[name]:
                    raise UserError(
                        _(
                            "%(doc)s keeps the branch and the customer of its "
                            "contract.",
                            doc=project.display_name,
                        )
                    )
            if "user_id" in vals and project.user_id.id != vals["user_id"]:
                raise UserError(
                    _(
                        "The project manager of %(doc)s is appointed by the "
                        "initiation notice or changed through a team change "
                        "(PRJ-INIT-03, PRJ-INIT-05).",
                        doc=project.display_name,
                    )
                )
            if set(vals) - CLOSED_EDITABLE and not project._scm_is_worker(user):
                raise UserError(
                    _(
                        "Only the project team, the branch manager or MCD may "
                        "change %(doc)s.",
                        doc=project.display_name,
                    )
                )

    def unlink(self):
        if not self.env.su and self.filtered("scm_contract_id"):
            raise UserError(
                _("A customer project is closed or cancelled, never deleted.")
            )
        return super().unlink()

    # -- creation from the contract (PRJ-INIT-01/02, PRJ-TRK-04) --------------------
    @api.model
    def _scm_create_for_contract(self, contract):
        """The project of a contract that took effect: the branch manager is
        the PM of a branch contract, MCD's manager of an HQ one; the PM owes
        the initiation notice within 2 WD (PRJ-INIT-01)."""
        contract = contract.sudo()
        existing = self.sudo().search([("scm_contract_id", "=", contract.id)], limit=1)
        if existing:
            return existing
        company = contract.company_id
        if contract.is_hq_contract or company == self.env["res.company"]._scm_hq():
            pm = self._scm_mcd_manager()
        else:
            pm = company.scm_manager_id
        network = contract.contract_type == "network"
        project = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "name": contract.title or contract.display_name,
                    "scm_contract_id": contract.id,
                    "company_id": company.id,
                    "partner_id": contract.partner_id.id,
                    "user_id": pm.id if pm else False,
                    "privacy_visibility": "followers",
                    "scm_phase": "initiation_prep" if network else "initiation",
                    "allow_milestones": True,
                }
            )
        )
        if pm:
            project.message_subscribe(partner_ids=pm.partner_id.ids)
        project._scm_on_created()
        return project

    def _scm_on_created(self):
        """What a new project owes: an Odoo milestone for each payment
        milestone of its contract (PRJ-TRK-08), the initiation notice and the
        execution status sheet (PRJ-INIT-01, PRJ-TRK-04)."""
        self.ensure_one()
        self._scm_sync_payment_milestones()
        self._scm_owe_initiation()

    # -- run-in (PRJ-SC-07, PRJ-RUN-01, PRJ-RUN-10) --------------------------------
    def _scm_start_runin(self, start_date):
        """Initialisation is complete on `start_date`: the free run-in of the
        contract starts that day, set once. A contract without a run-in
        period has no run-in."""
        self.ensure_one()
        self._scm_check_phase(("elements",), _("put into its run-in"))
        if self.scm_runin_start:
            raise UserError(
                _("The run-in of %(doc)s has already started.", doc=self.display_name)
            )
        if self.scm_contract_id.runin_months <= 0:
            raise UserError(
                _(
                    "The contract of %(doc)s defines no free run-in period: the "
                    "run-in cannot start (PRJ-RUN-10).",
                    doc=self.display_name,
                )
            )
        start_date = fields.Date.to_date(start_date)
        if not start_date or start_date > fields.Date.context_today(self):
            raise UserError(_("The initialisation cannot be completed in the future."))
        self._scm_step_write({"scm_runin_start": start_date, "scm_phase": "runin"})
        self.message_post(
            body=_(
                "Initialisation completed on %(date)s: the free run-in runs until "
                "%(end)s.",
                date=start_date,
                end=self.scm_runin_end,
            )
        )
        return True

    def _scm_runin_ended(self, on_date=None):
        """Whether the free run-in is over on `on_date` (today by default)."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        return bool(self.scm_runin_end) and on_date >= self.scm_runin_end

    # -- closing (SUP-EPM-04) ------------------------------------------------------
    def _scm_closing_blockers(self):
        """Translated reasons the project cannot close yet: an
        implementation's acceptance, handover and collection, a network
        project's equipment sign-off, MCD's verified execution sheet and the
        element documents filed with HQ."""
        self.ensure_one()
        return [
            *self._scm_handover_blockers(),
            *self._scm_equipment_blockers(),
            *self._scm_execution_sheet_blockers(),
            *self._scm_element_blockers(),
        ]

    def action_open_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.contract",
            "res_id": self.scm_contract_id.id,
            "view_mode": "form",
        }

    # == closing =======================================================================
    # Acceptance, collection, handover to customer service and closing of a
    # customer project (PRJ-SC-08/09, PRJ-TRK-08/09/11, PRJ-HAND-01..03,
    # SUP-EPM-04).

    scm_acceptance_ids = fields.One2many(
        "scm.project.acceptance", "project_id", string="Acceptance Forms"
    )
    scm_acceptance_date = fields.Date(
        string="Accepted On",
        compute="_compute_scm_acceptance_date",
        help="The day the customer signed the Project Implementation "
        "Acceptance Form (PRJ-SC-08).",
    )
    scm_handover_ids = fields.One2many(
        "scm.project.handover", "project_id", string="Handover Forms"
    )
    scm_closing_ids = fields.One2many(
        "scm.project.closing", "project_id", string="Closing Notices"
    )
    scm_payment_reminder_ids = fields.One2many(
        "scm.project.payment.reminder", "project_id", string="Payment Reminders"
    )
    # -- collection (PRJ-SC-09, PRJ-TRK-11) ------------------------------------------
    scm_amount_outstanding = fields.Monetary(
        related="scm_contract_id.amount_outstanding",
        currency_field="scm_currency_id",
        string="Outstanding",
    )
    scm_open_receivable = fields.Boolean(
        string="Open Receivable",
        compute="_compute_scm_collector",
        search="_search_scm_open_receivable",
        help="Accepted, and the contract is not fully collected: the branch "
        "collects (PRJ-SC-09).",
    )
    scm_collector_id = fields.Many2one(
        "res.company",
        string="Collected By",
        compute="_compute_scm_collector",
        help="The branch collects the open receivables of an accepted project; "
        "Finance supervises and the Audit Dept audits (PRJ-SC-09).",
    )
    scm_collection_verified_date = fields.Date(
        string="Full Collection Verified On", readonly=True, copy=False
    )
    scm_collection_verified_by_id = fields.Many2one(
        "res.users", string="Full Collection Verified By", readonly=True, copy=False
    )
    # -- customer service (PRJ-HAND-01/02) -------------------------------------------
    scm_service_user_id = fields.Many2one(
        "res.users",
        string="Service Owner",
        compute="_compute_scm_service_user_id",
        store=True,
        readonly=False,
        help="The branch's owner of customer service once the run-in has "
        "ended: the branch manager unless the branch names one of its service "
        "staff (PRJ-HAND-01).",
    )
    scm_service_phase = fields.Selection(
        [("implementation", "Implementation"), ("service", "Customer Service")],
        string="Service Phase",
        compute="_compute_scm_service_phase",
        help="Once the free run-in has ended, all customer service moves from "
        "the implementation team to the branch's service team (PRJ-HAND-01).",
    )
    scm_service_owner_id = fields.Many2one(
        "res.users",
        string="Serves the Customer",
        compute="_compute_scm_service_phase",
        help="The PM during implementation, the service owner after the run-in.",
    )
    scm_service_contract_id = fields.Many2one(
        "scm.contract",
        string="Service Contract",
        compute="_compute_scm_service_contract",
        help="The technical service (J) or secondary (R) contract in force for "
        "the customer: service requests are made under it (PRJ-HAND-02).",
    )
    scm_service_billing = fields.Selection(
        [("contract", "Under a Service Contract"), ("time", "Time-billed")],
        string="Service Billing",
        compute="_compute_scm_service_contract",
        help="Without a J or R contract in force, service is time-billed "
        "(PRJ-HAND-02, SVC-STD-03).",
    )

    @api.depends("scm_acceptance_ids.customer_signed_date")
    def _compute_scm_acceptance_date(self):
        for project in self:
            dates = (
                project.sudo()
                .scm_acceptance_ids.filtered("customer_signed_date")
                .mapped("customer_signed_date")
            )
            project.scm_acceptance_date = min(dates) if dates else False

    @api.depends(
        "scm_phase",
        "company_id",
        "scm_contract_id.amount_outstanding",
        "scm_contract_id",
    )
    def _compute_scm_collector(self):
        for project in self:
            contract = project.sudo().scm_contract_id
            open_receivable = bool(
                contract
                and project.scm_phase in COLLECTING_PHASES
                and contract.amount_outstanding > 0
            )
            project.scm_open_receivable = open_receivable
            project.scm_collector_id = project.company_id if open_receivable else False

    def _search_scm_open_receivable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on open receivables."))
        ids = self.sudo()._search(
            [
                ("scm_phase", "in", COLLECTING_PHASES),
                ("scm_contract_id.amount_outstanding", ">", 0),
            ]
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("company_id")
    def _compute_scm_service_user_id(self):
        for project in self:
            if project.scm_contract_id and not project.scm_service_user_id:
                project.scm_service_user_id = project.company_id.sudo().scm_manager_id
            else:
                project.scm_service_user_id = project.scm_service_user_id

    @api.depends("scm_runin_end", "scm_phase", "user_id", "scm_service_user_id")
    def _compute_scm_service_phase(self):
        for project in self:
            in_service = bool(project.scm_contract_id) and (
                project.scm_phase == "service" or project._scm_runin_ended()
            )
            project.scm_service_phase = (
                ("service" if in_service else "implementation")
                if project.scm_contract_id
                else False
            )
            project.scm_service_owner_id = (
                project.scm_service_user_id if in_service else project.user_id
            )

    @api.depends("partner_id")
    def _compute_scm_service_contract(self):
        Contract = self.env["scm.contract"].sudo()
        in_force = Contract._scm_in_force_stages()
        for project in self:
            contract = Contract.browse()
            if project.scm_contract_id and project.partner_id:
                contract = Contract.search(
                    [
                        ("partner_id", "=", project.partner_id.id),
                        ("contract_type", "in", SERVICE_CONTRACT_TYPES),
                        ("stage", "in", in_force),
                    ],
                    order="effective_date desc, id desc",
                    limit=1,
                )
            project.scm_service_contract_id = contract
            project.scm_service_billing = (
                ("contract" if contract else "time")
                if project.scm_contract_id
                else False
            )

    # -- the service owner (PRJ-HAND-01) ---------------------------------------------
    def _scm_check_service_user_change(self, user_id):
        """The branch manager or MCD names the service owner, one of the
        branch's users (PRJ-HAND-01)."""
        user = self.env.user
        new_owner = self.env["res.users"].sudo().browse(user_id or [])
        for project in self:
            if project.scm_service_user_id == new_owner:
                continue
            if not (
                project.company_id.sudo().scm_manager_id == user
                or project._scm_is_mcd(user)
            ):
                raise UserError(
                    _(
                        "Only the branch manager or MCD may name the service owner "
                        "of %(doc)s.",
                        doc=project.display_name,
                    )
                )
            if new_owner and project.company_id not in new_owner.company_ids:
                raise UserError(
                    _(
                        "The service owner of %(doc)s is one of its branch's users.",
                        doc=project.display_name,
                    )
                )

    # -- project milestones tied to the contract's payments (PRJ-TRK-08) -------------
    def _scm_sync_payment_milestones(self):
        """One Odoo project milestone per contract payment milestone: the
        acceptance stage at which the payment falls due."""
        Milestone = self.env["project.milestone"].sudo()
        for project in self.sudo():
            contract = project.scm_contract_id
            if not contract:
                continue
            tied = project.milestone_ids.scm_contract_milestone_id
            for payment in contract.milestone_ids - tied:
                Milestone.create(
                    {
                        "name": payment.name,
                        "project_id": project.id,
                        "deadline": payment.due_date,
                        "scm_contract_milestone_id": payment.id,
                        "is_reached": payment.trigger == "signature",
                    }
                )

    def _scm_reach_payment_milestones(self, payments):
        """The events of `payments` happened: their project milestones are
        reached and fall due with them."""
        for project in self.sudo():
            project._scm_sync_payment_milestones()
            for milestone in project.milestone_ids.filtered(
                lambda m: m.scm_contract_milestone_id in payments
            ):
                vals = {"deadline": milestone.scm_contract_milestone_id.due_date}
                if not milestone.is_reached:
                    vals["is_reached"] = True
                milestone.write(vals)

    # -- acceptance (PRJ-SC-08, PRJ-TRK-08) ------------------------------------------
    def _scm_on_accepted(self, acceptance):
        """The customer signed the acceptance form: the contract is fully
        executed, its acceptance payments fall due and the paid service
        period begins."""
        self.ensure_one()
        project = self.sudo()
        accepted_on = acceptance.customer_signed_date
        project._scm_set_phase("accepted")
        contract = project.scm_contract_id
        if contract.stage in (
            "effective",
            "originals_returned",
            "in_execution",
            "accepted",
        ):
            previous = contract._scm_stage_label()
            contract._scm_write({"stage": "paid_service"})
            contract.message_post(
                body=_(
                    "%(prev)s → Paid Service Period: the customer signed the "
                    "Project Implementation Acceptance Form %(form)s on %(date)s "
                    "(PRJ-SC-08).",
                    prev=previous,
                    form=acceptance.name,
                    date=accepted_on,
                )
            )
        payments = contract.milestone_ids.filtered(
            lambda m: m.trigger == "acceptance" and not m.due_date
        )
        payments._scm_set_event_date(accepted_on)
        runin_payments = project._scm_runin_payments_due()
        project._scm_reach_payment_milestones(
            contract.milestone_ids.filtered(
                lambda m: m.trigger in ("acceptance", "runin_end") and m.due_date
            )
            | payments
            | runin_payments
        )

    def _scm_runin_payments_due(self):
        """Payments due "at the end of the run-in" fall due on the run-in's
        end date once it has passed."""
        self.ensure_one()
        if not self._scm_runin_ended():
            return self.env["scm.contract.milestone"]
        payments = self.sudo().scm_contract_id.milestone_ids.filtered(
            lambda m: m.trigger == "runin_end" and not m.due_date
        )
        payments._scm_set_event_date(self.scm_runin_end)
        return payments

    # -- service after the run-in (PRJ-HAND-01) --------------------------------------
    def _scm_signed_acceptance(self):
        self.ensure_one()
        return self.sudo().scm_acceptance_ids.filtered("customer_signed_date")[:1]

    def _scm_move_to_service(self):
        """Accepted projects whose run-in has ended move to customer service:
        the branch's service owner serves the customer from now on."""
        moved = self.browse()
        for project in self.sudo().filtered(lambda p: p.scm_phase == "accepted"):
            if not (project._scm_runin_ended() and project._scm_signed_acceptance()):
                continue
            project._scm_runin_payments_due()
            if not project.scm_service_user_id:
                project.scm_service_user_id = project.company_id.scm_manager_id
            project._scm_set_phase("service")
            owner = project.scm_service_user_id
            project.message_post(
                body=_(
                    "The free run-in ended on %(date)s: customer service moves to "
                    "the branch's service team (%(owner)s) (PRJ-HAND-01). Service "
                    "billing: %(billing)s.",
                    date=project.scm_runin_end,
                    owner=owner.name or _("not named"),
                    billing=dict(
                        project._fields["scm_service_billing"]._description_selection(
                            project.env
                        )
                    ).get(project.scm_service_billing),
                ),
                partner_ids=owner.partner_id.ids,
            )
            moved |= project
        return moved

    @api.model
    def _cron_scm_service_handover(self):
        """Daily: projects whose run-in ended move to customer service; run-in
        payments fall due; date-triggered payment milestones are reached."""
        today = fields.Date.context_today(self)
        dated = (
            self.env["project.milestone"]
            .sudo()
            .search(
                [
                    ("is_reached", "=", False),
                    ("scm_contract_milestone_id.trigger", "=", "date"),
                    ("scm_contract_milestone_id.due_date", "<=", today),
                    ("project_id.scm_phase", "not in", ("closed", "cancelled")),
                ]
            )
        )
        dated.write({"is_reached": True})
        projects = self.sudo().search(
            [
                ("scm_contract_id", "!=", False),
                ("scm_phase", "=", "accepted"),
                ("scm_runin_end", "<=", today),
            ]
        )
        return projects._scm_move_to_service()

    # -- full collection (PRJ-TRK-11) ------------------------------------------------
    def _scm_notify_units(self, subject, body):
        """A notice to the managers of MCD, MSD and Supervision."""
        self.ensure_one()
        partners = self.env["res.partner"]
        for xmlid in CLOSING_NOTIFIED_UNITS:
            partners |= self._scm_unit_manager(xmlid).partner_id
        return self.env["scm.notice"]._scm_send(self, subject, body, partners)

    def action_scm_verify_collection(self):
        """Finance verifies, against the acceptance forms and the delivery
        date, that every payment has been collected (PRJ-TRK-11)."""
        user = self.env.user
        for project in self:
            if not (
                user.has_group("scm_base.group_finance")
                or user.has_group("scm_base.group_scm_admin")
            ):
                raise UserError(
                    _(
                        "Only Finance verifies the full collection of %(doc)s.",
                        doc=project.display_name,
                    )
                )
            project._scm_check_not_closed()
            project._scm_check_phase(COLLECTING_PHASES, _("verified as fully paid"))
            if project.scm_collection_verified_date:
                raise UserError(
                    _(
                        "The full collection of %(doc)s is already verified.",
                        doc=project.display_name,
                    )
                )
            contract = project.sudo().scm_contract_id
            if contract.amount_outstanding > 0:
                raise UserError(
                    _(
                        "%(doc)s still has %(amount)s outstanding: the full "
                        "collection cannot be verified (PRJ-TRK-11).",
                        doc=project.display_name,
                        amount=contract.amount_outstanding,
                    )
                )
            today = fields.Date.context_today(project)
            project._scm_step_write(
                {
                    "scm_collection_verified_date": today,
                    "scm_collection_verified_by_id": user.id,
                }
            )
            project._scm_notify_units(
                _("Full collection verified: %(doc)s", doc=project.display_name),
                Markup("<p>%s</p>")
                % _(
                    "Finance (%(who)s) verified on %(date)s that every payment of "
                    "%(contract)s has been collected (PRJ-TRK-11).",
                    who=user.name,
                    date=today,
                    contract=contract.display_name,
                ),
            )
        return True

    # -- closing (PRJ-HAND-03, PRJ-TRK-11, SUP-EPM-04) ------------------------------
    def _scm_handover_blockers(self):
        blockers = []
        project = self.sudo()
        # The acceptance form, the handover and Finance's full-collection
        # verification close an implementation (C and R contracts); a network
        # project closes on its equipment sign-off (SUP-EPM-02).
        if project.scm_contract_type not in ("sc", "secondary"):
            return blockers
        if not project._scm_signed_acceptance():
            blockers.append(
                _(
                    "The customer has not signed the Project Implementation "
                    "Acceptance Form."
                )
            )
        handover = project.scm_handover_ids[:1]
        if not handover:
            blockers.append(_("The Customer Service Handover Form is missing."))
        elif not handover.scm_signatures_complete:
            blockers.append(
                _("The Customer Service Handover Form is not signed by both sides.")
            )
        if not project.scm_collection_verified_date:
            blockers.append(_("Finance has not verified full collection."))
        return blockers

    def _scm_close(self, closing):
        """The signed closing notice closes the project (SUP-EPM-04)."""
        self.ensure_one()
        project = self.sudo()
        today = fields.Date.context_today(project)
        project._scm_step_write({"scm_phase": "closed", "scm_closed_date": today})
        project._scm_notify_units(
            _("Project closed: %(doc)s", doc=project.display_name),
            Markup("<p>%s</p>")
            % _(
                "%(doc)s was closed on %(date)s by the Project Closing Notice "
                "%(notice)s, signed by MCD, Finance and Audit (SUP-EPM-04, "
                "PRJ-TRK-11).",
                doc=project.display_name,
                date=today,
                notice=closing.name,
            ),
        )

    # == run-in ========================================================================
    # The run-in's free report quota, used and left (PRJ-RUN-09).

    scm_report_request_ids = fields.One2many(
        "scm.project.report.request", "project_id", string="Report Requests"
    )
    scm_free_report_quota = fields.Integer(
        related="scm_contract_id.free_report_quota", string="Free Report Quota"
    )
    scm_free_report_used = fields.Integer(
        string="Free Reports Used", compute="_compute_scm_free_report_use"
    )
    scm_free_report_left = fields.Integer(
        string="Free Reports Left",
        compute="_compute_scm_free_report_use",
        help="-1: unlimited.",
    )

    @api.depends(
        "scm_report_request_ids.free_count", "scm_contract_id.free_report_quota"
    )
    def _compute_scm_free_report_use(self):
        Request = self.env["scm.project.report.request"].sudo()
        counts = dict(
            Request._read_group(
                [
                    ("project_id", "in", self.ids),
                    ("charge_type", "=", "free"),
                    ("state", "!=", "cancelled"),
                ],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            used = counts.get(project._origin, 0)
            quota = project.scm_contract_id.sudo().free_report_quota
            project.scm_free_report_used = used
            project.scm_free_report_left = -1 if quota < 0 else max(quota - used, 0)

    def action_open_scm_report_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_runin_report_request"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_print_scm_enterprise_certificate(self):
        """PRJ-RUN-11: the 《企业管理改造资质证书》 after acceptance."""
        self.env[
            "report.scm_projects.report_runin_enterprise_certificate"
        ]._get_report_values(self.ids)
        return self.env.ref(
            "scm_projects.action_report_runin_enterprise_certificate"
        ).report_action(self)

    # == network =======================================================================
    # Network Engineering (N) projects follow the hardware/network project
    # states of SUP-EPM-01: initiation preparation → initiated (an approved
    # contract in force) → equipment arrived (every equipment line received) →
    # closed (the customer-sealed sign-off list, SUP-EPM-02), or cancelled.
    # Their equipment list changes only through an approved change request once
    # initiated (SUP-EPM-03).

    scm_equipment_ids = fields.One2many(
        "scm.project.equipment", "project_id", string="Equipment"
    )
    scm_equipment_arrived_date = fields.Date(
        string="Equipment Arrived On",
        readonly=True,
        copy=False,
        help="The day the last equipment line was received (SUP-EPM-01); the "
        "sign-off list is due 10 working days later (SUP-EPM-02).",
    )
    scm_cancelled_date = fields.Date(string="Cancelled On", readonly=True, copy=False)
    scm_signoff_ids = fields.One2many(
        "scm.project.equipment.signoff", "project_id", string="Equipment Sign-off"
    )
    scm_equipment_count = fields.Integer(compute="_compute_scm_network_counts")
    scm_equipment_change_count = fields.Integer(compute="_compute_scm_network_counts")
    scm_work_order_count = fields.Integer(compute="_compute_scm_network_counts")
    scm_disc_request_count = fields.Integer(compute="_compute_scm_network_counts")

    def _compute_scm_network_counts(self):
        counts = {}
        for model, key in (
            ("scm.project.equipment", "scm_equipment_count"),
            ("scm.project.equipment.change", "scm_equipment_change_count"),
            ("scm.project.work.order", "scm_work_order_count"),
            ("scm.project.disc.request", "scm_disc_request_count"),
        ):
            groups = self.env[model]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
            counts[key] = {project.id: count for project, count in groups}
        for project in self:
            for key, by_project in counts.items():
                project[key] = by_project.get(project.id, 0)

    # -- roles -------------------------------------------------------------------
    def _scm_is_network(self):
        self.ensure_one()
        return self.sudo().scm_contract_id.contract_type == "network"

    def _scm_check_network(self):
        # The user's own access first: another branch gets an access error.
        self.check_access("read")
        for project in self:
            if not project._scm_is_network():
                raise UserError(
                    _(
                        "%(doc)s is not a Network Engineering project: the "
                        "equipment-project states (SUP-EPM-01) do not apply.",
                        doc=project.display_name,
                    )
                )

    def _scm_check_pm_or_mcd(self, action):
        user = self.env.user
        for project in self:
            if not (project.sudo()._scm_acts_as_pm(user) or project._scm_is_mcd(user)):
                raise UserError(
                    _(
                        "Only the project manager of %(doc)s or the MCD manager "
                        "may %(action)s it.",
                        doc=project.display_name,
                        action=action,
                    )
                )

    # -- SUP-EPM-01 steps --------------------------------------------------------
    def action_scm_network_initiate(self):
        """立项: the project is initiated once its contract is approved and
        in force (SUP-EPM-01)."""
        for project in self:
            project._scm_check_network()
            project._scm_check_pm_or_mcd(_("initiate"))
            project._scm_check_phase(("initiation_prep",), _("initiated"))
            contract = project.sudo().scm_contract_id
            if contract.stage not in IN_FORCE:
                raise UserError(
                    _(
                        "%(doc)s cannot be initiated: its contract %(contract)s "
                        "is not approved and in force (SUP-EPM-01).",
                        doc=project.display_name,
                        contract=contract.display_name,
                    )
                )
            project._scm_step_write(
                {
                    "scm_phase": "initiated",
                    "scm_initiated_date": fields.Date.context_today(project),
                }
            )
            project.sudo().message_post(
                body=_("Network project initiated (SUP-EPM-01).")
            )
        return True

    def action_scm_network_arrive(self):
        """到货: set only when every equipment line is received; the PM then
        owes the customer-sealed sign-off list within 10 working days
        (SUP-EPM-01, SUP-EPM-02)."""
        for project in self:
            project._scm_check_network()
            project._scm_check_pm_or_mcd(_("record the equipment arrival of"))
            project._scm_check_phase(("initiated",), _("marked as arrived"))
            lines = project.sudo().scm_equipment_ids
            if not lines:
                raise UserError(
                    _(
                        "%(doc)s has no equipment lines: nothing can have arrived.",
                        doc=project.display_name,
                    )
                )
            pending = lines.filtered(lambda line: not line.received_on)
            if pending:
                raise UserError(
                    _(
                        "%(doc)s cannot be marked as arrived: %(lines)s not "
                        "received yet (SUP-EPM-01).",
                        doc=project.display_name,
                        lines=", ".join(pending.mapped("display_name")),
                    )
                )
            arrived = max(lines.mapped("received_on"))
            project._scm_step_write(
                {"scm_phase": "arrived", "scm_equipment_arrived_date": arrived}
            )
            project._scm_open_signoff_deadline(arrived)
            project.sudo().message_post(
                body=_(
                    "All equipment received on %(date)s: the customer's sign-off "
                    "list is due within 10 working days (SUP-EPM-02).",
                    date=arrived,
                )
            )
        return True

    def _scm_open_signoff_deadline(self, arrived):
        self.ensure_one()
        if self._scm_deadlines(SIGNOFF_DEADLINE):
            return
        pm = self.sudo().user_id or self._scm_mcd_manager()
        # Noon in China of the arrival day: counted from that day.
        start = datetime.combine(arrived, time(4, 0))
        self._scm_deadline_open(
            SIGNOFF_DEADLINE,
            _(
                "Equipment user sign-off list of %(doc)s (customer seal and "
                "serial numbers)",
                doc=self.display_name,
            ),
            pm,
            10,
            start=start,
        )

    def action_scm_network_close(self):
        """结项: from arrival, once nothing blocks the closing (the sealed
        sign-off list first of all, SUP-EPM-02)."""
        for project in self:
            project._scm_check_network()
            project._scm_check_pm_or_mcd(_("close"))
            project._scm_check_phase(("arrived",), _("closed"))
            blockers = project._scm_closing_blockers()
            if blockers:
                raise UserError(
                    _(
                        "%(doc)s cannot be closed yet:\n%(reasons)s",
                        doc=project.display_name,
                        reasons="\n".join(f"- {reason}" for reason in blockers),
                    )
                )
            project._scm_step_write(
                {
                    "scm_phase": "closed",
                    "scm_closed_date": fields.Date.context_today(project),
                }
            )
            project.sudo().message_post(body=_("Network project closed."))
        return True

    def action_scm_network_cancel(self):
        """撤销: the MCD manager cancels a network project before its
        equipment arrived (SUP-EPM-01)."""
        for project in self:
            project._scm_check_network()
            if not project._scm_is_mcd(self.env.user):
                raise UserError(
                    _(
                        "Only the MCD manager may cancel %(doc)s.",
                        doc=project.display_name,
                    )
                )
            project._scm_check_phase(("initiation_prep", "initiated"), _("cancelled"))
            project._scm_step_write(
                {
                    "scm_phase": "cancelled",
                    "scm_cancelled_date": fields.Date.context_today(project),
                }
            )
            project._scm_deadline_cancel()
            project.sudo().message_post(body=_("Network project cancelled."))
        return True

    def _scm_after_equipment_change(self):
        """An approved change that adds equipment to an arrived project
        means not everything has arrived: the project returns to initiated
        and the sign-off deadline waits for the new arrival."""
        self.ensure_one()
        if self.scm_phase == "arrived" and self.scm_equipment_ids.filtered(
            lambda line: not line.received_on
        ):
            self._scm_step_write(
                {"scm_phase": "initiated", "scm_equipment_arrived_date": False}
            )
            self._scm_deadline_cancel("SUP-EPM-02")
            self.message_post(
                body=_(
                    "New equipment was approved: the project waits for its "
                    "arrival again (SUP-EPM-01)."
                )
            )

    def _scm_equipment_blockers(self):
        blockers = []
        if not self._scm_is_network():
            return blockers
        project = self.sudo()
        if not project.scm_signoff_ids.filtered("customer_signed_date"):
            blockers.append(
                _(
                    "The equipment user sign-off list with the customer's seal "
                    "and every serial number is missing (SUP-EPM-02)."
                )
            )
        pending = (
            self.env["scm.project.equipment.change"]
            .sudo()
            .search_count(
                [("project_id", "=", project.id), ("state", "=", "submitted")]
            )
        )
        if pending:
            blockers.append(
                _("An equipment change awaits the MCD manager's decision (SUP-EPM-03).")
            )
        return blockers

    # -- smart buttons -------------------------------------------------------------
    def _scm_network_action(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("project_id", "=", self.id)],
            "context": {"default_project_id": self.id},
        }

    def action_open_scm_equipment(self):
        return self._scm_network_action("scm.project.equipment", _("Equipment"))

    def action_open_scm_equipment_changes(self):
        return self._scm_network_action(
            "scm.project.equipment.change", _("Equipment Changes")
        )

    def action_open_scm_signoff(self):
        """The project's sign-off list, or a new one for the PM to draw up."""
        self.ensure_one()
        self.check_access("read")
        signoff = self.scm_signoff_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "name": _("Equipment Sign-off List"),
            "res_model": "scm.project.equipment.signoff",
            "view_mode": "form",
            "res_id": signoff.id or False,
            "context": {"default_project_id": self.id},
        }

    def action_open_scm_work_orders(self):
        return self._scm_network_action("scm.project.work.order", _("Work Orders"))

    def action_open_scm_disc_requests(self):
        return self._scm_network_action("scm.project.disc.request", _("Disc Requests"))

    # == kick-off ======================================================================
    # Kick-off and research of a customer project (000 §三.8.2-8.3): its kick-off
    # record, research materials, meetings and baselines, the leading-group
    # leader, the unfilled AA roles and the PM's step that ends the research
    # phase.

    scm_kickoff_ids = fields.One2many(
        "scm.project.kickoff", "project_id", string="Kick-off"
    )
    scm_meeting_ids = fields.One2many(
        "scm.project.meeting", "project_id", string="Meetings and Minutes"
    )
    scm_research_material_ids = fields.One2many(
        "scm.project.research.material", "project_id", string="Research Materials"
    )
    scm_baseline_ids = fields.One2many(
        "scm.project.baseline", "project_id", string="Baselines"
    )

    scm_research_material_count = fields.Integer(
        compute="_compute_scm_research_counts", string="Materials"
    )
    scm_meeting_count = fields.Integer(
        compute="_compute_scm_research_counts", string="Meetings"
    )
    scm_baseline_count = fields.Integer(
        compute="_compute_scm_research_counts", string="Baselines Recorded"
    )

    def _compute_scm_research_counts(self):
        counts = {}
        for model, name in (
            ("scm.project.research.material", "scm_research_material_count"),
            ("scm.project.meeting", "scm_meeting_count"),
            ("scm.project.baseline", "scm_baseline_count"),
        ):
            counts[name] = dict(
                self.env[model]._read_group(
                    [("project_id", "in", self.ids)], ["project_id"], ["__count"]
                )
            )
        for project in self:
            for name, by_project in counts.items():
                project[name] = by_project.get(project._origin, 0)

    def action_scm_open_research_materials(self):
        return self._scm_open_documents(
            "scm.project.research.material", _("Research Materials")
        )

    def action_scm_open_meetings(self):
        return self._scm_open_documents(
            "scm.project.meeting", _("Meetings and Minutes")
        )

    def action_scm_open_baselines(self):
        return self._scm_open_documents("scm.project.baseline", _("Baselines"))

    # -- team (PRJ-KICK-02/03) ---
    def _scm_group_leader(self):
        """The customer's leading-group leader: the contact of the active
        customer member with the role Leading Group Leader (PRJ-KICK-02)."""
        self.ensure_one()
        members = self.sudo().scm_member_ids.filtered(
            lambda m: m.active and m.side == "customer" and m.role == "group_leader"
        )
        return members[:1].customer_contact_id

    def _scm_unfilled_aa_roles(self):
        """The AA roles of PRJ-KICK-03 that no active member holds; the
        project's manager fills the PM role."""
        self.ensure_one()
        members = self.sudo().scm_member_ids.filtered(
            lambda m: m.active and m.side == "aa"
        )
        filled = set(members.mapped("role"))
        if self.user_id:
            filled.add("pm")
        return [role for role, __ in AA_ROLES if role not in filled]

    # -- kick-off record ---
    def _scm_kickoff_ensure(self):
        """A project entering its kick-off preparation gets its kick-off
        record (unless the PM already opened it)."""
        Kickoff = self.env["scm.project.kickoff"].sudo()
        for project in self.filtered("scm_contract_id"):
            if not Kickoff.search_count([("project_id", "=", project.id)]):
                kickoff = Kickoff.create({"project_id": project.id})
                if project.user_id:
                    kickoff.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=_(
                            "Prepare the kick-off of %(project)s",
                            project=project.display_name,
                        ),
                        user_id=project.user_id.id,
                    )

    # -- PRJ-RES-06 ---
    def _scm_phased_transition_missing(self):
        """PRJ-RES-06: the project is implemented in phases and its
        transition plan is not written yet; the scheme cannot be approved
        while this is True."""
        self.ensure_one()
        kickoff = self.sudo().scm_kickoff_ids[:1]
        return bool(kickoff.phased) and not (kickoff.transition_plan or "").strip()

    # -- research completed (PRJ-RES-07) ---
    def action_scm_research_completed(self):
        """The PM ends the research: the element documents are drafted from
        its material, and they need the baseline ("before reengineering")
        record, so at least one baseline must exist (PRJ-RES-07/08)."""
        for project in self:
            if not project.scm_contract_id or not project.sudo()._scm_acts_as_pm(
                self.env.user
            ):
                raise UserError(
                    _(
                        "Only the project manager of %(project)s may complete its "
                        "research.",
                        project=project.sudo().display_name,
                    )
                )
            project._scm_check_phase(("research",), _("moved to the elements method"))
            if (
                not self.env["scm.project.baseline"]
                .sudo()
                .search_count([("project_id", "=", project.id)])
            ):
                raise UserError(
                    _(
                        'Record at least one baseline ("before reengineering" '
                        "measurement) of %(project)s before the element documents "
                        "are drafted (PRJ-RES-07, PRJ-RES-08).",
                        project=project.display_name,
                    )
                )
            project._scm_set_phase("elements")
            project.sudo().message_post(
                body=_("Research completed: the elements method begins.")
            )
        return True

    def action_scm_open_kickoff(self):
        self.ensure_one()
        kickoff = self.scm_kickoff_ids[:1]
        action = {
            "type": "ir.actions.act_window",
            "name": _("Kick-off"),
            "res_model": "scm.project.kickoff",
            "view_mode": "form",
            "context": {"default_project_id": self.id},
        }
        if kickoff:
            action["res_id"] = kickoff.id
        return action

    # == initiation ====================================================================
    # What a new project owes at its initiation (PRJ-INIT-01, PRJ-TRK-04) and
    # what its closing requires (PRJ-TRK-10).

    scm_initiation_ids = fields.One2many(
        "scm.project.initiation", "project_id", string="Initiation Notice"
    )
    scm_execution_sheet_ids = fields.One2many(
        "scm.project.execution.sheet", "project_id", string="Execution Sheet"
    )
    scm_coordination_ids = fields.One2many(
        "scm.project.coordination", "project_id", string="Coordination Requests"
    )
    scm_member_change_ids = fields.One2many(
        "scm.project.member.change", "project_id", string="Team Changes"
    )
    scm_initiation_count = fields.Integer(compute="_compute_scm_initiation_counts")
    scm_coordination_count = fields.Integer(compute="_compute_scm_initiation_counts")
    scm_execution_sheet_count = fields.Integer(compute="_compute_scm_initiation_counts")

    @api.depends(
        "scm_initiation_ids", "scm_coordination_ids", "scm_execution_sheet_ids"
    )
    def _compute_scm_initiation_counts(self):
        for project in self:
            project.scm_initiation_count = len(project.scm_initiation_ids)
            project.scm_coordination_count = len(project.scm_coordination_ids)
            project.scm_execution_sheet_count = len(project.scm_execution_sheet_ids)

    def _scm_owe_initiation(self):
        """The PM owes the initiation notice within 2 WD of the contract's
        signature (PRJ-INIT-01); MCD starts tracking the project with its
        execution status sheet once it has a PM (PRJ-TRK-04)."""
        self.ensure_one()
        project = self.sudo()
        if project.scm_contract_type != "network":
            notice = (
                self.env["scm.project.initiation"]
                .sudo()
                .create({"project_id": project.id})
            )
            if project.user_id:
                notice._scm_deadline_open(
                    "PRJ-INIT-01",
                    _(
                        "Issue the initiation notice of %(project)s",
                        project=project.display_name,
                    ),
                    project.user_id,
                    2,
                )
        if project.user_id:
            project._scm_ensure_execution_sheet()

    def _scm_ensure_execution_sheet(self):
        """The project's execution status sheet, owned by MCD (PRJ-TRK-01)."""
        self.ensure_one()
        Sheet = self.env["scm.project.execution.sheet"].sudo()
        sheet = Sheet.search([("project_id", "=", self.id)], limit=1)
        if not sheet:
            sheet = Sheet.create({"project_id": self.id})
            mcd = self._scm_mcd_manager()
            if mcd:
                sheet.message_subscribe(partner_ids=mcd.partner_id.ids)
        return sheet

    def _scm_execution_sheet_blockers(self):
        blockers = []
        # MCD tracks every C and R project on its sheet (PRJ-TRK-01); a
        # network project closes on its equipment sign-off (SUP-EPM-02).
        if self.scm_contract_type not in ("sc", "secondary"):
            return blockers
        sheet = self.sudo().scm_execution_sheet_ids[:1]
        if not sheet or sheet.state != "verified":
            blockers.append(
                _(
                    "the execution sheet is not verified by MCD (PRJ-TRK-10)",
                )
            )
        return blockers

    def _scm_open_documents(self, model, name):
        self.ensure_one()
        records = self.env[model].search([("project_id", "=", self.id)])
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "domain": [("project_id", "=", self.id)],
            "context": {"default_project_id": self.id},
            "view_mode": "list,form",
        }
        if len(records) == 1:
            action.update(view_mode="form", res_id=records.id)
        return action

    def action_scm_open_initiation(self):
        return self._scm_open_documents(
            "scm.project.initiation", _("Initiation Notice")
        )

    def action_scm_open_coordination(self):
        return self._scm_open_documents(
            "scm.project.coordination", _("Coordination Requests")
        )

    def action_scm_open_execution_sheet(self):
        return self._scm_open_documents(
            "scm.project.execution.sheet", _("Execution Sheet")
        )

    # == elements ======================================================================
    # The elements method on the project: its element documents, the supplement
    # requests and memoranda, the initialisation checklist, and the contract
    # completion date a memorandum may move (PRJ-ELEM-01..09, 12).

    scm_completion_date = fields.Date(
        string="Contract Completion Date",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the whole contract is to be completed. Once set, it changes "
        "only through a memorandum signed by both sides (PRJ-ELEM-07).",
    )
    scm_element_ids = fields.One2many(
        "scm.project.element", "project_id", string="Element Documents"
    )
    scm_element_count = fields.Integer(
        compute="_compute_scm_element_count", string="Element Documents Count"
    )

    @api.depends("scm_element_ids")
    def _compute_scm_element_count(self):
        for project in self:
            project.scm_element_count = len(
                project.scm_element_ids.filtered(lambda e: e.stage != "superseded")
            )

    # -- the completion date (PRJ-ELEM-07) ----------------------------------------
    def _scm_completion_date_error(self):
        return UserError(
            _(
                "The contract completion date of a project changes only through "
                "a memorandum signed by both sides (PRJ-ELEM-07)."
            )
        )

    # -- hooks for other areas -----------------------------------------------------
    def _scm_init_completion_date(self, completion_date):
        """Set the planned completion date the first time (e.g. from the
        overall plan); once set, only a signed memorandum moves it."""
        self.ensure_one()
        if self.scm_completion_date:
            raise self._scm_completion_date_error()
        self._scm_step_write({"scm_completion_date": completion_date})
        return True

    def _scm_element_documents(self, element_type=None):
        """The current (not superseded) element documents of the project."""
        self.ensure_one()
        documents = self.sudo().scm_element_ids.filtered(
            lambda e: e.stage != "superseded"
        )
        if element_type:
            documents = documents.filtered(lambda e: e.element_type == element_type)
        return documents

    def _scm_element_blockers(self):
        """A project closes with its element documents filed with HQ MCD
        (PRJ-ELEM-08)."""
        blockers = []
        unfiled = self._scm_element_documents().filtered(lambda e: e.stage != "filed")
        if unfiled:
            blockers.append(
                _(
                    "Element documents not yet filed with HQ MCD: %(docs)s.",
                    docs=", ".join(unfiled.mapped("display_name")),
                )
            )
        return blockers

    def action_scm_generate_elements(self):
        self.ensure_one()
        return self.env["scm.project.element"]._scm_action_generate(self)

    def action_scm_open_elements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_project_element"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    # == plans =========================================================================
    # The plans of a customer project and whether it has the four it needs in
    # execution (PRJ-SC-03).

    scm_plan_ids = fields.One2many("scm.project.plan", "project_id", string="Plans")
    scm_plan_count = fields.Integer(compute="_compute_scm_plans", string="Plan Count")
    scm_delay_notice_count = fields.Integer(
        compute="_compute_scm_plans", string="Status Notices"
    )
    scm_missing_plans = fields.Char(
        compute="_compute_scm_plans",
        string="Missing Plans",
        help="The plans a project in execution must have and that are not "
        "issued yet (PRJ-SC-03).",
    )
    scm_plans_incomplete = fields.Boolean(
        compute="_compute_scm_plans", string="Plans Incomplete"
    )

    def _compute_scm_plans(self):
        labels = dict(
            self.env["scm.project.plan"]
            ._fields["plan_type"]
            ._description_selection(self.env)
        )
        plans = self.env["scm.project.plan"].sudo()
        notices = self.env["scm.project.delay.notice"].sudo()
        counts = {
            project.id: count
            for project, count in plans._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        }
        notice_counts = {
            project.id: count
            for project, count in notices._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        }
        for project in self:
            project.scm_plan_count = counts.get(project.id, 0)
            project.scm_delay_notice_count = notice_counts.get(project.id, 0)
            missing = project._scm_missing_plan_types() if project.id else []
            project.scm_missing_plans = ", ".join(labels[key] for key in missing)
            project.scm_plans_incomplete = bool(missing) and (
                project.scm_phase in EXECUTION_PHASES
            )

    # -- PRJ-SC-03 -----------------------------------------------------------------
    def _scm_needs_plans(self):
        self.ensure_one()
        return self.sudo().scm_contract_type in PLANNED_CONTRACT_TYPES

    def _scm_missing_plan_types(self):
        """The plan types of the four (overall, requirement, software, QC)
        that the project has not issued yet; [] for a project without plans
        (technical service, network)."""
        self.ensure_one()
        if not self._scm_needs_plans():
            return []
        issued = set(
            self.env["scm.project.plan"]
            .sudo()
            .search([("project_id", "=", self.id), ("state", "in", ISSUED_STATES)])
            .mapped("plan_type")
        )
        # PRJ-SC-02: the requirement work plan sheet is the approved
        # requirement work plan of the project's development (devreq).
        if (
            self.env["scm.dev.req.plan"]
            .sudo()
            .search_count(
                [("project_id", "=", self.id), ("state", "=", "approved")], limit=1
            )
        ):
            issued.add("requirement")
        return [key for key in REQUIRED_PLAN_TYPES if key not in issued]

    def _scm_schedule_adopted(self):
        self.ensure_one()
        return bool(
            self.env["scm.project.plan"]
            .sudo()
            .search_count(
                [
                    ("project_id", "=", self.id),
                    ("plan_type", "=", "schedule"),
                    ("state", "=", "approved"),
                ]
            )
        )

    def _scm_plan_blockers(self):
        """Translated reasons the project may not go beyond the kick-off:
        the four plans issued (PRJ-SC-03) and the implementation schedule
        signed and sealed by both sides (PRJ-KICK-05). The kick-off area
        calls it before moving the project into research."""
        self.ensure_one()
        if not self._scm_needs_plans():
            return []
        blockers = []
        missing = self._scm_missing_plan_types()
        if missing:
            labels = dict(
                self.env["scm.project.plan"]
                ._fields["plan_type"]
                ._description_selection(self.env)
            )
            blockers.append(
                _(
                    "%(project)s has not issued: %(plans)s (PRJ-SC-03).",
                    project=self.display_name,
                    plans=", ".join(labels[key] for key in missing),
                )
            )
        if not self._scm_schedule_adopted():
            blockers.append(
                _(
                    "The implementation schedule of %(project)s is not signed "
                    "and sealed by both sides yet (PRJ-KICK-05).",
                    project=self.display_name,
                )
            )
        return blockers

    # -- actions -------------------------------------------------------------------
    def action_scm_open_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_project_plan"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_scm_open_delay_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_project_delay_notice"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_scm_open_plan_vs_actual(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_plan_vs_actual"
        )
        action["domain"] = [("project_id", "=", self.id), ("scm_plan_id", "!=", False)]
        return action

    # == development ===================================================================
    # A contract project's development (PRJ-SC-05, PRJ-SEC-01) is started from
    # the project by MRD or its PM.

    scm_dev_work_ids = fields.One2many(
        "scm.dev.work", "project_id", string="Developments"
    )

    def _scm_devreq_start_work(self, user):
        """The project's open development, or a new one at the requirement
        work plan with the MRD Manager as requirement lead. MRD or the PM."""
        self.ensure_one()
        Work = self.env["scm.dev.work"].sudo()
        if not (
            user.has_group("scm_base.group_scm_admin")
            or self._scm_acts_as_pm(user)
            or Work._devreq_is_mrd_member(user)
        ):
            raise UserError(
                _(
                    "Only MRD or the project manager may start the development of "
                    "%(project)s.",
                    project=self.display_name,
                )
            )
        if not self.scm_contract_id:
            raise UserError(_("A development is started for a customer project."))
        self._scm_check_not_closed()
        work = Work.search(
            [
                ("project_id", "=", self.id),
                ("stage", "not in", ("accepted", "breach", "cancelled")),
            ],
            limit=1,
        )
        if work:
            return work
        return Work.create(
            {
                "name": _("Development of %(project)s", project=self.name),
                "kind": "project",
                "project_id": self.id,
                "company_id": self.company_id.id,
                "requirement_lead_id": Work._scm_mrd_manager().id,
                "stage": "req_work_plan",
            }
        )

    def action_scm_devreq_development(self):
        """The project's development: opened, or started by MRD or the PM
        (PRJ-SC-05, PRJ-SEC-01)."""
        self.ensure_one()
        return self.sudo()._scm_devreq_start_work(self.env.user)._devreq_open_action()
