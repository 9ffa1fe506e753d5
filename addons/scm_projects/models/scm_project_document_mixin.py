from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectDocumentMixin(models.AbstractModel):
    """A document of a customer project (plans, notices, element documents,
    faults, acceptance...): it belongs to one project for good, shares the
    project's branch and customer, is worked by the project's AA side and is
    frozen once the project is closed (SUP-EPM-02).

    Record rules of every project document follow one pattern (see
    security/scm_projects_rules.xml): the project's branch, the project's
    team, and the HQ units that supervise every project."""

    _name = "scm.project.document.mixin"
    _description = "Project Document"
    _inherit = ["scm.step.guard.mixin"]

    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('scm_contract_id', '!=', False)]",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Branch"
    )
    partner_id = fields.Many2one(
        related="project_id.partner_id", store=True, string="Customer"
    )
    contract_id = fields.Many2one(
        related="project_id.scm_contract_id", store=True, string="Contract"
    )
    project_pm_id = fields.Many2one(
        related="project_id.user_id", string="Project Manager"
    )

    # -- who works the project --------------------------------------------------
    def _scm_check_project_worker(self, action):
        """The project's PM, its team, the branch manager or MCD."""
        for record in self:
            if not record.project_id.sudo()._scm_is_worker(self.env.user):
                raise UserError(
                    _(
                        "Only the project team, the branch manager or MCD may "
                        "%(action)s %(doc)s.",
                        action=action,
                        doc=record.display_name,
                    )
                )

    def _scm_check_pm(self, action):
        """The project's PM (or the PM's delegate)."""
        for record in self:
            if not record.project_id.sudo()._scm_acts_as_pm(self.env.user):
                raise UserError(
                    _(
                        "Only the project manager of %(project)s may %(action)s "
                        "%(doc)s.",
                        project=record.project_id.sudo().display_name,
                        action=action,
                        doc=record.display_name,
                    )
                )

    # -- guard ------------------------------------------------------------------
    def _scm_check_project_open(self):
        if self.env.su:
            return
        for project in self.sudo().project_id:
            project._scm_check_not_closed()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._scm_check_project_open()
        return records

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_open()
            if "project_id" in vals and any(
                record.project_id.id != vals["project_id"] for record in self
            ):
                raise UserError(
                    _(
                        "%(model)s belongs to its project and does not move.",
                        model=self._description,
                    )
                )
        return super().write(vals)

    def unlink(self):
        self._scm_check_project_open()
        return super().unlink()
