from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .plans_project_plan import ISSUED_STATES

# The tracks whose plan and progress the PM compares (PRJ-TRK-07).
TRACKS = [
    ("overall", "Overall Plan"),
    ("requirement", "Requirements"),
    ("software", "Software Development"),
    ("qc", "QC"),
    ("implementation", "Branch Implementation"),
]

# What only a Project Execution Status Notice moves on a line of an issued
# plan (PRJ-TRK-05): its planned dates, and the timeline's dates that follow
# them.
PLANNED_FIELDS = (
    "scm_planned_start",
    "scm_planned_end",
    "planned_date_start",
    "planned_date_end",
)


class ProjectTask(models.Model):
    """A plan line of a customer project: its track, planned and actual
    dates; the plan it belongs to, the timeline's dates following the
    planned ones, and the deviation reported once (PRJ-TRK-07)."""

    _inherit = "project.task"

    scm_contract_id = fields.Many2one(
        related="project_id.scm_contract_id", store=True, string="Contract"
    )
    scm_track = fields.Selection(TRACKS, string="Track", index=True)
    scm_planned_start = fields.Date(string="Planned Start")
    scm_planned_end = fields.Date(string="Planned End")
    scm_actual_start = fields.Date(string="Actual Start")
    scm_actual_end = fields.Date(string="Actual End")
    scm_responsible_department_id = fields.Many2one(
        "hr.department", string="Responsible Unit"
    )
    scm_late = fields.Boolean(
        string="Behind Plan",
        compute="_compute_scm_late",
        search="_search_scm_late",
        help="Finished after its planned end, or not finished and its planned "
        "end has passed (PRJ-TRK-07).",
    )
    scm_days_late = fields.Integer(string="Days Behind", compute="_compute_scm_late")
    scm_finished_late = fields.Boolean(
        compute="_compute_scm_finished_late", store=True, string="Finished Late"
    )

    @api.depends("scm_planned_end", "scm_actual_end")
    def _compute_scm_finished_late(self):
        for task in self:
            task.scm_finished_late = bool(
                task.scm_planned_end
                and task.scm_actual_end
                and task.scm_actual_end > task.scm_planned_end
            )

    @api.depends("scm_planned_end", "scm_actual_end")
    def _compute_scm_late(self):
        today = fields.Date.context_today(self)
        for task in self:
            end = task.scm_actual_end or today
            late = bool(task.scm_planned_end) and end > task.scm_planned_end
            task.scm_late = late
            task.scm_days_late = (end - task.scm_planned_end).days if late else 0

    def _search_scm_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on tasks behind plan."))
        today = fields.Date.context_today(self)
        late = [
            ("scm_planned_end", "!=", False),
            "|",
            "&",
            ("scm_actual_end", "=", False),
            ("scm_planned_end", "<", today),
            ("scm_finished_late", "=", True),
        ]
        if (operator == "=") == value:
            return late
        return ["!", *late]

    @api.constrains(
        "scm_planned_start", "scm_planned_end", "scm_actual_start", "scm_actual_end"
    )
    def _check_scm_dates(self):
        for task in self:
            if (
                task.scm_planned_start
                and task.scm_planned_end
                and task.scm_planned_end < task.scm_planned_start
            ) or (
                task.scm_actual_start
                and task.scm_actual_end
                and task.scm_actual_end < task.scm_actual_start
            ):
                raise UserError(
                    _("%(task)s ends before it starts.", task=task.display_name)
                )

    # -- the plan it belongs to (PRJ-TRK-05)
    scm_plan_id = fields.Many2one(
        "scm.project.plan",
        string="Plan",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        copy=False,
    )
    scm_plan_type = fields.Selection(
        related="scm_plan_id.plan_type", store=True, string="Plan Type"
    )
    scm_deviation_reported = fields.Boolean(
        string="Deviation Reported",
        readonly=True,
        copy=False,
        help="The PM was given a coordination activity and the responsible "
        "unit an assessment entry for this line (PRJ-TRK-07).",
    )

    # -- the timeline follows the planned dates --------------------------------
    @api.depends("date_assign", "scm_planned_start")
    def _compute_planned_date_start(self):
        scm = self.filtered("scm_planned_start")
        for task in scm:
            task.planned_date_start = datetime.combine(task.scm_planned_start, time.min)
        return super(ProjectTask, self - scm)._compute_planned_date_start()

    @api.depends("date_end", "scm_planned_end")
    def _compute_planned_date_end(self):
        scm = self.filtered("scm_planned_end")
        for task in scm:
            task.planned_date_end = datetime.combine(
                task.scm_planned_end, time(23, 59, 59)
            )
        return super(ProjectTask, self - scm)._compute_planned_date_end()

    # -- guard (PRJ-TRK-05) ----------------------------------------------------------
    def _scm_guard_plan_write(self, vals):
        if "scm_plan_id" in vals and any(
            task.scm_plan_id.id != vals["scm_plan_id"] for task in self
        ):
            raise UserError(_("A plan line is added or removed in its plan."))
        if "scm_deviation_reported" in vals:
            raise UserError(
                _("The deviation of a plan line is reported by its own check.")
            )
        if "project_id" in vals and any(
            task.scm_plan_id and task.project_id.id != vals["project_id"]
            for task in self
        ):
            raise UserError(_("A plan line stays in its project."))
        if "active" in vals and any(
            task.sudo().scm_plan_id.state in ISSUED_STATES for task in self
        ):
            raise UserError(
                _(
                    "A line of an issued plan is kept; a Project Execution "
                    "Status Notice changes its dates (PRJ-TRK-05)."
                )
            )
        moved = set(PLANNED_FIELDS) & vals.keys()
        if not moved:
            return
        for task in self:
            plan = task.sudo().scm_plan_id
            if plan.state not in ISSUED_STATES:
                continue
            changed = [
                name
                for name in moved
                if task._fields[name].convert_to_write(task[name], task)
                != task._fields[name].convert_to_write(
                    task._fields[name].convert_to_cache(vals[name], task), task
                )
            ]
            if changed:
                raise UserError(
                    _(
                        "%(task)s is a line of the issued %(plan)s: its planned "
                        "dates change only through a Project Execution Status "
                        "Notice (《项目执行情况通知单》, PRJ-TRK-05).",
                        task=task.display_name,
                        plan=plan.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("scm_plan_id") or vals.get("scm_deviation_reported"):
                    raise UserError(
                        _("A plan line is added in its plan, not on its own.")
                    )
        tasks = super().create(vals_list)
        if not self.env.su:
            tasks.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return tasks

    def write(self, vals):
        if not self.env.su:
            self._scm_guard_plan_write(vals)
            self.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        res = super().write(vals)
        if {"scm_actual_end", "scm_actual_start", "scm_planned_end"} & vals.keys():
            self._scm_report_deviations()
        return res

    def unlink(self):
        if not self.env.su:
            if self.sudo().filtered("scm_plan_id"):
                raise UserError(
                    _(
                        "A plan line is removed in its draft plan; the lines of "
                        "an issued plan are kept."
                    )
                )
            self.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return super().unlink()

    # -- plan vs actual (PRJ-TRK-07) --------------------------------------------------
    def _scm_deviation_domain(self):
        today = fields.Date.context_today(self)
        return [
            ("scm_plan_id.state", "in", ISSUED_STATES),
            ("scm_deviation_reported", "=", False),
            ("scm_planned_end", "!=", False),
            "|",
            "&",
            ("scm_actual_end", "=", False),
            ("scm_planned_end", "<", today),
            ("scm_finished_late", "=", True),
        ]

    def _scm_report_deviations(self):
        """A line behind plan (finished after its planned end, or past it
        unfinished): the PM gets a coordination activity, the responsible
        unit's manager an assessment entry, once per line."""
        tasks = self.sudo().filtered_domain(self._scm_deviation_domain())
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        Entry = self.env["scm.assessment.entry"]
        for task in tasks:
            project = task.project_id
            plan = task.scm_plan_id
            pm = project.user_id
            days = task.scm_days_late
            if pm:
                task.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=_(
                        "Coordinate the plan: %(task)s is %(days)s days behind",
                        task=task.name,
                        days=days,
                    ),
                    note=_(
                        "%(task)s of %(plan)s was planned to end on %(end)s. "
                        "Coordinate the adjustment with the units concerned "
                        "(PRJ-TRK-07).",
                        task=task.name,
                        plan=plan.display_name,
                        end=task.scm_planned_end,
                    ),
                    user_id=pm.id,
                )
            manager = task._scm_responsible_manager()
            if manager:
                Entry._scm_add(
                    manager,
                    "plan_deviation",
                    _(
                        "%(task)s of %(plan)s behind plan by %(days)s days "
                        "(planned end %(end)s).",
                        task=task.name,
                        plan=plan.display_name,
                        days=days,
                        end=task.scm_planned_end,
                    ),
                    document=task,
                )
            task.write({"scm_deviation_reported": True})
        return tasks

    def _scm_responsible_manager(self):
        """The manager of the line's unit, else of the plan's preparer: the
        branch manager or the PM for the overall plan and the schedule."""
        self.ensure_one()
        unit = (
            self.scm_responsible_department_id
            or self.scm_plan_id.preparer_department_id
        )
        manager = unit.sudo().manager_id.user_id
        if manager:
            return manager
        project = self.project_id.sudo()
        if project.scm_pm_unit == "branch" and project.company_id.scm_manager_id:
            return project.company_id.scm_manager_id
        return project.user_id

    @api.model
    def _cron_scm_plan_deviations(self):
        """Daily: lines of issued plans past their planned end."""
        tasks = self.sudo().search(self._scm_deviation_domain())
        return tasks._scm_report_deviations()
