from odoo import api, models


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    @api.depends("activity_ids.user_id")
    def _compute_activity_user_id(self):
        # Odoo reads `record.activity_ids[0].user_id` row by row: the slice
        # loses the page's prefetch, and every row with an activity costs
        # three queries (the activity, its access check, the document's
        # existence). A list showing "Next Step By" loads the page's
        # activities and their assignees at once instead.
        self.activity_ids.fetch(["user_id"])
        return super()._compute_activity_user_id()
