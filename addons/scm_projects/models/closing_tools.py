from odoo.exceptions import UserError


def project_for_create(model, vals):
    """The project a new closing-area document is made on, checked before
    anything is written: still open, and worked by the user (the PM, the
    team, the branch manager or MCD)."""
    project = (
        model.env["project.project"]
        .sudo()
        .browse(vals.get("project_id") or [])
        .exists()
    )
    if not project or model.env.su:
        return project
    project._scm_check_not_closed()
    if not project._scm_is_worker(model.env.user):
        raise UserError(
            model.env._(
                "Only the project team, the branch manager or MCD may prepare "
                "%(model)s.",
                model=model._description,
            )
        )
    return project
