# Operations on a shared server (issue 16.4): backups of the live database, reminders for the
# units, calendar alarms, and fatal errors in the system log. Sourced by tests/cli/run.sh, whose
# run/expect/check helpers, $T and TIENDO_TODAY=2025-12-20 it uses.

O=$T/ops
mkdir -p "$O/exp"
odb=$O/plan.db
run --db "$odb" init --demo
expect "operations: a demo database to work on" 0

# backup: a consistent copy while another process holds a write transaction open (WAL).
sqlite3 "$odb" "UPDATE task SET title = 'committed before' WHERE code = 'I.1'"
rm -f "$O/locked"
sqlite3 "$odb" >/dev/null 2>&1 <<SQL &
PRAGMA busy_timeout = 5000;
BEGIN IMMEDIATE;
UPDATE task SET title = 'not committed yet' WHERE code = 'I.1';
.shell touch "$O/locked"; sleep 4
COMMIT;
SQL
writer=$!
for _ in $(seq 100); do [ -e "$O/locked" ] && break; sleep 0.05; done
run --db "$odb" backup "$O/copy.db"
if kill -0 "$writer" 2>/dev/null; then still=yes; else still=no; fi
expect "backup works while another session holds a write transaction" 0
check "the writer was still in its transaction during the backup" test "$still" = yes
check "backup says what it did" contains "$out" "$O/copy.db"
check "the copy has mode 0600" test "$(stat -c %a "$O/copy.db")" = 600
check "the copy holds the last commit" \
	test "$(sqlite3 "$O/copy.db" "SELECT title FROM task WHERE code = 'I.1'")" = "committed before"
check "the copy is one file, not waiting for a -wal" \
	test "$(sqlite3 "$O/copy.db" "PRAGMA journal_mode")" = delete
wait "$writer"
check "the writer's commit reached the live database" \
	test "$(sqlite3 "$odb" "SELECT title FROM task WHERE code = 'I.1'")" = "not committed yet"
cp "$O/copy.db" "$O/copy2.db"
run --db "$O/copy2.db" check
expect "the copy passes tiendo check" 0
check "and check finds nothing" contains "$out" "No problems found."

sum_before=$(sha256sum <"$O/copy.db")
run --db "$odb" backup "$O/copy.db"
expect "backup onto an existing file is refused, naming it (1)" 1 "$O/copy.db: the file exists already"
check "the existing file is left as it was" test "$(sha256sum <"$O/copy.db")" = "$sum_before"
echo "not a database" >"$O/notdb"
run --db "$O/notdb" backup "$O/x.db"
expect "backup of a file that is not SQLite is refused (1)" 1 "not a tiendo database"
check "and writes no copy" test ! -e "$O/x.db"
sqlite3 "$O/foreign.db" "CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('x')"
run --db "$O/foreign.db" backup "$O/x.db"
expect "backup of another program's SQLite file is refused (1)" 1 "not a tiendo database"
check "the other program's file gets no tiendo tables" \
	test "$(sqlite3 "$O/foreign.db" "SELECT count(*) FROM sqlite_schema")" = 1
check "and no copy is written" test ! -e "$O/x.db"

# Who may back up: an admin or the file's owner; in restricted mode only into [export] dir.
mkdir -p "$O/cfg/tiendo"
printf '[database]\npath = %s\n[export]\ndir = %s\n[users]\nboss = admin\nan = viewer\nbinh = editor: VTTTN\n' \
	"$odb" "$O/exp" >"$O/cfg/tiendo/tiendo.ini"
orun() { XDG_CONFIG_HOME=$O/cfg run "$@"; }
orun --user an backup "$O/exp/an.db"
expect "a viewer may not back up (1)" 1 "only an admin or the owner of the database file"
orun --user binh backup "$O/exp/binh.db"
expect "nor an editor (1)" 1 "only an admin or the owner"
check "and no copy is left" test ! -e "$O/exp/an.db" -a ! -e "$O/exp/binh.db"
orun --user boss backup "$O/elsewhere.db"
expect "in restricted mode a backup goes only into [export] dir (2)" 2 "[export] dir"
check "and nothing is written elsewhere" test ! -e "$O/elsewhere.db"
orun --user boss backup "$O/exp/boss.db"
expect "an admin backs up into [export] dir" 0
check "the admin's copy is there" test -s "$O/exp/boss.db"
XDG_CONFIG_HOME=$O/cfg run backup "$O/owner.db"
expect "the database file's owner backs up outside restricted mode" 0

# remind: per unit, reports overdue or due soon and tasks overdue or behind schedule.
run --db "$odb" remind
expect "remind exits 0" 0
check "a unit with an overdue report and a behind task is named" contains "$out" "Vụ Thị trường trong nước (VTTTN)"
check "its overdue report is listed with its due date as people write it" \
	contains "$out" "Báo cáo sơ kết giai đoạn 2021–2025 (kỳ 2021-2025): hạn 31/10/2025, đã quá 50 ngày"
