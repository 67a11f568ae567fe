#!/bin/bash
# Issue 14, points 7 and 10: no writer lets data drive a terminal (every export and report
# format, the calendar, the audit trail, messages), and the smaller command-line items: a
# missing [plan] file, periods outside the plan, what closing a period says, calendar UIDs.
set -u
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

T=$(mktemp -d)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export HOME=$T/home TIENDO_TODAY=2025-12-20 LANG=C.UTF-8 LANGUAGE=en
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL
mkdir -p "$HOME"
out=$T/out
err=$T/err
run() {
	"$BIN" "$@" >"$out" 2>"$err" </dev/null
	rc=$?
}
expect() { # name want-status want-stderr-text
	if [ "$rc" -eq "$2" ] && { [ -z "${3:-}" ] || contains "$err" "$3"; }; then
		ok "$1"
	else
		not_ok "$1" "status $rc (want $2)" "stderr: $(head -c 600 "$err")" "want: ${3:-}"
	fi
}
# raw FILE: counts of ESC, BEL, DEL and C1 controls (U+0080..U+009F as UTF-8) in its bytes.
raw() { perl -0777 -ne 'printf "%d %d %d %d\n", scalar(() = /\x1b/g), scalar(() = /\x07/g), scalar(() = /\x7f/g), scalar(() = /\xc2[\x80-\x9f]/g)' "$1"; }
no_raw() { # name file: no raw control character at all, and the file is not empty
	local counts
	counts=$(raw "$2")
	if [ -s "$2" ] && [ "$counts" = "0 0 0 0" ]; then ok "$1"; else not_ok "$1" "ESC BEL DEL C1: $counts"; fi
}

db=$T/plan.db
"$BIN" --db "$db" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; finish; exit 1; }
sqlite3 "$db" <"$here/data/controls.sql" || { not_ok "control characters put into the database"; finish; exit 1; }
check "the database now holds raw ESC and C1 in task titles" test "$(sqlite3 "$db" "SELECT count(*) FROM task WHERE instr(title, char(27)) > 0 AND instr(title, char(155)) > 0")" -gt 0
# What the screens show for ESC ] 0 ; pwn BEL (a title-setting sequence).
shown='^[]0;pwn^G^[[2J^MX<U+009B>1m^?'

for kind in tasks progress units evaluations indicators inspections reports submissions meetings activities; do
	run --db "$db" export "$kind" --format csv
	expect "export $kind --format csv" 0
	no_raw "export $kind (CSV) writes no raw control character" "$out"
	check "export $kind (CSV) shows the text escaped" contains "$out" "$shown"
	run --db "$db" export "$kind" --format json
	expect "export $kind --format json" 0
	no_raw "export $kind (JSON) writes no raw control character" "$out"
	check "export $kind (JSON) is valid JSON that keeps the text whole" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
want = "\x1b]0;pwn\x07\x1b[2J\rX\x9b1m\x7f"
assert any(want in str(v) for row in d for v in row.values()), "text lost"' "$out"
done
for f in csv json; do
	run --db "$db" audit --format "$f"
	expect "audit --format $f" 0
	no_raw "audit ($f) writes no raw control character" "$out"
done
for r in "annual 2025" midterm final; do
	for f in md html; do
		run --db "$db" report $r --format "$f"
		expect "report $r --format $f" 0
		no_raw "report $r ($f) writes no raw control character" "$out"
		want=$shown
		[ "$f" = md ] || want='^[]0;pwn^G^[[2J^MX&lt;U+009B&gt;1m^?'
		check "report $r ($f) shows the text escaped" contains "$out" "$want"
	done
done
run --db "$db" calendar
expect "calendar" 0
no_raw "the calendar writes no raw control character" "$out"
perl -0777 -pe 's/\r\n //g' "$out" >"$T/unfolded.ics"
check "the calendar keeps the visible text (controls dropped)" contains "$T/unfolded.ics" ']0\;pwn[2JX1m'

run --db "$db" export tasks -o "$T/tasks.csv"
no_raw "export -o FILE writes no raw control character either" "$T/tasks.csv"
run --db "$db" check
no_raw "check prints no raw control character" "$out"
run --db "$db" $'frob\e]0;pwn\a'
expect "an unknown command with ESC in it is refused (2)" 2 'unknown command "frob^[]0;pwn^G"'
no_raw "and the message carries no raw control character" "$err"
printf 'code,title,lead\r\nZ.1,T\x1b[2J\x07,NOPE\x1b]0;x\x07\r\n' >"$T/bad.csv"
run --db "$db" import tasks "$T/bad.csv"
expect "an import that names a bad cell (1 or 2)" "$rc" "NOPE^[]0;x^G"
no_raw "import messages quote cells escaped" "$err"

