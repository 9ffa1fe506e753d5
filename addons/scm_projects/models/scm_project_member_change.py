from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectMemberChange(models.Model):
    """A change of the project team during implementation (PRJ-INIT-05): a
    member leaves, or is replaced.

    The member's unit (its manager, the member's branch manager) or the PM
    records it with its date: the member leaves the team that day and the
    replacement joins. MCD then owes, within 1 working day, the onward
    notice to the project team's department; the notice is logged and a
    missing one shows as the overdue deadline."""

    _name = "scm.project.member.change"
    _description = "Project Team Member Change"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.project.document.mixin"]
    _order = "change_date desc, id desc"
    _scm_step_fields = (
        "state",
        "recorded_by_id",
        "recorded_date",
        "new_member_id",
        "notified_by_id",
        "notified_date",
        "notice_id",
    )

    state = fields.Selection(
        [("draft", "Draft"), ("recorded", "Recorded"), ("notified", "MCD Notified")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    member_id = fields.Many2one(
        "scm.project.member",
        string="Member Leaving",
        required=True,
        domain="[('project_id', '=', project_id), ('side', '=', 'aa')]",
        ondelete="restrict",
    )
    member_user_id = fields.Many2one(
        related="member_id.user_id", string="Member", store=True
    )
    member_role = fields.Selection(related="member_id.role", string="Role")
    change_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    reason = fields.Text(required=True)
    new_user_id = fields.Many2one(
        "res.users",
        string="Replaced By",
        domain="[('share', '=', False)]",
        help="The member who takes over, if any.",
    )
    new_member_id = fields.Many2one("scm.project.member", readonly=True, copy=False)
    recorded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    recorded_date = fields.Datetime(string="Recorded On", readonly=True, copy=False)
    notified_by_id = fields.Many2one(
        "res.users", string="MCD Notice By", readonly=True, copy=False
    )
    notified_date = fields.Datetime(string="MCD Notice On", readonly=True, copy=False)
    notice_id = fields.Many2one("scm.notice", string="Onward Notice", readonly=True)

    @api.depends("member_id", "change_date")
    def _compute_display_name(self):
        for change in self:
            member = change.member_id.sudo()
            change.display_name = _(
                "Team change: %(member)s on %(date)s",
                member=member.user_id.name or "",
                date=change.change_date or "",
            )

    # -- roles ---------------------------------------------------------------------
    def _scm_may_record(self, user):
        """The member's unit manager, the member's branch manager, or the PM."""
        self.ensure_one()
        project = self.project_id.sudo()
        member = self.member_id.sudo()
        if project._scm_acts_as_pm(user):
            return True
        if member.department_id and user in member.department_id.manager_id.user_id:
            return True
        hq = self.env["res.company"]._scm_hq()
        branch = member.user_id.company_id or project.company_id
        return branch != hq and branch.sudo().scm_manager_id == user

    # -- guard ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        changes = super().create(vals_list)
        if not self.env.su:
            for change in changes:
                if not change._scm_may_record(self.env.user):
                    raise UserError(
                        _(
                            "Only the member's unit or branch manager or the "
                            "project manager may record a change of %(member)s.",
                            member=change.member_id.sudo().display_name,
                        )
                    )
        return changes

    def write(self, vals):
        if not self.env.su:
            for change in self:
                if change.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is recorded: it can no longer be changed.",
                            doc=change.display_name,
                        )
                    )
                if not change._scm_may_record(self.env.user):
                    raise UserError(
                        _(
                            "Only the member's unit or branch manager or the "
                            "project manager may change %(doc)s.",
                            doc=change.display_name,
                        )
                    )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            for change in self:
                if change.state != "draft":
                    raise UserError(_("A recorded team change is never deleted."))
                if not change._scm_may_record(self.env.user):
                    raise UserError(
                        _(
                            "Only the member's unit or branch manager or the "
                            "project manager may delete %(doc)s.",
                            doc=change.display_name,
                        )
                    )
        return super().unlink()

    @api.constrains("member_id", "project_id")
    def _check_member_project(self):
        for change in self:
            if change.member_id.project_id != change.project_id:
                raise UserError(_("The member leaving is not of this project."))

    # -- steps ----------------------------------------------------------------------
    def action_scm_record(self):
        """The change takes effect on its date; MCD owes the onward notice
        within 1 WD (PRJ-INIT-05)."""
        for change in self:
            if not change._scm_may_record(self.env.user):
                raise UserError(
                    _(
                        "Only the member's unit or branch manager or the project "
                        "manager may record %(doc)s.",
                        doc=change.display_name,
                    )
                )
            if change.state != "draft":
                raise UserError(
                    _("%(doc)s is already recorded.", doc=change.display_name)
                )
            project = change.project_id.sudo()
            project._scm_check_not_closed()
            member = change.member_id.sudo()
            if not member.active:
                raise UserError(
                    _(
                        "%(member)s has already left the team.",
                        member=member.display_name,
                    )
                )
            Member = self.env["scm.project.member"]
            if change.new_user_id and Member._scm_needs_coordination(
                project, change.new_user_id, member.department_id
            ):
                # The unit's manager replaces their own person; anyone else
                # asks the unit (SUP-EPM-03).
                unit = member.department_id.sudo()
                if not (
                    unit
                    and self.env.user in unit.manager_id.user_id
                    and change.new_user_id._scm_is_member_of_unit(unit)
                ):
                    raise Member._scm_coordination_error(project, change.new_user_id)
            member.write({"active": False, "date_to": change.change_date})
            new_member = self.env["scm.project.member"]
            if change.new_user_id:
                new_member = new_member.sudo().create(
                    {
                        "project_id": project.id,
                        "side": "aa",
                        "role": member.role,
                        "user_id": change.new_user_id.id,
                        "department_id": member.department_id.id,
                        "date_from": change.change_date,
                    }
                )
                if member.role == "pm" or member.user_id == project.user_id:
                    # The PM changes only here (PRJ-INIT-05).
                    project.write({"user_id": change.new_user_id.id})
                    project.message_subscribe(
                        partner_ids=change.new_user_id.partner_id.ids
                    )
                    # MCD tracks the project once it has a PM (PRJ-TRK-04).
                    project._scm_ensure_execution_sheet()
                    change._scm_hand_over_initiation(project)
            change._scm_step_write(
                {
                    "state": "recorded",
                    "recorded_by_id": self.env.user.id,
                    "recorded_date": fields.Datetime.now(),
                    "new_member_id": new_member.id,
                }
            )
            mcd = project._scm_mcd_manager()
            change._scm_deadline_open(
                "PRJ-INIT-05",
                _(
                    "Notify the team's department of the change %(doc)s",
                    doc=change.display_name,
                ),
                mcd,
                1,
            )
            change.sudo().message_post(
                body=_(
                    "%(doc)s recorded by %(user)s: MCD is notified.",
                    doc=change.display_name,
                    user=self.env.user.name,
                ),
                partner_ids=mcd.partner_id.ids,
            )
        return True

    def _scm_hand_over_initiation(self, project):
        """A notice still to issue is owed by the new PM, by the same due
        time (PRJ-INIT-01)."""
        self.ensure_one()
        for notice in project.scm_initiation_ids.filtered(lambda n: n.state == "draft"):
            owed = notice._scm_deadlines("PRJ-INIT-01")
            if owed and owed.user_id != project.user_id:
                start = owed[0].start_date
                name = owed[0].name
                notice._scm_deadline_cancel("PRJ-INIT-01")
                notice._scm_deadline_open(
                    "PRJ-INIT-01", name, project.user_id, 2, start=start
                )

    def _scm_team_department_partners(self):
        """Who hears MCD's onward notice: the project's branch manager, the
        PM and the team."""
        self.ensure_one()
        project = self.project_id.sudo()
        users = (
            project.company_id.scm_manager_id
            | project.user_id
            | project.scm_member_user_ids
        )
        return users.partner_id

    def action_scm_notify(self):
        """MCD's onward notice to the project team's department."""
        for change in self:
            project = change.project_id.sudo()
            mcd = project._scm_mcd_manager()
            if not self.env["scm.delegation"]._scm_acts_for(
                self.env.user, mcd, self._name
            ):
                raise UserError(
                    _(
                        "Only MCD's manager (or their delegate) sends the onward "
                        "notice of %(doc)s.",
                        doc=change.display_name,
                    )
                )
            if change.state != "recorded":
                raise UserError(
                    _(
                        "%(doc)s is not waiting for MCD's notice.",
                        doc=change.display_name,
                    )
                )
            member = change.member_id.sudo()
            body = Markup("<p>%s</p><p>%s</p>") % (
                _(
                    "%(member)s leaves the team of %(project)s on %(date)s.",
                    member=member.display_name,
                    project=project.display_name,
                    date=change.change_date,
                ),
                _("Replaced by: %(user)s", user=change.new_user_id.name)
                if change.new_user_id
                else _("Not replaced."),
            )
            notice = self.env["scm.notice"]._scm_send(
                change,
                _("Project team change: %(project)s", project=project.display_name),
                body,
                change._scm_team_department_partners(),
            )
            change._scm_step_write(
                {
                    "state": "notified",
                    "notified_by_id": self.env.user.id,
                    "notified_date": fields.Datetime.now(),
                    "notice_id": notice.id,
                }
            )
            change._scm_deadline_close("PRJ-INIT-05")
        return True
