from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .scm_sales_plan_line import BUSINESS_LINE_KEYS, BUSINESS_LINES


class ScmSalesActual(models.Model):
    """Actual sales per branch, business line and day, against which the
    monthly targets are evaluated (SAL-PLAN-06/08).

    Later addons record their amounts through `_scm_record_actual`, e.g.
    scm_contracts writes the amount of each signed contract."""

    _name = "scm.sales.actual"
    _description = "Actual Sales"
    _order = "date desc, id desc"

    name = fields.Char(string="Description", required=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    business_line = fields.Selection(BUSINESS_LINES, required=True, index=True)
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    res_model = fields.Char(string="Source Model", index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", index=True, readonly=True
    )

    _sql_constraints = [
        (
            "source_unique",
            "UNIQUE(res_model, res_id, business_line)",
            "A source document records one actual per business line.",
        ),
    ]

    @api.model
    def _scm_record_actual(
        self, document, company, business_line, date, amount, name=None
    ):
        """Record (or update) the actual sales of a source document.

        :param document: the source record (e.g. a signed scm.contract)
        :param company: the branch (res.company) the sale counts for
        :param business_line: one of BUSINESS_LINE_KEYS
        :param date: the date the sale counts on (e.g. the signature date)
        :param amount: the amount; 0 removes nothing but keeps the line
        :param name: description, defaults to the document's display name
        :return: the scm.sales.actual record
        """
        if business_line not in BUSINESS_LINE_KEYS:
            raise ValidationError(
                _("%(line)s is not a business line.", line=business_line)
            )
        document.ensure_one()
        values = {
            "name": name or document.display_name,
            "company_id": company.id,
            "business_line": business_line,
            "date": date,
            "amount": amount,
        }
        actual = self.sudo().search(
            [
                ("res_model", "=", document._name),
                ("res_id", "=", document.id),
                ("business_line", "=", business_line),
            ],
            limit=1,
        )
        if actual:
            actual.write(values)
        else:
            actual = self.sudo().create(
                {**values, "res_model": document._name, "res_id": document.id}
            )
        return actual.with_env(self.env)

    @api.model
    def _scm_actuals_by_line(self, company, date_from, date_to):
        """{business line: amount} of a branch for [date_from, date_to]."""
        groups = self.sudo()._read_group(
            [
                ("company_id", "=", company.id),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["business_line"],
            ["amount:sum"],
        )
        return dict(groups)
