from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    scm_sc_registrar = fields.Selection(
        [
            ("msd_manager", "MSD Manager (§二.3.3.1)"),
            ("mc_manager", "Market Center Manager (§二.2.4.1)"),
        ],
        string="S&C Contract Registrar",
        default="msd_manager",
        required=True,
        help="Who takes S&C and network contracts to Finance for registration "
        "and sealing: the manual names both (Appendix A.1). Read on HQ.",
    )
