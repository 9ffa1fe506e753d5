from odoo import api, fields, models
from odoo.osv import expression

SUBSTRING_OPERATORS = ("ilike", "like")


class ScmNameSearchMixin(models.AbstractModel):
    """Name search (the many2one dropdown, the search box) of a document by
    its own fields and its customer's name, as fast at 100,000 records as
    Odoo's CRM searching a lead's name.

    Odoo's default ORs one `ilike` per field of `_rec_names_search` and
    turns the customer into `partner_id IN (SELECT …)`: PostgreSQL then
    walks the table in list order, testing each row. Here the searched
    texts are kept in one stored column with a trigram index
    (`scm_search_text`), which a substring search reads directly. The
    customer's name in it is what the document's list already shows (a
    many2one's name is read whatever the rules on the customer). Anchored
    patterns (`=ilike`, `=like`), exact and negative operators keep Odoo's
    default."""

    _name = "scm.name.search.mixin"
    _description = "Indexed Name Search"
    # The document's own fields matched by its name search.
    _scm_name_search_fields = ()
    # Its customer, matched by its name (None: no customer).
    _scm_name_search_partner = "partner_id"
    # The dropdown lists the newest matches first, as the lists do, but by
    # the creation date rather than the id: with `ORDER BY id DESC LIMIT 8`
    # PostgreSQL walks the primary key backwards testing each row against
    # the pattern, which for a short common pattern ("123" in numbered
    # references) reads most of the table, where the trigram index finds the
    # matches directly and only they are sorted (issue 15, `make bench`).
    # A model whose own order is what its dropdown should keep (a partner's
    # alphabetical order) sets it to None.
    _scm_name_search_order = "create_date desc, id desc"

    scm_search_text = fields.Char(
        string="Search Text",
        compute="_compute_scm_search_text",
        store=True,
        index="trigram",
        copy=False,
        help="What the name search matches: the document's reference, title "
        "and customer.",
    )

    def _scm_search_text_depends(self):
        partner = self._scm_name_search_partner
        return [
            *self._scm_name_search_fields,
            *([f"{partner}.complete_name"] if partner else []),
        ]

    @api.depends(lambda self: self._scm_search_text_depends())
    def _compute_scm_search_text(self):
        partner = self._scm_name_search_partner
        for record in self:
            texts = [record[name] for name in self._scm_name_search_fields]
            if partner:
                texts.append(record[partner].complete_name)
            # One line per text, so that a search does not match across two.
            record.scm_search_text = "\n".join(text for text in texts if text)

    @api.model
    def _scm_name_search_variants(self, value):
        """The texts searched for `value` (a document may add variants)."""
        return [value]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        if (
            operator not in SUBSTRING_OPERATORS
            or not isinstance(name, str)
            or not name
            or not self._scm_name_search_order
        ):
            return super().name_search(name, args, operator, limit)
        domain = expression.AND([[("display_name", operator, name)], args or []])
        records = self.search_fetch(
            domain, ["display_name"], limit=limit, order=self._scm_name_search_order
        )
        return [(record.id, record.display_name) for record in records.sudo()]

    @api.model
    def _search_display_name(self, operator, value):
        if (
            operator not in SUBSTRING_OPERATORS
            or not isinstance(value, str)
            or not value
        ):
            return super()._search_display_name(operator, value)
        return expression.OR(
            [("scm_search_text", operator, variant)]
            for variant in dict.fromkeys(self._scm_name_search_variants(value))
        )
