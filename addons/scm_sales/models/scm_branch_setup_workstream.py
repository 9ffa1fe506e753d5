from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .scm_branch_setup import WORKSTREAM_TYPES


class ScmBranchSetupWorkstream(models.Model):
    """One of the four preparation workstreams of a new branch, each run by
    the unit the company assigns (SAL-NBR-07)."""

    _name = "scm.branch.setup.workstream"
    _description = "New Branch Preparation Workstream"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _scm_step_fields = ("state", "done_date", "done_by_id")
    _order = "setup_id, sequence, id"

    setup_id = fields.Many2one(
        "scm.branch.setup",
        string="New Branch Case",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="setup_id.company_id", store=True, string="Owning Unit"
    )
    workstream_type = fields.Selection(
        WORKSTREAM_TYPES, string="Workstream", required=True, readonly=True
    )
    name = fields.Char(compute="_compute_name", store=True)
    sequence = fields.Integer(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Unit",
        tracking=True,
        help="The unit the company assigns to this workstream.",
    )
    user_id = fields.Many2one("res.users", string="Responsible Person", tracking=True)
    note = fields.Text(string="Work Done")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")],
        default="todo",
        required=True,
        readonly=True,
        tracking=True,
    )
    done_date = fields.Datetime(string="Done On", readonly=True)
    done_by_id = fields.Many2one("res.users", readonly=True)

    _sql_constraints = [
        (
            "workstream_unique",
            "UNIQUE(setup_id, workstream_type)",
            "A case has each preparation workstream once.",
        ),
    ]

    @api.depends("workstream_type")
    def _compute_name(self):
        order = [code for code, _label in WORKSTREAM_TYPES]
        labels = dict(self._fields["workstream_type"]._description_selection(self.env))
        for workstream in self:
            workstream.name = labels.get(workstream.workstream_type)
            workstream.sequence = (
                order.index(workstream.workstream_type)
                if workstream.workstream_type in order
                else 99
            )

    def _scm_is_preparation_owner(self):
        user = self.env.user
        return user.has_group("scm_base.group_mc_manager") or user.has_group(
            "scm_base.group_msd_manager"
        )

    def write(self, vals):
        if {"department_id", "user_id"} & set(vals):
            if not self._scm_is_preparation_owner():
                raise UserError(
                    _(
                        "Only the Market Center Manager or the MSD Manager assigns "
                        "the responsible units of the preparation."
                    )
                )
            for workstream in self:
                if workstream.state == "done":
                    raise UserError(
                        _(
                            "%(name)s is done: its responsible unit cannot change.",
                            name=workstream.name,
                        )
                    )
        return super().write(vals)

    def action_done(self):
        """The responsible unit's manager, the preparatory group lead or the
        Market Center Manager reports the workstream done."""
        for workstream in self:
            setup = workstream.setup_id
            setup._scm_require_stage("preparation")
            if workstream.state == "done":
                raise UserError(_("%(name)s is already done.", name=workstream.name))
            if not workstream.department_id:
                raise UserError(
                    _(
                        "%(name)s has no responsible unit: the company assigns "
                        "one first.",
                        name=workstream.name,
                    )
                )
            user = self.env.user
            unit_manager = workstream.department_id.sudo().manager_id.user_id
            if not (
                user.has_group("scm_base.group_mc_manager")
                or user == setup.group_leader_id
                or user == unit_manager
                or user == workstream.user_id
            ):
                raise UserError(
                    _(
                        "Only the responsible unit, the preparatory group lead or "
                        "the Market Center Manager reports %(name)s done.",
                        name=workstream.name,
                    )
                )
            workstream.sudo().write(
                {
                    "state": "done",
                    "done_date": fields.Datetime.now(),
                    "done_by_id": user.id,
                }
            )
        return True

    def action_reopen(self):
        for workstream in self:
            workstream.setup_id._scm_require_stage("preparation")
            if not self.env.user.has_group("scm_base.group_mc_manager"):
                raise UserError(
                    _("Only the Market Center Manager reopens a workstream.")
                )
            workstream.sudo().write(
                {"state": "todo", "done_date": False, "done_by_id": False}
            )
        return True
