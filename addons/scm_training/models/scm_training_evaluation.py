from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

OVERALL_RESULTS = [
    ("excellent", "Excellent"),
    ("qualified", "Qualified"),
    ("unqualified", "Unqualified"),
]
# Nominal weight of a trainer's result in their monthly assessment
# (TRN-EVAL-06): a penalty when unqualified, an incentive otherwise.
TRAINER_SCORES = {"excellent": 2.0, "qualified": 1.0, "unqualified": -1.0}


class ScmTrainingEvaluation(models.Model):
    """《培训结果评议表》 (FORMS row 81): the meeting held after a session to
    evaluate its results and assess its lead trainer (TRN-EVAL-01), scored on
    the criteria of TRN-EVAL-02 and TRN-EXEC-01 with an overall result.

    The criteria are lines of this form rather than a survey.survey: the
    meeting scores the trainer together (one set of scores agreed by the
    participants, with remarks), not each participant answering a
    questionnaire, and each score must stay tied to the criterion and rule it
    checks. Confirming it moves the session to "evaluated", files the result
    in the trainer's employee file and sends it to the Audit Dept
    (TRN-EVAL-06)."""

    _name = "scm.training.evaluation"
    _description = "Training Result Evaluation Form"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.stage.mixin"]
    _order = "meeting_date desc, id desc"
    _scm_stage_field = "state"
    _scm_step_fields = ("confirmed_by_id", "confirmed_date", "trainer_id")

    name = fields.Char(compute="_compute_name", store=True)
    session_id = fields.Many2one(
        "scm.training.session",
        string="Training Session",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True, string="Unit"
    )
    department_id = fields.Many2one(
        related="session_id.department_id", store=True, index=True
    )
    organiser_id = fields.Many2one(
        related="session_id.organiser_id", store=True, index=True
    )
    trainer_id = fields.Many2one(
        "hr.employee",
        string="Lead Trainer",
        compute="_compute_trainer_id",
        store=True,
        index=True,
        help="The session's lead trainer; kept as confirmed once the form is.",
    )
    meeting_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    participant_ids = fields.Many2many(
        "hr.employee", string="Meeting Participants", tracking=True
    )
    line_ids = fields.One2many(
        "scm.training.evaluation.line",
        "evaluation_id",
        string="Criteria",
        default=lambda self: self._default_line_ids(),
        copy=True,
    )
    score_average = fields.Float(
        string="Average Score", compute="_compute_score_average", digits=(3, 1)
    )
    overall_result = fields.Selection(OVERALL_RESULTS, tracking=True)
    conclusion = fields.Text(string="Evaluation of the Training Results")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        (
            "session_uniq",
            "unique (session_id)",
            "A session has one evaluation meeting form.",
        )
    ]

    @api.model
    def _default_line_ids(self):
        criteria = self.env["scm.training.evaluation.criterion"].search([])
        return [fields.Command.create({"criterion_id": c.id}) for c in criteria]

    @api.depends("session_id.name")
    def _compute_name(self):
        for evaluation in self:
            evaluation.name = _(
                "Evaluation: %(session)s", session=evaluation.session_id.name or ""
            )

    @api.depends("session_id.trainer_id", "state")
    def _compute_trainer_id(self):
        for evaluation in self:
            if evaluation.state == "confirmed" and evaluation.trainer_id:
                evaluation.trainer_id = evaluation.trainer_id
            else:
                evaluation.trainer_id = evaluation.session_id.trainer_id

    @api.depends("line_ids.score")
    def _compute_score_average(self):
        for evaluation in self:
            scores = evaluation.line_ids.mapped("score")
            evaluation.score_average = sum(scores) / len(scores) if scores else 0.0

    # -- editing ---------------------------------------------------------------
    def _scm_check_editable(self):
        """A draft form is written by the session's organiser or the Training
        Dept's manager, only while the session is held."""
        if self.env.su:
            return
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s is confirmed: it can no longer be changed.",
                        doc=evaluation.display_name,
                    )
                )
            evaluation.session_id._scm_eval_check_actor(
                _("write its evaluation meeting form")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("line_ids"):
                vals["line_ids"] = self._default_line_ids()
        records = super().create(vals_list)
        if not self.env.su:
            for evaluation in records:
                evaluation.session_id._scm_check_stage(
                    ("held",), _("given its evaluation meeting")
                )
            records._scm_check_editable()
        return records

    def write(self, vals):
        self._scm_check_editable()
        if "session_id" in vals and not self.env.su:
            raise UserError(_("The session of an evaluation form cannot be changed."))
        return super().write(vals)

    def unlink(self):
        self._scm_check_editable()
        return super().unlink()

    @api.constrains("line_ids")
    def _check_line_ids(self):
        for evaluation in self:
            criteria = evaluation.line_ids.criterion_id
            if len(criteria) != len(evaluation.line_ids):
                raise ValidationError(
                    _("Each criterion is scored once on %(doc)s.", doc=evaluation.name)
                )

    # -- steps -----------------------------------------------------------------
    def action_confirm(self):
        """TRN-EVAL-01/02/06: the meeting's scores and overall result are
        confirmed; the session is evaluated; the result goes into the
        trainer's file, their assessment and to the Audit Dept."""
        for evaluation in self:
            evaluation._scm_check_stage(("draft",), _("confirmed"))
            session = evaluation.session_id
            session._scm_eval_check_actor(_("confirm its trainer evaluation"))
            session._scm_check_stage(("held",), _("evaluated"))
            if not evaluation.overall_result:
                raise UserError(
                    _(
                        "Give the trainer's overall result (excellent, qualified "
                        "or unqualified) on %(doc)s before confirming it "
                        "(TRN-EVAL-02).",
                        doc=evaluation.name,
                    )
                )
            unscored = evaluation.line_ids.filtered(lambda line: not line.score)
            if not evaluation.line_ids or unscored:
                raise UserError(
                    _(
                        "Score every criterion of %(doc)s before confirming it "
                        "(not scored: %(items)s).",
                        doc=evaluation.name,
                        items=", ".join(unscored.criterion_id.mapped("name"))
                        or _("no criteria"),
                    )
                )
            if not session.sudo().trainer_id:
                raise UserError(
                    _(
                        "%(doc)s has no lead trainer to assess.",
                        doc=session.display_name,
                    )
                )
            evaluation._scm_step_write(
                {
                    "state": "confirmed",
                    "confirmed_by_id": self.env.user.id,
                    "confirmed_date": fields.Datetime.now(),
                }
            )
            session._scm_step_write({"stage": "evaluated"})
            evaluation._scm_trainer_outcomes()
        return True

    def _scm_result_label(self):
        self.ensure_one()
        return dict(self._fields["overall_result"]._description_selection(self.env))[
            self.overall_result
        ]

    def _scm_trainer_outcomes(self):
        """TRN-EVAL-06: unqualified → improvement within one month and a
        performance entry; qualified or excellent → an incentive entry; every
        result to the Audit Dept in writing. A trainer without a user account
        (an outside trainer) has no assessment: the chatter says so."""
        self.ensure_one()
        trainer = self.sudo().trainer_id
        user = trainer.user_id
        result = self._scm_result_label()
        if user:
            if self.overall_result == "unqualified":
                self._scm_deadline_open(
                    "TRN-EVAL-06",
                    _(
                        "Improve your overall training quality (unqualified "
                        "trainer of %(session)s)",
                        session=self.session_id.name,
                    ),
                    user,
                    self.session_id._scm_one_month(),
                    unit="calendar_days",
                )
                description = _(
                    "Unqualified as lead trainer of %(session)s: overall training "
                    "quality to improve within one month (TRN-EVAL-06).",
                    session=self.session_id.name,
                )
            else:
                description = _(
                    "%(result)s as lead trainer of %(session)s: incentive "
                    "(TRN-EVAL-06).",
                    result=result,
                    session=self.session_id.name,
                )
            self.env["scm.assessment.entry"]._scm_add(
                user,
                "training",
                description,
                score=TRAINER_SCORES[self.overall_result],
                document=self,
            )
        else:
            self.sudo().message_post(
                body=_(
                    "%(trainer)s has no user account: no assessment entry or "
                    "deadline was recorded.",
                    trainer=trainer.name,
                )
            )
        body = Markup(
            "<p>%s</p><ul><li>%s: %s</li><li>%s: %s</li><li>%s: %s</li>"
            "<li>%s: %.1f</li></ul>"
        ) % (
            _("Trainer assessment result (TRN-EVAL-06):"),
            _("Session"),
            self.session_id.name,
            _("Lead trainer"),
            trainer.name,
            _("Overall result"),
            result,
            _("Average score"),
            self.score_average,
        )
        self.env["scm.notice"]._scm_send(
            self,
            _("Trainer result to the Audit Dept: %(doc)s", doc=self.name),
            body,
            self.session_id._scm_audit_partners(),
        )
