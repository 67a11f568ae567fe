#!/bin/bash
# Command-line tests: the real binary against real files in a temporary directory.
set -u
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

T=$(mktemp -d)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export HOME=$T/home TIENDO_TODAY=2025-12-20 LANG=C.UTF-8 LANGUAGE=en
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL
# tests/locale.sh: every locale category but the messages from TIENDO_TEST_LOCALE (vi_VN.UTF-8).
[ -z "${TIENDO_TEST_LOCALE:-}" ] || export LC_CTYPE=$TIENDO_TEST_LOCALE \
	LC_NUMERIC=$TIENDO_TEST_LOCALE LC_TIME=$TIENDO_TEST_LOCALE LC_COLLATE=$TIENDO_TEST_LOCALE
mkdir -p "$HOME"
out=$T/out
err=$T/err

# run ARGS...: runs tiendo, stdout in $out, stderr in $err, status in $rc.
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

# --help, --version, usage errors
run --help
check "--help prints the usage and exits 0" test "$rc" -eq 0 -a -s "$out"
check "--help names the commands" contains "$out" "init [--plan FILE] [--demo]"
run --version
check "--version prints the version" grep -qE '^tiendo [0-9]+\.[0-9]+\.[0-9]+$' "$out"
run --bogus
expect "an unknown option is a usage error (2)" 2 "tiendo: unknown option --bogus"
run frobnicate
expect "an unknown command is a usage error (2)" 2 'tiendo: unknown command "frobnicate"'
run --db
expect "an option without its value is a usage error" 2 "needs a value"
run --demo
expect "--demo without init is a usage error" 2 "--plan and --demo go with the init command"
LANG=vi_VN.UTF-8 LANGUAGE= run --help
check "--help speaks Vietnamese under a vi locale (none generated)" contains "$out" "Cách dùng"
TIENDO_TODAY=20/12/2025 run check
expect "a malformed TIENDO_TODAY is a usage error" 2 "TIENDO_TODAY: expected a date as YYYY-MM-DD"

# init
default_db=$HOME/.local/share/tiendo/tiendo.db
run init
expect "init creates the database under the data directory" 0
check "init made $default_db" test -f "$default_db"
check "init says where the database is" contains "$out" "$default_db"
db=$T/data/plan.db
run --db "$db" init --demo
expect "init --demo on a new path creates its directory" 0
check "init --demo adds the demo rows" contains "$out" "Demo data:"
sqlite3 "$db" .dump >"$T/dump1"
run --db "$db" init --demo
expect "init twice succeeds" 0
sqlite3 "$db" .dump >"$T/dump2"
check "init twice changes nothing the second time" cmp -s "$T/dump1" "$T/dump2"
check "the demo tasks are marked as demo data" \
	test "$(sqlite3 "$db" 'SELECT count(*) FROM task WHERE is_demo = 0')" = 0
run --db "$db" init --plan "$T/none.ini"
expect "init with a missing plan file fails with its name (2)" 2 "$T/none.ini"

# check
run --db "$db" check
expect "check on a healthy database exits 0" 0
check "check says it found nothing" contains "$out" "No problems found."
cp "$db" "$T/fk.db"
sqlite3 "$T/fk.db" "PRAGMA foreign_keys=OFF; INSERT INTO task_unit VALUES (9999, 1);"
run --db "$T/fk.db" check
expect "check reports a broken foreign key and exits 1" 1 "table task_unit row"
cp "$db" "$T/bad.db"
sqlite3 "$T/bad.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size=$(stat -c %s "$T/bad.db")
# Overwrite pages in the middle of the file, leaving the header intact.
dd if=/dev/urandom of="$T/bad.db" bs=4096 seek=3 count=4 conv=notrunc status=none
run --db "$T/bad.db" check
expect "check reports a damaged database and exits 1" 1 "integrity"
check "the damaged database keeps its size (nothing half-written)" \
	test "$(stat -c %s "$T/bad.db")" -ge "$size"
