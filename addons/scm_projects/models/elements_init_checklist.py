from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

STAGES = [("draft", "Being Checked"), ("completed", "Initialisation Completed")]
# The data a customer usually enters to initialise the system; the checker
# adds or removes lines.
DEFAULT_ITEMS = (
    _lt("Organisation, departments and staff"),
    _lt("Customers and suppliers"),
    _lt("Products, styles, colours and sizes"),
    _lt("Warehouses and opening stock"),
    _lt("Prices and discounts"),
    _lt("Opening receivables and payables"),
)


class ScmProjectInitChecklist(models.Model):
    """《客户初始化数据检查表》 (PRJ-ELEM-12): once the customer has entered its
    initialisation data, the implementation staff check each item and enter
    the result. The PM declares the initialisation complete only on a
    completed checklist, which starts the free run-in that day (PRJ-SC-07,
    PRJ-RUN-01)."""

    _name = "scm.project.init.checklist"
    _description = "Customer Initialisation Data Checklist"
    _inherit = ["mail.thread", "scm.stage.mixin", "scm.project.document.mixin"]
    _order = "id desc"
    _scm_step_fields = ("completed_by_id", "completed_on")

    name = fields.Char(
        required=True,
        default=lambda self: self.env._("Customer Initialisation Data Checklist"),
    )
    line_ids = fields.One2many(
        "scm.project.init.checklist.line",
        "checklist_id",
        string="Data Checked",
        copy=True,
        default=lambda self: [
            (0, 0, {"sequence": index, "data_item": self.env._(item)})
            for index, item in enumerate(DEFAULT_ITEMS)
        ],
    )
    completion_date = fields.Date(
        string="Initialisation Completed On",
        default=fields.Date.context_today,
        help="The day the customer's initialisation was completed: the run-in "
        "starts that day (PRJ-SC-07).",
    )
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    completed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    completed_on = fields.Datetime(string="Recorded On", readonly=True, copy=False)
    line_count = fields.Integer(compute="_compute_progress")
    checked_count = fields.Integer(compute="_compute_progress")

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one initialisation data checklist.",
        )
    ]

    @api.depends("line_ids.checked")
    def _compute_progress(self):
        for checklist in self:
            checklist.line_count = len(checklist.line_ids)
            checklist.checked_count = len(checklist.line_ids.filtered("checked"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                [vals.get("project_id") for vals in vals_list if vals.get("project_id")]
            )
            for project in projects.sudo():
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the implementation team of %(project)s checks "
                            "its initialisation data.",
                            project=project.display_name,
                        )
                    )
        checklists = super().create(vals_list)
        for checklist in checklists:
            checklist.project_id.sudo()._scm_check_phase(
                ("elements",), _("given an initialisation data checklist")
            )
        return checklists

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_project_worker(_("change"))
            self._scm_check_stage(("draft",), _("changed"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    def action_complete_initialisation(self):
        """PRJ-ELEM-12, PRJ-SC-07, PRJ-RUN-01: every item checked and none
        left incorrect, the PM declares the initialisation complete on the
        completion date, which is the run-in start."""
        self.ensure_one()
        self._scm_check_stage(("draft",), _("completed"))
        self._scm_check_pm(_("declare the initialisation complete on"))
        if not self.line_ids:
            raise UserError(
                _("List the initialisation data checked on %(doc)s.", doc=self.name)
            )
        unchecked = self.line_ids.filtered(lambda line: not line.checked)
        if unchecked:
            raise UserError(
                _(
                    "The initialisation is complete only once every item of the "
                    "checklist is checked (PRJ-ELEM-12). Not checked yet: "
                    "%(items)s.",
                    items=", ".join(unchecked.mapped("data_item")),
                )
            )
        wrong = self.line_ids.filtered(lambda line: line.result == "incorrect")
        if wrong:
            raise UserError(
                _(
                    "Some initialisation data is incorrect: have the customer "
                    "correct it and check it again: %(items)s.",
                    items=", ".join(wrong.mapped("data_item")),
                )
            )
        if not self.completion_date:
            raise UserError(_("Give the day the initialisation was completed."))
        last_check = max(self.line_ids.mapped("checked_date"))
        if self.completion_date < last_check:
            raise UserError(
                _(
                    "The initialisation cannot be complete before its data was "
                    "checked (last check on %(date)s).",
                    date=last_check,
                )
            )
        self.project_id.sudo()._scm_start_runin(self.completion_date)
        self._scm_step_write(
            {
                "stage": "completed",
                "completed_by_id": self.env.user.id,
                "completed_on": fields.Datetime.now(),
            }
        )
        return True

    @api.constrains("completion_date")
    def _check_completion_date(self):
        today = fields.Date.context_today(self)
        for checklist in self:
            if checklist.completion_date and checklist.completion_date > today:
                raise ValidationError(
                    _("The initialisation cannot be completed in the future.")
                )

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_project_init_checklist"
        ).report_action(self)
