from odoo import _, api, fields, models
from odoo.exceptions import UserError

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to MCD"),
    ("approved", "Approved and Applied"),
    ("rejected", "Rejected"),
    ("cancelled", "Withdrawn"),
]
# Phases in which an initiated project's equipment list may change (before
# closing, SUP-EPM-03).
CHANGE_PHASES = ("initiated", "arrived")
ACTIVITY = "mail.mail_activity_data_todo"


class ScmProjectEquipmentChange(models.Model):
    """An equipment change of a Network Engineering project (SUP-EPM-03):
    before closing, changes to the equipment list of an initiated project
    take effect only once approved. The PM requests it with its lines (add,
    remove or modify a device); the MCD manager approves or rejects it; its
    approval applies the lines to the equipment list."""

    _name = "scm.project.equipment.change"
    _description = "Project Equipment Change"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.project.document.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "name",
        "state",
        "requested_by_id",
        "submitted_date",
        "decided_by_id",
        "decided_date",
        "decision_note",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    reason = fields.Text(required=True)
    line_ids = fields.One2many(
        "scm.project.equipment.change.line", "change_id", string="Changes"
    )
    requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decided_date = fields.Datetime(string="Decided On", readonly=True, copy=False)
    decision_note = fields.Text(string="MCD Opinion", readonly=True, copy=False)

    # -- roles -----------------------------------------------------------------
    def _scm_check_mcd_manager(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_mcd_manager")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _(
                    "Only the MCD manager may %(action)s an equipment change "
                    "(SUP-EPM-03).",
                    action=action,
                )
            )

    def _scm_check_project_may_change(self):
        for change in self:
            project = change.project_id.sudo()
            project._scm_check_network()
            project._scm_check_phase(CHANGE_PHASES, _("given an equipment change"))
            if project.scm_signoff_ids.filtered("customer_signed_date"):
                raise UserError(
                    _(
                        "The customer signed the equipment sign-off list of "
                        "%(doc)s: its equipment no longer changes.",
                        doc=project.display_name,
                    )
                )

    # -- CRUD ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            projects.check_access("read")
            for project in projects.sudo():
                if not project._scm_acts_as_pm(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager of %(doc)s may request an "
                            "equipment change (SUP-EPM-03).",
                            doc=project.display_name,
                        )
                    )
        changes = super().create(vals_list)
        changes._scm_check_project_may_change()
        sequence = self.env["ir.sequence"].sudo()
        for change in changes:
            change._scm_step_write(
                {
                    "name": sequence.next_by_code("scm.project.equipment.change")
                    or "/",
                    "requested_by_id": self.env.user.id,
                }
            )
        return changes

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_open()
            self._scm_check_pm(_("change"))
            if self.filtered(lambda c: c.state != "draft"):
                raise UserError(_("Only a draft equipment change can be edited."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_pm(_("delete"))
            if self.filtered(lambda c: c.state != "draft"):
                raise UserError(
                    _("A submitted equipment change is withdrawn, not deleted.")
                )
        return super().unlink()

    # -- steps -----------------------------------------------------------------
    def action_submit(self):
        self.check_access("read")
        for change in self:
            change._scm_check_pm(_("submit"))
            if change.state != "draft":
                raise UserError(
                    _("%(doc)s was already submitted.", doc=change.display_name)
                )
            change._scm_check_project_may_change()
            if not change.line_ids:
                raise UserError(_("%(doc)s lists no change.", doc=change.display_name))
            change.line_ids._scm_check_applicable()
            change._scm_step_write(
                {"state": "submitted", "submitted_date": fields.Datetime.now()}
            )
            mcd = change.project_id.sudo()._scm_mcd_manager()
            if mcd:
                change.sudo().activity_schedule(
                    ACTIVITY,
                    summary=_("Approve the equipment change %(doc)s", doc=change.name),
                    user_id=mcd.id,
                )
        return True

    def _scm_decide(self, state, note):
        self._scm_check_mcd_manager(_("decide on"))
        for change in self:
            if change.state != "submitted":
                raise UserError(
                    _(
                        "%(doc)s is not awaiting a decision.",
                        doc=change.display_name,
                    )
                )
        for change in self:
            change._scm_step_write(
                {
                    "state": state,
                    "decided_by_id": self.env.user.id,
                    "decided_date": fields.Datetime.now(),
                    "decision_note": note or False,
                }
            )
            change.sudo().activity_ids.action_feedback(feedback=dict(STATES)[state])

    def action_approve(self, note=None):
        """The MCD manager's approval applies the change to the equipment
        list, all lines or none (SUP-EPM-03)."""
        self.check_access("read")
        for change in self:
            change._scm_check_mcd_manager(_("approve"))
            change._scm_check_project_may_change()
            change.line_ids._scm_check_applicable()
        self._scm_decide("approved", note)
        for change in self:
            change.line_ids._scm_apply()
            change.project_id.sudo()._scm_after_equipment_change()
            change.sudo().message_post(
                body=_("Approved by %(user)s and applied.", user=self.env.user.name)
            )
        return True

    def action_reject(self, note=None):
        self.check_access("read")
        self._scm_decide("rejected", note)
        return True

    def action_open_approve(self):
        self.ensure_one()
        self._scm_check_mcd_manager(_("approve"))
        return self.env["scm.project.equipment.change.decision"]._scm_open(
            self, "approve"
        )

    def action_open_reject(self):
        self.ensure_one()
        self._scm_check_mcd_manager(_("reject"))
        return self.env["scm.project.equipment.change.decision"]._scm_open(
            self, "reject"
        )

    def action_withdraw(self):
        self.check_access("read")
        for change in self:
            change._scm_check_pm(_("withdraw"))
            if change.state not in ("draft", "submitted"):
                raise UserError(
                    _("%(doc)s can no longer be withdrawn.", doc=change.display_name)
                )
            change._scm_step_write({"state": "cancelled"})
            change.sudo().activity_ids.unlink()
        return True
