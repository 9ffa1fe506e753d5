from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The roles HQ provides to every project (PRJ-INIT-04): requirement (MRD),
# software (Software Development) and quality control (QC).
HQ_SUPPORT_ROLES = {
    "requirement": "scm_base.dept_mrd",
    "software": "scm_base.dept_software",
    "qc": "scm_base.dept_qc",
}
# The phase an initiated project moves to, per contract type.
PHASE_AFTER_INITIATION = {
    "sc": "kickoff",
    "secondary": "kickoff",
    "tech_service": "service",
}
# The content the notice must state before it is issued (PRJ-INIT-03).
CONTENT_FIELDS = ("work_content", "date_start", "date_end", "pm_powers")


class ScmProjectInitiation(models.Model):
    """《项目立项通知单》, the project initiation notice (PRJ-INIT-01..04,
    PRJ-TRK-02, FORMS.md 47).

    One per project, drafted when the project is created from its contract;
    the PM (the branch manager for a branch project, MCD's manager for an HQ
    one) owes it within 2 working days of the signature. Issuing it numbers
    it, distributes the copies (MSD, Finance, Audit, the initiating unit) and
    the filing copy (MCD for a branch PM, the branch for an HQ PM), and
    moves the project on from its initiation."""

    _name = "scm.project.initiation"
    _description = "Project Initiation Notice"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.distribution.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "project_id"]
    _scm_step_fields = ("name", "state", "issued_date", "issued_by_id")

    name = fields.Char(
        string="Notice No.", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    initiating_unit = fields.Selection(
        related="project_id.scm_pm_unit", string="Initiated By"
    )
    contract_type = fields.Selection(related="project_id.scm_contract_type")
    contract_signed_date = fields.Date(
        related="contract_id.customer_signed_date", string="Contract Signed On"
    )
    work_content = fields.Text(
        tracking=True, help="The work the project delivers (PRJ-INIT-03)."
    )
    date_start = fields.Date(string="Working Time From", tracking=True)
    date_end = fields.Date(string="Working Time To", tracking=True)
    pm_powers = fields.Text(
        string="PM's Powers and Responsibilities",
        tracking=True,
    )
    member_ids = fields.One2many(
        related="project_id.scm_member_ids", string="Project Team"
    )
    issued_date = fields.Date(string="Issued On", readonly=True, copy=False)
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    due_date = fields.Datetime(
        string="Due By",
        compute="_compute_lateness",
        help="The contract's signature plus 2 working days (PRJ-INIT-01).",
    )
    issued_late = fields.Boolean(
        string="Late",
        compute="_compute_lateness",
        help="Issued after its due time, or still not issued past it (PRJ-INIT-01).",
    )
    days_late = fields.Integer(string="Working Days Late", compute="_compute_lateness")

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one initiation notice.",
        )
    ]

    @api.depends("scm_deadline_ids.state", "scm_deadline_ids.due_date")
    def _compute_lateness(self):
        for notice in self:
            deadline = notice.sudo().scm_deadline_ids.filtered(
                lambda d: d.rule_code == "PRJ-INIT-01" and d.state != "cancel"
            )[:1]
            notice.due_date = deadline.due_date
            notice.issued_late = deadline.is_overdue
            notice.days_late = deadline.days_late

    @api.depends("name", "project_id")
    def _compute_display_name(self):
        for notice in self:
            project = notice.project_id.sudo().name or ""
            notice.display_name = (
                f"{notice.name} {project}" if notice.name != "/" else project
            )

    # -- guard ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                [vals.get("project_id") for vals in vals_list if vals.get("project_id")]
            )
            for project in projects.sudo():
                if not project._scm_acts_as_pm(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager of %(project)s may draft "
                            "its initiation notice.",
                            project=project.display_name,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            for notice in self:
                if notice.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is issued: it can no longer be changed.",
                            doc=notice.display_name,
                        )
                    )
            self._scm_check_pm(_("edit"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(_("An initiation notice is never deleted."))
        return super().unlink()

    # -- steps -------------------------------------------------------------------------
    def _scm_missing_content(self):
        """Labels of the PRJ-INIT-03 contents the notice lacks."""
        self.ensure_one()
        missing = []
        if not self.project_id.sudo().user_id:
            missing.append(_("the appointed project manager"))
        if not (self.work_content or "").strip():
            missing.append(_("the work content"))
        if not (self.date_start and self.date_end):
            missing.append(_("the working time"))
        if not (self.pm_powers or "").strip():
            missing.append(_("the PM's powers and responsibilities"))
        if not self.project_id.sudo().scm_member_ids.filtered(
            lambda m: m.side == "aa" and m.active
        ):
            missing.append(_("the project team"))
        return missing

    def action_scm_issue(self):
        """Issue the notice (PRJ-INIT-01..04, PRJ-TRK-02)."""
        for notice in self:
            notice._scm_check_pm(_("issue"))
            project = notice.project_id.sudo()
            if notice.state != "draft":
                raise UserError(
                    _("%(doc)s is already issued.", doc=notice.display_name)
                )
            if project.scm_contract_type == "network":
                raise UserError(
                    _(
                        "%(project)s is a network engineering project: it is "
                        "initiated through the equipment project's own "
                        "initiation (SUP-EPM-01).",
                        project=project.display_name,
                    )
                )
            project._scm_check_not_closed()
            project._scm_check_phase(("initiation",), _("initiated"))
            missing = notice._scm_missing_content()
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot be issued without %(missing)s (PRJ-INIT-03).",
                        doc=notice.display_name,
                        missing=", ".join(missing),
                    )
                )
            if notice.date_end < notice.date_start:
                raise UserError(_("The working time ends before it starts."))
            today = fields.Date.context_today(notice)
            notice._scm_step_write(
                {
                    "state": "issued",
                    "issued_date": today,
                    "issued_by_id": self.env.user.id,
                }
            )
            project._scm_step_write(
                {
                    "scm_initiated_date": today,
                    "scm_phase": PHASE_AFTER_INITIATION.get(
                        project.scm_contract_type, "kickoff"
                    ),
                }
            )
            notice._scm_deadline_close("PRJ-INIT-01")
            notice._scm_distribute()
            notice._scm_request_hq_members()
            project.message_post(
                body=_(
                    "Initiation notice %(doc)s issued by %(user)s.",
                    doc=notice.display_name,
                    user=self.env.user.name,
                )
            )
            # The number last: its serial is reserved until the transaction
            # ends (scm.numbering).
            notice._scm_step_write({"name": notice._scm_next_number()})
        return True

    def _scm_next_number(self):
        self.ensure_one()
        company = self.company_id.sudo()
        code = company.scm_code or str(company.id)
        year = fields.Date.context_today(self).year
        prefix = f"LX{code}-{year}-"
        return (
            self.env["scm.numbering"]
            .sudo()
            .next_number(prefix, prefix + "{serial}", document=self)
        )

    def _scm_distribution_list(self):
        """PRJ-TRK-02: MSD, Finance, Audit one copy each, the initiating
        unit keeps one; PRJ-INIT-02: the filing copy goes to MCD from a
        branch PM, to the branch from an HQ PM."""
        self.ensure_one()
        ref = self.env.ref
        project = self.project_id.sudo()
        branch = {"recipient_company_id": project.company_id.id}
        mcd = {"recipient_department_id": ref("scm_base.dept_mcd").id}
        if project.scm_pm_unit == "branch":
            initiator, filing = branch, mcd
        else:
            initiator, filing = mcd, branch
        lines = [
            {"recipient_department_id": ref("scm_base.dept_msd").id},
            {"recipient_department_id": ref("scm_base.dept_finance").id},
            {"recipient_department_id": ref("scm_base.dept_audit").id},
            {**initiator, "copy_type": "original"},
        ]
        # An HQ project without a branch has nobody else to file with.
        if filing != branch or project.company_id != self.env["res.company"]._scm_hq():
            lines.append({**filing, "copy_type": "copy"})
        return lines

    def _scm_request_hq_members(self):
        """PRJ-INIT-04: without an MRD, Software or QC member and without a
        request to those units, MCD's manager is asked to assign them."""
        self.ensure_one()
        project = self.project_id.sudo()
        roles = set(
            project.scm_member_ids.filtered(
                lambda m: m.side == "aa" and m.active
            ).mapped("role")
        )
        units = self.env["hr.department"]
        for xmlid in HQ_SUPPORT_ROLES.values():
            units |= self.env.ref(xmlid)
        requests = (
            self.env["scm.project.coordination"]
            .sudo()
            .search_count(
                [
                    ("project_id", "=", project.id),
                    ("department_id", "in", units.ids),
                    ("state", "not in", ("draft", "cancelled")),
                ]
            )
        )
        if roles & set(HQ_SUPPORT_ROLES) or requests:
            return False
        manager = project._scm_mcd_manager()
        if not manager:
            return False
        return self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("Assign MRD, Software and QC members (PRJ-INIT-04)"),
            note=_(
                "%(project)s was initiated without requirement, software or QC "
                "members and without a request to those units: assign them.",
                project=project.display_name,
            ),
            user_id=manager.id,
        )

    def action_open_project(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": self.project_id.id,
            "view_mode": "form",
        }