run --db "$T/bad.db" check --full
expect "check --full reports the damaged database too" 1 "integrity"
run --db "$db" check --full
expect "check --full on a healthy database exits 0" 0
run --db "$db" export tasks --full
expect "--full with another command is a usage error" 2 "--full goes with the check command"
# Issue 18: a large database (over 32 MiB) is checked by its small tables and newest rows by
# default, and whole with --full; a broken reference among the newest rows is still found.
cp "$db" "$T/big.db"
sqlite3 "$T/big.db" "INSERT INTO audit_log (login, tbl, action, new_values)
	SELECT 'gen', 'task', 'insert', hex(randomblob(600000)) FROM generate_series(1, 30);" 2>/dev/null ||
	sqlite3 "$T/big.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
	INSERT INTO audit_log (login, tbl, action, new_values)
	SELECT 'gen', 'task', 'insert', hex(randomblob(600000)) FROM n;"
run --db "$T/big.db" check
expect "check on a large database exits 0" 0
check "  and says what --full would read" contains "$out" "check --full"
sqlite3 "$T/big.db" "PRAGMA foreign_keys=OFF; INSERT INTO task_unit VALUES (9999, 1);"
run --db "$T/big.db" check
expect "check on a large database finds a broken reference of a new row" 1 "table task_unit row 9999"
run --db "$T/big.db" check --full
expect "check --full on a large database finds it too" 1 "table task_unit row"

# Database problems: clear message, exit 1, nothing written
run --db "$T/missing/x.db"
expect "a missing database tells how to create it (1)" 1 "tiendo init"
check "no directory is created for a missing database" test ! -e "$T/missing"
printf 'plain text, not a database, plain text, not a database, plain text, not a database, plain text\n' >"$T/text.db"
cp "$T/text.db" "$T/text.orig"
run --db "$T/text.db" init
expect "a non-SQLite file is refused (1)" 1 "not a tiendo database"
check "the non-SQLite file is left as it was" cmp -s "$T/text.db" "$T/text.orig"
check "no journal files are left beside it" test ! -e "$T/text.db-wal"
cp "$db" "$T/new.db"
sqlite3 "$T/new.db" "PRAGMA user_version = 99"
run --db "$T/new.db" init
expect "a database from a newer tiendo is refused (1)" 1 "schema version 99"
mkdir "$T/ro"
cp "$db" "$T/ro/ro.db"
chmod 444 "$T/ro/ro.db"
chmod 555 "$T/ro"
if [ "$(id -u)" = 0 ]; then
	# Root writes anything: run this one as nobody, on a copy of the binary and its share
	# directory (the checkout may sit where nobody cannot enter: /root, a 0700 directory).
	chmod 755 "$T/home"
	mkdir -p "$T/nobody/bin"
	cp "$BIN" "$T/nobody/bin/tiendo"
	cp -rL "$(dirname "$BIN")/../share" "$T/nobody/share"
	cp "$here/../lsan.supp" "$T/nobody/lsan.supp"
	chmod -R a+rX "$T/nobody"
	setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$T/home" \
		LSAN_OPTIONS="suppressions=$T/nobody/lsan.supp:print_suppressions=0" \
		"$T/nobody/bin/tiendo" --db "$T/ro/ro.db" >"$out" 2>"$err" </dev/null
	rc=$?
else
	run --db "$T/ro/ro.db"
fi
expect "a read-only database is refused (1)" 1 "read-only"
chmod 755 "$T/ro"
cp "$db" "$T/busy.db"
printf '[database]\nbusy_timeout_ms = 200\n' >"$T/busy.ini"
{
	echo "BEGIN EXCLUSIVE; DELETE FROM audit_log;"
	sleep 3
	echo "COMMIT;"
} | sqlite3 "$T/busy.db" &
holder=$!
sleep 0.5
run --config "$T/busy.ini" --db "$T/busy.db" period close 2025 # opening needs no lock; writing does
expect "a locked database says busy, try again (1)" 1 "busy"
wait "$holder"

