from odoo import fields, models

# The contracts under which service is rendered (SVC-SCOPE-01, PRJ-HAND-02):
# technical service (J) and secondary (R).
SERVICE_CONTRACT_TYPES = ("tech_service", "secondary")


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _scm_runin_project(self, on_date=None):
        """The customer project in its free run-in on `on_date`: service
        then belongs to the project (SVC-STD-01, PRJ-RUN)."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        return (
            self.env["project.project"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.commercial_partner_id.id),
                    ("scm_contract_id", "!=", False),
                    ("scm_runin_start", "<=", on_date),
                    ("scm_runin_end", ">", on_date),
                ],
                order="scm_runin_start desc, id desc",
                limit=1,
            )
        )

    def _scm_service_contract(self, on_date=None):
        """The J or R contract of the customer in force on `on_date` (its
        service period), or an empty recordset."""
        self.ensure_one()
        Contract = self.env["scm.contract"].sudo()
        return Contract.search(
            [
                ("partner_id", "=", self.commercial_partner_id.id),
                ("contract_type", "in", SERVICE_CONTRACT_TYPES),
                ("stage", "in", Contract._scm_in_force_stages()),
            ],
            order="effective_date desc, id desc",
            limit=1,
        )

    def _scm_service_kind(self, on_date=None):
        """How a service request of the customer on `on_date` is rendered
        (SVC-SCOPE-01, SVC-STD-01): in the project while its run-in lasts
        (free), under a J/R contract in its service period, or time-billed."""
        self.ensure_one()
        if self._scm_runin_project(on_date):
            return "project"
        if self._scm_service_contract(on_date):
            return "contract"
        return "time_billed"
