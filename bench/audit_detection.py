"""The Audit Dept's automatic detection against the number of open deadlines
(issue 14: "its run time stays linear in the number of open deadlines": a
benchmark, not a timed test).

For each size N (default 1,000, 5,000 and 20,000): a fresh copy of a database
where scm_audit is installed, the facts already there proposed once, then N
open deadlines past due inserted by SQL (spread over the demo's people,
branches and rules of every chapter); `scm.audit.proposal._scm_detect()` is
timed as the Audit Dept (audit.staff) proposing the N facts, then a second
run that finds them all known. Linear means the milliseconds per deadline
stay flat from one size to the next; the second run, which reads the
deadlines and excludes the known fact keys in SQL, stays small.

Run it from the repository root with the project's environment (the Odoo
options after ours name the addons path and the database server):

    source scripts/lib.sh && ODOO=$(find_odoo_src) && \\
    "$PY" -m bench.audit_detection --template scm --sizes 1000,5000,20000 \\
        --addons-path="$(addons_path "$ODOO")" $(odoo_db_args)

`--template` is any database with scm_audit and the demo data (`make run`'s
`scm`, or a copy of it); it is copied, never changed. `--keep` keeps the
copies (scm_bench_audit_<N>). Prints one line per size and a summary."""

import argparse
import logging
import sys
import time

import odoo
from odoo.modules.registry import Registry
from odoo.sql_db import close_db, db_connect
from odoo.tools import config

_logger = logging.getLogger("bench.audit_detection")

# Rules of every chapter the generated deadlines are owed under.
RULES = (
    "SAL-PLAN-01",
    "SAL-CUST-02",
    "CON-SEC-02",
    "PRJ-INIT-01",
    "PRJ-DEV-03.2",
    "SVC-VISIT-01",
    "TRN-PLAN-04",
    "ORG-RULE-09",
    "SUP-SVCN-01",
)
# Per-deadline time may grow by this factor from the smallest size to the
# largest before the summary calls it not linear.
LINEAR_BAR = 1.5


def parse_args():
    parser = argparse.ArgumentParser(prog="python -m bench.audit_detection")
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--template", default="scm")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args, odoo_args = parser.parse_known_args()
    args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    return args, odoo_args


def copy_database(template, name):
    with db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cr.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def drop_database(name):
    Registry.delete(name)
    close_db(name)
    with db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f'DROP DATABASE IF EXISTS "{name}"')


def insert_deadlines(cr, size):
    """`size` open deadlines due 1 to 30 days ago, on the demo's customers,
    owed by the demo's internal users of every branch."""
    cr.execute(
        """SELECT u.id, u.company_id FROM res_users u
            WHERE NOT u.share AND u.active AND u.id > 2 ORDER BY u.id"""
    )
    owners = cr.fetchall()
    cr.execute("SELECT id FROM res_partner WHERE is_company ORDER BY id LIMIT 50")
    partners = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO scm_deadline (name, rule_code, res_model, res_id, res_name,
                                  company_id, user_id, unit, amount, start_date,
                                  due_date, state, create_uid, create_date,
                                  write_uid, write_date)
        SELECT 'bench deadline ' || g,
               (%(rules)s::varchar[])[(g %% %(nrules)s) + 1],
               'res.partner',
               (%(partners)s::int[])[(g %% %(npartners)s) + 1],
               'bench customer ' || g,
               (%(companies)s::int[])[(g %% %(nowners)s) + 1],
               (%(users)s::int[])[(g %% %(nowners)s) + 1],
               'working_days', 2,
               now() at time zone 'UTC' - ((g %% 30) + 3) * interval '1 day',
               now() at time zone 'UTC' - ((g %% 30) + 1) * interval '1 day',
               'open', 1, now() at time zone 'UTC', 1, now() at time zone 'UTC'
          FROM generate_series(1, %(size)s) g
        """,
        {
            "rules": list(RULES),
            "nrules": len(RULES),
            "partners": partners,
            "npartners": len(partners),
            "companies": [company for __, company in owners],
            "users": [user for user, __ in owners],
            "nowners": len(owners),
            "size": size,
        },
    )
    cr.execute("ANALYZE scm_deadline")
    cr.execute("ANALYZE scm_audit_proposal")


def timed_detection(registry):
    """One run of the detection as audit.staff, committed; (seconds, counts,
    queries)."""
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        auditor = env.ref("scm_base.user_audit_staff")
        proposals = env["scm.audit.proposal"].with_user(auditor)
        queries = cr.sql_log_count
        start = time.perf_counter()
        counts = proposals._scm_detect()
        env.flush_all()
        cr.commit()
        elapsed = time.perf_counter() - start
        return elapsed, counts, cr.sql_log_count - queries


def bench_size(template, size):
    name = f"scm_bench_audit_{size}"
    copy_database(template, name)
    registry = Registry(name)
    # The facts the demo already holds are proposed first: the runs below
    # measure the N new deadlines only.
    timed_detection(registry)
    with registry.cursor() as cr:
        insert_deadlines(cr, size)
        cr.commit()
    first, counts, queries = timed_detection(registry)
    second, again, queries_again = timed_detection(registry)
    return name, {
        "size": size,
        "seconds": first,
        "ms_per_deadline": first * 1000 / size,
        "proposed": counts.get("deadline", 0),
        "queries": queries,
        "again_seconds": second,
        "again_proposed": sum(again.values()),
        "again_queries": queries_again,
    }


def main():
    args, odoo_args = parse_args()
    config.parse_config(odoo_args)
    logging.getLogger("odoo").setLevel(logging.WARNING)
    _logger.setLevel(logging.INFO)
    header = (
        f"{'open deadlines':>14} {'detect s':>9} {'ms/deadline':>11} "
        f"{'proposed':>9} {'queries':>8} {'again s':>8} {'again new':>9} "
        f"{'again q':>8}"
    )
    print(header)
    print("-" * len(header))
    results, databases = [], []
    for size in args.sizes:
        name, row = bench_size(args.template, size)
        databases.append(name)
        results.append(row)
        print(
            f"{row['size']:>14,} {row['seconds']:>9.2f} "
            f"{row['ms_per_deadline']:>11.3f} {row['proposed']:>9,} "
            f"{row['queries']:>8,} {row['again_seconds']:>8.2f} "
            f"{row['again_proposed']:>9} {row['again_queries']:>8}"
        )
        sys.stdout.flush()
    first, last = results[0], results[-1]
    growth = last["ms_per_deadline"] / first["ms_per_deadline"]
    ok = growth <= LINEAR_BAR and all(
        row["proposed"] == row["size"] and not row["again_proposed"] for row in results
    )
    print(
        f"\naudit detection: {first['size']:,} → {last['size']:,} open deadlines, "
        f"{first['ms_per_deadline']:.3f} → {last['ms_per_deadline']:.3f} ms per "
        f"deadline (×{growth:.2f}); each fact proposed once"
        + (" — PASS" if ok else " — FAIL")
    )
    if not args.keep:
        for name in databases:
            drop_database(name)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
