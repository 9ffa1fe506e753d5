"""Gap-free numbering under concurrent printing (CON-NUM-04/07).

`total` S&C contracts of the Wuhan branch are brought to "approved" through
the ORM as their users would (drafted by the branch manager, clauses checked,
submitted, approved by the Marketing Center manager with a comment), so that
their originals are printed in one numbering key (SCMSCWH-<year>) and contend
for its serials. Then `workers` OS processes, each with its own registry,
print their share as the office user exactly as the web client's button does:
one cursor per request, the user's companies in the context,
`action_print_original()` wrapped in Odoo's own retry on serialization
failures (odoo.service.model.retrying), which commits. The rate is the
numbers issued per second of wall time; `retries` counts the attempts the
retry loop repeated, `failed` the requests that still failed (what a user
would see). Afterwards the key's serials must be 1..N with no gap and no
duplicate, and every printed contract must hold exactly one number.

When the key has no number yet (the first originals of the year), the
workers' first prints race to create it: all but one get the serialization
failure Odoo retries, once (scm.numbering._key_id); they show in `retries`.

    python -m bench.numbering <db> [--workers 8] [--total 400] [odoo options]

from the repository root with the virtual environment's python. Run it on a
throw-away copy of the test or demo database: the contracts stay printed and
the serials of a key end at 999."""

import argparse
import contextlib
import logging
import multiprocessing
import os
import pathlib
import sys
import sysconfig
import threading
import time
import traceback

ROOT = pathlib.Path(__file__).resolve().parent.parent
DRAFTER = "scm_base.user_wh_manager"
APPROVER = "scm_base.user_mc_manager"
BRANCH = "scm_base.company_wh"
CUSTOMER = "scm_sales.partner_wh_chufeng"
# The EMT proposal the customer accepted, which an S&C contract needs (CON-SC-01).
PROPOSAL = "scm_sales.proposal_wh_chufeng"
PREPARE_BATCH = 25
TITLE = "楚风服饰改造合同（并发打印 "
START_TIMEOUT = 900
_logger = logging.getLogger("bench.numbering")


# -- configuration ---------------------------------------------------------------
def default_config_args():
    """The database settings and addons path scripts/lib.sh gives Odoo."""
    import odoo

    source = pathlib.Path(odoo.__file__).resolve().parent
    addons = [
        ROOT / "addons",
        pathlib.Path(sysconfig.get_paths()["purelib"]) / "odoo" / "addons",
        source / "addons",
    ]
    return [
        "--db_host=localhost",
        "--db_user=odoo",
        "--db_password=odoo",
        "--addons-path=" + ",".join(str(path) for path in addons if path.is_dir()),
        f"--data-dir={ROOT / 'var' / 'filestore'}",
    ]


def _parsed_config_args():
    """The options of an Odoo configuration the caller already parsed (the
    processes are spawned: they parse it again), or None."""
    from odoo.tools import config

    if str(ROOT / "addons") not in (config.get("addons_path") or ""):
        return None
    args = [f"--addons-path={config['addons_path']}"]
    for option in ("db_host", "db_port", "db_user", "db_password"):
        if config.get(option):
            args.append(f"--{option}={config[option]}")
    if config.get("data_dir"):
        args.append(f"--data-dir={config['data_dir']}")
    return args


def _load_odoo(config_args):
    import odoo
    from odoo.tools import config

    config.parse_config(list(config_args))
    logging.getLogger("odoo").setLevel(logging.WARNING)
    # A failed request is counted; its "bad query" lines would drown the result.
    logging.getLogger("odoo.sql_db").setLevel(
        logging.CRITICAL if not os.environ.get("SCM_BENCH_DEBUG") else logging.ERROR
    )
    _logger.setLevel(logging.INFO)
    return odoo


# -- preparation -------------------------------------------------------------------
def _approve(contract, user, comment):
    """As the approver in the web client: validate, then the comment wizard."""
    action = contract.with_user(user).validate_tier()
    if action:
        contract.env["comment.wizard"].with_user(user).with_context(
            **action["context"]
        ).create({"comment": comment}).add_comment()


