from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevResearchReport(models.Model):
    """The 《软件产品需求调研报告》 (PRJ-DEV-05): on-site research by the
    branches and MRD's researchers (for a contract project: its branch and
    MRD). The six contents are required on submission; the requirement lead
    reviews it within 3 WD of submission."""

    _name = "scm.dev.research.report"
    _description = "Requirement Research Report"
    _inherit = ["scm.dev.document.mixin"]
    _order = "id desc"

    name = fields.Char(string="Subject", required=True)
    research_date = fields.Date(string="Research Time")
    place = fields.Char()
    interviewees = fields.Text()
    business_flows = fields.Text()
    business_documents = fields.Text(string="Business Documents (流转单据)")
    statistical_reports = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for record in records:
                record.work_id._scm_check_stage(
                    ("research",), _("given a research report")
                )
        return records

    def _devreq_author_allowed(self, user):
        work = self.work_id.sudo()
        if work._devreq_is_mrd_member(user) or work._devreq_is_mrd_side(user):
            return True
        # The branches' researchers write for their own project; a long-term
        # or upgrade research is carried by MRD's researchers.
        return work.kind == "project" and work.project_id._scm_is_branch_worker(user)

    def _devreq_reviewer(self):
        return self.work_id.sudo().requirement_lead_id

    def _devreq_review_rule(self):
        return ("PRJ-DEV-05", 3)

    def _devreq_required_fields(self):
        return (
            "research_date",
            "place",
            "interviewees",
            "business_flows",
            "business_documents",
            "statistical_reports",
        )

    def _devreq_check_submit_date(self):
        for record in self:
            if (
                record.research_date
                and record.research_date > fields.Date.context_today(record)
            ):
                raise UserError(
                    _(
                        "The research of %(doc)s cannot be in the future.",
                        doc=record.name,
                    )
                )

    def action_devreq_submit(self):
        self._devreq_check_submit_date()
        return super().action_devreq_submit()
