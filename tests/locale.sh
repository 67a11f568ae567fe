#!/bin/bash
# Locales (issue 16): tiendo on a server where vi_VN.UTF-8 (or en_US.UTF-8) is installed. The
# locales are generated with localedef into a temporary LOCPATH, so nothing is installed
# system-wide. Machine formats (plan files, INI, CSV, JSON, ICS) must not change with the
# locale; what people read (screens, report drafts) follows the interface language: 12,6 in
# Vietnamese, 12.6 in English. Then the whole command-line suite runs under each locale (every
# category but messages), and a screen test, also with LC_ALL set.
#   tests/locale.sh BINARY
set -u
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/e2e/lib.sh"

T=$(mktemp -d)
chmod 755 "$T"
trap 'e2e_stop; rm -rf "$T"' EXIT
export HOME=$T/home TIENDO_TODAY=2025-12-20
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL LANG LANGUAGE NO_COLOR \
	LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES
mkdir -p "$HOME"
json_ok() { python3 -m json.tool "$1" >/dev/null; }

export LOCPATH=$T/locales
mkdir -p "$LOCPATH"
for l in vi_VN en_US; do
	if ! localedef -i "$l" -f UTF-8 "$LOCPATH/$l.UTF-8" >"$T/localedef.log" 2>&1; then
		not_ok "localedef -i $l -f UTF-8 (package locales, in scripts/debian-packages.txt)" \
			"$(tail -3 "$T/localedef.log")"
		finish
		exit 1
	fi
done
ok "vi_VN.UTF-8 and en_US.UTF-8 generated into a temporary LOCPATH"

# The interface language with these locales installed: Vietnamese unless LANGUAGE or the locale
# of messages (LC_ALL, LC_MESSAGES, LANG: the first set) names English.
langs=(
	"LANG=C.UTF-8|vi"
	"LANG=|vi"
	"LANG=C.UTF-8 LANGUAGE=en|en"
	"LANG=vi_VN.UTF-8 LANGUAGE=en|en"
	"LANG=en_US.UTF-8 LANGUAGE=vi|vi"
	"LANG=C.UTF-8 LC_MESSAGES=en_US.UTF-8|en"
	"LANG=vi_VN.UTF-8 LC_MESSAGES=en_US.UTF-8|en"
	"LC_ALL=vi_VN.UTF-8 LC_MESSAGES=en_US.UTF-8|vi"
	"LANG=en_US.UTF-8 LC_MESSAGES=vi_VN.UTF-8|vi"
)
for c in "${langs[@]}"; do
	read -r -a envs <<<"${c%|*}"
	want=$([ "${c#*|}" = vi ] && echo "không có tùy chọn --bogus" || echo "unknown option --bogus")
	env "${envs[@]}" "$BIN" --bogus >/dev/null 2>"$T/lang.err" </dev/null
	check "${c%|*}: the messages are in ${c#*|}" contains "$T/lang.err" "$want"
done
printf '[ui]\nlanguage = en\n' >"$T/en.ini"
LANG=vi_VN.UTF-8 LANGUAGE=vi "$BIN" --config "$T/en.ini" export units --format xml 2>"$T/lang.err"
check "[ui] language = en wins over LANGUAGE=vi and LANG=vi_VN.UTF-8" \
	contains "$T/lang.err" '--format: expected csv or json'
printf '[ui]\nlanguage = vi\n' >"$T/vi.ini"
LANG=en_US.UTF-8 LANGUAGE=en "$BIN" --config "$T/vi.ini" export units --format xml 2>"$T/lang.err"
check "[ui] language = vi wins over LANGUAGE=en and LANG=en_US.UTF-8" \
	contains "$T/lang.err" '--format: cần csv hoặc json'

