#!/bin/bash
# The catalogues are complete: every string the sources mark for translation has a
# Vietnamese and an English translation, none fuzzy (rule 7 of the house).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kngettext:1,2 -c/ --package-name=tiendo -o "$T/now.pot" \
	src/*.c src/*/*.c
for lang in vi en; do
	msgmerge -q "po/$lang.po" "$T/now.pot" -o "$T/$lang.po"
	stats=$(msgfmt --check --statistics -o /dev/null "$T/$lang.po" 2>&1)
	if echo "$stats" | grep -qE 'untranslated|fuzzy|error'; then
		not_ok "po/$lang.po translates every string" "$stats" \
			"run: make pot, then translate the new strings in po/$lang.po"
	else
		ok "po/$lang.po translates every string ($stats)"
	fi
	msgattrib --only-obsolete --no-wrap "$T/$lang.po" 2>/dev/null | grep -q '^#~ msgid' &&
		not_ok "po/$lang.po has no strings the sources dropped" "run: make pot" ||
		ok "po/$lang.po has no strings the sources dropped"
done
finish
