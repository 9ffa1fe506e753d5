from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class ScmTrainingIncentivePolicy(models.Model):
    """A branch's training reward-and-penalty scheme (TRN-FIVE-01 "有培训机制"):
    a document (text and attachment) issued by the branch manager."""

    _name = "scm.training.incentive.policy"
    _description = "Training Incentive Policy"
    _inherit = ["mail.thread", "scm.training.unit.mixin", "scm.stage.mixin"]
    _order = "issued_date desc, id desc"
    _scm_stage_field = "state"
    _scm_step_fields = ("issued_by_id", "issued_date")

    name = fields.Char(string="Title", required=True)
    description = fields.Text(string="Rewards and Penalties")
    attachment_ids = fields.Many2many("ir.attachment", string="Document")
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("withdrawn", "Withdrawn")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    issued_by_id = fields.Many2one("res.users", readonly=True)
    issued_date = fields.Date(string="Issued On", readonly=True)

    @api.constrains("company_id", "department_id")
    def _check_branch(self):
        for policy in self:
            if policy.department_id or policy.company_id.scm_unit_type != "branch":
                raise ValidationError(_("A training incentive policy is a branch's."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("department_id", False)
        policies = super().create(vals_list)
        policies._scm_check_keeper(_("draft"))
        return policies

    def write(self, vals):
        if not self.env.su:
            for policy in self:
                policy._scm_check_stage(("draft",), _("edited"))
            self._scm_check_keeper(_("edit"))
        return super().write(vals)

    def action_issue(self):
        """The branch manager issues the scheme (or the Training Dept)."""
        for policy in self:
            policy._scm_check_stage(("draft",), _("issued"))
            if not (
                self.env.user == policy._scm_unit_manager()
                or policy._scm_is_training_admin()
            ):
                raise AccessError(
                    _(
                        "Only the manager of %(unit)s issues its training "
                        "incentive policy.",
                        unit=policy.unit_name,
                    )
                )
            if not ((policy.description or "").strip() or policy.attachment_ids):
                raise UserError(
                    _("Write the rewards and penalties or attach the document.")
                )
            policy._scm_step_write(
                {
                    "state": "issued",
                    "issued_by_id": self.env.user.id,
                    "issued_date": fields.Date.context_today(self),
                }
            )
        return True

    def action_withdraw(self):
        for policy in self:
            policy._scm_check_stage(("issued",), _("withdrawn"))
            policy._scm_check_keeper(_("withdraw"))
            policy._scm_step_write({"state": "withdrawn"})
        return True
