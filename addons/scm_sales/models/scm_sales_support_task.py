from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class ScmSalesSupportTask(models.Model):
    """A task of a branch sales support effort. Tasks can be planned on the
    form, but are assigned to people only after the Market Center Manager
    approved the form (SAL-FOLLOW-03)."""

    _name = "scm.sales.support.task"
    _description = "Sales Support Task"
    _inherit = ["scm.step.guard.mixin"]
    _order = "support_id, sequence, id"
    _scm_step_fields = ("state", "done_date")

    support_id = fields.Many2one(
        "scm.sales.support",
        string="Support Form",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="support_id.company_id", string="Branch", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Task", required=True)
    user_id = fields.Many2one("res.users", string="Assigned To")
    date_deadline = fields.Date(string="Due")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")],
        default="todo",
        required=True,
        readonly=True,
    )
    done_date = fields.Datetime(string="Done On", readonly=True)
    note = fields.Text(string="Execution Note")

    @api.constrains("user_id", "support_id")
    def _check_assigned_after_approval(self):
        for task in self:
            if task.user_id and task.support_id.state != "approved":
                raise ValidationError(
                    _(
                        "Support tasks are assigned only after the Market Center "
                        "Manager approved %(doc)s.",
                        doc=task.support_id.display_name,
                    )
                )

    def _scm_check_msd_manager(self):
        if not (self.env.su or self.env.user.has_group("scm_base.group_msd_manager")):
            raise AccessError(
                _("Only the MSD Manager plans and assigns support tasks.")
            )

    def _scm_notify_assignees(self):
        for task in self.filtered("user_id"):
            task.support_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=task.name,
                date_deadline=task.date_deadline or fields.Date.context_today(task),
                user_id=task.user_id.id,
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_msd_manager()
        tasks = super().create(vals_list)
        tasks._scm_notify_assignees()
        return tasks

    def write(self, vals):
        if set(vals) - {"note"}:
            self._scm_check_msd_manager()
        if any(task.support_id.execution_state == "done" for task in self):
            raise UserError(_("The support is finished; its tasks are closed."))
        res = super().write(vals)
        if "user_id" in vals:
            self._scm_notify_assignees()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if not (self.env.su or self.env.user.has_group("scm_base.group_msd_manager")):
            raise AccessError(_("Only the MSD Manager removes support tasks."))
        if any(task.state == "done" for task in self):
            raise UserError(_("A done support task cannot be deleted."))

    def action_mark_done(self):
        """The assignee (or the MSD Manager) reports the task done."""
        user = self.env.user
        for task in self:
            if task.user_id != user and not user.has_group(
                "scm_base.group_msd_manager"
            ):
                raise AccessError(_("Only the assignee reports the task done."))
            if task.support_id.execution_state != "in_progress" or task.state != "todo":
                raise UserError(_("This task cannot be reported done now."))
            task.sudo().write({"state": "done", "done_date": fields.Datetime.now()})
        return True
