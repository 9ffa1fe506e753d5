from odoo import _, api, fields, models


class ScmProjectOperatorAssessment(models.Model):
    """《客户操作考核记录》: the trainees' operation test after the training,
    one line per trainee with score and pass/fail (PRJ-ELEM-11)."""

    _name = "scm.project.operator.assessment"
    _description = "Customer Operation Assessment Record"
    _inherit = ["mail.thread", "scm.project.document.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, default=lambda self: _("Operation Assessment"))
    date = fields.Date(required=True, default=fields.Date.context_today)
    training_plan_id = fields.Many2one(
        "scm.project.training.plan",
        domain="[('project_id', '=', project_id)]",
    )
    line_ids = fields.One2many(
        "scm.project.operator.assessment.line", "assessment_id", string="Trainees"
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records._scm_check_project_worker(_("record"))
        return records

    def write(self, vals):
        if not self.env.su and set(vals) - {"message_follower_ids"}:
            self._scm_check_project_worker(_("change"))
        return super().write(vals)

    def action_print_certificates(self):
        return self.line_ids.action_print_certificate()
