#!/usr/bin/env bash
# `make bench`: performance of our documents against Odoo's CRM on the same data.
# SCM_BENCH_SIZES=1000,20000,100000 make bench   (default 1000,20000)
# Extra options go to `python -m bench` through BENCH_ARGS, e.g. BENCH_ARGS="--keep".
source "$(dirname "$0")/lib.sh"
TEMPLATE=${SCM_BENCH_TEMPLATE:-scm_bench_demo}
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ODOO=$(find_odoo_src)
# The demo database every size starts from: every addon with its demo data,
# built (or updated when the addons changed) exactly as `make run` builds `scm`.
SCM_DB=$TEMPLATE SCM_NO_SERVE=1 SCM_SKIP_APT=1 bash "$ROOT/scripts/run.sh"
cd "$ROOT"
# shellcheck disable=SC2046,SC2086
"$PY" -m bench --template "$TEMPLATE" ${BENCH_ARGS:-} \
    --addons-path="$(addons_path "$ODOO")" --data-dir="$VAR/filestore" \
    $(odoo_db_args) --db_maxconn=32
