from odoo import fields, models


class ScmUnitAlias(models.Model):
    """Other names the manual uses for one unit (ORG-UNIT-03)."""

    _name = "scm.unit.alias"
    _description = "Unit Alias"
    _order = "name"

    name = fields.Char(required=True, translate=False)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, ondelete="cascade"
    )

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "This name already denotes another unit."),
    ]
