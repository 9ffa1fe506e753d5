from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.scm_base.models.scm_workday import SQL_TODAY

# Session stages after the session took place.
DONE_STAGES = ("held", "evaluated", "examined", "summarised", "closed")


class ScmTrainingFiveHavesReport(models.Model):
    """Whether each unit has the "five haves" (TRN-FIVE-01), computed when
    read, without a scheduled job: a plan (an approved annual plan of the
    current year), a training specialist (a current assignment), training
    equipment (a checklist with a working whiteboard and computer; branches
    only), records sent to HQ (this year's sessions that took place all have
    their record and evaluation sent to HQ) and an incentive scheme (an
    issued policy; branches only).

    The units are every branch (a company under HQ) and the HQ marketing
    departments (MARKETING_DEPARTMENTS of scm.training.unit.mixin).

    "Sent to HQ": when the session model has `scm_sent_to_hq` (added by the
    sessions and evaluation work), it is used; until then a closed session
    counts as sent. The view is rebuilt at each update of the module, so it
    picks the field up once installed."""

    _name = "scm.training.five.haves.report"
    _description = "Five Haves Compliance"
    _auto = False
    _order = "unit_kind, company_id, department_id"

    company_id = fields.Many2one("res.company", string="Unit (Company)", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="HQ Department", readonly=True
    )
    unit_kind = fields.Selection(
        [("branch", "Branch"), ("hq_department", "HQ Marketing Department")],
        readonly=True,
    )
    has_plan = fields.Boolean(string="Has a Plan", readonly=True)
    has_specialist = fields.Boolean(string="Has a Specialist", readonly=True)
    has_equipment = fields.Boolean(
        readonly=True,
        help="A whiteboard and a computer in working order; required of branches "
        "only (always met by an HQ department).",
    )
    sessions_done = fields.Integer(string="Sessions Held This Year", readonly=True)
    sessions_sent = fields.Integer(string="Records Sent to HQ", readonly=True)
    has_records = fields.Boolean(string="Records Sent", readonly=True)
    has_incentive = fields.Boolean(
        string="Has an Incentive Scheme",
        readonly=True,
        help="Required of branches only (always met by an HQ department).",
    )
    haves_count = fields.Integer(string="Haves", readonly=True, aggregator="avg")
    compliant = fields.Boolean(string="All Five", readonly=True)

    def init(self):
        departments = self.env[
            "scm.training.unit.mixin"
        ]._scm_marketing_departments().ids or [0]
        tools.drop_view_if_exists(self.env.cr, self._table)
        # The marketing departments are bound as values, not formatted into
        # the statement.
        done = tuple(DONE_STAGES)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(view)s AS (
            WITH units AS (
                SELECT c.id AS company_id, NULL::integer AS department_id,
                       'branch'::varchar AS unit_kind
                  FROM res_company c
                 WHERE c.parent_id IS NOT NULL AND c.active
                UNION ALL
                SELECT d.company_id, d.id, 'hq_department'::varchar
                  FROM hr_department d
                 WHERE d.id IN %(departments)s
                   AND d.active
            ), facts AS (
                SELECT u.*,
                    EXISTS (
                        SELECT 1 FROM scm_training_plan p
                         WHERE p.plan_type = 'annual' AND p.stage = 'approved'
                           AND p.company_id = u.company_id
                           AND p.department_id IS NOT DISTINCT FROM u.department_id
                           AND p.year = EXTRACT(YEAR FROM %(today)s)
                    ) AS has_plan,
                    EXISTS (
                        SELECT 1 FROM scm_training_specialist s
                         WHERE s.company_id = u.company_id
                           AND s.department_id IS NOT DISTINCT FROM u.department_id
                           AND s.date_from <= %(today)s
                           AND (s.date_to IS NULL OR s.date_to >= %(today)s)
                    ) AS has_specialist,
                    u.unit_kind != 'branch' OR EXISTS (
                        SELECT 1 FROM scm_training_equipment_checklist e
                         WHERE e.company_id = u.company_id AND e.complete
                    ) AS has_equipment,
                    (
                        SELECT count(*) FROM scm_training_session ts
                          JOIN hr_course_schedule cs ON cs.id = ts.schedule_id
                         WHERE ts.company_id = u.company_id
                           AND ts.department_id IS NOT DISTINCT FROM u.department_id
                           AND ts.stage IN %(done)s
                           AND EXTRACT(YEAR FROM cs.start_date)
                               = EXTRACT(YEAR FROM %(today)s)
                    ) AS sessions_done,
                    (
                        SELECT count(*) FROM scm_training_session ts
                          JOIN hr_course_schedule cs ON cs.id = ts.schedule_id
                         WHERE ts.company_id = u.company_id
                           AND ts.department_id IS NOT DISTINCT FROM u.department_id
                           AND ts.stage IN %(done)s
                           AND ts.scm_sent_to_hq
                           AND EXTRACT(YEAR FROM cs.start_date)
                               = EXTRACT(YEAR FROM %(today)s)
                    ) AS sessions_sent,
                    u.unit_kind != 'branch' OR EXISTS (
                        SELECT 1 FROM scm_training_incentive_policy i
                         WHERE i.company_id = u.company_id AND i.state = 'issued'
                    ) AS has_incentive
                  FROM units u
            ), scored AS (
                SELECT f.*,
                       f.sessions_done > 0 AND f.sessions_sent = f.sessions_done
                           AS has_records
                  FROM facts f
            )
            SELECT CASE WHEN s.department_id IS NULL THEN s.company_id
                        ELSE 1000000 + s.department_id END AS id,
                   s.company_id, s.department_id, s.unit_kind,
                   s.has_plan, s.has_specialist, s.has_equipment,
                   s.sessions_done::integer AS sessions_done,
                   s.sessions_sent::integer AS sessions_sent,
                   s.has_records, s.has_incentive,
                   (s.has_plan::integer + s.has_specialist::integer
                    + s.has_equipment::integer + s.has_records::integer
                    + s.has_incentive::integer) AS haves_count,
                   s.has_plan AND s.has_specialist AND s.has_equipment
                       AND s.has_records AND s.has_incentive AS compliant
              FROM scored s
            )
            """,
                view=SQL.identifier(self._table),
                departments=tuple(departments),
                done=done,
                today=SQL(SQL_TODAY),
            )
        )

    @api.depends("company_id", "department_id")
    def _compute_display_name(self):
        for row in self:
            row.display_name = (row.department_id or row.company_id).display_name
