#!/bin/bash
# Screen tests: every tests/e2e/test_*.sh against the binary given, each in its own tmux
# server, with a demo database made for the run. Sanitizer reports (written to files, not
# to the screen) fail the run.
set -u
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
. "$here/lib.sh"

T=$(mktemp -d)
trap 'e2e_stop; rm -rf "$T"' EXIT
export HOME=$T/home TIENDO_TODAY=2025-12-20 LANG=C.UTF-8 LANGUAGE=en
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL NO_COLOR
mkdir -p "$HOME"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$T/sanitizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:log_path=$T/sanitizer"
DB=$T/demo.db
"$BIN" --db "$DB" init --demo >/dev/null || { not_ok "init --demo for the screen tests"; finish; exit 1; }

# tiendo [--user LOGIN] ARGS...: the command line that runs tiendo in the test terminal. With
# --user (restricted mode, so no --db), the database and LOGIN's role (E2E_ROLE, admin unless
# set; "none" declares nobody) come from a settings file of its own, as on a server;
# E2E_DB_EXTRA adds a line to its [database] section, E2E_USERS_EXTRA one to [users], and
# E2E_INI_EXTRA sections of its own at the end.
tiendo() {
	if [ "${1:-}" = --user ]; then
		local user=$2 dir
		shift 2
		dir=$(mktemp -d "$T/xdg.XXXXXX")
		mkdir -p "$dir/tiendo"
		printf '[database]\npath = %s\n%s\n' "$DB" "${E2E_DB_EXTRA:-}" >"$dir/tiendo/tiendo.ini"
		[ "${E2E_ROLE:-}" = none ] ||
			printf '[users]\n%s = %s\n%s\n' "$user" "${E2E_ROLE:-admin}" "${E2E_USERS_EXTRA:-}" \
				>>"$dir/tiendo/tiendo.ini"
		printf '%b\n' "${E2E_INI_EXTRA:-}" >>"$dir/tiendo/tiendo.ini"
		printf 'env HOME=%q XDG_CONFIG_HOME=%q TIENDO_TODAY=%q %q --user %q' "$HOME" "$dir" \
			"$TIENDO_TODAY" "$BIN" "$user"
	else
		printf 'env HOME=%q TIENDO_TODAY=%q %q --db %q' "$HOME" "$TIENDO_TODAY" "$BIN" "$DB"
	fi
	[ $# -eq 0 ] || printf ' %q' "$@"
}

# E2E_ONLY=lists runs test_lists.sh alone (while working on one screen).
for t in "$here"/test_${E2E_ONLY:-*}.sh; do
	if [ ! -e "$t" ]; then
		not_ok "E2E_ONLY names a screen test" "no file $t"
		continue
	fi
	. "$t"
	e2e_stop
done

e2e_left

for f in "$T"/sanitizer*; do
	[ -e "$f" ] || continue
	not_ok "no sanitizer report" "$(head -40 "$f")"
done
finish
