import threading
import uuid

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestNumbering(TransactionCase):
    def test_consecutive_numbers_per_key(self):
        """Numbering service: serials are consecutive per key and keys are
        independent; every issued number is recorded, so there are no gaps."""
        Numbering = self.env["scm.numbering"]
        first = Numbering.next_number("C/WH/2026", "SCMSCWH-2026{serial}")
        second = Numbering.next_number("C/WH/2026", "SCMSCWH-2026{serial}")
        other = Numbering.next_number("C/BJ/2026", "SCMSCBJ-2026{serial}")
        self.assertEqual(
            (first, second, other),
            ("SCMSCWH-2026001", "SCMSCWH-2026002", "SCMSCBJ-2026001"),
        )
        numbering = Numbering.search([("key", "=", "C/WH/2026")])
        self.assertEqual(numbering.last_serial, 2)
        self.assertEqual(numbering.issued_count, 2)
        self.assertEqual(numbering.gap_count, 0)

    def test_serial_overflow_is_an_error_and_consumes_nothing(self):
        """Numbering service: passing 999 raises, and the counter is unchanged."""
        Numbering = self.env["scm.numbering"]
        Numbering.next_number("P/HQ/2026", "SCMSP-2026{serial}")
        numbering = Numbering.search([("key", "=", "P/HQ/2026")])
        self.env.cr.execute(
            "UPDATE scm_numbering SET last_serial = 999 WHERE id = %s", [numbering.id]
        )
        numbering.invalidate_recordset()
        with self.assertRaises(UserError):
            Numbering.next_number("P/HQ/2026", "SCMSP-2026{serial}")
        numbering.invalidate_recordset()
        self.assertEqual(numbering.last_serial, 999)

    def test_issued_numbers_are_never_changed_or_deleted(self):
        """Numbering service: an issued number is neither rewritten nor reused."""
        self.env["scm.numbering"].next_number("R/WH/2026", "SCMSRWH-2026{serial}")
        issue = self.env["scm.numbering.issue"].search(
            [("number", "=", "SCMSRWH-2026001")]
        )
        with self.assertRaises(UserError):
            issue.write({"number": "SCMSRWH-2026009"})
        with self.assertRaises(UserError):
            issue.unlink()
        with self.assertRaises(UserError):
            self.env["scm.numbering"].next_number("", "x{serial}")


@tagged("post_install", "-at_install")
class TestNumberingConcurrency(TransactionCase):
    """Two real transactions on one key, as two users saving at once."""

    def setUp(self):
        super().setUp()
        self.key = f"TEST/{uuid.uuid4().hex[:8]}"
        self.addCleanup(self._purge)

    def _purge(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM scm_numbering_issue WHERE numbering_id IN "
                "(SELECT id FROM scm_numbering WHERE key = %s)",
                [self.key],
            )
            cr.execute("DELETE FROM scm_numbering WHERE key = %s", [self.key])

    def _take(self, cr):
        # The test runner holds Registry._lock; binding the cursor to the known
        # registry keeps api.Environment from looking it up through that lock.
        cr.transaction = cr.transaction or api.Transaction(self.registry)
        env = api.Environment(cr, SUPERUSER_ID, {})
        return env["scm.numbering"].next_number(self.key, self.key + "-{serial}")

    def _take_with_retry(self, results):
        """Like Odoo's request handling: retry on a serialization failure."""
        for _attempt in range(5):
            with self.registry.cursor() as cr, mute_logger("odoo.sql_db"):
                try:
                    results.append(self._take(cr))
                    return
                except errors.SerializationFailure:
                    cr.rollback()
                    results.append("retry")
        results.append("gave up")

    def _run_second_while_first_holds(self, first_cr):
        results = []
        thread = threading.Thread(target=self._take_with_retry, args=(results,))
        thread.start()
        thread.join(timeout=2)
        self.assertTrue(thread.is_alive(), "the second transaction waits for the first")
        return thread, results

    def test_two_concurrent_transactions_no_duplicate_no_gap(self):
        """Numbering service: concurrent numbering in one key never produces a
        duplicate; the waiting transaction gets the next serial."""
        with self.registry.cursor() as first_cr:
            first = self._take(first_cr)
            thread, results = self._run_second_while_first_holds(first_cr)
            first_cr.commit()
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(first, f"{self.key}-001")
        self.assertIn("retry", results)
        self.assertEqual(results[-1], f"{self.key}-002")

    def test_rolled_back_transaction_leaves_no_gap(self):
        """Numbering service: a transaction that takes a serial and rolls back releases
        it: the concurrent one receives that same serial, so none is skipped."""
        with self.registry.cursor() as seed_cr:
            self._take(seed_cr)
        with self.registry.cursor() as first_cr:
            self.assertEqual(self._take(first_cr), f"{self.key}-002")
            thread, results = self._run_second_while_first_holds(first_cr)
            first_cr.rollback()
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(results, [f"{self.key}-002"])
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT i.serial FROM scm_numbering_issue i JOIN scm_numbering n "
                "ON n.id = i.numbering_id WHERE n.key = %s ORDER BY i.serial",
                [self.key],
            )
            self.assertEqual([row[0] for row in cr.fetchall()], [1, 2])
