from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmPartnershipChain(models.Model):
    """One product of the marketing relationship chain (SAL-PART-04).

    After the launch plan is approved the chain is fixed: for each chain
    product the Channel Market Specialist analyses its market, selects the
    excellent products (influential companies) of the industry and simulates
    the technical architecture of the integrated solution."""

    _name = "scm.partnership.chain"
    _description = "Relationship Chain Product"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _scm_step_fields = ("analyst_id",)
    _order = "launch_plan_id, sequence, id"

    launch_plan_id = fields.Many2one(
        "scm.partnership.plan",
        string="Product Launch Plan",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("plan_type", "=", "launch_plan"), ("state", "=", "approved")],
    )
    company_id = fields.Many2one(related="launch_plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Chain Product", required=True, tracking=True)
    importance = fields.Selection(
        [("core", "Core"), ("important", "Important"), ("supporting", "Supporting")],
        string="Importance in the Integrated Solution",
        required=True,
        default="important",
        tracking=True,
    )
    market_analysis = fields.Text()
    leading_companies = fields.Text(
        string="Excellent Products and Influential Companies",
        help="The industry's excellent products selected for the chain.",
    )
    architecture_simulation = fields.Text(
        string="Technical Architecture Simulation",
        help="How the product fits the technical architecture of the integrated "
        "solution.",
    )
    analyst_id = fields.Many2one(
        "res.users",
        string="Analysed By",
        default=lambda self: self.env.user,
        readonly=True,
    )

    @api.constrains("launch_plan_id")
    def _check_launch_plan_approved(self):
        for chain in self:
            plan = chain.launch_plan_id
            if plan.plan_type != "launch_plan" or plan.state != "approved":
                raise ValidationError(
                    _(
                        "The relationship chain is fixed only under an approved "
                        "product launch plan; %(doc)s is not one.",
                        doc=plan.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_channel"
        ):
            raise UserError(
                _("Only a Channel Market Specialist analyses the relationship chain.")
            )
        return super().create(vals_list)
