from odoo import _, api, fields, models
from odoo.exceptions import UserError

QUALITY = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("acceptable", "Acceptable"),
    ("poor", "Poor"),
]


class ScmProjectExecutionSheet(models.Model):
    """《项目执行情况表》, read as the same record as 《合同执行情况表》
    (PRJ-TRK-01, PRJ-TRK-04, PRJ-TRK-10, FORMS.md 61).

    MCD tracks every customer project: the sheet is created with the
    project once it has a PM, links the contract's EMT proposal and the
    project's plans, and holds MCD's verification against the agreed
    delivery date (when the project was fully completed, with what
    quality). It stays with the contract as the contract's tracking record;
    a project closes only once MCD has verified it."""

    _name = "scm.project.execution.sheet"
    _description = "Project Execution Status Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.project.document.mixin"]
    _order = "id desc"
    _rec_names_search = ["project_id"]
    _scm_step_fields = (
        "state",
        "agreed_delivery_date",
        "actual_completion_date",
        "completion_quality",
        "quality_comment",
        "verified_by_id",
        "verified_date",
    )

    state = fields.Selection(
        [("tracking", "Tracking"), ("verified", "Verified by MCD")],
        default="tracking",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    owner_department_id = fields.Many2one(
        "hr.department",
        string="Tracked By",
        readonly=True,
        default=lambda self: self.env.ref("scm_base.dept_mcd", False),
        help="Project tracking belongs to MCD (PRJ-TRK-01).",
    )
    proposal_id = fields.Many2one(
        related="contract_id.proposal_id",
        string="EMT Proposal",
        help="The contract's enterprise management transformation proposal "
        "and its review (PRJ-TRK-04).",
    )
    contract_signed_date = fields.Date(
        related="contract_id.customer_signed_date", string="Contract Signed On"
    )
    initiated_date = fields.Date(
        related="project_id.scm_initiated_date", string="Initiated On"
    )
    plan_ids = fields.One2many(
        related="project_id.scm_plan_ids",
        string="Plans Followed",
        help="The overall plan, the requirement, software and QC work plans and "
        "the implementation schedule the sheet follows (PRJ-TRK-04).",
    )
    plan_note = fields.Text(
        string="Notes on the Plans",
        help="The overall plan and the requirement, software and QC plans the "
        "sheet follows (PRJ-TRK-04).",
    )
    tracking_note = fields.Html(string="Execution Status")
    agreed_delivery_date = fields.Date(readonly=True, copy=False, tracking=True)
    actual_completion_date = fields.Date(
        string="Fully Completed On", readonly=True, copy=False, tracking=True
    )
    completion_quality = fields.Selection(
        QUALITY, readonly=True, copy=False, tracking=True
    )
    quality_comment = fields.Text(readonly=True, copy=False)
    completed_late = fields.Boolean(
        compute="_compute_completed_late",
        help="Fully completed after the agreed delivery date.",
    )
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_date = fields.Datetime(string="Verified On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one execution status sheet.",
        )
    ]

    @api.depends("agreed_delivery_date", "actual_completion_date")
    def _compute_completed_late(self):
        for sheet in self:
            sheet.completed_late = bool(
                sheet.agreed_delivery_date
                and sheet.actual_completion_date
                and sheet.actual_completion_date > sheet.agreed_delivery_date
            )

    @api.depends("project_id")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = _(
                "Execution Sheet: %(project)s",
                project=sheet.project_id.sudo().name or "",
            )

    # -- roles ----------------------------------------------------------------------
    def _scm_check_mcd(self, action):
        user = self.env.user
        mcd = self.env["project.project"]._scm_mcd_manager()
        for sheet in self:
            if not (
                self.env["scm.delegation"]._scm_acts_for(user, mcd, self._name)
                or user.has_group("scm_base.group_scm_admin")
            ):
                raise UserError(
                    _(
                        "Only MCD's manager may %(action)s %(doc)s (PRJ-TRK-01).",
                        action=action,
                        doc=sheet.display_name,
                    )
                )

    # -- guard ------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.env["scm.project.execution.sheet"]._scm_check_mcd(_("create"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            for sheet in self:
                if sheet.state == "verified":
                    raise UserError(
                        _(
                            "%(doc)s was verified by MCD: it is kept as it is "
                            "with the contract.",
                            doc=sheet.display_name,
                        )
                    )
            self._scm_check_mcd(_("edit"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(_("An execution status sheet is never deleted."))
        return super().unlink()

    # -- steps ------------------------------------------------------------------------
    def action_scm_verify(
        self, agreed_delivery_date, actual_completion_date, quality, comment=None
    ):
        """MCD's verification (PRJ-TRK-10): against the agreed delivery date,
        when the project was fully completed and with what quality. The
        verified sheet is archived with the contract."""
        self._scm_check_mcd(_("verify"))
        agreed = fields.Date.to_date(agreed_delivery_date)
        actual = fields.Date.to_date(actual_completion_date)
        if not (agreed and actual and quality):
            raise UserError(
                _(
                    "MCD records the agreed delivery date, the completion date "
                    "and the completion quality (PRJ-TRK-10)."
                )
            )
        if quality not in dict(QUALITY):
            raise UserError(_("Unknown completion quality."))
        if actual > fields.Date.context_today(self):
            raise UserError(_("The project cannot be completed in the future."))
        for sheet in self:
            if sheet.state != "tracking":
                raise UserError(
                    _("%(doc)s is already verified.", doc=sheet.display_name)
                )
            sheet.project_id.sudo()._scm_check_not_closed()
            sheet._scm_step_write(
                {
                    "state": "verified",
                    "agreed_delivery_date": agreed,
                    "actual_completion_date": actual,
                    "completion_quality": quality,
                    "quality_comment": comment or False,
                    "verified_by_id": self.env.user.id,
                    "verified_date": fields.Datetime.now(),
                }
            )
            sheet._scm_archive_with_contract()
        return True

    def _scm_archive_with_contract(self):
        """The verified sheet goes to the contract's file: a note in the
        contract's chatter pointing at the sheet (the sheet keeps the
        contract's link)."""
        self.ensure_one()
        contract = self.contract_id.sudo()
        if not contract:
            return
        contract.message_post(
            body=_(
                "The execution status sheet of %(project)s was verified by "
                "%(user)s on %(date)s (completion %(completed)s, quality "
                "%(quality)s) and is kept with this contract as its tracking "
                "record (PRJ-TRK-10).",
                project=self.project_id.sudo().display_name,
                user=self.env.user.name,
                date=fields.Date.context_today(self),
                completed=self.actual_completion_date,
                quality=dict(
                    self._fields["completion_quality"]._description_selection(self.env)
                ).get(self.completion_quality),
            ),
        )
