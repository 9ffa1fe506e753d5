"""scm.numbering.last_serial is no longer a stored counter: it is computed
from the issued numbers, which are the reservation of their serial. Drop the
old column, whose value would go stale with the first number issued now."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE scm_numbering DROP COLUMN IF EXISTS last_serial")
