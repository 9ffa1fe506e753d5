from odoo import fields, models


class ScmSalesMaterial(models.Model):
    """Controlled promotional documents sent to customers (SAL-VISIT-02)."""

    _name = "scm.sales.material"
    _description = "Promotional Material"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    version = fields.Char()
    attachment_id = fields.Many2one("ir.attachment", string="Document")
    active = fields.Boolean(default=True)
