# Sourced by tests/cli/run.sh (its run, expect, check, $T, $out, $err): the database file's
# own cases of issue 14 — only init creates, init is whole or nothing, check names a database
# without its plan, the progress subcommand, and the audit trail whole as JSON.

# bytes FILE: the file's exact bytes, and whether SQLite left a -wal or -shm beside it.
bytes() {
	{ sha256sum <"$1"; ls "$1"-wal "$1"-shm 2>/dev/null; } | sha256sum
}

# Only init creates: other commands refuse a file that is not tiendo's and leave it as it was.
dbx=$T/dbx
mkdir -p "$dbx"
: >"$dbx/empty.db"
sqlite3 "$dbx/other.db" "CREATE TABLE notes (t); INSERT INTO notes VALUES ('mine'); PRAGMA journal_mode=WAL;" >/dev/null
for f in empty other; do
	before=$(bytes "$dbx/$f.db")
	run --db "$dbx/$f.db" export tasks
	expect "export tasks refuses $f.db: not a tiendo database (1)" 1 "$dbx/$f.db: not a tiendo database"
	check "and leaves $f.db byte for byte as it was, no -wal or -shm" test "$(bytes "$dbx/$f.db")" = "$before"
	run --db "$dbx/$f.db" progress I.1 10
	expect "progress refuses $f.db too (1)" 1 "not a tiendo database"
done
before=$(bytes "$dbx/other.db")
run --db "$dbx/other.db" init
expect "init does not fill another program's database (1)" 1 "$dbx/other.db: not a tiendo database"
check "which stays as it was" test "$(bytes "$dbx/other.db")" = "$before"
run --db "$dbx/empty.db" init
expect "init fills an empty file" 0
run --db "$dbx/empty.db" check
expect "which check then passes" 0

# init is whole or nothing: a failed init leaves no file behind, not even a temporary one.
run --db "$dbx/failed.db" init --plan "$dbx/missing.ini"
expect "init with a missing plan file fails (2)" 2 "missing.ini"
check "and leaves no database behind" test -z "$(ls -A "$dbx" | grep -v '^empty.db\|^other.db')"
run --db "$dbx/new.db" init --demo
expect "init --demo makes a database" 0
check "whole, with no -wal, -shm or temporary file beside it" \
	test "$(ls -A "$dbx" | grep -c new)" -eq 1
check "marked as tiendo's (application_id)" test "$(sqlite3 "$dbx/new.db" 'PRAGMA application_id')" = 1952739121

# A killed init's temporary file: check says it can go (not a problem).
: >"$dbx/.new.db.init-AbC123"
run --db "$dbx/new.db" check
expect "check passes beside a killed init's temporary file" 0
check "and says it can be deleted" contains "$out" ".new.db.init-AbC123 was left by an init that did not finish"
rm "$dbx/.new.db.init-AbC123"

# check names a database without its plan, and a half-made one.
cp "$dbx/new.db" "$dbx/noplan.db"
sqlite3 "$dbx/noplan.db" "DELETE FROM plan"
run --db "$dbx/noplan.db" check
expect "check names a database without its plan (1)" 1 "$dbx/noplan.db: no plan"
cp "$dbx/new.db" "$dbx/half.db"
sqlite3 "$dbx/half.db" "PRAGMA foreign_keys = OFF; DELETE FROM unit"
run --db "$dbx/half.db" check
expect "and a half-made one (1)" 1 "$dbx/half.db: half-made plan"

# tiendo progress: the form's save from the command line.
pdb=$dbx/new.db
run --db "$pdb" progress II.1 75 --note "Đã khảo sát 12 chợ" --date 2025-12-01
expect "progress saves an update" 0
check "and confirms it" contains "$out" "Saved: II.1 at 75% (in_progress) on 2025-12-01."
check "the task now stands at 75 %" test "$(sqlite3 "$pdb" "SELECT percent FROM task WHERE code = 'II.1'")" -eq 75
check "the update holds the note" test "$(sqlite3 "$pdb" "SELECT count(*) FROM progress_update WHERE done = 'Đã khảo sát 12 chợ'")" -eq 1
run --db "$pdb" progress II.1 60
expect "a lower percent needs a reason (1)" 1 "the percent goes down from 75 to 60: give the reason with --reason"
run --db "$pdb" progress II.1 60 --reason "đánh giá lại"
expect "given, it is saved" 0
run --db "$pdb" progress II.1 100 --status done
expect "done at 100 %" 0
check "the status is done" test "$(sqlite3 "$pdb" "SELECT status FROM task WHERE code = 'II.1'")" = done
run --db "$pdb" progress NOPE 10
expect "an unknown task is named (1)" 1 "task NOPE does not exist"
run --db "$pdb" progress II.2 101
expect "a percent above 100 is a usage error (2)" 2 'percent "101"'
run --db "$pdb" progress II.2 50 --date 2999-01-01
expect "a date after today is refused (1)" 1 "is after today"
run --db "$pdb" progress II.2 50 --status finished
expect "an unknown status is a usage error (2)" 2 '--status: expected not_started'
run --db "$pdb" export tasks --note x
expect "--note goes with progress only (2)" 2 "go with the progress command"
# A viewer may not save (the form's permissions, in the store).
mkdir -p "$dbx/home/.config/tiendo"
cat >"$dbx/home/.config/tiendo/tiendo.ini" <<INI
[database]
path = $pdb
[users]
xem = viewer
admin = admin
INI
HOME=$dbx/home run init
HOME=$dbx/home run --user xem progress II.2 50
expect "a viewer may not enter progress (1)" 1 "enter progress"
check "and nothing was saved" test "$(sqlite3 "$pdb" "SELECT count(*) FROM progress_update WHERE created_by = 'xem'")" -eq 0

# The audit trail: every column whole; the JSON parses; a long note is kept whole.
note=$(python3 -c 'print("Khó khăn về mặt bằng, " * 160, end="")')
run --db "$pdb" progress II.2 80 --note "$note"
expect "progress with a ${#note}-character note" 0
run --db "$pdb" audit --format json
expect "audit --format json" 0
check "the audit JSON parses (python3 -m json.tool)" python3 -m json.tool "$out" /dev/null
check "the long note is in it whole" python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); n=sys.argv[2]
assert any(json.loads(r["new_values"]).get("done") == n for r in d if r["table"] == "progress_update")' "$out" "$note"
check "progress rows name their task by code" python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
assert all(json.loads(r["new_values"])["task"] for r in d if r["table"] == "progress_update")' "$out"
run --db "$pdb" audit
check "the audit CSV holds the note whole too" test "$(grep -o "Khó khăn về mặt bằng" "$out" | wc -l)" -eq 160
