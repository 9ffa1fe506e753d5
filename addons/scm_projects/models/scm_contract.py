from odoo import _, fields, models
from odoo.exceptions import UserError

from .project_project import PROJECT_CONTRACT_TYPES


class ScmContract(models.Model):
    """A contract that takes effect becomes its customer project; once the
    project is initiated, the customer's signature on the project's
    acceptance form accepts it (PRJ-SC-08), not the contract's own buttons."""

    _inherit = "scm.contract"

    scm_project_id = fields.Many2one(
        "project.project",
        string="Project",
        compute="_compute_scm_project_id",
        help="The customer project that delivers the contract.",
    )

    def _compute_scm_project_id(self):
        projects = (
            self.env["project.project"]
            .sudo()
            .search_read([("scm_contract_id", "in", self.ids)], ["scm_contract_id"])
        )
        by_contract = {row["scm_contract_id"][0]: row["id"] for row in projects}
        for contract in self:
            contract.scm_project_id = by_contract.get(contract.id, False)

    def _scm_on_effective(self):
        # A payment due "on signature" falls due the day the customer signs:
        # without a date Finance was never reminded of it.
        self.milestone_ids.filtered(
            lambda m: m.trigger == "signature" and not m.due_date
        )._scm_set_event_date(self.effective_date, schedule=False)
        result = super()._scm_on_effective()
        if self.contract_type in PROJECT_CONTRACT_TYPES:
            self.env["project.project"]._scm_create_for_contract(self)
        return result

    def action_open_scm_project(self):
        self.ensure_one()
        project = self.scm_project_id
        if not project:
            return False
        project.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Project"),
            "res_model": "project.project",
            "res_id": project.id,
            "view_mode": "form",
        }

    # -- acceptance through the project (PRJ-SC-08)
    def _scm_check_no_project_acceptance(self):
        # Once its project is initiated, the project's acceptance form moves
        # the contract; a contract whose project never started (delivered
        # before or outside the suite's projects) keeps MCD's record buttons.
        for contract in self:
            if contract.sudo().scm_project_id.scm_initiated_date:
                raise UserError(
                    _(
                        "%(doc)s is delivered as a customer project: the "
                        "customer's acceptance form moves it (PRJ-SC-08).",
                        doc=contract.display_name,
                    )
                )

    def action_mark_implementation_accepted(self):
        self._scm_check_no_project_acceptance()
        return super().action_mark_implementation_accepted()

    def action_start_paid_service(self):
        self._scm_check_no_project_acceptance()
        return super().action_start_paid_service()
