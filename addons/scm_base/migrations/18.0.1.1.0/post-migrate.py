"""Issued numbers now carry the branch of their document, which the record
rules of scm.numbering.issue read: fill it for numbers issued before."""

from psycopg2 import sql


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "SELECT DISTINCT res_model FROM scm_numbering_issue "
        "WHERE company_id IS NULL AND res_model IS NOT NULL"
    )
    for (res_model,) in cr.fetchall():
        table = res_model.replace(".", "_")
        cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = 'company_id'",
            [table],
        )
        if not cr.fetchone():
            continue
        cr.execute(
            sql.SQL(
                "UPDATE scm_numbering_issue issue SET company_id = doc.company_id "
                "FROM {table} doc WHERE issue.res_model = %s "
                "AND issue.res_id = doc.id AND issue.company_id IS NULL"
            ).format(table=sql.Identifier(table)),
            [res_model],
        )
