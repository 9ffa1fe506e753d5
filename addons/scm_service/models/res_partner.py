from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .customers_scm_customer_visit import SERVICE_PURPOSES

# The contracts under which service is rendered (SVC-SCOPE-01, PRJ-HAND-02):
# technical service (J) and secondary (R).
SERVICE_CONTRACT_TYPES = ("tech_service", "secondary")

# SVC-SCOPE-02: a yearly adjustment; a reengineering every 3-5 years.
ADJUSTMENT_MONTHS = 12
REENGINEERING_INFO_YEARS = 3
REENGINEERING_DUE_YEARS = 5


class ResPartner(models.Model):
    """The customer's service file (SVC-SCOPE-02) and its customer service
    archive (SVC-ARCH-01): scm_sales owns the file, customer service adds
    the adjustment history, the flags and the six archive sections.

    Service requests ask it how a customer is served now (project run-in,
    J/R contract or time-billed) and who serves it."""

    _inherit = "res.partner"

    scm_adjustment_ids = fields.One2many(
        "scm.service.adjustment",
        "partner_id",
        string="Adjustments and Reengineering",
        readonly=True,
    )
    scm_last_adjustment_date = fields.Date(
        string="Last Annual Adjustment",
        compute="_compute_scm_last_adjustment",
        store=True,
    )
    scm_last_reengineering_date = fields.Date(
        string="Last Reengineering",
        compute="_compute_scm_last_adjustment",
        store=True,
    )
    scm_adjustment_overdue = fields.Boolean(
        string="Annual Adjustment Overdue",
        compute="_compute_scm_adjustment_flags",
        search="_search_scm_adjustment_overdue",
        help="More than 12 months since the last annual adjustment (or, "
        "without one, since the first contract) (SVC-SCOPE-02).",
    )
    scm_reengineering_due = fields.Boolean(
        string="Reengineering Overdue",
        compute="_compute_scm_adjustment_flags",
        search="_search_scm_reengineering_due",
        help="More than 5 years since the last reengineering (SVC-SCOPE-02).",
    )
    scm_reengineering_soon = fields.Boolean(
        string="Reengineering to Consider",
        compute="_compute_scm_adjustment_flags",
        search="_search_scm_reengineering_soon",
        help="More than 3 years since the last reengineering: informational "
        "(SVC-SCOPE-02).",
    )
    scm_is_service_customer = fields.Boolean(
        string="Service Customer",
        compute="_compute_scm_is_service_customer",
        search="_search_scm_is_service_customer",
        help="Has a Tech Service or Secondary contract in its service period "
        "(SVC-SCOPE-01).",
    )
    scm_service_plan_ids = fields.One2many(
        "scm.service.plan", "partner_id", string="Service Plans", readonly=True
    )
    # -- the monthly visit rule on the customer (SVC-VISIT-01)
    scm_last_service_visit_date = fields.Datetime(
        string="Last Service Visit",
        compute="_compute_scm_visit_rule",
        help="The latest closed visit record of customer service.",
    )
    scm_visit_this_month = fields.Boolean(
        string="Visited This Month",
        compute="_compute_scm_visit_rule",
    )
    scm_visit_gap_count = fields.Integer(
        string="Months Without a Visit",
        compute="_compute_scm_visit_rule",
        help="Past months of the service period without a visit record: each "
        "is flagged on the consultant on the 1st of the next month "
        "(SVC-VISIT-01).",
    )
    # -- the customer service archive (SVC-ARCH-01): the six sections, read
    # with the reader's own rights so that every link opens for them.
    scm_archive_contract_ids = fields.Many2many(
        "scm.contract",
        string="Archive: Contracts",
        compute="_compute_scm_archive",
    )
    scm_archive_element_ids = fields.Many2many(
        "scm.project.element",
        string="Archive: Product Element Documents",
        compute="_compute_scm_archive",
    )
    scm_archive_project_ids = fields.Many2many(
        "project.project",
        string="Archive: Implementation Records",
        compute="_compute_scm_archive",
    )
    scm_archive_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Archive: Service Records",
        compute="_compute_scm_archive",
    )
    scm_archive_billed_hours = fields.Float(
        string="Archive: Time-billed Hours",
        compute="_compute_scm_archive",
        help="Section 4: the hours of the customer's time-billed service.",
    )
    scm_archive_billed_fee = fields.Float(
        string="Archive: Time-billed Fees",
        compute="_compute_scm_archive",
        digits="Product Price",
        help="Section 4: the fees of the customer's time-billed service.",
    )
    scm_archive_phone_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Archive: Phone Records",
        compute="_compute_scm_archive",
    )
    scm_archive_workorder_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Archive: On-site Work Orders",
        compute="_compute_scm_archive",
    )
    scm_archive_escalation_ids = fields.Many2many(
        "scm.service.escalation",
        string="Archive: Problems Escalated to HQ",
        compute="_compute_scm_archive",
    )
    scm_archive_plan_ids = fields.Many2many(
        "scm.service.plan",
        string="Archive: Service Plans",
        compute="_compute_scm_archive",
    )
    scm_archive_fault_ids = fields.Many2many(
        "scm.project.fault",
        string="Archive: Problems (Error Forms)",
        compute="_compute_scm_archive",
    )
    scm_archive_visit_ids = fields.Many2many(
        "scm.customer.visit",
        string="Archive: Visit Records",
        compute="_compute_scm_archive",
    )

    # -- service customers (SVC-SCOPE-01) ------------------------------------------
    @api.model
    def _scm_service_customer_ids(self):
        Contract = self.env["scm.contract"].sudo()
        return set(
            Contract.search(
                [
                    ("contract_type", "in", SERVICE_CONTRACT_TYPES),
                    ("stage", "in", Contract._scm_in_force_stages()),
                ]
            ).partner_id.ids
        )

    def _compute_scm_is_service_customer(self):
        ids = self._scm_service_customer_ids() if self.ids else set()
        for partner in self:
            partner.scm_is_service_customer = partner.commercial_partner_id.id in ids

    def _search_scm_is_service_customer(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on service customers."))
        positive = (operator == "=") == value
        return [
            (
                "id",
                "in" if positive else "not in",
                list(self._scm_service_customer_ids()),
            )
        ]

    # -- SVC-SCOPE-02 -------------------------------------------------------------
    @api.depends("scm_adjustment_ids.date", "scm_adjustment_ids.kind")
    def _compute_scm_last_adjustment(self):
        for partner in self:
            records = partner.scm_adjustment_ids
            partner.scm_last_adjustment_date = max(
                records.filtered(lambda r: r.kind == "adjustment").mapped("date"),
                default=False,
            )
            partner.scm_last_reengineering_date = max(
                records.filtered(lambda r: r.kind == "reengineering").mapped("date"),
                default=False,
            )

    @api.model
    def _scm_adjustment_limits(self, on_date=None):
        today = on_date or fields.Date.context_today(self)
        return {
            "adjustment": today - relativedelta(months=ADJUSTMENT_MONTHS),
            "reengineering_due": today - relativedelta(years=REENGINEERING_DUE_YEARS),
            "reengineering_soon": today - relativedelta(years=REENGINEERING_INFO_YEARS),
        }

    def _scm_adjustment_reference(self, field_name):
        """The date a flag counts from: the last recorded one, or without
        any the customer's first contract."""
        self.ensure_one()
        return self[field_name] or self.scm_first_contract_date

    def _compute_scm_adjustment_flags(self):
        limits = self._scm_adjustment_limits()
        for partner in self:
            adjusted = partner._scm_adjustment_reference("scm_last_adjustment_date")
            reengineered = partner._scm_adjustment_reference(
                "scm_last_reengineering_date"
            )
            partner.scm_adjustment_overdue = bool(
                adjusted and adjusted < limits["adjustment"]
            )
            partner.scm_reengineering_due = bool(
                reengineered and reengineered < limits["reengineering_due"]
            )
            partner.scm_reengineering_soon = bool(
                reengineered and reengineered < limits["reengineering_soon"]
            )

    def _scm_flag_domain(self, field_name, limit, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on a service flag."))
        domain = [
            "|",
            (field_name, "<", limit),
            "&",
            (field_name, "=", False),
            ("scm_first_contract_date", "<", limit),
        ]
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain

    def _search_scm_adjustment_overdue(self, operator, value):
        limit = self._scm_adjustment_limits()["adjustment"]
        return self._scm_flag_domain("scm_last_adjustment_date", limit, operator, value)

    def _search_scm_reengineering_due(self, operator, value):
        limit = self._scm_adjustment_limits()["reengineering_due"]
        return self._scm_flag_domain(
            "scm_last_reengineering_date", limit, operator, value
        )

    def _search_scm_reengineering_soon(self, operator, value):
        limit = self._scm_adjustment_limits()["reengineering_soon"]
        return self._scm_flag_domain(
            "scm_last_reengineering_date", limit, operator, value
        )

    # -- who serves the customer ----------------------------------------------------
    def _scm_service_company(self):
        """The branch serving the customer (SAL-TERR-03: MCD may designate
        another branch than the one holding the file)."""
        self.ensure_one()
        partner = self.commercial_partner_id.sudo()
        return partner.scm_service_company_id or partner.company_id

    def _scm_service_consultant(self):
        """Who owes the customer's service plan and monthly visit: the
        service owner of its latest project after the run-in, else the owner
        of its file, else the branch manager."""
        self.ensure_one()
        partner = self.commercial_partner_id.sudo()
        project = (
            self.env["project.project"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("scm_service_user_id", "!=", False),
                ],
                order="id desc",
                limit=1,
            )
        )
        return (
            project.scm_service_user_id
            or partner.user_id
            or partner._scm_service_company().scm_manager_id
        )

    def _scm_check_branch_service_staff(self, action):
        """Only the serving branch's consultants and its manager `action`."""
        user = self.env.user
        for partner in self:
            company = partner._scm_service_company()
            allowed = (
                user.has_group("scm_base.group_consultant")
                or user.has_group("scm_base.group_branch_manager")
            ) and user._scm_is_member_of_company(company)
            if not allowed:
                raise AccessError(
                    _(
                        "Only a consultant or the manager of %(branch)s may "
                        "%(action)s for %(customer)s.",
                        branch=company.name or "-",
                        action=action,
                        customer=partner.commercial_partner_id.name,
                    )
                )

    def _scm_plan_basics(self):
        """Section 1 of a service plan: the customer's basics from the
        customer file (SVC-PLAN-01)."""
        self.ensure_one()
        partner = self.commercial_partner_id.sudo()
        address = ", ".join(
            filter(None, (partner.street, partner.city, partner.state_id.name))
        )
        lines = [
            (_("Customer"), partner.name),
            (_("Address"), address),
            (_("Phone"), partner.phone),
            (
                _("Grade"),
                dict(partner._fields["scm_grade"]._description_selection(self.env)).get(
                    partner.scm_grade
                ),
            ),
            (_("Headcount"), partner.scm_employee_count or ""),
            (_("Brands"), partner.scm_brands),
            (_("Production and Scale"), partner.scm_production_note),
        ]
        return "\n".join(f"{label}: {value}" for label, value in lines if value)

    # -- SVC-VISIT-01 -------------------------------------------------------------
    def _compute_scm_visit_rule(self):
        """Read with the reader's rights: the branch's and HQ's service
        staff see the visits and the coverage of the customers they serve."""
        Coverage = self.env["scm.service.visit.coverage"]
        commercial = self.commercial_partner_id.filtered("id")
        gaps = {}
        this_month = {}
        if commercial and Coverage.has_access("read"):
            for row in Coverage.search_read(
                [("partner_id", "in", commercial.ids)],
                ["partner_id", "missed", "current_month", "visit_count"],
            ):
                partner_id = row["partner_id"][0]
                gaps[partner_id] = gaps.get(partner_id, 0) + int(row["missed"])
                if row["current_month"]:
                    this_month[partner_id] = row["visit_count"] > 0
        last = {}
        Visit = self.env["scm.customer.visit"]
        if commercial and Visit.has_access("read"):
            for partner, latest in Visit._read_group(
                [
                    ("partner_id", "in", commercial.ids),
                    ("visit_stage", "=", "done"),
                    ("scm_visit_purpose", "in", list(SERVICE_PURPOSES)),
                ],
                ["partner_id"],
                ["planned_start:max"],
            ):
                last[partner.id] = latest
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.scm_last_service_visit_date = last.get(key, False)
            partner.scm_visit_this_month = this_month.get(key, False)
            partner.scm_visit_gap_count = gaps.get(key, 0)

    def action_scm_visit_coverage(self):
        """The customer's months and their visits (SVC-VISIT-01)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Monthly Visit Coverage"),
            "res_model": "scm.service.visit.coverage",
            "view_mode": "list",
            "domain": [("partner_id", "=", self.commercial_partner_id.id)],
        }

    # -- SVC-ARCH-01 --------------------------------------------------------------
    def _compute_scm_archive(self):
        Contract = self.env["scm.contract"]
        for partner in self:
            commercial = partner.commercial_partner_id
            if not commercial.id:
                partner.update(
                    {
                        name: False
                        for name in self._fields
                        if name.startswith("scm_archive_")
                    }
                )
                continue
            customer = [("partner_id", "=", commercial.id)]
            partner.scm_archive_contract_ids = Contract.search(
                customer + [("contract_type", "in", ("sc", *SERVICE_CONTRACT_TYPES))]
            )
            partner.scm_archive_element_ids = self.env["scm.project.element"].search(
                customer
            )
            partner.scm_archive_project_ids = self.env["project.project"].search(
                customer + [("scm_contract_id", "!=", False)]
            )
            # (4) service delivered and fees: every request after the run-in,
            # the time-billed ones with their hours and fees; (6) the phone
            # records and on-site work orders of every request.
            tickets = self.env["helpdesk.ticket"].search(
                [("commercial_partner_id", "=", commercial.id)]
            )
            billed = tickets.filtered(lambda t: t.scm_service_kind == "time_billed")
            partner.scm_archive_ticket_ids = tickets.filtered(
                lambda t: t.scm_service_kind != "project"
            )
            partner.scm_archive_billed_hours = sum(billed.mapped("scm_work_hours"))
            partner.scm_archive_billed_fee = sum(billed.mapped("scm_fee"))
            partner.scm_archive_phone_ids = tickets.filtered(
                lambda t: t.scm_channel_code == "phone" and t.scm_phone_record
            )
            partner.scm_archive_workorder_ids = tickets.filtered(
                lambda t: t.scm_channel_code == "onsite"
            )
            partner.scm_archive_escalation_ids = self.env[
                "scm.service.escalation"
            ].search([("partner_id", "=", commercial.id)])
            partner.scm_archive_plan_ids = self.env["scm.service.plan"].search(customer)
            partner.scm_archive_fault_ids = self.env["scm.project.fault"].search(
                customer
            )
            partner.scm_archive_visit_ids = self.env["scm.customer.visit"].search(
                customer + [("visit_stage", "=", "done")]
            )

    def action_scm_service_archive(self):
        """Open the customer service archive of the customer (SVC-ARCH-01)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Customer Service Archive"),
            "res_model": "res.partner",
            "res_id": self.commercial_partner_id.id,
            "view_mode": "form",
            "views": [
                (self.env.ref("scm_service.view_partner_customers_archive").id, "form")
            ],
        }

    def action_scm_record_adjustment(self):
        """The branch records an annual adjustment or a reengineering."""
        self.ensure_one()
        self._scm_check_branch_service_staff(_("record an adjustment"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Record Adjustment or Reengineering"),
            "res_model": "scm.service.adjustment",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def action_scm_print_archive(self):
        self.ensure_one()
        return self.env.ref(
            "scm_service.action_report_customers_archive"
        ).report_action(self.commercial_partner_id)

    # -- how the customer is served now (SVC-SCOPE-01, SVC-STD-01)
    def _scm_runin_project(self, on_date=None):
        """The customer project in its free run-in on `on_date`: service
        then belongs to the project (SVC-STD-01, PRJ-RUN)."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        return (
            self.env["project.project"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.commercial_partner_id.id),
                    ("scm_contract_id", "!=", False),
                    ("scm_runin_start", "<=", on_date),
                    ("scm_runin_end", ">", on_date),
                ],
                order="scm_runin_start desc, id desc",
                limit=1,
            )
        )

    def _scm_service_contract(self, on_date=None):
        """The J or R contract of the customer in force on `on_date` (its
        service period), or an empty recordset."""
        self.ensure_one()
        Contract = self.env["scm.contract"].sudo()
        return Contract.search(
            [
                ("partner_id", "=", self.commercial_partner_id.id),
                ("contract_type", "in", SERVICE_CONTRACT_TYPES),
                ("stage", "in", Contract._scm_in_force_stages()),
            ],
            order="effective_date desc, id desc",
            limit=1,
        )

    def _scm_service_kind(self, on_date=None):
        """How a service request of the customer on `on_date` is rendered
        (SVC-SCOPE-01, SVC-STD-01): in the project while its run-in lasts
        (free), under a J/R contract in its service period, or time-billed."""
        self.ensure_one()
        if self._scm_runin_project(on_date):
            return "project"
        if self._scm_service_contract(on_date):
            return "contract"
        return "time_billed"