# Configuration errors: file, section and key named; exit 2 before anything is drawn
conf() { printf "$1" >"$T/c.ini"; run --config "$T/c.ini" --db "$db" "${@:2}"; }
conf '[ui]\nlanguage = fr\n'
expect "a bad choice names file, section and key (2)" 2 \
	"tiendo: $T/c.ini: [ui] language: expected one of vi, en, auto; got \"fr\""
conf '[iu]\n'
expect "an unknown section is an error (2)" 2 "tiendo: $T/c.ini: [iu]: unknown section"
conf '[ui]\ncolour = red\n'
expect "an unknown key is an error (2)" 2 "tiendo: $T/c.ini: [ui] colour: unknown key"
conf '[database]\nbusy_timeout_ms = soon\n'
expect "a wrong type is an error (2)" 2 "[database] busy_timeout_ms: expected a whole number"
conf '[database]\nbusy_timeout_ms = 9000000\n'
expect "an out-of-range value is an error (2)" 2 "expected a number from 0 to 600000"
conf '[ui]\ndate_format = %%Y/%%m\n'
expect "a bad date format is an error (2)" 2 "[ui] date_format: expected a date format"
conf '[ui]\nlanguage = en\nlanguage = vi\n'
expect "a key set twice is an error (2)" 2 "[ui] language is set twice"
conf '\xef\xbb\xbf[ui]\nlanguage = en\n' check
expect "a byte-order mark is accepted" 0
conf '[database]\npath = \xff\n' check
expect "invalid UTF-8 is refused with its line" 1 "c.ini:2: not valid UTF-8"
run --config "$T/absent.ini" --db "$db" check
expect "a missing --config file is an error" 1 "absent.ini"
run --config "$T/absent.ini" --db "$db" init
expect "a missing --config file stops init (2)" 2 "absent.ini"
printf '[ui]\nlanguage = fr\ntheme = dark\n[oops]\n' >"$T/many.ini"
run --config "$T/many.ini" --db "$db" check
expect "check lists every problem" 1 "3 problems found"
check "check names each problem" test "$(grep -c "many.ini" "$err")" -eq 3

# Order of files: the user's file, then --config; later values win.
mkdir -p "$HOME/.config/tiendo"
printf '[ui]\nlanguage = vi\n' >"$HOME/.config/tiendo/tiendo.ini"
run --db "$db" init
check "the user's file is read (language = vi)" contains "$out" "Cơ sở dữ liệu"
printf '[ui]\nlanguage = en\n' >"$T/en.ini"
run --config "$T/en.ini" --db "$db" init
check "--config wins over the user's file" contains "$out" "ready"
printf '[ui]\nlanguage = fr\n' >"$HOME/.config/tiendo/tiendo.ini"
run --db "$db" init
expect "an error in the user's file names it" 2 "$HOME/.config/tiendo/tiendo.ini: [ui] language"
rm "$HOME/.config/tiendo/tiendo.ini"

# Export: CSV as RFC 4180 says, JSON that parses, files written whole.
run --db "$db" export tasks
expect "export tasks writes CSV to stdout" 0
check "the CSV starts with its header" grep -q '^code,title,description,group,phase,lead' "$out"
check "a title with a comma is quoted" grep -qF 'I.1,"Rà soát, đề xuất hoàn thiện' "$out"
check "CSV lines end with CRLF" grep -q $'\r$' "$out"
check "every task is exported (12 and the header)" test "$(grep -c $'\r$' "$out")" -eq 13
run --db "$db" export progress --format json -o "$T/p.json"
expect "export progress --format json -o FILE" 0
check "the JSON parses" sh -c 'python3 -m json.tool "$1" >/dev/null' _ "$T/p.json"
check "the JSON holds every progress update" test "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$T/p.json")" = 10
check "no temporary file is left" test "$(ls "$T" | grep -c 'p.json.tmp')" = 0
# A long note (issue 17) is exported whole: the reader used to stop at 1,023 bytes.
cp "$db" "$T/long.db"
long=$(python3 -c "print('Đã làm xong phần việc được giao. ' * 95 + 'Hết.', end='')")
run --db "$T/long.db" progress II.1 75 --note "$long"
run --db "$T/long.db" export progress --format json -o "$T/long.json"
check "export progress keeps a 3,000-character note whole" python3 -c "import json, sys
sys.exit(0 if any(r['done'] == sys.argv[2] for r in json.load(open(sys.argv[1]))) else 1)" \
	"$T/long.json" "$long"