check "its task behind schedule is listed" contains "$out" "II.1 Phát triển hệ thống chợ"
check "the reminder is in Vietnamese by default" contains "$out" "Nhiệm vụ chậm tiến độ:"
check "dated today, as people write it" contains "$out" "20/12/2025"
run --db "$odb" remind --days 30 --unit VTTTN
expect "remind --unit --days" 0
check "--unit keeps that unit only" test "$(grep -c '^Kính gửi: ' "$out")" = 1
check "--days 30 brings the annual report of 2025 (due 15/01/2026) in" \
	contains "$out" "hạn 15/01/2026, còn 26 ngày"
run --db "$odb" remind --format json
expect "remind --format json" 0
check "the JSON parses and holds both kinds" python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
kinds = {(r["unit"], r["kind"], r["status"]) for r in rows}
assert ("VTTTN", "report", "overdue") in kinds and ("VTTTN", "task", "behind_schedule") in kinds
assert all(isinstance(r["days"], int) or r["days"] is None for r in rows)' "$out"
run --db "$odb" remind --format csv --unit KHTC -o "$O/remind.csv"
expect "remind --format csv -o FILE" 0
check "the CSV starts with its header" \
	test "$(head -1 "$O/remind.csv" | tr -d '\r')" = "unit,unit_name,kind,code,period,title,due,status,days,percent"
check "and holds only that unit's rows" test "$(cut -d, -f1 "$O/remind.csv" | sort -u | tr '\n' ' ')" = "KHTC unit "
printf '[ui]\nlanguage = en\n' >"$O/en.ini"
run --config "$O/en.ini" --db "$odb" remind --unit VTTTN
check "[ui] language = en writes it in English" contains "$out" "Tasks behind schedule:"
TIENDO_TODAY=2022-06-01 run --db "$odb" remind
expect "nothing to say: exit 0" 0
check "nothing to say: no output, so cron mails nothing" test ! -s "$out"
run --db "$odb" remind --days x
expect "remind --days x is a usage error (2)" 2 "--days: expected a whole number of days from 0 to 365"
run --db "$odb" remind --unit NOPE
expect "remind --unit of no unit (2)" 2 "--unit: no unit NOPE"

# The calendar's alarms: [reports] remind_days = 7, 1.
printf '[reports]\nremind_days = 7, 1\n' >"$O/alarms.ini"
run --config "$O/alarms.ini" --db "$odb" calendar
expect "calendar with remind_days" 0
reports=$(grep -c '^UID:report-' "$out")
check "every report deadline has two alarms" test "$(grep -c '^BEGIN:VALARM' "$out")" = $((reports * 2))
check "one a week before" contains "$out" $'TRIGGER:-P7D\r'
check "one the day before" contains "$out" $'TRIGGER:-P1D\r'
check "they are display alarms" test "$(grep -c '^ACTION:DISPLAY' "$out")" = $((reports * 2))
run --db "$odb" calendar
check "without remind_days there are none" test "$(grep -c VALARM "$out")" = 0

# Fatal errors reach the system log, with the login: a real /dev/log socket in a private mount
# namespace (root and unshare needed; skipped otherwise).
syslog_run() { # expected-text args...: runs tiendo with a listener on /dev/log; the lines in $O/log
	local want=$1
	shift
	rm -f "$O/log"
	unshare -m bash -c '
		set -e
		d=$1 bin=$2
		shift 2
		mkdir -p "$d/dev"
		mount --bind /dev "$d/dev"
		mount -t tmpfs tmpfs /dev
		for n in null zero random urandom full tty; do
			[ -e "$d/dev/$n" ] || continue
			touch "/dev/$n"
			mount --bind "$d/dev/$n" "/dev/$n"
		done
		ln -s /proc/self/fd /dev/fd
		python3 -c "
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(\"/dev/log\")
open(sys.argv[1] + \".ready\", \"w\").close()
s.settimeout(1)
with open(sys.argv[1], \"ab\") as f:
    try:
        while True:
            f.write(s.recv(4096) + b\"\\n\")
            f.flush()
    except socket.timeout:
        pass
" "$d/log" &
		for _ in $(seq 100); do [ -e "$d/log.ready" ] && break; sleep 0.05; done
		"$bin" "$@" >/dev/null 2>&1 || true
		wait
	' _ "$O" "$BIN" "$@"
	rm -f "$O/log.ready"
	[ -f "$O/log" ] && grep -qF -- "$want" "$O/log"
}
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null && command -v python3 >/dev/null; then
	check "a database that is not one is logged with the login" \
		syslog_run "tiendo[" --db "$O/notdb" export tasks
	check "the line names the user and the problem" \
		grep -qE "^<11>.*tiendo\[[0-9]+\]: user $(id -un): $O/notdb: not a tiendo database" "$O/log"
	printf '[ui]\nlanguage = klingon\n' >"$O/badlang.ini"
	check "a configuration refused is logged" \
		syslog_run "[ui] language" --config "$O/badlang.ini" --db "$odb" export tasks
	XDG_CONFIG_HOME=$O/cfg syslog_run "user nobody-declared:" --user nobody-declared export tasks
	check "a login refused is logged under that login" grep -qF "user nobody-declared:" "$O/log"
	syslog_run "" --db "$odb" remind --days x
	check "a usage error is not logged" test -f "$O/log" -a ! -s "$O/log"
else
	echo "# skipped: the syslog tests need root and unshare -m (a private /dev/log)"
fi
