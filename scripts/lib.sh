# shellcheck shell=bash
# Shared helpers for the project's scripts; sourced, never executed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${SCM_VENV:-$ROOT/.venv}
PY=$VENV/bin/python
BASE_PYTHON=${PYTHON:-python3}
VAR=$ROOT/var
mkdir -p "$VAR"

log() { printf '\033[1m[scm]\033[0m %s\n' "$*" >&2; }
die() { printf '[scm] error: %s\n' "$*" >&2; exit 1; }

# The Odoo 18.0 Community source tree: $ODOO_SRC, else the tree the interpreter imports.
find_odoo_src() {
    local src=${ODOO_SRC:-}
    if [[ -z $src ]]; then
        src=$("$BASE_PYTHON" - <<'PY' 2>/dev/null || true
import importlib.util, pathlib
spec = importlib.util.find_spec("odoo")
if spec and spec.origin:
    print(pathlib.Path(spec.origin).resolve().parent.parent)
PY
)
    fi
    if [[ -z $src || ! -f $src/odoo/release.py ]]; then
        cat >&2 <<MSG
[scm] error: Odoo 18.0 Community was not found.
  Provide it in one of two ways:
  - set ODOO_SRC to an unpacked Odoo 18.0 source tree (the folder holding odoo/release.py
    and requirements.txt), e.g. a checkout of https://github.com/odoo/odoo at branch 18.0
    or the official nightly tarball from https://nightly.odoo.com/18.0/nightly/src/;
  - or make '$BASE_PYTHON' import odoo (a .pth file in its site-packages pointing at such a tree).
MSG
        exit 1
    fi
    local series
    series=$(sed -nE 's/^version_info = \(([0-9]+), ([0-9]+),.*/\1.\2/p' "$src/odoo/release.py")
    [[ $series == 18.0 ]] || die "Odoo at $src is $series, this project needs 18.0"
    if grep -qE '^version.*\+e' "$src/odoo/release.py"; then
        die "Odoo at $src is an Enterprise build; use Community"
    fi
    (cd "$src" && pwd)
}

site_packages() { "$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }

addons_path() {
    local src=$1
    echo "$ROOT/addons,$(site_packages)/odoo/addons,$src/odoo/addons"
}

# PostgreSQL: start the local cluster if needed and make sure our role exists.
DB_HOST=${SCM_DB_HOST:-localhost}
DB_PORT=${SCM_DB_PORT:-5432}
DB_USER=${SCM_DB_USER:-odoo}
DB_PASSWORD=${SCM_DB_PASSWORD:-odoo}

ensure_postgres() {
    if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT" 2>/dev/null; then
        command -v pg_ctlcluster >/dev/null || die "PostgreSQL is not installed (Debian: apt-get install postgresql-15)"
        log "starting PostgreSQL 15"
        pg_ctlcluster 15 main start || die "could not start PostgreSQL (pg_ctlcluster 15 main start)"
        for _ in $(seq 1 30); do pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break; sleep 1; done
    fi
    local exists
    exists=$(runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'")
    if [[ $exists != 1 ]]; then
        log "creating database role $DB_USER"
        runuser -u postgres -- psql -qc "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
    fi
}

odoo_db_args() {
    echo "--db_host=$DB_HOST --db_port=$DB_PORT --db_user=$DB_USER --db_password=$DB_PASSWORD"
}

# Odoo with the project's addons path, database settings and $DATA_DIR (default
# var/filestore); needs ODOO=$(find_odoo_src). A leading subcommand (shell, ...)
# stays in front of the options.
run_odoo() {
    local command=()
    if [[ $# -gt 0 && $1 != -* ]]; then command=("$1"); shift; fi
    # shellcheck disable=SC2046
    "$PY" -m odoo "${command[@]}" --addons-path="$(addons_path "$ODOO")" \
        --data-dir="${DATA_DIR:-$VAR/filestore}" $(odoo_db_args) "$@"
}

# A query's value on database $1 (empty when it fails).
db_query() {
    PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$1" -tAc "$2" 2>/dev/null || true
}

# Odoo only warns when demo data fails to load: for us that is an error too.
log_has_errors() {
    grep -qE " (ERROR|CRITICAL) |demo data failed to install" "$1"
}

scm_addons() {
    local names=()
    for manifest in "$ROOT"/addons/scm_*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS=,; echo "${names[*]}")
}

# Printing: Odoo renders PDF reports with wkhtmltopdf, and Chinese documents need
# CJK fonts. Installed from Debian when missing (root only; SCM_SKIP_APT=1 skips).
ensure_pdf_tools() {
    local missing=()
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    if command -v dpkg-query >/dev/null; then
        dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" \
            || missing+=(fonts-noto-cjk)
    fi
    ((${#missing[@]})) || return 0
    if [[ ${SCM_SKIP_APT:-} == 1 || $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
        log "PDF printing needs: ${missing[*]} (apt-get install ${missing[*]}); reports fall back to HTML"
        return 0
    fi
    log "installing ${missing[*]} for PDF printing"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || log "could not install ${missing[*]}: reports fall back to HTML"
}

# Browser tours: Odoo's HttpCase drives a headless Chrome or Chromium and skips
# the tours when it finds none on PATH (odoo/tests/common.py looks for
# google-chrome, chromium, chromium-browser, google-chrome-stable; Debian's
# package installs /usr/bin/chromium). Installed from Debian when missing
# (root only; SCM_SKIP_APT=1 skips).
find_browser() {
    local name
    for name in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$name" && return 0
    done
    return 1
}

ensure_browser() {
    find_browser >/dev/null && return 0
    if [[ ${SCM_SKIP_APT:-} == 1 || $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
        log "no Chrome or Chromium found: the browser tours will be SKIPPED (Debian: apt-get install chromium)"
        return 0
    fi
    log "installing chromium for the browser tours"
    if apt-get update -qq >/dev/null \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
        && find_browser >/dev/null; then
        log "browser tours run with $(find_browser)"
    else
        log "could not install chromium: the browser tours will be SKIPPED"
    fi
}
