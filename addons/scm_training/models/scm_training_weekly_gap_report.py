from odoo import api, fields, models, tools


class ScmTrainingWeeklyGapReport(models.Model):
    """TRN-PLAN-03: the active months of each branch and whether it issued
    a weekly training schedule in them, computed when read (no job). A
    month is active for a branch when it has a session (not cancelled)
    starting in it or a monthly plan sheet (not cancelled) for it; it is
    flagged when no issued weekly schedule of the branch has a day in it."""

    _name = "scm.training.weekly.gap.report"
    _description = "Weekly Training Schedule Check"
    _auto = False
    _order = "month_start desc, company_id"

    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    month_start = fields.Date(string="Month", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    month = fields.Integer(string="Month Number", readonly=True, aggregator=None)
    session_count = fields.Integer(string="Sessions", readonly=True)
    sheet_count = fields.Integer(string="Monthly Sheets", readonly=True)
    weekly_count = fields.Integer(string="Weekly Schedules", readonly=True)
    weekly_missing = fields.Boolean(string="Weekly Schedule Missing", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
            WITH months AS (
                SELECT ts.company_id,
                       date_trunc('month', cs.start_date)::date AS month_start
                  FROM scm_training_session ts
                  JOIN hr_course_schedule cs ON cs.id = ts.schedule_id
                 WHERE ts.department_id IS NULL AND ts.stage != 'cancelled'
                   AND cs.start_date IS NOT NULL
                UNION
                SELECT p.company_id, make_date(p.year, p.month::integer, 1)
                  FROM scm_training_plan p
                 WHERE p.plan_type = 'monthly' AND p.department_id IS NULL
                   AND p.stage != 'cancelled' AND p.month IS NOT NULL
            ), counted AS (
                SELECT m.company_id, m.month_start,
                    (SELECT count(*) FROM scm_training_session ts
                       JOIN hr_course_schedule cs ON cs.id = ts.schedule_id
                      WHERE ts.company_id = m.company_id
                        AND ts.department_id IS NULL AND ts.stage != 'cancelled'
                        AND date_trunc('month', cs.start_date) = m.month_start
                    ) AS session_count,
                    (SELECT count(*) FROM scm_training_plan p
                      WHERE p.plan_type = 'monthly' AND p.company_id = m.company_id
                        AND p.department_id IS NULL AND p.stage != 'cancelled'
                        AND make_date(p.year, p.month::integer, 1) = m.month_start
                    ) AS sheet_count,
                    (SELECT count(*) FROM scm_training_plan w
                      WHERE w.plan_type = 'weekly' AND w.company_id = m.company_id
                        AND w.department_id IS NULL AND w.stage = 'issued'
                        AND w.week_start < (m.month_start + interval '1 month')
                        AND w.week_start + 6 >= m.month_start
                    ) AS weekly_count
                  FROM months m
                  JOIN res_company c ON c.id = m.company_id
                 WHERE c.parent_id IS NOT NULL
            )
            SELECT (c.company_id * 1000000
                    + EXTRACT(YEAR FROM c.month_start)::integer * 100
                    + EXTRACT(MONTH FROM c.month_start)::integer) AS id,
                   c.company_id, NULL::integer AS department_id, c.month_start,
                   EXTRACT(YEAR FROM c.month_start)::integer AS year,
                   EXTRACT(MONTH FROM c.month_start)::integer AS month,
                   c.session_count::integer AS session_count,
                   c.sheet_count::integer AS sheet_count,
                   c.weekly_count::integer AS weekly_count,
                   c.weekly_count = 0 AS weekly_missing
              FROM counted c
            )
            """
        )

    @api.depends("company_id", "department_id", "month_start")
    def _compute_display_name(self):
        for row in self:
            row.display_name = " · ".join(
                part
                for part in (
                    (row.department_id or row.company_id).display_name,
                    row.month_start and row.month_start.strftime("%Y-%m"),
                )
                if part
            )
