from odoo import api, fields, models


class ScmCustomerRequirementReviewApply(models.TransientModel):
    """MCD's 《二次销售和咨询服务合同》评审申请表: the center departments that
    review the report besides the Software Dept, the QC Dept and MSD, and
    the points they should look at (CON-SEC-02)."""

    _name = "scm.customer.requirement.review.apply"
    _description = "Customer Requirement Review Application"

    requirement_id = fields.Many2one(
        "scm.customer.requirement",
        string="Requirement Report",
        required=True,
        readonly=True,
    )
    mandatory_department_ids = fields.Many2many(
        "hr.department",
        string="Always Reviewing",
        compute="_compute_mandatory_department_ids",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Center Departments",
        domain="[('company_id.scm_unit_type', '=', 'hq'), "
        "('scm_unit_type', '=', 'department'), "
        "('id', 'not in', mandatory_department_ids)]",
        help="The relevant departments of the centers that also review the report.",
    )
    note = fields.Text(
        string="Review Points",
        help="What the panel should look at: implementation feasibility, cost "
        "budget, expected schedule, open questions.",
    )

    @api.depends("requirement_id")
    def _compute_mandatory_department_ids(self):
        for wizard in self:
            wizard.mandatory_department_ids = self.env[
                "scm.customer.requirement"
            ]._scm_mandatory_departments()

    def action_confirm(self):
        self.ensure_one()
        self.requirement_id.action_scm_apply_review(self.department_ids, self.note)
        return {"type": "ir.actions.act_window_close"}
