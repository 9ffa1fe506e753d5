from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmTrainingExam(models.Model):
    """《试卷》 (FORMS row 83): the exam of a session — its paper (a
    certification survey with its pass mark and attempt limit) or the
    "special case" reason it has none (TRN-EVAL-03) — and the result of each
    trainee. Confirming the results moves the session to "examined", reports
    each fail to the trainee's manager with a retake due within 7 days,
    commends the excellent (TRN-EVAL-04) and sends every result to the Audit
    Dept in writing; each retake result is sent again (TRN-EVAL-05)."""

    _name = "scm.training.exam"
    _description = "Training Exam"
    _inherit = ["mail.thread", "scm.stage.mixin"]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = ("confirmed_by_id", "confirmed_date")

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
    attendant_ids = fields.Many2many(
        related="session_id.attendant_ids", string="Trainees of the Session"
    )
    exam_date = fields.Date(default=fields.Date.context_today, tracking=True)
    survey_id = fields.Many2one(
        "survey.survey",
        string="Exam Paper",
        domain=[("certification", "=", True)],
        tracking=True,
        help="The paper: a certification survey, with its pass mark and the "
        "number of attempts allowed.",
    )
    special_case = fields.Text(
        string="Special Case (No Exam)",
        tracking=True,
        help="Why the trainees are not examined (TRN-EVAL-03).",
    )
    pass_mark = fields.Float(
        default=60.0, tracking=True, help="A score at or above it passes."
    )
    excellent_mark = fields.Float(
        default=90.0,
        tracking=True,
        help="A score at or above it is excellent: a pass with distinction "
        "(优秀学员, TRN-EVAL-04).",
    )
    survey_title = fields.Char(
        related="survey_id.title",
        string="Exam Paper Title",
        help="The paper's title, shown to those who do not manage surveys.",
    )
    attempts_limit = fields.Integer(
        related="survey_id.attempts_limit", string="Attempts Allowed"
    )
    result_ids = fields.One2many(
        "scm.training.exam.result", "exam_id", string="Results"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Results Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(readonly=True, copy=False)
    fail_count = fields.Integer(compute="_compute_counts")
    excellent_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        ("session_uniq", "unique (session_id)", "A session has one exam.")
    ]

    @api.depends("session_id.name")
    def _compute_name(self):
        for exam in self:
            exam.name = _("Exam: %(session)s", session=exam.session_id.name or "")

    @api.depends("result_ids.result")
    def _compute_counts(self):
        for exam in self:
            exam.fail_count = len(
                exam.result_ids.filtered(lambda r: r.result == "fail")
            )
            exam.excellent_count = len(
                exam.result_ids.filtered(lambda r: r.result == "excellent")
            )

    @api.onchange("survey_id")
    def _onchange_survey_id(self):
        if self.survey_id.scoring_success_min:
            self.pass_mark = self.survey_id.scoring_success_min

    @api.constrains("survey_id", "special_case")
    def _check_paper_or_special_case(self):
        """TRN-EVAL-03: an exam paper, or a "special case" reason."""
        for exam in self:
            if not exam.survey_id and not (exam.special_case or "").strip():
                raise ValidationError(
                    _(
                        "%(doc)s needs an exam paper or the reason for the "
                        "special case in which the trainees are not examined "
                        "(TRN-EVAL-03).",
                        doc=exam.name,
                    )
                )

    @api.constrains("pass_mark", "excellent_mark")
    def _check_marks(self):
        for exam in self:
            if exam.pass_mark <= 0 or exam.excellent_mark < exam.pass_mark:
                raise ValidationError(
                    _(
                        "The pass mark must be above zero and the excellent "
                        "mark not below it."
                    )
                )

    # -- editing ---------------------------------------------------------------
    def _scm_check_editable(self):
        if self.env.su:
            return
        for exam in self:
            if exam.state != "draft":
                raise UserError(
                    _(
                        "The results of %(doc)s are confirmed: they can no longer "
                        "be changed.",
                        doc=exam.display_name,
                    )
                )
            exam.session_id._scm_eval_check_actor(_("write its exam"))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for exam in records:
                exam.session_id._scm_check_stage(("evaluated",), _("examined"))
            records._scm_check_editable()
        return records

    def write(self, vals):
        self._scm_check_editable()
        if "session_id" in vals and not self.env.su:
            raise UserError(_("The session of an exam cannot be changed."))
        return super().write(vals)

    def unlink(self):
        self._scm_check_editable()
        return super().unlink()

    # -- steps -----------------------------------------------------------------
    def action_confirm(self):
        """TRN-EVAL-03..05: the results are confirmed and the session is
        examined; then the fails, the excellent and the Audit Dept."""
        for exam in self:
            exam._scm_check_stage(("draft",), _("confirmed"))
            session = exam.session_id
            session._scm_eval_check_actor(_("confirm the exam results"))
            session._scm_check_stage(("evaluated",), _("examined"))
            results = exam.result_ids
            if exam.survey_id:
                missing = session.sudo().attendant_ids - results.employee_id
                if missing:
                    raise UserError(
                        _(
                            "Give the result of every trainee of %(doc)s "
                            "(missing: %(names)s).",
                            doc=session.display_name,
                            names=", ".join(missing.mapped("name")),
                        )
                    )
            now = fields.Datetime.now()
            exam._scm_step_write(
                {
                    "state": "confirmed",
                    "confirmed_by_id": self.env.user.id,
                    "confirmed_date": now,
                }
            )
            session._scm_step_write({"stage": "examined"})
            for result in results:
                result._scm_record_first_attempt(now)
            exam._scm_send_to_audit(
                results,
                _("Trainee results to the Audit Dept: %(doc)s", doc=exam.name),
                _("Trainee examination results (TRN-EVAL-04):"),
            )
        return True

    def _scm_send_to_audit(self, results, subject, intro):
        """The results, in writing, to the Audit Dept (TRN-EVAL-04/05)."""
        self.ensure_one()
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                r.employee_id.name,
                r.score,
                r._scm_label("result"),
                r._scm_label("status"),
            )
            for r in results.sudo()
        )
        if self.special_case and not results:
            rows = Markup("<tr><td colspan='4'>%s: %s</td></tr>") % (
                _("Special case, no exam"),
                self.special_case,
            )
        body = Markup(
            "<p>%s</p><p>%s</p><table class='table table-sm'><tr><th>%s</th>"
            "<th>%s</th><th>%s</th><th>%s</th></tr>%s</table>"
        ) % (
            intro,
            self.session_id.name,
            _("Trainee"),
            _("Score"),
            _("Result"),
            _("Status"),
            rows,
        )
        return self.env["scm.notice"]._scm_send(
            self, subject, body, self.session_id._scm_audit_partners()
        )

    def action_print(self):
        return self.env.ref(
            "scm_training.action_report_scm_training_exam"
        ).report_action(self)
