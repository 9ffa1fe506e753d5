from odoo import _, api, models
from odoo.exceptions import UserError

# The data with which action_print_original renders the original it is about
# to number, as a check: an object, which no request (JSON) can pass.
NUMBER_PENDING = object()


class ReportScmContract(models.AbstractModel):
    """A contract prints only as its numbered original: never before the
    approval (CON-NUM-05, CON-GEN-03)."""

    _name = "report.scm_contracts.report_scm_contract"
    _description = "Contract Original"

    @api.model
    def _get_report_values(self, docids, data=None):
        contracts = self.env["scm.contract"].browse(docids)
        unprinted = contracts.filtered(lambda c: not c.number)
        if unprinted and (data or {}).get("scm_number_pending") is not NUMBER_PENDING:
            raise UserError(
                _(
                    "%(docs)s cannot be printed before it is approved and its "
                    "original is issued with a number.",
                    docs=", ".join(unprinted.mapped("display_name")),
                )
            )
        return {"doc_ids": docids, "doc_model": "scm.contract", "docs": contracts}


class ReportScmContractSc(models.AbstractModel):
    _name = "report.scm_contracts.report_scm_contract_sc"
    _inherit = "report.scm_contracts.report_scm_contract"
    _description = "S&C Contract Original"


class ReportScmContractSecondary(models.AbstractModel):
    _name = "report.scm_contracts.report_scm_contract_secondary"
    _inherit = "report.scm_contracts.report_scm_contract"
    _description = "Secondary Contract Original"


class ReportScmContractTechService(models.AbstractModel):
    _name = "report.scm_contracts.report_scm_contract_tech_service"
    _inherit = "report.scm_contracts.report_scm_contract"
    _description = "Technical Service Contract Original"


class ReportScmContractBrand(models.AbstractModel):
    _name = "report.scm_contracts.report_scm_contract_brand"
    _inherit = "report.scm_contracts.report_scm_contract"
    _description = "Brand Operation Contract Original"


class ReportScmContractNetwork(models.AbstractModel):
    _name = "report.scm_contracts.report_scm_contract_network"
    _inherit = "report.scm_contracts.report_scm_contract"
    _description = "Network Engineering Contract Original"
