from odoo import api, fields, models


class ProjectMilestone(models.Model):
    """An acceptance stage of a customer project, tied to the contract's
    payment milestone that falls due when it is reached (PRJ-TRK-08)."""

    _inherit = "project.milestone"

    scm_contract_milestone_id = fields.Many2one(
        "scm.contract.milestone",
        string="Payment Milestone",
        index="btree_not_null",
        ondelete="restrict",
        help="The contract's payment that falls due at this acceptance.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        milestones = super().create(vals_list)
        if not self.env.su:
            milestones.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return milestones

    def write(self, vals):
        if not self.env.su:
            self.project_id.filtered("scm_contract_id")._scm_check_not_closed()
        return super().write(vals)
