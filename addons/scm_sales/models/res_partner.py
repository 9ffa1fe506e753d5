from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.scm_base.tools import create_pivot_index

CUSTOMER_CLASSES = [
    ("signed", "Signed Customer"),
    ("intent", "Letter of Intent Signed"),
    ("key", "Key Customer"),
    ("progress", "Customer in Progress"),
    ("potential", "Potential Customer"),
    ("tracking", "Tracking Customer"),
]
SOURCE_CHANNELS = [
    ("exhibition", "Trade Exhibition"),
    ("press", "Trade Press"),
    ("internet", "Internet"),
    ("association", "Industry Association Referral"),
    ("mall", "Mall Brand Transcription"),
    ("partner", "Partner Referral"),
    ("other", "Other"),
]
FILE_STATES = [
    ("draft", "Being Compiled"),
    ("to_review", "Branch Manager Review"),
    ("entered", "Entered"),
    ("sent", "Sent to MSD"),
    ("archived", "Archived by MSD"),
]
GRADES = [("A", "A"), ("B", "B"), ("C", "C")]
CREDIT_STATUS = [
    ("good", "Good"),
    ("normal", "Normal"),
    ("poor", "Poor"),
    ("unknown", "Unknown"),
]

ENTRY_RULE = "SAL-CUST-02"
SEND_RULE = "SAL-CUST-02-SEND"
FIRST_CONTACT_RULE = "SAL-CUST-06"
FIRST_CONTACT_DAYS = 7
# Fields only business methods (or the roles named in `write`) may change.
PROTECTED_FIELDS = {
    "scm_first_recorder_id",
    "scm_first_recorded_date",
    "scm_file_state",
    "scm_entry_date",
    "scm_sent_date",
    "scm_archived_date",
    "scm_grade",
    "scm_grade_date",
    "scm_grade_provisional",
    "scm_dispatched_by_id",
    "scm_archivist_id",
}
# The pieces of the customer information file a branch may not leave empty.
REQUIRED_FILE_FIELDS = (
    "state_id",
    "scm_source_channel",
    "scm_collected_date",
    "scm_customer_class",
)


