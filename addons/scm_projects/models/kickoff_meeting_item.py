from odoo import _, api, fields, models
from odoo.exceptions import UserError

# A change of these makes MCD's consultation of the item stale.
ITEM_CONTENT = {"description", "beyond_scope"}


class ScmProjectMeetingItem(models.Model):
    """An item of the minutes of a project meeting. An item that commits AA
    beyond the contract's scope blocks sending the minutes until MCD's
    manager recorded the consultation (PRJ-RES-05)."""

    _name = "scm.project.meeting.item"
    _description = "Project Meeting Minutes Item"
    _inherit = ["scm.step.guard.mixin"]
    _order = "meeting_id, sequence, id"
    _scm_step_fields = ("mcd_consulted_by_id", "mcd_consulted_on", "mcd_opinion")

    meeting_id = fields.Many2one(
        "scm.project.meeting", required=True, ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        related="meeting_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", store=True, index=True, string="Branch"
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(required=True)
    beyond_scope = fields.Boolean(
        string="Commitment Beyond Contract Scope",
        help="The item commits AA to something the contract does not cover: "
        "MCD must be consulted first (PRJ-RES-05).",
    )
    mcd_consulted_by_id = fields.Many2one(
        "res.users", string="MCD Consulted", readonly=True, copy=False
    )
    mcd_consulted_on = fields.Datetime(
        string="MCD Consulted On", readonly=True, copy=False
    )
    mcd_opinion = fields.Text(string="MCD Opinion", readonly=True, copy=False)

    # -- guard ---
    def _scm_check_meeting_editable(self, meetings):
        for meeting in meetings.sudo():
            if not meeting.project_id._scm_is_worker(self.env.user):
                raise UserError(
                    _(
                        "Only the project team, the branch manager or MCD may "
                        "change the minutes of %(doc)s.",
                        doc=meeting.display_name,
                    )
                )
            meeting.project_id._scm_check_not_closed()
            meeting._scm_check_editable()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            meetings = self.env["scm.project.meeting"].browse(
                {vals.get("meeting_id") for vals in vals_list if vals.get("meeting_id")}
            )
            self._scm_check_meeting_editable(meetings)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if "meeting_id" in vals and any(
                item.meeting_id.id != vals["meeting_id"] for item in self
            ):
                raise UserError(_("An item stays in its minutes."))
            self._scm_check_meeting_editable(self.meeting_id)
        result = super().write(vals)
        if vals.keys() & ITEM_CONTENT:
            stale = self.filtered("mcd_consulted_by_id")
            if stale:
                stale._scm_step_write(
                    {
                        "mcd_consulted_by_id": False,
                        "mcd_consulted_on": False,
                        "mcd_opinion": False,
                    }
                )
        return result

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._scm_check_meeting_editable(self.meeting_id)
        return super().unlink()

    # -- step (PRJ-RES-05) ---
    def action_mcd_consulted(self, opinion=None):
        """MCD's manager records that MCD was consulted on the commitment."""
        user = self.env.user
        if not (
            user.has_group("scm_base.group_mcd_manager")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _(
                    "Only the MCD manager records MCD's consultation on a "
                    "commitment beyond the contract's scope (PRJ-RES-05)."
                )
            )
        for item in self:
            if not item.beyond_scope:
                raise UserError(
                    _("This item commits nothing beyond the contract's scope.")
                )
            if item.mcd_consulted_by_id:
                raise UserError(_("MCD was already consulted on this item."))
            if item.meeting_id.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was already sent.",
                        doc=item.meeting_id.display_name,
                    )
                )
            item._scm_step_write(
                {
                    "mcd_consulted_by_id": user.id,
                    "mcd_consulted_on": fields.Datetime.now(),
                    "mcd_opinion": (opinion or "").strip() or False,
                }
            )
            item.meeting_id.sudo().message_post(
                body=_(
                    "MCD consulted by %(user)s on: %(item)s",
                    user=user.name,
                    item=item.description,
                )
            )
        return True
