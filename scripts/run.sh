#!/usr/bin/env bash
# The main job: create or update the database `scm` with every scm_* addon,
# its demo data and Simplified Chinese, then serve it on http://localhost:8069.
source "$(dirname "$0")/lib.sh"
DB=${SCM_DB:-scm}
bash "$ROOT/scripts/setup.sh"
ensure_postgres
ensure_pdf_tools
ODOO=$(find_odoo_src)
ADDONS=$(scm_addons)
CONF=$ROOT/config/odoo-dev.conf
odoo() {
    local log=$VAR/run-$DB.log
    run_odoo -c "$CONF" -d "$DB" "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    if log_has_errors "$log"; then
        die "installing into $DB logged errors (see $log)"
    fi
    return "$status"
}

# A fingerprint of the addons' sources: an unchanged database is not updated again.
fingerprint=$(cd "$ROOT/addons" && find . -type f -not -path '*/__pycache__/*' -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
stamp=$VAR/db-$DB.fingerprint

installed=""
if [[ $(db_query postgres "SELECT 1 FROM pg_database WHERE datname = '$DB'") == 1 ]]; then
    installed=$(db_query "$DB" \
        "SELECT 1 FROM ir_module_module WHERE name = 'scm_base' AND state = 'installed'")
fi
if [[ $installed != 1 ]]; then
    log "creating database $DB with $ADDONS and demo data (a few minutes)"
    odoo -i "$ADDONS" --load-language=zh_CN --stop-after-init
    echo "$fingerprint" > "$stamp"
elif [[ ! -f $stamp || $(cat "$stamp") != "$fingerprint" ]]; then
    # -i on an installed module reloads its data in init mode, which ignores
    # noupdate: install only the new addons and update the others.
    have=$(db_query "$DB" \
        "SELECT string_agg(name, ',') FROM ir_module_module WHERE name LIKE 'scm\\_%' AND state = 'installed'")
    new=$(comm -23 <(tr ',' '\n' <<<"$ADDONS" | sort) <(tr ',' '\n' <<<"$have" | sort) | paste -sd,)
    # One run: the updated addons' schema (e.g. a new column of scm_base) is
    # in place before a new addon that depends on it loads its demo data.
    if [[ -n $new ]]; then
        log "updating $have and installing $new in $DB"
        odoo -u "$have" -i "$new" --stop-after-init
    else
        log "updating $have in $DB"
        odoo -u "$have" --stop-after-init
    fi
    echo "$fingerprint" > "$stamp"
else
    log "database $DB is up to date"
fi
[[ ${SCM_NO_SERVE:-} == 1 ]] && exit 0
log "serving http://localhost:8069 (admin / admin); Ctrl-C stops"
run_odoo -c "$CONF" -d "$DB"
