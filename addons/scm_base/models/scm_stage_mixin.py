from odoo import _, models
from odoo.exceptions import UserError


class ScmStageMixin(models.AbstractModel):
    """Refuses the moves a document's workflow does not have, with one
    message for every document: "X is <stage>: it can be <action> only when
    it is <allowed stages>"."""

    _name = "scm.stage.mixin"
    _description = "Workflow Stage Checks"
    _inherit = ["scm.step.guard.mixin"]

    # The selection field that holds the document's workflow position.
    _scm_stage_field = "stage"

    def _scm_step_field_names(self):
        # The stage moves only through the document's steps.
        return super()._scm_step_field_names() | {self._scm_stage_field}

    def _scm_stage_label(self):
        self.ensure_one()
        field = self._fields[self._scm_stage_field]
        value = self[self._scm_stage_field]
        return dict(field._description_selection(self.env)).get(value, value)

    def _scm_check_stage(self, allowed, action):
        """Raise unless every record is in one of the `allowed` stages;
        `action` is the translated past participle of the refused move."""
        labels = dict(
            self._fields[self._scm_stage_field]._description_selection(self.env)
        )
        for record in self:
            if record[self._scm_stage_field] not in allowed:
                raise UserError(
                    _(
                        "%(doc)s is %(stage)s: it can be %(action)s only when it "
                        "is %(allowed)s.",
                        doc=record.display_name,
                        stage=record._scm_stage_label(),
                        action=action,
                        allowed=", ".join(labels.get(s, s) for s in allowed),
                    )
                )
