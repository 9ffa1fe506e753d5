#!/usr/bin/env bash
# Every test: a fresh database with every scm_* addon installed by Odoo's
# --test-enable runner. Fails on any failed test or error in the log and ends
# with Odoo's own count as "N passed, N failed".
source "$(dirname "$0")/lib.sh"
DB=${SCM_TEST_DB:-scm_test}
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ensure_browser
ODOO=$(find_odoo_src)
ADDONS=$(scm_addons)
TAGS=${SCM_TEST_TAGS:-$(echo "$ADDONS" | sed 's/\([^,]*\)/\/\1/g')}
LOG=$VAR/test-$DB.log
DATA_DIR=$VAR/filestore-$DB
PORT=${SCM_TEST_HTTP_PORT:-8169}

PGPASSWORD=$DB_PASSWORD dropdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" --if-exists "$DB"
rm -rf "$DATA_DIR"
log "installing $ADDONS into a fresh $DB and running tests ($TAGS)"
set +e
run_odoo -c "$ROOT/config/odoo-test.conf" -d "$DB" --http-port="$PORT" --gevent-port="$((PORT + 3))" \
    -i "$ADDONS" --load-language=zh_CN --test-enable --test-tags="$TAGS" \
    --stop-after-init --log-level=test 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}

# Updating installed addons is what `make run` does after every change: it
# must work on a database that has the demo data.
UPDATE_LOG=$VAR/test-$DB-update.log
log "updating $ADDONS in $DB (module update path)"
run_odoo -c "$ROOT/config/odoo-test.conf" -d "$DB" --http-port="$PORT" --gevent-port="$((PORT + 3))" \
    -u "$ADDONS" --stop-after-init >"$UPDATE_LOG" 2>&1
update_status=$?
if ((update_status)) || log_has_errors "$UPDATE_LOG"; then
    grep -E " (ERROR|CRITICAL) " "$UPDATE_LOG" | head -5 >&2
    echo "the module update failed (see $UPDATE_LOG)" >&2
    status=1
    echo "2000-01-01 00:00:00,000 0 ERROR $DB scm.test: module update failed" >>"$LOG"
fi
set -e

"$PY" - "$LOG" "$status" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
status = int(sys.argv[2])
# Odoo logs one line per test run: "N failed, N error(s) of N tests when loading database".
runs = re.findall(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", log)
failed = sum(int(f) + int(e) for f, e, _ in runs)
total = sum(int(t) for _, _, t in runs)
errors = re.findall(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", log, re.M)
# Odoo only warns when a module's demo data fails to load: that is a failure here.
errors += re.findall(r"^.* WARNING .*(?:demo data failed to install|invalid module names).*$", log, re.M)
if not runs:
    print("no test summary in the log: the run did not reach the tests", file=sys.stderr)
    failed = max(failed, 1)
if errors and not failed:
    failed = len(errors)
for line in errors[:30]:
    print(line, file=sys.stderr)
print(f"{total - failed if total >= failed else 0} passed, {failed} failed")
sys.exit(1 if failed or status else 0)
PY
