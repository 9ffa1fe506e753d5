from odoo import fields, models


class HrEmployee(models.Model):
    """The trainer's personal file holds their assessments as lead trainer
    (TRN-EVAL-01)."""

    _inherit = "hr.employee"

    scm_training_evaluation_ids = fields.One2many(
        "scm.training.evaluation",
        "trainer_id",
        string="Training Assessments",
        domain=[("state", "=", "confirmed")],
        groups="scm_base.group_scm_user",
    )
