from odoo import api, fields, models


class ScmCustomerRequirementReview(models.Model):
    """One round of the HQ review of a customer requirement report: the
    《二次销售和咨询服务合同》评审申请表 MCD fills, and the reviewer lines of
    its 《项目评审意见表》 (CON-SEC-02..05).

    A revision starts a new round; earlier rounds, their lines and the
    version of the requirement they reviewed stay for good."""

    _name = "scm.customer.requirement.review"
    _description = "Customer Requirement Review Round"
    _inherit = ["scm.step.guard.mixin"]
    # Opened by MCD's review application, decided by MCD's conclusion.
    _scm_step_fields = (
        "requirement_id",
        "round_no",
        "version",
        "applicant_id",
        "applied_date",
        "state",
        "decided_date",
        "decided_by_id",
        "content_snapshot",
    )
    _order = "requirement_id, round_no desc"

    requirement_id = fields.Many2one(
        "scm.customer.requirement",
        string="Requirement Report",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="requirement_id.company_id", string="Branch", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="requirement_id.partner_id", string="Customer", store=True
    )
    round_no = fields.Integer(string="Round", required=True, readonly=True)
    version = fields.Integer(
        string="Report Version",
        readonly=True,
        help="The version of the requirement report this round reviewed.",
    )
    applicant_id = fields.Many2one(
        "res.users",
        string="Filled By",
        readonly=True,
        help="The MCD Manager (or delegate) who filled the review application.",
    )
    applied_date = fields.Datetime(
        string="Application Filed On",
        readonly=True,
        help="Server time at which the reviewers received the report and the form.",
    )
    note = fields.Text(
        string="Review Points",
        readonly=True,
        help="What MCD asks the panel to look at.",
    )
    extra_department_ids = fields.Many2many(
        "hr.department",
        "scm_customer_requirement_review_dept_rel",
        "review_id",
        "department_id",
        string="Center Departments Chosen",
        readonly=True,
        help="Departments MCD added to the Software Dept, the QC Dept and MSD.",
    )
    extra_department_names = fields.Char(
        string="Center Departments",
        compute="_compute_extra_department_names",
        help="Shown to the branch, which does not see HQ's departments.",
    )
    line_ids = fields.One2many(
        "scm.customer.requirement.review.line",
        "review_id",
        string="Reviewer Lines",
        readonly=True,
    )
    state = fields.Selection(
        [
            ("open", "In Review"),
            ("unanimous", "Unanimous"),
            ("revise", "Returned for Revision"),
            ("vetoed", "Vetoed"),
        ],
        default="open",
        required=True,
        readonly=True,
        index=True,
    )
    decided_date = fields.Datetime(string="Decided On", readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    content_snapshot = fields.Text(
        string="Reviewed Requirement",
        readonly=True,
        help="The requirement as it was reviewed in this round.",
    )
    line_count = fields.Integer(compute="_compute_line_counts")
    signed_count = fields.Integer(compute="_compute_line_counts")

    _sql_constraints = [
        (
            "round_unique",
            "UNIQUE(requirement_id, round_no)",
            "A requirement report has one review per round number.",
        ),
    ]

    @api.depends("extra_department_ids")
    def _compute_extra_department_names(self):
        for review in self:
            review.extra_department_names = ", ".join(
                review.sudo().extra_department_ids.mapped("name")
            )

    def _compute_line_counts(self):
        for review in self:
            review.line_count = len(review.line_ids)
            review.signed_count = len(
                review.line_ids.filtered(lambda line: line.state == "signed")
            )

    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "%(doc)s, round %(round)s",
                doc=review.requirement_id.name or "",
                round=review.round_no,
            )
