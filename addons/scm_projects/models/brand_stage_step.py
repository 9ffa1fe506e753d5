from odoo import _, fields, models
from odoo.exceptions import UserError


class ScmBrandStageStep(models.Model):
    """A step of a stage's checklist (PRJ-BRD-07, PRJ-BRD-09)."""

    _name = "scm.brand.stage.step"
    _description = "Brand Project Stage Step"
    _inherit = ["scm.step.guard.mixin"]
    _order = "stage_id, sequence, id"
    _scm_step_fields = (
        "stage_id",
        "sequence",
        "code",
        "name",
        "done",
        "done_date",
        "done_by_id",
        "result",
    )

    stage_id = fields.Many2one(
        "scm.brand.stage", required=True, readonly=True, index=True, ondelete="cascade"
    )
    brand_project_id = fields.Many2one(
        related="stage_id.brand_project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="stage_id.company_id", store=True)
    sequence = fields.Integer(readonly=True)
    code = fields.Char(readonly=True)
    name = fields.Char(string="Step", readonly=True, translate=True)
    done = fields.Boolean(readonly=True)
    done_date = fields.Datetime(readonly=True)
    done_by_id = fields.Many2one("res.users", readonly=True)
    result = fields.Selection(
        [("selected", "Selected"), ("not_selected", "Not Selected")],
        readonly=True,
    )

    def _scm_mark_done(self, result=False):
        self._scm_step_write(
            {
                "done": True,
                "done_date": fields.Datetime.now(),
                "done_by_id": self.env.user.id,
                "result": result,
            }
        )

    def action_done(self):
        for step in self:
            stage = step.stage_id
            stage.brand_project_id._scm_brand_check_team(_("complete a step"))
            stage._scm_check_state(("in_progress",), _("take a step"))
            if step.done:
                raise UserError(_("%(step)s is already done.", step=step.name))
            if step.code == "style_selection":
                raise UserError(
                    _("Record the customer's style selection on the stage.")
                )
            earlier = stage.sudo().step_ids.filtered(
                lambda s, step=step: s.sequence < step.sequence and not s.done
            )
            if earlier:
                raise UserError(
                    _(
                        "Complete %(step)s first.",
                        step=earlier.sorted("sequence")[:1].name,
                    )
                )
            step._scm_mark_done()
        return True

    # -- the customer's style selection (PRJ-BRD-07 step 8), from its row -----------
    def action_customer_selected_styles(self):
        """The row's button: the customer selected the drawing styles."""
        self.ensure_one()
        return self.stage_id.action_record_style_selection(True)

    def action_customer_rejected_styles(self):
        """The row's button: the customer selected none of the styles, and
        drawing design starts again (logged on the stage)."""
        self.ensure_one()
        return self.stage_id.action_record_style_selection(False)
