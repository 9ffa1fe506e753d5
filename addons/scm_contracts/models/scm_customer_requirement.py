import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .scm_contract import check_numeric_input

STATES = [
    ("draft", "Draft"),
    ("branch_signed", "Signed by Branch Manager"),
    ("submitted", "Received by MCD"),
    ("in_review", "In Review"),
    ("unanimous", "Approved Unanimously"),
    ("revision", "In Revision"),
    ("vetoed", "Vetoed"),
]
# What the branch writes: frozen once the Branch Manager signed the version.
CONTENT_FIELDS = {
    "title",
    "company_id",
    "partner_id",
    "user_id",
    "origin_contract_id",
    "currency_id",
    "budget_amount",
    "background",
    "requirement",
    "expected_result",
    "expected_schedule",
}
# The requirement itself, compared across review rounds (CON-SEC-07).
REQUIREMENT_FIELDS = (
    "title",
    "partner_id",
    "currency_id",
    "budget_amount",
    "background",
    "requirement",
    "expected_result",
    "expected_schedule",
)
# The sections the Branch Manager cannot sign while empty.
REQUIRED_SECTIONS = ("background", "requirement", "expected_result")
EDITABLE_STATES = ("draft", "revision")
# The HQ departments that review every requirement report (CON-SEC-02).
MANDATORY_REVIEWERS = (
    "scm_base.dept_software",
    "scm_base.dept_qc",
    "scm_base.dept_msd",
)
# Linked secondary contracts in these stages let the branch reopen the
# requirement (CON-SEC-07): nothing is under approval or signed yet.
REOPEN_CONTRACT_STAGES = ("draft", "customer_rejected", "cancelled")


