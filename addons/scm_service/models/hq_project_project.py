from odoo import api, fields, models


class ProjectProject(models.Model):
    """When the customer's paid service period starts (SUP-SVCN-02,
    SVC-STD-01): at the end of the free run-in, or, for a project accepted
    without a run-in end date, at the acceptance."""

    _inherit = "project.project"

    scm_paid_service_start = fields.Date(
        string="Paid Service From",
        compute="_compute_scm_paid_service_start",
        help="The run-in end date (service before it is the project's and "
        "free), else the day the customer signed the acceptance form "
        "(SUP-SVCN-02, SVC-STD-01).",
    )

    @api.depends("scm_runin_end", "scm_acceptance_date")
    def _compute_scm_paid_service_start(self):
        for project in self:
            project.scm_paid_service_start = (
                project.scm_runin_end or project.scm_acceptance_date or False
            )
