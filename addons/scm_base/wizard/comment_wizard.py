from odoo import _, fields, models
from odoo.exceptions import UserError


class CommentWizard(models.TransientModel):
    """The approval dialog of base_tier_validation.

    Its review ids, model and record id come from the client: for the
    suite's documents the decision goes through the document's own decision
    method, which finds the current user's reviews itself."""

    _inherit = "comment.wizard"

    # Not required in the form: an empty opinion gets the decision method's
    # own message ("write the reason of your decision") instead of the web
    # client's "invalid field".
    comment = fields.Char(required=False)

    def add_comment(self):
        self.ensure_one()
        if self.res_model not in self.env:
            raise UserError(_("The document to decide on no longer exists."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(_("The document to decide on no longer exists."))
        if not hasattr(record, "_scm_my_reviews"):  # not an scm approval document
            return super().add_comment()
        if not (self.comment or "").strip():
            raise UserError(_("Write the reason of your decision."))
        decision = "approve" if self.validate_reject == "validate" else "reject"
        return record.action_scm_decide(decision, self.comment)
