from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The plans of a customer project (PRJ-SC-01..03, PRJ-TRK-03, PRJ-KICK-05,
# FORMS.md 42, 43, 48, 49, 50).
PLAN_TYPES = [
    ("overall", "Overall Project Implementation Plan"),
    ("requirement", "Requirement Work Plan Sheet"),
    ("software", "Software Work Plan Sheet"),
    ("qc", "QC Work Plan Sheet"),
    ("schedule", "Project Implementation Schedule"),
]
# The four plans a project in execution must have (PRJ-SC-03).
REQUIRED_PLAN_TYPES = ("overall", "requirement", "software", "qc")
# A contract project's 《需求工作计划表》 (PRJ-SC-02) is ONE document: the
# development's requirement work plan (scm.dev.req.plan, devreq), which has
# what the rule asks: the requirement lead prepares it from the issued
# overall plan, the MRD Manager reviews it within 2 WD and its approval
# sends one copy to QC and one to Software, who base their plans on it.
# The "requirement" plan sheet here (issued by MRD without review, copies
# to MCD and Audit) was a second path to the same sheet: it is no longer
# made (`_scm_check_may_create`); its type stays for the sheets already
# recorded, and the approved requirement work plan counts as the project's
# requirement plan (project.project._scm_missing_plan_types).
RETIRED_PLAN_TYPES = ("requirement",)
# The unit that prepares a work plan sheet; the overall plan and the schedule
# are the PM's (the branch or MCD).
PREPARING_UNITS = {
    "requirement": "scm_base.dept_mrd",
    "software": "scm_base.dept_software",
    "qc": "scm_base.dept_qc",
}
# The track of the plan's lines (PRJ-TRK-07).
PLAN_TRACKS = {
    "overall": "overall",
    "requirement": "requirement",
    "software": "software",
    "qc": "qc",
    "schedule": "implementation",
}
STATES = [
    ("draft", "Draft"),
    ("issued", "Issued"),
    ("approved", "Adopted"),
]
# A plan in force: its dates move only by a delay notice (PRJ-TRK-05).
ISSUED_STATES = ("issued", "approved")
# Phases in which a project is in execution (PRJ-SC-03).
EXECUTION_PHASES = ("research", "elements", "runin")


class ScmProjectPlan(models.Model):
    """A plan of a customer project: the PM's overall plan, the work plan
    sheets of MRD, the Software Dept and the QC Dept made from it, and the
    implementation schedule both sides sign and seal at the kick-off. Its
    lines are tasks of the project, each with its track, planned and actual
    dates and responsible unit."""

    _name = "scm.project.plan"
    _description = "Project Plan"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.distribution.mixin",
        "scm.signature.mixin",
    ]
    _order = "project_id, plan_type_sequence, id"
    _rec_names_search = ["name", "project_id"]
    _scm_customer_seal_required = True
    _scm_step_fields = (
        "name",
        "state",
        "overall_plan_id",
        "prepared_by_id",
        "issued_by_id",
        "issued_date",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    plan_type = fields.Selection(
        PLAN_TYPES, string="Plan", required=True, index=True, tracking=True
    )
    plan_type_sequence = fields.Integer(
        compute="_compute_plan_type_sequence", store=True
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
    overall_plan_id = fields.Many2one(
        "scm.project.plan",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The issued overall plan this plan is made from (PRJ-SC-03).",
    )
    preparer_department_id = fields.Many2one(
        "hr.department",
        string="Preparing Unit",
        compute="_compute_preparer_department_id",
        store=True,
        help="MRD, the Software Dept or the QC Dept for their work plan "
        "sheets; the overall plan and the schedule are prepared by the PM.",
    )
    description = fields.Text(
        string="Content and Methods",
        help="What is done, by whom and how; the dated lines are below.",
    )
    task_ids = fields.One2many("project.task", "scm_plan_id", string="Plan Lines")
    task_count = fields.Integer(compute="_compute_task_count", string="Lines")
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    issued_date = fields.Date(string="Issued On", readonly=True, copy=False)
    late_task_count = fields.Integer(
        compute="_compute_task_count", string="Lines Behind Plan"
    )

    _sql_constraints = [
        (
            "one_plan_per_type",
            "unique(project_id, plan_type)",
            "A project has one plan of each type.",
        )
    ]

    # -- computes ------------------------------------------------------------
    @api.depends("plan_type")
    def _compute_plan_type_sequence(self):
        order = [key for key, __ in PLAN_TYPES]
        for plan in self:
            plan.plan_type_sequence = (
                order.index(plan.plan_type) if plan.plan_type else 0
            )

    @api.depends("plan_type")
    def _compute_preparer_department_id(self):
        for plan in self:
            unit = PREPARING_UNITS.get(plan.plan_type)
            plan.preparer_department_id = unit and self.env.ref(unit)

    def _compute_task_count(self):
        for plan in self:
            tasks = plan.sudo().task_ids
            plan.task_count = len(tasks)
            plan.late_task_count = len(tasks.filtered("scm_late"))

    @api.depends("name", "plan_type", "project_id")
    def _compute_display_name(self):
        labels = dict(self._fields["plan_type"]._description_selection(self.env))
        for plan in self:
            parts = [labels.get(plan.plan_type, "")]
            if plan.name and plan.name != "/":
                parts.insert(0, plan.name)
            plan.display_name = " ".join(p for p in parts if p)

    # -- roles -------------------------------------------------------------------
    def _scm_unit_plan(self):
        self.ensure_one()
        return self.plan_type in PREPARING_UNITS

    def _scm_is_preparer(self, user):
        """The PM prepares the overall plan and the schedule; the unit's
        people prepare their work plan sheet."""
        self.ensure_one()
        project = self.project_id.sudo()
        if user.has_group("scm_base.group_scm_admin"):
            return True
        if self._scm_unit_plan():
            return user._scm_is_member_of_unit(self.preparer_department_id)
        return project._scm_acts_as_pm(user)

    def _scm_issuers(self):
        """Who issues the plan: the PM for the overall plan and the schedule,
        the preparing unit's manager for a work plan sheet."""
        self.ensure_one()
        if self._scm_unit_plan():
            return self.preparer_department_id.sudo()._scm_manager_user()
        return self.project_id.sudo().user_id

    def _scm_check_issuer(self, action):
        user = self.env.user
        for plan in self:
            if user.has_group("scm_base.group_scm_admin"):
                continue
            if not self.env["scm.delegation"]._scm_acts_for(
                user, plan._scm_issuers(), self._name
            ):
                raise UserError(
                    _(
                        "Only %(who)s may %(action)s %(doc)s.",
                        who=plan._scm_issuers().name,
                        action=action,
                        doc=plan.display_name,
                    )
                )

    def _scm_check_preparer(self, action):
        for plan in self:
            if not plan._scm_is_preparer(self.env.user):
                raise UserError(
                    _(
                        "Only the unit that prepares %(doc)s may %(action)s it.",
                        doc=plan.display_name,
                        action=action,
                    )
                )

    # -- CRUD ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # The lines are written once the plan and its preparer are checked.
        lines = [vals.pop("task_ids", None) for vals in vals_list]
        # Who may make which plan is checked before anything is written.
        for vals in vals_list:
            draft = self.new(
                {
                    "project_id": vals.get("project_id"),
                    "plan_type": vals.get("plan_type"),
                }
            )
            draft._scm_check_may_create()
            draft._scm_overall_plan()
        plans = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for plan, commands in zip(plans, lines, strict=True):
            if commands:
                plan.sudo()._scm_write_lines(commands)
            overall = plan._scm_overall_plan()
            plan._scm_step_write(
                {
                    "name": sequence.next_by_code("scm.project.plan") or "/",
                    "prepared_by_id": self.env.user.id,
                    "overall_plan_id": overall.id,
                }
            )
            plan._scm_follow_preparers()
        return plans

    def _scm_check_may_create(self):
        """PRJ-SC-01: the overall plan is made once the project is initiated,
        by its PM; PRJ-SC-03: the other plans are made from the issued
        overall plan, by their preparing unit or by the PM who organises
        them."""
        self.ensure_one()
        project = self.project_id.sudo()
        if self.env.su:
            return
        if self.plan_type in RETIRED_PLAN_TYPES:
            raise UserError(
                _(
                    "The requirement work plan sheet of %(project)s is the "
                    "requirement work plan of its development: MRD prepares "
                    "it there, the MRD Manager reviews it (PRJ-SC-02).",
                    project=project.display_name,
                )
            )
        if not project.scm_contract_id:
            raise UserError(_("A plan belongs to a customer project."))
        project._scm_check_not_closed()
        if not project.scm_initiated_date:
            raise UserError(
                _(
                    "%(project)s has no issued initiation notice yet: its plans "
                    "are made once it is initiated (PRJ-SC-01).",
                    project=project.display_name,
                )
            )
        user = self.env.user
        if not (self._scm_is_preparer(user) or project._scm_acts_as_pm(user)):
            raise UserError(
                _(
                    "Only the project manager of %(project)s or the unit that "
                    "prepares it may make %(doc)s.",
                    project=project.display_name,
                    doc=self.display_name,
                )
            )

    def _scm_overall_plan(self):
        """The issued overall plan a work plan or the schedule is made from."""
        self.ensure_one()
        if self.plan_type == "overall":
            return self.browse()
        overall = self.sudo().search(
            [
                ("project_id", "=", self.project_id.id),
                ("plan_type", "=", "overall"),
                ("state", "in", ISSUED_STATES),
            ],
            limit=1,
        )
        if not overall and not self.env.su:
            raise UserError(
                _(
                    "%(doc)s is made from the issued overall plan of "
                    "%(project)s: issue the overall plan first (PRJ-SC-03).",
                    doc=self.display_name,
                    project=self.project_id.sudo().display_name,
                )
            )
        return overall

    def _scm_follow_preparers(self):
        """The preparing unit's manager follows the plan."""
        self.ensure_one()
        if self._scm_unit_plan():
            manager = self.preparer_department_id.sudo().manager_id.user_id
            if manager:
                self.sudo().message_subscribe(partner_ids=manager.partner_id.ids)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if "plan_type" in vals and any(
                plan.plan_type != vals["plan_type"] for plan in self
            ):
                raise UserError(_("A plan keeps its type."))
            for plan in self:
                if plan.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is issued: its dates change only through a "
                            "Project Execution Status Notice (PRJ-TRK-05).",
                            doc=plan.display_name,
                        )
                    )
                plan._scm_check_preparer(_("edit"))
                if plan._scm_signing_started():
                    raise UserError(
                        _(
                            "%(doc)s is being signed: it no longer changes.",
                            doc=plan.display_name,
                        )
                    )
        if "task_ids" in vals:
            # The plan lines are written by the plan's preparer, checked
            # above; the unit's people need not work the project itself.
            vals = dict(vals)
            commands = vals.pop("task_ids")
            res = super().write(vals) if vals else True
            for plan in self:
                plan.sudo()._scm_write_lines(commands)
            return res
        return super().write(vals)

    def _scm_write_lines(self, commands):
        """Plan lines: new lines belong to the plan's project, track and
        (by default) unit; lines of another plan are not touched."""
        self.ensure_one()
        Task = self.env["project.task"].sudo()
        track = PLAN_TRACKS[self.plan_type]
        blocked = ("project_id", "scm_plan_id", "scm_deviation_reported")
        for command in commands or []:
            if not isinstance(command, list | tuple) or not command:
                continue
            code = command[0]
            if code == 0:
                values = {
                    key: value
                    for key, value in (command[2] or {}).items()
                    if key not in blocked
                }
                values.update(
                    {
                        "project_id": self.project_id.id,
                        "scm_plan_id": self.id,
                        "scm_track": track,
                    }
                )
                if not values.get("scm_responsible_department_id"):
                    values["scm_responsible_department_id"] = (
                        self._scm_default_unit().id
                    )
                Task.create(values)
                continue
            if code not in (1, 2, 3):
                # 4 (link), 5 and 6 (replace all) are not used by the form.
                continue
            task = Task.browse(command[1]).exists()
            if task.scm_plan_id != self:
                raise UserError(_("A plan edits only its own lines."))
            if code == 1:
                task.write(
                    {
                        key: value
                        for key, value in (command[2] or {}).items()
                        if key not in blocked
                    }
                )
            else:
                task.unlink()

    def _scm_default_unit(self):
        self.ensure_one()
        if self.preparer_department_id:
            return self.preparer_department_id
        project = self.project_id.sudo()
        if project.scm_pm_unit == "hq":
            return self.env.ref("scm_base.dept_mcd")
        return self.env["hr.department"]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    _("%(doc)s was issued and is kept.", doc=plan.display_name)
                )

    def unlink(self):
        if not self.env.su:
            self._scm_check_preparer(_("delete"))
        self.sudo().task_ids.unlink()
        return super().unlink()

    # -- steps -------------------------------------------------------------------
    def _scm_check_ready(self):
        self.ensure_one()
        self.project_id.sudo()._scm_check_not_closed()
        if self.state != "draft":
            raise UserError(_("%(doc)s is already issued.", doc=self.display_name))
        lines = self.sudo().task_ids
        if not lines:
            raise UserError(_("%(doc)s has no dated lines yet.", doc=self.display_name))
        undated = lines.filtered(
            lambda t: not (t.scm_planned_start and t.scm_planned_end)
        )
        if undated:
            raise UserError(
                _(
                    "Every line of %(doc)s needs its planned start and end: %(lines)s.",
                    doc=self.display_name,
                    lines=", ".join(undated.mapped("name")),
                )
            )

    def action_issue(self):
        """The preparer issues the plan (the PM the overall plan, the unit's
        manager a work plan sheet) and its copies go out (PRJ-TRK-03)."""
        for plan in self:
            if plan.plan_type == "schedule":
                raise UserError(
                    _(
                        "The implementation schedule is adopted when both sides "
                        "have signed and sealed it (PRJ-KICK-05)."
                    )
                )
            plan._scm_check_issuer(_("issue"))
            plan._scm_check_ready()
            plan._scm_step_write(
                {
                    "state": "issued",
                    "issued_by_id": self.env.user.id,
                    "issued_date": fields.Date.context_today(plan),
                }
            )
            plan._scm_distribute()
        return True

    # -- the schedule's signatures (PRJ-KICK-05) -------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        if self.plan_type != "schedule":
            return []
        project = self.project_id.sudo()
        seal_keeper = (
            project.company_id.scm_manager_id
            if project.scm_pm_unit == "branch"
            else project._scm_mcd_manager()
        ) or project.user_id
        return [
            {
                "slot": "aa_lead",
                "name": _("AA project lead"),
                "required_user_id": project.user_id.id,
            },
            {
                "slot": "aa_seal",
                "name": _("AA company seal"),
                "required_user_id": seal_keeper.id,
            },
        ]

    def _scm_signing_started(self):
        self.ensure_one()
        return bool(
            self.customer_signed_date
            or self.sudo().scm_signature_ids.filtered(lambda s: s.state == "signed")
        )

    def action_sign_aa(self):
        """The AA project lead signs the schedule."""
        return self._scm_sign_schedule("aa_lead")

    def action_seal_aa(self):
        """The keeper of AA's seal (the branch manager, or MCD's manager for
        HQ) affixes it."""
        return self._scm_sign_schedule("aa_seal")

    def _scm_sign_schedule(self, slot):
        self.ensure_one()
        if self.plan_type != "schedule":
            raise UserError(_("Only the implementation schedule is signed."))
        self._scm_check_ready()
        self.action_scm_sign(slot)
        return True

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if self.plan_type != "schedule":
            raise UserError(_("The customer signs only the implementation schedule."))
        self._scm_check_ready()

    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self._scm_check_pm(_("record the customer's signature on"))

    def action_adopt(self):
        """PRJ-KICK-05: the schedule is adopted once both sides' project
        leads signed it and both companies' seals are affixed; 4 copies, 2
        for each side."""
        for plan in self:
            if plan.plan_type != "schedule":
                raise UserError(_("Only the implementation schedule is adopted."))
            plan._scm_check_pm(_("adopt"))
            plan._scm_check_ready()
            missing = plan._scm_missing_signatures()
            if missing:
                raise UserError(
                    _(
                        "%(doc)s is adopted only when signed and sealed by both "
                        "sides: %(names)s missing (PRJ-KICK-05).",
                        doc=plan.display_name,
                        names=", ".join(missing.mapped("name")),
                    )
                )
            if not (plan.customer_signed_date and plan.customer_sealed):
                raise UserError(
                    _(
                        "%(doc)s is adopted only with the customer's project "
                        "lead's signature and the customer's seal "
                        "(PRJ-KICK-05).",
                        doc=plan.display_name,
                    )
                )
            plan._scm_step_write(
                {
                    "state": "approved",
                    "issued_by_id": self.env.user.id,
                    "issued_date": fields.Date.context_today(plan),
                }
            )
            plan._scm_distribute()
        return True

    # -- distribution (PRJ-TRK-03, PRJ-KICK-05) ---------------------------------------
    def _scm_preparer_recipient(self):
        """The preparing unit keeps one copy: the unit for a work plan
        sheet, the PM's branch (or the PM at HQ) for the overall plan and
        the schedule."""
        self.ensure_one()
        if self.preparer_department_id:
            return {"recipient_department_id": self.preparer_department_id.id}
        project = self.project_id.sudo()
        if project.scm_pm_unit == "branch":
            return {"recipient_company_id": project.company_id.id}
        return {"recipient_user_id": project.user_id.id}

    def _scm_distribution_list(self):
        self.ensure_one()
        ref = self.env.ref
        project = self.project_id.sudo()
        if self.plan_type == "schedule":
            return [
                {**self._scm_preparer_recipient(), "copy_type": "original"},
                {"recipient_user_id": project.user_id.id, "copy_type": "original"},
                {
                    "recipient_partner_id": project.partner_id.id,
                    "copy_type": "original",
                    "quantity": 2,
                },
            ]
        units = ["scm_base.dept_mcd", "scm_base.dept_audit"]
        if self.plan_type == "overall":
            units += ["scm_base.dept_msd", "scm_base.dept_finance"]
        return [
            {**self._scm_preparer_recipient(), "copy_type": "original"},
            *(
                {"recipient_department_id": ref(unit).id, "copy_type": "copy"}
                for unit in units
            ),
        ]

    # -- actions -------------------------------------------------------------------
    def action_open_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Plan Lines"),
            "res_model": "project.task",
            "view_mode": "list,pivot,graph",
            "views": [
                (self.env.ref("scm_projects.view_task_plan_vs_actual_list").id, "list"),
                (False, "pivot"),
                (False, "graph"),
            ],
            "domain": [("scm_plan_id", "=", self.id)],
        }

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "scm_projects.action_report_scm_project_plan"
        ).report_action(self)
