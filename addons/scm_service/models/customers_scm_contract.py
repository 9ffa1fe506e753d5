from odoo import _, fields, models
from odoo.exceptions import ValidationError

from .customers_service_plan import PLAN_DUE_WORKING_DAYS, PLAN_RULE
from .res_partner import SERVICE_CONTRACT_TYPES


class ScmContract(models.Model):
    """A J or R contract in its service period owes a service plan
    (SVC-PLAN-01): the deadline opens when it takes effect, and the
    searchable flag shows every contract in force without a filed plan,
    whenever it took effect (no job needed)."""

    _inherit = "scm.contract"

    scm_service_plan_ids = fields.One2many(
        "scm.service.plan", "contract_id", string="Service Plans", readonly=True
    )
    scm_service_plan_missing = fields.Boolean(
        string="Service Plan Missing",
        compute="_compute_scm_service_plan_missing",
        search="_search_scm_service_plan_missing",
        help="A Tech Service or Secondary contract in its service period "
        "without a filed service plan (SVC-PLAN-01).",
    )

    def _scm_service_plan_missing_ids(self):
        contracts = self.sudo().search(
            [
                ("contract_type", "in", SERVICE_CONTRACT_TYPES),
                ("stage", "in", self._scm_in_force_stages()),
            ]
        )
        filed = (
            self.env["scm.service.plan"]
            .sudo()
            .search(
                [
                    ("contract_id", "in", contracts.ids),
                    ("stage", "in", ("filed", "superseded")),
                ]
            )
            .contract_id
        )
        return set((contracts - filed).ids)

    def _compute_scm_service_plan_missing(self):
        missing = self._scm_service_plan_missing_ids() if self.ids else set()
        for contract in self:
            contract.scm_service_plan_missing = contract.id in missing

    def _search_scm_service_plan_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on a missing service plan."))
        positive = (operator == "=") == value
        ids = list(self._scm_service_plan_missing_ids())
        return [("id", "in" if positive else "not in", ids)]

    def _scm_on_effective(self):
        # The consultant who already serves the customer (its project after
        # the run-in) keeps serving it under the J/R contract: the project
        # the contract opens inherits the service owner, not the default.
        owners = {}
        for contract in self:
            if contract.contract_type in SERVICE_CONTRACT_TYPES and contract.partner_id:
                customer = contract.partner_id.commercial_partner_id.sudo()
                owners[contract.id] = customer._scm_service_consultant()
        res = super()._scm_on_effective()
        for contract in self:
            owner = owners.get(contract.id)
            if not owner:
                continue
            projects = (
                self.env["project.project"]
                .sudo()
                .search([("scm_contract_id", "=", contract.id)])
            )
            projects.filtered(
                lambda p, o=owner: p.scm_service_user_id != o
            ).scm_service_user_id = owner
        self._scm_service_plan_open_deadline()
        return res

    def _scm_service_plan_open_deadline(self):
        """The branch owes the service plan of a J/R contract within
        PLAN_DUE_WORKING_DAYS of its taking effect, on the customer's file."""
        for contract in self.sudo():
            if contract.contract_type not in SERVICE_CONTRACT_TYPES:
                continue
            partner = contract.partner_id.commercial_partner_id
            if partner._scm_deadlines(PLAN_RULE):
                continue
            owner = partner._scm_service_consultant()
            if not owner:
                contract.message_post(
                    body=_(
                        "Nobody serves %(customer)s yet: the service plan's "
                        "deadline could not be opened.",
                        customer=partner.name,
                    )
                )
                continue
            partner._scm_deadline_open(
                PLAN_RULE,
                _("Service plan for %(contract)s", contract=contract.display_name),
                owner,
                PLAN_DUE_WORKING_DAYS,
            )
