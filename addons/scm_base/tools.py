from odoo.tools.sql import create_index


def document_company(record):
    """The company a document belongs to: its own, else the user's current one."""
    return record.company_id if "company_id" in record._fields else record.env.company


def create_order_index(model, order=None):
    """A btree index in the order a document's list shows it (the model's
    `_order` unless told): the page is read from the index in that order,
    each row tested against the record rules, and reading stops at the
    page's last row. Without it PostgreSQL fetches every row the user may
    see and sorts them all for each page (tens of thousands for a branch).

    Only stored columns of the model's own table can be in it: a many2one
    orders by its target's order (a join), a translated field by the
    user's language; both are refused rather than indexed wrongly."""
    terms = []
    for term in (order or model._order).split(","):
        name, _sep, direction = term.strip().partition(" ")
        direction = direction.strip().upper() or "ASC"
        field = model._fields.get(name)
        if (
            not field
            or not field.store
            or field.type == "many2one"
            or getattr(field, "translate", False)
            or direction not in ("ASC", "DESC")
        ):
            raise ValueError(
                f"{model._name}: {term.strip()!r} cannot be read from an index"
            )
        terms.append(f'"{name}" {direction}')
    create_index(model.env.cr, f"{model._table}_scm_order_index", model._table, terms)


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
