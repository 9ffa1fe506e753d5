#!/usr/bin/env bash
# Idempotent set-up: the virtual environment with Odoo's and the project's requirements.
# A second run with nothing changed only compares a fingerprint and returns.
source "$(dirname "$0")/lib.sh"

ODOO=$(find_odoo_src)
fingerprint=$( { echo "$ODOO"; cat "$ODOO/requirements.txt" "$ROOT/requirements.txt" "$ROOT/constraints.txt" "$ROOT/requirements-oca.txt"; } | sha256sum | cut -c1-16)
stamp=$VENV/.scm-setup-$fingerprint

if [[ -f $stamp ]]; then
    exit 0
fi

log "setting up $VENV for Odoo at $ODOO"
[[ -x $PY ]] || "$BASE_PYTHON" -m venv "$VENV"
# pip >= 25.3 reads build constraints separately; older pips apply PIP_CONSTRAINT to builds.
export PIP_CONSTRAINT=$ROOT/constraints.txt PIP_BUILD_CONSTRAINT=$ROOT/constraints.txt
"$PY" -m pip install -q --disable-pip-version-check --upgrade pip 'setuptools<81' wheel

# python-ldap needs libldap2-dev/libsasl2-dev and no addon here uses LDAP.
grep -v -i '^python-ldap' "$ODOO/requirements.txt" > "$VAR/odoo-requirements.txt"
log "installing Odoo's requirements (first run only)"
"$PY" -m pip install -q --disable-pip-version-check -r "$VAR/odoo-requirements.txt"
"$PY" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements.txt"
"$PY" -m pip install -q --disable-pip-version-check --no-deps -r "$ROOT/requirements-oca.txt"

# Odoo is not an installed distribution: point the venv at the tree.
echo "$ODOO" > "$(site_packages)/odoo-18-source.pth"
"$PY" -c 'import odoo, odoo.release as r; assert r.series == "18.0"' \
    || die "the virtual environment cannot import Odoo 18.0 from $ODOO"

rm -f "$VENV"/.scm-setup-*
touch "$stamp"
log "set-up done"
