from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

REPORT_STAGES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to the Office Meeting"),
    ("decided", "Decided by the Office Meeting"),
]
WRITABLE_AFTER_DRAFT = {"message_main_attachment_id"}


class ScmCompetitorReport(models.Model):
    """《竞争对手分析报告》 (form 34) and the counter-strategies built on it.

    * analysis: written by the MSD Manager after the seminar (SAL-COMP-06);
    * counter_strategy: the measures the Market Center organises against
      the competitors, based on an analysis report (SAL-COMP-07).
    Only the Market Center Manager submits either to the Office Meeting."""

    _name = "scm.competitor.report"
    _description = "Competitor Analysis Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "scm.step.guard.mixin"]
    # The stage and who submitted when; the author is the writer, for good.
    _scm_step_fields = ("stage", "submitted_by_id", "submitted_date", "author_id")
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    report_type = fields.Selection(
        [
            ("analysis", "Competitor Analysis Report"),
            ("counter_strategy", "Counter-Strategy"),
        ],
        required=True,
        default="analysis",
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    author_id = fields.Many2one(
        "res.users",
        string="Written By",
        default=lambda self: self.env.user,
        readonly=True,
        required=True,
    )
    seminar_id = fields.Many2one(
        "scm.competitor.meeting",
        domain=[("meeting_type", "=", "seminar"), ("state", "=", "done")],
        help="The competitor analysis seminar the report follows.",
    )
    analysis_report_id = fields.Many2one(
        "scm.competitor.report",
        string="Based on Report",
        domain=[("report_type", "=", "analysis"), ("stage", "!=", "draft")],
        index=True,
    )
    counter_strategy_ids = fields.One2many(
        "scm.competitor.report", "analysis_report_id", string="Counter-Strategies"
    )
    competitor_ids = fields.Many2many("scm.competitor", string="Competitors")
    current_competitor_ids = fields.Many2many(
        "scm.competitor",
        compute="_compute_competitor_lists",
        string="Current Competitors",
    )
    potential_competitor_ids = fields.Many2many(
        "scm.competitor",
        compute="_compute_competitor_lists",
        string="Potential Competitors",
    )
    analysis_ids = fields.One2many(
        "scm.competitor.analysis", "report_id", string="Analyses"
    )
    summary = fields.Html()
    measures = fields.Html(string="Strategies and Measures")
    stage = fields.Selection(
        REPORT_STAGES, default="draft", required=True, readonly=True, tracking=True
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    resolution_id = fields.Many2one(
        "scm.office.resolution",
        string="Office Meeting Resolution",
        compute="_compute_resolution_id",
    )

    @api.depends("competitor_ids.status")
    def _compute_competitor_lists(self):
        for report in self:
            report.current_competitor_ids = report.competitor_ids.filtered(
                lambda c: c.status == "current"
            )
            report.potential_competitor_ids = report.competitor_ids.filtered(
                lambda c: c.status == "potential"
            )

    def _compute_resolution_id(self):
        Resolution = self.env["scm.office.resolution"]
        for report in self:
            report.resolution_id = (
                report.id
                and Resolution.search(
                    [("res_model", "=", report._name), ("res_id", "=", report.id)],
                    limit=1,
                )
                or False
            )

    @api.constrains("report_type", "seminar_id", "analysis_report_id")
    def _check_basis(self):
        for report in self:
            if report.report_type == "counter_strategy":
                basis = report.analysis_report_id
                if not basis or basis.report_type != "analysis":
                    raise ValidationError(
                        _(
                            "A counter-strategy is based on a "
                            "competitor analysis report."
                        )
                    )
            elif report.seminar_id and (
                report.seminar_id.meeting_type != "seminar"
                or report.seminar_id.state != "done"
            ):
                raise ValidationError(
                    _("The report follows a competitor analysis seminar that was held.")
                )

    @api.model
    def _scm_check_author(self, report_type):
        if self.env.su:
            # Data files and technical jobs run as superuser.
            return
        user = self.env.user
        if report_type == "analysis":
            if not user.has_group("scm_base.group_msd_manager"):
                raise UserError(
                    _("Only the MSD Manager writes the competitor analysis report.")
                )
        elif not (
            user.has_group("scm_base.group_mc_manager")
            or user.has_group("scm_base.group_msd_manager")
        ):
            raise UserError(_("Counter-strategies are organised by the Market Center."))

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        for vals in vals_list:
            self._scm_check_author(
                vals.get("report_type")
                or self.env.context.get("default_report_type", "analysis")
            )
            if not self.env.su:
                # The report is the writer's own (SAL-COMP-06).
                vals.pop("author_id", None)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "author_id" in vals:
                raise UserError(_("The author of a report cannot be changed."))
            locked = self.filtered(lambda r: r.stage != "draft")
            if locked and set(vals) - WRITABLE_AFTER_DRAFT:
                raise UserError(
                    _(
                        "%(doc)s was submitted to the Office Meeting and can no "
                        "longer be changed.",
                        doc=locked[0].name,
                    )
                )
            for report in self:
                report._scm_check_author(report.report_type)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if self.filtered(lambda r: r.stage != "draft"):
            raise UserError(_("A submitted report cannot be deleted."))

    def action_submit_office_meeting(self):
        """SAL-COMP-06/07: the Market Center Manager submits to the Office Meeting."""
        if not self.env.user.has_group("scm_base.group_mc_manager"):
            raise UserError(
                _(
                    "Only the Market Center Manager submits "
                    "reports to the Office Meeting."
                )
            )
        for report in self:
            if report.stage != "draft":
                raise UserError(_("%(doc)s was already submitted.", doc=report.name))
            if report.report_type == "analysis":
                if not report.seminar_id:
                    raise UserError(
                        _("Link the seminar the report follows before submitting it.")
                    )
                if not report.competitor_ids:
                    raise UserError(_("List the competitors the report covers."))
            elif not (report.measures or "").strip():
                raise UserError(
                    _("Write the strategies and measures before submitting.")
                )
        self._scm_step_write(
            {
                "stage": "submitted",
                "submitted_by_id": self.env.user.id,
                "submitted_date": fields.Datetime.now(),
            }
        )
        return True

    def action_scm_record_resolution(self):
        """Open a new Office Meeting resolution bound to this report."""
        self.ensure_one()
        if self.stage != "submitted":
            raise UserError(
                _("Only a submitted report is decided by the Office Meeting.")
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.office.resolution",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_name": self.name,
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_mark_decided(self):
        """Close the report once the Office Meeting's resolution is recorded."""
        user = self.env.user
        if not (
            user.has_group("scm_base.group_mc_manager")
            or user.has_group("scm_base.group_office_meeting")
        ):
            raise UserError(
                _(
                    "Only the Market Center Manager or the Office "
                    "Meeting secretary closes it."
                )
            )
        for report in self:
            if report.stage != "submitted":
                raise UserError(_("Only a submitted report can be decided."))
            if not report.resolution_id:
                raise UserError(
                    _(
                        "Record the Office Meeting's resolution on %(doc)s first.",
                        doc=report.name,
                    )
                )
        self._scm_step_write({"stage": "decided"})
        return True

    def _scm_demo_submit(self):
        """Demo data: the Market Center Manager submits."""
        manager = self.env.ref("scm_base.dept_market_center").sudo()._scm_manager_user()
        drafts = self.filtered(lambda r: r.stage == "draft")
        return drafts.with_user(manager).action_submit_office_meeting()
