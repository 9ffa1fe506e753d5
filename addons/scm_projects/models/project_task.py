from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The tracks whose plan and progress the PM compares (PRJ-TRK-07).
TRACKS = [
    ("overall", "Overall Plan"),
    ("requirement", "Requirements"),
    ("software", "Software Development"),
    ("qc", "QC"),
    ("implementation", "Branch Implementation"),
]


class ProjectTask(models.Model):
    """A plan line of a customer project: its track, planned and actual dates."""

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

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        if not self.env.su:
            tasks.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return tasks

    def write(self, vals):
        if not self.env.su:
            self.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return super().unlink()