longtitle=$(python3 -c "print(('Phát triển hệ thống chợ, siêu thị tại các địa phương ' * 10)[:499] + 'Ủ', end='')")
sqlite3 "$T/long.db" "UPDATE task SET title = '$longtitle' WHERE code = 'II.1'"
run --db "$T/long.db" export tasks --format json -o "$T/longt.json"
check "export tasks keeps a title of 500 Vietnamese characters whole" python3 -c "import json, sys
sys.exit(0 if any(r['title'] == sys.argv[2] for r in json.load(open(sys.argv[1]))) else 1)" \
	"$T/longt.json" "$longtitle"
run --db "$db" export units --bom -o "$T/u.csv"
check "--bom starts the file with a byte-order mark" test "$(head -c 3 "$T/u.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
run --db "$db" export indicators
expect "export indicators" 0
check "indicators carry their projection and verdict" grep -q '^TMDT-TT,.*,level,higher,2020,7,2030,10.5,11,2024,8.8,11.1[0-9]*,,on_track' "$out"
check "a growth indicator carries the growth needed" grep -q '^TMBL-TT,.*,growth,higher,.*,2024,9,12.69[0-9]*,13.13[0-9]*,at_risk' "$out"
sqlite3 "$db" "INSERT INTO evaluation (period, unit_id, criterion_id, rating_id, comment, updated_by)
  SELECT '2025', (SELECT id FROM unit WHERE code = 'PC'), id,
  (SELECT id FROM vocab WHERE domain = 'rating' AND code = 'tot'), 'Tốt, đúng hạn', 'lan'
  FROM criterion WHERE code = 'b'"
run --db "$db" export evaluations --format json
expect "export evaluations as JSON" 0
check "an evaluation is exported with its unit, criterion and rating" grep -qF '"period": "2025", "unit": "PC", "criterion": "b", "rating": "Tốt", "comment": "Tốt, đúng hạn"' "$out"
sqlite3 "$db" "INSERT INTO inspection (kind, date, scope, updated_by) VALUES ('survey', '2025-11-15', 'Khảo sát, chợ', 'lan');
  INSERT INTO inspection_unit SELECT last_insert_rowid(), id FROM unit WHERE code = 'PC'"
run --db "$db" export inspections
expect "export inspections" 0
check "an inspection is exported with its unit" grep -qF 'survey,2025-11-15,PC,,"Khảo sát, chợ"' "$out"
check "without a terminal, no progress bar is drawn on stderr" sh -c '! grep -q "$(printf "\r")" "$1"' _ "$err"
run --db "$db" export nothing
expect "export of an unknown table is a usage error" 2 "inspections, reports, submissions, meetings or activities"
run --db "$db" export tasks --format xml
expect "an unknown format is a usage error" 2 'expected csv or json; got "xml"'
run --db "$db" export tasks -o "$T/no/such/dir/t.csv"
expect "an unwritable output says why (1)" 1 "cannot write"

