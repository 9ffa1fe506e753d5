from odoo import Command, _, api, models
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

    def _scm_sales_team(self):
        """The sales team whose pipeline is this branch's (or HQ's)."""
        self.ensure_one()
        return (
            self.env["crm.team"]
            .sudo()
            .search([("company_id", "=", self.id)], order="sequence, id", limit=1)
        )

    def _scm_branch_sellers(self):
        """The branch's people who sell: its manager and its consultants
        (Odoo makes members of a team the users whose main company it is;
        a manager still working from HQ leads the team without being one)."""
        self.ensure_one()
        consultants = (
            self.env.ref("scm_base.group_consultant")
            .sudo()
            .users.filtered(
                lambda u: (
                    u.company_id == self and not u.has_group("scm_base.group_hq_staff")
                )
            )
        )
        return self.sudo().scm_manager_id | consultants

    def _scm_ensure_sales_team(self):
        """A branch sells through a sales team of its own, led by its manager
        with its consultants as members, so that its pipeline is its own."""
        teams = self.env["crm.team"].sudo()
        for company in self.filtered(lambda c: c.parent_id):
            team = company._scm_sales_team()
            sellers = company._scm_branch_sellers()
            if not team:
                team = teams.create(
                    {
                        "name": _("%(branch)s Sales", branch=company.name),
                        "company_id": company.id,
                        "user_id": company.sudo().scm_manager_id.id,
                        "use_leads": True,
                        "use_opportunities": True,
                    }
                )
            elif company.scm_manager_id and not team.user_id:
                team.user_id = company.scm_manager_id
            missing = sellers.filtered(lambda u, c=company: u.company_id == c)
            missing -= team.member_ids
            if missing:
                team.write({"member_ids": [Command.link(u.id) for u in missing]})
            teams |= team
        return teams
