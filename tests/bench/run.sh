#!/bin/bash
# make bench: builds (or reuses) the generated database of BENCH_TASKS tasks (default 100,000)
# in build/bench/N, drives the real binary in a pseudo-terminal at 80x24 and times the commands
# and 50 saves at once; prints the figures (median, 95th and 99th percentile) against the goals
# of issues 9 and 18 and writes tests/bench/RESULTS.md with every size measured so far.
set -eu
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
TASKS=${BENCH_TASKS:-100000}
case $TASKS in
'' | *[!0-9]*) echo "BENCH_TASKS=$TASKS: not a number of tasks" >&2; exit 2 ;;
esac
if [ "$TASKS" -lt 1000 ]; then
	echo "BENCH_TASKS=$TASKS: at least 1000 tasks" >&2
	exit 2
fi
B=$root/build/bench/$TASKS
RUNS=${BENCH_RUNS:-15}
[ "$RUNS" -ge 5 ] || RUNS=5 # at least five samples of every figure
export TIENDO_TODAY=2026-06-15 HOME=$B LANG=C.UTF-8 LANGUAGE=en BENCH_TASKS=$TASKS
mkdir -p "$B"
echo "$TASKS" >"$B/tasks"

stamp=$TASKS-$(cat "$here/gen.py" "$root/config/plans/qd-111-2022.ini" | sha1sum | cut -c1-12)-$("$BIN" --version | head -1)
if [ ! -e "$B/bench.db" ] || [ "$(cat "$B/stamp" 2>/dev/null)" != "$stamp" ]; then
	echo "generating the database ($TASKS tasks, $((TASKS * 10)) progress updates)..." >&2
	t0=$(date +%s.%N)
	python3 "$here/gen.py" "$BIN" "$B"
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", b - a }' >"$B/gen"
	echo "$stamp" >"$B/stamp"
fi
# The start-up migrates and heals once; a copy keeps the generated file as it was made.
cp "$B/bench.db" "$B/run.db"
rm -f "$B/run.db-wal" "$B/run.db-shm"
"$BIN" --config "$B/tiendo.ini" --db "$B/run.db" check >/dev/null

# timed NAME COMMAND...: the seconds COMMAND takes, RUNS/3 times (at least 5), as samples.
timed() {
	local name=$1 n=${FULL_RUNS:-$((RUNS / 3 < 5 ? 5 : RUNS / 3))} out=""
	shift
	for _ in $(seq "$n"); do
		local t0
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
		out="$out $(( ($(date +%s%N) - t0) / 1000 ))"
	done
	printf '%s\tms\t%s\n' "$name" "$(echo "$out" | awk '{ for (i = 1; i <= NF; i++) printf "%.3f ", $i / 1000 }')"
}

samples=$B/samples.tsv
python3 "$here/drive.py" "$BIN" "$B/tiendo.ini" "$B/run.db" "$RUNS" >"$samples"
python3 "$here/concurrent.py" "$BIN" "$B/tiendo.ini" "$B/run.db" 5 >>"$samples"
"$BIN" --config "$B/tiendo.ini" --db "$B/run.db" export tasks -o "$B/tasks.csv"
# One file holds at most 200,000 tasks (and 64 MiB; tiendo(1), IMPORT): a larger database
# times the import of its first 200,000.
import_csv=$B/tasks.csv import_name="CSV import of the tasks (with init)"
if [ "$TASKS" -gt 200000 ]; then
	head -n 200001 "$B/tasks.csv" >"$B/import.csv"
	import_csv=$B/import.csv import_name="CSV import of the first 200,000 tasks (with init)"
fi
import_once() {
	rm -f "$B/import.db" "$B/import.db-wal" "$B/import.db-shm"
	"$BIN" --config "$B/tiendo.ini" --db "$B/import.db" init && \
		"$BIN" --config "$B/tiendo.ini" --db "$B/import.db" import tasks "$import_csv"
}
timed "$import_name" import_once >>"$samples"
rm -f "$B/import.db" "$B/import.db-wal" "$B/import.db-shm" "$B/import.csv"
timed "annual report 2025 for 63 units" "$BIN" --config "$B/tiendo.ini" --db "$B/run.db" report annual 2025 >>"$samples"
"$BIN" --config "$B/tiendo.ini" --db "$B/run.db" report annual 2025 -o "$B/annual-2025.md"
printf 'size of the annual report 2025 (Markdown)\tB\t%s\n' "$(stat -c %s "$B/annual-2025.md")" >>"$samples"
timed "tiendo check" "$BIN" --config "$B/tiendo.ini" --db "$B/run.db" check >>"$samples"
# The whole integrity_check reads every page: minutes a sample above 200,000 tasks, so one.
full_runs=5
[ "$TASKS" -le 200000 ] || full_runs=1
FULL_RUNS=$full_runs timed "tiendo check --full" "$BIN" --config "$B/tiendo.ini" --db "$B/run.db" check --full >>"$samples" || echo "check --full: not in this tiendo" >&2

dirs=()
for d in "$root"/build/bench/*/; do
	[ -s "$d/samples.tsv" ] && [ -s "$d/tasks" ] && dirs+=("$d")
done
python3 "$here/report.py" "$root/tests/bench/RESULTS.md" "${dirs[@]}"