# Each case: a name, the interface language it gives, and the environment.
cases=(
	"LANG=vi_VN.UTF-8|vi|LANG=vi_VN.UTF-8"
	"LC_ALL=vi_VN.UTF-8|vi|LC_ALL=vi_VN.UTF-8 LANG=en_US.UTF-8"
	"LANG=en_US.UTF-8 LC_NUMERIC=vi_VN.UTF-8|en|LANG=en_US.UTF-8 LC_NUMERIC=vi_VN.UTF-8"
	"LANG=en_US.UTF-8|en|LANG=en_US.UTF-8"
)
i=0
for c in "${cases[@]}"; do
	i=$((i + 1))
	cname=${c%%|*}
	rest=${c#*|}
	lang=${rest%%|*}
	read -r -a envs <<<"${rest#*|}"
	D=$T/c$i
	mkdir -p "$D"
	t() { env "${envs[@]}" "$BIN" "$@" >"$D/out" 2>"$D/err" </dev/null; }

	t --db "$D/plan.db" init --demo
	check "$cname: init --demo loads the shipped plan (9.0-9.5 targets)" test "$?" -eq 0
	printf '[database]\npath = %s\n[targets]\ntolerance = 0.05\n' "$D/plan.db" >"$D/t.ini"
	t --config "$D/t.ini" check
	check "$cname: [targets] tolerance = 0.05 is accepted" test "$?" -eq 0
	printf '[targets]\ntolerance = 5\n' >"$D/range.ini"
	t --config "$D/range.ini" check
	check "$cname: tolerance = 5 is still refused, naming the key" contains "$D/err" "tolerance"

	t --db "$D/plan.db" export indicators --format json -o "$D/ind.json"
	check "$cname: export indicators --format json is valid JSON" json_ok "$D/ind.json"
	check "$cname: JSON numbers have a decimal point" grep -qF '9.5' "$D/ind.json"
	t --db "$D/plan.db" export indicators -o "$D/ind.csv"
	check "$cname: CSV numbers use '.'" grep -qF ',15,15.5,2023,12.6,' "$D/ind.csv"
	check "$cname: no decimal comma anywhere in the CSV" \
		bash -c "! grep -qE '\"-?[0-9]+,[0-9]+\"' '$D/ind.csv'"
	t --db "$D/plan.db" export units --format json -o "$D/units.json"
	check "$cname: export units --format json is valid JSON" json_ok "$D/units.json"
	t --db "$D/plan.db" calendar -o "$D/cal.ics"
	check "$cname: calendar is written" test -s "$D/cal.ics"

	t --db "$D/plan.db" report annual 2025 -o "$D/r.md"
	if [ "$lang" = vi ]; then
		check "$cname: the Vietnamese draft writes 12,6 (2023)" contains "$D/r.md" "12,6 (2023)"
		check "$cname: and targets as 15–15,5" contains "$D/r.md" "15–15,5 (2030)"
	else
		check "$cname: the English draft writes 12.6 (2023)" contains "$D/r.md" "12.6 (2023)"
	fi
	# [ui] language decides how people read numbers, not the server's locale.
	other=$([ "$lang" = vi ] && echo en || echo vi)
	printf '[ui]\nlanguage = %s\n' "$other" >"$D/ui.ini"
	t --db "$D/plan.db" --config "$D/ui.ini" report annual 2025 -o "$D/r2.md"
	want=$([ "$other" = vi ] && echo "12,6 (2023)" || echo "12.6 (2023)")
	check "$cname: with [ui] language = $other the draft writes $want" contains "$D/r2.md" "$want"

	# The screens: the targets list shows the latest value as people write it.
	want=$([ "$lang" = vi ] && echo "12,6 (2023)" || echo "12.6 (2023)")
	e2e_start 100 30 "$(printf 'env LOCPATH=%q HOME=%q TIENDO_TODAY=%q' "$LOCPATH" "$HOME" \
		"$TIENDO_TODAY") ${envs[*]} $(printf '%q --db %q' "$BIN" "$D/plan.db")"
	e2e_wait "Overview" || e2e_wait "Tổng quan"
	e2e_keys 4
	e2e_expect "$cname: the targets screen shows $want" "$want"
	e2e_stop

	# The command-line suite, whole, under this locale (messages stay in English: the suite
	# asserts English texts; LC_ALL is the outer environment the suite must clear).
	sub=$T/sub$i.out
	if [ "$cname" = "LC_ALL=vi_VN.UTF-8" ]; then
		LC_ALL=vi_VN.UTF-8 TIENDO_TEST_LOCALE=vi_VN.UTF-8 "$here/cli/run.sh" "$BIN" >"$sub" 2>&1
	else
		TIENDO_TEST_LOCALE=${envs[-1]#*=} "$here/cli/run.sh" "$BIN" >"$sub" 2>&1
	fi
	src=$?
	if [ "$src" -eq 0 ] && ! grep -q '^not ok' "$sub"; then
		ok "$cname: the command-line suite passes ($(tail -1 "$sub" | tr -d '#'))"
	else
		not_ok "$cname: the command-line suite passes" "$(grep -A3 '^not ok' "$sub" | head -30)"
	fi
done
finish
