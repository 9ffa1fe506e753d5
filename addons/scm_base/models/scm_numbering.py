from psycopg2 import errors

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import document_company

# The unique indexes of scm_numbering_issue that a concurrent issue of the
# same serial (or of the same formatted number) runs into.
ISSUE_UNIQUE = {
    "scm_numbering_issue_serial_unique",
    "scm_numbering_issue_number_unique",
}


class ScmNumbering(models.Model):
    """Gap-free serials, one sequence per key (e.g. contract type letter,
    unit code and year: CON-NUM-04, CON-NUM-07).

    No counter row is updated: a serial is taken by inserting its
    scm.numbering.issue row, whose UNIQUE(numbering_id, serial) index
    PostgreSQL checks against every committed and in-progress row, whatever
    the snapshot of our REPEATABLE READ transaction. We try (highest serial
    we see) + 1: if an in-progress transaction holds that serial we wait for
    it; if it commits we get a unique violation, roll back our savepoint and
    try the next serial; if it rolls back, our insert goes through with that
    same serial. So two documents never share a serial, a rolled-back
    transaction's serial goes to the next one (no gap), and taking a number
    never raises a serialization failure: concurrent takers simply queue
    behind the transaction that holds the next serial until it commits, so
    callers take the number as late as possible in their transaction."""

    _name = "scm.numbering"
    _description = "Gap-free Numbering"
    _order = "key"
    _rec_name = "key"

    key = fields.Char(required=True, readonly=True, index=True)
    issue_ids = fields.One2many("scm.numbering.issue", "numbering_id", readonly=True)
    last_serial = fields.Integer(compute="_compute_serials")
    issued_count = fields.Integer(compute="_compute_serials", string="Numbers Issued")
    gap_count = fields.Integer(
        compute="_compute_serials",
        string="Gaps",
        help="Serials between 1 and the last serial with no issued number.",
    )

    _sql_constraints = [("key_unique", "UNIQUE(key)", "Numbering keys are unique.")]

    @api.depends("issue_ids.serial")
    def _compute_serials(self):
        # One grouped query for all the records, over every branch's issues:
        # the counters are shared, and serials are unique per numbering, so
        # the gaps are the serials up to the last one minus those issued.
        stats = {}
        ids = [numbering_id for numbering_id in self.ids if numbering_id]
        if ids:
            self.env["scm.numbering.issue"].flush_model(["numbering_id", "serial"])
            self.env.cr.execute(
                """
                SELECT numbering_id, COUNT(*), MAX(serial)
                  FROM scm_numbering_issue
                 WHERE numbering_id = ANY(%s)
                 GROUP BY numbering_id
                """,
                [ids],
            )
            stats = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for numbering in self:
            count, last = stats.get(numbering.id, (0, 0))
            numbering.last_serial = last
            numbering.issued_count = count
            numbering.gap_count = last - count

    def _missing_serials(self):
        self.ensure_one()
        self.env["scm.numbering.issue"].flush_model(["numbering_id", "serial"])
        self.env.cr.execute(
            """
            SELECT s.serial
              FROM generate_series(
                       1,
                       (SELECT COALESCE(MAX(serial), 0) FROM scm_numbering_issue
                         WHERE numbering_id = %(id)s)
                   ) AS s(serial)
             WHERE NOT EXISTS (
                   SELECT 1 FROM scm_numbering_issue issue
                    WHERE issue.numbering_id = %(id)s AND issue.serial = s.serial)
             ORDER BY s.serial
            """,
            {"id": self.id},
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _key_id(self, key):
        """The id of `key`'s row, created on its first use.

        The row must be visible to our snapshot: the foreign key of the issue
        rows is checked with it, so a row committed by another transaction
        after our snapshot cannot be used, not even read. That happens only
        when two first numbers of a key race (once per key and year): then
        the INSERT .. ON CONFLICT DO NOTHING below waits for the other
        transaction and, once it commits, PostgreSQL raises a serialization
        failure. We let it propagate on purpose: it is the error that Odoo's
        request handling (odoo.service.model.retrying) retries, and the retry
        has a new snapshot that sees the row, so the user never sees it. The
        transaction that creates the row keeps it, and takes its serial,
        without any retry; if it rolls back, the waiting one creates it."""
        cr = self.env.cr
        cr.execute("SELECT id FROM scm_numbering WHERE key = %s", [key])
        row = cr.fetchone()
        if row:
            return row[0]
        now = fields.Datetime.now()
        cr.execute(
            """
            INSERT INTO scm_numbering
                (key, create_uid, create_date, write_uid, write_date)
            VALUES (%(key)s, %(uid)s, %(now)s, %(uid)s, %(now)s)
            ON CONFLICT (key) DO NOTHING
            RETURNING id
            """,
            {"key": key, "uid": self.env.uid, "now": now},
        )
        row = cr.fetchone()
        if not row:
            # DO NOTHING without an error: the conflicting row is visible to
            # our snapshot after all (it cannot be after the SELECT above, but
            # reading it is the right answer if it is).
            cr.execute("SELECT id FROM scm_numbering WHERE key = %s", [key])
            row = cr.fetchone()
        return row[0]

    @api.model
    def _take(self, key, pattern, document=None, max_serial=999, padding=3):
        """Issue the next serial of `key` to `document`: insert its
        scm.numbering.issue row and return (numbering, serial, number).

        The row is the reservation: it blocks the serial for concurrent
        takers until our transaction ends, so call this at the end of the
        transaction (see the class docstring). A unique violation on the
        number (the same text under another key) is a taken serial too."""
        if not key:
            raise UserError(_("A numbering key is required."))
        cr = self.env.cr
        Issue = self.env["scm.numbering.issue"]
        Issue.flush_model()
        numbering_id = self._key_id(key)
        cr.execute(
            "SELECT COALESCE(MAX(serial), 0) FROM scm_numbering_issue "
            "WHERE numbering_id = %s",
            [numbering_id],
        )
        serial = cr.fetchone()[0] + 1
        now = fields.Datetime.now()
        values = {
            "numbering_id": numbering_id,
            "res_model": document and document._name or None,
            "res_id": document and document.id or None,
            "company_id": document and document_company(document).id or None,
            "uid": self.env.uid,
            "now": now,
        }
        while True:
            if serial > max_serial:
                raise UserError(
                    _(
                        "The serial numbers of %(key)s are used up: %(max)s is the "
                        "last one available.",
                        key=key,
                        max=max_serial,
                    )
                )
            number = pattern.format(serial=str(serial).zfill(padding))
            try:
                # No flushing savepoint: only this INSERT is rolled back, and
                # the caller's cache must survive a retry with the next serial.
                with cr.savepoint(flush=False):
                    cr.execute(
                        """
                        INSERT INTO scm_numbering_issue
                            (numbering_id, serial, number, res_model, res_id,
                             company_id, issued_date,
                             create_uid, create_date, write_uid, write_date)
                        VALUES (%(numbering_id)s, %(serial)s, %(number)s,
                                %(res_model)s, %(res_id)s, %(company_id)s, %(now)s,
                                %(uid)s, %(now)s, %(uid)s, %(now)s)
                        """,
                        dict(values, serial=serial, number=number),
                        log_exceptions=False,
                    )
            except errors.UniqueViolation as error:
                if error.diag.constraint_name not in ISSUE_UNIQUE:
                    raise
                serial += 1
                continue
            break
        numbering = self.browse(numbering_id)
        numbering.invalidate_recordset(
            ["issue_ids", "last_serial", "issued_count", "gap_count"]
        )
        return numbering, serial, number

    @api.model
    def next_number(self, key, pattern, document=None, max_serial=999, padding=3):
        """Issue the next number of `key`, formatted by `pattern` with
        `{serial}` (zero-padded), and record who it was issued to."""
        return self._take(key, pattern, document, max_serial, padding)[2]
