from odoo import fields, models, tools

from odoo.addons.scm_base.models.scm_workday import DEFAULT_TZ, SQL_TODAY

from .customers_scm_customer_visit import SERVICE_PURPOSES
from .res_partner import SERVICE_CONTRACT_TYPES


class ScmServiceVisitCoverage(models.Model):
    """Monthly visit coverage (SVC-VISIT-01): one row per service customer
    and calendar month since its J/R contract took effect, with the visit
    records closed in the month and their consultant. A past month without
    one is a gap at once, without waiting for the monthly check."""

    _name = "scm.service.visit.coverage"
    _description = "Service Visit Coverage"
    _auto = False
    _order = "month desc, company_id, user_id, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    user_id = fields.Many2one("res.users", string="Consultant", readonly=True)
    month = fields.Date(readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True, aggregator="sum")
    customer_count = fields.Integer(string="Customers", readonly=True, aggregator="sum")
    missed = fields.Boolean(string="No Visit", readonly=True)
    missed_count = fields.Integer(string="Gaps", readonly=True, aggregator="sum")
    current_month = fields.Boolean(readonly=True)

    def init(self):
        contract_stages = self.env["scm.contract"]._scm_in_force_stages()
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                WITH customers AS (
                    SELECT c.partner_id,
                           date_trunc('month', min(COALESCE(c.effective_date,
                                                   c.create_date::date))) AS since
                      FROM scm_contract c
                     WHERE c.contract_type IN %(types)s
                       AND c.stage IN %(stages)s
                  GROUP BY c.partner_id
                ),
                months AS (
                    SELECT cu.partner_id, m::date AS month
                      FROM customers cu,
                           generate_series(cu.since,
                                           date_trunc('month', {SQL_TODAY}),
                                           interval '1 month') AS m
                ),
                visits AS (
                    SELECT v.partner_id,
                           date_trunc('month', v.planned_start AT TIME ZONE 'UTC'
                                      AT TIME ZONE '{DEFAULT_TZ}')::date AS month,
                           count(*) AS visit_count
                      FROM scm_customer_visit v
                     WHERE v.visit_stage = 'done'
                       AND v.scm_visit_purpose IN %(purposes)s
                  GROUP BY 1, 2
                )
                SELECT row_number() OVER (ORDER BY mo.month, mo.partner_id) AS id,
                       mo.partner_id,
                       COALESCE(p.scm_service_company_id, p.company_id) AS company_id,
                       COALESCE(
                           (SELECT pr.scm_service_user_id
                              FROM project_project pr
                             WHERE pr.partner_id = mo.partner_id
                               AND pr.scm_service_user_id IS NOT NULL
                          ORDER BY pr.id DESC LIMIT 1),
                           p.user_id) AS user_id,
                       mo.month,
                       COALESCE(vi.visit_count, 0)::int AS visit_count,
                       1 AS customer_count,
                       (vi.visit_count IS NULL
                        AND mo.month < date_trunc('month', {SQL_TODAY})) AS missed,
                       (CASE WHEN vi.visit_count IS NULL
                              AND mo.month < date_trunc('month', {SQL_TODAY})
                             THEN 1 ELSE 0 END) AS missed_count,
                       (mo.month = date_trunc('month', {SQL_TODAY})) AS current_month
                  FROM months mo
                  JOIN res_partner p ON p.id = mo.partner_id
             LEFT JOIN visits vi ON vi.partner_id = mo.partner_id
                                AND vi.month = mo.month
            )
            """,
            {
                "types": tuple(SERVICE_CONTRACT_TYPES),
                "stages": tuple(contract_stages),
                "purposes": tuple(SERVICE_PURPOSES),
            },
        )
