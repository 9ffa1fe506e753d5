from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.elements_element import ELEMENT_TYPES


class ScmProjectElementGenerate(models.TransientModel):
    """The PM picks the elements the project implements and the consultant
    who writes them: one element document per element (PRJ-ELEM-09)."""

    _name = "scm.project.element.generate"
    _description = "Generate Element Documents"

    project_id = fields.Many2one("project.project", required=True, readonly=True)
    author_id = fields.Many2one(
        "res.users",
        required=True,
        domain="[('id', 'in', consultant_ids)]",
        help="A consultant of the project team (PRJ-ELEM-03).",
    )
    consultant_ids = fields.Many2many(
        "res.users", compute="_compute_consultant_ids", string="Team Consultants"
    )
    line_ids = fields.One2many(
        "scm.project.element.generate.line", "wizard_id", string="Elements"
    )

    @api.depends("project_id")
    def _compute_consultant_ids(self):
        for wizard in self:
            wizard.consultant_ids = (
                wizard.project_id.sudo()
                .scm_member_ids.filtered(
                    lambda m: m.side == "aa" and m.active and m.role == "consultant"
                )
                .user_id
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        project = self.env["project.project"].browse(values.get("project_id"))
        if "line_ids" in fields_list and project:
            existing = set(
                self.env["scm.project.element"]
                .sudo()
                .search([("project_id", "=", project.id)])
                .mapped("element_type")
            )
            values["line_ids"] = [
                (0, 0, {"element_type": key, "selected": True})
                for key, __ in ELEMENT_TYPES
                if key not in existing
            ]
        return values

    def action_generate(self):
        self.ensure_one()
        types = self.line_ids.filtered("selected").mapped("element_type")
        if not types:
            raise UserError(_("Select the elements to generate documents for."))
        elements = self.env["scm.project.element"]._scm_generate(
            self.project_id, types, self.author_id
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Element Documents"),
            "res_model": "scm.project.element",
            "view_mode": "list,form",
            "domain": [("id", "in", elements.ids)],
        }
