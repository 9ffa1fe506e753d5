from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import document_company


class ScmNumbering(models.Model):
    """Gap-free serial counters, one per key (e.g. contract type letter, unit
    code and year: CON-NUM-04).

    A serial is taken in the same transaction as the document that uses it,
    under a row lock: a concurrent transaction waits, then fails with a
    serialization error that Odoo's request handling retries, so two
    documents never share a serial, and a rolled-back transaction releases
    its serial, so none is skipped. Serials are never handed out twice."""

    _name = "scm.numbering"
    _description = "Gap-free Numbering"
    _order = "key"
    _rec_name = "key"

    key = fields.Char(required=True, readonly=True, index=True)
    last_serial = fields.Integer(readonly=True)
    issue_ids = fields.One2many("scm.numbering.issue", "numbering_id", readonly=True)
    issued_count = fields.Integer(compute="_compute_gaps", string="Numbers Issued")
    gap_count = fields.Integer(
        compute="_compute_gaps",
        string="Gaps",
        help="Serials between 1 and the last serial with no issued number.",
    )

    _sql_constraints = [("key_unique", "UNIQUE(key)", "Numbering keys are unique.")]

    def _compute_gaps(self):
        for numbering in self:
            numbering.issued_count = len(numbering.issue_ids)
            numbering.gap_count = len(numbering._missing_serials())

    def _missing_serials(self):
        self.ensure_one()
        issued = set(self.issue_ids.mapped("serial"))
        return [s for s in range(1, self.last_serial + 1) if s not in issued]

    @api.model
    def _take(self, key, max_serial=999):
        """Reserve the next serial of `key` and return it."""
        if not key:
            raise UserError(_("A numbering key is required."))
        self.flush_model()
        now = fields.Datetime.now()
        # INSERT .. ON CONFLICT DO UPDATE locks the row; under REPEATABLE READ a
        # concurrent committed change raises a retryable serialization failure.
        self.env.cr.execute(
            """
            INSERT INTO scm_numbering
                (key, last_serial, create_uid, create_date, write_uid, write_date)
            VALUES (%(key)s, 1, %(uid)s, %(now)s, %(uid)s, %(now)s)
            ON CONFLICT (key) DO UPDATE
               SET last_serial = scm_numbering.last_serial + 1,
                   write_uid = EXCLUDED.write_uid,
                   write_date = EXCLUDED.write_date
            RETURNING id, last_serial
            """,
            {"key": key, "uid": self.env.uid, "now": now},
        )
        numbering_id, serial = self.env.cr.fetchone()
        self.invalidate_model(["last_serial"])
        if serial > max_serial:
            raise UserError(
                _(
                    "The serial numbers of %(key)s are used up: %(max)s is the "
                    "last one available.",
                    key=key,
                    max=max_serial,
                )
            )
        return self.browse(numbering_id), serial

    @api.model
    def next_number(self, key, pattern, document=None, max_serial=999, padding=3):
        """Issue the next number of `key`, formatted by `pattern` with
        `{serial}` (zero-padded), and record who it was issued to."""
        numbering, serial = self._take(key, max_serial)
        number = pattern.format(serial=str(serial).zfill(padding))
        self.env["scm.numbering.issue"].sudo().create(
            {
                "numbering_id": numbering.id,
                "serial": serial,
                "number": number,
                "res_model": document and document._name,
                "res_id": document and document.id,
                "company_id": document and document_company(document).id,
            }
        )
        return number
