from odoo import api, models


class TierReview(models.Model):
    _inherit = "tier.review"

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + [
            "definition_id.review_type",
            "definition_id.scm_department_id.manager_id.user_id",
        ]

    def _get_reviewers(self):
        reviewers = self._scm_base_reviewers()
        if reviewers and self.model:
            reviewers |= self.env["scm.delegation"]._scm_delegates(
                reviewers, self.model
            )
        return reviewers

    def _scm_base_reviewers(self):
        """The reviewers the tier names, before delegation (ORG-RULE-06)."""
        review = self.sudo()
        definition = review.definition_id
        if definition.review_type == "scm_unit_manager":
            reviewers = definition.scm_department_id.manager_id.user_id
        elif definition.review_type == "scm_branch_manager":
            document = review.env[review.model].browse(review.res_id)
            reviewers = document._scm_company().scm_manager_id
        else:
            reviewers = super(TierReview, review)._get_reviewers()
        return reviewers.with_env(self.env)
