from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

DOC_TYPES = [
    ("market_dev_plan", "Market Development Plan"),
    ("research_plan", "Market Research Plan"),
    ("research_report", "Market Research Report"),
    ("feasibility_report", "Branch Establishment Feasibility Report"),
]

# What each document must state before it is submitted (or filed).
REQUIRED_FIELDS = {
    "market_dev_plan": ("plan_basis", "plan_objectives", "plan_actions"),
    # SAL-NBR-02: time, division of labour, region scope, targets, methods,
    # information sources.
    "research_plan": (
        "rp_date_start",
        "rp_date_end",
        "rp_division_of_labour",
        "rp_region_scope",
        "rp_targets",
        "rp_methods",
        "rp_sources",
    ),
    # SAL-NBR-03: the six sections of the research content.
    "research_report": (
        "research_plan_id",
        "rr_industry_scale",
        "rr_key_enterprises",
        "rr_economic_results",
        "rr_management_status",
        "rr_software_investment",
        "rr_software_usage",
    ),
    "feasibility_report": (
        "research_report_id",
        "fr_market_potential",
        "fr_human_resources",
        "fr_capital_investment",
        "fr_conclusion",
    ),
}

# The stage of the case in which each document is written (SAL-NBR-10).
DOC_STAGES = {
    "market_dev_plan": ("market_dev_plan",),
    "research_plan": ("research",),
    "research_report": ("research_report",),
    "feasibility_report": ("feasibility",),
}

CONTENT_FIELDS = {
    "setup_id",
    "doc_type",
    "author_id",
    "research_plan_id",
    "research_report_id",
} | {name for names in REQUIRED_FIELDS.values() for name in names}


