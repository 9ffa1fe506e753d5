from odoo import fields, models


class ResCountryState(models.Model):
    _inherit = "res.country.state"

    scm_branch_id = fields.Many2one(
        "res.company",
        string="Owning Branch",
        compute="_compute_scm_branch_id",
        search="_search_scm_branch_id",
    )
    scm_is_open_area = fields.Boolean(
        string="HQ Open Area",
        compute="_compute_scm_branch_id",
        search="_search_scm_is_open_area",
        help="A Chinese province that no branch owns is administered directly "
        "by headquarters (ORG-AREA-01).",
    )

    def _compute_scm_branch_id(self):
        branches = (
            self.env["res.company"]
            .sudo()
            .search([("scm_province_ids", "in", self.ids)])
        )
        owner = {state.id: b.id for b in branches for state in b.scm_province_ids}
        china = self.env.ref("base.cn")
        for state in self:
            branch_id = owner.get(state.id, False)
            state.scm_branch_id = branch_id
            state.scm_is_open_area = not branch_id and state.country_id == china

    def _search_scm_branch_id(self, operator, value):
        return [("id", "in", self._scm_owned_state_query(operator, value))]

    def _scm_owned_state_query(self, operator, value):
        companies = self.env["res.company"].sudo().search([("id", operator, value)])
        return companies.scm_province_ids.ids

    def _search_scm_is_open_area(self, operator, value):
        owned = self.env["res.company"].sudo().search([]).scm_province_ids.ids
        open_area = [
            ("country_id", "=", self.env.ref("base.cn").id),
            ("id", "not in", owned),
        ]
        positive = (operator == "=") == bool(value)
        return open_area if positive else ["!", "&", *open_area]
