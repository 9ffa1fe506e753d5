def migrate(cr, version):
    """The contract number's index becomes a trigram index (name search with
    ilike): Odoo creates it under the btree's name, so the btree goes first.
    Equality lookups keep the unique constraint's own index."""
    cr.execute("DROP INDEX IF EXISTS scm_contract__number_index")
