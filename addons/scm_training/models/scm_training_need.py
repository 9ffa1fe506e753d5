from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

STATES = [
    ("new", "New"),
    ("accepted", "Accepted"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class ScmTrainingNeed(models.Model):
    """A training need the Audit Dept raises to the Training Dept from its
    audit results (AUD-GEN-05, FORMS row 114). The Training Dept manager
    accepts it by linking the plan or session that answers it, then marks
    it done. Seen by the Training Dept and the Audit Dept only."""

    _name = "scm.training.need"
    _description = "Training Need"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.stage.mixin"]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = (
        "raised_by_id",
        "raised_date",
        "accepted_by_id",
        "accepted_date",
        "done_date",
        "res_model",
        "res_id",
    )

    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Text(required=True)
    company_id = fields.Many2one(
        "res.company",
        string="Unit (Company)",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    department_id = fields.Many2one("hr.department", string="HQ Department", index=True)
    res_model = fields.Char(string="Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True
    )
    source_name = fields.Char(string="Source", readonly=True)
    state = fields.Selection(
        STATES, default="new", required=True, readonly=True, tracking=True, index=True
    )
    raised_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )
    raised_date = fields.Datetime(
        string="Raised On", readonly=True, default=fields.Datetime.now
    )
    plan_id = fields.Many2one(
        "scm.training.plan", string="Answered by Plan", index=True, tracking=True
    )
    session_id = fields.Many2one(
        "scm.training.session", string="Answered by Session", index=True, tracking=True
    )
    accepted_by_id = fields.Many2one("res.users", readonly=True)
    accepted_date = fields.Datetime(string="Accepted On", readonly=True)
    done_date = fields.Datetime(string="Done On", readonly=True)

    # -- who ----------------------------------------------------------------
    def _scm_check_auditor(self):
        if not (
            self.env.su
            or self.env.user.has_group("scm_base.group_auditor")
            or self.env.user.has_group("scm_base.group_scm_admin")
        ):
            raise AccessError(
                _("Only the Audit Dept raises training needs to the Training Dept.")
            )

    def _scm_check_training_manager(self, action):
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("scm_base.group_training_manager")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise AccessError(
                _(
                    "Only the Training Dept manager may %(action)s a training need.",
                    action=action,
                )
            )

    def _scm_training_manager(self):
        dept_id = self.env["ir.model.data"]._xmlid_to_res_id("scm_base.dept_training")
        return self.env["hr.department"].sudo().browse(dept_id).manager_id.user_id[:1]

    # -- raising (AUD-GEN-05) --------------------------------------------------
    @api.model
    def _scm_raise(self, unit, description, source=None, name=None):
        """Raise a training need to the Training Dept: `unit` is the branch
        (res.company) or HQ department (hr.department) concerned,
        `description` what training is needed, `source` the audit record it
        comes from (optional). Called by the Audit Dept (scm_audit's
        finding); returns the need."""
        self._scm_check_auditor()
        if unit._name == "hr.department":
            company, department = unit.company_id, unit
        elif unit._name == "res.company":
            company, department = unit, self.env["hr.department"]
        else:
            raise UserError(_("A training need concerns a branch or an HQ department."))
        if not (description or "").strip():
            raise UserError(_("Describe the training need."))
        vals = {
            "name": name or description.strip().splitlines()[0][:80],
            "description": description,
            "company_id": company.id,
            "department_id": department.id,
        }
        need = self.create(vals)
        if source:
            source = source.with_env(self.env)
            source.check_access("read")
            need.sudo().write(
                {
                    "res_model": source._name,
                    "res_id": source.id,
                    "source_name": source.sudo().display_name,
                }
            )
        return need

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_auditor()
        needs = super().create(vals_list)
        for need in needs:
            manager = need._scm_training_manager()
            if manager:
                need.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Answer the training need raised by the Audit Dept"),
                    note=need.description,
                    user_id=manager.id,
                )
        return needs

    def write(self, vals):
        if not self.env.su:
            content = {"name", "description", "company_id", "department_id"}
            if content & vals.keys():
                for need in self:
                    need._scm_check_stage(("new",), _("edited"))
                self._scm_check_auditor()
            if {"plan_id", "session_id"} & vals.keys():
                self._scm_check_training_manager(_("link"))
                for need in self:
                    need._scm_check_stage(("new", "accepted"), _("linked"))
        return super().write(vals)

    # -- steps ------------------------------------------------------------------
    def action_accept(self):
        """The Training Dept manager takes the need on, with the plan or
        session that answers it."""
        self._scm_check_training_manager(_("accept"))
        for need in self:
            need._scm_check_stage(("new",), _("accepted"))
            if not (need.plan_id or need.session_id):
                raise UserError(
                    _(
                        "Link the training plan or session that answers %(doc)s "
                        "before accepting it.",
                        doc=need.display_name,
                    )
                )
            need._scm_step_write(
                {
                    "state": "accepted",
                    "accepted_by_id": self.env.user.id,
                    "accepted_date": fields.Datetime.now(),
                }
            )
            need.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_done(self):
        self._scm_check_training_manager(_("close"))
        for need in self:
            need._scm_check_stage(("accepted",), _("closed"))
            need._scm_step_write({"state": "done", "done_date": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._scm_check_auditor()
        for need in self:
            need._scm_check_stage(("new",), _("cancelled"))
            need._scm_step_write({"state": "cancelled"})
            need.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_open_source(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return False
        self.env[self.res_model].browse(self.res_id).check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
