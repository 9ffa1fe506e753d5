from odoo import api, models
from odoo.tools import SQL
from odoo.tools.query import Query

POSITIVE_LIKE = ("like", "ilike", "=like", "=ilike")


class ScmNameSearchMixin(models.AbstractModel):
    """Name search of a document by its own fields and its customer's name,
    index-friendly at 100,000 records.

    Odoo's default turns `partner_id.complete_name` of `_rec_names_search`
    into `partner_id IN (SELECT …)`: PostgreSQL cannot combine that hashed
    subplan with the trigram indexes of the other fields, and reads the
    documents one by one. Here the customer's ids become an array computed
    once (`partner_id = ANY(ARRAY(SELECT …))`), so that every alternative is
    an index scan. The customers are searched with res.partner's record
    rules, as the default does; other operators keep Odoo's default."""

    _name = "scm.name.search.mixin"
    _description = "Indexed Name Search"
    # Own fields matched by the search, each with a trigram index.
    _scm_name_search_fields = ()
    _scm_name_search_partner = "partner_id"

    @api.model
    def _scm_name_search_value(self, field_name, value):
        """The value searched in `field_name` (a document may normalise it)."""
        return value

    @api.model
    def _search_display_name(self, operator, value):
        if operator not in POSITIVE_LIKE or not isinstance(value, str) or not value:
            return super()._search_display_name(operator, value)
        table = self._table
        query = Query(self.env, table, self._table_sql)
        partners = self.env["res.partner"]._search([("complete_name", operator, value)])
        alternatives = [
            self._condition_to_sql(
                table, name, operator, self._scm_name_search_value(name, value), query
            )
            for name in self._scm_name_search_fields
        ]
        alternatives.append(
            SQL(
                "%s = ANY(ARRAY%s)",
                SQL.identifier(table, self._scm_name_search_partner),
                partners.subselect(),
            )
        )
        # The matches are collected first (an array again): PostgreSQL would
        # otherwise merge the subquery into the outer one and walk the whole
        # table backwards by id, hoping to meet the few matches early.
        matching = SQL(
            "(SELECT unnest(ARRAY(SELECT %s FROM %s WHERE %s)))",
            SQL.identifier(table, "id"),
            SQL.identifier(table),
            SQL(" OR ").join(alternatives),
        )
        return [("id", "in", matching)]
