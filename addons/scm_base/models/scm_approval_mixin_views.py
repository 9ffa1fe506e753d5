from odoo import _, models


class ScmApprovalMixinViews(models.AbstractModel):
    """What the approval screens of base_tier_validation show on the
    suite's documents."""

    _inherit = "scm.approval.mixin"

    def _add_comment(self, validate_reject, reviews):
        # base_tier_validation titles the dialog "Comment" whatever the
        # decision; the reviewer must see which decision the dialog confirms.
        action = super()._add_comment(validate_reject, reviews)
        if validate_reject == "reject":
            action["name"] = _("Reject %(doc)s", doc=self.display_name)
        else:
            action["name"] = _("Approve %(doc)s", doc=self.display_name)
        return action
