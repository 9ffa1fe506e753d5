from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Fields of the closing area that only its steps write.
CLOSING_STEP_FIELDS = (
    "scm_collection_verified_date",
    "scm_collection_verified_by_id",
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


class ProjectProject(models.Model):
    """Acceptance, collection, handover to customer service and closing of a
    customer project (PRJ-SC-08/09, PRJ-TRK-08/09/11, PRJ-HAND-01..03,
    SUP-EPM-04)."""

    _inherit = "project.project"

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

    # -- guard -----------------------------------------------------------------------
    def write(self, vals):
        if not self.env.su:
            protected = set(CLOSING_STEP_FIELDS) & vals.keys()
            if protected:
                raise self._scm_guard_error(protected)
            if "scm_service_user_id" in vals:
                self._scm_check_service_user_change(vals["scm_service_user_id"])
        return super().write(vals)

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
    def _scm_on_created(self):
        res = super()._scm_on_created()
        self._scm_sync_payment_milestones()
        return res

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
    def _scm_closing_blockers(self):
        blockers = super()._scm_closing_blockers()
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
