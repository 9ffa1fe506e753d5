#!/usr/bin/env bash
# Quick test runs with pytest-odoo on an installed database (default: scm_test,
# left by `make test`, or set SCM_PYTEST_DB=scm). Example:
#   scripts/pytest.sh addons/scm_base/tests/test_workday.py -k holiday
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ODOO=$(find_odoo_src)
conf=$VAR/pytest-odoo.conf
cat > "$conf" <<CONF
[options]
addons_path = $(addons_path "$ODOO")
data_dir = $VAR/filestore-test
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
db_name = ${SCM_PYTEST_DB:-scm_test}
CONF
cd "$ROOT"
exec "$PY" -m pytest --odoo-config="$conf" --odoo-database="${SCM_PYTEST_DB:-scm_test}" "$@"
