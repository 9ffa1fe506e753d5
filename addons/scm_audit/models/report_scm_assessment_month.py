from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models, tools

from odoo.addons.scm_base.models.scm_workday import DEFAULT_TZ

from .scm_audit_finding import STATES


def _next_month(month):
    return month.replace(day=1) + relativedelta(months=1)


class ScmAssessmentMonth(models.Model):
    """The whole assessment picture of a month per person (ORG-RULE-12,
    issue 14 "Reporting"): one row per person and month with

    - the deadlines of every chapter due that month (in the branch's
      calendar) that the person owed: met on time, met late, or missed (still
      open after their due time; read live);
    - the audit findings against the person confirmed in that month's audits
      (AUD-GEN-02);
    - the month's assessment entries (scm.assessment.entry) by source: audit
      (scm_audit: the findings' levels, also the audited manager's entries),
      satisfaction (scm_audit's survey), training results and commendations
      (scm_training), and the total of their scores.

    The branch is the person's own company."""

    _name = "scm.assessment.month"
    _description = "Monthly Assessment"
    _auto = False
    _order = "period desc, company_id, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Person", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    period = fields.Date(string="Month", readonly=True)
    deadline_on_time_count = fields.Integer(
        string="Deadlines Met On Time", readonly=True, aggregator="sum"
    )
    deadline_late_count = fields.Integer(
        string="Deadlines Met Late", readonly=True, aggregator="sum"
    )
    deadline_missed_count = fields.Integer(
        string="Deadlines Missed",
        readonly=True,
        aggregator="sum",
        help="Due this month and still open after their due time.",
    )
    finding_count = fields.Integer(
        string="Audit Findings",
        readonly=True,
        aggregator="sum",
        help="Findings against the person in the month's confirmed audits.",
    )
    audit_entry_count = fields.Integer(
        string="Audit Entries", readonly=True, aggregator="sum"
    )
    satisfaction_entry_count = fields.Integer(
        string="Satisfaction Entries", readonly=True, aggregator="sum"
    )
    training_entry_count = fields.Integer(
        string="Training Results", readonly=True, aggregator="sum"
    )
    commendation_entry_count = fields.Integer(
        string="Commendations", readonly=True, aggregator="sum"
    )
    score = fields.Float(
        string="Total Score",
        readonly=True,
        aggregator="sum",
        help="Sum of the scores of the month's assessment entries.",
    )

    entries_html = fields.Html(
        string="Entries of the Month",
        compute="_compute_entries_html",
        sanitize=False,
        help="The person's assessment entries of the month, with their source, "
        "description and score.",
    )

    def _compute_entries_html(self):
        labels = dict(
            self.env["scm.assessment.entry"]
            ._fields["source"]
            ._description_selection(self.env)
        )
        for row in self:
            lines = [
                Markup(
                    "<tr><td>%s</td><td style='white-space: pre-wrap;'>%s</td>"
                    "<td class='text-end'>%s</td></tr>"
                )
                % (
                    labels.get(entry.source, entry.source),
                    entry.description,
                    f"{entry.score:g}",
                )
                for entry in (row._scm_entries() if row.id else ())
            ]
            if not lines:
                row.entries_html = Markup("<p class='text-muted'>%s</p>") % _(
                    "No assessment entry this month."
                )
                continue
            row.entries_html = Markup(
                "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th>"
                "<th class='text-end'>%s</th></tr></thead><tbody>%s</tbody></table>"
            ) % (_("Source"), _("Description"), _("Score"), Markup().join(lines))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The view reads the deadlines, entries and findings as stored.
        for model in ("scm.deadline", "scm.assessment.entry", "scm.audit.finding"):
            self.env[model].flush_model()
        return super()._search(domain, offset, limit, order, **kwargs)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        open_states = tuple(key for key, _label in STATES if key != "draft")
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH deadlines AS (
                    SELECT d.user_id,
                           date_trunc('month', (d.due_date AT TIME ZONE 'UTC')
                               AT TIME ZONE COALESCE(rc.tz, %(tz)s))::date AS period,
                           COUNT(*) FILTER (
                               WHERE d.state = 'done'
                                 AND NOT COALESCE(d.done_late, FALSE)
                           ) AS on_time,
                           COUNT(*) FILTER (
                               WHERE d.state = 'done' AND d.done_late
                           ) AS late,
                           COUNT(*) FILTER (WHERE d.state = 'open') AS missed
                      FROM scm_deadline d
                      LEFT JOIN res_company c ON c.id = d.company_id
                      LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
                     WHERE d.state = 'done'
                        OR (d.state = 'open'
                            AND d.due_date < (now() AT TIME ZONE 'UTC'))
                     GROUP BY 1, 2
                ),
                entries AS (
                    SELECT e.user_id,
                           date_trunc('month', e.period)::date AS period,
                           COUNT(*) FILTER (WHERE e.source = 'audit') AS audit,
                           COUNT(*) FILTER (
                               WHERE e.source = 'satisfaction'
                           ) AS satisfaction,
                           COUNT(*) FILTER (WHERE e.source = 'training') AS training,
                           COUNT(*) FILTER (
                               WHERE e.source = 'commendation'
                           ) AS commendation,
                           SUM(COALESCE(e.score, 0)) AS score
                      FROM scm_assessment_entry e
                     GROUP BY 1, 2
                ),
                findings AS (
                    SELECT f.audited_user_id AS user_id,
                           date_trunc('month', f.period)::date AS period,
                           COUNT(*) AS findings
                      FROM scm_audit_finding f
                     WHERE f.state IN %(open_states)s AND f.period IS NOT NULL
                     GROUP BY 1, 2
                ),
                person_months AS (
                    SELECT user_id, period FROM deadlines
                    UNION
                    SELECT user_id, period FROM entries
                    UNION
                    SELECT user_id, period FROM findings
                )
                SELECT (pm.user_id::bigint * 1000000
                        + extract(year FROM pm.period)::bigint * 100
                        + extract(month FROM pm.period)::bigint) AS id,
                       pm.user_id,
                       u.company_id,
                       pm.period,
                       COALESCE(d.on_time, 0)::integer AS deadline_on_time_count,
                       COALESCE(d.late, 0)::integer AS deadline_late_count,
                       COALESCE(d.missed, 0)::integer AS deadline_missed_count,
                       COALESCE(f.findings, 0)::integer AS finding_count,
                       COALESCE(e.audit, 0)::integer AS audit_entry_count,
                       COALESCE(e.satisfaction, 0)::integer
                           AS satisfaction_entry_count,
                       COALESCE(e.training, 0)::integer AS training_entry_count,
                       COALESCE(e.commendation, 0)::integer
                           AS commendation_entry_count,
                       COALESCE(e.score, 0)::double precision AS score
                  FROM person_months pm
                  JOIN res_users u ON u.id = pm.user_id
                  LEFT JOIN deadlines d
                         ON d.user_id = pm.user_id AND d.period = pm.period
                  LEFT JOIN entries e
                         ON e.user_id = pm.user_id AND e.period = pm.period
                  LEFT JOIN findings f
                         ON f.user_id = pm.user_id AND f.period = pm.period
            )
            """,
            {"tz": DEFAULT_TZ, "open_states": open_states},
        )

    # -- the printed report ----------------------------------------------------------
    def _scm_entries(self):
        """The month's assessment entries of the row's person, for the printed
        report. Whoever reads the row reads its entries: a unit manager reads
        his people's rows although scm_base's entry rules give him only his
        branch's (the row's rules decide, read before)."""
        self.ensure_one()
        self.check_access("read")
        return (
            self.env["scm.assessment.entry"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.user_id.id),
                    ("period", ">=", self.period),
                    ("period", "<", _next_month(self.period)),
                ],
                order="source, id",
            )
        )

    def _scm_findings(self):
        """The findings of the row's person confirmed in the month's audits."""
        self.ensure_one()
        self.check_access("read")
        return (
            self.env["scm.audit.finding"]
            .sudo()
            .search(
                [
                    ("audited_user_id", "=", self.user_id.id),
                    ("state", "!=", "draft"),
                    ("period", ">=", self.period),
                    ("period", "<", _next_month(self.period)),
                ],
                order="id",
            )
        )

    def _scm_report_months(self):
        """The rows grouped by month, for the printed report: [(month, rows)]."""
        months = {}
        for row in self.sorted(lambda r: (r.period, r.company_id.id, r.user_id.name)):
            months.setdefault(row.period, self.browse())
            months[row.period] |= row
        return sorted(months.items(), reverse=True)
