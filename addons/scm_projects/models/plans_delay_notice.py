from odoo import _, api, fields, models
from odoo.exceptions import UserError

STATES = [
    ("draft", "Draft"),
    ("submitted", "Awaiting Signatures"),
    ("done", "In Force"),
    ("cancelled", "Withdrawn"),
]
# The content an internal notice reports to MCD (PRJ-TRK-06).
INTERNAL_FIELDS = ("result_evaluation", "customer_opinion", "existing_problems")
# Days of notice a delay needs before the affected line's planned end
# (PRJ-TRK-05: "2 days in advance"). The manual writes 2日 without 工作, so
# these are calendar days (REQUIREMENTS.md §0, ORG-RULE-02).
NOTICE_DAYS = 2


class ScmProjectDelayNotice(models.Model):
    """《项目执行情况通知单》, the Project Execution Status Notice: a delay or
    a change of an issued plan's dates, given 2 days before the affected
    lines end (PRJ-TRK-05/06, FORMS.md 62).

    External: the responsible department notifies the customer; the PM and
    the customer sign it, then the new dates apply and 6 copies go out
    (customer, PM, MCD, MSD, Supervision, Finance). Internal: a department
    that will not finish on plan reports to MCD with the evaluation of
    results, the customer's opinion and the existing problems; issuing it
    applies the new dates and copies go to MCD, the issuer, MSD, Supervision
    and Finance."""

    _name = "scm.project.delay.notice"
    _description = "Project Execution Status Notice"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.distribution.mixin",
        "scm.signature.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "project_id"]
    _scm_step_fields = (
        "name",
        "state",
        "notice_date",
        "submitted_by_id",
        "applied_date",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    scope = fields.Selection(
        [
            ("external", "External (to the customer)"),
            ("internal", "Internal (to MCD)"),
        ],
        required=True,
        default="external",
        tracking=True,
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    issuer_department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        required=True,
        tracking=True,
        help="The department whose plan lines are late or change.",
    )
    reason = fields.Text(string="Delay or Change", required=True)
    result_evaluation = fields.Text(string="Evaluation of Results")
    customer_opinion = fields.Text(string="Customer's Opinion")
    existing_problems = fields.Text()
    line_ids = fields.One2many(
        "scm.project.delay.notice.line", "notice_id", string="Affected Plan Lines"
    )
    notice_date = fields.Date(
        readonly=True,
        copy=False,
        help="The day the notice was submitted (external) or issued (internal).",
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    applied_date = fields.Date(string="New Dates Applied On", readonly=True, copy=False)
    late = fields.Boolean(
        string="Late Notice",
        compute="_compute_late",
        store=True,
        help="Dated less than 2 calendar days before an affected line's "
        "planned end (PRJ-TRK-05).",
    )

    @api.depends("line_ids.late")
    def _compute_late(self):
        for notice in self:
            notice.late = any(notice.line_ids.mapped("late"))

    @api.depends("name", "project_id")
    def _compute_display_name(self):
        for notice in self:
            project = notice.project_id.sudo().display_name or ""
            notice.display_name = (
                f"{notice.name} {project}".strip() if notice.name != "/" else project
            )

    # -- roles ---------------------------------------------------------------
    def _scm_may_issue(self, user):
        """The responsible department's people, or the project's AA side."""
        self.ensure_one()
        return user._scm_is_member_of_unit(
            self.issuer_department_id
        ) or self.project_id.sudo()._scm_is_worker(user)

    def _scm_check_issuer(self, action):
        for notice in self:
            if not notice._scm_may_issue(self.env.user):
                raise UserError(
                    _(
                        "Only the responsible department or the project team "
                        "may %(action)s %(doc)s.",
                        action=action,
                        doc=notice.display_name,
                    )
                )

    # -- CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                draft = self.new(
                    {
                        "project_id": vals.get("project_id"),
                        "issuer_department_id": vals.get("issuer_department_id"),
                    }
                )
                if not draft.project_id.sudo().scm_contract_id:
                    raise UserError(_("A notice belongs to a customer project."))
                draft._scm_check_issuer(_("write"))
        notices = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for notice in notices:
            notice._scm_step_write(
                {"name": sequence.next_by_code("scm.project.delay.notice") or "/"}
            )
        return notices

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            for notice in self:
                if notice.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s was submitted and no longer changes.",
                            doc=notice.display_name,
                        )
                    )
                notice._scm_check_issuer(_("edit"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        for notice in self:
            if notice.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was submitted and is kept.",
                        doc=notice.display_name,
                    )
                )

    # -- steps ---------------------------------------------------------------
    def _scm_check_content(self):
        self.ensure_one()
        self.project_id.sudo()._scm_check_not_closed()
        if self.state != "draft":
            raise UserError(_("%(doc)s was already submitted.", doc=self.display_name))
        if not self.line_ids:
            raise UserError(
                _(
                    "%(doc)s names no plan line and its new dates.",
                    doc=self.display_name,
                )
            )
        self.line_ids._scm_check_line()
        if self.scope == "internal":
            labels = [
                self._fields[name]._description_string(self.env)
                for name in INTERNAL_FIELDS
                if not (self[name] or "").strip()
            ]
            if labels:
                raise UserError(
                    _(
                        "An internal notice reports to MCD on %(fields)s (PRJ-TRK-06).",
                        fields=", ".join(labels),
                    )
                )

    def action_submit(self):
        """The responsible department submits the notice: an external one
        goes to the PM and the customer for their signatures, an internal
        one is issued to MCD and its new dates apply at once."""
        for notice in self:
            notice._scm_check_issuer(_("submit"))
            notice._scm_check_content()
            today = fields.Date.context_today(notice)
            notice.line_ids._scm_snapshot()
            notice._scm_step_write(
                {
                    "notice_date": today,
                    "submitted_by_id": self.env.user.id,
                    "state": "submitted",
                }
            )
            if notice.late:
                notice.sudo().message_post(
                    body=_(
                        "Late notice: given less than %(days)s days before the "
                        "planned end of %(lines)s (PRJ-TRK-05).",
                        days=NOTICE_DAYS,
                        lines=", ".join(
                            notice.line_ids.filtered("late")
                            .task_id.sudo()
                            .mapped("name")
                        ),
                    )
                )
            if notice.scope == "internal":
                notice._scm_apply()
            else:
                notice._scm_signature_prepare()
        return True

    def _scm_signature_slots(self):
        self.ensure_one()
        if self.scope != "external":
            return []
        return [
            {
                "slot": "pm",
                "name": _("Project manager"),
                "required_user_id": self.project_id.sudo().user_id.id,
            }
        ]

    def action_sign_pm(self):
        """The PM signs the external notice (PRJ-TRK-05)."""
        self.ensure_one()
        if self.scope != "external" or self.state != "submitted":
            raise UserError(
                _(
                    "%(doc)s is not awaiting the project manager's signature.",
                    doc=self.display_name,
                )
            )
        self._scm_check_pm(_("sign"))
        self.action_scm_sign("pm")
        if self.customer_signed_date:
            self._scm_apply()
        return True

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if self.scope != "external" or self.state != "submitted":
            raise UserError(
                _(
                    "%(doc)s is not awaiting the customer's signature.",
                    doc=self.display_name,
                )
            )

    def _scm_on_customer_signed(self):
        self.ensure_one()
        if not self._scm_missing_signatures():
            self._scm_apply()

    def _scm_apply(self):
        """The new planned dates replace the old ones on the plan lines; the
        notice is in force and its copies go out."""
        self.ensure_one()
        for line in self.line_ids.sudo():
            values = {}
            if line.new_planned_start:
                values["scm_planned_start"] = line.new_planned_start
            if line.new_planned_end:
                values["scm_planned_end"] = line.new_planned_end
            line.task_id.sudo().write(values)
        self._scm_step_write(
            {"state": "done", "applied_date": fields.Date.context_today(self)}
        )
        self._scm_distribute()
        return True

    def action_withdraw(self):
        for notice in self:
            if notice.state not in ("draft", "submitted"):
                raise UserError(_("%(doc)s is in force.", doc=notice.display_name))
            notice._scm_check_issuer(_("withdraw"))
            notice._scm_step_write({"state": "cancelled"})
        return True

    # -- distribution (PRJ-TRK-05/06) -----------------------------------------
    def _scm_distribution_list(self):
        self.ensure_one()
        ref = self.env.ref
        project = self.project_id.sudo()
        hq = [
            {"recipient_department_id": ref(unit).id, "copy_type": "copy"}
            for unit in (
                "scm_base.dept_mcd",
                "scm_base.dept_msd",
                "scm_base.dept_supervision_center",
                "scm_base.dept_finance",
            )
        ]
        if self.scope == "external":
            return [
                {
                    "recipient_partner_id": project.partner_id.id,
                    "copy_type": "original",
                },
                {"recipient_user_id": project.user_id.id, "copy_type": "original"},
                *hq,
            ]
        return [
            {
                "recipient_department_id": self.issuer_department_id.id,
                "copy_type": "original",
            },
            *hq,
        ]

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "scm_projects.action_report_scm_project_delay_notice"
        ).report_action(self)
