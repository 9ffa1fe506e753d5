from odoo.modules.db import FunctionStatus
from odoo.tools.sql import create_index


def document_company(record):
    """The company a document belongs to: its own, else the user's current one."""
    return record.company_id if "company_id" in record._fields else record.env.company


def create_trigram_indexes(model, field_names):
    """GIN trigram indexes on columns of `model` that Odoo already indexes
    as btree (a field holds one index under Odoo's name): `ilike '%…%'`,
    the search box and the many2one dropdown, then read an index instead of
    the whole table, as crm.lead's name does."""
    registry = model.env.registry
    if not registry.has_trigram:
        return
    for column in field_names:
        expression = f'"{column}"'
        if registry.has_unaccent == FunctionStatus.INDEXABLE:
            expression = registry.unaccent(expression)
        create_index(
            model.env.cr,
            f"{model._table}__{column}_trgm_index",
            model._table,
            [f"{expression} gin_trgm_ops"],
            "gin",
        )


def create_pivot_index(model, columns):
    """A btree index on the columns a document's main pivot filters, groups
    and sums (its branch first, as the record rules filter by branch): the
    pivot's aggregates read the index alone (an index-only scan) instead of
    every row of a wide table."""
    create_index(
        model.env.cr,
        f"{model._table}_scm_pivot_index",
        model._table,
        [f'"{column}"' for column in columns],
    )
