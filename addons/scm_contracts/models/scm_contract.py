import difflib
import re

from lxml import etree
from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, html2plaintext

from odoo.addons.scm_base.models.scm_approval_mixin import REVIEW_DEADLINE_CODE
from odoo.addons.scm_base.tools import create_pivot_index
from odoo.addons.scm_sales.models.scm_sales_plan_line import BUSINESS_LINES

from ..contract_types import (
    BRANCH_SIGNS,
    CONTRACT_TYPES,
    CUSTOMER_ANSWERS_FIRST,
    FREE_REPORT_BANDS,
    KEY_PROJECT_BUDGET,
    MAJOR_THRESHOLD,
    ORIGINALS_PRINTED,
    ORIGINALS_RETURNED,
    SERVICE_CLAUSES_REQUIRED,
    TYPE_BUSINESS_LINES,
    TYPE_DUTIES,
    TYPE_HQ_SIGNATORY,
    TYPE_LETTERS,
    TYPE_OFFICE,
    TYPE_RETENTION,
)
from ..report.scm_contract_original_report import NUMBER_PENDING

STAGES = [
    ("draft", "Draft"),
    ("review", "Under Approval"),
    ("approved", "Approved"),
    ("sent_to_customer", "With the Customer"),
    ("customer_accepted", "Accepted by the Customer"),
    ("customer_rejected", "Refused by the Customer"),
    ("printed", "Original Printed"),
    ("registered", "Registered at Finance"),
    ("sent_to_branch", "Originals at the Branch"),
    ("aa_signed", "Signed by AA"),
    ("effective", "Effective"),
    ("originals_returned", "Originals Returned"),
    ("in_execution", "In Execution"),
    ("accepted", "Implementation Accepted"),
    ("paid_service", "Paid Service Period"),
    ("cancelled", "Cancelled"),
]
# Stages in which the contract is in force (for collections and reporting).
IN_FORCE = (
    "effective",
    "originals_returned",
    "in_execution",
    "accepted",
    "paid_service",
)
# Before the original is printed the text may still change through revision.
BEFORE_PRINT = ("draft", "review", "approved", "sent_to_customer", "customer_accepted")
# The text, the parties and the amounts, frozen once submitted.
CONTENT_FIELDS = {
    "title",
    "business_line",
    "contract_type",
    "template_id",
    "partner_id",
    "company_id",
    "numbering_department_id",
    "currency_id",
    "amount",
    "hardware_amount",
    "flag_system_adjustment",
    "flag_large_development",
    "flag_new_region",
    "flag_new_segment",
    "key_industry_development",
    "key_special_approved",
    "free_modification",
    "runin_months",
    "post_runin_charging",
    "tech_service_included",
    "terms",
    "proposal_id",
    "brand_proposal_id",
    "sc_contract_id",
    "milestone_ids",
    "checklist_line_ids",
}
# Written only by the contract's own transition methods.
WORKFLOW_FIELDS = {
    "stage",
    "number",
    "number_year",
    "printed_date",
    "printed_by_id",
    "register_no",
    "seal_date",
    "registered_date",
    "registered_by_id",
    "presented_by_id",
    "sent_to_branch_date",
    "sent_to_customer_date",
    "customer_decision_date",
    "customer_signatory",
    "customer_signed_date",
    "customer_sealed",
    "customer_signature_recorded_by_id",
    "effective_date",
    "originals_returned_date",
    "cancelled_date",
    "customer_refusal_count",
}
MAJOR_FLAGS = (
    "flag_system_adjustment",
    "flag_large_development",
    "flag_new_region",
    "flag_new_segment",
)
STEP_ACTIVITY = "scm_contracts.mail_activity_type_contract_step"
NUMBER_RE = re.compile(r"^SCMS[CJRPN][A-Z]{0,4}-\d{4}\d{3}$")


def check_numeric_input(records, vals, names):
    """Amounts a client sends must be numbers: a clear message instead of a
    TypeError in our own checks or in the ORM's conversion."""
    env = records.env
    for name in names:
        value = vals.get(name)
        if value is None or value is False:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise UserError(
                env._(
                    "%(field)s must be a number, not %(value)s.",
                    field=records._fields[name]._description_string(env),
                    value=repr(value)[:40],
                )
            )


def normalize_number(text):
    """CON-NUM-06: spaces and full-width hyphens of the examples are not
    significant; numbers are upper case with an ASCII hyphen."""
    text = (text or "").replace("－", "-").replace("—", "-").replace("–", "-")
    return "".join(text.split()).upper()


