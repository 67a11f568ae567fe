#!/bin/bash
# The bad-input catalogue (issue 14): every case runs the real binary on one bad input and
# asserts what a user would notice: the exit status, a message naming the problem, no signal
# or sanitizer report, and that nothing changed (checksums of the database's content and of
# every file the case guards). Cases live in tests/cli/bad/*.sh, one file per area; each file
# is sourced in turn with these helpers:
#
#   fresh                 a new work directory $W: $W/plan.db (init --demo), a settings file
#                         $CONF ($W/home/.config/tiendo/tiendo.ini, [database] path = $DB),
#                         $W/exports; $DB and $CONF are guarded
#   guard FILE...         FILE's checksum (an SQLite file: its .dump) must not change
#   bad NAME RC TEXT ARG...
#                         runs tiendo ARG... (stdin from $STDIN, else /dev/null); ok when the
#                         status is RC, stderr holds TEXT (fixed string; "" = any), no signal,
#                         no sanitizer report, and every guarded file is unchanged
#   badenv NAME RC TEXT VAR=VALUE... -- ARG...   the same with extra environment
#
# Run by tests/run-all.sh on both builds; prints "ok - …" lines and a count.
set -u
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

T=$(mktemp -d)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export TIENDO_TODAY=2025-12-20 LANG=C.UTF-8 LANGUAGE=en
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL
n=0
STDIN=/dev/null
guarded=()

# The demo database is made once and copied for each case.
mkdir -p "$T/seed/home"
HOME=$T/seed/home "$BIN" --db "$T/seed/plan.db" init --demo >/dev/null 2>&1 ||
	{ echo "not ok - badinput: init --demo failed"; exit 1; }
sqlite3 "$T/seed/plan.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

sum() { # FILE: a checksum of what the file holds
	if [ ! -e "$1" ]; then
		echo absent
	elif [ -f "$1" ] && head -c 16 "$1" 2>/dev/null | grep -q '^SQLite format 3'; then
		sqlite3 "$1" .dump 2>/dev/null | sha256sum
	else
		sha256sum <"$1" 2>/dev/null || echo unreadable
	fi
}

guard() {
	local f
	for f in "$@"; do guarded+=("$f" "$(sum "$f")"); done
}

fresh() {
	n=$((n + 1))
	W=$T/case$n
	mkdir -p "$W/home/.config/tiendo" "$W/exports"
	cp "$T/seed/plan.db" "$W/plan.db"
	DB=$W/plan.db
	CONF=$W/home/.config/tiendo/tiendo.ini
	printf '[database]\npath = %s\n[export]\ndir = %s\n' "$DB" "$W/exports" >"$CONF"
	export HOME=$W/home
	guarded=()
	STDIN=/dev/null
	guard "$DB" "$CONF"
}

_judge() { # name want-rc want-text
	local problems=() i
	[ "$rc" -eq "$2" ] || problems+=("status $rc (want $2)")
	[ "$rc" -lt 128 ] || problems+=("killed by signal $((rc - 128))")
	if [ -n "$3" ] && ! grep -qF -- "$3" "$W/.err"; then problems+=("stderr lacks: $3"); fi
	if grep -qE 'Sanitizer|runtime error' "$W/.err"; then problems+=("sanitizer report"); fi
	for ((i = 0; i < ${#guarded[@]}; i += 2)); do
		[ "$(sum "${guarded[i]}")" = "${guarded[i + 1]}" ] || problems+=("changed: ${guarded[i]}")
	done
	if [ ${#problems[@]} -eq 0 ]; then
		ok "$1"
	else
		not_ok "$1" "${problems[@]}" "stderr: $(head -c 400 "$W/.err")"
	fi
}

bad() { # name rc text args...
	local name=$1 want=$2 text=$3
	shift 3
	"$BIN" "$@" >"$W/.out" 2>"$W/.err" <"$STDIN"
	rc=$?
	_judge "$name" "$want" "$text"
}

badenv() { # name rc text VAR=VALUE... -- args...
	local name=$1 want=$2 text=$3 vars=()
	shift 3
	while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
	shift
	env "${vars[@]}" "$BIN" "$@" >"$W/.out" 2>"$W/.err" <"$STDIN"
	rc=$?
	_judge "$name" "$want" "$text"
}

for f in "$here"/bad/*.sh; do
	[ -e "$f" ] || continue
	echo "# $(basename "$f")"
	. "$f"
done
echo "# $((pass + failed)) bad inputs tried"
finish