# Import: all rows or none; every bad row named with its line.
db2=$T/import.db
"$BIN" --db "$db2" init >/dev/null 2>&1
cat >"$T/tasks.csv" <<'CSV'
code,title,lead,coop,start,due,priority
N.1,Nhiệm vụ một,VTTTN,"KHTC, PC",2026-01-01,2026-12-31,high
N.2,"Nhiệm vụ hai, có dấu phẩy",TMDT,,01/02/2026,30/06/2026,
N.3,Nhiệm vụ ba,XTTM,,2026-01-01,2026-03-31,low
N.4,Nhiệm vụ bốn,QLTT,,2026-01-01,2026-03-31,normal
N.5,Nhiệm vụ năm,CTS,,2026-01-01,2026-03-31,normal
N.6,Nhiệm vụ sáu,PC,,2026-01-01,31/13/2026,normal
N.7,Nhiệm vụ bảy,PC,,2026-01-01,2026-03-31,normal
CSV
run --db "$db2" import tasks "$T/tasks.csv"
expect "a bad date on line 7 refuses the whole file (1)" 1 "tasks.csv:7: due: expected a date"
check "the message says nothing was imported" contains "$err" "nothing was imported"
check "no task was written" test "$(sqlite3 "$db2" 'SELECT count(*) FROM task')" = 0
sed -i 's|31/13/2026|31/12/2026|; s|^N.7,Nhiệm vụ bảy,PC|N.7,Nhiệm vụ bảy,NOPE|' "$T/tasks.csv"
run --db "$db2" import tasks "$T/tasks.csv"
expect "an unknown unit is named with its line" 1 "tasks.csv:8: lead unit NOPE does not exist"
sed -i 's|NOPE|PC|' "$T/tasks.csv"
run --db "$db2" import tasks "$T/tasks.csv" --dry-run
expect "--dry-run checks only" 0
check "--dry-run writes nothing" test "$(sqlite3 "$db2" 'SELECT count(*) FROM task')" = 0
run --db "$db2" import tasks "$T/tasks.csv"
expect "a good file is imported whole" 0
check "seven tasks were added with their cooperating units" test "$(sqlite3 "$db2" "SELECT count(*) FROM task")$(sqlite3 "$db2" "SELECT count(*) FROM task_unit")" = 72
check "dates typed as dd/mm/yyyy are stored as ISO" test "$(sqlite3 "$db2" "SELECT due_date FROM task WHERE code = 'N.2'")" = 2026-06-30
# The audit trail holds the import as one row: the file, its FNV-1a checksum, the row count.
"$BIN" --db "$db2" audit --format json -o "$T/import-audit.json" 2>/dev/null
check "the import is one audit row with the file's checksum and row count" python3 -c '
import json, sys
data = open(sys.argv[2], "rb").read()
h = 0xcbf29ce484222325
for b in data:
    h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
rows = [r for r in json.load(open(sys.argv[1])) if r["table"] == "task"]
assert len(rows) == 1 and rows[0]["action"] == "import", rows
v = json.loads(rows[0]["new_values"])
assert v["rows"] == 7 and v["fnv1a"] == "%016x" % h and v["file"].endswith("tasks.csv"), v' "$T/import-audit.json" "$T/tasks.csv"
run --db "$db2" import tasks "$T/tasks.csv"
expect "importing the same codes again is refused" 1 "task N.1 exists already"
# One pass names every bad row, whatever kind of problem came first (issue 14).
printf 'code,title,lead,due\nM.1,"One"x,PC,\nM.2,T\0wo,PC,\nM.3,Three,NOPE,\nN.1,Again,PC,\nM.5,Five,PC,31/02/2026\nM.3,Dup,PC,\n' >"$T/many.csv"
before=$(sqlite3 "$db2" .dump | sha256sum)
run --db "$db2" import tasks "$T/many.csv"
expect "a file with six bad rows is refused (1)" 1 "many.csv: 6 problems; nothing was imported"
for want in "many.csv:2: column 2: text after a closing quote" "many.csv:3: column 2: a NUL byte" \
	"many.csv:4: lead unit NOPE does not exist" "many.csv:5: task N.1 exists already" \
	"many.csv:6: due: expected a date" "many.csv:7: task M.3 comes twice in the file"; do
	check "one pass names: $want" contains "$err" "$want"
