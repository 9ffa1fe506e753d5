from odoo import models


class ScmSalesStagedMixin(models.AbstractModel):
    """A plan document whose own `stage` follows its approval round: a
    rejection or a withdrawal puts a submitted document back to draft
    (SAL-PLAN-09)."""

    _name = "scm.sales.staged.mixin"
    _description = "Plan Document Stage"
    _inherit = ["scm.approval.mixin"]

    def _scm_step_field_names(self):
        # The stage moves only through the document's steps.
        return super()._scm_step_field_names() | {"stage"}

    def _scm_set_stage(self, stage):
        self.sudo().with_context(skip_validation_check=True).write({"stage": stage})

    def _scm_approval_on_rejected(self):
        res = super()._scm_approval_on_rejected()
        self._scm_set_stage("draft")
        return res

    def action_scm_withdraw(self):
        res = super().action_scm_withdraw()
        self.filtered(lambda doc: doc.stage == "submitted")._scm_set_stage("draft")
        return res
