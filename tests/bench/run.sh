#!/bin/bash
# make bench: builds (or reuses) the generated database, drives the real binary in a
# pseudo-terminal at 80x24 and times the commands; prints the figures (median and 95th
# percentile) against the goals of issue 9 and writes them to tests/bench/RESULTS.md.
set -eu
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
B=$root/build/bench
RUNS=${BENCH_RUNS:-15}
export TIENDO_TODAY=2026-06-15 HOME=$B LANG=C.UTF-8
mkdir -p "$B"

stamp=$(cat "$here/gen.py" "$root/config/plans/qd-111-2022.ini" | sha1sum | cut -c1-12)-$("$BIN" --version | head -1)
gen_s="reused"
if [ ! -e "$B/bench.db" ] || [ "$(cat "$B/stamp" 2>/dev/null)" != "$stamp" ]; then
	echo "generating the database (100,000 tasks, 1,000,000 progress updates)..." >&2
	t0=$(date +%s.%N)
	python3 "$here/gen.py" "$BIN" "$B"
	gen_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	echo "$stamp" >"$B/stamp"
fi
# The start-up migrates and heals once; a copy keeps the generated file as it was made.
cp "$B/bench.db" "$B/run.db"
rm -f "$B/run.db-wal" "$B/run.db-shm"
"$BIN" --config "$B/tiendo.ini" --db "$B/run.db" check >/dev/null

# timed NAME COMMAND...: the seconds COMMAND takes, RUNS times (at least 3), as samples.
timed() {
	local name=$1 n=$((RUNS < 3 ? 3 : RUNS / 3)) out=""
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
"$BIN" --config "$B/tiendo.ini" --db "$B/run.db" export tasks -o "$B/tasks.csv"
import_once() {
	rm -f "$B/import.db" "$B/import.db-wal" "$B/import.db-shm"
	"$BIN" --config "$B/tiendo.ini" --db "$B/import.db" init && \
		"$BIN" --config "$B/tiendo.ini" --db "$B/import.db" import tasks "$B/tasks.csv"
}
timed "CSV import of 100,000 tasks (with init)" import_once >>"$samples"
timed "annual report 2025 for 63 units" "$BIN" --config "$B/tiendo.ini" --db "$B/run.db" report annual 2025 >>"$samples"
"$BIN" --config "$B/tiendo.ini" --db "$B/run.db" report annual 2025 -o "$B/annual-2025.md"
printf 'size of the annual report 2025 (Markdown)\tB\t%s\n' "$(stat -c %s "$B/annual-2025.md")" >>"$samples"
timed "tiendo check" "$BIN" --config "$B/tiendo.ini" --db "$B/run.db" check >>"$samples"

python3 "$here/report.py" "$samples" "$gen_s" "$root/tests/bench/RESULTS.md"
