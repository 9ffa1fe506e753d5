from odoo import _, api, models
from odoo.exceptions import AccessError


class TierReview(models.Model):
    """A review is opened by submitting its document and decided by its
    reviewer (or a delegate) through the document's decision method.

    base_tier_validation lets every internal user create, write and unlink
    reviews; here only the approval mixin's own steps (under sudo) do, so a
    client cannot approve a review that is not theirs, forge a decision or
    erase the approval history."""

    _inherit = "tier.review"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _("Reviews are opened by submitting the document for approval.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                _(
                    "A review is decided only by its reviewer, with the Approve "
                    "or Reject button of its document."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_the_approval_steps(self):
        if not self.env.su:
            raise AccessError(
                _("Reviews are part of the approval history and cannot be deleted.")
            )

    def _compute_can_review(self):
        # base_tier_validation moves reviews from waiting to pending inside
        # this compute, called in the reviewer's environment: that move is
        # the approval machinery's own, not a decision by the caller.
        return super(TierReview, self.sudo())._compute_can_review()

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
