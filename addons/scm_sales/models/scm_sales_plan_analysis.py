from odoo import fields, models, tools
from odoo.tools import SQL

from .scm_sales_plan_line import BUSINESS_LINE_KEYS, BUSINESS_LINES
from .scm_sales_plan_target import target_field


class ScmSalesPlanAnalysis(models.Model):
    """Monthly target vs actual per branch and business line (SAL-PLAN-08):
    targets of approved branch plans, actuals of scm.sales.actual."""

    _name = "scm.sales.plan.analysis"
    _description = "Sales Plan vs Actual Analysis"
    _auto = False
    _order = "date desc, company_id, business_line"

    def _compute_display_name(self):
        lines = dict(self._fields["business_line"]._description_selection(self.env))
        for row in self:
            row.display_name = " · ".join(
                str(part)
                for part in (
                    row.company_id.name,
                    row.date and fields.Date.to_string(row.date)[:7],
                    lines.get(row.business_line),
                )
                if part
            )

    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    business_line = fields.Selection(BUSINESS_LINES, readonly=True)
    date = fields.Date(string="Month", readonly=True)
    plan_year = fields.Integer(string="Year", readonly=True)
    target_amount = fields.Float(string="Target", readonly=True)
    actual_amount = fields.Float(string="Actual", readonly=True)
    variance = fields.Float(readonly=True, help="Actual minus target.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        unpivot = SQL(", ").join(
            SQL("(%s, t.%s)", key, SQL.identifier(target_field(key)))
            for key in BUSINESS_LINE_KEYS
        )
        # Each side is grouped first, then joined, so that a month with a
        # target but no sales (or the reverse) still shows one row.
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT row_number() OVER (
                           ORDER BY rows.date, rows.company_id, rows.business_line
                       ) AS id,
                       rows.company_id,
                       rows.business_line,
                       rows.date,
                       EXTRACT(YEAR FROM rows.date)::int AS plan_year,
                       SUM(rows.target_amount) AS target_amount,
                       SUM(rows.actual_amount) AS actual_amount,
                       SUM(rows.actual_amount) - SUM(rows.target_amount) AS variance
                  FROM (
                        SELECT t.company_id,
                               line.business_line::varchar AS business_line,
                               t.date,
                               COALESCE(line.amount, 0) AS target_amount,
                               0.0 AS actual_amount
                          FROM scm_sales_plan_target t
                          JOIN scm_sales_plan p ON p.id = t.plan_id
                         CROSS JOIN LATERAL (VALUES %s)
                               AS line(business_line, amount)
                         WHERE p.state = 'approved' AND p.stage != 'cancel'
                        UNION ALL
                        SELECT a.company_id,
                               a.business_line,
                               date_trunc('month', a.date)::date,
                               0.0,
                               a.amount
                          FROM scm_sales_actual a
                       ) AS rows
                 GROUP BY rows.company_id, rows.business_line, rows.date
            )
            """,
                SQL.identifier(self._table),
                unpivot,
            )
        )