# 10b: [plan] file names a missing file: every command refuses it, naming file, section, key.
printf '[plan]\nfile = /nonexistent.ini\n' >"$T/noplan.ini"
sum_db=$(sqlite3 "$db" .dump | sha256sum)
for c in "" "init" "export tasks" "import tasks $T/bad.csv" "report final" "calendar" "audit" "period open 2025"; do
	run -c "$T/noplan.ini" --db "$db" $c
	expect "a missing [plan] file is refused by '${c:-the screen}' (2)" 2 "noplan.ini: [plan] file: /nonexistent.ini: No such file or directory"
done
run -c "$T/noplan.ini" --db "$db" check
expect "check reports the missing plan file (1)" 1 "/nonexistent.ini does not exist"
check "and nothing changed in the database" test "$(sqlite3 "$db" .dump | sha256sum)" = "$sum_db"

# 10d/e: periods outside the plan are refused; closing says what it means, in both languages.
pdb=$T/periods.db
"$BIN" --db "$pdb" init --demo >/dev/null 2>&1
printf '[security]\nlock_after_days = 30\n' >"$T/lock.ini"
sum_db=$(sqlite3 "$pdb" .dump | sha256sum)
for p in 1800 2099 2020 2031 02025 20x5 "2025-2030" "' OR 1=1 --"; do
	TIENDO_TODAY=2026-03-20 run -c "$T/lock.ini" --db "$pdb" period open "$p"
	expect "period open $p is refused, naming the plan's years (2)" 2 "is not one of the plan's: a year from 2021 to 2030, or a phase (2021-2025, 2026-2030)"
done
check "a refused period changes nothing" test "$(sqlite3 "$pdb" .dump | sha256sum)" = "$sum_db"
TIENDO_TODAY=2026-03-20 run -c "$T/lock.ini" --db "$pdb" period close 2025
expect "period close 2025" 0
check "closing a past period says it is locked again, until when it was open (dd/mm/yyyy)" contains "$out" "Period 2025 is locked again: it was open until 30/01/2026 (30 days after its end); only an admin can reopen it."
TIENDO_TODAY=2026-03-20 LANG=vi_VN.UTF-8 LANGUAGE= run -c "$T/lock.ini" --db "$pdb" period close 2025
check "and in Vietnamese, as a sentence" contains "$out" "Kỳ 2025 đã khóa lại: kỳ chỉ mở đến ngày 30/01/2026 (30 ngày sau khi kết thúc); chỉ quản trị viên mới có thể mở lại."
TIENDO_TODAY=2026-03-20 run -c "$T/lock.ini" --db "$pdb" period close 2026
check "closing the year under way says when it will lock" contains "$out" "Period 2026 is no longer held open: it stays open until 30/01/2027 (30 days after its end), then locks."
TIENDO_TODAY=2026-03-20 run --db "$pdb" period close 2026
check "without a lock it says that no period locks" contains "$out" "no period locks while [security] lock_after_days is 0"
TIENDO_TODAY=2026-03-20 run -c "$T/lock.ini" --db "$pdb" period open 2021-2030
expect "the final report's period can be reopened" 0

# 10f: two reports made by hand in one year get UIDs of their own, the same on every run.
sqlite3 "$pdb" "INSERT INTO report (rule_id, period, title, due_date, units) VALUES
  (NULL, '2026', 'Nhanh một', '2026-03-10', 'PC'), (NULL, '2026', 'Nhanh hai', '2026-04-10', 'PC')"
run --db "$pdb" calendar -o "$T/a.ics"
run --db "$pdb" calendar -o "$T/b.ics"
check "every UID in the calendar is unique" test "$(grep -c '^UID:' "$T/a.ics")" -eq "$(grep '^UID:' "$T/a.ics" | sort -u | wc -l)"
check "the two ad-hoc reports have different UIDs" test "$(grep -c '^UID:report-adhoc-' "$T/a.ics")" -eq 2
check "a rule's report keeps its UID (report-annual-2025@…)" grep -q '^UID:report-annual-2025@' "$T/a.ics"
check "the UIDs are the same on the next run" test "$(grep '^UID:' "$T/a.ics")" = "$(grep '^UID:' "$T/b.ics")"

finish
