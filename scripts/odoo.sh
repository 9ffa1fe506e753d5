#!/usr/bin/env bash
# Runs Odoo from the project's environment with the project's addons path:
#   scripts/odoo.sh -c config/odoo-dev.conf -d scm ...
#   scripts/odoo.sh shell -c config/odoo-dev.conf -d scm --no-http
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ODOO=$(find_odoo_src)
# A leading subcommand (shell, scaffold, ...) must come before the options.
command=()
if [[ $# -gt 0 && $1 != -* ]]; then command=("$1"); shift; fi
# shellcheck disable=SC2046
exec "$PY" -m odoo "${command[@]}" --addons-path="$(addons_path "$ODOO")" \
    --data-dir="$VAR/filestore" $(odoo_db_args) "$@"