def prepare(registry, total):
    """`total` approved Wuhan S&C contracts ready to print, committed; returns
    (contract ids, office user id, the user's company ids, numbering key)."""
    from odoo import SUPERUSER_ID, api, fields

    with contextlib.closing(registry.cursor()) as cr:
        env = api.Environment(
            cr, SUPERUSER_ID, {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        )
        drafter = env.ref(DRAFTER)
        approver = env.ref(APPROVER)
        branch = env.ref(BRANCH)
        customer = env.ref(CUSTOMER)
        proposal = env.ref(PROPOSAL)
        # Contracts a previous preparation left approved (e.g. in a template
        # database made for repeated runs) are used first.
        ids = (
            env["scm.contract"]
            .search(
                [
                    ("title", "=like", TITLE + "%"),
                    ("company_id", "=", branch.id),
                    ("stage", "=", "approved"),
                    ("number", "=", False),
                ],
                order="id",
                limit=total,
            )
            .ids
        )
        Contract = (
            env["scm.contract"]
            .with_user(drafter)
            .with_context(allowed_company_ids=drafter.company_ids.ids)
        )
        while len(ids) < total:
            size = min(PREPARE_BATCH, total - len(ids))
            contracts = Contract.create(
                [
                    {
                        "title": f"{TITLE}{len(ids) + i + 1}）",
                        "contract_type": "sc",
                        "company_id": branch.id,
                        "partner_id": customer.id,
                        "proposal_id": proposal.id,
                        "amount": 120000,
                        "free_modification": "provided",
                        "runin_months": 3,
                        "post_runin_charging": "磨合期满后按年收取系统维护费，"
                        "每年为合同软件金额的10%。",
                    }
                    for i in range(size)
                ]
            )
            contracts.checklist_line_ids.write({"checked": True})
            for contract in contracts:
                contract.action_scm_submit()
                _approve(contract, approver, "同意，与建议书一致。")
            stages = set(contracts.mapped("stage"))
            if stages != {"approved"}:
                raise RuntimeError(f"prepared contracts are {stages}, not approved")
            cr.commit()
            ids += contracts.ids
        contract = env["scm.contract"].browse(ids[0])
        office = contract.office_department_id.manager_id.user_id
        companies = office.company_id.ids + (office.company_ids - office.company_id).ids
        now = fields.Datetime.now()
        year = fields.Datetime.context_timestamp(contract.with_user(office), now).year
        key = f"SCMSC{branch.scm_code.upper()}-{year}"
        cr.execute(
            "SELECT COALESCE(MAX(i.serial), 0) FROM scm_numbering_issue i "
            "JOIN scm_numbering n ON n.id = i.numbering_id WHERE n.key = %s",
            [key],
        )
        used = cr.fetchone()[0]
        if used + total > 999:
            raise RuntimeError(
                f"{key} has {999 - used} serials left, {total} needed: "
                "run the benchmark on a fresh copy of the database"
            )
    return ids, office.id, companies, key


# -- the workers --------------------------------------------------------------------
def _request(registry, uid, context, func):
    """One web request: a fresh cursor and environment, `func(env)` wrapped in
    Odoo's retry on concurrency errors, which commits. Returns the attempts."""
    from odoo import api
    from odoo.service.model import retrying

    attempts = 0
    with contextlib.closing(registry.cursor()) as cr:
        env = api.Environment(cr, uid, context)

        def call():
            nonlocal attempts
            attempts += 1
            return func(env)

        try:
            retrying(call, env)
        except Exception as error:  # noqa: BLE001 - counted as a failed request
            return attempts, error
    return attempts, None


def _worker(
    dbname, config_args, contract_ids, uid, companies, warm_up, barrier, results
):
    try:
        _load_odoo(config_args)
        from odoo import api
        from odoo.modules.registry import Registry

        registry = Registry(dbname)
        with contextlib.closing(registry.cursor()) as cr:
            lang, tz = _lang_tz(cr, uid)
        context = {"lang": lang, "tz": tz, "uid": uid, "allowed_company_ids": companies}
        # A server's workers are warm: print the first original once and roll
        # it back, one worker after the other so that they do not contend.
        with warm_up, contextlib.closing(registry.cursor()) as cr:
            env = api.Environment(cr, uid, context)
            env["scm.contract"].browse(contract_ids[0]).action_print_original()
            env.flush_all()
            cr.rollback()
            env.reset()
    except Exception:  # noqa: BLE001 - reported to the parent
        barrier.abort()
        results.put({"error": traceback.format_exc()})
        return
    barrier.wait()
    stats = {"done": 0, "retries": 0, "failed": 0, "errors": [], "start": time.time()}
    for contract_id in contract_ids:
        registry = registry.check_signaling()
        attempts, error = _request(
            registry,
            uid,
            context,
            lambda env, cid=contract_id: (
                env["scm.contract"].browse(cid).action_print_original()
            ),
        )
        stats["retries"] += max(attempts - 1, 0)
        if error is None:
            stats["done"] += 1
        else:
            stats["failed"] += 1
            stats["errors"].append(f"{type(error).__name__}: {error}"[:300])
    stats["end"] = time.time()
    results.put(stats)


def _lang_tz(cr, uid):
    cr.execute(
        "SELECT p.lang, p.tz FROM res_users u JOIN res_partner p "
        "ON p.id = u.partner_id WHERE u.id = %s",
        [uid],
    )
    return cr.fetchone()


# -- the number alone, against Odoo's ir.sequence ---------------------------------
def _bare_worker(dbname, config_args, kind, target, uid, count, barrier, results):
    """`count` requests that each take one number and commit: our numbering
    (`kind` "scm", `target` its key) or Odoo's gap-free ir.sequence (`kind`
    "odoo", `target` the sequence id), the way a document of either takes it."""
    try:
        _load_odoo(config_args)
        from odoo.modules.registry import Registry

        registry = Registry(dbname)
    except Exception:  # noqa: BLE001 - reported to the parent
        barrier.abort()
        results.put({"error": traceback.format_exc()})
        return
    if kind == "scm":

        def take(env):
            return env["scm.numbering"].next_number(target, target + "-{serial}")

    else:

        def take(env):
            return env["ir.sequence"].browse(target).next_by_id()

    barrier.wait()
    stats = {"done": 0, "retries": 0, "failed": 0, "errors": [], "start": time.time()}
    for _index in range(count):
        attempts, error = _request(registry, uid, {}, take)
        stats["retries"] += max(attempts - 1, 0)
        if error is None:
            stats["done"] += 1
        else:
            stats["failed"] += 1
            stats["errors"].append(f"{type(error).__name__}: {error}"[:300])
    stats["end"] = time.time()
    results.put(stats)


def _run_workers(context, target_func, args_per_worker):
    """Start the workers, release them together, return their stats and the
    wall time from the release to the last one's end."""
    barrier = context.Barrier(len(args_per_worker) + 1, timeout=START_TIMEOUT)
    results = context.Queue()
    processes = [
        context.Process(target=target_func, args=(*args, barrier, results))
        for args in args_per_worker
    ]
    for process in processes:
        process.start()
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        error = results.get(timeout=START_TIMEOUT)
        for process in processes:
            process.join()
        raise RuntimeError(f"a worker failed to start:\n{error}") from None
    start = time.time()
    stats = [results.get(timeout=START_TIMEOUT) for _process in processes]
    for process in processes:
        process.join()
    return stats, max(s["end"] for s in stats) - start


def run_bare(dbname, workers=8, per_worker=100, config_args=None):
    """Numbers alone under `workers` processes: ours (a fresh key) and Odoo's
    gap-free ir.sequence (a fresh no_gap sequence), one after the other on the
    same database. Returns both rates and our key's gaps and duplicates."""
    if config_args is None:
        # As run(): a caller that parsed Odoo's configuration already (bench/
        # __main__.py) must not parse it again; the workers parse its options.
        config_args = _parsed_config_args()
        if config_args is None:
            config_args = default_config_args()
            _load_odoo(config_args)
    else:
        _load_odoo(config_args)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(dbname)
    stamp = int(time.time())
    key = f"BENCH-{stamp}"
    with contextlib.closing(registry.cursor()) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        sequence = env["ir.sequence"].create(
            {"name": key, "implementation": "no_gap", "padding": 3}
        )
        cr.commit()
        sequence_id = sequence.id
    context = multiprocessing.get_context("spawn")
    result = {"workers": workers, "per_worker": per_worker}
    for kind, target in (("scm", key), ("odoo", sequence_id)):
        stats, seconds = _run_workers(
            context,
            _bare_worker,
            [
                (dbname, config_args, kind, target, SUPERUSER_ID, per_worker)
                for _worker in range(workers)
            ],
        )
        done = sum(s["done"] for s in stats)
        result[kind] = {
            "rate": done / seconds if seconds else 0.0,
            "done": done,
            "failed": sum(s["failed"] for s in stats),
            "retries": sum(s["retries"] for s in stats),
            "errors": [e for s in stats for e in s["errors"]][:5],
        }
    checked = verify(registry, key, [])
    result["gaps"] = checked["gaps"]
    result["duplicates"] = checked["duplicates"]
    return result


# -- verification -------------------------------------------------------------------
def verify(registry, key, contract_ids):
    """Gaps and duplicates of `key`'s serials, and the printed contracts
    without exactly one number."""
    with contextlib.closing(registry.cursor()) as cr:
        cr.execute(
            "SELECT i.serial FROM scm_numbering_issue i "
            "JOIN scm_numbering n ON n.id = i.numbering_id WHERE n.key = %s",
            [key],
        )
        serials = [row[0] for row in cr.fetchall()]
        last = max(serials, default=0)
        gaps = len(set(range(1, last + 1)) - set(serials))
        duplicates = len(serials) - len(set(serials))
        cr.execute(
            """
            SELECT c.id, c.number, c.stage, COUNT(i.id), MIN(i.number)
              FROM scm_contract c
              LEFT JOIN scm_numbering_issue i
                ON i.res_model = 'scm.contract' AND i.res_id = c.id
             WHERE c.id = ANY(%s)
             GROUP BY c.id
            """,
            [list(contract_ids)],
        )
        rows = cr.fetchall()
        printed = [row for row in rows if row[2] == "printed"]
        wrong = [
            row for row in printed if row[3] != 1 or not row[1] or row[1] != row[4]
        ]
        numbers = [row[1] for row in rows if row[1]]
        duplicates += len(numbers) - len(set(numbers))
        unprinted_numbered = [row for row in rows if row[2] != "printed" and row[1]]
    return {
        "key": key,
        "last_serial": last,
        "gaps": gaps,
        "duplicates": duplicates,
        "printed": len(printed),
        "wrongly_numbered": len(wrong) + len(unprinted_numbered),
    }


# -- entry points ------------------------------------------------------------------
def run(dbname, workers=8, total=400, config_args=None):
    """Print `total` originals of one key with `workers` processes; returns
    rate (numbers/s), gaps, duplicates, failed, retries, seconds and details."""
    if config_args is None:
        # Called by a caller that parsed Odoo's configuration (bench/__main__.py):
        # the spawned workers parse the same options.
        config_args = _parsed_config_args()
        if config_args is None:
            config_args = default_config_args()
            _load_odoo(config_args)
    else:
        _load_odoo(config_args)
    from odoo.modules.registry import Registry

    registry = Registry(dbname)
    started = time.time()
    ids, office_uid, companies, key = prepare(registry, total)
    prepared = time.time() - started
    _logger.info("numbering: %s contracts approved in %.0f s", len(ids), prepared)

    # Spawned, not forked: each process opens its own registry and connections.
    context = multiprocessing.get_context("spawn")
    shares = [share for share in (ids[i::workers] for i in range(workers)) if share]
    barrier = context.Barrier(len(shares) + 1, timeout=START_TIMEOUT)
    results = context.Queue()
    warm_up = context.Lock()
    processes = [
        context.Process(
            target=_worker,
            args=(
                dbname,
                config_args,
                share,
                office_uid,
                companies,
                warm_up,
                barrier,
                results,
            ),
        )
        for share in shares
    ]
    for process in processes:
        process.start()
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        error = results.get(timeout=START_TIMEOUT)
        for process in processes:
            process.join()
        raise RuntimeError(f"a worker failed to start:\n{error}") from None
    start = time.time()
    stats = [results.get(timeout=START_TIMEOUT) for _process in processes]
    for process in processes:
        process.join()
    end = max(s["end"] for s in stats)
    seconds = end - start
    done = sum(s["done"] for s in stats)
    result = {
        "workers": len(processes),
        "total": total,
        "done": done,
        "rate": done / seconds if seconds else 0.0,
        "failed": sum(s["failed"] for s in stats),
        "retries": sum(s["retries"] for s in stats),
        "seconds": seconds,
        "prepare_seconds": prepared,
        "errors": [e for s in stats for e in s["errors"]][:10],
    }
    result.update(verify(registry, key, ids))
    return result


def format_line(result):
    return (
        f"numbering: {result['workers']} workers, {result['done']} numbers, "
        f"{result['rate']:.1f}/s, {result['gaps']} gaps, "
        f"{result['duplicates']} duplicates, {result['failed']} failed "
        f"({result['retries']} retries)"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.numbering")
    parser.add_argument("db")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--total", type=int, default=400)
    args, odoo_args = parser.parse_known_args(argv)
    config_args = default_config_args() + odoo_args
    result = run(args.db, args.workers, args.total, config_args)
    print(format_line(result))
    bare = run_bare(args.db, args.workers, args.total // args.workers)
    print(
        f"numbers alone: ours {bare['scm']['rate']:.1f}/s ({bare['scm']['failed']} "
        f"failed), Odoo's ir.sequence no_gap {bare['odoo']['rate']:.1f}/s "
        f"({bare['odoo']['failed']} failed), {bare['gaps']} gaps, "
        f"{bare['duplicates']} duplicates"
    )
    if result["wrongly_numbered"] or result["errors"]:
        print(
            f"  {result['wrongly_numbered']} contracts without exactly one number; "
            f"errors: {result['errors']}"
        )
    ok = not (
        result["gaps"]
        or result["duplicates"]
        or result["failed"]
        or result["wrongly_numbered"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
