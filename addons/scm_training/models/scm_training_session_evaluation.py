from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmTrainingSession(models.Model):
    """The session after it is held (TRN-SM-01): its evaluation meeting and
    trainer assessment (held → evaluated), its exam (→ examined), its summary
    report (→ summarised) and its closing (→ closed)."""

    _inherit = "scm.training.session"

    scm_evaluation_ids = fields.One2many(
        "scm.training.evaluation", "session_id", string="Trainer Evaluations"
    )
    scm_exam_ids = fields.One2many("scm.training.exam", "session_id", string="Exams")
    scm_summary_ids = fields.One2many(
        "scm.training.summary", "session_id", string="Summary Reports"
    )
    scm_evaluation_id = fields.Many2one(
        "scm.training.evaluation",
        string="Trainer Evaluation",
        compute="_compute_scm_evaluation_documents",
    )
    scm_exam_id = fields.Many2one(
        "scm.training.exam", string="Exam", compute="_compute_scm_evaluation_documents"
    )
    scm_summary_id = fields.Many2one(
        "scm.training.summary",
        string="Summary Report",
        compute="_compute_scm_evaluation_documents",
    )
    scm_closed_by_id = fields.Many2one(
        "res.users", string="Closed By", readonly=True, copy=False
    )
    scm_closed_date = fields.Datetime(string="Closed On", readonly=True, copy=False)

    def _scm_step_field_names(self):
        return super()._scm_step_field_names() | {
            "scm_closed_by_id",
            "scm_closed_date",
        }

    @api.depends("scm_evaluation_ids", "scm_exam_ids", "scm_summary_ids")
    def _compute_scm_evaluation_documents(self):
        for session in self:
            session.scm_evaluation_id = session.scm_evaluation_ids[:1]
            session.scm_exam_id = session.scm_exam_ids[:1]
            session.scm_summary_id = session.scm_summary_ids[:1]

    # -- who ----------------------------------------------------------------
    def _scm_is_training_manager(self, user):
        """The Training Dept's manager (the user acting for it, or a member
        of the Training Manager group)."""
        self.ensure_one()
        return user.has_group("scm_base.group_training_manager") or (
            user == self.sudo()._scm_training_manager()
        )

    def _scm_eval_may_act(self, user=None):
        """Who runs the session's evaluation, exam and closing: its organiser
        or the Training Dept's manager."""
        self.ensure_one()
        user = user or self.env.user
        return user == self.sudo().organiser_id or self._scm_is_training_manager(user)

    def _scm_eval_check_actor(self, action):
        """Refuse `action` (translated, e.g. "confirm the exam results") to
        anyone but the organiser and the Training Dept's manager."""
        for session in self:
            if not session._scm_eval_may_act():
                raise UserError(
                    _(
                        "Only the organiser of %(doc)s (%(organiser)s) or the "
                        "Training Dept's manager may %(action)s.",
                        doc=session.display_name,
                        organiser=session.sudo().organiser_id.name,
                        action=action,
                    )
                )

    def _scm_audit_partners(self):
        """The Audit Dept's people, who receive trainer and trainee results
        in writing (TRN-EVAL-04..06)."""
        audit = self.env.ref("scm_base.dept_audit").sudo()
        auditors = self.env.ref("scm_base.group_auditor").sudo().users
        return (audit.manager_id.user_id | auditors.filtered("active")).partner_id

    def _scm_one_month(self, start=None):
        """Calendar days from `start` to the same date a month later where
        the session's unit works: the manual's "one month" deadlines
        (TRN-EVAL-05/06), counted with scm.workday's calendar days (it has
        no month unit)."""
        self.ensure_one()
        day = self.env["scm.workday"]._local_date(
            start or fields.Datetime.now(), self.sudo().company_id
        )
        return (day + relativedelta(months=1) - day).days

    # -- steps --------------------------------------------------------------
    def _scm_eval_open_document(self, field, model, title):
        self.ensure_one()
        record = self[field]
        action = {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": model,
            "view_mode": "form",
            "target": "current",
        }
        if record:
            action["res_id"] = record.id
        else:
            action["context"] = {"default_session_id": self.id}
        return action

    def action_scm_open_evaluation(self):
        """TRN-EVAL-01: the evaluation meeting of the held session."""
        self.ensure_one()
        if not self.scm_evaluation_id:
            self._scm_check_stage(("held",), _("evaluated"))
            self._scm_eval_check_actor(_("record its evaluation meeting"))
        return self._scm_eval_open_document(
            "scm_evaluation_id", "scm.training.evaluation", _("Trainer Evaluation")
        )

    def action_scm_open_exam(self):
        """TRN-EVAL-03: the exam of the evaluated session."""
        self.ensure_one()
        if not self.scm_exam_id:
            self._scm_check_stage(("evaluated",), _("examined"))
            self._scm_eval_check_actor(_("record its exam"))
        return self._scm_eval_open_document(
            "scm_exam_id", "scm.training.exam", _("Exam")
        )

    def action_scm_open_summary(self):
        """TRN-SUM-01: the summary report of the examined session."""
        self.ensure_one()
        if not self.scm_summary_id:
            self._scm_check_stage(("examined",), _("summarised"))
            self._scm_eval_check_actor(_("write its summary report"))
        return self._scm_eval_open_document(
            "scm_summary_id", "scm.training.summary", _("Summary Report")
        )

    def _scm_close_missing(self):
        """What the session still lacks to close (TRN-EVAL-01, TRN-EVAL-03,
        TRN-SUM-01, TRN-FIVE-01)."""
        self.ensure_one()
        session = self.sudo()
        missing = []
        if session.scm_evaluation_id.state != "confirmed":
            missing.append(_("a confirmed trainer evaluation (TRN-EVAL-01)"))
        if session.scm_exam_id.state != "confirmed":
            missing.append(_("confirmed exam results or a special case (TRN-EVAL-03)"))
        if session.scm_summary_id.state not in ("submitted", "reviewed"):
            missing.append(_("a summary report submitted to the superior (TRN-SUM-01)"))
        # The sessions area's "sent to HQ" (TRN-FIVE-01), when it is there.
        if "scm_sent_to_hq" in session._fields and not session.scm_sent_to_hq:
            missing.append(_("its records sent to HQ (TRN-FIVE-01)"))
        return missing

    def action_scm_close(self):
        """TRN-SM-01: summarised → closed, by the organiser or the Training
        Dept's manager, once evaluated, examined and summarised."""
        for session in self:
            session._scm_check_stage(("summarised",), _("closed"))
            session._scm_eval_check_actor(_("close it"))
            missing = session._scm_close_missing()
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot be closed yet: it lacks %(missing)s.",
                        doc=session.display_name,
                        missing="; ".join(missing),
                    )
                )
            session._scm_step_write(
                {
                    "stage": "closed",
                    "scm_closed_by_id": self.env.user.id,
                    "scm_closed_date": fields.Datetime.now(),
                }
            )
            # HR's course history shows the session completed.
            session.schedule_id.sudo().write({"state": "completed"})
            session._scm_send_results_to_audit()
        return True

    def _scm_send_results_to_audit(self):
        """TRN-EVAL-04/06: closing the session sends its results, the
        trainer's and the trainees' as they stand, to the Audit Dept in
        writing (each was also sent when it was recorded)."""
        self.ensure_one()
        session = self.sudo()
        evaluation = session.scm_evaluation_id
        exam = session.scm_exam_id
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                line.employee_id.name,
                line.score,
                line._scm_label("result"),
                line._scm_label("status"),
            )
            for line in exam.result_ids
        )
        body = Markup(
            "<p>%s</p><p>%s: %s (%s)</p><p>%s</p><table class='table table-sm'>"
            "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>%s</table>"
        ) % (
            _("Results of the closed training session %(doc)s:", doc=session.name),
            _("Lead trainer"),
            evaluation.trainer_id.name,
            evaluation._scm_result_label(),
            exam.special_case
            and _("Special case, no exam: %(reason)s", reason=exam.special_case)
            or "",
            _("Trainee"),
            _("Score"),
            _("Result"),
            _("Status"),
            rows,
        )
        return self.env["scm.notice"]._scm_send(
            session,
            _("Training results to the Audit Dept: %(doc)s", doc=session.name),
            body,
            session._scm_audit_partners(),
        )
