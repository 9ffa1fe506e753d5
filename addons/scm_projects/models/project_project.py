from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.scm_base.tools import create_pivot_index

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
# Fields the project's own steps write (scm.step.guard.mixin conventions).
STEP_FIELDS = (
    "scm_contract_id",
    "scm_phase",
    "scm_runin_start",
    "scm_initiated_date",
    "scm_closed_date",
)
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
                preset = {name for name in STEP_FIELDS if vals.get(name)}
                if preset:
                    raise self._scm_guard_error(preset)
            # Context defaults may not preset them either.
            context = {
                key: value
                for key, value in self.env.context.items()
                if not (key.startswith("default_") and key[8:] in STEP_FIELDS)
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
            protected = set(STEP_FIELDS) & vals.keys()
            if protected:
                raise self._scm_guard_error(protected)
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
        return super().write(vals)

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
        """Each area adds what a new project owes (initiation deadline, the
        execution status sheet...)."""
        self.ensure_one()

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
        """Translated reasons the project cannot close yet; each area adds
        the documents it requires (execution sheet verified, acceptance,
        handover, closing notice, archive checklist, equipment sign-off)."""
        self.ensure_one()
        return []

    def action_open_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.contract",
            "res_id": self.scm_contract_id.id,
            "view_mode": "form",
        }