done
check "and the database is as it was" test "$(sqlite3 "$db2" .dump | sha256sum)" = "$before"
printf 'code,title,lead,title\nM.1,One,PC,Other\n' >"$T/dup.csv"
run --db "$db2" import tasks "$T/dup.csv"
expect "a header column twice is refused with both columns" 1 'dup.csv:1: column 4: the column "title" comes twice (first in column 2)'
printf 'code,title,colour\n' >"$T/bad.csv"
run --db "$db2" import tasks "$T/bad.csv"
expect "an unknown column is named" 1 'unknown column "colour"'
# A title that a spreadsheet would run as a formula is exported as text, and comes back.
sqlite3 "$db" "UPDATE task SET title = '=SUM(A1:A9)&\"bấm\"' WHERE code = 'I.1'"
# What export writes, import reads (into another plan database).
"$BIN" --db "$db" export tasks -o "$T/all.csv" 2>/dev/null
check "a formula-looking title is written with an apostrophe (CSV injection)" grep -q "^I.1,\"'=SUM(A1:A9)&" "$T/all.csv"
db3=$T/copy.db
"$BIN" --db "$db3" init >/dev/null 2>&1
run --db "$db3" import tasks "$T/all.csv"
expect "an export imports into an empty database" 0
check "the titles came across intact" test "$(sqlite3 "$db3" "SELECT title FROM task WHERE code = 'I.2'")" = "Xây dựng cơ chế, chính sách khuyến khích phát triển hạ tầng thương mại khu vực nông thôn"
check "the formula-looking title comes back without the apostrophe" test "$(sqlite3 "$db3" "SELECT title FROM task WHERE code = 'I.1'")" = '=SUM(A1:A9)&"bấm"'

# Report drafts: every section in the plan's order, HTML that parses with its charts inline.
run --db "$db" report annual 2024
expect "report annual 2024 (Markdown)" 0
check "the report has its ten sections" test "$(grep -c '^## ' "$out")" -eq 10
check "the four contents come first, in the plan's wording and order" \
	test "$(grep '^## ' "$out" | head -4 | cut -c4-5 | tr -d '\n')" = "a)b)c)d)"
check "the sections follow in order" sh -c 'grep "^## " "$1" | tail -5 | tr "\n" "|" | grep -q "^## Reporting|## Inspections and surveys|## Communication activities|## Conferences and meetings|## Proposed adjustments|$"' _ "$out"
check "the indicator table follows the forecast rules" grep -q '^| TMDT-TT .* | 11.17 | - | on track |$' "$out"
check "a growth indicator shows the growth needed over the years still to come" grep -q '^| TMBL-TT .* | 12.69 | 13.2 for 6 years | at risk |$' "$out"
check "the report says its data is demo data" contains "$out" "demo data"
check "difficulties of the year are gathered" contains "$out" "Chờ ý kiến của các bộ, ngành liên quan"
run --db "$db" report final --format html -o "$T/final.html"
expect "report final --format html -o FILE" 0
check "the HTML is well-formed" xmllint --noout "$T/final.html"
check "one SVG per chart (units, five indicators, submissions)" test "$(grep -o '<svg' "$T/final.html" | wc -l)" -eq 7
check "no external URL in the HTML" sh -c '! grep -qiE "https?:|//[a-z]|src=|href=" "$1"' _ "$T/final.html"
check "the HTML is laid out for A4" contains "$T/final.html" "size: A4"
run --db "$db" report annual 2024 --unit PC --all-tasks
expect "a report for one unit" 0
check "a unit's report holds only its tasks" sh -c '! grep -q "^| II.1 " "$1" && grep -q "^| I.1 " "$1"' _ "$out"
run --db "$db" report annual 1999
expect "a year outside the plan is refused (2)" 2 "expected a year from 2021 to 2030"
empty=$T/empty.db
"$BIN" --db "$empty" init >/dev/null 2>&1
run --db "$empty" report midterm
expect "a report on an empty plan is produced" 0
check "an empty plan's sections say there is no data (reporting counts the reports due)" test "$(grep -c 'No data for this section.' "$out")" -eq 5
check "an empty plan's reports due are all missing" grep -q "^40 submissions expected: 0 on time, 0 late, 40 missing" "$out"
check "an empty plan's report invents nothing" sh -c '! grep -q "^| I.1" "$1"' _ "$out"

