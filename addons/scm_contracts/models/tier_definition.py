from odoo import _, api, models
from odoo.exceptions import ValidationError


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.constrains("model", "review_type", "reviewer_id", "reviewer_group_id")
    def _check_contract_hq_authority(self):
        """CON-GEN-02: no branch role approves a contract."""
        branch_groups = self.env.ref("scm_base.group_branch_staff") | self.env.ref(
            "scm_base.group_branch_manager"
        )
        hq_group = self.env.ref("scm_base.group_hq_staff")
        for tier in self.filtered(lambda t: t.model == "scm.contract"):
            branch_reviewer = (
                tier.review_type == "scm_branch_manager"
                or (
                    tier.review_type == "group"
                    and tier.reviewer_group_id in branch_groups
                )
                or (
                    tier.review_type == "individual"
                    and tier.reviewer_id
                    and hq_group not in tier.reviewer_id.groups_id
                )
            )
            if branch_reviewer:
                raise ValidationError(
                    _(
                        "Contracts are approved at HQ (CON-GEN-02): the step "
                        "%(name)s cannot be given to a branch role.",
                        name=tier.name,
                    )
                )
