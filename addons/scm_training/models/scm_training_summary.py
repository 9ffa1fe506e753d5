from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty


class ScmTrainingSummary(models.Model):
    """《培训总结报告》 (FORMS row 82, TRN-SUM-01): written by the session's
    organiser after the exam and submitted to the superior (上级, the
    session's `_scm_superior()`) for review. Submitting it moves the session
    to "summarised"; the session closes only with it submitted (and not
    returned). The spec also names a monthly plan's summary; only sessions
    have one here."""

    _name = "scm.training.summary"
    _description = "Training Summary Report"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.stage.mixin"]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = (
        "reviewer_id",
        "submitted_date",
        "reviewed_date",
        "review_comment",
    )

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
    trainer_id = fields.Many2one(related="session_id.trainer_id")
    content = fields.Html(
        string="Summary",
        sanitize=True,
        help="Course of the training, results, problems, improvements.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("reviewed", "Reviewed"),
            ("returned", "Returned"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    reviewer_id = fields.Many2one(
        "res.users", string="Superior", readonly=True, copy=False, tracking=True
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    reviewed_date = fields.Datetime(readonly=True, copy=False)
    review_comment = fields.Text(readonly=True, copy=False)

    _sql_constraints = [
        ("session_uniq", "unique (session_id)", "A session has one summary report.")
    ]

    @api.depends("session_id.name")
    def _compute_name(self):
        for summary in self:
            summary.name = _(
                "Summary: %(session)s", session=summary.session_id.name or ""
            )

    # -- editing ---------------------------------------------------------------
    def _scm_check_author(self):
        """The organiser writes the summary (TRN-SUM-01)."""
        for summary in self:
            if self.env.user != summary.session_id.sudo().organiser_id:
                raise UserError(
                    _(
                        "Only the organiser of %(doc)s (%(organiser)s) writes and "
                        "submits its summary report.",
                        doc=summary.session_id.display_name,
                        organiser=summary.session_id.sudo().organiser_id.name,
                    )
                )

    def _scm_check_editable(self):
        if self.env.su:
            return
        for summary in self:
            if summary.state not in ("draft", "returned"):
                raise UserError(
                    _(
                        "%(doc)s is %(state)s: it can no longer be changed.",
                        doc=summary.display_name,
                        state=summary._scm_stage_label(),
                    )
                )
        self._scm_check_author()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for summary in records:
                summary.session_id._scm_check_stage(
                    ("examined",), _("given its summary report")
                )
            records._scm_check_editable()
        return records

    def write(self, vals):
        self._scm_check_editable()
        if "session_id" in vals and not self.env.su:
            raise UserError(_("The session of a summary report cannot be changed."))
        return super().write(vals)

    def unlink(self):
        self._scm_check_editable()
        return super().unlink()

    # -- steps -----------------------------------------------------------------
    def action_submit(self):
        """TRN-SUM-01: submitted to the superior; the session is summarised."""
        for summary in self:
            summary._scm_check_stage(("draft", "returned"), _("submitted"))
            summary._scm_check_author()
            session = summary.session_id
            if summary.state == "draft":
                session._scm_check_stage(("examined",), _("summarised"))
            if is_html_empty(summary.content):
                raise UserError(
                    _("Write the summary of %(doc)s first.", doc=summary.name)
                )
            reviewer = session.sudo()._scm_superior()
            summary._scm_step_write(
                {
                    "state": "submitted",
                    "reviewer_id": reviewer.id,
                    "submitted_date": fields.Datetime.now(),
                    "reviewed_date": False,
                    "review_comment": False,
                }
            )
            summary._scm_deadline_close("TRN-SUM-01.R")
            if session.stage == "examined":
                session._scm_step_write({"stage": "summarised"})
            # The manual sets no time for the review: an activity due today.
            summary._scm_deadline_open(
                "TRN-SUM-01",
                _("Review the summary report %(doc)s", doc=summary.name),
                reviewer,
                0,
                unit="same_day",
            )
        return True

    def _scm_check_reviewer(self):
        for summary in self:
            if self.env.user != summary.reviewer_id:
                raise UserError(
                    _(
                        "Only the superior it was submitted to (%(reviewer)s) "
                        "reviews %(doc)s.",
                        reviewer=summary.reviewer_id.name,
                        doc=summary.name,
                    )
                )

    def action_review(self, comment=None):
        """TRN-SUM-01: the superior has reviewed the summary."""
        for summary in self:
            summary._scm_check_stage(("submitted",), _("reviewed"))
            summary._scm_check_reviewer()
            summary._scm_step_write(
                {
                    "state": "reviewed",
                    "reviewed_date": fields.Datetime.now(),
                    "review_comment": comment or False,
                }
            )
            summary._scm_deadline_close("TRN-SUM-01")
        return True

    def action_return(self, comment=None):
        """The superior returns the summary to the organiser with a comment;
        the session cannot close until it is submitted again."""
        for summary in self:
            summary._scm_check_stage(("submitted",), _("returned"))
            summary._scm_check_reviewer()
            if not (comment or "").strip():
                raise UserError(_("Say why %(doc)s is returned.", doc=summary.name))
            summary._scm_step_write(
                {
                    "state": "returned",
                    "reviewed_date": fields.Datetime.now(),
                    "review_comment": comment,
                }
            )
            summary._scm_deadline_close("TRN-SUM-01")
            summary._scm_deadline_open(
                "TRN-SUM-01.R",
                _("Revise and resubmit the summary report %(doc)s", doc=summary.name),
                summary.session_id.sudo().organiser_id,
                0,
                unit="same_day",
            )
        return True

    def action_open_review_wizard(self):
        self.ensure_one()
        self._scm_check_stage(("submitted",), _("reviewed"))
        self._scm_check_reviewer()
        return {
            "type": "ir.actions.act_window",
            "name": _("Review the Summary Report"),
            "res_model": "scm.training.summary.review",
            "view_mode": "form",
            "target": "new",
            "context": {"default_summary_id": self.id},
        }
