from odoo import Command, _, models


class ResCompany(models.Model):
    _inherit = "res.company"

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


class ScmBranchSetup(models.Model):
    _inherit = "scm.branch.setup"

    def _scm_establish_branch(self):
        """ORG-BR-03: the established branch sells from day one through its
        own sales team."""
        res = super()._scm_establish_branch()
        self.new_company_id._scm_ensure_sales_team()
        return res


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def _scm_remove_odoo_demo_leads(self):
        """Demo only: Odoo's English sample opportunities make way for the
        suite's own story."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "crm"), ("model", "=", "crm.lead")])
        )
        self.sudo().with_context(active_test=False).browse(
            data.mapped("res_id")
        ).exists().unlink()