class ScmCustomerRequirement(models.Model):
    """《客户需求报告单》, the customer requirement report of a secondary sale
    (CON-SEC-01..05, CON-SEC-11).

    The branch researches the second-round needs of one of its customers and
    writes the report; the Branch Manager signs each version and it is sent
    electronically to the Customer Center's MCD. MCD fills the review
    application within 1 working day and the Software Dept, the QC Dept, MSD
    and the center departments it picks each sign an opinion line within 1
    working day of receipt. A unanimous review lets the branch draft the
    secondary (R) contract; otherwise MCD sends the report back for revision
    or vetoes it. Every review round and its lines are kept."""

    _name = "scm.customer.requirement"
    _description = "Customer Requirement Report"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.signature.mixin",
        "scm.stage.mixin",
    ]
    _scm_stage_field = "state"
    # Set only by the report's own actions (the state by the stage mixin).
    _scm_step_fields = ("name", "version", "received_date", "decided_date")
    _order = "id desc"
    _rec_names_search = ["name", "title", "partner_id"]

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
        domain=[("scm_unit_type", "=", "branch")],
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('scm_is_customer', '=', True), ('company_id', '=', company_id)]",
        help="An existing customer of the branch whose second-round needs the "
        "report describes.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    branch_manager_id = fields.Many2one(
        related="company_id.scm_manager_id", string="Branch Manager"
    )
    origin_contract_id = fields.Many2one(
        "scm.contract",
        string="Existing Contract",
        index=True,
        domain="[('partner_id', '=', partner_id), ('contract_type', '=', 'sc')]",
        help="The customer's S&C contract the second-round needs build on, "
        "when there is one.",
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand=True,
    )
    version = fields.Integer(
        default=1,
        required=True,
        readonly=True,
        copy=False,
        help="Raised each time the report goes back to the branch for revision.",
    )
    # -- the report's sections
    background = fields.Text(
        string="Customer Situation",
        help="What the branch learned researching the customer's second-round needs.",
    )
    requirement = fields.Text(
        string="Requirements", help="The customer's requirements, item by item."
    )
    expected_result = fields.Text(string="Expected Results")
    expected_schedule = fields.Text(help="When the customer wants it done.")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: (
            self.env.ref("base.CNY", raise_if_not_found=False)
            or self.env.company.currency_id
        ),
    )
    budget_amount = fields.Monetary(
        string="Customer's Budget", tracking=True, help="If the customer named one."
    )
    # -- workflow
    branch_signed = fields.Boolean(
        string="Signed for This Version", compute="_compute_branch_signed"
    )
    received_date = fields.Datetime(
        string="Received by MCD On",
        readonly=True,
        copy=False,
        help="Server time at which the signed report reached MCD electronically.",
    )
    decided_date = fields.Datetime(
        string="Review Decided On", readonly=True, copy=False
    )
    review_ids = fields.One2many(
        "scm.customer.requirement.review",
        "requirement_id",
        string="Review Rounds",
        readonly=True,
        copy=False,
    )
    current_review_id = fields.Many2one(
        "scm.customer.requirement.review",
        compute="_compute_current_review_id",
        store=True,
    )
    review_line_ids = fields.One2many(
        related="current_review_id.line_ids", string="Review Lines"
    )
    contract_ids = fields.One2many(
        "scm.contract", "requirement_id", string="Secondary Contracts", readonly=True
    )
    contract_count = fields.Integer(compute="_compute_contract_count")

    # -- computes
    def _scm_branch_slot(self):
        self.ensure_one()
        return f"branch_manager_v{self.version}"

    def _scm_current_signature(self):
        self.ensure_one()
        slot = self._scm_branch_slot()
        return self.scm_signature_ids.filtered(lambda s: s.slot == slot)

    @api.depends("scm_signature_ids.state", "version")
    def _compute_branch_signed(self):
        for report in self:
            report.branch_signed = report._scm_current_signature().state == "signed"

    @api.depends("review_ids.round_no")
    def _compute_current_review_id(self):
        for report in self:
            report.current_review_id = report.review_ids.sorted("round_no")[-1:]

    @api.depends("contract_ids")
    def _compute_contract_count(self):
        for report in self:
            report.contract_count = len(report.contract_ids)

    @api.depends("name", "title")
    def _compute_display_name(self):
        for report in self:
            report.display_name = (
                f"{report.name} {report.title}"
                if report.title and report.name != "/"
                else report.title or report.name
            )

    # -- constraints
    @api.constrains("company_id")
    def _check_branch(self):
        for report in self:
            if report.company_id.scm_unit_type != "branch":
                raise ValidationError(
                    _(
                        "A customer requirement report belongs to a branch, not "
                        "to headquarters."
                    )
                )

    @api.constrains("user_id", "company_id")
    def _check_author(self):
        for report in self:
            if not report._scm_is_branch_member(report.user_id.sudo()):
                raise ValidationError(
                    _(
                        "%(user)s does not work for %(branch)s: the branch's own "
                        "staff prepare its customer requirement reports.",
                        user=report.user_id.name,
                        branch=report.company_id.name,
                    )
                )

    @api.constrains("budget_amount")
    def _check_budget(self):
        for report in self:
            if report.budget_amount < 0:
                raise ValidationError(_("The customer's budget cannot be negative."))

    def _scm_check_customer(self):
        """CON-SEC-01 / SAL-TERR: an existing customer of the branch, in a
        territory the branch may work."""
        for report in self:
            customer = report.partner_id.commercial_partner_id.sudo()
            report.partner_id._scm_assert_branch_may_work(report.company_id)
            if not customer.scm_is_customer or customer.company_id != report.company_id:
                raise UserError(
                    _(
                        "%(customer)s is not a customer of %(branch)s: a "
                        "requirement report is written for one of the branch's "
                        "existing customers.",
                        customer=customer.name,
                        branch=report.company_id.name,
                    )
                )
            origin = report.origin_contract_id.sudo()
            if origin and origin.partner_id.commercial_partner_id != customer:
                raise ValidationError(
                    _(
                        "%(contract)s is not a contract of %(customer)s.",
                        contract=origin.display_name,
                        customer=customer.name,
                    )
                )

    # -- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_numeric_input(self, vals, ("budget_amount",))
        reports = super().create(vals_list)
        for report in reports:
            report._scm_check_branch_member(_("write a requirement report for"))
        reports._scm_check_customer()
        sequence = self.env["ir.sequence"].sudo()
        for report in reports:
            report._scm_write(
                {"name": sequence.next_by_code("scm.customer.requirement") or "/"}
            )
        return reports

    def write(self, vals):
        if self.env.su:
            # The report's own actions, after their checks.
            return super().write(vals)
        # Who may not write at all (auditors) is told so before anything else.
        self.check_access("write")
        check_numeric_input(self, vals, ("budget_amount",))
        # The state, version and dates are refused by the step guard.
        if vals.keys() & CONTENT_FIELDS:
            for report in self:
                if report.state not in EDITABLE_STATES or report.branch_signed:
                    raise UserError(
                        _(
                            "%(doc)s cannot be edited now (%(state)s): the "
                            "Branch Manager signed this version or it is with HQ.",
                            doc=report.display_name,
                            state=report._scm_stage_label(),
                        )
                    )
        result = super().write(vals)
        if vals.keys() & {"partner_id", "company_id", "origin_contract_id"}:
            self._scm_check_customer()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        for report in self:
            if report.state != "draft" or report.scm_signature_ids.filtered(
                lambda s: s.state == "signed"
            ):
                raise UserError(
                    _(
                        "%(doc)s was signed or reviewed and cannot be deleted.",
                        doc=report.display_name,
                    )
                )

    def _scm_write(self, vals):
        """An action writes its fields, after checking who may take it."""
        return self._scm_step_write(vals)

    # -- helpers
    def _scm_is_branch_member(self, user=None):
        """Staff, consultants and the manager of the report's branch."""
        self.ensure_one()
        user = user or self.env.user
        return (
            user._scm_is_member_of_company(self.company_id)
            and not user.has_group("scm_base.group_hq_staff")
            and (
                user.has_group("scm_base.group_branch_staff")
                or user.has_group("scm_base.group_consultant")
            )
        )

    def _scm_check_branch_member(self, action):
        if self.env.su or self.env.user.has_group("scm_base.group_scm_admin"):
            return
        for report in self:
            if not report._scm_is_branch_member():
                raise AccessError(
                    _(
                        "Only the staff of %(branch)s may %(action)s %(doc)s.",
                        branch=report.company_id.name,
                        action=action,
                        doc=report.display_name,
                    )
                )

    def _scm_acts_for(self, principal):
        """The current user is `principal`, holds their delegation for these
        reports (ORG-RULE-06), or administers SCM."""
        user = self.env.user
        if self.env.su or user.has_group("scm_base.group_scm_admin"):
            return True
        return self.env["scm.delegation"]._scm_acts_for(user, principal, self._name)

    def _scm_check_branch_manager(self, action):
        for report in self:
            if not report._scm_acts_for(report.company_id.sudo().scm_manager_id):
                raise AccessError(
                    _(
                        "Only the manager of %(branch)s (or an authorised "
                        "delegate) may %(action)s %(doc)s.",
                        branch=report.company_id.name,
                        action=action,
                        doc=report.display_name,
                    )
                )

    def _scm_mcd_manager(self):
        return self.env.ref("scm_base.dept_mcd").sudo()._scm_manager_user()

    def _scm_check_mcd_manager(self, action):
        manager = self._scm_mcd_manager()
        for report in self:
            if not report._scm_acts_for(manager):
                raise AccessError(
                    _(
                        "Only the MCD Manager (or an authorised delegate) may "
                        "%(action)s %(doc)s.",
                        action=action,
                        doc=report.display_name,
                    )
                )

    def _scm_check_complete(self):
        for report in self:
            missing = [
                report._fields[name].get_description(self.env)["string"]
                for name in REQUIRED_SECTIONS
                if not (report[name] or "").strip()
            ]
            if missing:
                raise UserError(
                    _(
                        "%(doc)s is incomplete: fill in %(sections)s.",
                        doc=report.display_name,
                        sections=", ".join(missing),
                    )
                )

    def _scm_content_snapshot(self):
        """The requirement as text, to tell whether it changed between two
        review rounds (CON-SEC-07)."""
        self.ensure_one()
        values = {}
        for name in REQUIREMENT_FIELDS:
            value = self[name]
            if isinstance(value, models.BaseModel):
                value = value.id
            values[name] = value or False
        return json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)

    def _scm_last_unanimous_review(self):
        self.ensure_one()
        return (
            self.sudo()
            .review_ids.filtered(lambda r: r.state == "unanimous")
            .sorted("round_no")[-1:]
        )

    def _scm_changed_since_unanimous(self):
        """True when the report is no longer the one the panel approved
        unanimously: reopened, under review again, or its text differs."""
        self.ensure_one()
        review = self._scm_last_unanimous_review()
        return bool(
            not review
            or self.state != "unanimous"
            or review.content_snapshot != self._scm_content_snapshot()
        )

    def _scm_branch_recipients(self):
        self.ensure_one()
        return (
            self.company_id.sudo().scm_manager_id.partner_id | self.user_id.partner_id
        )

    def _scm_notify(self, subject, body):
        """A written notice of the MCD Manager to the branch (ORG-RULE-07)."""
        self.ensure_one()
        sender = self._scm_mcd_manager()
        return (
            self.env["scm.notice"]
            .with_user(sender)
            ._scm_send(
                self.with_user(sender), subject, body, self._scm_branch_recipients()
            )
        )

    def _scm_todo(self, user, summary, note=None):
        self.ensure_one()
        if user:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=note,
                user_id=user.id,
            )

    # -- signature (CON-SEC-01)
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": self._scm_branch_slot(),
                "name": _("Branch Manager, version %(version)s", version=self.version),
                "required_user_id": self.company_id.sudo().scm_manager_id.id,
            }
        ]

    def action_branch_sign(self):
        """CON-SEC-01: the Branch Manager reviews and signs this version."""
        for report in self:
            report._scm_check_stage(EDITABLE_STATES, _("signed"))
            report._scm_check_complete()
            report.action_scm_sign(report._scm_branch_slot())
            if report.state == "draft":
                report._scm_write({"state": "branch_signed"})
        return True

    def action_send_to_mcd(self):
        """CON-SEC-01: the signed report goes electronically to MCD; its
        arrival is MCD's receipt, from which MCD owes the review application
        within 1 working day (CON-SEC-02)."""
        self.ensure_one()
        self._scm_check_stage(("draft", "branch_signed", "revision"), _("sent to MCD"))
        self._scm_check_branch_member(_("send"))
        self._scm_check_complete()
        blocked = self._scm_guard_signed(_("sent to MCD"))
        if blocked:
            return blocked
        now = fields.Datetime.now()
        self._scm_write({"state": "submitted", "received_date": now})
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        self._scm_deadline_open(
            "CON-SEC-02",
            _("Fill the review application of %(doc)s", doc=self.display_name),
            self._scm_mcd_manager(),
            amount=1,
            start=now,
        )
        self.sudo().message_post(
            body=_(
                "Sent to MCD, version %(version)s: received on %(date)s.",
                version=self.version,
                date=fields.Datetime.to_string(now),
            )
        )
        return True

    # -- review (CON-SEC-02/03)
    def _scm_mandatory_departments(self):
        return (
            self.env["hr.department"]
            .sudo()
            .browse([self.env.ref(xmlid).id for xmlid in MANDATORY_REVIEWERS])
        )

    def _scm_check_reviewing_departments(self, departments):
        hq = self.env["res.company"].sudo()._scm_hq()
        for dept in departments.sudo():
            if dept.company_id != hq or dept.scm_unit_type != "department":
                raise UserError(
                    _(
                        "%(unit)s is not an HQ department: the review panel is "
                        "made of departments of the HQ centers.",
                        unit=dept.display_name,
                    )
                )
            if not dept.manager_id.user_id:
                raise UserError(
                    _(
                        "%(unit)s has no manager with a user account to sign "
                        "its review opinion.",
                        unit=dept.display_name,
                    )
                )

    def action_scm_apply_review(self, department_ids=None, note=None):
        """CON-SEC-02: MCD fills the 《二次销售和咨询服务合同》评审申请表 and
        sends the report to the Software Dept, the QC Dept, MSD and the center
        departments it chose; each manager owes a signed opinion line within
        1 working day of receipt (CON-SEC-03)."""
        self.ensure_one()
        if not isinstance(department_ids, models.BaseModel) and not (
            department_ids in (None, False)
            or (
                isinstance(department_ids, list | tuple)
                and all(
                    isinstance(i, int) and not isinstance(i, bool)
                    for i in department_ids
                )
            )
        ):
            raise UserError(_("Choose the reviewing departments from the list."))
        if note is not None and note is not False and not isinstance(note, str):
            raise UserError(_("The review points are text."))
        self._scm_check_stage(("submitted",), _("sent to the review panel"))
        self._scm_check_mcd_manager(_("organise the review of"))
        Department = self.env["hr.department"].sudo()
        chosen = Department.browse(
            department_ids.ids
            if isinstance(department_ids, models.BaseModel)
            else (department_ids or [])
        ).exists()
        mandatory = self._scm_mandatory_departments()
        extra = chosen - mandatory
        self._scm_check_reviewing_departments(mandatory | extra)
        now = fields.Datetime.now()
        review = (
            self.env["scm.customer.requirement.review"]
            .sudo()
            .create(
                {
                    "requirement_id": self.id,
                    "round_no": len(self.sudo().review_ids) + 1,
                    "version": self.version,
                    "applicant_id": self.env.user.id,
                    "applied_date": now,
                    "note": note,
                    "extra_department_ids": [fields.Command.set(extra.ids)],
                    "content_snapshot": self._scm_content_snapshot(),
                }
            )
        )
        Line = self.env["scm.customer.requirement.review.line"].sudo()
        for sequence, dept in enumerate(mandatory | extra, start=1):
            reviewer = dept._scm_manager_user()
            deadline = self._scm_deadline_open(
                "CON-SEC-03",
                _(
                    "Sign the review opinion of %(unit)s on %(doc)s",
                    unit=dept.name,
                    doc=self.display_name,
                ),
                reviewer,
                amount=1,
                start=now,
            )
            Line.create(
                {
                    "review_id": review.id,
                    "sequence": sequence,
                    "department_id": dept.id,
                    "reviewer_id": reviewer.id,
                    "received_at": now,
                    "deadline_id": deadline.id,
                }
            )
        self._scm_deadline_close("CON-SEC-02")
        self._scm_write({"state": "in_review"})
        self.sudo().message_post(
            body=_(
                "Review round %(round)s opened: %(units)s review the report.",
                round=review.round_no,
                units=", ".join((mandatory | extra).mapped("name")),
            )
        )
        return True

    def action_open_review_application(self):
        self.ensure_one()
        self._scm_check_stage(("submitted",), _("sent to the review panel"))
        self._scm_check_mcd_manager(_("organise the review of"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Review Application"),
            "res_model": "scm.customer.requirement.review.apply",
            "view_mode": "form",
            "target": "new",
            "context": {"default_requirement_id": self.id},
        }

    def _scm_open_review(self):
        self.ensure_one()
        review = self.sudo().current_review_id
        if self.state != "in_review" or review.state != "open":
            raise UserError(_("%(doc)s is not in review.", doc=self.display_name))
        return review

    def action_scm_give_opinion(
        self,
        feasibility,
        cost_budget,
        schedule,
        opinion,
        decision,
        department_id=None,
    ):
        """CON-SEC-03: the current user's line of the 《项目评审意见表》,
        written and signed in one step (for callers without the form)."""
        self.ensure_one()
        review = self._scm_open_review()
        lines = review.line_ids.filtered(
            lambda line: line.state == "pending" and line._scm_may_act()
        )
        if department_id:
            lines = lines.filtered(lambda line: line.department_id.id == department_id)
        if not lines:
            raise UserError(
                _(
                    "You have no review opinion to give on %(doc)s.",
                    doc=self.display_name,
                )
            )
        if len(lines) > 1:
            raise UserError(_("Say for which department you give the review opinion."))
        lines.write(
            {
                "feasibility": feasibility,
                "cost_budget": cost_budget,
                "schedule": schedule,
                "opinion": opinion,
                "decision": decision,
            }
        )
        return lines.action_sign()

    # -- decision (CON-SEC-04/05)
    def action_conclude_review(self, outcome=None):
        """MCD decides the round once every line is signed: a unanimous
        review is notified to the branch (CON-SEC-04); otherwise MCD sends
        the report back for revision or vetoes it (CON-SEC-05)."""
        self.ensure_one()
        self._scm_check_stage(("in_review",), _("decided"))
        self._scm_check_mcd_manager(_("decide the review of"))
        review = self._scm_open_review()
        unsigned = review.line_ids.filtered(lambda line: line.state != "signed")
        if unsigned:
            raise UserError(
                _(
                    "The review of %(doc)s cannot be decided yet: %(units)s have "
                    "not signed their opinion.",
                    doc=self.display_name,
                    units=", ".join(unsigned.department_id.mapped("name")),
                )
            )
        unanimous = all(line.decision == "agree" for line in review.line_ids)
        if unanimous and outcome not in (None, False, "unanimous"):
            raise UserError(
                _(
                    "Every department agreed to %(doc)s: the review is unanimous "
                    "and the branch is notified.",
                    doc=self.display_name,
                )
            )
        if not unanimous and outcome not in ("revise", "veto"):
            raise UserError(
                _(
                    "The review of %(doc)s is not unanimous: decide whether the "
                    "branch revises the report or the requirement is vetoed.",
                    doc=self.display_name,
                )
            )
        now = fields.Datetime.now()
        if unanimous:
            result = "unanimous"
        else:
            result = "revise" if outcome == "revise" else "vetoed"
        review.write(
            {"state": result, "decided_date": now, "decided_by_id": self.env.user.id}
        )
        if unanimous:
            self._scm_on_unanimous(review)
        elif outcome == "revise":
            self._scm_on_revise(review)
        else:
            self._scm_on_veto(review)
        return True

    def action_review_unanimous(self):
        return self.action_conclude_review("unanimous")

    def action_review_revise(self):
        return self.action_conclude_review("revise")

    def action_review_veto(self):
        return self.action_conclude_review("veto")

    def _scm_review_reasons(self, review):
        return "; ".join(
            f"{line.department_name}: {line.opinion}"
            for line in review.line_ids
            if line.decision == "disagree"
        )

    def _scm_on_unanimous(self, review):
        manager = self.company_id.sudo().scm_manager_id
        self._scm_write({"state": "unanimous", "decided_date": review.decided_date})
        self._scm_notify(
            _(
                "Requirement report %(doc)s approved unanimously",
                doc=self.display_name,
            ),
            _(
                "<p>The HQ review of the customer requirement report %(doc)s "
                "(round %(round)s) is unanimous. Draft the secondary sales and "
                "consulting service contract in the company format from the "
                "report and submit it to MCD.</p>",
                doc=self.display_name,
                round=review.round_no,
            ),
        )
        self._scm_todo(
            manager,
            _("Draft the secondary contract from %(doc)s", doc=self.display_name),
        )

    def _scm_on_revise(self, review):
        manager = self.company_id.sudo().scm_manager_id
        reasons = self._scm_review_reasons(review)
        self._scm_write(
            {
                "state": "revision",
                "version": self.version + 1,
                "decided_date": review.decided_date,
            }
        )
        self._scm_notify(
            _(
                "Requirement report %(doc)s to be revised",
                doc=self.display_name,
            ),
            _(
                "<p>The HQ review of %(doc)s (round %(round)s) was not unanimous. "
                "Revise the report according to the review opinions, have the "
                "Branch Manager sign it and submit it again for review.</p>"
                "<p>%(reasons)s</p>",
                doc=self.display_name,
                round=review.round_no,
                reasons=reasons,
            ),
        )
        self._scm_todo(
            manager,
            _("Revise %(doc)s per the review opinions", doc=self.display_name),
            note=reasons,
        )

    def _scm_on_veto(self, review):
        manager = self.company_id.sudo().scm_manager_id
        reasons = self._scm_review_reasons(review)
        self._scm_write({"state": "vetoed", "decided_date": review.decided_date})
        self._scm_notify(
            _("Requirement report %(doc)s vetoed", doc=self.display_name),
            _(
                "<p>The HQ review of %(doc)s (round %(round)s) found that the "
                "requirement cannot be realised. Negotiate another solution "
                "with the customer.</p><p>%(reasons)s</p>",
                doc=self.display_name,
                round=review.round_no,
                reasons=reasons,
            ),
        )
        self._scm_todo(
            manager,
            _(
                "Negotiate another solution with %(customer)s",
                customer=self.partner_id.sudo().name,
            ),
            note=reasons,
        )

    # -- back to the branch after the contract was refused (CON-SEC-07)
    def action_reopen_requirement(self):
        """The customer's requirement changed: the branch revises the
        unanimous report, which the panel reviews again before the secondary
        contract is resubmitted (CON-SEC-07)."""
        for report in self:
            report._scm_check_stage(("unanimous",), _("reopened"))
            report._scm_check_branch_manager(_("reopen"))
            busy = report.sudo().contract_ids.filtered(
                lambda c: c.stage not in REOPEN_CONTRACT_STAGES
            )
            if busy:
                raise UserError(
                    _(
                        "%(doc)s cannot be reopened while %(contracts)s is under "
                        "approval, with the customer or signed.",
                        doc=report.display_name,
                        contracts=", ".join(busy.mapped("display_name")),
                    )
                )
            report._scm_write({"state": "revision", "version": report.version + 1})
            report.sudo().message_post(
                body=_(
                    "Reopened for revision (version %(version)s): the review "
                    "panel examines the changed requirement before the "
                    "secondary contract is submitted again.",
                    version=report.version,
                )
            )
        return True

    # -- the secondary contract (CON-SEC-04)
    def action_draft_secondary_contract(self):
        """The branch drafts the R contract from the unanimous report and
        opens it; an existing draft is opened instead of a second one."""
        self.ensure_one()
        self._scm_check_stage(("unanimous",), _("turned into a contract"))
        self._scm_check_branch_member(_("draft a contract from"))
        contract = self.contract_ids.filtered(lambda c: c.stage != "cancelled")[:1]
        if not contract:
            contract = self.env["scm.contract"].create(
                {
                    "title": self.title,
                    "contract_type": "secondary",
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.id,
                    "requirement_id": self.id,
                    "user_id": self.env.user.id,
                }
            )
            self.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.contract",
            "res_id": contract.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_contracts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Secondary Contracts"),
            "res_model": "scm.contract",
            "view_mode": "list,form",
            "domain": [("requirement_id", "=", self.id)],
            "context": {"create": False},
        }

    # -- printing
    def _scm_final_report(self):
        return self.env.ref("scm_contracts.action_report_scm_customer_requirement")

    def action_print_review_forms(self):
        """Every round's 《项目评审意见表》."""
        self.ensure_one()
        if not self.review_ids:
            raise UserError(_("%(doc)s was not reviewed yet.", doc=self.display_name))
        return self.env.ref(
            "scm_contracts.action_report_scm_customer_requirement_review"
        ).report_action(self)
