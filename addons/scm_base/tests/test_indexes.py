"""The list-order index helper (issue 15): a document's list page is read
from an index in the list's order instead of sorting every visible row."""

from odoo.tests import TransactionCase, tagged

from ..tools import create_order_index


@tagged("post_install", "-at_install")
class TestOrderIndex(TransactionCase):
    def _indexdef(self, name):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name]
        )
        row = self.env.cr.fetchone()
        return row and row[0]

    def test_index_follows_the_model_order(self):
        """Without an order given, the model's `_order`, each column with its
        direction, so PostgreSQL can read the page in that order."""
        Numbering = self.env["scm.numbering"]
        self.assertFalse(self._indexdef("scm_numbering_scm_order_index"))
        create_order_index(Numbering)
        self.assertIn("(key)", self._indexdef("scm_numbering_scm_order_index"))

    def test_directions_are_kept(self):
        Issue = self.env["scm.numbering.issue"]
        create_order_index(Issue, "issued_date desc, serial, id DESC")
        self.assertIn(
            "(issued_date DESC, serial, id DESC)",
            self._indexdef("scm_numbering_issue_scm_order_index"),
        )

    def test_columns_an_index_cannot_order_are_refused(self):
        """A many2one orders by its target's order (a join), a translated
        field by the user's language, a computed field is not in the table:
        none of them can be read from an index, so the helper refuses them
        instead of creating an index no list would use."""
        Issue = self.env["scm.numbering.issue"]
        for model, order in (
            (Issue, "numbering_id, id"),  # many2one
            (self.env["res.country"], "name"),  # translated
            (self.env["scm.numbering"], "last_serial"),  # not stored
            (Issue, "no_such_column"),
            (Issue, "serial sideways"),
        ):
            with self.subTest(model=model._name, order=order):
                with self.assertRaises(ValueError):
                    create_order_index(model, order)
