from odoo import api, fields, models


class ProjectProject(models.Model):
    """The run-in's free report quota, used and left (PRJ-RUN-09)."""

    _inherit = "project.project"

    scm_report_request_ids = fields.One2many(
        "scm.project.report.request", "project_id", string="Report Requests"
    )
    scm_free_report_quota = fields.Integer(
        related="scm_contract_id.free_report_quota", string="Free Report Quota"
    )
    scm_free_report_used = fields.Integer(
        string="Free Reports Used", compute="_compute_scm_free_report_use"
    )
    scm_free_report_left = fields.Integer(
        string="Free Reports Left",
        compute="_compute_scm_free_report_use",
        help="-1: unlimited.",
    )

    @api.depends(
        "scm_report_request_ids.free_count", "scm_contract_id.free_report_quota"
    )
    def _compute_scm_free_report_use(self):
        Request = self.env["scm.project.report.request"].sudo()
        counts = dict(
            Request._read_group(
                [
                    ("project_id", "in", self.ids),
                    ("charge_type", "=", "free"),
                    ("state", "!=", "cancelled"),
                ],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            used = counts.get(project._origin, 0)
            quota = project.scm_contract_id.sudo().free_report_quota
            project.scm_free_report_used = used
            project.scm_free_report_left = -1 if quota < 0 else max(quota - used, 0)

    def action_open_scm_report_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_runin_report_request"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_print_scm_enterprise_certificate(self):
        """PRJ-RUN-11: the 《企业管理改造资质证书》 after acceptance."""
        self.env[
            "report.scm_projects.report_runin_enterprise_certificate"
        ]._get_report_values(self.ids)
        return self.env.ref(
            "scm_projects.action_report_runin_enterprise_certificate"
        ).report_action(self)
