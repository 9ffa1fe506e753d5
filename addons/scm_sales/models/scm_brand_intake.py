from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

INTAKE_STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to the Center"),
    ("supplement", "Supplement Required"),
    ("feasible", "Feasible, Plan Made"),
    ("cancel", "Cancelled"),
]
# The answer field of each questionnaire type.
SURVEY_FIELDS = {
    "product": "product_input_id",
    "brand_status": "brand_status_input_id",
    "feasibility": "feasibility_input_id",
}
MATERIAL_FIELDS = ("has_sample_garments", "has_process_sheets", "has_fabric_swatches")
# What the branch fills in; frozen while the center has the intake.
BRANCH_FIELDS = {
    "partner_id",
    "company_id",
    "user_id",
    "intent_summary",
    "material_note",
    "material_attachment_ids",
    *SURVEY_FIELDS.values(),
    *MATERIAL_FIELDS,
}
CENTER_FIELDS = {"center_analysis"}


class ScmBrandIntake(models.Model):
    """A branch's brand-operation intake for an interested customer: the
    three questionnaires and the customer's materials sent to the Brand
    Operation Center (SAL-BRAND-02), and the center's analysis, which either
    asks the branch for more or makes the initiation plan (SAL-BRAND-03)."""

    _name = "scm.brand.intake"
    _description = "Brand Operation Intake"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.step.guard.mixin"]
    # The number and what submission and the center's decision record.
    _scm_step_fields = (
        "name",
        "stage",
        "submitted_date",
        "submission_count",
        "decided_by_id",
        "decided_date",
        "plan_id",
    )
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Branch Contact",
        default=lambda self: self.env.user,
        tracking=True,
        help="The branch person who talked with the customer and organises "
        "the questionnaires.",
    )
    intent_summary = fields.Text(
        string="Customer Intent",
        help="What the customer said it wants from brand design and promotion.",
    )
    product_input_id = fields.Many2one(
        "survey.user_input",
        string="Product Survey Form",
        domain="[('survey_id.scm_brand_survey_type', '=', 'product')]",
        tracking=True,
    )
    brand_status_input_id = fields.Many2one(
        "survey.user_input",
        string="Brand Status Survey Form",
        domain="[('survey_id.scm_brand_survey_type', '=', 'brand_status')]",
        tracking=True,
    )
    feasibility_input_id = fields.Many2one(
        "survey.user_input",
        string="Feasibility Analysis Survey Form",
        domain="[('survey_id.scm_brand_survey_type', '=', 'feasibility')]",
        tracking=True,
    )
    surveys_complete = fields.Boolean(
        string="Questionnaires Complete",
        compute="_compute_surveys_complete",
        compute_sudo=True,
    )
    has_sample_garments = fields.Boolean(
        string="Representative Sample Garments", tracking=True
    )
    has_process_sheets = fields.Boolean(
        string="Process Sheets of Regular Styles", tracking=True
    )
    has_fabric_swatches = fields.Boolean(string="Fabric Swatches", tracking=True)
    materials_complete = fields.Boolean(compute="_compute_completeness")
    material_note = fields.Text(
        string="Materials Note", help="How and when the materials were sent."
    )
    material_attachment_ids = fields.Many2many(
        "ir.attachment", string="Material Photos and Scans"
    )
    stage = fields.Selection(
        INTAKE_STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    submission_count = fields.Integer(string="Submissions", readonly=True, copy=False)
    center_analysis = fields.Text(
        tracking=True,
        help="The Brand Operation Center's analysis of the material and its "
        "conclusion; required for the decision.",
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decided_date = fields.Datetime(string="Decided On", readonly=True, copy=False)
    plan_id = fields.Many2one(
        "scm.brand.plan", string="Initiation Plan", readonly=True, copy=False
    )

    # -- completeness (SAL-BRAND-02) ------------------------------------------------
    @api.depends(
        "product_input_id.state",
        "brand_status_input_id.state",
        "feasibility_input_id.state",
    )
    def _compute_surveys_complete(self):
        for intake in self:
            intake.surveys_complete = all(
                intake[name].state == "done" for name in SURVEY_FIELDS.values()
            )

    @api.depends(*MATERIAL_FIELDS)
    def _compute_completeness(self):
        for intake in self:
            intake.materials_complete = all(intake[name] for name in MATERIAL_FIELDS)

    def _scm_form_label(self, survey_type):
        field = self.env["survey.survey"]._fields["scm_brand_survey_type"]
        return dict(field._description_selection(self.env))[survey_type]

    def _scm_missing_items(self):
        """Labels of what is still missing before the center can take it."""
        self.ensure_one()
        missing = []
        for survey_type, name in SURVEY_FIELDS.items():
            if self.sudo()[name].state != "done":
                missing.append(
                    _("completed %(form)s", form=self._scm_form_label(survey_type))
                )
        for name in MATERIAL_FIELDS:
            if not self[name]:
                missing.append(self._fields[name]._description_string(self.env))
        return missing

    @api.constrains("partner_id", *SURVEY_FIELDS.values())
    def _check_survey_answers(self):
        for intake in self.sudo():
            customer = intake.partner_id.commercial_partner_id
            for survey_type, name in SURVEY_FIELDS.items():
                answer = intake[name]
                if not answer:
                    continue
                if answer.survey_id.scm_brand_survey_type != survey_type:
                    raise ValidationError(
                        _(
                            "%(field)s must be an answer to the %(form)s.",
                            field=intake._fields[name]._description_string(self.env),
                            form=self._scm_form_label(survey_type),
                        )
                    )
                if answer.partner_id.commercial_partner_id != customer:
                    raise ValidationError(
                        _(
                            "The answer %(answer)s was not given by %(customer)s.",
                            answer=answer.display_name,
                            customer=customer.display_name,
                        )
                    )

    # -- branch guard (SAL-TERR) ----------------------------------------------------
    def _scm_check_branch_may_work(self):
        for intake in self:
            # The guard reads the customer's territory, not the user's view of it.
            partner = intake.sudo().partner_id.commercial_partner_id
            partner._scm_assert_branch_may_work(intake.company_id)

    def _scm_is_branch_staff(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return user.has_group(
            "scm_base.group_branch_staff"
        ) and user._scm_is_member_of_company(self.company_id)

    def _scm_is_center(self, user=None):
        user = user or self.env.user
        return user.has_group("scm_base.group_brand_manager") or user.has_group(
            "scm_base.group_brand_designer"
        )

    @api.model_create_multi
    def create(self, vals_list):
        intakes = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for intake in intakes.filtered(lambda i: i.name == "/"):
            # The number is the system's, never the client's.
            intake._scm_step_write(
                {"name": sequence.next_by_code("scm.brand.intake") or "/"}
            )
        for intake in intakes:
            if not (intake._scm_is_branch_staff() or self.env.su):
                raise AccessError(
                    _(
                        "Only the staff of %(branch)s record its brand intakes.",
                        branch=intake.company_id.name,
                    )
                )
        intakes._scm_check_branch_may_work()
        return intakes

    def write(self, vals):
        if not self.env.su:
            branch_change = BRANCH_FIELDS & set(vals)
            center_change = CENTER_FIELDS & set(vals)
            for intake in self:
                if branch_change:
                    if intake.stage not in ("draft", "supplement"):
                        raise UserError(
                            _(
                                "%(doc)s is with the Brand Operation Center or "
                                "closed: the branch cannot change it now.",
                                doc=intake.display_name,
                            )
                        )
                    if not intake._scm_is_branch_staff():
                        raise AccessError(
                            _(
                                "Only the staff of %(branch)s edit its brand intakes.",
                                branch=intake.company_id.name,
                            )
                        )
                if center_change and (
                    intake.stage != "submitted" or not intake._scm_is_center()
                ):
                    raise AccessError(
                        _(
                            "Only the Brand Operation Center writes the analysis "
                            "of a submitted intake."
                        )
                    )
        res = super().write(vals)
        if {"partner_id", "company_id"} & set(vals):
            self._scm_check_branch_may_work()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        for intake in self:
            if intake.stage != "draft" or intake.submission_count:
                raise UserError(
                    _(
                        "%(doc)s was sent to the Brand Operation Center and "
                        "cannot be deleted; cancel it instead.",
                        doc=intake.display_name,
                    )
                )

    # -- questionnaires -------------------------------------------------------------
    def action_prepare_surveys(self):
        """Create the customer's answer of each missing questionnaire, ready to
        be filled through its link or entered from the paper form."""
        Survey = self.env["survey.survey"].sudo()
        for intake in self:
            if intake.stage not in ("draft", "supplement"):
                raise UserError(
                    _(
                        "The questionnaires are prepared while the branch has "
                        "the intake."
                    )
                )
            values = {}
            for survey_type, name in SURVEY_FIELDS.items():
                if intake[name]:
                    continue
                survey = Survey.search(
                    [("scm_brand_survey_type", "=", survey_type)], limit=1
                )
                if not survey:
                    raise UserError(
                        _(
                            "No questionnaire is configured for %(form)s.",
                            form=self._scm_form_label(survey_type),
                        )
                    )
                answer = survey._create_answer(
                    partner=intake.partner_id.commercial_partner_id,
                    check_attempts=False,
                )
                values[name] = answer.id
            if values:
                intake.write(values)
        return True

    # -- workflow -------------------------------------------------------------------
    def _scm_center_manager(self):
        return self.env.ref("scm_base.dept_brand").sudo().manager_id.user_id

    def _scm_transition(self, vals):
        return self._scm_step_write(vals)

    def action_submit(self):
        """The branch sends the complete intake to the center (SAL-BRAND-02)."""
        for intake in self:
            if not intake._scm_is_branch_staff():
                raise AccessError(
                    _(
                        "Only the staff of %(branch)s submit its brand intakes.",
                        branch=intake.company_id.name,
                    )
                )
            if intake.stage not in ("draft", "supplement"):
                raise UserError(
                    _(
                        "%(doc)s cannot be submitted in its current stage.",
                        doc=intake.display_name,
                    )
                )
            missing = intake._scm_missing_items()
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot go to the Brand Operation Center yet; "
                        "missing: %(missing)s.",
                        doc=intake.display_name,
                        missing=", ".join(missing),
                    )
                )
            intake._scm_check_branch_may_work()
            intake._scm_transition(
                {
                    "stage": "submitted",
                    "submitted_date": fields.Datetime.now(),
                    "submission_count": intake.submission_count + 1,
                    "decided_by_id": False,
                    "decided_date": False,
                }
            )
            manager = intake._scm_center_manager()
            if manager:
                intake.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Analyse the brand intake"),
                    user_id=manager.id,
                )
        return True

    def _scm_check_decision(self):
        self.ensure_one()
        if not self.env.user.has_group("scm_base.group_brand_manager"):
            raise AccessError(
                _("Only the Brand Operation Center manager decides on an intake.")
            )
        if self.stage != "submitted":
            raise UserError(
                _(
                    "Only a submitted intake can be decided; %(doc)s is not.",
                    doc=self.display_name,
                )
            )
        if not (self.center_analysis or "").strip():
            raise UserError(_("Write the center's analysis before deciding."))

    def _scm_decided(self, stage):
        self._scm_transition(
            {
                "stage": stage,
                "decided_by_id": self.env.user.id,
                "decided_date": fields.Datetime.now(),
            }
        )
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])

    def action_decide_insufficient(self):
        """Not enough to go on: no initiation for now, the branch supplements
        the customer's data (SAL-BRAND-03)."""
        for intake in self:
            intake._scm_check_decision()
            intake._scm_decided("supplement")
            recipients = (intake.user_id | intake.company_id.scm_manager_id).partner_id
            self.env["scm.notice"]._scm_send(
                intake,
                _("Brand intake %(doc)s: supplement required", doc=intake.name),
                intake.center_analysis,
                recipients,
            )
            if intake.user_id:
                intake.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Supplement the customer's data"),
                    note=intake.center_analysis,
                    user_id=intake.user_id.id,
                )
        return True

    def action_decide_feasible(self):
        """Sufficient and feasible: the center makes the initiation plan
        (SAL-BRAND-03)."""
        for intake in self:
            intake._scm_check_decision()
            plan = self.env["scm.brand.plan"].create(
                {
                    "intake_id": intake.id,
                    "user_id": self.env.user.id,
                    "objective": intake.center_analysis,
                }
            )
            intake._scm_decided("feasible")
            intake._scm_transition({"plan_id": plan.id})
            self.env["scm.notice"]._scm_send(
                intake,
                _("Brand intake %(doc)s: initiation plan made", doc=intake.name),
                intake.center_analysis,
                (intake.user_id | intake.company_id.scm_manager_id).partner_id,
            )
        return True

    def action_cancel(self):
        for intake in self:
            if intake.stage not in ("draft", "supplement"):
                raise UserError(
                    _(
                        "%(doc)s cannot be cancelled in its current stage.",
                        doc=intake.display_name,
                    )
                )
            if not intake._scm_is_branch_staff():
                raise AccessError(
                    _(
                        "Only the staff of %(branch)s cancel its brand intakes.",
                        branch=intake.company_id.name,
                    )
                )
            intake._scm_transition({"stage": "cancel"})
            intake.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_open_plan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.brand.plan",
            "res_id": self.plan_id.id,
            "view_mode": "form",
        }
