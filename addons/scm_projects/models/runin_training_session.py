from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .runin_tools import fill_project_from_parent


class ScmProjectTrainingSession(models.Model):
    _name = "scm.project.training.session"
    _description = "Customer Training Session"
    _inherit = ["scm.project.document.mixin"]
    _order = "date, id"
    _scm_step_fields = ("held", "held_date")

    plan_id = fields.Many2one(
        "scm.project.training.plan", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True)
    topic = fields.Char(required=True)
    trainees = fields.Text(help="The customer's staff to train.")
    held = fields.Boolean(readonly=True)
    held_date = fields.Date(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        fill_project_from_parent(self, vals_list, "plan_id")
        sessions = super().create(vals_list)
        if not self.env.su:
            sessions.plan_id._scm_check_project_worker(_("plan a session of"))
            if any(session.plan_id.customer_signed_date for session in sessions):
                raise UserError(
                    _("The customer confirmed this training plan: it is not changed.")
                )
        return sessions

    def write(self, vals):
        if not self.env.su and set(vals) & {"date", "topic", "trainees"}:
            self.plan_id._scm_check_project_worker(_("change"))
            if any(session.plan_id.customer_signed_date for session in self):
                raise UserError(
                    _("The customer confirmed this training plan: it is not changed.")
                )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.plan_id._scm_check_project_worker(_("delete a session of"))
            if any(s.held or s.plan_id.customer_signed_date for s in self):
                raise UserError(
                    _("The customer confirmed this training plan: it is not changed.")
                )
        return super().unlink()

    def action_mark_held(self):
        """PRJ-ELEM-10: a session is held only under a confirmed plan."""
        for session in self:
            session.plan_id._scm_check_project_worker(_("hold a session of"))
            if not session.plan_id.customer_signed_date:
                raise UserError(
                    _(
                        "The customer has not confirmed %(plan)s: its sessions "
                        "cannot be held yet (PRJ-ELEM-10).",
                        plan=session.plan_id.display_name,
                    )
                )
            session._scm_step_write(
                {"held": True, "held_date": fields.Date.context_today(session)}
            )
        return True
