from odoo.tools.sql import create_index


def document_company(record):
    """The company a document belongs to: its own, else the user's current one."""
    return record.company_id if "company_id" in record._fields else record.env.company


def create_pivot_index(model, columns, where=""):
    """A btree index on the columns a document's main pivot and count filter,
    group and sum (its branch first, as the record rules filter by branch):
    they read the index alone (an index-only scan) instead of every row of a
    wide table. `where` makes it partial (the rows of the document's menu)."""
    create_index(
        model.env.cr,
        f"{model._table}_scm_pivot_index",
        model._table,
        [f'"{column}"' for column in columns],
        where=where,
    )
