from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

NBR_OUTCOMES = [
    ("feasible", "Feasible: form the branch project team"),
    ("reinvestigate", "Re-investigation needed"),
]


class ScmOfficeResolution(models.Model):
    """The Office Meeting's resolution on a branch establishment feasibility
    report weighs ① market potential ② human resources ③ capital investment
    (SAL-NBR-06)."""

    _inherit = "scm.office.resolution"

    nbr_market_potential = fields.Text(string="Market Potential")
    nbr_human_resources = fields.Text(string="Human Resources")
    nbr_capital_investment = fields.Text(string="Capital Investment")
    nbr_outcome = fields.Selection(NBR_OUTCOMES, string="Branch Feasibility")

    @api.constrains(
        "res_model",
        "nbr_market_potential",
        "nbr_human_resources",
        "nbr_capital_investment",
        "nbr_outcome",
        "outcome",
    )
    def _check_nbr_assessment(self):
        for resolution in self.filtered(lambda r: r.res_model == "scm.branch.setup"):
            missing = [
                resolution._fields[name].get_description(self.env)["string"]
                for name in (
                    "nbr_market_potential",
                    "nbr_human_resources",
                    "nbr_capital_investment",
                )
                if not (resolution[name] or "").strip()
            ]
            if missing:
                raise ValidationError(
                    _(
                        "The Office Meeting resolution on a new branch needs an "
                        "assessment of %(factors)s.",
                        factors=", ".join(missing),
                    )
                )
            expected = {"feasible": "approved", "reinvestigate": "deferred"}
            if expected.get(resolution.nbr_outcome) != resolution.outcome:
                raise ValidationError(
                    _(
                        "The resolution on a new branch is either feasible "
                        "(approved) or needs re-investigation (deferred)."
                    )
                )
