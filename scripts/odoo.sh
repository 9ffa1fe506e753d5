#!/usr/bin/env bash
# Runs Odoo from the project's environment with the project's addons path:
#   scripts/odoo.sh -c config/odoo-dev.conf -d scm ...
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ODOO=$(find_odoo_src)
# shellcheck disable=SC2046
exec "$PY" -m odoo --addons-path="$(addons_path "$ODOO")" --data-dir="$VAR/filestore" \
    $(odoo_db_args) "$@"
