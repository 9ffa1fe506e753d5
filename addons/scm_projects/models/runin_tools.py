from odoo import _
from odoo.exceptions import UserError


def fill_project_from_parent(model, vals_list, parent_field):
    """A line of a run-in document belongs to its document's project."""
    Parent = model.env[model._fields[parent_field].comodel_name]
    for vals in vals_list:
        parent = Parent.browse(vals.get(parent_field)).exists()
        if not parent:
            continue
        project = parent.sudo().project_id
        if vals.get("project_id") and vals["project_id"] != project.id:
            raise UserError(
                _(
                    "%(model)s belongs to the project of its document.",
                    model=model._description,
                )
            )
        vals["project_id"] = project.id
    return vals_list
