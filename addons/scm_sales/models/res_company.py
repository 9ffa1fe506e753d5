from odoo import _, api, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    """A branch becomes active only through the new-branch process
    (ORG-BR-03, SAL-NBR-09): a branch is created inactive, and only the
    signed 《项目交接单》 of its setup case activates it."""

    _inherit = "res.company"

    def _scm_branch_guard_exempt(self):
        """Module data (the six seeded branches, demo) loads as superuser
        without a case, as scripts and migrations do; a client's context
        (install_mode) opens nothing."""
        return self.env.su

    def _scm_is_seeded_branch(self):
        """The branches of scm_base were established before the system:
        re-activating one after an archive needs no new handover."""
        self.ensure_one()
        return bool(
            self.env["ir.model.data"]
            .sudo()
            .search_count(
                [
                    ("module", "=", "scm_base"),
                    ("model", "=", "res.company"),
                    ("res_id", "=", self.id),
                ]
            )
        )

    def _scm_has_signed_handover(self):
        self.ensure_one()
        setups = (
            self.env["scm.branch.setup"]
            .sudo()
            .search([("new_company_id", "=", self.id)])
        )
        return any(setup._scm_handover_signed() for setup in setups)

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self._scm_branch_guard_exempt()):
            for vals in vals_list:
                if not vals.get("parent_id"):
                    continue
                if vals.get("active", False):
                    raise UserError(
                        _(
                            "Branch %(name)s cannot be created active: a branch "
                            "becomes active only when the 《项目交接单》 of its "
                            "new-branch case carries both signatures.",
                            name=vals.get("name"),
                        )
                    )
                # Without an explicit value the branch waits for its handover.
                vals.setdefault("active", False)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("active") and not self._scm_branch_guard_exempt():
            for company in self.with_context(active_test=False):
                if company.active or not company.parent_id:
                    continue
                if company._scm_is_seeded_branch():
                    continue
                if not company._scm_has_signed_handover():
                    raise UserError(
                        _(
                            "Branch %(name)s cannot be set active: its "
                            "《项目交接单》 (handover form) is not signed by both "
                            "the new branch manager and the preparatory group.",
                            name=company.name,
                        )
                    )
        return super().write(vals)