class ResPartner(models.Model):
    """The customer information file (《客户信息档案》) lives on the customer's
    company partner: its branch is `company_id`, its owner consultant
    `user_id` (SAL-CUST-01..07, SUP-GRD, SUP-CONF, SUP-CONT)."""

    _name = "res.partner"
    _inherit = [
        "scm.step.guard.mixin",
        "scm.deadline.mixin",
        "scm.name.search.mixin",
        "res.partner",
    ]
    # Odoo's name search of a partner (res.partner._rec_names_search), read
    # from one trigram-indexed column (scm.name.search.mixin).
    # Partners keep Odoo's alphabetical dropdown (every partner field of
    # every app shows it).
    _scm_name_search_order = None
    _scm_name_search_fields = (
        "complete_name",
        "email",
        "ref",
        "vat",
        "company_registry",
    )
    _scm_name_search_partner = None
    # The customer file's workflow, grade and dispatch are the steps' own;
    # the first recorder and date are set by create itself (SUP-CONT-01).
    _scm_step_fields = tuple(
        sorted(PROTECTED_FIELDS - {"scm_first_recorder_id", "scm_first_recorded_date"})
    )

    scm_is_customer = fields.Boolean(
        string="Customer File",
        index=True,
        help="This partner is a customer with a customer information file.",
    )
    scm_source_channel = fields.Selection(
        SOURCE_CHANNELS, string="Source Channel", tracking=True
    )
    scm_collected_date = fields.Date(
        string="Collected On", help="When the customer data was collected."
    )
    scm_customer_class = fields.Selection(
        CUSTOMER_CLASSES, string="Customer Class", tracking=True, index=True
    )
    scm_file_state = fields.Selection(
        FILE_STATES, string="File Status", default="draft", tracking=True, copy=False
    )
    scm_entry_date = fields.Datetime(string="Entered On", readonly=True, copy=False)
    scm_sent_date = fields.Datetime(string="Sent to MSD On", readonly=True, copy=False)
    scm_archivist_id = fields.Many2one(
        "res.users",
        string="Archivist",
        tracking=True,
        copy=False,
        help="The MSD member designated to organise and archive the file.",
    )
    scm_archived_date = fields.Datetime(string="Archived On", readonly=True, copy=False)
    scm_first_recorder_id = fields.Many2one(
        "res.users", string="First Recorded By", readonly=True, copy=False
    )
    scm_first_recorded_date = fields.Datetime(
        string="First Recorded On", readonly=True, copy=False
    )
    scm_assigned_date = fields.Datetime(
        string="Owner Assigned On", readonly=True, copy=False
    )
    scm_contact_ids = fields.One2many(
        "scm.customer.contact", "partner_id", string="Contact Log"
    )
    scm_last_contact_date = fields.Datetime(
        string="Last Contact",
        compute="_compute_scm_last_contact_date",
        store=True,
    )
    scm_contact_overdue = fields.Boolean(
        string="No First Contact",
        compute="_compute_scm_contact_overdue",
        search="_search_scm_contact_overdue",
        help="The owner has not contacted the customer within a week of being "
        "assigned (SAL-CUST-06).",
    )
    scm_service_company_id = fields.Many2one(
        "res.company",
        string="Service Branch",
        tracking=True,
        domain=[("parent_id", "!=", False)],
        help="Branch designated by MCD to serve a customer outside its own "
        "territory; the service revenue is that branch's (SAL-TERR-03).",
    )
    scm_dispatched_by_id = fields.Many2one(
        "res.users",
        string="Dispatched By",
        readonly=True,
        copy=False,
        help="HQ marketing moved this customer to its branch (SAL-TERR-04).",
    )
    scm_territory_company_id = fields.Many2one(
        "res.company",
        string="Territory Of",
        compute="_compute_scm_territory_company_id",
        help="The branch whose provinces include the customer's; empty for an "
        "HQ open area.",
    )
    # SUP-GRD: grade separate from the pipeline class
    scm_grade = fields.Selection(GRADES, string="Grade", tracking=True, copy=False)
    scm_grade_date = fields.Date(string="Graded On", readonly=True, copy=False)
    scm_grade_provisional = fields.Boolean(
        string="Provisional Grade", readonly=True, copy=False
    )
    scm_grading_ids = fields.One2many(
        "scm.customer.grading", "partner_id", string="Gradings"
    )
    scm_grade_stale = fields.Boolean(
        string="Grade Due",
        compute="_compute_scm_grade_flags",
        search="_search_scm_grade_stale",
        help="Not graded, or graded more than 12 months ago (SUP-GRD-02).",
    )
    scm_first_contract_date = fields.Date(
        string="First Contract On",
        readonly=True,
        copy=False,
        help="Set when the customer's first contract is signed.",
    )
    scm_grade_review_due = fields.Boolean(
        string="Provisional Grade to Review",
        compute="_compute_scm_grade_flags",
        search="_search_scm_grade_review_due",
        help="A provisional grade after six months of cooperation (SUP-GRD-02).",
    )
    # SUP-CONF-02: optional archive sections and the custodian
    scm_custodian_id = fields.Many2one(
        "res.users", string="Archive Custodian", tracking=True
    )
    scm_licence_attachment_ids = fields.Many2many(
        "ir.attachment",
        "res_partner_scm_licence_rel",
        "partner_id",
        "attachment_id",
        string="Business Licence",
    )
    scm_tax_registration = fields.Char(string="Tax Registration No.")
    scm_credit_status = fields.Selection(CREDIT_STATUS, string="Credit Status")
    scm_credit_note = fields.Text(string="Credit Notes")
    scm_employee_count = fields.Integer(string="Headcount")
    scm_annual_output = fields.Char(string="Annual Output")
    scm_brands = fields.Char(string="Brands")
    scm_production_note = fields.Text(string="Production and Scale")
    scm_transaction_note = fields.Text(string="Past Transactions")
    scm_access_grant_ids = fields.One2many(
        "scm.customer.access.grant", "partner_id", string="Access Grants"
    )
    # The confidentiality rules (SUP-CONF-01) hide a customer file and every
    # contact of it. They read these copies of the commercial partner's
    # values, stored and indexed on each partner, so that a branch user's
    # list, count and pivot of 100,000 partners is an index scan instead of a
    # join through commercial_partner_id for every row.
    scm_file_confidential = fields.Boolean(
        related="commercial_partner_id.scm_is_customer",
        store=True,
        readonly=True,
        index=True,
        string="In a Customer File",
    )
    scm_file_user_id = fields.Many2one(
        related="commercial_partner_id.user_id",
        store=True,
        readonly=True,
        index=True,
        string="File Owner",
    )
    scm_file_custodian_id = fields.Many2one(
        related="commercial_partner_id.scm_custodian_id",
        store=True,
        readonly=True,
        index=True,
        string="File Custodian",
    )
    scm_file_archivist_id = fields.Many2one(
        related="commercial_partner_id.scm_archivist_id",
        store=True,
        readonly=True,
        index=True,
        string="File Archivist",
    )
    scm_file_company_id = fields.Many2one(
        related="commercial_partner_id.company_id",
        store=True,
        readonly=True,
        index=True,
        string="File Branch",
    )

    def init(self):
        result = super().init()
        # The customer files' count and pivot (branch x class), with every
        # column the confidentiality rules test, for the customer files only:
        # read from the index alone, not from the wide partner rows.
        create_pivot_index(
            self,
            (
                "company_id",
                "scm_customer_class",
                "scm_file_user_id",
                "scm_file_company_id",
                "active",
                "partner_share",
                "scm_file_confidential",
                "scm_file_custodian_id",
                "scm_file_archivist_id",
            ),
            where="scm_is_customer",
        )
        return result

    # -- computes
    @api.depends(
        "complete_name",
        "email",
        "vat",
        "state_id",
        "country_id",
        "commercial_company_name",
        # read by _get_complete_name: declared so that a name search loads
        # them with the names instead of a second query of every column
        "name",
        "company_name",
        "parent_id",
        "type",
        "is_company",
    )
    @api.depends_context(
        "show_address",
        "partner_show_db_id",
        "address_inline",
        "show_email",
        "show_vat",
        "lang",
    )
    def _compute_display_name(self):
        return super()._compute_display_name()

    def _get_complete_name(self):
        # Odoo translates the labels of all contact types for every partner
        # it names, and uses them only for an unnamed contact of a company. A
        # named partner without a company (every customer file) is its name.
        if self.name and not (self.company_name or self.parent_id):
            return self.name.strip()
        return super()._get_complete_name()

    @api.depends("scm_contact_ids.date")
    def _compute_scm_last_contact_date(self):
        for partner in self:
            partner.scm_last_contact_date = max(
                partner.scm_contact_ids.mapped("date"), default=False
            )

    def _compute_scm_contact_overdue(self):
        limit = fields.Datetime.now() - timedelta(days=FIRST_CONTACT_DAYS)
        for partner in self:
            partner.scm_contact_overdue = bool(
                partner.scm_is_customer
                and partner.user_id
                and partner.scm_assigned_date
                and partner.scm_assigned_date <= limit
                and (
                    not partner.scm_last_contact_date
                    or partner.scm_last_contact_date < partner.scm_assigned_date
                )
            )

    def _search_scm_contact_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on first contacts."))
        limit = fields.Datetime.now() - timedelta(days=FIRST_CONTACT_DAYS)
        self.flush_model(["scm_assigned_date", "scm_last_contact_date", "user_id"])
        self.env.cr.execute(
            """
            SELECT id FROM res_partner
             WHERE scm_is_customer AND user_id IS NOT NULL
               AND scm_assigned_date <= %s
               AND (scm_last_contact_date IS NULL
                    OR scm_last_contact_date < scm_assigned_date)
            """,
            [limit],
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("state_id")
    def _compute_scm_territory_company_id(self):
        Company = self.env["res.company"].sudo()
        for partner in self:
            state = partner.commercial_partner_id.state_id
            partner.scm_territory_company_id = (
                state and Company._scm_branch_for_state(state) or False
            )

    def _scm_grade_limits(self):
        today = fields.Date.context_today(self)
        return today - relativedelta(months=12), today - relativedelta(months=6)

    def _compute_scm_grade_flags(self):
        stale_limit, provisional_limit = self._scm_grade_limits()
        for partner in self:
            partner.scm_grade_stale = bool(
                partner.scm_is_customer
                and (not partner.scm_grade_date or partner.scm_grade_date < stale_limit)
            )
            partner.scm_grade_review_due = bool(
                partner.scm_grade_provisional
                and partner.scm_first_contract_date
                and partner.scm_first_contract_date <= provisional_limit
            )

    def _search_scm_grade_stale(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on grades."))
        stale_limit = self._scm_grade_limits()[0]
        domain = [
            ("scm_is_customer", "=", True),
            "|",
            ("scm_grade_date", "=", False),
            ("scm_grade_date", "<", stale_limit),
        ]
        if (operator == "=") == value:
            return domain
        return [("id", "not in", self.search(domain).ids)]

    def _search_scm_grade_review_due(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on grades."))
        provisional_limit = self._scm_grade_limits()[1]
        domain = [
            ("scm_grade_provisional", "=", True),
            ("scm_first_contract_date", "<=", provisional_limit),
        ]
        if (operator == "=") == value:
            return domain
        return [("id", "not in", self.search(domain).ids)]

    # -- constraints
    @api.constrains(*REQUIRED_FILE_FIELDS, "scm_is_customer")
    def _check_scm_customer_file(self):
        """SAL-CUST-01: a customer file names its province, source channel,
        collection date and class."""
        for partner in self.filtered("scm_is_customer"):
            missing = [
                partner._fields[name].get_description(self.env)["string"]
                for name in REQUIRED_FILE_FIELDS
                if not partner[name]
            ]
            if missing:
                raise ValidationError(
                    _(
                        "The customer information file of %(customer)s is "
                        "incomplete: fill in %(fields)s.",
                        customer=partner.display_name,
                        fields="、".join(missing),
                    )
                )

    # -- roles
    def _scm_user_is_hq_marketing(self, user=None):
        user = user or self.env.user
        return any(
            user.has_group(group)
            for group in (
                "scm_base.group_msd_manager",
                "scm_base.group_mc_manager",
                "scm_base.group_scm_admin",
            )
        )

    def _scm_user_manages_branch(self, company, user=None):
        """The manager of the branch (or of its unit), not any HQ user who
        holds the branch in the switcher."""
        user = user or self.env.user
        return bool(
            user.has_group("scm_base.group_branch_manager")
            and company.parent_id
            and user._scm_is_member_of_company(company)
        )

    # -- territories (SAL-TERR)
    @api.model
    def _scm_territory_allows(self, company, state, partner=None):
        """Whether branch `company` may work a customer located in `state`
        (SAL-TERR-01..04): its own province, a customer HQ dispatched or
        assigned to it for service, or an approved MSD authorisation."""
        if not company or not company.parent_id or not state:
            return True
        if self.env["res.company"].sudo()._scm_branch_for_state(state) == company:
            return True
        if partner:
            partner = partner.commercial_partner_id.sudo()
            if partner.scm_service_company_id == company:
                return True
            if partner.company_id == company and partner.scm_dispatched_by_id:
                return True
        domain = [("company_id", "=", company.id), ("state", "=", "approved")]
        if partner:
            domain += ["|", ("partner_ids", "in", partner.ids)]
        domain += [("state_ids", "in", state.ids)]
        return bool(self.env["scm.sales.area.request"].sudo().search_count(domain))

    def _scm_branch_may_work(self, company):
        self.ensure_one()
        partner = self.commercial_partner_id.sudo()
        return self._scm_territory_allows(company, partner.state_id, partner)

    def _scm_assert_branch_may_work(self, company):
        for partner in self:
            if not partner._scm_branch_may_work(company):
                customer = partner.commercial_partner_id.sudo()
                self._scm_raise_territory(company, customer.state_id, customer.name)

    @api.model
    def _scm_raise_territory(self, company, state, name):
        territory = self.env["res.company"].sudo()._scm_branch_for_state(state)
        if territory:
            raise UserError(
                _(
                    "%(customer)s is in %(province)s, the territory of "
                    "%(owner)s: %(branch)s may not work it without an MSD "
                    "authorisation.",
                    customer=name,
                    province=state.name,
                    owner=territory.name,
                    branch=company.name,
                )
            )
        raise UserError(
            _(
                "%(customer)s is in %(province)s, an HQ open area: %(branch)s "
                "needs an approved open-area request first.",
                customer=name,
                province=state.name,
                branch=company.name,
            )
        )

    def _scm_revenue_company(self, service=False):
        """The branch credited with the customer's revenue; service income
        goes to the designated service branch (SAL-TERR-03)."""
        self.ensure_one()
        partner = self.commercial_partner_id
        if service and partner.scm_service_company_id:
            return partner.scm_service_company_id
        return partner.company_id or self.env["res.company"]._scm_hq()

    # -- create / write
    @api.model
    def _scm_normalize_name(self, name):
        return "".join((name or "").split()).lower()

    def _scm_find_duplicate(self, vals):
        name = self._scm_normalize_name(vals.get("name"))
        self.env["res.partner"].flush_model(["name", "vat", "scm_is_customer"])
        self.env.cr.execute(
            """
            SELECT id FROM res_partner
             WHERE scm_is_customer AND is_company
               AND (lower(regexp_replace(name, '\\s', '', 'g')) = %s
                    OR (vat IS NOT NULL AND vat = %s))
             ORDER BY id LIMIT 1
            """,
            [name, vals.get("vat") or None],
        )
        row = self.env.cr.fetchone()
        return self.browse(row and row[0]).sudo()

    @api.model
    def _scm_prepare_customer_vals(self, vals):
        """Branch and owner of a new customer file (SAL-TERR-05, SUP-CONT-01)."""
        user = self.env.user
        hq = self.env["res.company"]._scm_hq()
        for name in ("state_id", "company_id", "user_id"):
            if vals.get(name) and not isinstance(vals[name], int):
                raise ValidationError(
                    _(
                        "%(field)s of a customer file must be chosen from the list.",
                        field=self._fields[name]._description_string(self.env),
                    )
                )
        state = self.env["res.country.state"].browse(vals.get("state_id"))
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        if company == hq and state:
            # MSD collects for the whole country: the customer goes to the
            # branch of its business location, or stays with MSD.
            territory = self.env["res.company"].sudo()._scm_branch_for_state(state)
            company = territory or hq
        vals["company_id"] = company.id
        if not self.env.su:
            if not self._scm_territory_allows(company, state):
                self._scm_raise_territory(company, state, vals.get("name"))
        if not vals.get("user_id"):
            vals["user_id"] = user.id
        vals.setdefault("country_id", self.env.ref("base.cn").id)
        # SUP-CONT-01: the first recorder is whoever creates the file; only
        # data loading (superuser) may state it.
        if not self.env.su or not vals.get("scm_first_recorder_id"):
            vals["scm_first_recorder_id"] = user.id
        if not self.env.su or not vals.get("scm_first_recorded_date"):
            vals["scm_first_recorded_date"] = fields.Datetime.now()
        if vals.get("user_id"):
            vals["scm_assigned_date"] = fields.Datetime.now()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("scm_is_customer"):
                continue
            if not self.env.su:
                duplicate = self._scm_find_duplicate(vals)
                if duplicate:
                    raise UserError(
                        _(
                            "%(customer)s was first recorded by %(recorder)s on "
                            "%(date)s and belongs to that recorder; ask your "
                            "branch manager to decide if you claim it.",
                            customer=duplicate.name,
                            recorder=duplicate.scm_first_recorder_id.name
                            or duplicate.create_uid.name,
                            date=fields.Date.to_string(
                                (
                                    duplicate.scm_first_recorded_date
                                    or duplicate.create_date
                                ).date()
                            ),
                        )
                    )
            self._scm_prepare_customer_vals(vals)
        partners = super().create(vals_list)
        for partner in partners.filtered("scm_is_customer"):
            partner._scm_open_entry_deadline()
            partner._scm_open_first_contact_deadline()
        return partners

    def _scm_guard_write(self, vals):
        """Step fields are refused on every partner; a branch move by edit only
        on customer files (other partners follow their users' companies)."""
        if "company_id" in vals and not self.filtered("scm_is_customer"):
            vals = {key: value for key, value in vals.items() if key != "company_id"}
        return super()._scm_guard_write(vals)

    def _scm_check_write_rights(self, vals):
        # The workflow's own methods write through sudo (_scm_file_write).
        if self.env.su:
            return
        customers = self.filtered("scm_is_customer")
        if not customers:
            return
        protected = PROTECTED_FIELDS & set(vals)
        if protected:
            raise UserError(
                _(
                    "These fields of a customer file change only through its "
                    "workflow: %(fields)s.",
                    fields=", ".join(sorted(protected)),
                )
            )
        if "company_id" in vals and not self._scm_user_is_hq_marketing():
            raise UserError(
                _(
                    "Only HQ marketing dispatches a customer to another branch "
                    "(SAL-TERR-04)."
                )
            )
        if "scm_service_company_id" in vals and not any(
            self.env.user.has_group(group)
            for group in (
                "scm_base.group_mcd_manager",
                "scm_base.group_cc_manager",
                "scm_base.group_scm_admin",
            )
        ):
            raise UserError(
                _("Only the Management Consulting Dept designates a service branch.")
            )
        if "user_id" in vals:
            for partner in customers:
                if vals["user_id"] == partner.user_id.id:
                    continue
                if not (
                    self._scm_user_is_hq_marketing()
                    or self._scm_user_manages_branch(partner.company_id)
                ):
                    raise UserError(
                        _(
                            "Only the branch manager or MSD assigns the owner of "
                            "%(customer)s.",
                            customer=partner.display_name,
                        )
                    )

    def write(self, vals):
        self._scm_check_write_rights(vals)
        if "user_id" in vals:
            vals = dict(vals, scm_assigned_date=fields.Datetime.now())
        owners_before = {partner.id: partner.user_id for partner in self}
        result = super().write(vals)
        if ("state_id" in vals or "company_id" in vals) and not self.env.su:
            for partner in self.filtered("scm_is_customer"):
                if partner.company_id.parent_id and not partner.scm_dispatched_by_id:
                    partner._scm_assert_branch_may_work(partner.company_id)
        if "user_id" in vals:
            for partner in self.filtered("scm_is_customer"):
                if owners_before[partner.id] != partner.user_id:
                    partner._scm_deadline_cancel(FIRST_CONTACT_RULE)
                    partner._scm_open_first_contact_deadline()
        return result

    # -- deadlines
    def _scm_open_entry_deadline(self):
        """SAL-CUST-02: entered within 2 working days of collection."""
        self.ensure_one()
        start = fields.Datetime.to_datetime(
            self.scm_collected_date or fields.Date.context_today(self)
        )
        self._scm_deadline_open(
            ENTRY_RULE,
            _("Enter the customer file of %(customer)s", customer=self.name),
            self.user_id or self.env.user,
            2,
            "working_days",
            start=start,
        )

    def _scm_open_first_contact_deadline(self):
        """SAL-CUST-06: the owner contacts a new customer within one week."""
        self.ensure_one()
        if not self.user_id:
            return
        self._scm_deadline_open(
            FIRST_CONTACT_RULE,
            _("First contact with %(customer)s", customer=self.name),
            self.user_id,
            FIRST_CONTACT_DAYS,
            "calendar_days",
            start=self.scm_assigned_date or fields.Datetime.now(),
        )

    # -- customer file workflow (SAL-CUST-02/03)
    def _scm_file_write(self, vals):
        return self._scm_step_write(vals)

    def _scm_require_file_state(self, states):
        for partner in self:
            if not partner.scm_is_customer or partner.scm_file_state not in states:
                raise UserError(
                    _(
                        "The customer file of %(customer)s is not at a step where "
                        "this is possible.",
                        customer=partner.display_name,
                    )
                )

    def action_scm_file_submit(self):
        self._scm_require_file_state(["draft"])
        for partner in self:
            manager = partner.company_id.scm_manager_id
            partner._scm_file_write({"scm_file_state": "to_review"})
            if manager:
                partner.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Review the customer file"),
                    user_id=manager.id,
                )
        return True

    def action_scm_file_review(self):
        """The branch manager's review enters the file into the CRM."""
        self._scm_require_file_state(["to_review"])
        for partner in self:
            if not (
                self._scm_user_manages_branch(partner.company_id)
                or self._scm_user_is_hq_marketing()
            ):
                raise UserError(
                    _(
                        "Only the manager of %(branch)s reviews its customer files.",
                        branch=partner.company_id.name,
                    )
                )
            now = fields.Datetime.now()
            partner._scm_file_write(
                {"scm_file_state": "entered", "scm_entry_date": now}
            )
            partner._scm_deadline_close(ENTRY_RULE)
            partner.activity_feedback(
                ["mail.mail_activity_data_todo"],
                user_id=self.env.user.id,
                feedback=_("Reviewed"),
            )
            if partner.company_id.parent_id:
                partner._scm_deadline_open(
                    SEND_RULE,
                    _(
                        "Send the customer file of %(customer)s to MSD",
                        customer=partner.name,
                    ),
                    partner._scm_branch_liaison(),
                    1,
                    "calendar_days",
                    start=now,
                )
            else:
                # MSD's own files need no sending: they are received at once.
                partner._scm_file_receive()
        return True

    def _scm_branch_liaison(self):
        self.ensure_one()
        liaison = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    (
                        "groups_id",
                        "in",
                        self.env.ref("scm_base.group_branch_liaison").id,
                    ),
                    ("company_id", "=", self.company_id.id),
                ],
                limit=1,
            )
        )
        return liaison or self.company_id.scm_manager_id or self.user_id

    def action_scm_file_send(self):
        """The branch's designated person sends the file to MSD (SAL-CUST-02)."""
        self._scm_require_file_state(["entered"])
        for partner in self:
            if not (
                self.env.user._scm_is_member_of_company(partner.company_id)
                or self._scm_user_is_hq_marketing()
            ):
                raise UserError(_("Only the branch of the customer sends its file."))
            partner._scm_file_write(
                {"scm_file_state": "sent", "scm_sent_date": fields.Datetime.now()}
            )
            partner._scm_deadline_close(SEND_RULE)
            partner._scm_file_receive()
        return True

    def _scm_default_archivist(self):
        users = self.env["res.users"].sudo()
        archivist = users.search(
            [("groups_id", "in", self.env.ref("scm_base.group_msd_archivist").id)],
            limit=1,
        )
        if archivist:
            return archivist
        msd = self.env.ref("scm_base.dept_msd", raise_if_not_found=False)
        return msd and msd.sudo().manager_id.user_id or users.browse()

    def _scm_file_receive(self):
        """SAL-CUST-03: receipt creates the archive task for the designee."""
        for partner in self:
            archivist = partner.scm_archivist_id or partner._scm_default_archivist()
            if not archivist:
                continue
            partner._scm_file_write({"scm_archivist_id": archivist.id})
            partner.sudo().activity_schedule(
                "scm_sales.mail_activity_type_scm_archive",
                summary=_("Organise and archive the customer file"),
                user_id=archivist.id,
            )

    def action_scm_file_designate(self, user):
        """The MSD manager hands the archive task to another designee."""
        if not self.env.user.has_group("scm_base.group_msd_manager"):
            raise UserError(_("Only the MSD Manager designates the archivist."))
        if isinstance(user, int):
            user = self.env["res.users"].browse(user)
        if not user.has_group("scm_base.group_hq_staff"):
            raise UserError(_("The archivist is a member of HQ."))
        self._scm_require_file_state(["sent"])
        archive_type = self.env.ref("scm_sales.mail_activity_type_scm_archive")
        for partner in self:
            partner.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == archive_type
            ).unlink()
            partner._scm_file_write({"scm_archivist_id": user.id})
            partner._scm_file_receive()
        return True

    def action_scm_file_archive(self):
        """Only the designee's archive task archives the file (SAL-CUST-03)."""
        self._scm_require_file_state(["sent"])
        archive_type = self.env.ref("scm_sales.mail_activity_type_scm_archive")
        for partner in self:
            task = partner.sudo().activity_ids.filtered(
                lambda a, p=partner: (
                    a.activity_type_id == archive_type and a.user_id == self.env.user
                )
            )
            if not task:
                raise UserError(
                    _(
                        "Only the designated archivist archives the file of "
                        "%(customer)s.",
                        customer=partner.display_name,
                    )
                )
            partner._scm_file_write(
                {
                    "scm_file_state": "archived",
                    "scm_archived_date": fields.Datetime.now(),
                }
            )
            task.action_feedback(feedback=_("Archived"))
        return True

    # -- ownership (SAL-CUST-04..06, SAL-TERR-04)
    def action_scm_reassign(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Reassign Customer"),
            "res_model": "scm.customer.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def _scm_prompt_archive_update(self, document):
        """SUP-CONF-02: after a transaction the custodian updates the archive."""
        for partner in self.mapped("commercial_partner_id"):
            custodian = partner.scm_custodian_id or partner.user_id
            if custodian:
                partner.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Update the customer archive"),
                    note=_("After %(document)s", document=document.display_name),
                    user_id=custodian.id,
                )

    def _scm_on_contract_signed(self, date):
        """Called by the contracts: first contract date and archive upkeep."""
        for partner in self.mapped("commercial_partner_id"):
            values = {"scm_customer_class": "signed"}
            if not partner.scm_first_contract_date:
                values["scm_first_contract_date"] = date
            partner.sudo().write(values)

    # -- confidentiality (SUP-CONF-01)
    def export_data(self, fields_to_export):
        customers = self.filtered("scm_is_customer")
        if customers:
            self.env["scm.customer.access.log"].sudo()._scm_log_export(customers)
        return super().export_data(fields_to_export)
