from odoo.tools.sql import create_index


def document_company(record):
    """The company a document belongs to: its own, else the user's current one."""
    return record.company_id if "company_id" in record._fields else record.env.company


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
