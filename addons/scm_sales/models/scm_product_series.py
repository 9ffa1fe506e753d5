from odoo import fields, models


class ScmProductSeries(models.Model):
    """A product line of the company's garment-industry ERP (SAL-PROD-01/02).

    "行业之星" is the released WIN-version line; "管理新星" is the SQL-version
    line still under development, so its name is only provisional."""

    _name = "scm.product.series"
    _description = "Software Product Series"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    # Unique (a btree index): the size keeps any typed text within it.
    code = fields.Char(
        required=True,
        size=32,
        help="Short technical code of the series, e.g. STAR for Industry Star.",
    )
    sequence = fields.Integer(default=10)
    platform = fields.Char(
        help="Technical platform of the series, e.g. WIN or SQL version.",
    )
    status = fields.Selection(
        [("provisional", "Provisional"), ("released", "Released")],
        required=True,
        default="provisional",
        tracking=True,
        help="A provisional series is still under development: its name may "
        "change and its editions are added later.",
    )
    description = fields.Text()
    product_tmpl_ids = fields.One2many(
        "product.template", "scm_series_id", string="Editions"
    )
    edition_count = fields.Integer(compute="_compute_edition_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Another series already uses this code."),
    ]

    def _compute_edition_count(self):
        counts = {
            series.id: count
            for series, count in self.env["product.template"]._read_group(
                [("scm_series_id", "in", self.ids)],
                ["scm_series_id"],
                ["__count"],
            )
        }
        for series in self:
            series.edition_count = counts.get(series.id, 0)
