from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .plans_delay_notice import NOTICE_DAYS
from .plans_project_plan import ISSUED_STATES


class ScmProjectDelayNoticeLine(models.Model):
    """A plan line a notice moves: its dates before and the new ones, and
    how many calendar days before its planned end the notice was given."""

    _name = "scm.project.delay.notice.line"
    _description = "Project Execution Status Notice Line"
    _order = "notice_id, id"

    notice_id = fields.Many2one(
        "scm.project.delay.notice",
        required=True,
        index=True,
        ondelete="cascade",
    )
    project_id = fields.Many2one(related="notice_id.project_id", store=True)
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    task_id = fields.Many2one(
        "project.task",
        string="Plan Line",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('project_id', '=', project_id), ('scm_plan_id', '!=', False)]",
    )
    scm_track = fields.Selection(related="task_id.scm_track")
    old_planned_start = fields.Date(
        string="Planned Start",
        compute="_compute_old_dates",
        store=True,
        help="The planned start when the notice was submitted.",
    )
    old_planned_end = fields.Date(
        string="Planned End",
        compute="_compute_old_dates",
        store=True,
        help="The planned end when the notice was submitted.",
    )
    new_planned_start = fields.Date()
    new_planned_end = fields.Date()
    days_notice = fields.Integer(
        string="Days of Notice",
        compute="_compute_late",
        store=True,
        help="Calendar days between the notice and the line's planned end.",
    )
    late = fields.Boolean(
        string="Late Notice",
        compute="_compute_late",
        store=True,
        help="Given less than 2 calendar days before the line's planned end "
        "(PRJ-TRK-05).",
    )

    @api.depends("task_id")
    def _compute_display_name(self):
        # The plan line it moves; whoever reads the notice reads its name.
        for line in self:
            line.display_name = line.task_id.sudo().name or ""

    @api.depends("task_id")
    def _compute_old_dates(self):
        for line in self:
            task = line.task_id.sudo()
            line.old_planned_start = task.scm_planned_start
            line.old_planned_end = task.scm_planned_end

    @api.depends("old_planned_end", "notice_id.notice_date")
    def _compute_late(self):
        for line in self:
            date = line.notice_id.notice_date
            if date and line.old_planned_end:
                line.days_notice = (line.old_planned_end - date).days
                line.late = line.days_notice < NOTICE_DAYS
            else:
                line.days_notice = 0
                line.late = False

    def _scm_snapshot(self):
        """The line's dates as they stand when the notice is submitted."""
        for line in self.sudo():
            task = line.task_id
            line.write(
                {
                    "old_planned_start": task.scm_planned_start,
                    "old_planned_end": task.scm_planned_end,
                }
            )

    def _scm_check_line(self):
        for line in self:
            task = line.task_id.sudo()
            if task.project_id != line.notice_id.project_id:
                raise UserError(
                    _(
                        "%(task)s is not a line of the notice's project.",
                        task=task.display_name,
                    )
                )
            if task.scm_plan_id.state not in ISSUED_STATES:
                raise UserError(
                    _(
                        "%(task)s is not a line of an issued plan: change it in "
                        "its plan.",
                        task=task.display_name,
                    )
                )
            if task.scm_actual_end:
                raise UserError(
                    _("%(task)s is already finished.", task=task.display_name)
                )
            if not (line.new_planned_start or line.new_planned_end):
                raise UserError(
                    _("Give the new dates of %(task)s.", task=task.display_name)
                )
            start = line.new_planned_start or task.scm_planned_start
            end = line.new_planned_end or task.scm_planned_end
            if start and end and end < start:
                raise UserError(
                    _(
                        "The new dates of %(task)s end before they start.",
                        task=task.display_name,
                    )
                )

    # -- guard: lines change with their draft notice --------------------------
    def _scm_check_notice_editable(self, notices):
        if self.env.su:
            return
        for notice in notices:
            if notice.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was submitted and no longer changes.",
                        doc=notice.display_name,
                    )
                )
            notice._scm_check_issuer(_("edit"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                vals.pop("old_planned_start", None)
                vals.pop("old_planned_end", None)
        lines = super().create(vals_list)
        self._scm_check_notice_editable(lines.notice_id)
        if not self.env.su:
            for line in lines:
                task = line.task_id
                # The user must see the line they name.
                task.check_access("read")
        return lines

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if {"notice_id", "old_planned_start", "old_planned_end"} & vals.keys():
                raise UserError(_("A notice line keeps its notice and old dates."))
            self._scm_check_notice_editable(self.notice_id)
        return super().write(vals)

    def unlink(self):
        self._scm_check_notice_editable(self.notice_id)
        return super().unlink()
