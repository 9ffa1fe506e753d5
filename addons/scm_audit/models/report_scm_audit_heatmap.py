from odoo import api, fields, models, tools

from odoo.addons.scm_base.models.scm_workday import DEFAULT_TZ

from .scm_audit_finding import STATES

SOURCES = [
    ("finding", "Audit Finding"),
    ("deadline", "Missed Deadline"),
    ("violation", "Procedure Violation"),
]
# An attempt with an unsigned document (ORG-RULE-05, logged for AUD-CTR-04).
VIOLATION_RULE = "ORG-RULE-05"


class ScmAuditHeatmap(models.Model):
    """The violation heat map of the manual (issue 14, "Reporting"): how
    often each rule was breached, by branch and month, from what breaches a
    rule:

    - a confirmed audit finding (its rule, audited branch and month);
    - a missed deadline of any chapter that names its rule (scm.deadline:
      still open after its due time, or done late; the month of its due
      date in the branch's calendar), unless an audit finding already took
      it as its evidence (the finding counts it);
    - a logged procedure violation (ORG-RULE-05: an unsigned document sent,
      printed or distributed), likewise unless a finding took it.

    A view read live: an open deadline counts as soon as its due time has
    passed, nothing waits for a job."""

    _name = "scm.audit.heatmap"
    _description = "Violation Heat Map"
    _auto = False
    _order = "count desc, rule_code, company_id, month desc"
    _rec_name = "rule_code"

    rule_code = fields.Char(string="Rule", readonly=True)
    chapter = fields.Char(
        readonly=True,
        help="The manual's chapter of the rule (ORG, SAL, CON, PRJ, SVC, AUD, TRN, "
        "SUP).",
    )
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    month = fields.Date(readonly=True)
    source = fields.Selection(SOURCES, readonly=True)
    count = fields.Integer(string="Breaches", readonly=True, aggregator="sum")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The view reads the findings, deadlines and violations as stored.
        for model in (
            "scm.audit.finding",
            "scm.audit.proposal",
            "scm.deadline",
            "scm.procedure.violation",
        ):
            self.env[model].flush_model()
        return super()._search(domain, offset, limit, order, **kwargs)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        open_states = tuple(key for key, _label in STATES if key != "draft")
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH taken AS (
                    -- The records an audit finding took as its evidence
                    -- (itself, or through its proposal of the work queue).
                    SELECT f.res_model, f.res_id
                      FROM scm_audit_finding f
                     WHERE f.state IN %(open_states)s AND f.res_model IS NOT NULL
                    UNION
                    SELECT p.res_model, p.res_id
                      FROM scm_audit_proposal p
                      JOIN scm_audit_finding f ON f.id = p.finding_id
                     WHERE f.state IN %(open_states)s AND p.res_model IS NOT NULL
                ),
                facts AS (
                    SELECT f.rule_code,
                           f.company_id,
                           date_trunc('month', f.period)::date AS month,
                           'finding' AS source
                      FROM scm_audit_finding f
                     WHERE f.state IN %(open_states)s
                       AND COALESCE(f.rule_code, '') != ''
                    UNION ALL
                    SELECT d.rule_code,
                           d.company_id,
                           date_trunc('month', (d.due_date AT TIME ZONE 'UTC')
                               AT TIME ZONE COALESCE(rc.tz, %(tz)s))::date,
                           'deadline'
                      FROM scm_deadline d
                      LEFT JOIN res_company c ON c.id = d.company_id
                      LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
                     WHERE COALESCE(d.rule_code, '') != ''
                       AND ((d.state = 'open'
                             AND d.due_date < (now() AT TIME ZONE 'UTC'))
                            OR (d.state = 'done' AND d.done_late))
                       AND NOT EXISTS (
                           SELECT 1 FROM taken t
                            WHERE t.res_model = 'scm.deadline' AND t.res_id = d.id)
                    UNION ALL
                    SELECT %(violation_rule)s,
                           v.company_id,
                           date_trunc('month', (v.date AT TIME ZONE 'UTC')
                               AT TIME ZONE COALESCE(rc.tz, %(tz)s))::date,
                           'violation'
                      FROM scm_procedure_violation v
                      LEFT JOIN res_company c ON c.id = v.company_id
                      LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
                     WHERE NOT EXISTS (
                           SELECT 1 FROM taken t
                            WHERE t.res_model = 'scm.procedure.violation'
                              AND t.res_id = v.id)
                )
                SELECT row_number() OVER (
                           ORDER BY rule_code, company_id, month, source
                       )::integer AS id,
                       rule_code,
                       split_part(rule_code, '-', 1) AS chapter,
                       company_id,
                       month,
                       source,
                       COUNT(*)::integer AS count
                  FROM facts
                 GROUP BY rule_code, company_id, month, source
            )
            """,
            {
                "open_states": open_states,
                "tz": DEFAULT_TZ,
                "violation_rule": VIOLATION_RULE,
            },
        )
