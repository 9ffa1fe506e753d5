from odoo import fields, models

from ..models.elements_element import ELEMENT_TYPES


class ScmProjectElementGenerateLine(models.TransientModel):
    _name = "scm.project.element.generate.line"
    _description = "Element to Generate"

    wizard_id = fields.Many2one(
        "scm.project.element.generate", required=True, ondelete="cascade"
    )
    element_type = fields.Selection(ELEMENT_TYPES, string="Element", required=True)
    selected = fields.Boolean(string="Generate", default=True)
