#!/usr/bin/env bash
# ruff and pylint-odoo (OCA checks) through pre-commit, offline from git hosts:
# every hook is a local hook installed from PyPI.
source "$(dirname "$0")/lib.sh"
LINT_VENV=$VAR/lint-venv
[[ -x $LINT_VENV/bin/pre-commit ]] || {
    "$BASE_PYTHON" -m venv "$LINT_VENV"
    "$LINT_VENV/bin/pip" install -q --disable-pip-version-check pre-commit==4.7.0
}
cd "$ROOT"
exec "$LINT_VENV/bin/pre-commit" run --all-files "$@"
