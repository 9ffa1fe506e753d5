from odoo import api, fields, models

# Who serves a branch's customers: its service staff and consultants.
BRANCH_MEMBER_GROUPS = ("scm_base.group_service_staff", "scm_base.group_consultant")
# HQ's team: MCD (manager and its consultants) and the TSMS.
HQ_MEMBER_GROUPS = (
    "scm_base.group_mcd_manager",
    "scm_base.group_tsms",
    "scm_base.group_consultant",
)


class HelpdeskTicketTeam(models.Model):
    """One service team per branch and HQ's team (MCD + TSMS): every request
    has a team, from which its SLAs are computed."""

    _inherit = "helpdesk.ticket.team"

    scm_service_team = fields.Boolean(
        string="Service Team",
        help="The team of a branch (or HQ), kept by the suite.",
    )

    @api.model
    def _scm_team_for_company(self, company):
        """The service team of `company` (the branch or HQ)."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [("scm_service_team", "=", True), ("company_id", "=", company.id)],
                limit=1,
            )
        )

    @api.model
    def _scm_ensure_service_teams(self, companies=None):
        """Create the missing teams of the branches and HQ, and set their
        members; called at install and when a company is created."""
        Company = self.env["res.company"].sudo()
        companies = companies or Company.search([])
        calendar = self.env.ref("scm_base.resource_calendar_china")
        teams = self.browse()
        for company in companies:
            team = self._scm_team_for_company(company)
            if not team:
                team = self.sudo().create(
                    {
                        "name": f"{company.name}客户服务组"
                        if company.scm_unit_type == "branch"
                        else "总部客户服务组（MCD、TSMS）",
                        "company_id": company.id,
                        "scm_service_team": True,
                        "use_sla": True,
                        "resource_calendar_id": (
                            company.resource_calendar_id or calendar
                        ).id,
                    }
                )
            teams |= team
        teams._scm_sync_members()
        return teams

    def _scm_sync_members(self):
        """Members: a branch's service staff and consultants; at HQ, MCD and
        the TSMS. The branch manager leads the branch's team."""
        Users = self.env["res.users"].sudo()
        for team in self.sudo():
            company = team.company_id
            hq = company.scm_unit_type != "branch"
            groups = HQ_MEMBER_GROUPS if hq else BRANCH_MEMBER_GROUPS
            group_ids = [self.env.ref(xmlid).id for xmlid in groups]
            users = Users.search(
                [
                    ("share", "=", False),
                    ("company_id", "=", company.id),
                    ("groups_id", "in", group_ids),
                ]
            )
            if hq:
                # HQ consultants outside MCD's role are not MCD.
                users = users.filtered(
                    lambda u: (
                        not u.has_group("scm_base.group_consultant")
                        or u.has_group("scm_base.group_mcd_manager")
                        or u.has_group("scm_base.group_hq_staff")
                    )
                )
            vals = {"user_ids": [(4, user.id) for user in users]}
            if not hq and company.scm_manager_id and not team.user_id:
                vals["user_id"] = company.scm_manager_id.id
                vals["user_ids"].append((4, company.scm_manager_id.id))
            team.write(vals)
