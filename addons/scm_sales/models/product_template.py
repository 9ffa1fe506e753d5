from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    """Editions of the company's software, with what they are made of
    (SAL-PROD-01): each edition is a former product renamed, built on either
    the standard or the HQ + branch base, plus point-of-sale modules."""

    _inherit = "product.template"

    scm_series_id = fields.Many2one(
        "scm.product.series",
        string="Software Series",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    scm_former_name = fields.Char(
        string="Former Name",
        translate=True,
        help="Name of the edition before the series was renamed, e.g. "
        "small-enterprise edition.",
    )
    scm_has_standard = fields.Boolean(
        string="Standard Base", help="Built on the former standard edition."
    )
    scm_has_hq_branch = fields.Boolean(
        string="HQ + Branch Base",
        help="Built on the former headquarters + branch editions.",
    )
    scm_has_direct_pos = fields.Boolean(
        string="Direct-Store POS", help="Includes the direct-store point of sale."
    )
    scm_has_franchise_pos = fields.Boolean(
        string="Franchise-Store POS",
        help="Includes the franchise-store point of sale.",
    )

    @api.constrains(
        "scm_series_id",
        "scm_has_standard",
        "scm_has_hq_branch",
        "scm_has_direct_pos",
        "scm_has_franchise_pos",
    )
    def _check_scm_edition_components(self):
        for product in self:
            if product.scm_has_standard and product.scm_has_hq_branch:
                raise ValidationError(
                    _(
                        "%(edition)s cannot be built on both the standard and the "
                        "HQ + branch base.",
                        edition=product.name,
                    )
                )
            has_pos = product.scm_has_direct_pos or product.scm_has_franchise_pos
            has_base = product.scm_has_standard or product.scm_has_hq_branch
            if has_pos and not has_base:
                raise ValidationError(
                    _(
                        "%(edition)s adds a point of sale without a base: choose "
                        "the standard or the HQ + branch base.",
                        edition=product.name,
                    )
                )
            components = has_pos or has_base
            if components and not product.scm_series_id:
                raise ValidationError(
                    _(
                        "%(edition)s has software components but belongs to no "
                        "software series.",
                        edition=product.name,
                    )
                )
