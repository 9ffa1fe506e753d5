import random
import secrets
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]
STATES = [
    ("draft", "Surveying"),
    ("completed", "Completed"),
    ("measures", "Awaiting Measures"),
    ("recheck", "Awaiting Re-check"),
    ("closed", "Closed"),
]
RESULTS = [
    ("good", "Satisfactory (60 or more)"),
    ("poor", "Poor (below 60)"),
    ("very_poor", "Very Poor (below 40)"),
]
METHODS = [
    ("questionnaire", "Questionnaire (Survey App)"),
    ("paper", "Paper Questionnaire"),
]
# AUD-SAT-02 / AUD-SAT-03 boundaries and the maximum score (Open: 100).
POOR_BELOW = 60
VERY_POOR_BELOW = 40
MAX_SCORE = 100
MEASURES_DAYS = 3
RECHECK_DAYS = 7
DEADLINE_CODE = "AUD-SAT-02"
# What the auditor edits while the survey is under way.
DRAFT_FIELDS = {
    "year",
    "quarter",
    "company_id",
    "partner_id",
    "auditor_id",
    "method",
    "survey_id",
    "user_input_id",
    "score",
    "note",
}


def quarter_of(day):
    """(year, "1".."4") of a date."""
    return day.year, str((day.month - 1) // 3 + 1)


def quarter_bounds(year, quarter):
    """First and last day of a calendar quarter."""
    first_month = (int(quarter) - 1) * 3 + 1
    start = fields.Date.to_date(f"{year}-{first_month:02d}-01")
    if quarter == "4":
        end = fields.Date.to_date(f"{year}-12-31")
    else:
        end = fields.Date.to_date(f"{year}-{first_month + 3:02d}-01") - timedelta(
            days=1
        )
    return start, end


def score_text(value):
    """A score as the survey shows it: 55, 72.5 (no trailing zeros)."""
    return format(value, "g")


class ScmSatisfactionSurvey(models.Model):
    """《客户满意度调查报告》 (FORMS.md 113; AUD-SAT-01..03): the Audit Dept's
    quarterly survey of a customer of a branch, drawn at random (the seed and
    the population are logged, so that the same seed gives the same pick),
    answered on the survey app's questionnaire (its total score read from the
    answer) or on paper (the score entered by the auditor, 0 to 100).

    Completion fixes the score and reports it to the Office Meeting. Below 60
    (AUD-SAT-02) the branch manager is notified, owes measures within 3 days
    of the notice, gets an assessment entry, and the Audit Dept re-checks a
    week after the notice; a re-check still below 60 proposes a level-3
    finding in the work queue. Below 40 (AUD-SAT-03) the same, plus an
    immediate level-3 finding against the branch manager."""

    _name = "scm.satisfaction.survey"
    _description = "Customer Satisfaction Survey Report"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.stage.mixin",
        "scm.audit.mixin",
    ]
    _order = "year desc, quarter desc, id desc"
    _mail_post_access = "read"
    _rec_names_search = ["name", "partner_id", "quarter_label"]
    _scm_stage_field = "state"
    _scm_step_fields = (
        "name",
        "draw_seed",
        "draw_date",
        "draw_by_id",
        "draw_branch_drawn",
        "draw_branch_count",
        "draw_customer_count",
        "score_recorded",
        "completed_by_id",
        "completed_date",
        "completed_on",
        "branch_manager_id",
        "meeting_notice_id",
        "notice_id",
        "notice_date",
        "measures_due",
        "recheck_due",
        "assessment_entry_id",
        "finding_id",
        "measures",
        "measures_by_id",
        "measures_date",
        "recheck_score",
        "recheck_note",
        "recheck_by_id",
        "recheck_date",
        "recheck_result",
        "proposal_id",
    )

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    year = fields.Integer(
        required=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year,
        index=True,
    )
    quarter = fields.Selection(
        QUARTERS,
        string="Calendar Quarter",
        required=True,
        default=lambda self: quarter_of(fields.Date.context_today(self))[1],
        index=True,
    )
    quarter_label = fields.Char(
        string="Quarter", compute="_compute_quarter_label", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        index=True,
        domain=[("scm_unit_type", "=", "branch")],
        tracking=True,
        help="The branch surveyed; left empty, the draw picks one at random among "
        "the branches with customers.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index=True,
        tracking=True,
        domain="[('scm_is_customer', '=', True), ('company_id', '=', company_id)]",
        help="A customer of the branch (its customer file); left empty, the draw "
        "picks one at random.",
    )
    auditor_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        help="The Audit Dept member who surveys and re-checks.",
    )
    # -- the random draw (AUD-SAT-01) -------------------------------------------------
    draw_seed = fields.Char(
        string="Random Seed",
        readonly=True,
        copy=False,
        help="The seed of the draw: random.Random(seed) over the same population "
        "gives the same branch and customer.",
    )
    draw_date = fields.Datetime(string="Drawn On", readonly=True, copy=False)
    draw_by_id = fields.Many2one("res.users", string="Drawn By", readonly=True)
    draw_branch_drawn = fields.Boolean(string="Branch Drawn", readonly=True, copy=False)
    draw_branch_count = fields.Integer(
        string="Branches in the Draw", readonly=True, copy=False
    )
    draw_customer_count = fields.Integer(
        string="Customers in the Draw", readonly=True, copy=False
    )
    # -- the questionnaire and the score ----------------------------------------------
    method = fields.Selection(
        METHODS, required=True, default="questionnaire", string="Answered On"
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        default=lambda self: self._scm_default_questionnaire(),
        domain=[("scm_satisfaction", "=", True)],
    )
    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Answers",
        copy=False,
        domain="[('survey_id', '=', survey_id)]",
    )
    score = fields.Float(
        string="Total Score",
        digits=(5, 1),
        aggregator="avg",
        tracking=True,
        copy=False,
        help="0 to 100: read from the questionnaire's answers at completion, or "
        "entered from the paper questionnaire.",
    )
    score_recorded = fields.Boolean(readonly=True, copy=False)
    result = fields.Selection(
        RESULTS, compute="_compute_result", store=True, index=True
    )
    answers_html = fields.Html(
        string="Answers per Question",
        compute="_compute_answers_html",
        sanitize=False,
    )
    note = fields.Text(string="Remarks")
    state = fields.Selection(
        STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    completed_by_id = fields.Many2one("res.users", readonly=True)
    completed_date = fields.Datetime(string="Completed On", readonly=True, copy=False)
    completed_on = fields.Date(
        string="Completion Day", readonly=True, copy=False, index=True
    )
    meeting_notice_id = fields.Many2one(
        "scm.notice", string="Office Meeting Report", readonly=True, copy=False
    )
    # -- AUD-SAT-02 / 03 --------------------------------------------------------------
    branch_manager_id = fields.Many2one(
        "res.users",
        readonly=True,
        index=True,
        copy=False,
        help="The branch manager when the survey was completed: he reads it, is "
        "notified of a poor result and owes the measures.",
    )
    notice_id = fields.Many2one("scm.notice", readonly=True, copy=False)
    notice_date = fields.Datetime(string="Notified On", readonly=True, copy=False)
    measures_due = fields.Datetime(readonly=True, copy=False)
    recheck_due = fields.Date(string="Re-check On", readonly=True, copy=False)
    assessment_entry_id = fields.Many2one(
        "scm.assessment.entry", readonly=True, copy=False
    )
    finding_id = fields.Many2one(
        "scm.audit.finding",
        string="Level-3 Finding",
        readonly=True,
        copy=False,
        help="AUD-SAT-03: the company-wide circular against the branch manager.",
    )
    measures = fields.Text(string="Improvement Measures", readonly=True, copy=False)
    measures_by_id = fields.Many2one("res.users", readonly=True)
    measures_date = fields.Datetime(string="Measures Given On", readonly=True)
    recheck_score = fields.Float(
        string="Re-check Score", digits=(5, 1), readonly=True, copy=False
    )
    recheck_note = fields.Text(string="Re-check Findings", readonly=True, copy=False)
    recheck_by_id = fields.Many2one("res.users", string="Re-checked By", readonly=True)
    recheck_date = fields.Datetime(string="Re-checked On", readonly=True, copy=False)
    recheck_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        string="Re-check",
        readonly=True,
        copy=False,
        tracking=True,
    )
    proposal_id = fields.Many2one(
        "scm.audit.proposal", string="Proposed Level 3", readonly=True, copy=False
    )

    # -- defaults and computes --------------------------------------------------------
    @api.model
    def _scm_default_questionnaire(self):
        return self.env.ref(
            "scm_audit.sat_questionnaire", raise_if_not_found=False
        ) or self.env["survey.survey"].sudo().search(
            [("scm_satisfaction", "=", True)], limit=1
        )

    @api.depends("year", "quarter")
    def _compute_quarter_label(self):
        for survey in self:
            survey.quarter_label = (
                f"{survey.year}-Q{survey.quarter}"
                if survey.year and survey.quarter
                else False
            )

    @api.depends("score", "state")
    def _compute_result(self):
        for survey in self:
            draft = survey.state == "draft"
            survey.result = not draft and survey._scm_result_of(survey.score)

    @api.model
    def _scm_result_of(self, score):
        """AUD-SAT-02/03: below 60 poor, below 40 very poor; 60 and 40 are
        on the better side of their boundary."""
        if score < VERY_POOR_BELOW:
            return "very_poor"
        if score < POOR_BELOW:
            return "poor"
        return "good"

    @api.depends("user_input_id")
    def _compute_answers_html(self):
        for survey in self:
            survey.answers_html = survey._scm_answers_table()

    def _scm_answer_rows(self):
        """(question, answers, score) of each question of the linked
        questionnaire answer, in the questionnaire's order."""
        self.ensure_one()
        answer = self.user_input_id.sudo()
        if not answer:
            return []
        rows = []
        lines = answer.user_input_line_ids
        for question in answer.survey_id.question_ids.filtered(
            lambda q: not q.is_page
        ).sorted("sequence"):
            mine = lines.filtered(lambda line, q=question: line.question_id == q)
            values = [str(line.display_name) for line in mine if not line.skipped] or [
                _("(no answer)")
            ]
            rows.append(
                (question.title, "; ".join(values), sum(mine.mapped("answer_score")))
            )
        return rows

    def _scm_answers_table(self):
        rows = self._scm_answer_rows()
        if not rows:
            return False
        head = Markup(
            "<table class='table table-sm table-bordered'><thead><tr>"
            "<th>%s</th><th>%s</th><th style='width: 12%%;'>%s</th></tr></thead><tbody>"
        ) % (_("Question"), _("Answer"), _("Points"))
        body = Markup().join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (question, answer, score_text(points))
            for question, answer, points in rows
        )
        return head + body + Markup("</tbody></table>")

    @api.depends("name", "quarter_label", "partner_id")
    def _compute_display_name(self):
        for survey in self:
            number = survey.name if survey.name and survey.name != "/" else ""
            parts = [number, survey.quarter_label, survey.partner_id.sudo().name]
            survey.display_name = " ".join(part for part in parts if part)

    # -- create / write ---------------------------------------------------------------
    @api.model
    def _scm_check_score(self, score, label=None):
        """A total score is between 0 and 100 (AUD-SAT-03, Open: 100)."""
        try:
            value = float(score)
        except (TypeError, ValueError) as error:
            raise UserError(
                _("%(label)s must be a number.", label=label or _("The total score"))
            ) from error
        if value < 0 or value > MAX_SCORE:
            raise UserError(
                _(
                    "%(label)s is between 0 and %(max)s: %(score)s is refused.",
                    label=label or _("The total score"),
                    max=MAX_SCORE,
                    score=score_text(value),
                )
            )
        return value

    def _scm_prepare_vals(self, vals):
        if "score" in vals:
            self._scm_check_score(vals["score"])
        if vals.get("quarter") and vals["quarter"] not in dict(QUARTERS):
            raise UserError(_("A quarter is Q1, Q2, Q3 or Q4."))
        if "year" in vals and not (2000 <= int(vals["year"] or 0) <= 2999):
            raise UserError(_("Give the year of the quarter surveyed."))

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_auditor(_("write a satisfaction survey"))
        Partner = self.env["res.partner"].sudo()
        for vals in vals_list:
            self._scm_prepare_vals(vals)
            if vals.get("partner_id") and not vals.get("company_id"):
                vals["company_id"] = Partner.browse(vals["partner_id"]).company_id.id
        surveys = super().create(vals_list)
        surveys._scm_check_customer()
        for survey, vals in zip(surveys, vals_list, strict=True):
            if "score" in vals:
                survey._scm_step_write({"score_recorded": True})
        return surveys

    def write(self, vals):
        if not self.env.su:
            chatter = self._scm_chatter_fields()
            if vals.keys() - chatter:
                self._scm_check_auditor(_("edit a satisfaction survey"))
                if self.filtered(lambda s: s.state != "draft"):
                    raise UserError(
                        _(
                            "A completed satisfaction survey changes only through its "
                            "steps: the measures and the re-check."
                        )
                    )
                if vals.keys() - chatter - DRAFT_FIELDS:
                    raise UserError(_("These values of a survey are set by its steps."))
            self._scm_prepare_vals(vals)
        result = super().write(vals)
        if vals.keys() & {"company_id", "partner_id"}:
            self._scm_check_customer()
        if "score" in vals and not self.env.su:
            self._scm_step_write({"score_recorded": True})
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.env.su:
            return
        self._scm_check_auditor(_("delete a satisfaction survey"))
        for survey in self:
            if survey.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was completed: the survey is kept.",
                        doc=survey.display_name,
                    )
                )

    def _scm_check_customer(self):
        """The branch is a branch, and the customer one of its customers."""
        for survey in self:
            company = survey.company_id.sudo()
            if company and company.scm_unit_type != "branch":
                raise UserError(
                    _(
                        "%(company)s is not a branch: the survey is of a customer of "
                        "a branch.",
                        company=company.name,
                    )
                )
            partner = survey.partner_id.sudo()
            if partner and not (
                partner.scm_is_customer and partner.company_id == company
            ):
                raise UserError(
                    _(
                        "%(customer)s is not a customer of %(branch)s.",
                        customer=partner.display_name,
                        branch=company.name or _("the branch"),
                    )
                )

    # -- the random draw (AUD-SAT-01) -------------------------------------------------
    @api.model
    def _scm_customer_domain(self, company=None):
        domain = [
            ("scm_is_customer", "=", True),
            ("company_id.scm_unit_type", "=", "branch"),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        return domain

    @api.model
    def _scm_draw_pick(self, seed, company=None):
        """What random.Random(seed) picks: a branch among those with customers
        (unless `company` is given), then a customer of it. Both populations
        are sorted by id, so that the same seed over the same population
        gives the same pick. Returns (branch, customer, branch count,
        customer count)."""
        Partner = self.env["res.partner"].sudo()
        rng = random.Random(int(seed))
        branch_count = 0
        if not company:
            groups = Partner._read_group(
                self._scm_customer_domain(), ["company_id"], []
            )
            branches = self.env["res.company"].browse(
                sorted(branch.id for (branch,) in groups)
            )
            branch_count = len(branches)
            if not branches:
                raise UserError(_("No branch has a customer to survey."))
            company = branches[rng.randrange(branch_count)]
        customers = Partner.search(self._scm_customer_domain(company), order="id")
        if not customers:
            raise UserError(
                _(
                    "%(branch)s has no customer to survey.",
                    branch=company.sudo().name,
                )
            )
        customer = customers[rng.randrange(len(customers))]
        return company, customer, branch_count, len(customers)

    def action_draw(self):
        """Draw the customer at random (and the branch, if none is set), with
        a fresh seed logged on the survey with the population sizes."""
        self.ensure_one()
        self._scm_check_auditor(_("draw a customer for a satisfaction survey"))
        self._scm_check_stage(("draft",), _("drawn"))
        if self.partner_id:
            raise UserError(
                _(
                    "%(doc)s already has its customer: clear it to draw at random.",
                    doc=self.display_name,
                )
            )
        seed = str(secrets.randbits(63))
        branch_drawn = not self.company_id
        company, customer, branch_count, customer_count = self._scm_draw_pick(
            seed, self.company_id or None
        )
        self._scm_step_write(
            {
                "company_id": company.id,
                "partner_id": customer.id,
                "draw_seed": seed,
                "draw_date": fields.Datetime.now(),
                "draw_by_id": self.env.user.id,
                "draw_branch_drawn": branch_drawn,
                "draw_branch_count": branch_count,
                "draw_customer_count": customer_count,
            }
        )
        if branch_drawn:
            body = _(
                "Random draw (seed %(seed)s): branch %(branch)s among %(branches)s "
                "branches with customers, customer %(customer)s among its "
                "%(customers)s customers.",
                seed=seed,
                branch=company.sudo().name,
                branches=branch_count,
                customer=customer.display_name,
                customers=customer_count,
            )
        else:
            body = _(
                "Random draw (seed %(seed)s): customer %(customer)s among the "
                "%(customers)s customers of %(branch)s.",
                seed=seed,
                branch=company.sudo().name,
                customer=customer.display_name,
                customers=customer_count,
            )
        self.message_post(body=body)
        return True

    # -- the questionnaire ------------------------------------------------------------
    def action_start_questionnaire(self):
        """Open the questionnaire for the customer's answers (the auditor
        fills it in during the interview, or sends the link)."""
        self.ensure_one()
        self._scm_check_auditor(_("answer a satisfaction questionnaire"))
        self._scm_check_stage(("draft",), _("answered"))
        if not self.partner_id:
            raise UserError(_("Draw or choose the customer first."))
        if not self.survey_id:
            raise UserError(_("Choose the questionnaire."))
        answer = self.user_input_id.sudo()
        if not answer or answer.state == "done" or answer.survey_id != self.survey_id:
            answer = self.survey_id.sudo()._create_answer(
                partner=self.partner_id.sudo(), check_attempts=False
            )
            self.sudo().write({"user_input_id": answer.id, "method": "questionnaire"})
        return {
            "type": "ir.actions.act_url",
            "url": answer.get_start_url(),
            "target": "new",
        }

    def _scm_final_score(self):
        """The total score the survey is completed with."""
        self.ensure_one()
        if self.method == "questionnaire":
            answer = self.user_input_id.sudo()
            if not answer or answer.survey_id != self.survey_id:
                raise UserError(
                    _("Link the customer's answers to the questionnaire first.")
                )
            if answer.state != "done":
                raise UserError(_("The customer's answers are not finished yet."))
            if answer.partner_id and answer.partner_id != self.partner_id:
                raise UserError(
                    _(
                        "These answers are those of %(partner)s, not of the "
                        "customer surveyed.",
                        partner=answer.partner_id.display_name,
                    )
                )
            return self._scm_check_score(answer.scoring_total)
        if not self.score_recorded:
            raise UserError(
                _("Enter the total score of the paper questionnaire (0 to 100).")
            )
        return self._scm_check_score(self.score)

    # -- completion (AUD-SAT-01..03) --------------------------------------------------
    def action_complete(self):
        """Fix the total score, report it to the Office Meeting, and act on a
        poor result (AUD-SAT-02) or a very poor one (AUD-SAT-03)."""
        self._scm_check_auditor(_("complete a satisfaction survey"))
        self._scm_check_stage(("draft",), _("completed"))
        for survey in self:
            if not (survey.company_id and survey.partner_id):
                raise UserError(_("Draw or choose the customer first."))
            score = survey._scm_final_score()
            manager = survey.company_id.sudo().scm_manager_id
            if score < POOR_BELOW and not manager:
                raise UserError(
                    _(
                        "%(branch)s has no branch manager to notify of the poor "
                        "result: set one first.",
                        branch=survey.company_id.sudo().name,
                    )
                )
            survey._scm_complete(score, manager)
        return True

    def _scm_complete(self, score, manager):
        self.ensure_one()
        now = fields.Datetime.now()
        result = self._scm_result_of(score)
        self._scm_step_write(
            {
                "score": score,
                "score_recorded": True,
                "name": self._scm_next_number(),
                "completed_by_id": self.env.user.id,
                "completed_date": now,
                "completed_on": fields.Date.context_today(self),
                "auditor_id": (self.auditor_id or self.env.user).id,
                "branch_manager_id": manager.id,
                "state": "completed" if result == "good" else "measures",
            }
        )
        self._scm_report_to_office_meeting()
        if result != "good":
            self._scm_act_on_poor_result(manager, result)
        self.env["scm.satisfaction.quarter"]._scm_refresh(self.year, self.quarter)

    def _scm_next_number(self):
        self.ensure_one()
        code = self.company_id.sudo().scm_code or "HQ"
        prefix = f"MY{code}-{self.year}Q{self.quarter}-"
        return (
            self.env["scm.numbering"]
            .sudo()
            .next_number(prefix, prefix + "{serial}", document=self, padding=2)
        )

    def _scm_office_meeting_users(self):
        group = self.env.ref("scm_base.group_office_meeting").sudo()
        president = self.env.ref("scm_base.group_president").sudo()
        return group.users.filtered("active"), president.users.filtered("active")

    def _scm_report_to_office_meeting(self):
        """AUD-SAT-01: the results are reported to the Office Meeting: a
        notice to its members and the President, and the secretary puts the
        report on the agenda."""
        self.ensure_one()
        secretaries, presidents = self._scm_office_meeting_users()
        labels = dict(self._fields["result"]._description_selection(self.env))
        subject = _(
            "Customer Satisfaction Survey Report %(doc)s for the Office Meeting",
            doc=self.display_name,
        )
        body = Markup("<p>%s</p>") % _(
            "Customer Satisfaction Survey Report %(doc)s: %(customer)s of "
            "%(branch)s, quarter %(quarter)s, total score %(score)s (%(result)s).",
            doc=self.name,
            customer=self.partner_id.sudo().display_name,
            branch=self.company_id.sudo().name,
            quarter=self.quarter_label,
            score=score_text(self.score),
            result=labels.get(self.result, ""),
        )
        notice = self.env["scm.notice"]._scm_send(
            self, subject, body, (secretaries | presidents).partner_id
        )
        self._scm_step_write({"meeting_notice_id": notice.id})
        for user in secretaries or presidents:
            self.sudo().activity_schedule(
                "scm_audit.mail_activity_type_sat_agenda",
                date_deadline=fields.Date.context_today(self),
                summary=_(
                    "Put the satisfaction survey report %(doc)s on the Office "
                    "Meeting agenda",
                    doc=self.name,
                ),
                user_id=user.id,
            )

    def _scm_act_on_poor_result(self, manager, result):
        """AUD-SAT-02 (and 03): the notice, the 3-day measures, the
        assessment entry, the re-check a week after the notice (Open: counted
        from the notice); below 40 also the immediate level-3 finding."""
        self.ensure_one()
        company = self.company_id.sudo()
        very_poor = result == "very_poor"
        rule = "AUD-SAT-03" if very_poor else "AUD-SAT-02"
        subject = _(
            "Poor customer satisfaction at %(branch)s: %(doc)s",
            branch=company.name,
            doc=self.name,
        )
        body = Markup("<p>%s</p><p>%s</p>") % (
            _(
                "The Audit Dept's satisfaction survey of %(customer)s scored "
                "%(score)s out of 100 (%(rule)s).",
                customer=self.partner_id.sudo().display_name,
                score=score_text(self.score),
                rule=rule,
            ),
            _(
                "Draw up and carry out measures to improve the customer's "
                "satisfaction within %(days)s days of this notice; the Audit Dept "
                "re-checks one week after it.",
                days=MEASURES_DAYS,
            ),
        )
        if very_poor:
            body += Markup("<p>%s</p>") % _(
                "Below 40: a company-wide circular of criticism is decided at once "
                "(AUD-SAT-03)."
            )
        notice = self.env["scm.notice"]._scm_send(
            self, subject, body, manager.partner_id
        )
        sent = notice.sent_at
        measures = self._scm_deadline_open(
            DEADLINE_CODE,
            _("Improvement measures for %(doc)s", doc=self.name),
            manager,
            MEASURES_DAYS,
            unit="calendar_days",
            start=sent,
        )
        auditor = self.auditor_id or self.env.user
        self._scm_deadline_open(
            DEADLINE_CODE,
            _("Re-check the customer satisfaction of %(doc)s", doc=self.name),
            auditor,
            RECHECK_DAYS,
            unit="calendar_days",
            start=sent,
        )
        notice_day = self.env["scm.workday"]._local_date(sent, company)
        entry = self.env["scm.assessment.entry"]._scm_add(
            manager,
            "satisfaction",
            _(
                "Customer satisfaction %(score)s below 60 at %(customer)s "
                "(%(doc)s, %(rule)s)",
                score=score_text(self.score),
                customer=self.partner_id.sudo().display_name,
                doc=self.name,
                rule=rule,
            ),
            -2 if very_poor else -1,
            self,
        )
        values = {
            "notice_id": notice.id,
            "notice_date": sent,
            "measures_due": measures.due_date,
            "recheck_due": notice_day + timedelta(days=RECHECK_DAYS),
            "assessment_entry_id": entry.id,
        }
        if very_poor:
            values["finding_id"] = self._scm_open_level_three(manager).id
        self._scm_step_write(values)

    def _scm_open_level_three(self, manager):
        """AUD-SAT-03: the immediate company-wide circular against the branch
        manager, as a level-3 finding of the branch's audit report."""
        reason = _(
            "Customer satisfaction below 40 (%(score)s) at %(customer)s: a "
            "company-wide circular of criticism at once (AUD-SAT-03).",
            score=score_text(self.score),
            customer=self.partner_id.sudo().display_name,
        )
        return self.env["scm.audit.finding"]._scm_open(
            self,
            manager,
            "AUD-SAT-03",
            _(
                "Very poor customer satisfaction: %(customer)s scored %(score)s",
                customer=self.partner_id.sudo().display_name,
                score=score_text(self.score),
            ),
            _(
                "Customer Satisfaction Survey Report %(doc)s, quarter "
                "%(quarter)s: total score %(score)s out of 100.",
                doc=self.name,
                quarter=self.quarter_label,
                score=score_text(self.score),
            ),
            "satisfaction",
            level="3",
            reason=reason,
        )

    # -- the branch manager's measures ------------------------------------------------
    def action_submit_measures(self, measures):
        """The branch manager gives the measures he draws up and carries out
        (AUD-SAT-02: within 3 days of the notice)."""
        self.ensure_one()
        if self.env.user != self.branch_manager_id:
            raise UserError(
                _(
                    "Only the branch manager notified, %(manager)s, gives the "
                    "measures of %(doc)s.",
                    manager=self.branch_manager_id.name or _("(none)"),
                    doc=self.display_name,
                )
            )
        self._scm_check_stage(("measures",), _("given measures"))
        measures = (measures or "").strip()
        if not measures:
            raise UserError(_("Describe the measures taken to improve satisfaction."))
        self._scm_step_write(
            {
                "measures": measures,
                "measures_by_id": self.env.user.id,
                "measures_date": fields.Datetime.now(),
                "state": "recheck",
            }
        )
        self._scm_deadline_close(
            DEADLINE_CODE, user=self.branch_manager_id, feedback=measures
        )
        self.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (_("Improvement measures given by the branch manager."), measures)
        )
        return True

    # -- the re-check (AUD-SAT-02, Open: still < 60 fails) ----------------------------
    def action_recheck(self, score, note):
        """The Audit Dept re-checks a week after the notice: a new score still
        below 60 fails and proposes a level-3 finding against the branch
        manager in the work queue; 60 or more passes."""
        self.ensure_one()
        self._scm_check_auditor(_("re-check a satisfaction survey"))
        self._scm_check_stage(("measures", "recheck"), _("re-checked"))
        score = self._scm_check_score(score, _("The re-check score"))
        note = (note or "").strip()
        if not note:
            raise UserError(_("Write what the re-check found."))
        today = fields.Date.context_today(self)
        if today < self.recheck_due:
            raise UserError(
                _(
                    "The re-check of %(doc)s is due on %(due)s, one week after the "
                    "notice: re-check it on that date or later (AUD-SAT-02).",
                    doc=self.display_name,
                    due=self.recheck_due,
                )
            )
        failed = score < POOR_BELOW
        self._scm_step_write(
            {
                "recheck_score": score,
                "recheck_note": note,
                "recheck_by_id": self.env.user.id,
                "recheck_date": fields.Datetime.now(),
                "recheck_result": "failed" if failed else "passed",
                "state": "closed",
            }
        )
        self._scm_deadline_close(
            DEADLINE_CODE, user=self._scm_recheck_owner(), feedback=note
        )
        labels = dict(self._fields["recheck_result"]._description_selection(self.env))
        self.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (
                _(
                    "Re-check: %(score)s, %(result)s.",
                    score=score_text(score),
                    result=labels[self.recheck_result],
                ),
                note,
            )
        )
        if failed:
            proposal = self._scm_propose_level_three(score, note)
            if proposal:
                self._scm_step_write({"proposal_id": proposal.id})
        return True

    def _scm_recheck_owner(self):
        deadlines = self._scm_deadlines(DEADLINE_CODE).filtered(
            lambda d: d.user_id != self.branch_manager_id
        )
        return deadlines.user_id

    def _scm_propose_level_three(self, score, note):
        """AUD-SAT-02 step 5: the re-check failed again: a company-wide
        circular against the branch manager is proposed to the Audit Dept."""
        return self.env["scm.audit.proposal"]._scm_propose(
            [
                {
                    "name": _(
                        "Customer satisfaction still poor at re-check: %(doc)s",
                        doc=self.display_name,
                    ),
                    "kind": "satisfaction",
                    "fact_key": f"satisfaction:{self.id}:recheck",
                    "description": _(
                        "Survey score %(score)s, re-check score %(recheck)s (below "
                        "60): %(note)s",
                        score=score_text(self.score),
                        recheck=score_text(score),
                        note=note,
                    ),
                    "rule_code": "AUD-SAT-02",
                    "user_id": self.branch_manager_id.id,
                    "company_id": self.company_id.id,
                    "proposed_level": "3",
                    "res_model": self._name,
                    "res_id": self.id,
                    "res_name": self.display_name,
                    "fact_date": self.recheck_date,
                }
            ]
        )

    # -- UI ---------------------------------------------------------------------------
    def _scm_wizard(self, xmlid):
        self.ensure_one()
        return self._scm_window(xmlid, {"default_survey_id": self.id})

    def action_measures_wizard(self):
        return self._scm_wizard("scm_audit.action_sat_measures_wizard")

    def action_recheck_wizard(self):
        return self._scm_wizard("scm_audit.action_sat_recheck_wizard")

    def action_print(self):
        return self.env.ref("scm_audit.action_report_sat_survey").report_action(self)

    def action_open_finding(self):
        self.ensure_one()
        record = self.finding_id or self.proposal_id
        if not record:
            raise UserError(_("No finding was opened or proposed for this survey."))
        return self._scm_form(record._name, record.id)