class ScmBranchSetupDoc(models.Model):
    """A document of a new-branch case (forms 28-31): the 《市场开发计划》,
    the 《市场调研计划》 (filed, not approved), the 《市场调研报告》 and the
    《分公司成立可行性报告》."""

    _name = "scm.branch.setup.doc"
    _description = "New Branch Setup Document"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    # Filing and the Market Center's reopening are steps (state: the mixin).
    _scm_step_fields = ("filed_date", "mc_reopened")
    _order = "setup_id, id"

    name = fields.Char(compute="_compute_name", store=True)
    setup_id = fields.Many2one(
        "scm.branch.setup",
        string="New Branch Case",
        required=True,
        ondelete="restrict",
        index=True,
    )
    doc_type = fields.Selection(
        DOC_TYPES, string="Document Type", required=True, tracking=True
    )
    company_id = fields.Many2one(
        related="setup_id.company_id", store=True, string="Owning Unit"
    )
    branch_name = fields.Char(related="setup_id.branch_name")
    author_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    # 《市场开发计划》 (SAL-NBR-01)
    plan_basis = fields.Text(
        string="Basis",
        help="The annual business plan and the market demand the plan starts from.",
    )
    plan_objectives = fields.Text(string="Objectives")
    plan_actions = fields.Text(string="Development Actions and Schedule")
    # 《市场调研计划》 (SAL-NBR-02)
    rp_date_start = fields.Date(string="Research From")
    rp_date_end = fields.Date(string="Research Until")
    rp_division_of_labour = fields.Text(string="Division of Labour")
    rp_region_scope = fields.Text(string="Region Scope")
    rp_targets = fields.Text(string="Main Research Targets")
    rp_methods = fields.Text(string="Research Methods")
    rp_sources = fields.Text(string="Information Sources")
    filed_date = fields.Datetime(
        string="Filed On",
        readonly=True,
        copy=False,
        help="A research plan is filed, not approved.",
    )
    # 《市场调研报告》 (SAL-NBR-03)
    research_plan_id = fields.Many2one(
        "scm.branch.setup.doc",
        string="Research Plan Followed",
        domain="[('setup_id', '=', setup_id), ('doc_type', '=', 'research_plan'), "
        "('filed_date', '!=', False)]",
    )
    rr_industry_scale = fields.Text(
        string="Enterprises: Number and Scale",
        help="Number and scale of the target industry's enterprises in the region.",
    )
    rr_key_enterprises = fields.Text(
        string="Key Enterprises", help="The key enterprises and their basics."
    )
    rr_economic_results = fields.Text(
        string="Economic Results (last 2-5 years)",
        help="Those enterprises' economic results over the last 2 to 5 years.",
    )
    rr_management_status = fields.Text(
        string="Management Status and Tools",
        help="Their management status and use of management tools.",
    )
    rr_software_investment = fields.Text(
        string="Software Used or Planned",
        help="The software they use or plan to use: name and investment.",
    )
    rr_software_usage = fields.Text(
        string="Use of the Software", help="How that software is being used."
    )
    mc_reopened = fields.Boolean(
        string="Reopened by the Market Center",
        readonly=True,
        copy=False,
        help="The Market Center Manager rejected the feasibility report: the "
        "revised research report goes to the Market Center Manager.",
    )
    # 《分公司成立可行性报告》 (SAL-NBR-04..06)
    research_report_id = fields.Many2one(
        "scm.branch.setup.doc",
        domain="[('setup_id', '=', setup_id), ('doc_type', '=', 'research_report'), "
        "('state', '=', 'approved')]",
    )
    fr_market_potential = fields.Text(string="Market Potential")
    fr_human_resources = fields.Text(string="Human Resources")
    fr_capital_investment = fields.Text(string="Capital Investment")
    fr_conclusion = fields.Text(string="Conclusion")

    @api.depends("doc_type", "setup_id.branch_name")
    def _compute_name(self):
        # The labels as the reader sees them (a variable given to _() is
        # never extracted for translation).
        labels = dict(self._fields["doc_type"]._description_selection(self.env))
        for doc in self:
            label = labels.get(doc.doc_type)
            doc.name = " - ".join(
                part for part in (label, doc.setup_id.branch_name) if part
            )

    # -- validation
    @api.constrains("rp_date_start", "rp_date_end")
    def _check_research_dates(self):
        for doc in self:
            if (
                doc.rp_date_start
                and doc.rp_date_end
                and (doc.rp_date_end < doc.rp_date_start)
            ):
                raise ValidationError(_("The research cannot end before it starts."))

    @api.constrains("doc_type", "research_plan_id", "research_report_id", "setup_id")
    def _check_links(self):
        for doc in self:
            plan = doc.research_plan_id
            if plan and (
                plan.setup_id != doc.setup_id
                or plan.doc_type != "research_plan"
                or not plan.filed_date
            ):
                raise ValidationError(
                    _(
                        "A research report must link to a filed research plan of "
                        "the same case."
                    )
                )
            report = doc.research_report_id
            if doc.doc_type == "feasibility_report" and (
                not report
                or report.setup_id != doc.setup_id
                or report.doc_type != "research_report"
            ):
                raise ValidationError(
                    _(
                        "A feasibility report is based on the research report of "
                        "its own case."
                    )
                )

    def _scm_missing_fields(self):
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in REQUIRED_FIELDS[self.doc_type]
            if not self[name]
            or (isinstance(self[name], str) and not self[name].strip())
        ]

    def _scm_check_complete(self):
        for doc in self:
            missing = doc._scm_missing_fields()
            if missing:
                raise UserError(
                    _(
                        "%(doc)s is incomplete: fill in %(fields)s.",
                        doc=doc.display_name,
                        fields=", ".join(missing),
                    )
                )

    # -- create / write
    @api.model
    def _scm_check_may_author(self):
        if not self.env["scm.branch.setup"]._scm_may_author():
            raise UserError(
                _(
                    "Only the MSD Pre-sales Specialist, the MSD Manager or the "
                    "Market Center Manager can write new-branch documents."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Demo data and module install run as superuser; a client cannot.
        demo = self.env.su
        if not demo:
            self._scm_check_may_author()
        docs = super().create(vals_list)
        for doc in docs:
            if demo:
                continue
            setup = doc.setup_id
            setup._scm_require_stage(*DOC_STAGES[doc.doc_type])
            # SAL-NBR-04: no feasibility report without an approved research report.
            if doc.doc_type == "feasibility_report" and (
                doc.research_report_id.state != "approved"
            ):
                raise UserError(
                    _(
                        "The feasibility report can be prepared only once the "
                        "research report is approved by the MSD Manager."
                    )
                )
            siblings = setup.doc_ids.filtered(
                lambda d, doc=doc: (
                    d != doc and d.doc_type == doc.doc_type and d.state != "cancel"
                )
            )
            if siblings:
                raise UserError(
                    _(
                        "%(case)s already has a %(type)s: revise that one.",
                        case=setup.name,
                        type=doc._fields["doc_type"].convert_to_export(
                            doc.doc_type, doc
                        ),
                    )
                )
        return docs

    def write(self, vals):
        if CONTENT_FIELDS & set(vals) and not self.env.su:
            self._scm_check_may_author()
            for doc in self:
                if doc.state in ("to_approve", "approved", "cancel") or doc.filed_date:
                    raise UserError(
                        _(
                            "%(doc)s is submitted, approved or filed and cannot "
                            "be edited.",
                            doc=doc.display_name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        for doc in self:
            if doc.filed_date:
                raise UserError(
                    _(
                        "%(doc)s is filed and cannot be deleted.",
                        doc=doc.display_name,
                    )
                )

    # -- research plan: filed, not approved (SAL-NBR-02 Open)
    def action_file(self):
        for doc in self:
            if doc.doc_type != "research_plan":
                raise UserError(
                    _("Only a research plan is filed; other documents are approved.")
                )
            if doc.filed_date:
                raise UserError(_("%(doc)s is already filed.", doc=doc.display_name))
            doc._scm_check_may_author()
            doc.setup_id._scm_require_stage("research")
            doc._scm_check_complete()
            doc.sudo().write({"filed_date": fields.Datetime.now()})
            doc.message_post(body=_("Research plan filed."))
            doc.setup_id._scm_task_done(
                _("Execute the market development plan: file the research plan"),
                _("Research plan filed"),
            )
        return True

    # -- approval hooks
    def _scm_approval_check_submit(self):
        self.ensure_one()
        if self.doc_type == "research_plan":
            raise UserError(_("A research plan is filed, not submitted for approval."))
        self._scm_check_may_author()
        self.setup_id._scm_require_stage(*DOC_STAGES[self.doc_type])
        self._scm_check_complete()
        if (
            self.doc_type == "feasibility_report"
            and self.research_report_id.state != "approved"
        ):
            raise UserError(
                _(
                    "The feasibility report can be submitted only once its "
                    "research report is approved."
                )
            )

    def _scm_approval_on_approved(self):
        self.ensure_one()
        setup = self.setup_id
        if self.doc_type == "market_dev_plan":
            setup._scm_on_plan_approved()
        elif self.doc_type == "research_report":
            setup._scm_on_research_report_approved()
        elif self.doc_type == "feasibility_report":
            setup._scm_on_feasibility_approved()

    def _scm_approval_on_rejected(self):
        self.ensure_one()
        if self.doc_type == "feasibility_report":
            self.setup_id._scm_on_feasibility_rejected(self)

    def _scm_reopen(self, mc_review=False):
        """Return an approved document to its author for revision."""
        for doc in self.sudo():
            if doc.state == "draft":
                continue
            if doc.review_ids:
                doc.restart_validation()
            vals = {"state": "draft"}
            if mc_review:
                vals["mc_reopened"] = True
            doc.with_context(skip_validation_check=True).write(vals)
            doc.message_post(body=_("Reopened for revision."))
            doc.activity_schedule(
                "scm_base.mail_activity_type_scm_revision",
                summary=_("Revise and resubmit"),
                user_id=doc.author_id.id,
            )

    def action_print(self):
        self.ensure_one()
        reports = {
            "market_dev_plan": "scm_sales.action_report_nbr_market_plan",
            "research_report": "scm_sales.action_report_nbr_research_report",
            "feasibility_report": "scm_sales.action_report_nbr_feasibility",
            "research_plan": "scm_sales.action_report_nbr_research_plan",
        }
        return self.env.ref(reports[self.doc_type]).report_action(self)
