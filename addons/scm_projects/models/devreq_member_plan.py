from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevMemberPlan(models.Model):
    """A requirement-team member's own detailed plan when the requirement
    work is divided (PRJ-DEV-06): content, completion time, staff, methods.
    The requirement lead reviews it within 2 WD of receipt (its submission);
    the member and the lead hold one copy each. A work with a single
    requirement member skips the step (`_scm_analysis_blockers`)."""

    _name = "scm.dev.member.plan"
    _description = "Requirement Member Work Plan"
    _inherit = ["scm.dev.document.mixin"]
    _order = "id desc"

    name = fields.Char(string="Title", required=True)
    member_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
    )
    content = fields.Text(string="Work Content")
    completion_date = fields.Date(string="Completion Time")
    staff = fields.Text()
    methods = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for record in records:
                work = record.work_id.sudo()
                if record.member_id not in work.requirement_member_ids:
                    raise UserError(
                        _(
                            "%(member)s is not in the requirement team of %(work)s.",
                            member=record.member_id.name,
                            work=work.display_name,
                        )
                    )
                if len(work.requirement_member_ids) < 2:
                    raise UserError(
                        _(
                            "The requirement work of %(work)s is not divided: "
                            "no member work plan is needed (PRJ-DEV-06).",
                            work=work.display_name,
                        )
                    )
        return records

    def _devreq_author_allowed(self, user):
        return user == self.member_id

    def _devreq_reviewer(self):
        return self.work_id.sudo().requirement_lead_id

    def _devreq_review_rule(self):
        return ("PRJ-DEV-06", 2)

    def _devreq_required_fields(self):
        return ("content", "completion_date", "staff", "methods")

    def _scm_distribution_list(self):
        """PRJ-DEV-06: one copy for the member, one for the lead."""
        return [
            {"recipient_user_id": self.member_id.id, "copy_type": "copy"},
            {
                "recipient_user_id": self.work_id.sudo().requirement_lead_id.id,
                "copy_type": "copy",
            },
        ]
