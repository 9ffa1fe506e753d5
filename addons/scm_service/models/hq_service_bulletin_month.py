from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.scm_base.models.scm_workday import SQL_TODAY


class ScmServiceBulletinMonth(models.Model):
    """Every calendar month since the first escalation to HQ, with its
    bulletin: a month that has ended without a distributed bulletin is
    flagged missing (SVC-HQ-03). A view, read live: nothing waits for a
    job."""

    _name = "scm.service.bulletin.month"
    _description = "Bulletin Month"
    _auto = False
    _order = "month desc"
    _rec_name = "month"

    month = fields.Date(readonly=True)
    bulletin_id = fields.Many2one("scm.service.bulletin", readonly=True)
    typical_count = fields.Integer(
        string="Typical Escalations", readonly=True, aggregator="sum"
    )
    ended = fields.Boolean(string="Month Ended", readonly=True)
    missing = fields.Boolean(
        string="Bulletin Missing",
        readonly=True,
        help="The month has ended and no bulletin of it was distributed.",
    )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The view reads the escalations and bulletins as stored.
        self.env["scm.service.escalation"].flush_model()
        self.env["scm.service.bulletin"].flush_model()
        return super()._search(domain, offset, limit, order, **kwargs)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Months in China's time (the branches' calendar), from the first
        # escalation received or bulletin issued to the current month.
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(view)s AS (
                WITH bounds AS (
                    SELECT LEAST(
                        (SELECT MIN(bulletin_month) FROM scm_service_escalation),
                        (SELECT MIN(month) FROM scm_service_bulletin)
                    ) AS first_month,
                    date_trunc('month', %(today)s)::date AS this_month
                ),
                months AS (
                    SELECT generate_series(
                        bounds.first_month, bounds.this_month, interval '1 month'
                    )::date AS month, bounds.this_month
                    FROM bounds WHERE bounds.first_month IS NOT NULL
                )
                SELECT
                    (extract(year FROM m.month) * 100
                        + extract(month FROM m.month))::integer AS id,
                    m.month,
                    b.id AS bulletin_id,
                    (SELECT COUNT(*) FROM scm_service_escalation e
                      WHERE e.bulletin_month = m.month AND e.is_typical
                    )::integer AS typical_count,
                    m.month < m.this_month AS ended,
                    (m.month < m.this_month
                        AND COALESCE(b.state, 'draft') != 'distributed') AS missing
                FROM months m
                LEFT JOIN scm_service_bulletin b ON b.month = m.month
            )
            """,
                view=SQL.identifier(self._table),
                today=SQL(SQL_TODAY),
            )
        )
