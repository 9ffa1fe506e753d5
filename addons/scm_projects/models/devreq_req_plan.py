from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevReqPlan(models.Model):
    """The 《软件产品需求工作计划》 (PRJ-DEV-03, PRJ-UPG-03) or, for a contract
    project, the 《需求工作计划表》 (PRJ-SC-02): work content, completion
    time, staff, methods. The requirement lead (or the MRD Manager) prepares
    it within 5 WD of the development plan's approval; the Customer Center
    Manager reviews it within 3 WD (a contract project's: the MRD Manager
    within 2 WD). Its approval sends the copies (MRD, QC, Software; for a
    contract project QC and Software) and moves the development to the
    research."""

    _name = "scm.dev.req.plan"
    _description = "Requirement Work Plan"
    _inherit = ["scm.dev.document.mixin"]
    _order = "id desc"

    name = fields.Char(string="Title", required=True)
    content = fields.Text(string="Work Content")
    completion_date = fields.Date(string="Completion Time")
    staff = fields.Text()
    methods = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for record in records:
                record.work_id._scm_check_stage(
                    ("req_work_plan",), _("given a requirement work plan")
                )
                record._devreq_check_overall_plan()
        return records

    def _devreq_check_overall_plan(self):
        """PRJ-SC-02: a contract project's sheet is made from its issued
        overall implementation plan (PRJ-SC-01)."""
        self.ensure_one()
        work = self.work_id.sudo()
        if work.kind != "project":
            return
        overall = (
            self.env["scm.project.plan"]
            .sudo()
            .search_count(
                [
                    ("project_id", "=", work.project_id.id),
                    ("plan_type", "=", "overall"),
                    ("state", "in", ("issued", "approved")),
                ],
                limit=1,
            )
        )
        if not overall:
            raise UserError(
                _(
                    "The requirement work plan sheet of %(project)s is made from "
                    "its issued overall implementation plan (PRJ-SC-02).",
                    project=work.project_id.display_name,
                )
            )

    def _devreq_author_allowed(self, user):
        return self.work_id.sudo()._devreq_is_mrd_side(user)

    def _devreq_reviewer(self):
        work = self.work_id.sudo()
        if work.kind == "project":
            return work._scm_mrd_manager()
        return self.env.ref("scm_base.dept_customer_center")._scm_manager_user()

    def _devreq_review_rule(self):
        if self.work_id.kind == "project":
            return ("PRJ-SC-02", 2)
        return ("PRJ-DEV-03.2", 3)

    def _devreq_required_fields(self):
        return ("content", "completion_date", "staff", "methods")

    def _devreq_on_submitted(self):
        self.work_id.sudo()._scm_deadline_close("PRJ-DEV-03.1")

    def _devreq_on_approved(self):
        self.work_id.sudo()._devreq_on_req_plan_approved()

    def _scm_distribution_list(self):
        units = ["scm_base.dept_qc", "scm_base.dept_software"]
        if self.work_id.kind != "project":
            units.insert(0, "scm_base.dept_mrd")
        return [self._devreq_unit_copy(xmlid) for xmlid in units]

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "scm_projects.action_report_scm_dev_req_plan"
        ).report_action(self)
