from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class ScmTrainingSpecialist(models.Model):
    """The training specialist of a unit (TRN-FIVE-01 "有培训专员",
    ORG-ROLE-34): one person besides the manager, designated by the unit's
    manager or the Training Dept to organise and run its training."""

    _name = "scm.training.specialist"
    _description = "Training Specialist Assignment"
    _inherit = ["mail.thread", "scm.training.unit.mixin"]
    _order = "date_from desc, id desc"

    user_id = fields.Many2one(
        "res.users", string="Training Specialist", required=True, index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", compute="_compute_employee_id", compute_sudo=True
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_to = fields.Date(string="To")
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )

    @api.depends("user_id")
    def _compute_employee_id(self):
        for assignment in self:
            assignment.employee_id = assignment.user_id._scm_employee()

    @api.depends("date_from", "date_to")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for assignment in self:
            assignment.is_current = assignment.date_from <= today and (
                not assignment.date_to or assignment.date_to >= today
            )

    def _search_is_current(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("date_from", "<=", today),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", today),
        ]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", *domain]

    @api.depends("user_id", "company_id", "department_id")
    def _compute_display_name(self):
        for assignment in self:
            assignment.display_name = _(
                "%(user)s, training specialist of %(unit)s",
                user=assignment.user_id.sudo().name or "",
                unit=assignment.unit_name or "",
            )

    @api.model
    def _scm_active(self, company, department, on_date=None):
        on_date = on_date or fields.Date.context_today(self)
        return self.search(
            [
                ("company_id", "=", company.id),
                ("department_id", "=", department.id or False),
                ("date_from", "<=", on_date),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", on_date),
            ]
        )

    @api.constrains("user_id", "company_id", "department_id")
    def _check_not_manager(self):
        """TRN-FIVE-01: the specialist is someone besides the manager."""
        for assignment in self:
            if assignment.user_id == assignment._scm_unit_manager():
                raise ValidationError(
                    _(
                        "%(user)s manages %(unit)s: the training specialist is "
                        "another person, designated besides the manager.",
                        user=assignment.user_id.name,
                        unit=assignment.unit_name,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for assignment in self:
            if assignment.date_to and assignment.date_to < assignment.date_from:
                raise ValidationError(_("The assignment ends before it starts."))

    def _scm_check_designator(self, action):
        """The unit's manager or the Training Dept designates."""
        if self.env.su:
            return
        for assignment in self:
            if not (
                assignment._scm_is_training_admin()
                or self.env.user == assignment._scm_unit_manager()
            ):
                raise AccessError(
                    _(
                        "Only the manager of %(unit)s or the Training Dept may "
                        "%(action)s its training specialist.",
                        unit=assignment.unit_name,
                        action=action,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        assignments = super().create(vals_list)
        assignments._scm_check_designator(_("designate"))
        return assignments

    def write(self, vals):
        self._scm_check_designator(_("change"))
        res = super().write(vals)
        self._scm_check_designator(_("change"))
        return res

    def unlink(self):
        self._scm_check_designator(_("remove"))
        return super().unlink()
