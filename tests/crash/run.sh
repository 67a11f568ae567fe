#!/bin/bash
# Crash tests (issue 14): kill -9 at random moments during progress saves (`tiendo progress`),
# during `import tasks FILE` and during `init --demo`. After each kill: PRAGMA integrity_check
# is ok, every acknowledged save is there (acknowledged: the command exited 0 and printed its
# confirmation), an import is whole or absent, and an init left either a complete database
# (`check` passes) or none at all.
#
#   tests/crash/run.sh BIN [RUNS]    RUNS kills of each kind (default 8: a few seconds);
#                                    `make soak` runs it with SOAK_RUNS (default 200)
#
# Prints "ok - …" lines, then "# crash: N runs, N kills, N losses".
set -u
BIN=$(realpath "$1")
RUNS=${2:-8}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME=$T/home TIENDO_TODAY=2025-12-20 LANG=C.UTF-8 LANGUAGE=en
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL
mkdir -p "$HOME"
runs=0 kills=0 losses=0

# A random pause of 0 to $1 milliseconds.
pause() { sleep "$(printf '0.%03d' $((RANDOM % ($1 + 1))))"; }

# Kills the process group of the job started with setsid (the loop and its tiendo), and waits
# until every process of it is gone: SIGKILL reaches each one in its own time.
kill_group() {
	kill -9 -- "-$1" 2>/dev/null && kills=$((kills + 1))
	{ wait "$1"; } 2>/dev/null
	gone "$1"
}

# Waits until no process of group $1 runs any more (zombies left to an init that does not reap
# them do not count).
gone() {
	while ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'; do
		sleep 0.01
	done
}

integrity() { # DB: ok when integrity_check says ok; what it said instead in $T/integrity
	local said
	said=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$said" = ok ] && return 0
	echo "    $1: $said" | head -5 >>"$T/integrity"
	return 1
}

# 1. Progress saves: a loop of `tiendo progress` calls, each acknowledged in $ack once it exited 0.
db=$T/progress.db
"$BIN" --db "$db" init --demo >/dev/null 2>&1 || { not_ok "crash: init for the progress runs"; finish; exit 1; }
ack=$T/ack
: >"$ack"
bad_integrity=0 lost=0 acked=0
for ((r = 1; r <= RUNS; r++)); do
	runs=$((runs + 1))
	setsid bash -c '
		k=0
		while :; do
			k=$((k + 1))
			if out=$("$0" --db "$1" progress I.2 $((k % 101)) --status in_progress \
				--reason "crash run" --note "run-$2-$k") && [ -n "$out" ]; then
				echo "run-$2-$k" >>"$3"
			fi
		done' "$BIN" "$db" "$r" "$ack" </dev/null >/dev/null 2>&1 &
	pid=$!
	pause 300
	kill_group "$pid"
	integrity "$db" || bad_integrity=$((bad_integrity + 1))
done
acked=$(wc -l <"$ack")
sqlite3 "$db" "SELECT done FROM progress_update WHERE done LIKE 'run-%'" | sort >"$T/saved"
sort "$ack" >"$T/acked"
lost=$(comm -23 "$T/acked" "$T/saved" | wc -l)
losses=$((losses + lost))
check "progress: $RUNS kills, integrity ok after each" test "$bad_integrity" -eq 0
check "progress: all $acked acknowledged saves are there ($lost lost)" test "$lost" -eq 0 -a "$acked" -gt 0
check "progress: every save has its audit rows" test "$(sqlite3 "$db" \
	"SELECT count(*) FROM progress_update p WHERE p.done LIKE 'run-%' AND NOT EXISTS
	 (SELECT 1 FROM audit_log a WHERE a.tbl = 'progress_update' AND a.row_id = p.id)")" -eq 0

# 2. Imports: each run imports its own 300 tasks; killed, they are all there or none.
db=$T/import.db
"$BIN" --db "$db" init --demo >/dev/null 2>&1
bad_import=0 bad_integrity=0 whole=0 none=0
for ((r = 1; r <= RUNS; r++)); do
	runs=$((runs + 1))
	csv=$T/import-$r.csv
	{
		echo "code,title,lead,coop,start,due,priority"
		for ((i = 1; i <= 300; i++)); do
			echo "C$r.$i,Nhiệm vụ thử $r số $i,VTTTN,\"KHTC, PC\",2025-01-01,2025-12-31,normal"
		done
	} >"$csv"
	setsid "$BIN" --db "$db" import tasks "$csv" </dev/null >"$T/import.out" 2>&1 &
	pid=$!
	pause 60
	kill -9 -- "-$pid" 2>/dev/null && kills=$((kills + 1))
	{ wait "$pid"; } 2>/dev/null
	rc=$?
	gone "$pid"
	integrity "$db" || bad_integrity=$((bad_integrity + 1))
	n=$(sqlite3 "$db" "SELECT count(*) FROM task WHERE code LIKE 'C$r.%'")
	if [ "$n" -eq 300 ]; then
		whole=$((whole + 1))
	elif [ "$n" -eq 0 ] && [ "$rc" -ne 0 ]; then
		none=$((none + 1))
	else
		bad_import=$((bad_import + 1)) # half an import, or an acknowledged one missing
	fi
done
losses=$((losses + bad_import))
check "import: $RUNS kills, integrity ok after each" test "$bad_integrity" -eq 0
check "import: every import whole or absent ($whole whole, $none absent, $bad_import other)" \
	test "$bad_import" -eq 0

# 3. init --demo: killed, there is no database, or a complete one that check passes.
bad_init=0 complete=0 absent=0 midway=0
for ((r = 1; r <= RUNS; r++)); do
	runs=$((runs + 1))
	d=$T/init-$r
	mkdir -p "$d"
	setsid "$BIN" --db "$d/tiendo.db" init --demo </dev/null >/dev/null 2>&1 &
	pid=$!
	pause 50
	kill -9 -- "-$pid" 2>/dev/null && kills=$((kills + 1))
	{ wait "$pid"; } 2>/dev/null
	rc=$?
	gone "$pid"
	# Killed while it built: its temporary file is left beside, never in the database's place.
	if compgen -G "$d/.tiendo.db.init-*" >/dev/null; then midway=$((midway + 1)); fi
	if [ ! -e "$d/tiendo.db" ] && [ "$rc" -ne 0 ]; then
		absent=$((absent + 1))
	elif [ -e "$d/tiendo.db" ] && integrity "$d/tiendo.db" &&
		"$BIN" --db "$d/tiendo.db" check >/dev/null 2>&1 &&
		[ "$(sqlite3 "$d/tiendo.db" 'SELECT count(*) FROM task WHERE is_demo = 1')" -gt 0 ]; then
		complete=$((complete + 1))
	else
		bad_init=$((bad_init + 1))
		echo "    half-made database kept in $d (exit $rc)"
	fi
	# A second init after the kill finishes the work.
	"$BIN" --db "$d/tiendo.db" init --demo >/dev/null 2>&1 || bad_init=$((bad_init + 1))
done
losses=$((losses + bad_init))
check "init: $RUNS kills, each left a complete database or none ($complete complete, $absent none, $midway of them killed while building)" \
	test "$bad_init" -eq 0

[ -s "$T/integrity" ] && cat "$T/integrity"
echo "# crash: $runs runs, $kills kills, $losses losses"
finish
