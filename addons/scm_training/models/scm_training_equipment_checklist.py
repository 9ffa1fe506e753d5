from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmTrainingEquipmentChecklist(models.Model):
    """The training equipment of a branch (TRN-FIVE-01 "有培训设备": each
    branch has a whiteboard and a computer), checked by someone on a date."""

    _name = "scm.training.equipment.checklist"
    _description = "Training Equipment Checklist"
    _inherit = ["mail.thread", "scm.training.unit.mixin", "scm.step.guard.mixin"]
    _order = "check_date desc, id desc"
    _scm_step_fields = ("checked_by_id", "check_date")

    line_ids = fields.One2many(
        "scm.training.equipment.line", "checklist_id", string="Equipment", copy=True
    )
    has_whiteboard = fields.Boolean(compute="_compute_has", store=True)
    has_computer = fields.Boolean(compute="_compute_has", store=True)
    complete = fields.Boolean(
        string="Whiteboard and Computer", compute="_compute_has", store=True
    )
    checked_by_id = fields.Many2one("res.users", readonly=True)
    check_date = fields.Date(string="Checked On", readonly=True, index=True)
    note = fields.Text()

    @api.depends("line_ids.kind", "line_ids.working", "line_ids.quantity")
    def _compute_has(self):
        for checklist in self:
            working = checklist.line_ids.filtered(
                lambda line: line.working and line.quantity > 0
            )
            kinds = set(working.mapped("kind"))
            checklist.has_whiteboard = "whiteboard" in kinds
            checklist.has_computer = "computer" in kinds
            checklist.complete = checklist.has_whiteboard and checklist.has_computer

    @api.depends("company_id", "check_date")
    def _compute_display_name(self):
        for checklist in self:
            checklist.display_name = _(
                "Training equipment of %(unit)s",
                unit=checklist.unit_name or "",
            )

    @api.constrains("company_id", "department_id")
    def _check_branch(self):
        for checklist in self:
            if (
                checklist.department_id
                or checklist.company_id.scm_unit_type != "branch"
            ):
                raise ValidationError(
                    _("The training equipment checklist is kept by a branch.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("department_id", False)
            if "line_ids" not in vals:
                vals["line_ids"] = [
                    (0, 0, {"kind": "whiteboard", "name": _("Whiteboard")}),
                    (0, 0, {"kind": "computer", "name": _("Computer")}),
                ]
        checklists = super().create(vals_list)
        checklists._scm_check_keeper(_("keep"))
        return checklists

    def write(self, vals):
        if not self.env.su:
            self._scm_check_keeper(_("edit"))
        return super().write(vals)

    def action_check(self):
        """Record who checked the equipment, and when."""
        for checklist in self:
            checklist._scm_check_keeper(_("check"))
            if not checklist.line_ids:
                raise UserError(_("List the training equipment first."))
            checklist._scm_step_write(
                {
                    "checked_by_id": self.env.user.id,
                    "check_date": fields.Date.context_today(self),
                }
            )
        return True