# The reporting calendar as iCalendar: same UIDs on every run, so a calendar program updates
# its events instead of doubling them; lines folded at 75 octets; CRLF line ends.
sqlite3 "$db" "UPDATE meeting SET date = '2025-12-05', place = 'Hà Nội' WHERE plan_code = 'midterm-2025'"
run --db "$db" calendar -o "$T/plan.ics"
expect "calendar -o FILE" 0
check "the calendar is a VCALENDAR" sh -c 'head -1 "$1" | grep -q "^BEGIN:VCALENDAR" && tail -1 "$1" | grep -q "^END:VCALENDAR"' _ "$T/plan.ics"
check "one event per report due and per dated conference" test "$(grep -c '^BEGIN:VEVENT' "$T/plan.ics")" -eq 11
check "a report deadline is an all-day event on its due date" grep -q '^UID:report-midterm-2021-2025@' "$T/plan.ics"
check "the dated conference is in the calendar" grep -q '^LOCATION:Hà Nội' "$T/plan.ics"
check "every line ends in CRLF" sh -c '! grep -qv "$(printf "\r")\$" "$1"' _ "$T/plan.ics"
check "no line is longer than 75 octets" sh -c 'LC_ALL=C awk "{ if (length(\$0) > 76) exit 1 }" "$1"' _ "$T/plan.ics"
run --db "$db" calendar -o "$T/plan2.ics"
check "a second export gives the same UIDs" sh -c 'test "$(grep ^UID: "$1")" = "$(grep ^UID: "$2")"' _ "$T/plan.ics" "$T/plan2.ics"
check "the file is 0600 whatever the umask (issue 14 point 8)" test "$(stat -c %a "$T/plan.ics")" = 600
"$BIN" --db "$db" calendar >/dev/full 2>"$err"
rc=$?
check "a full disk on standard output is an error, not silence" sh -c 'test "$1" -eq 1 && grep -q "cannot write" "$2"' _ "$rc" "$err"
# The reporting calendar as data: a recorded submission shows in both exports with its status.
sqlite3 "$db" "INSERT INTO submission (report_id, unit_id, submitted_on, doc_number) SELECT r.id, u.id, '2025-01-10', '5/BC' FROM report r JOIN report_rule k ON k.id = r.rule_id, unit u WHERE k.code = 'annual' AND r.period = '2024' AND u.code = 'PC'"
run --db "$db" export reports
expect "export reports" 0
check "the annual report on 2024 counts PC's submission, on time" grep -q '^annual,2024,.*,2025-01-15,all,10,1,1' "$out"
run --db "$db" export submissions
expect "export submissions" 0
check "one row per report and expected unit" test "$(($(wc -l <"$out") - 1))" -eq 100
check "PC's submission is on time" grep -q '^annual,2024,.*,2025-01-15,PC,2025-01-10,5/BC,,on_time' "$out"
check "a unit that did not submit a past report is overdue" grep -q '^annual,2024,.*,2025-01-15,KHTC,,,,overdue' "$out"
check "the report on 2025, due in 26 days, is not yet due by default" grep -q '^annual,2025,.*,2026-01-15,KHTC,,,,not_due' "$out"
printf '[reports]\ndue_soon_days = 30\n' >"$T/soon.ini"
run --db "$db" --config "$T/soon.ini" export submissions
check "[reports] due_soon_days = 30 makes it due soon" grep -q '^annual,2025,.*,2026-01-15,KHTC,,,,due_soon' "$out"
run --db "$db" report annual 2025 --unit PC
check "the report's reporting section counts PC's reports due in 2025" grep -q "^2 submissions expected: 1 on time, 0 late, 1 missing" "$out"
run --db "$db" export meetings --format json
expect "export meetings --format json" 0
check "the meetings are valid JSON with the dated conference" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 2 and d[0]["date"] == "2025-12-05"' "$out"
run --db "$db" export activities
expect "export activities (none yet: the header only)" 0
check "the activities export has its header" test "$(tr -d "\r" <"$out")" = "kind,unit,channel,date,title,reach,status,progress_note"
run --db "$db" calendar --unit NOPE
expect "an unknown unit is refused (2)" 2 "no unit NOPE"

