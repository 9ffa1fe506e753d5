from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .brand_stage_template import PROJECT_TYPES

BRAND_STEP_FIELDS = {
    "brand_type",
    "brand_started_date",
    "brand_started_by_id",
    "brand_impl_state",
}


class ScmBrandProject(models.Model):
    """The implementation of a brand operation project (000 §三.6): the
    cooperation agreement approved by the Market Center (PRJ-BRD-01/02), then
    the five stages of a design or a promotion project (PRJ-BRD-03/04) with
    their deadlines (PRJ-BRD-05) and acceptance forms (PRJ-BRD-06)."""

    _inherit = "scm.brand.project"

    brand_type = fields.Selection(
        PROJECT_TYPES, string="Project Type", readonly=True, tracking=True
    )
    brand_impl_state = fields.Selection(
        [
            ("not_started", "Not Started"),
            ("in_progress", "In Progress"),
            ("done", "Implementation Complete"),
        ],
        string="Implementation",
        default="not_started",
        required=True,
        readonly=True,
        tracking=True,
    )
    brand_started_date = fields.Datetime(string="Started On", readonly=True)
    brand_started_by_id = fields.Many2one(
        "res.users", string="Started By", readonly=True
    )
    brand_agreement_ids = fields.One2many(
        "scm.brand.coop.agreement",
        "brand_project_id",
        string="Cooperation Agreements",
    )
    brand_agreement_approved = fields.Boolean(
        string="Agreement Approved", compute="_compute_brand_agreement_approved"
    )
    brand_stage_ids = fields.One2many(
        "scm.brand.stage", "brand_project_id", string="Stages"
    )
    brand_survey_ids = fields.One2many(
        "scm.brand.feedback.survey", "brand_project_id", string="Feedback Surveys"
    )
    brand_deliverable_ids = fields.One2many(
        "scm.brand.deliverable", "brand_project_id", string="Deliverables"
    )

    def _scm_step_field_names(self):
        return super()._scm_step_field_names() | BRAND_STEP_FIELDS

    @api.depends("brand_agreement_ids.state")
    def _compute_brand_agreement_approved(self):
        for project in self:
            project.brand_agreement_approved = bool(
                project.sudo().brand_agreement_ids.filtered(
                    lambda a: a.state == "approved"
                )
            )

    # -- helpers other areas may call ----------------------------------------------
    def _scm_brand_p_contract(self):
        """The brand operation (P) contract of the project in force, or an
        empty recordset."""
        self.ensure_one()
        contract = self.env["scm.contract"]
        return contract.sudo().search(
            [
                ("brand_proposal_id", "=", self.proposal_id.id),
                ("contract_type", "=", "brand"),
                ("stage", "in", contract._scm_in_force_stages()),
            ],
            limit=1,
        )

    def _scm_brand_approved_agreement(self):
        self.ensure_one()
        return self.sudo().brand_agreement_ids.filtered(
            lambda a: a.state == "approved"
        )[:1]

    def _scm_brand_is_team(self, user=None):
        """The Brand Operation Center manager or a designer of the project
        team (专案组)."""
        self.ensure_one()
        user = user or self.env.user
        return (
            user.has_group("scm_base.group_brand_manager")
            or user.has_group("scm_base.group_scm_admin")
            or user in self.sudo().team_member_ids
        )

    def _scm_brand_check_team(self, action):
        for project in self:
            if not project._scm_brand_is_team():
                raise AccessError(
                    _(
                        "Only the Brand Operation Center manager or the project "
                        "team of %(project)s may %(action)s.",
                        project=project.sudo().display_name,
                        action=action,
                    )
                )

    def _scm_brand_owner(self):
        """Who answers for the stages' deadlines: the Brand Operation Center
        manager."""
        return self.env.ref("scm_base.dept_brand").sudo()._scm_manager_user()

    # -- step ----------------------------------------------------------------------
    def action_brand_start(self):
        """专案正式启动: the brand contract is in force and the Market Center
        approved the cooperation agreement (PRJ-BRD-01/02, PRJ-SC-02); the
        stages of the agreement's project type are generated (PRJ-BRD-03/04)."""
        for project in self:
            if not self.env.user.has_group("scm_base.group_brand_manager"):
                raise AccessError(
                    _("Only the Brand Operation Center manager starts a brand project.")
                )
            if project.state == "cancel":
                raise UserError(
                    _("%(project)s is cancelled.", project=project.display_name)
                )
            if project.brand_impl_state != "not_started":
                raise UserError(
                    _(
                        "%(project)s has already started.",
                        project=project.display_name,
                    )
                )
            if not project._scm_brand_p_contract():
                raise UserError(
                    _(
                        "%(project)s cannot start: its brand operation (P) "
                        "contract is not in force.",
                        project=project.display_name,
                    )
                )
            agreement = project._scm_brand_approved_agreement()
            if not agreement:
                raise UserError(
                    _(
                        "%(project)s cannot start before the Market Center "
                        "approves its cooperation agreement (PRJ-BRD-02).",
                        project=project.display_name,
                    )
                )
            templates = (
                self.env["scm.brand.stage.template"]
                .sudo()
                .search([("project_type", "=", agreement.acceptance_type)])
            )
            if not templates:
                raise UserError(
                    _("No stage template is configured for this project type.")
                )
            project._scm_step_write(
                {
                    "brand_type": agreement.acceptance_type,
                    "brand_impl_state": "in_progress",
                    "brand_started_date": fields.Datetime.now(),
                    "brand_started_by_id": self.env.user.id,
                }
            )
            stages = (
                self.env["scm.brand.stage"].sudo()._scm_generate(project, templates)
            )
            stages[:1]._scm_start()
            project.sudo().message_post(
                body=_(
                    "Brand project started: %(count)s stages generated.",
                    count=len(stages),
                )
            )
        return True
