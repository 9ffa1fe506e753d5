import random
import threading
import time
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
        # Keys and numbers of their own: a number is unique across keys, and
        # the demo data issues real contract numbers of the year.
        first = Numbering.next_number("TEST/WH/2026", "TESTWH-2026{serial}")
        second = Numbering.next_number("TEST/WH/2026", "TESTWH-2026{serial}")
        other = Numbering.next_number("TEST/BJ/2026", "TESTBJ-2026{serial}")
        self.assertEqual(
            (first, second, other),
            ("TESTWH-2026001", "TESTWH-2026002", "TESTBJ-2026001"),
        )
        numbering = Numbering.search([("key", "=", "TEST/WH/2026")])
        self.assertEqual(numbering.last_serial, 2)
        self.assertEqual(numbering.issued_count, 2)
        self.assertEqual(numbering.gap_count, 0)

    def _issue(self, numbering, serial, number):
        """A number issued outside the service, e.g. before this version."""
        self.env["scm.numbering.issue"].create(
            {"numbering_id": numbering.id, "serial": serial, "number": number}
        )

    def test_serial_overflow_is_an_error_and_consumes_nothing(self):
        """Numbering service: passing 999 raises, and nothing is issued."""
        Numbering = self.env["scm.numbering"]
        Numbering.next_number("P/HQ/2026", "SCMSP-2026{serial}")
        numbering = Numbering.search([("key", "=", "P/HQ/2026")])
        self._issue(numbering, 999, "SCMSP-2026999")
        with self.assertRaises(UserError):
            Numbering.next_number("P/HQ/2026", "SCMSP-2026{serial}")
        numbering.invalidate_recordset()
        self.assertEqual(numbering.last_serial, 999)
        self.assertEqual(numbering.issued_count, 2)
        with self.assertRaises(UserError):
            Numbering.next_number("X/HQ/2026", "X-{serial}", max_serial=0)
        self.assertFalse(
            self.env["scm.numbering.issue"].search([("number", "like", "X-")])
        )

    def test_gaps_are_counted_in_one_query(self):
        """CON-NUM-07: the gap report reads every counter's last serial, count
        and gaps with one grouped query, and lists the missing serials."""
        Numbering = self.env["scm.numbering"]
        Numbering.next_number("G/A/2026", "GA-{serial}")
        Numbering.next_number("G/B/2026", "GB-{serial}")
        first, second = Numbering.search([("key", "in", ("G/A/2026", "G/B/2026"))])
        self._issue(first, 2, "GA-002")
        self._issue(first, 5, "GA-005")
        (first | second).invalidate_recordset()
        with self.assertQueryCount(1):
            values = (first | second).read(["last_serial", "issued_count", "gap_count"])
        self.assertEqual(
            [(v["last_serial"], v["issued_count"], v["gap_count"]) for v in values],
            [(5, 3, 2), (1, 1, 0)],
        )
        self.assertEqual(first._missing_serials(), [3, 4])
        self.assertEqual(second._missing_serials(), [])

    def test_a_number_taken_under_another_key_is_skipped(self):
        """Numbering service: two keys that format the same number never issue
        it twice; the second key moves on to its next serial."""
        Numbering = self.env["scm.numbering"]
        self.assertEqual(Numbering.next_number("D/A/2026", "D-{serial}"), "D-001")
        self.assertEqual(Numbering.next_number("D/B/2026", "D-{serial}"), "D-002")

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

    def _env(self, cr):
        # The test runner holds Registry._lock; binding the cursor to the known
        # registry keeps api.Environment from looking it up through that lock.
        cr.transaction = cr.transaction or api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {})

    def _take(self, cr):
        return self._env(cr)["scm.numbering"].next_number(
            self.key, self.key + "-{serial}"
        )

    def _create_key(self):
        with self.registry.cursor() as cr:
            self._env(cr)["scm.numbering"]._key_id(self.key)

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

    def _serials(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT i.serial FROM scm_numbering_issue i JOIN scm_numbering n "
                "ON n.id = i.numbering_id WHERE n.key = %s ORDER BY i.serial",
                [self.key],
            )
            return [row[0] for row in cr.fetchall()]

    def test_two_concurrent_transactions_no_duplicate_no_gap(self):
        """CON-NUM-07: concurrent numbering in one key never produces a
        duplicate; the waiting transaction gets the next serial once the
        first commits, without a serialization failure or a retry."""
        self._create_key()
        with self.registry.cursor() as first_cr:
            first = self._take(first_cr)
            thread, results = self._run_second_while_first_holds(first_cr)
            first_cr.commit()
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(first, f"{self.key}-001")
        self.assertEqual(results, [f"{self.key}-002"])
        self.assertEqual(self._serials(), [1, 2])

    def test_rolled_back_transaction_leaves_no_gap(self):
        """CON-NUM-07: a transaction that takes a serial and rolls back releases
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
        self.assertEqual(self._serials(), [1, 2])

    def test_first_numbers_of_a_new_key_race(self):
        """CON-NUM-07: the first two numbers of a new key at once: the second
        waits for the key's row; once the first commits, it gets the one
        serialization failure that Odoo's request handling retries, and the
        retry takes serial 2."""
        with self.registry.cursor() as first_cr:
            self.assertEqual(self._take(first_cr), f"{self.key}-001")
            thread, results = self._run_second_while_first_holds(first_cr)
            first_cr.commit()
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(results, ["retry", f"{self.key}-002"])
        self.assertEqual(self._serials(), [1, 2])

    def test_first_number_of_a_new_key_rolled_back(self):
        """CON-NUM-07: if the transaction that created a new key rolls back,
        the waiting one creates the key and takes serial 1, without a retry."""
        with self.registry.cursor() as first_cr:
            self.assertEqual(self._take(first_cr), f"{self.key}-001")
            thread, results = self._run_second_while_first_holds(first_cr)
            first_cr.rollback()
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(results, [f"{self.key}-001"])
        self.assertEqual(self._serials(), [1])

    def test_many_concurrent_transactions_gap_free(self):
        """CON-NUM-07: six users take five numbers each at once, every number
        in its own transaction that starts its snapshot before taking it and
        keeps working a moment after: serials 1..30, no duplicate, no gap,
        and no transaction ever sees a serialization failure."""
        self._create_key()
        threads, per_thread = 6, 5
        start = threading.Barrier(threads)
        numbers, failures = [], []

        def user(seed):
            pause = random.Random(seed)
            start.wait(timeout=30)
            for _i in range(per_thread):
                try:
                    with self.registry.cursor() as cr:
                        cr.execute("SELECT 1")  # the snapshot is taken here
                        time.sleep(pause.uniform(0, 0.02))
                        numbers.append(self._take(cr))
                        time.sleep(pause.uniform(0, 0.01))
                except Exception as error:  # noqa: BLE001 - asserted below
                    failures.append(repr(error))

        workers = [
            threading.Thread(target=user, args=(seed,)) for seed in range(threads)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
        self.assertFalse(any(worker.is_alive() for worker in workers))
        self.assertEqual(failures, [])
        total = threads * per_thread
        self.assertEqual(self._serials(), list(range(1, total + 1)))
        self.assertCountEqual(
            numbers, [f"{self.key}-{serial:03d}" for serial in range(1, total + 1)]
        )
