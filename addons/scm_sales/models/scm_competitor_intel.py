from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

INTEL_CATEGORIES = [
    ("information_system", "Information System"),
    ("sales_method", "Sales Method"),
    ("pricing", "Pricing"),
    ("marketing_strategy", "Marketing Strategy"),
    ("future_plans", "Future Plans"),
]


class ScmCompetitorIntel(models.Model):
    """Data on an in-scope competitor collected by a department or branch and
    handed in writing to the MSD Manager (SAL-COMP-04)."""

    _name = "scm.competitor.intel"
    _description = "Competitor Intelligence Submission"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    # Submission and receipt are the steps' own.
    _scm_step_fields = ("state", "submitted_by_id", "submitted_date")
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    competitor_id = fields.Many2one(
        "scm.competitor",
        required=True,
        index=True,
        domain=[("in_scope", "=", True)],
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Submitting Department",
        help="The HQ department that collected the data.",
    )
    branch_id = fields.Many2one(
        "res.company",
        string="Submitting Branch",
        domain=[("parent_id", "!=", False)],
        help="The branch that collected the data.",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        help="The branch for a branch submission, headquarters otherwise.",
    )
    category = fields.Selection(INTEL_CATEGORIES, required=True)
    content = fields.Text(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    submitted_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
    )
    recipient_id = fields.Many2one(
        "res.users",
        string="Addressed To",
        compute="_compute_recipient_id",
        store=True,
        help="The MSD Manager receives every submission.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("received", "Received")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("branch_id")
    def _compute_company_id(self):
        hq = self.env["res.company"].sudo().search([("parent_id", "=", False)], limit=1)
        for intel in self:
            intel.company_id = intel.branch_id or hq

    @api.depends("competitor_id")
    def _compute_recipient_id(self):
        manager = self.env.ref("scm_base.dept_msd").sudo().manager_id.user_id
        for intel in self:
            intel.recipient_id = manager

    @api.constrains("competitor_id", "department_id", "branch_id")
    def _check_submission(self):
        for intel in self:
            if not intel.competitor_id.in_scope:
                raise ValidationError(
                    _(
                        "%(name)s is not within the scope of competitors decided "
                        "by the working group.",
                        name=intel.competitor_id.name,
                    )
                )
            if bool(intel.department_id) == bool(intel.branch_id):
                raise ValidationError(
                    _("Name the one department or branch that submits the data.")
                )

    def _scm_check_submitter(self):
        """The manager of the submitting unit hands the data in (SAL-COMP-04)."""
        if self.env.su:
            # Data files and technical jobs run as superuser.
            return
        user = self.env.user
        for intel in self:
            if intel.department_id:
                allowed = intel.department_id.sudo().manager_id.user_id == user
                unit = intel.department_id.name
            else:
                allowed = intel.branch_id.sudo().scm_manager_id == user
                unit = intel.branch_id.name
            if not allowed:
                raise UserError(
                    _(
                        "Only the manager of %(unit)s submits its competitor data.",
                        unit=unit,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._scm_check_submitter()
        return records

    def write(self, vals):
        if not self.env.su:
            if self.filtered(lambda i: i.state != "draft"):
                raise UserError(
                    _("A submitted intelligence report can no longer change.")
                )
            self._scm_check_submitter()
        res = super().write(vals)
        if not self.env.su:
            self._scm_check_submitter()
        return res

    def unlink(self):
        if self.filtered(lambda i: i.state != "draft"):
            raise UserError(_("A submitted intelligence report cannot be deleted."))
        return super().unlink()

    def action_submit(self):
        """Hand the data in writing to the MSD Manager."""
        self._scm_check_submitter()
        for intel in self:
            if intel.state != "draft":
                raise UserError(_("Only a draft can be submitted."))
            if not intel.recipient_id:
                raise UserError(_("The MSD has no manager to receive the data."))
            categories = dict(self._fields["category"]._description_selection(self.env))
            self.env["scm.notice"]._scm_send(
                intel,
                _(
                    "Competitor data: %(competitor)s, %(category)s",
                    competitor=intel.competitor_id.name,
                    category=categories[intel.category],
                ),
                Markup("<p>%s</p>") % intel.content,
                intel.recipient_id.partner_id,
            )
        self._scm_step_write(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        return True

    def _scm_demo_submit(self):
        """Demo data: hand the drafts in (idempotent)."""
        return self.filtered(lambda i: i.state == "draft").action_submit()

    def action_receive(self):
        for intel in self:
            if intel.state != "submitted":
                raise UserError(_("Only a submitted report can be received."))
            if intel.recipient_id != self.env.user:
                raise UserError(
                    _("Only the MSD Manager it is addressed to receives it.")
                )
        self._scm_step_write({"state": "received"})
        return True
