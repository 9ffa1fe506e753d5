from odoo import _, models
from odoo.exceptions import UserError


class ScmContract(models.Model):
    """A contract delivered as a customer project is accepted by the
    customer's signature on the project's acceptance form (PRJ-SC-08), not by
    the contract's own buttons."""

    _inherit = "scm.contract"

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
