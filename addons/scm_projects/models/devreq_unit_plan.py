from odoo import _, api, fields, models
from odoo.exceptions import UserError

UNITS = {"qc": "scm_base.dept_qc", "software": "scm_base.dept_software"}


class ScmDevUnitPlan(models.Model):
    """The 《软件产品质检工作计划》 of the QC Dept and the 《软件产品工作计划》
    of the Software Dept (PRJ-DEV-04), made from the development plan. The
    manual names no approver: the unit files it, and both are due before the
    development agreement is signed (`scm.dev.work._scm_agreement_blockers`).
    A contract project uses its own QC and software work plan sheets
    (scm.project.plan, PRJ-SC-03) instead."""

    _name = "scm.dev.unit.plan"
    _description = "QC or Software Work Plan"
    _inherit = ["mail.thread", "scm.stage.mixin"]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = ("filed_by_id", "filed_date")

    name = fields.Char(string="Title", required=True)
    plan_type = fields.Selection(
        [("qc", "QC Work Plan"), ("software", "Software Work Plan")],
        string="Plan",
        required=True,
    )
    work_id = fields.Many2one(
        "scm.dev.work",
        string="Development",
        required=True,
        index=True,
        ondelete="restrict",
    )
    kind = fields.Selection(related="work_id.kind", store=True)
    company_id = fields.Many2one(related="work_id.company_id", store=True)
    dev_plan_id = fields.Many2one(
        related="work_id.dev_plan_id", string="Development Plan", store=True
    )
    content = fields.Text(string="Work Content")
    completion_date = fields.Date(string="Completion Time")
    staff = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("filed", "Filed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    filed_by_id = fields.Many2one("res.users", readonly=True)
    filed_date = fields.Datetime(string="Filed On", readonly=True)

    def _devreq_check_unit(self, action):
        user = self.env.user
        for plan in self:
            unit = self.env.ref(UNITS[plan.plan_type])
            if not (
                user.has_group("scm_base.group_scm_admin")
                or user._scm_is_member_of_unit(unit)
            ):
                raise UserError(
                    _(
                        "Only the %(unit)s may %(action)s %(doc)s.",
                        unit=unit.name,
                        action=action,
                        doc=plan.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        if not self.env.su:
            plans._devreq_check_unit(_("prepare"))
            for plan in plans:
                if plan.work_id.kind == "project":
                    raise UserError(
                        _(
                            "A contract project's QC and software work plans are "
                            "the project's plan sheets (PRJ-SC-03)."
                        )
                    )
        return plans

    def write(self, vals):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("changed"))
            self._devreq_check_unit(_("change"))
            if "plan_type" in vals or "work_id" in vals:
                raise UserError(_("A work plan keeps its unit and its development."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("deleted"))
            self._devreq_check_unit(_("delete"))
        return super().unlink()

    def action_devreq_file(self):
        for plan in self:
            plan._scm_check_stage(("draft",), _("filed"))
            plan._devreq_check_unit(_("file"))
            if not (plan.content or "").strip() or not plan.completion_date:
                raise UserError(
                    _(
                        "%(doc)s needs its work content and completion time.",
                        doc=plan.display_name,
                    )
                )
            plan._scm_step_write(
                {
                    "state": "filed",
                    "filed_by_id": self.env.uid,
                    "filed_date": fields.Datetime.now(),
                }
            )
        return True
