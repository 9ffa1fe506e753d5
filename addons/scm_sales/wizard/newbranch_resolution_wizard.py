from odoo import fields, models

from ..models.scm_office_resolution_nbr import NBR_OUTCOMES


class ScmBranchSetupResolutionWizard(models.TransientModel):
    """Records the Office Meeting's resolution on a new-branch case."""

    _name = "scm.branch.setup.resolution.wizard"
    _description = "New Branch Office Meeting Resolution"

    setup_id = fields.Many2one("scm.branch.setup", required=True, readonly=True)
    date = fields.Date(
        string="Meeting Date", required=True, default=fields.Date.context_today
    )
    nbr_market_potential = fields.Text(string="Market Potential", required=True)
    nbr_human_resources = fields.Text(string="Human Resources", required=True)
    nbr_capital_investment = fields.Text(string="Capital Investment", required=True)
    nbr_outcome = fields.Selection(NBR_OUTCOMES, string="Resolution", required=True)
    minutes = fields.Html()

    def action_confirm(self):
        self.ensure_one()
        self.setup_id._scm_record_resolution(
            {
                "date": self.date,
                "nbr_market_potential": self.nbr_market_potential,
                "nbr_human_resources": self.nbr_human_resources,
                "nbr_capital_investment": self.nbr_capital_investment,
                "nbr_outcome": self.nbr_outcome,
                "minutes": self.minutes,
            }
        )
        return {"type": "ir.actions.act_window_close"}