class ScmContract(models.Model):
    """A contract of one of the five types of the manual (CON-TYPE-01), from
    the draft on its type's template to the archived original."""

    _name = "scm.contract"
    _description = "Contract"
    _inherit = [
        "mail.thread",
        "scm.approval.mixin",
        "scm.signature.mixin",
        "scm.distribution.mixin",
        "scm.stage.mixin",
        "scm.name.search.mixin",
    ]
    # Newest first by id, which the primary key serves: ordering by
    # create_date sorted the whole table for every page.
    _order = "id desc"
    # The customer by its indexed name: `partner_id` alone runs res.partner's
    # whole name search (email, VAT, references, contacts) as a subquery.
    _rec_names_search = ["number", "title", "partner_id.complete_name"]
    _scm_name_search_fields = ("number", "title")
    _scm_signature_distinct_signers = True
    # The steps schedule the AA signatory's activity when the original reaches them.
    _scm_signature_activities = False
    # The number, the dates and signatories of printing, registration and
    # signature: written only by the contract's steps (state and stage are
    # protected by the approval and stage mixins).
    _scm_step_fields = tuple(sorted(WORKFLOW_FIELDS))

    number = fields.Char(
        string="Contract No.",
        readonly=True,
        copy=False,
        index="trigram",
        tracking=True,
        help="Assigned once, when the original is printed (CON-NUM-05).",
    )
    number_year = fields.Integer(readonly=True, copy=False)
    title = fields.Char(required=True, tracking=True, index="trigram")
    contract_type = fields.Selection(
        CONTRACT_TYPES,
        string="Type",
        required=True,
        tracking=True,
        index=True,
    )
    type_letter = fields.Char(compute="_compute_type_letter", store=True)
    template_id = fields.Many2one(
        "scm.contract.template",
        required=True,
        tracking=True,
        domain="[('contract_type', '=', contract_type)]",
        help="The HQ contract format of the type (CON-GEN-04).",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
        help="The branch that signs the contract; HQ for contracts signed by HQ.",
    )
    is_hq_contract = fields.Boolean(
        string="Signed by HQ", compute="_compute_is_hq_contract", store=True
    )
    numbering_department_id = fields.Many2one(
        "hr.department",
        string="Numbering Unit",
        help="A functional department whose code replaces the branch code in "
        "the contract number, e.g. DS for network engineering (CON-NUM-03).",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Drafted By",
        default=lambda self: self.env.user,
        tracking=True,
    )
    office_department_id = fields.Many2one(
        "hr.department",
        string="HQ Office",
        compute="_compute_office_department_id",
        help="The HQ unit that receives, prints and registers the contract.",
    )
    business_line = fields.Selection(
        BUSINESS_LINES,
        compute="_compute_business_line",
        store=True,
        readonly=False,
        precompute=True,
        help="The sales-plan line the signed amount counts for.",
    )
    stage = fields.Selection(
        STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_group_expand_stage",
    )
    # -- amounts and classification (CON-CLASS)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: (
            self.env.ref("base.CNY", raise_if_not_found=False)
            or self.env.company.currency_id
        ),
    )
    amount = fields.Monetary(
        string="Contract Amount", tracking=True, help="Total, hardware included."
    )
    hardware_amount = fields.Monetary(string="Of Which Hardware", tracking=True)
    amount_excl_hardware = fields.Monetary(
        string="Amount Excl. Hardware",
        compute="_compute_classification",
        store=True,
    )
    flag_system_adjustment = fields.Boolean(
        string="Large Adjustment of the Software",
        help="E.g. a new system, or a domestic-trade system converted to "
        "foreign trade (CON-CLASS-02 b).",
    )
    flag_large_development = fields.Boolean(
        string="Large Development Effort",
        help="One project team needs more than a month of development "
        "(CON-CLASS-02 c).",
    )
    flag_new_region = fields.Boolean(
        string="Strategic Entry into a New Region",
        help="Outside the branches' marketing areas (CON-CLASS-02 d).",
    )
    flag_new_segment = fields.Boolean(
        string="Strategic Entry into a New Industry",
        help="CON-CLASS-02 e.",
    )
    contract_class = fields.Selection(
        [("regular", "Regular"), ("major", "Major")],
        string="Class",
        compute="_compute_classification",
        store=True,
        tracking=True,
        index=True,
    )
    major_reason = fields.Char(compute="_compute_major_reason")
    key_industry_development = fields.Boolean(
        string="Serves Industry Development", help="SUP-KEY-01."
    )
    key_special_approved = fields.Boolean(
        string="Approved as Special by a Vice President",
        help="SUP-KEY-01: special projects approved as key by a vice president "
        "or above.",
    )
    is_key_project = fields.Boolean(
        string="Key Project", compute="_compute_classification", store=True
    )
    # -- clauses (CON-GEN-01, CON-TS-01, SUP-CTR-01)
    free_modification = fields.Selection(
        [("provided", "Provided"), ("not_provided", "Not Provided")],
        string="Free Modification of the System",
        tracking=True,
    )
    runin_months = fields.Integer(
        string="Free Run-in Period (Months)",
        tracking=True,
        help="The free run-in period (免费磨合期) the contract grants.",
    )
    post_runin_charging = fields.Text(
        string="Charging after the Run-in",
        help="How services are charged once the free run-in period ends.",
    )
    tech_service_included = fields.Boolean(
        string="Technical Service Clauses Included",
        help="The S&C contract contains the technical-service clauses: the "
        "branch serves under it and no separate technical service contract is "
        "made (CON-TS-01).",
    )
    terms = fields.Html(
        string="Contract Text", sanitize_style=True, help="From the type's template."
    )
    checklist_line_ids = fields.One2many(
        "scm.contract.checklist.line",
        "contract_id",
        string="Core-Clause Checklist",
        copy=True,
    )
    version_ids = fields.One2many(
        "scm.contract.version", "contract_id", string="Versions", readonly=True
    )
    # -- origins
    proposal_id = fields.Many2one(
        "scm.sales.proposal",
        string="EMT Proposal",
        index=True,
        tracking=True,
        help="The accepted management-transformation proposal (CON-SC-01).",
    )
    brand_proposal_id = fields.Many2one(
        "scm.brand.proposal",
        index=True,
        tracking=True,
        help="The confirmed brand proposal (CON-BR-01).",
    )
    tech_service_overlap = fields.Boolean(
        string="Service Already Covered",
        compute="_compute_tech_service_overlap",
        help="The customer's S&C contract in force contains the "
        "technical-service clauses (CON-TS-01).",
    )
    sc_contract_id = fields.Many2one(
        "scm.contract",
        string="S&C Contract",
        domain="[('contract_type', '=', 'sc'), ('partner_id', '=', partner_id)]",
        help="The S&C contract whose paid service period the technical service "
        "continues (CON-TS-01).",
    )
    # -- customer file summary for the approvers (SUP-CTR-02)
    partner_grade = fields.Selection(related="partner_id.scm_grade")
    partner_customer_class = fields.Selection(related="partner_id.scm_customer_class")
    partner_first_contract_date = fields.Date(
        related="partner_id.scm_first_contract_date"
    )
    partner_owner_id = fields.Many2one(related="partner_id.user_id")
    # -- printing, registration, signing, custody
    printed_date = fields.Datetime(string="Printed On", readonly=True, copy=False)
    printed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    original_ids = fields.One2many(
        "scm.contract.original", "contract_id", string="Originals", readonly=True
    )
    register_no = fields.Char(
        string="Finance Register No.", readonly=True, copy=False, tracking=True
    )
    seal_date = fields.Date(string="Sealed On", readonly=True, copy=False)
    registered_date = fields.Datetime(readonly=True, copy=False)
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    presented_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="The manager who took the contract to Finance for registration.",
    )
    sent_to_branch_date = fields.Datetime(readonly=True, copy=False)
    sent_to_customer_date = fields.Datetime(readonly=True, copy=False)
    customer_decision_date = fields.Datetime(readonly=True, copy=False)
    customer_feedback = fields.Text(
        help="What the customer did not accept; required to record a refusal."
    )
    customer_refusal_count = fields.Integer(
        string="Refusals by the Customer", readonly=True, copy=False
    )
    customer_signatory = fields.Char(readonly=True, copy=False)
    customer_signed_date = fields.Date(
        string="Customer Signed On", readonly=True, copy=False
    )
    customer_sealed = fields.Boolean(string="Customer Seal", readonly=True, copy=False)
    customer_signature_recorded_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False
    )
    effective_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="The customer's signature and seal make the contract effective.",
    )
    number_year_mismatch = fields.Boolean(
        string="Signed in Another Year",
        compute="_compute_number_year_mismatch",
        store=True,
        help="The number carries the year the original was printed; the "
        "customer signed in another year: for manual review (CON-NUM-05).",
    )
    originals_returned_date = fields.Datetime(readonly=True, copy=False)
    cancelled_date = fields.Datetime(readonly=True, copy=False)
    duty_ids = fields.One2many(
        "scm.contract.duty", "contract_id", string="Post-Effect Duties", readonly=True
    )
    # -- payments
    milestone_ids = fields.One2many(
        "scm.contract.milestone", "contract_id", string="Payment Milestones", copy=True
    )
    payment_ids = fields.One2many(
        "scm.contract.payment", "contract_id", string="Payments Received"
    )
    amount_received = fields.Monetary(
        compute="_compute_collections", store=True, string="Received"
    )
    amount_outstanding = fields.Monetary(
        compute="_compute_collections", store=True, string="Outstanding"
    )
    collection_overdue = fields.Boolean(
        compute="_compute_collection_overdue",
        search="_search_collection_overdue",
    )
    scm_approval_overdue = fields.Boolean(
        string="Approval Overdue",
        compute="_compute_scm_approval_overdue",
        search="_search_scm_approval_overdue",
        help="Under approval, and an approver let the working-day deadline of "
        "their decision pass (ORG-RULE-09).",
    )
    free_report_quota = fields.Integer(
        compute="_compute_free_report_quota",
        store=True,
        help="Free statistical reports of the run-in period (PRJ-RUN-09); "
        "-1 means unlimited.",
    )
    free_report_quota_label = fields.Char(
        string="Free Reports in the Run-in",
        compute="_compute_free_report_quota_label",
    )

    _sql_constraints = [
        ("number_unique", "UNIQUE(number)", "A contract number is issued once."),
        (
            "amounts_positive",
            "CHECK(amount >= 0 AND hardware_amount >= 0)",
            "Contract amounts cannot be negative.",
        ),
        (
            "hardware_within_amount",
            "CHECK(hardware_amount <= amount)",
            "The hardware amount cannot exceed the contract amount.",
        ),
    ]

    # -- computes
    @api.depends("contract_type")
    def _compute_type_letter(self):
        for contract in self:
            contract.type_letter = TYPE_LETTERS.get(contract.contract_type)

    @api.depends("company_id")
    def _compute_is_hq_contract(self):
        hq = self.env["res.company"]._scm_hq()
        for contract in self:
            contract.is_hq_contract = contract.company_id == hq

    @api.depends("contract_type")
    def _compute_office_department_id(self):
        for contract in self:
            office = TYPE_OFFICE.get(contract.contract_type)
            contract.office_department_id = office and self.env.ref(office)

    @api.depends("contract_type")
    def _compute_business_line(self):
        for contract in self:
            if not contract.business_line:
                contract.business_line = TYPE_BUSINESS_LINES.get(contract.contract_type)

    @api.depends(
        "amount",
        "hardware_amount",
        "flag_system_adjustment",
        "flag_large_development",
        "flag_new_region",
        "flag_new_segment",
        "key_industry_development",
        "key_special_approved",
    )
    def _compute_classification(self):
        """CON-CLASS-01/02: major when the amount excluding hardware exceeds
        400,000 or any other criterion holds; exactly 400,000 is regular."""
        for contract in self:
            excl = (contract.amount or 0.0) - (contract.hardware_amount or 0.0)
            contract.amount_excl_hardware = excl
            contract.contract_class = (
                "major" if contract._scm_major_reasons() else "regular"
            )
            contract.is_key_project = bool(
                contract.key_industry_development
                or contract.key_special_approved
                or (contract.amount or 0.0) >= KEY_PROJECT_BUDGET
            )

    @api.depends("contract_type", "partner_id")
    def _compute_tech_service_overlap(self):
        for contract in self:
            contract.tech_service_overlap = (
                contract.contract_type == "tech_service"
                and bool(contract.partner_id)
                and bool(
                    self.sudo().search_count(
                        [
                            ("partner_id", "=", contract.partner_id.id),
                            ("contract_type", "=", "sc"),
                            ("tech_service_included", "=", True),
                            ("stage", "in", IN_FORCE),
                        ],
                        limit=1,
                    )
                )
            )

    @api.onchange("partner_id", "contract_type")
    def _onchange_tech_service_overlap(self):
        if self.tech_service_overlap:
            return {
                "warning": {
                    "title": _("Technical service already contracted"),
                    "message": _(
                        "The S&C contract of %(customer)s in force contains the "
                        "technical-service clauses: the branch serves under it "
                        "and no separate contract is needed (CON-TS-01).",
                        customer=self.partner_id.display_name,
                    ),
                }
            }

    def _scm_major_reasons(self):
        """CON-CLASS-02 (a)-(e), in the user's language."""
        self.ensure_one()
        reasons = []
        excl = (self.amount or 0.0) - (self.hardware_amount or 0.0)
        if excl > MAJOR_THRESHOLD:
            reasons.append(_("amount excluding hardware above 400,000"))
        for flag in MAJOR_FLAGS:
            if self[flag]:
                reasons.append(self._fields[flag].get_description(self.env)["string"])
        return reasons

    @api.depends("amount", "hardware_amount", *MAJOR_FLAGS)
    def _compute_major_reason(self):
        for contract in self:
            contract.major_reason = "; ".join(contract._scm_major_reasons())

    @api.depends("effective_date", "number_year")
    def _compute_number_year_mismatch(self):
        for contract in self:
            contract.number_year_mismatch = bool(
                contract.number_year
                and contract.effective_date
                and contract.effective_date.year != contract.number_year
            )

    @api.depends("amount", "payment_ids.amount", "stage")
    def _compute_collections(self):
        for contract in self:
            received = sum(contract.payment_ids.mapped("amount"))
            contract.amount_received = received
            contract.amount_outstanding = (
                contract.amount - received if contract.stage in IN_FORCE else 0.0
            )

    def _compute_collection_overdue(self):
        overdue = self.search(
            [("id", "in", self.ids), ("collection_overdue", "=", True)]
        )
        for contract in self:
            contract.collection_overdue = contract in overdue

    def _search_collection_overdue(self, operator, value):
        """A subquery on the milestones, not a list of ids: the list's row
        colour asks it for the page's contracts only."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue collections."))
        overdue = self.env["scm.contract.milestone"]._scm_overdue_domain()
        positive = (operator == "=") == value
        return [("milestone_ids", "any" if positive else "not any", overdue)]

    def _compute_scm_approval_overdue(self):
        overdue = self.search(
            [("id", "in", self.ids), ("scm_approval_overdue", "=", True)]
        )
        for contract in self:
            contract.scm_approval_overdue = contract in overdue

    def _search_scm_approval_overdue(self, operator, value):
        """Contracts under approval with an approver's decision past due
        (ORG-RULE-09); other deadlines, such as a revision's, do not count."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue approvals."))
        # A subquery, not a list of ids (it grows with the database).
        late = (
            self.env["scm.deadline"]
            .sudo()
            ._search(
                [
                    ("res_model", "=", self._name),
                    ("rule_code", "=", REVIEW_DEADLINE_CODE),
                    ("state", "=", "open"),
                    ("due_date", "<", fields.Datetime.now()),
                ]
            )
        )
        late = late.subselect(SQL.identifier(late.table, "res_id"))
        overdue = self.sudo()._search(
            [("id", "in", late), ("state", "=", "to_approve")]
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", overdue)]

    @api.depends("amount", "contract_type")
    def _compute_free_report_quota(self):
        """PRJ-RUN-09: 5 / 10 / 20 / unlimited (-1) free statistical reports
        by contract amount, for contracts that deliver SCMS software."""
        for contract in self:
            quota = 0
            if contract.contract_type in SERVICE_CLAUSES_REQUIRED:
                quota = -1
                for ceiling, reports in FREE_REPORT_BANDS:
                    if (contract.amount or 0.0) <= ceiling:
                        quota = reports
                        break
            contract.free_report_quota = quota

    @api.depends("free_report_quota", "contract_type")
    def _compute_free_report_quota_label(self):
        for contract in self:
            if contract.contract_type not in SERVICE_CLAUSES_REQUIRED:
                contract.free_report_quota_label = _("Not applicable")
            elif contract.free_report_quota < 0:
                contract.free_report_quota_label = _("Unlimited")
            else:
                contract.free_report_quota_label = str(contract.free_report_quota)

    @api.depends("number", "title")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = contract.number or contract.title

    def init(self):
        result = super().init()
        # The contract analysis: branch x type, summing the amount.
        create_pivot_index(self, ("company_id", "contract_type", "amount"))
        return result

    @api.model
    def _group_expand_stage(self, stages, domain):
        return [key for key, _label in STAGES if key != "cancelled"]

    # -- search (CON-NUM-06)
    @api.model
    def _scm_name_search_variants(self, value):
        # A number is found under its variants too (CON-NUM): full-width
        # characters, lower case, spaces.
        return [value, normalize_number(value)]

    @api.model
    def _where_calc(self, domain, active_test=True):
        # Searching the number field directly also tolerates the variants.
        domain = [
            (leaf[0], leaf[1], normalize_number(leaf[2]))
            if isinstance(leaf, (list, tuple))
            and len(leaf) == 3
            and leaf[0] == "number"
            and isinstance(leaf[2], str)
            else leaf
            for leaf in domain or []
        ]
        return super()._where_calc(domain, active_test)

    # -- constraints
    @api.constrains("number")
    def _check_number_format(self):
        for contract in self.filtered("number"):
            if not NUMBER_RE.match(contract.number):
                raise ValidationError(
                    _(
                        "%(number)s is not a contract number of the form "
                        "SCMS + type letter + unit code + '-' + year + serial.",
                        number=contract.number,
                    )
                )

    @api.constrains("template_id", "contract_type")
    def _check_template_type(self):
        for contract in self:
            if contract.template_id.contract_type != contract.contract_type:
                raise ValidationError(
                    _(
                        "The template %(template)s is not a template of %(type)s "
                        "contracts (CON-GEN-04).",
                        template=contract.template_id.name,
                        type=contract._type_label(),
                    )
                )

    @api.constrains("runin_months")
    def _check_runin(self):
        for contract in self:
            if contract.runin_months < 0:
                raise ValidationError(_("The free run-in period cannot be negative."))

    def _type_label(self):
        return dict(self._fields["contract_type"]._description_selection(self.env)).get(
            self.contract_type, self.contract_type
        )

    @api.model
    def _scm_in_force_stages(self):
        return IN_FORCE

    # -- create / write / unlink
    @api.model
    def _scm_check_input(self, vals, records=None):
        """Clear messages for bad input, before anything is written."""
        if not isinstance(vals, dict):
            raise UserError(_("A contract is written with a dictionary of values."))
        check_numeric_input(self, vals, ("amount", "hardware_amount", "runin_months"))
        for name in ("template_id", "partner_id", "company_id", "proposal_id"):
            value = vals.get(name)
            if value and (isinstance(value, bool) or not isinstance(value, int)):
                raise UserError(
                    _(
                        "%(field)s must be a record id, not %(value)s.",
                        field=self._fields[name]._description_string(self.env),
                        value=repr(value)[:40],
                    )
                )
        contract_type = vals.get("contract_type")
        if "contract_type" in vals and (
            not isinstance(contract_type, str) or contract_type not in TYPE_LETTERS
        ):
            raise UserError(
                _(
                    "%(type)s is not a contract type: use one of C (S&C), R "
                    "(secondary), J (technical service), P (brand operation) or "
                    "N (network engineering).",
                    type=contract_type
                    if isinstance(contract_type, str)
                    else repr(contract_type)[:40],
                )
            )
        for name in ("amount", "hardware_amount"):
            if name in vals and (vals[name] or 0.0) < 0:
                raise UserError(_("Contract amounts cannot be negative."))
        for contract in records if records is not None else [None]:
            amount = vals.get("amount", contract.amount if contract else 0.0) or 0.0
            hardware = (
                vals.get(
                    "hardware_amount", contract.hardware_amount if contract else 0.0
                )
                or 0.0
            )
            if hardware > amount:
                raise UserError(
                    _("The hardware amount cannot exceed the contract amount.")
                )

    @api.model
    def _scm_template_values(self, vals):
        """A new contract starts on its type's template (CON-GEN-04)."""
        template = self.env["scm.contract.template"].browse(vals.get("template_id"))
        if not template and vals.get("contract_type"):
            template = self.env["scm.contract.template"]._scm_default_for(
                vals["contract_type"]
            )
        if not template:
            return vals
        vals = dict(vals, template_id=template.id)
        if not vals.get("terms"):
            vals["terms"] = template.terms
        if "checklist_line_ids" not in vals:
            vals["checklist_line_ids"] = [
                fields.Command.create({"clause_id": clause.id, "name": clause.name})
                for clause in template.clause_ids
            ]
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._scm_check_input(vals)
        vals_list = [self._scm_template_values(vals) for vals in vals_list]
        contracts = super().create(vals_list)
        for contract in contracts:
            contract._scm_check_may_draft()
            contract._scm_check_origin()
            if contract.stage == "draft":
                contract._scm_todo_submit_draft()
        return contracts

    def _scm_todo_submit_draft(self):
        """The drafter owes the completed draft's submission to HQ."""
        self.ensure_one()
        self._scm_todo(
            self.user_id,
            _("Complete %(doc)s and submit it to HQ", doc=self.display_name),
        )

    @api.model
    def _scm_todo_for_waiting_drafts(self):
        """Databases made before: drafts waiting for their drafter with no
        step activity get one. Runs at each update; does nothing once done."""
        drafts = self.sudo().search([("stage", "=", "draft"), ("user_id", "!=", False)])
        for contract in drafts.filtered(
            lambda c: c.env.ref(STEP_ACTIVITY) not in c.activity_ids.activity_type_id
        ):
            contract._scm_todo_submit_draft()

    def write(self, vals):
        self._scm_check_input(vals, self)
        if vals.get("state") == "cancel":
            # base_tier_validation lets a document go to its cancel state at
            # any time; a contract is cancelled only by action_cancel_contract,
            # through an approved cancellation form (SUP-CTR-03).
            raise UserError(
                _(
                    "A contract is cancelled through its approved cancellation "
                    "form (SUP-CTR-03), not by changing its approval state."
                )
            )
        if "number" in vals and any(
            contract.number and contract.number != vals["number"] for contract in self
        ):
            # CON-NUM-02: an issued number is never changed, not even by a step.
            raise UserError(
                _("An issued contract number is never changed (CON-NUM-02).")
            )
        # Step fields (number, stage, state, dates) are refused by the step
        # guard without sudo; the steps write them through _scm_write.
        if not self.env.su:
            if set(vals) & CONTENT_FIELDS:
                for contract in self:
                    if contract.stage != "draft":
                        raise UserError(
                            _(
                                "%(doc)s is %(stage)s: its text, parties and "
                                "amounts can only change in a revision.",
                                doc=contract.display_name,
                                stage=contract._scm_stage_label(),
                            )
                        )
        res = super().write(vals)
        if set(vals) & {
            "partner_id",
            "company_id",
            "proposal_id",
            "brand_proposal_id",
            "sc_contract_id",
            "contract_type",
        }:
            for contract in self:
                contract._scm_check_origin()
        return res

    def _scm_write(self, vals):
        """A step writes its fields, after checking who may take it; the
        stage moves even while the approval round is open."""
        return self.with_context(skip_validation_check=True)._scm_step_write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_numbered(self):
        for contract in self:
            if contract.number or contract.stage != "draft":
                raise UserError(
                    _(
                        "%(doc)s cannot be deleted: a numbered or approved contract "
                        "is kept for good; cancel it through a cancellation "
                        "approval instead (CON-NUM-04, SUP-CTR-03).",
                        doc=contract.display_name,
                    )
                )

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "customer_feedback",
            "message_main_attachment_id",
        ]

    # -- roles
    def _scm_office_manager(self):
        self.ensure_one()
        return self.office_department_id.sudo()._scm_manager_user()

    def _scm_registrar(self):
        """Who takes the original to Finance: the MSD Manager for S&C and
        network contracts (configurable: the Market Center Manager, Appendix
        A.1), otherwise the manager of the office (CON-SEC-08, CON-TS-03,
        CON-BR-04)."""
        self.ensure_one()
        if self.contract_type in ("sc", "network"):
            hq = self.env["res.company"].sudo()._scm_hq()
            if hq.scm_sc_registrar == "mc_manager":
                return (
                    self.env.ref("scm_base.dept_market_center")
                    .sudo()
                    ._scm_manager_user()
                )
        return self._scm_office_manager()

    def _scm_aa_signatory(self):
        """CON-SC-06, CON-SEC-08, CON-TS-03, CON-BR-04 (Open)."""
        self.ensure_one()
        if self.contract_type in BRANCH_SIGNS and not self.is_hq_contract:
            manager = self.company_id.sudo().scm_manager_id
            if not manager:
                raise UserError(
                    _(
                        "%(branch)s has no manager to sign %(doc)s for AA.",
                        branch=self.company_id.name,
                        doc=self.display_name,
                    )
                )
            return manager
        return (
            self.env.ref(TYPE_HQ_SIGNATORY[self.contract_type])
            .sudo()
            ._scm_manager_user()
        )

    def _scm_acts_for(self, users):
        """The current user is one of `users` or holds their delegation."""
        user = self.env.user
        return user.has_group("scm_base.group_scm_admin") or self.env[
            "scm.delegation"
        ]._scm_acts_for(user, users, self._name)

    def _scm_is_branch_side(self, user=None):
        """The branch that signs the contract (its manager and staff)."""
        self.ensure_one()
        user = user or self.env.user
        if self.is_hq_contract:
            return False
        # The branch's own people, not anyone who may open it in the switcher.
        return user._scm_is_member_of_company(self.company_id) and (
            user.has_group("scm_base.group_branch_staff")
            or user.has_group("scm_base.group_branch_manager")
        )

    def _scm_is_office(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        if user.has_group("scm_base.group_scm_admin"):
            return True
        office = self.office_department_id.sudo()
        # A member of the office (or of a unit below it), its manager, or the
        # manager's delegate for contracts.
        return user._scm_is_member_of_unit(office) or self._scm_acts_for(
            office.manager_id.user_id
        )

    def _scm_require(self, allowed, action):
        if not allowed:
            raise AccessError(
                _(
                    "You may not %(action)s %(doc)s.",
                    action=action,
                    doc=self.display_name,
                )
            )

    def _scm_check_may_draft(self):
        """Who drafts which type (CON-SC-01, CON-SEC-04, CON-TS-01, CON-BR-02)."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("scm_base.group_scm_admin"):
            return
        if self.contract_type == "brand":
            allowed = user.has_group("scm_base.group_brand_manager") or user.has_group(
                "scm_base.group_brand_designer"
            )
        elif self.is_hq_contract:
            allowed = self._scm_is_office() or self._scm_acts_for(
                self.env.ref(TYPE_HQ_SIGNATORY[self.contract_type])
                .sudo()
                .manager_id.user_id
            )
        else:
            allowed = user._scm_is_member_of_company(self.company_id) and (
                user.has_group("scm_base.group_branch_manager")
                or user.has_group("scm_base.group_branch_staff")
            )
        if not allowed:
            raise AccessError(
                _(
                    "You may not draft a %(type)s for %(branch)s.",
                    type=self._type_label(),
                    branch=self.company_id.name,
                )
            )

    def _scm_check_origin(self):
        """The customer belongs to the branch's territory (SAL-TERR) and the
        origin documents are the contract's own customer's."""
        self.ensure_one()
        if not self.is_hq_contract:
            self.partner_id._scm_assert_branch_may_work(self.company_id)
        for origin in (self.proposal_id, self.brand_proposal_id, self.sc_contract_id):
            if origin and origin.sudo().partner_id != self.partner_id:
                raise ValidationError(
                    _(
                        "%(origin)s is not a document of %(customer)s.",
                        origin=origin.sudo().display_name,
                        customer=self.partner_id.display_name,
                    )
                )
        if self.contract_type == "tech_service":
            if not self.sc_contract_id:
                raise ValidationError(
                    _(
                        "A technical service contract continues the paid service "
                        "period of an S&C contract: link it (CON-TS-01)."
                    )
                )
            if self.sc_contract_id.sudo().stage != "paid_service":
                raise ValidationError(
                    _(
                        "A technical service contract is drafted once the S&C "
                        "contract %(sc)s is in its paid service period (CON-TS-01).",
                        sc=self.sc_contract_id.display_name,
                    )
                )

    # -- submission (CON-GEN-01, CON-SC-01, CON-BR-01, SUP-CTR-01)
    def _scm_check_ready(self):
        self.ensure_one()
        problems = []
        if not self.amount or self.amount <= 0:
            problems.append(_("the contract amount"))
        if self.contract_type in SERVICE_CLAUSES_REQUIRED:
            if not self.free_modification:
                problems.append(
                    _("whether free modification of the system is provided")
                )
            if not self.runin_months:
                problems.append(_("the free run-in period"))
            if not (self.post_runin_charging or "").strip():
                problems.append(_("the charging method after the run-in"))
        unchecked = self.checklist_line_ids.filtered(lambda line: not line.checked)
        if unchecked:
            problems.append(
                _(
                    "the core clauses %(clauses)s (checklist, SUP-CTR-01)",
                    clauses=", ".join(unchecked.mapped("name")),
                )
            )
        if self.milestone_ids:
            total = sum(self.milestone_ids.mapped("amount"))
            if self.currency_id.compare_amounts(total, self.amount) != 0:
                problems.append(
                    _(
                        "payment milestones that add up to the contract amount "
                        "(they add up to %(total)s)",
                        total=total,
                    )
                )
        if problems:
            raise UserError(
                _(
                    "%(doc)s cannot be submitted yet. Complete: %(items)s.",
                    doc=self.display_name,
                    items="; ".join(problems),
                )
            )
        if self.contract_type == "sc":
            proposal = self.proposal_id.sudo()
            if not proposal or proposal.stage != "customer_accepted":
                raise UserError(
                    _(
                        "An S&C contract is submitted with the EMT proposal its "
                        "customer accepted (CON-SC-01)."
                    )
                )
        if self.contract_type == "brand":
            if self.brand_proposal_id.sudo().stage != "confirmed":
                raise UserError(
                    _(
                        "A brand operation contract is drafted after the customer "
                        "confirmed the brand proposal (CON-BR-01)."
                    )
                )
        if self.contract_type == "tech_service" and not self.sc_contract_id:
            raise UserError(
                _(
                    "Link the S&C contract whose paid service period this "
                    "technical service continues (CON-TS-01)."
                )
            )

    def _scm_approval_check_submit(self):
        self._scm_check_ready()

    def _scm_check_may_submit(self):
        self.ensure_one()
        if self.contract_type == "brand":
            allowed = self.env.user.has_group("scm_base.group_brand_manager")
        elif self.is_hq_contract:
            allowed = self._scm_is_office()
        else:
            allowed = self._scm_acts_for(self.company_id.sudo().scm_manager_id)
        allowed = allowed or self.env.user.has_group("scm_base.group_scm_admin")
        self._scm_require(allowed, _("submit"))

    def action_scm_submit(self):
        """The drafter's side submits to the HQ office (CON-SC-01, CON-SEC-04,
        CON-TS-02, CON-BR-02); the submission is the office's receipt."""
        for contract in self:
            contract._scm_check_stage(("draft",), _("submitted"))
            contract._scm_check_may_submit()
        res = super().action_scm_submit()
        for contract in self:
            contract._scm_record_version()
            contract._scm_write({"stage": "review"})
            contract.sudo().activity_feedback([STEP_ACTIVITY])
            if contract.proposal_id:
                contract.proposal_id.sudo()._scm_deadline_close("SAL-PROP-08")
        return res

    def _scm_record_version(self):
        self.ensure_one()
        previous = self.version_ids.sorted("version")[-1:]
        self.env["scm.contract.version"].sudo().create(
            {
                "contract_id": self.id,
                "version": (previous.version or 0) + 1,
                "terms": self.terms,
                "amount": self.amount,
                "hardware_amount": self.hardware_amount,
                "author_id": self.env.user.id,
            }
        )

    def action_scm_withdraw(self):
        # Only the contracts the author actually took back from review.
        withdrawn = self.filtered(
            lambda c: c.state == "to_approve" and c.stage == "review"
        )
        res = super().action_scm_withdraw()
        withdrawn.filtered(lambda c: c.state == "draft")._scm_write({"stage": "draft"})
        return res

    # -- approval (CON-GEN-02/03, CON-SC-02/03, SUP-KEY-01)
    def _scm_president_tier(self):
        return self.env.ref("scm_contracts.tier_contract_president")

    def _scm_president_approved(self):
        self.ensure_one()
        tier = self._scm_president_tier()
        return any(
            r.definition_id == tier and r.status == "approved"
            for r in self.sudo().review_ids
        )

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        user = self.env.user
        if not user.has_group("scm_base.group_hq_staff"):
            # CON-GEN-02: final approval authority rests with HQ.
            raise UserError(
                _(
                    "Contracts are approved at HQ: %(user)s holds no HQ role "
                    "(CON-GEN-02).",
                    user=user.name,
                )
            )
        mine = (tiers or self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending") and user in r.reviewer_ids
        )
        if not mine or self.state != "to_approve":
            raise UserError(
                _(
                    "You have nothing to approve on %(doc)s now: you are not its "
                    "approver, or it is not your turn yet.",
                    doc=self.display_name,
                )
            )
        if mine.filtered(lambda r: r.definition_id == self._scm_president_tier()):
            self._scm_check_countersigned_scheme()
        return super()._validate_tier(tiers)

    def _scm_check_countersigned_scheme(self):
        """SUP-KEY-01: a major or key contract reaches the President with an
        implementation scheme countersigned by the parties concerned. Extended
        by the scheme model."""
        return True

    def _scm_approval_on_approved(self):
        self._scm_write({"stage": "approved"})
        office = self._scm_office_manager()
        if self.contract_type in CUSTOMER_ANSWERS_FIRST:
            body = _(
                "%(doc)s was approved: submit the contract text to the customer.",
                doc=self.display_name,
            )
        else:
            body = _(
                "%(doc)s was approved: the original will be printed, registered "
                "at Finance and sent to you for signature.",
                doc=self.display_name,
            )
        self._scm_notify(office, _("Contract approved"), body, self._scm_drafter_side())
        if self.contract_type in CUSTOMER_ANSWERS_FIRST:
            self._scm_todo(
                self._scm_drafter_side(),
                _("Submit %(doc)s to the customer", doc=self.display_name),
            )
        else:
            self._scm_todo(
                office, _("Print the original of %(doc)s", doc=self.display_name)
            )

    def _scm_approval_on_rejected(self):
        """CON-SC-03, CON-SEC-06, CON-TS-02, CON-BR-02: a written notice from
        the office to the drafter's side, then a new approval round."""
        self._scm_write({"stage": "draft"})
        current = self._scm_current_round()
        reasons = "; ".join(
            current.opinion_ids.filtered(lambda o: o.decision == "rejected").mapped(
                "comment"
            )
        )
        self._scm_notify(
            self._scm_office_manager(),
            _("Contract to be modified"),
            _(
                "%(doc)s was not approved. Modify it and submit it again: %(reasons)s",
                doc=self.display_name,
                reasons=reasons,
            ),
            self._scm_drafter_side(),
        )

    def _scm_drafter_side(self):
        """Who drafts and answers for the contract: the Brand Operation Center
        for brand contracts, else the branch manager (HQ: the office)."""
        self.ensure_one()
        if self.contract_type == "brand":
            return self.env.ref("scm_base.dept_brand").sudo()._scm_manager_user()
        if self.is_hq_contract:
            return self._scm_office_manager()
        return self.company_id.sudo().scm_manager_id or self.user_id

    def _scm_notify(self, sender, subject, body, users):
        """A written notice (ORG-RULE-07) from `sender` to `users`."""
        self.ensure_one()
        notice = self.env["scm.notice"]
        if sender:
            notice = notice.with_user(sender)
        return notice._scm_send(
            self.with_user(sender) if sender else self, subject, body, users.partner_id
        )

    def _scm_todo(self, user, summary):
        """The person who owes the next step sees it in their activities."""
        self.ensure_one()
        self.sudo().activity_feedback([STEP_ACTIVITY])
        if user:
            self.sudo().activity_schedule(
                STEP_ACTIVITY, summary=summary, user_id=user.id
            )

    # -- the customer's answer (CON-SEC-06/07, CON-TS-02, CON-BR-02/03)
    def _scm_check_drafter_side(self, action):
        self.ensure_one()
        if self.contract_type == "brand":
            allowed = (
                self.env.user.has_group("scm_base.group_brand_manager")
                or self._scm_is_branch_side()
            )
        elif self.is_hq_contract:
            allowed = self._scm_is_office()
        else:
            allowed = self._scm_is_branch_side()
        allowed = allowed or self.env.user.has_group("scm_base.group_scm_admin")
        self._scm_require(allowed, action)

    def action_send_to_customer(self):
        for contract in self:
            contract._scm_check_stage(("approved",), _("sent to the customer"))
            if contract.contract_type not in CUSTOMER_ANSWERS_FIRST:
                raise UserError(
                    _(
                        "The customer signs %(doc)s on the printed original: "
                        "print it first.",
                        doc=contract.display_name,
                    )
                )
            contract._scm_check_drafter_side(_("send to the customer"))
            contract._scm_write(
                {
                    "stage": "sent_to_customer",
                    "sent_to_customer_date": fields.Datetime.now(),
                }
            )
            contract._scm_todo(
                contract._scm_drafter_side(),
                _("Record the customer's answer on %(doc)s", doc=contract.display_name),
            )
        return True

    def action_customer_accept(self):
        for contract in self:
            contract._scm_check_stage(("sent_to_customer",), _("accepted"))
            contract._scm_check_drafter_side(_("record the customer's answer on"))
            contract._scm_write(
                {
                    "stage": "customer_accepted",
                    "customer_decision_date": fields.Datetime.now(),
                }
            )
            # The branch asks the office to print the original (CON-SEC-07).
            contract._scm_notify(
                contract._scm_drafter_side(),
                _("Customer accepted the contract"),
                _(
                    "The customer accepted all of %(doc)s: please print the original.",
                    doc=contract.display_name,
                ),
                contract._scm_office_manager(),
            )
            contract._scm_todo(
                contract._scm_office_manager(),
                _("Print the original of %(doc)s", doc=contract.display_name),
            )
        return True

    def action_customer_reject(self):
        for contract in self:
            contract._scm_check_stage(("sent_to_customer",), _("refused"))
            contract._scm_check_drafter_side(_("record the customer's answer on"))
            if not (contract.customer_feedback or "").strip():
                raise UserError(
                    _(
                        "Write down what the customer did not accept before "
                        "recording the refusal."
                    )
                )
            contract._scm_write(
                {
                    "stage": "customer_rejected",
                    "customer_decision_date": fields.Datetime.now(),
                    "customer_refusal_count": contract.customer_refusal_count + 1,
                }
            )
            contract.message_post(
                body=_(
                    "The customer did not accept the contract: %(feedback)s",
                    feedback=contract.customer_feedback,
                )
            )
            contract._scm_todo(
                contract._scm_drafter_side(),
                _(
                    "Revise %(doc)s per the customer's requirements",
                    doc=contract.display_name,
                ),
            )
        return True

    def action_start_revision(self):
        """The drafter revises the refused text; the next submission opens a
        new approval round (CON-SEC-07, CON-BR-03)."""
        for contract in self:
            contract._scm_check_stage(("customer_rejected",), _("revised"))
            contract._scm_check_drafter_side(_("revise"))
            contract._scm_write({"stage": "draft", "state": "draft"})
            contract.sudo().restart_validation()
        return True

    # -- printing and numbering (CON-NUM, CON-SC-04/05)
    def _scm_numbering_code(self):
        self.ensure_one()
        if self.numbering_department_id:
            return (self.numbering_department_id.sudo().scm_code or "").upper()
        if self.is_hq_contract:
            return ""
        return (self.company_id.sudo().scm_code or "").upper()

    def _scm_assign_number(self, when):
        """SCMS + type letter + unit code + '-' + year + 3-digit serial, gap
        free per (letter, code, year) (CON-NUM-01..07)."""
        self.ensure_one()
        if self.number:
            return self.number
        letter = TYPE_LETTERS[self.contract_type]
        code = self._scm_numbering_code()
        when = fields.Datetime.to_datetime(when)
        year = fields.Datetime.context_timestamp(self, when).year
        prefix = f"SCMS{letter}{code}-{year}"
        number = (
            self.env["scm.numbering"]
            .sudo()
            .next_number(prefix, prefix + "{serial}", document=self)
        )
        self._scm_write({"number": number, "number_year": year})
        return number

    def _scm_check_printable(self):
        self.ensure_one()
        if (
            self.stage in BEFORE_PRINT
            and self.contract_class == "major"
            and not self._scm_president_approved()
        ):
            raise UserError(
                _(
                    "%(doc)s is a major contract: the President approves it before "
                    "it is printed and signed (CON-GEN-03).",
                    doc=self.display_name,
                )
            )
        customer_first = self.contract_type in CUSTOMER_ANSWERS_FIRST
        allowed = ("customer_accepted",) if customer_first else ("approved",)
        if self.stage not in allowed:
            raise UserError(
                _(
                    "%(doc)s cannot be printed as an original now: it is printed "
                    "once approved%(customer)s.",
                    doc=self.display_name,
                    customer=_(" and accepted by the customer")
                    if customer_first
                    else "",
                )
            )

    def action_print_original(self):
        """The office prints the originals after approval; the number is
        assigned now and never changes (CON-NUM-05)."""
        self.ensure_one()
        self._scm_check_printable()
        self._scm_require(self._scm_is_office(), _("print the original of"))
        now = fields.Datetime.now()
        self._scm_write(
            {"stage": "printed", "printed_date": now, "printed_by_id": self.env.user.id}
        )
        self.env["scm.contract.original"].sudo().create(
            [
                {
                    "contract_id": self.id,
                    "copy_no": index,
                    "holder": "office",
                    "printed_at": now,
                }
                for index in range(1, ORIGINALS_PRINTED + 1)
            ]
        )
        self._scm_signature_prepare()
        self._scm_todo(
            self.env.ref("scm_base.dept_finance").sudo().manager_id.user_id,
            _("Register and seal %(doc)s", doc=self.display_name),
        )
        report = self._scm_final_report()
        # Render the original here, as the printing user with the companies
        # active in the client, so that an original that cannot be rendered
        # (a record the report reads and the user cannot, a template error)
        # fails the print before its number is issued (CON-NUM-07: no gaps).
        self.env["ir.actions.report"]._render_qweb_html(
            report.report_name, self.ids, data={"scm_number_pending": NUMBER_PENDING}
        )
        # The number last: once issued, its serial holds every other print of
        # the same key until this transaction ends (scm.numbering), so only
        # the commit follows it. What the commit would otherwise do while
        # holding it (writing the step's changes, posting their tracking
        # message) is done now, so other prints wait for as little as possible.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self._scm_assign_number(now)
        return report.report_action(self)

    def action_print(self):
        """Print the original again, with its number and the signatures given
        so far; never before approval."""
        self.ensure_one()
        if not self.number:
            raise UserError(
                _(
                    "%(doc)s cannot be printed before it is approved and its "
                    "original is issued with a number.",
                    doc=self.display_name,
                )
            )
        return self._scm_final_report().report_action(self)

    def _scm_final_report(self):
        self.ensure_one()
        return self.template_id.report_id or self.env.ref(
            "scm_contracts.action_report_scm_contract"
        )

    # -- registration at Finance (CON-SC-05, CON-SEC-08, CON-TS-03, CON-BR-04)
    def _scm_register(self, register_no, seal_date):
        self.ensure_one()
        self._scm_check_stage(("printed",), _("registered at Finance"))
        user = self.env.user
        registrar = self._scm_registrar()
        self._scm_require(
            user.has_group("scm_base.group_finance") or self._scm_acts_for(registrar),
            _("register"),
        )
        seal_date = fields.Date.to_date(seal_date)
        if not (register_no or "").strip() or not seal_date:
            raise UserError(
                _(
                    "Registration at Finance needs the register number and the "
                    "seal date."
                )
            )
        if seal_date > fields.Date.context_today(self):
            raise UserError(_("The seal date cannot be in the future."))
        self._scm_write(
            {
                "stage": "registered",
                "register_no": register_no.strip(),
                "seal_date": seal_date,
                "registered_date": fields.Datetime.now(),
                "registered_by_id": user.id,
                "presented_by_id": registrar.id,
            }
        )
        if self._scm_signed_at_hq():
            self._scm_todo(
                self._scm_aa_signatory(),
                _("Sign %(doc)s for AA", doc=self.display_name),
            )
        else:
            self._scm_todo(
                self._scm_office_manager(),
                _("Send the originals of %(doc)s to the branch", doc=self.display_name),
            )
        return True

    def action_open_register(self):
        self.ensure_one()
        self._scm_check_stage(("printed",), _("registered at Finance"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Register at Finance"),
            "res_model": "scm.contract.register",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def action_send_to_branch(self):
        """The office sends the four originals to the branch (CON-SC-05)."""
        for contract in self:
            contract._scm_check_stage(("registered",), _("sent to the branch"))
            if contract.is_hq_contract:
                raise UserError(
                    _(
                        "%(doc)s is signed at HQ: there is no branch to send it to.",
                        doc=contract.display_name,
                    )
                )
            contract._scm_require(contract._scm_is_office(), _("send"))
            now = fields.Datetime.now()
            contract._scm_write({"stage": "sent_to_branch", "sent_to_branch_date": now})
            contract.original_ids.sudo().write({"holder": "branch", "sent_at": now})
            contract._scm_todo(
                contract._scm_aa_signatory(),
                _("Sign %(doc)s for AA", doc=contract.display_name),
            )
        return True

    # -- signatures (CON-SC-06, ORG-RULE-04/05)
    def _scm_signed_at_hq(self):
        """AA signs before the originals leave HQ: contracts HQ signs itself
        and brand contracts, which the Brand Operation Center signs
        (CON-SC-06, CON-BR-04)."""
        self.ensure_one()
        return self.is_hq_contract or self.contract_type == "brand"

    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "aa",
                "name": _("AA signatory"),
                "required_user_id": self._scm_aa_signatory().id,
            }
        ]

    def action_sign_aa(self):
        """AA signs first; the customer signs after (CON-SC-06)."""
        self.ensure_one()
        signed_at_hq = self._scm_signed_at_hq()
        ready = "registered" if signed_at_hq else "sent_to_branch"
        self._scm_check_stage((ready,), _("signed for AA"))
        self.action_scm_sign("aa")
        self._scm_write({"stage": "aa_signed"})
        if signed_at_hq:
            self.original_ids.sudo().write(
                {"holder": "branch" if not self.is_hq_contract else "office"}
            )
        self._scm_todo(
            self._scm_drafter_side(),
            _("Have the customer sign and seal %(doc)s", doc=self.display_name),
        )
        return True

    def action_open_customer_sign(self):
        self.ensure_one()
        self._scm_check_customer_may_sign()
        return {
            "type": "ir.actions.act_window",
            "name": _("Customer Signature"),
            "res_model": "scm.contract.customer.sign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if self.stage in ("printed", "registered", "sent_to_branch"):
            raise UserError(
                _(
                    "The customer signs after AA: %(doc)s is not signed by AA yet "
                    "(CON-SC-06).",
                    doc=self.display_name,
                )
            )
        self._scm_check_stage(("aa_signed",), _("signed by the customer"))

    def _scm_record_customer_signature(self, signatory, signed_date, sealed):
        """The customer's signature and seal make the contract effective
        (CON-SC-06); its duties start (CON-SC-08)."""
        self.ensure_one()
        self._scm_check_customer_may_sign()
        self._scm_check_drafter_side(_("record the customer's signature on"))
        if not (signatory or "").strip():
            raise UserError(_("Name the customer's signatory."))
        if not sealed:
            raise UserError(
                _("The contract takes effect with the customer's signature and seal.")
            )
        today = fields.Date.context_today(self)
        signed_date = fields.Date.to_date(signed_date)
        if not signed_date or signed_date > today:
            raise UserError(_("The customer's signature date cannot be in the future."))
        if (
            signed_date
            < fields.Datetime.context_timestamp(self, self.printed_date).date()
        ):
            raise UserError(
                _("The customer cannot have signed before the original was printed.")
            )
        self._scm_write(
            {
                "stage": "effective",
                "customer_signatory": signatory.strip(),
                "customer_signed_date": signed_date,
                "customer_sealed": True,
                "customer_signature_recorded_by_id": self.env.user.id,
                "effective_date": signed_date,
            }
        )
        self.original_ids.filtered(
            lambda o: o.copy_no > ORIGINALS_PRINTED - 2
        ).sudo().write({"holder": "customer"})
        self._scm_on_effective()
        self._scm_todo(
            self._scm_drafter_side()
            if self.contract_type != "brand"
            else self._scm_office_manager(),
            _("Return the signed originals of %(doc)s", doc=self.display_name),
        )
        return True

    # -- after it takes effect (CON-SC-08, CON-SEC-09, CON-TS-04, CON-BR-05)
    def _scm_on_effective(self):
        self.ensure_one()
        duties = self.env["scm.contract.duty"].sudo()
        for duty, unit_xmlid in TYPE_DUTIES[self.contract_type]:
            duties._scm_create_for(self, duty, self.env.ref(unit_xmlid))
        self.milestone_ids._scm_schedule_collection()
        partner = self.partner_id.sudo()
        partner._scm_on_contract_signed(self.effective_date)
        partner._scm_prompt_archive_update(self)
        self._scm_record_actual()
        self.message_post(
            body=_(
                "The customer signed and sealed on %(date)s: the contract is "
                "effective.",
                date=self.effective_date,
            )
        )

    def _scm_record_actual(self):
        """Signed amounts count for the branch's sales plan (SAL-PLAN-06)."""
        self.ensure_one()
        partner = self.partner_id.sudo()
        company = (
            partner._scm_revenue_company(service=True)
            if self.contract_type == "tech_service"
            else self.company_id
        )
        amount = 0.0 if self.stage == "cancelled" else self.amount
        self.env["scm.sales.actual"].sudo()._scm_record_actual(
            self,
            company,
            self.business_line or TYPE_BUSINESS_LINES[self.contract_type],
            self.effective_date,
            amount,
        )

    # -- originals back and copies (CON-SC-07, CON-SC-10 ...)
    def action_receive_originals(self):
        """The office receives the signed originals back from the branch
        (CON-SC-07)."""
        for contract in self:
            contract._scm_check_stage(("effective",), _("marked as returned"))
            contract._scm_require(
                contract._scm_is_office(), _("receive the originals of")
            )
            now = fields.Datetime.now()
            returning = contract.original_ids.filtered(
                lambda o: o.holder in ("branch", "office")
            )[:ORIGINALS_RETURNED]
            returning.sudo().write(
                {
                    "holder": "office",
                    "returned_at": now,
                    "received_by_id": self.env.user.id,
                }
            )
            contract._scm_write(
                {"stage": "originals_returned", "originals_returned_date": now}
            )
            contract.sudo().activity_feedback([STEP_ACTIVITY])
        return True

    def _scm_distribution_list(self):
        self.ensure_one()
        independent = (
            not self.is_hq_contract
            and self.company_id.sudo().scm_independent_accounting
        )
        lines = []
        for holder, plain, separate in TYPE_RETENTION[self.contract_type]:
            copy_type, quantity = separate if independent else plain
            line = {"copy_type": copy_type, "quantity": quantity}
            if holder == "branch":
                line["recipient_company_id"] = self.company_id.id
            elif holder == "customer":
                line["recipient_partner_id"] = self.partner_id.id
            else:
                line["recipient_department_id"] = self.env.ref(holder).id
            lines.append(line)
        return lines

    def action_scm_distribute(self):
        self.ensure_one()
        ready = ("originals_returned", "in_execution", "accepted", "paid_service")
        if self.contract_type == "brand":
            ready += ("effective",)
        self._scm_check_stage(ready, _("distributed"))
        self._scm_require(self._scm_is_office(), _("distribute"))
        return super().action_scm_distribute()

    # -- execution (CON-SC-11; driven by scm_projects later)
    def _scm_check_mcd(self, action):
        user = self.env.user
        self._scm_require(
            user.has_group("scm_base.group_mcd_manager")
            or user.has_group("scm_base.group_cc_manager")
            or user.has_group("scm_base.group_scm_admin"),
            action,
        )

    def action_start_execution(self):
        for contract in self:
            contract._scm_check_mcd(_("start the execution of"))
            contract._scm_check_stage(("effective", "originals_returned"), _("started"))
            contract._scm_write({"stage": "in_execution"})
        return True

    def action_mark_implementation_accepted(self):
        for contract in self:
            contract._scm_check_mcd(_("record the acceptance of"))
            contract._scm_check_stage(("in_execution",), _("accepted"))
            contract._scm_write({"stage": "accepted"})
        return True

    def action_start_paid_service(self):
        for contract in self:
            contract._scm_check_mcd(_("start the paid service of"))
            contract._scm_check_stage(("accepted",), _("moved to paid service"))
            contract._scm_write({"stage": "paid_service"})
        return True

    # -- cancellation (SUP-CTR-03, CON-NUM-04)
    def _scm_cancel_requires_approval(self):
        self.ensure_one()
        return (
            bool(self.number)
            or self.stage != "draft"
            or bool(self.scm_approval_round_ids)
        )

    def _scm_check_cancel_approved(self):
        """Extended by the cancellation form (SUP-CTR-03)."""
        self.ensure_one()
        if self._scm_cancel_requires_approval():
            raise UserError(
                _(
                    "%(doc)s can only be cancelled with an approved cancellation "
                    "form (SUP-CTR-03).",
                    doc=self.display_name,
                )
            )
        # A draft that never went to approval is dropped by its drafter or
        # the side that answers for it.
        if self.env.user != self.user_id:
            self._scm_check_drafter_side(_("cancel"))

    def action_cancel_contract(self):
        for contract in self:
            if contract.stage == "cancelled":
                raise UserError(
                    _("%(doc)s is already cancelled.", doc=contract.display_name)
                )
            contract._scm_check_cancel_approved()
            if contract.state == "to_approve":
                contract._scm_close_round("withdrawn", contract._scm_undecided())
            was_effective = bool(contract.effective_date)
            contract._scm_write(
                {"stage": "cancelled", "cancelled_date": fields.Datetime.now()}
            )
            contract.sudo().activity_unlink(
                [
                    STEP_ACTIVITY,
                    "mail.mail_activity_data_todo",
                    "scm_base.mail_activity_type_scm_deadline",
                ]
            )
            contract._scm_deadline_cancel()
            if was_effective:
                contract._scm_record_actual()
            contract.message_post(
                body=_(
                    "Cancelled. The number %(number)s stays issued to it.",
                    number=contract.number or _("(none)"),
                )
            )
        return True

    # -- view
    def _add_tier_validation_buttons(self, node, params):
        """The approval buttons speak the contract's language."""
        str_element = self.env["ir.qweb"]._render(
            "scm_contracts.scm_contract_approval_buttons", params
        )
        return etree.fromstring(str_element)

    def action_open_proposal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.sales.proposal",
            "view_mode": "form",
            "res_id": self.proposal_id.id,
        }

    # -- version comparison (SUP-CTR-01)
    @api.model
    def _scm_html_text(self, html):
        return html2plaintext(html or "")

    @api.model
    def _scm_diff_html(self, old, new):
        """Changes marked in red (deleted) and green (added), per line."""
        old_lines = (old or "").splitlines()
        new_lines = (new or "").splitlines()
        parts = []
        for line in difflib.ndiff(old_lines, new_lines):
            tag, text = line[:2], escape(line[2:])
            if tag == "- ":
                parts.append(
                    Markup(
                        '<div style="color:#c00;text-decoration:line-through">%s</div>'
                    )
                    % text
                )
            elif tag == "+ ":
                parts.append(
                    Markup('<div style="color:#c00;font-weight:bold">%s</div>') % text
                )
            elif tag == "  ":
                parts.append(Markup("<div>%s</div>") % text)
        return Markup("").join(parts)
