from odoo import _, fields, models
from odoo.exceptions import UserError


class ProjectProject(models.Model):
    """A contract project's development (PRJ-SC-05, PRJ-SEC-01) is started
    from the project by MRD or its PM."""

    _inherit = "project.project"

    scm_dev_work_ids = fields.One2many(
        "scm.dev.work", "project_id", string="Developments"
    )

    def _scm_devreq_start_work(self, user):
        """The project's open development, or a new one at the requirement
        work plan with the MRD Manager as requirement lead. MRD or the PM."""
        self.ensure_one()
        Work = self.env["scm.dev.work"].sudo()
        if not (
            user.has_group("scm_base.group_scm_admin")
            or self._scm_acts_as_pm(user)
            or Work._devreq_is_mrd_member(user)
        ):
            raise UserError(
                _(
                    "Only MRD or the project manager may start the development of "
                    "%(project)s.",
                    project=self.display_name,
                )
            )
        if not self.scm_contract_id:
            raise UserError(_("A development is started for a customer project."))
        self._scm_check_not_closed()
        work = Work.search(
            [
                ("project_id", "=", self.id),
                ("stage", "not in", ("accepted", "breach", "cancelled")),
            ],
            limit=1,
        )
        if work:
            return work
        return Work.create(
            {
                "name": _("Development of %(project)s", project=self.name),
                "kind": "project",
                "project_id": self.id,
                "company_id": self.company_id.id,
                "requirement_lead_id": Work._scm_mrd_manager().id,
                "stage": "req_work_plan",
            }
        )

    def action_scm_devreq_development(self):
        """The project's development: opened, or started by MRD or the PM
        (PRJ-SC-05, PRJ-SEC-01)."""
        self.ensure_one()
        return self.sudo()._scm_devreq_start_work(self.env.user)._devreq_open_action()
