# The database file (issue 14, points 3 and 4) and the progress subcommand: a file that is not
# tiendo's is refused by every command but init (which fills only an empty one), exit 1, the
# message naming the file, and the file stays byte for byte as it was, with no -wal or -shm
# left beside it; progress refuses bad arguments (2) and refused saves (1) and changes nothing.

# exact FILE...: besides the runner's guard (an SQLite file's .dump), FILE's bytes and the
# absence of FILE-wal and FILE-shm are checked after the next case ("… byte for byte").
exact_files=()
exact() {
	local f
	exact_files=()
	for f in "$@"; do exact_files+=("$f" "$(_bytes "$f")"); done
	guard "$@"
}
_bytes() {
	{ if [ -f "$1" ]; then sha256sum <"$1"; elif [ -e "$1" ]; then echo other; else echo absent; fi
		ls -d "$1"-wal "$1"-shm "$1"-journal 2>/dev/null; } | sha256sum
}
_exact_check() { # name
	local i changed=()
	for ((i = 0; i < ${#exact_files[@]}; i += 2)); do
		[ "$(_bytes "${exact_files[i]}")" = "${exact_files[i + 1]}" ] || changed+=("changed: ${exact_files[i]}")
	done
	if [ ${#changed[@]} -eq 0 ]; then ok "$1: byte for byte"; else not_ok "$1: byte for byte" "${changed[@]}"; fi
}
badx() { # as bad, then the exact check
	bad "$@"
	_exact_check "$1"
}

foreign() { # FILE [journal mode]: another program's SQLite database
	sqlite3 "$1" "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('not tiendo''s');
		PRAGMA journal_mode = ${2:-DELETE};" >/dev/null
}

fresh
: >"$W/empty.db"
exact "$W/empty.db"
badx "export tasks on an empty file" 1 "$W/empty.db: not a tiendo database (an empty file)" --db "$W/empty.db" export tasks
fresh
: >"$W/empty.db"
exact "$W/empty.db"
badx "check on an empty file" 1 "$W/empty.db: not a tiendo database" --db "$W/empty.db" check
fresh
: >"$W/empty.db"
exact "$W/empty.db"
badx "progress on an empty file" 1 "$W/empty.db: not a tiendo database" --db "$W/empty.db" progress I.1 10
fresh
printf 'Danh sách nhiệm vụ\n' >"$W/notes.txt"
exact "$W/notes.txt"
badx "export on a text file" 1 "$W/notes.txt: not a tiendo database (not an SQLite file)" --db "$W/notes.txt" export units
fresh
printf 'Danh sách nhiệm vụ\n' >"$W/notes.txt"
exact "$W/notes.txt"
badx "init on a text file" 1 "$W/notes.txt: not a tiendo database" --db "$W/notes.txt" init
fresh
printf 'x\n' >"$W/notes.txt"
exact "$W/notes.txt"
badx "audit on a text file" 1 "$W/notes.txt: not a tiendo database" --db "$W/notes.txt" audit
fresh
foreign "$W/other.db"
exact "$W/other.db"
badx "export tasks on someone else's SQLite database" 1 "$W/other.db: not a tiendo database (an SQLite database of another program)" --db "$W/other.db" export tasks
fresh
foreign "$W/other.db" WAL
exact "$W/other.db"
badx "export on someone else's database in WAL mode" 1 "$W/other.db: not a tiendo database" --db "$W/other.db" export progress
fresh
foreign "$W/other.db"
exact "$W/other.db"
badx "init does not fill someone else's database" 1 "$W/other.db: not a tiendo database" --db "$W/other.db" init --demo
fresh
foreign "$W/other.db"
exact "$W/other.db"
badx "check on someone else's database" 1 "$W/other.db: not a tiendo database" --db "$W/other.db" check
fresh
sqlite3 "$W/lookalike.db" "CREATE TABLE plan (x); CREATE TABLE task (y); PRAGMA user_version = 3;"
exact "$W/lookalike.db"
badx "a database with a plan table and a version, not tiendo's" 1 "$W/lookalike.db: not a tiendo database" --db "$W/lookalike.db" export tasks
fresh
sqlite3 "$W/app.db" "PRAGMA application_id = 1234; CREATE TABLE plan (x);"
exact "$W/app.db"
badx "another program's application_id" 1 "$W/app.db: not a tiendo database" --db "$W/app.db" calendar
fresh
cp "$DB" "$W/newer.db"
sqlite3 "$W/newer.db" "PRAGMA user_version = 99"
exact "$W/newer.db"
badx "export on a newer tiendo's database" 1 "schema version 99, but this tiendo knows only up to" --db "$W/newer.db" export tasks
fresh
cp "$DB" "$W/newer.db"
sqlite3 "$W/newer.db" "PRAGMA user_version = 99"
exact "$W/newer.db"
badx "init does not touch a newer tiendo's database" 1 "$W/newer.db: the database has schema version 99" --db "$W/newer.db" init
fresh
cp "$DB" "$W/newer.db"
sqlite3 "$W/newer.db" "PRAGMA user_version = 99"
exact "$W/newer.db"
badx "progress on a newer tiendo's database" 1 "schema version 99" --db "$W/newer.db" progress I.2 60
fresh
head -c 20000 "$DB" >"$W/cut.db"
exact "$W/cut.db"
badx "export on a truncated database" 1 "$W/cut.db: the database is damaged" --db "$W/cut.db" export tasks
fresh
head -c 20000 "$DB" >"$W/cut.db"
exact "$W/cut.db"
badx "check on a truncated database" 1 "$W/cut.db: the database is damaged" --db "$W/cut.db" check
fresh
mkdir "$W/dir.db"
exact "$W/dir.db"
badx "a directory as the database" 1 "$W/dir.db: is a directory" --db "$W/dir.db" export tasks
fresh
mkdir "$W/dir.db"
exact "$W/dir.db"
badx "init on a directory" 1 "$W/dir.db: is a directory" --db "$W/dir.db" init
fresh
exact "$W/nowhere/plan.db"
badx "export where there is no database" 1 "$W/nowhere/plan.db: no database here" --db "$W/nowhere/plan.db" export tasks
fresh
cp "$DB" "$W/noplan.db"
sqlite3 "$W/noplan.db" "DELETE FROM plan"
guard "$W/noplan.db"
bad "check on a database without its plan" 1 "$W/noplan.db: no plan: the database has its tables but no plan" --db "$W/noplan.db" check
fresh
cp "$DB" "$W/half.db"
sqlite3 "$W/half.db" "PRAGMA foreign_keys = OFF; DELETE FROM phase"
guard "$W/half.db"
bad "check on a half-made database" 1 "$W/half.db: half-made plan" --db "$W/half.db" check
fresh
exact "$W/failed.db"
badx "init with a missing plan file leaves no database" 2 "does not exist" --db "$W/failed.db" init --plan "$W/missing.ini"
fresh
printf '[plan]\ncode = x\n' >"$W/broken.ini"
exact "$W/failed.db"
bad "init with a broken plan file leaves no database" 2 "$W/broken.ini" --db "$W/failed.db" init --plan "$W/broken.ini"
check "  and no temporary file beside it" test -z "$(ls -A "$W" | grep 'failed\|\.init-')"
if [ "$(id -u)" -ne 0 ]; then
	fresh
	cp "$DB" "$W/ro.db"
	chmod 444 "$W/ro.db"
	guard "$W/ro.db"
	bad "progress on a read-only database" 1 "$W/ro.db: the database is read-only" --db "$W/ro.db" progress I.2 60
fi

# The progress subcommand's misuse: the demo database is guarded by fresh.
fresh
bad "progress without its percent" 2 "progress TASK PERCENT" progress I.2
fresh
bad "progress without anything" 2 "progress TASK PERCENT" progress
fresh
bad "progress with a percent that is not a number" 2 'percent "abc"' progress I.2 abc
fresh
bad "progress with a negative percent" 2 'percent "-5"' progress I.2 -- -5
fresh
bad "progress above 100 %" 2 'percent "150"' progress I.2 150
fresh
bad "progress with an unknown status" 2 '--status: expected not_started' progress I.2 60 --status finished
fresh
bad "progress with a date not in ISO form" 2 '--date: expected a date YYYY-MM-DD; got "01/12/2025"' progress I.2 60 --date 01/12/2025
fresh
bad "progress dated after today" 1 "I.2: --date 2026-01-01 is after today (2025-12-20); nothing was saved" progress I.2 60 --date 2026-01-01
fresh
bad "progress dated before the task starts" 1 "is before the task starts (2022-06-01)" progress I.2 60 --date 2022-01-01
fresh
bad "progress on a task that does not exist" 1 "task IX.99 does not exist" progress IX.99 60
fresh
bad "progress going down without a reason" 1 "the percent goes down from 55 to 10: give the reason with --reason TEXT" progress I.2 10
fresh
bad "done below 100 % without a reason" 1 "the status is done but the percent is 90" progress I.2 90 --status done
fresh
bad "a note that is not UTF-8" 2 "--note: the text is not valid UTF-8" progress I.2 60 --note "$(printf 'ch\xe1\xbb')"
fresh
bad "a note longer than the form takes" 2 "--note:" progress I.2 60 --note "$(head -c 4001 /dev/zero | tr '\0' x)"
fresh
bad "a reason longer than the form takes" 2 "--reason:" progress I.2 10 --reason "$(head -c 501 /dev/zero | tr '\0' x)"
fresh
bad "progress with one argument too many" 2 'unexpected argument "extra"' progress I.2 60 extra
fresh
bad "--status without progress" 2 "go with the progress command" export tasks --status done
fresh
bad "--date without its value" 2 "needs a value" progress I.2 60 --date
fresh
printf '[database]\npath = %s\n[users]\nxem = viewer\nlan = admin\n' "$DB" >"$CONF"
"$BIN" init >/dev/null 2>&1
guarded=()
guard "$DB" "$CONF"
bad "a viewer may not save progress" 1 "enter progress" --user xem progress I.2 60
