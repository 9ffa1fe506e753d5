from odoo import api, fields, models


class ScmTrainingSessionStepWizard(models.TransientModel):
    """The dialog of the session steps that need more than a click: the
    attendance when the session is marked held, the reason of a "no
    handout" special case or of a cancellation. It only collects the input:
    the session's step method decides who may take the step."""

    _name = "scm.training.session.step.wizard"
    _description = "Training Session Step"

    session_id = fields.Many2one(
        "scm.training.session", required=True, ondelete="cascade"
    )
    step = fields.Selection(
        [
            ("held", "Mark Held"),
            ("special_case", "No Handout: Special Case"),
            ("cancel", "Cancel"),
        ],
        required=True,
    )
    trainee_ids = fields.Many2many(
        "hr.employee",
        string="Trainees",
        compute="_compute_trainee_ids",
    )
    absent_employee_ids = fields.Many2many(
        "hr.employee",
        "scm_training_step_wizard_absent_rel",
        "wizard_id",
        "employee_id",
        string="Absent Trainees",
        help="The trainees who did not attend; the others are recorded present.",
    )
    reason = fields.Text()

    @api.depends("session_id")
    def _compute_trainee_ids(self):
        for wizard in self:
            wizard.trainee_ids = wizard.session_id.attendant_ids

    def action_confirm(self):
        self.ensure_one()
        session = self.session_id
        if self.step == "held":
            session.action_scm_mark_held(self.absent_employee_ids)
        elif self.step == "special_case":
            session.action_scm_handout_special_case(self.reason)
        else:
            session.action_scm_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
