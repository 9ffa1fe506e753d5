#!/usr/bin/env bash
# Refreshes an addon's translation template and its Simplified Chinese file:
#   scripts/i18n.sh scm_base
# Exports addons/<addon>/i18n/<addon>.pot from an installed database
# ($SCM_I18N_DB, default scm_dev1; update the addon there first if it changed),
# merges it into addons/<addon>/i18n/zh_CN.po and prints how many entries are
# still untranslated (new or changed strings arrive with an empty msgstr).
source "$(dirname "$0")/lib.sh"
ADDON=${1:-}
[[ -n $ADDON ]] || die "usage: scripts/i18n.sh <addon>"
command -v msgmerge >/dev/null || die "msgmerge is missing (Debian: apt-get install gettext)"
DB=${SCM_I18N_DB:-scm_dev1}
if [[ -f $ROOT/addons/$ADDON/__manifest__.py ]]; then
    I18N=$ROOT/addons/$ADDON/i18n
elif [[ -d $ROOT/addons/$ADDON/i18n_extra ]]; then
    # Our translations of a third-party addon (see addons/base_tier_validation/README.md).
    I18N=$ROOT/addons/$ADDON/i18n_extra
else
    die "no addon $ADDON in $ROOT/addons"
fi
POT=$I18N/$ADDON.pot
PO=$I18N/zh_CN.po
mkdir -p "$I18N"

TMP=$(mktemp --suffix=.pot)
trap 'rm -f "$TMP"' EXIT
log "exporting $ADDON from database $DB"
bash "$ROOT/scripts/odoo.sh" -c "$ROOT/config/odoo-test.conf" -d "$DB" \
    --i18n-export="$TMP" --modules="$ADDON" --stop-after-init --log-level=warn
[[ -s $TMP ]] || die "the export produced no file (is $ADDON installed in $DB?)"
cp "$TMP" "$POT"
log "wrote ${POT#"$ROOT"/}"

if [[ -f $PO ]]; then
    msgmerge --quiet --update --no-fuzzy-matching --backup=none "$PO" "$POT"
    # Terms the addon no longer has are dropped, not kept as #~ comments.
    msgattrib --no-obsolete --output-file="$PO" "$PO"
else
    msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 --input="$POT" --output-file="$PO"
fi
msgfmt --check -o /dev/null "$PO"
log "merged into ${PO#"$ROOT"/}"

"$PY" - "$PO" <<'PY'
import sys
import polib

po = polib.pofile(sys.argv[1])
entries = [entry for entry in po if not entry.obsolete]
untranslated = po.untranslated_entries()
fuzzy = po.fuzzy_entries()
for entry in untranslated[:50]:
    print(f"  untranslated: {entry.msgid!r}", file=sys.stderr)
print(f"{len(untranslated)} untranslated, {len(fuzzy)} fuzzy of {len(entries)} entries")
PY
