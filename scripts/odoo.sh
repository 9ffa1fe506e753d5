#!/usr/bin/env bash
# Runs Odoo from the project's environment with the project's addons path:
#   scripts/odoo.sh -c config/odoo-dev.conf -d scm ...
#   scripts/odoo.sh shell -c config/odoo-dev.conf -d scm --no-http
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ODOO=$(find_odoo_src)
run_odoo "$@"