# Users, restricted mode, the audit trail and the period lock, as on a shared server: the
# settings (database, users, export directory) come from the user's file, never the command line.
srv=$T/srv
mkdir -p "$srv/cfg/tiendo" "$srv/exports"
sdb=$srv/tiendo.db
run --db "$sdb" init --demo
expect "a server database" 0
cat >"$srv/cfg/tiendo/tiendo.ini" <<INI
[database]
path = $sdb
[export]
dir = $srv/exports
[users]
lan = editor: VTTTN
xem = viewer
sep = admin
[security]
lock_after_days = 30
INI
srun() { XDG_CONFIG_HOME=$srv/cfg run "$@"; }
srun --user lan --db "$sdb" export units
expect "--db is refused in restricted mode (2)" 2 "--db is not allowed in restricted mode"
srun --user lan --config "$T/soon.ini" export units
expect "--config is refused in restricted mode (2)" 2 "--config is not allowed in restricted mode"
srun --user lan export units -o "$T/outside.csv"
expect "-o outside [export] dir is refused in restricted mode (2)" 2 "files are written only in $srv/exports"
check "and nothing is written there" test ! -e "$T/outside.csv"
srun --user lan export units -o "$srv/exports/../units.csv"
expect "-o that climbs out of [export] dir is refused too (2)" 2 "files are written only in"
srun --user lan export units -o "$srv/exports/units.csv"
expect "-o inside [export] dir is written" 0
check "the export is there" test -s "$srv/exports/units.csv"
srun --user khach export units
expect "an undeclared login is refused (1)" 1 "khach may not use tiendo here: this login is not declared in [users]"
check "the users of [users] are in the database" test "$(sqlite3 "$sdb" "SELECT group_concat(login || ':' || role, ' ') FROM (SELECT login, role FROM app_user WHERE active = 1 ORDER BY login)")" = "lan:editor sep:admin xem:viewer"
srun --user sep import tasks "$T/all.csv"
expect "restricted mode reads files only from [export] dir (2)" 2 "in restricted mode files are read only from $srv/exports"
cp "$T/all.csv" "$srv/exports/all.csv"
srun --user lan import tasks "$srv/exports/all.csv"
expect "an editor may not import tasks (1)" 1 "only an admin may change the plan's tasks; lan is an editor"
# The period lock: 2025 ended on 31 December; with 30 days, February 2026 finds it closed.
TIENDO_TODAY=2026-02-10 srun --user xem period open 2025
expect "a viewer cannot reopen a period (1)" 1 "only an admin may reopen a period; xem is a viewer"
TIENDO_TODAY=2026-02-10 srun --user sep period open 2025
expect "an admin reopens 2025" 0
check "and says so" contains "$out" "Period 2025 is open for changes again."
srun audit --format json
expect "tiendo audit --format json" 0
check "the audit trail is JSON with the users and the reopening" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["action"] for r in d if r["table"] == "period_open"] == ["open"] and d[-1]["login"] == "sep" and len([r for r in d if r["table"] == "app_user"]) == 3, d' "$out"
srun audit --by sep
expect "tiendo audit --by sep" 0
check "--by lists that login's changes only" test "$(tail -n +2 "$out" | cut -d, -f3 | sort -u | tr -d '\r')" = sep
srun audit --since 2999-01-01
check "--since leaves out what came before" test "$(wc -l <"$out")" -eq 1
srun audit --since 31/12/2025
expect "--since takes an ISO date (2)" 2 "--since: expected a date YYYY-MM-DD"
sed -i 's/^\[security\]$/&\nrestricted = yes/' "$srv/cfg/tiendo/tiendo.ini"
srun --db "$sdb" export units
expect "[security] restricted = yes refuses --db without --user too (2)" 2 "--db is not allowed in restricted mode"
srun --config "$T/soon.ini" export units
expect "and a --config file cannot turn it off (2)" 2 "--config is not allowed in restricted mode"

# The full-screen program needs a terminal and says so.
run --db "$db"
expect "without a terminal the program says it needs one (2)" 2 "needs a terminal"

. "$here/database.sh"
# Report drafts with evaluations, activities, submissions, period-true figures (issue 15).
. "$here/reports.sh"
# Backups, reminders, calendar alarms, the system log (issue 16.4).
. "$here/operations.sh"

finish
