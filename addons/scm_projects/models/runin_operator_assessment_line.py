from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .runin_tools import fill_project_from_parent


class ScmProjectOperatorAssessmentLine(models.Model):
    _name = "scm.project.operator.assessment.line"
    _description = "Customer Operation Assessment: Trainee"
    _inherit = ["scm.project.document.mixin"]
    _order = "id"

    assessment_id = fields.Many2one(
        "scm.project.operator.assessment",
        required=True,
        ondelete="cascade",
        index=True,
    )
    trainee_partner_id = fields.Many2one(
        "res.partner", string="Customer Contact", help="The trainee, if a contact."
    )
    trainee_name = fields.Char(string="Trainee", required=True)
    job = fields.Char(string="Position")
    score = fields.Float(required=True)
    result = fields.Selection([("pass", "Pass"), ("fail", "Fail")], required=True)

    @api.onchange("trainee_partner_id")
    def _onchange_trainee_partner_id(self):
        if self.trainee_partner_id:
            self.trainee_name = self.trainee_partner_id.name

    @api.model_create_multi
    def create(self, vals_list):
        fill_project_from_parent(self, vals_list, "assessment_id")
        lines = super().create(vals_list)
        if not self.env.su:
            lines.assessment_id._scm_check_project_worker(_("record"))
        return lines

    def write(self, vals):
        if not self.env.su:
            self.assessment_id._scm_check_project_worker(_("change"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.assessment_id._scm_check_project_worker(_("delete a trainee of"))
        return super().unlink()

    def _runin_check_certifiable(self):
        """PRJ-RUN-11: the operator certificate goes to trainees who passed."""
        for line in self:
            if line.result != "pass":
                raise UserError(
                    _(
                        "%(name)s did not pass the operation assessment: no "
                        "operator certificate (PRJ-RUN-11).",
                        name=line.trainee_name,
                    )
                )

    def action_print_certificate(self):
        self._runin_check_certifiable()
        return self.env.ref(
            "scm_projects.action_report_runin_operator_certificate"
        ).report_action(self)
