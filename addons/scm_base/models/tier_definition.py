from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    review_type = fields.Selection(
        selection_add=[
            ("scm_unit_manager", "Manager of a Unit"),
            ("scm_branch_manager", "Manager of the Document's Branch"),
        ],
        ondelete={"scm_unit_manager": "cascade", "scm_branch_manager": "cascade"},
    )
    scm_department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        help="The unit whose manager reviews (ORG-UNIT-02).",
    )
    scm_review_days = fields.Integer(
        string="Working Days to Decide",
        default=1,
        help="The reviewer's deadline, counted in working days from the moment "
        "the review reaches them.",
    )
    scm_rule_code = fields.Char(string="Rule", help="Rule ID of the manual.")

    @api.model
    def _get_tier_validation_model_names(self):
        names = super()._get_tier_validation_model_names()
        mixin = self.env.registry["scm.approval.mixin"]
        return names + [
            name
            for name, model in self.env.registry.items()
            if not model._abstract and issubclass(model, mixin)
        ]
