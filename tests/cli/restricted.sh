#!/bin/bash
# Restricted mode on a shared server (issue 14 points 1, 5 and 8; issue 16 point 2), with the
# real binary on real files: no subcommand leaves restricted mode, nothing is read or written
# through a link planted in [export] dir, files are 0600 (0640 with [security] group) whatever
# the umask, and SSH_ORIGINAL_COMMAND runs only the commands that bring files in and out, on
# standard input and output, writing nothing to disk.
set -u
BIN=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

T=$(mktemp -d)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export HOME=$T/home TIENDO_TODAY=2025-12-20 LANG=C.UTF-8 LANGUAGE=en
unset XDG_CONFIG_HOME XDG_DATA_HOME LC_ALL SSH_ORIGINAL_COMMAND
mkdir -p "$HOME"
cd "$T" || exit 1
out=$T/out
err=$T/err

run() { # ARGS...: stdout in $out, stderr in $err, status in $rc (stdin from $STDIN)
	timeout 30 "$BIN" "$@" >"$out" 2>"$err" <"${STDIN:-/dev/null}"
	rc=$?
}
expect() { # name want-status want-stderr-text
	if [ "$rc" -eq "$2" ] && { [ -z "${3:-}" ] || contains "$err" "$3"; } &&
		! grep -qE 'Sanitizer|runtime error' "$err"; then
		ok "$1"
	else
		not_ok "$1" "status $rc (want $2)" "stderr: $(head -c 600 "$err")" "want: ${3:-}"
	fi
}

# The server: one account owns the database, the settings and the export directory; outside
# it, files a session must never touch: another tiendo database, a settings file, a victim.
srv=$T/srv
exports=$srv/exports
sdb=$srv/db/tiendo.db
outside=$T/outside
mkdir -p "$srv/cfg/tiendo" "$exports" "$outside"
export XDG_CONFIG_HOME=$srv/cfg
"$BIN" --db "$sdb" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; finish; exit 1; }
cp "$sdb" "$outside/other.db"
echo "nothing to see" >"$outside/victim.txt"
printf 'code,title,lead\nZ.1,Nhiệm vụ ngoài,VTTTN\n' >"$outside/tasks.csv"
printf '[database]\npath = %s\n[security]\nrestricted = no\n' "$outside/other.db" >"$outside/evil.ini"
cat >"$srv/cfg/tiendo/tiendo.ini" <<INI
[database]
path = $sdb
[export]
dir = $exports
[users]
lan = editor: VTTTN
xem = viewer
sep = admin
INI
printf 'code,title,lead\nN.1,Nhiệm vụ mới,VTTTN\nN.2,Nhiệm vụ mới hai,TMDT\n' >"$exports/in.csv"
run --user sep check # the users into the database once, before anything is compared
expect "the server's database is ready" 0

snapshot() { # everything outside [export] dir: name and content (a database by its dump)
	find "$T" -path "$exports" -prune -o -type f -print | sort | while read -r f; do
		case "$f" in
		"$out" | "$err" | "$T/snap"*) continue ;;
		*.db) printf '%s %s\n' "$f" "$(sqlite3 "$f" .dump | sha256sum)" ;;
		*) printf '%s %s\n' "$f" "$(sha256sum <"$f")" ;;
		esac
	done
}
unchanged() { # name: nothing outside [export] dir changed since the last snapshot
	snapshot >"$T/snap.after"
	if cmp -s "$T/snap.before" "$T/snap.after" && [ -z "$(find "$T" -path "$exports" -prune -o \
		-type f -newer "$T/snap.before" ! -name out ! -name err ! -name 'snap.*' -print)" ]; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$T/snap.before" "$T/snap.after" | head -5)" \
			"newer: $(find "$T" -path "$exports" -prune -o -type f -newer "$T/snap.before" -print | head -5)"
	fi
}

# --- Issue 14 point 1: every subcommand, as a viewer, with -o outside, --db and --config. ---
# The commands come from --help, so one added later is tried too; the ones we know get the
# arguments that make them run.
mapfile -t commands < <("$BIN" --help | sed -n '/^Commands:/,/^$/p' | sed -nE 's/^  ([a-z]+)( .*|$)/\1/p' | sort -u)
check "--help lists the commands (${#commands[@]})" test "${#commands[@]}" -ge 8
args_of() {
	case "$1" in
	export) echo "tasks" ;;
	import) echo "tasks $exports/in.csv" ;;
	report) echo "annual 2025" ;;
	period) echo "open 2025" ;;
	*) echo "" ;;
	esac
}
snapshot >"$T/snap.before"
sleep 1 # find -newer has one-second steps on some file systems
tried=0
for c in "" "${commands[@]}"; do
	# shellcheck disable=SC2046 # words on purpose
	for attack in "-o $outside/victim.txt" "-o $sdb" "-o $srv/cfg/tiendo/tiendo.ini" \
		"--db $outside/other.db" "--config $outside/evil.ini" "-d$outside/other.db" \
		"--output=$outside/new.txt"; do
		run --user xem $c $(args_of "$c") $attack
		tried=$((tried + 1))
		if [ "$rc" -ne 2 ]; then
			not_ok "xem: tiendo --user xem $c $attack is refused (2)" "status $rc" "$(head -c 300 "$err")"
		fi
	done
	# The escape of issue 14: audit took --user as its filter and left restricted mode.
	run --user xem $c $(args_of "$c") --user "" -o "$outside/victim.txt"
	[ "$rc" -eq 2 ] || not_ok "xem: $c with a second, empty --user is refused (2)" "status $rc"
done
ok "$tried viewer commands with -o outside, --db or --config were all refused (2)"
run --user xem audit -o "$outside/victim.txt"
expect "audit -o outside is refused as every writer is (2)" 2 "in restricted mode files are written only in $exports"
run --user xem audit --user sep -o "$sdb"
expect "audit -o onto the database is refused (2)" 2 "in restricted mode files are written only in"
run --user xem audit --db "$outside/other.db"
expect "audit --db is refused (2)" 2 "--db is not allowed in restricted mode"
run --user xem audit --config "$outside/evil.ini"
expect "audit --config is refused (2)" 2 "--config is not allowed in restricted mode"
run --user "" export units
expect "--user \"\" is refused (2)" 2 'not a login'
run --user 'a b' export units
expect "--user with a space is refused (2)" 2 'not a login'
unchanged "nothing outside [export] dir changed: no file, no database row"

run --user xem audit --by sep --format json -o "$exports/audit.json"
expect "audit --by LOGIN filters and writes inside [export] dir" 0
check "the audit file is JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$exports/audit.json"
run --user sep audit --by sep
expect "an admin's audit --by sep" 0
check "--by keeps that login's changes only" test "$(tail -n +2 "$out" | cut -d, -f3 | sort -u | tr -d '\r')" = sep
run --user xem export units --by sep
expect "--by goes with audit only (2)" 2 "--since and --by go with the audit command"

# [security] restricted = yes in the user's file: decided before a --config file is read (a
# broken one would otherwise be named).
cp "$srv/cfg/tiendo/tiendo.ini" "$T/saved.ini"
printf '%s = viewer\n[security]\nrestricted = yes\n' "$(id -un)" >>"$srv/cfg/tiendo/tiendo.ini"
printf '[ui\nbroken' >"$outside/broken.ini"
run --config "$outside/broken.ini" audit
expect "[security] restricted refuses --config before reading it (2)" 2 "--config is not allowed in restricted mode"
check "and does not read it" sh -c '! grep -q broken.ini "$1"' _ "$err"
run -o "$outside/victim.txt" audit
expect "[security] restricted without --user: audit -o outside refused (2)" 2 "files are written only in"
cp "$T/saved.ini" "$srv/cfg/tiendo/tiendo.ini"
run --user sep check # the users as they were, into the database

# --- Issue 14 point 5: links planted in [export] dir. ---
ln -s "$outside/tasks.csv" "$exports/link.csv"
ln -s "$outside" "$exports/sub"
ln -s "$outside/victim.txt" "$exports/victim.csv"
ln -s "$outside/absent.csv" "$exports/dangling.csv"
snapshot >"$T/snap.before"
sleep 1
run --user sep import tasks "$exports/link.csv"
expect "import through a link in [export] dir is refused (2)" 2 "a symbolic link; in restricted mode files are read only as plain files"
run --user sep import tasks link.csv --dry-run
expect "also by a relative name from elsewhere (2)" 2 "" # not in [export] dir from here
run --user sep import tasks "$exports/sub/tasks.csv"
expect "import through a linked directory is refused (2)" 2 "files are read only from $exports"
mkfifo "$exports/fifo.csv"
run --user sep import tasks "$exports/fifo.csv"
expect "import of a FIFO in [export] dir is refused, without waiting (2)" 2 "not a plain file"
run --user sep export units -o "$exports/victim.csv"
expect "-o onto a link in [export] dir is refused (2)" 2 "not a plain file (a symbolic link?)"
run --user sep export units -o "$exports/dangling.csv"
expect "-o onto a dangling link is refused too (2)" 2 "not a plain file"
check "the link is still a link" test -L "$exports/victim.csv"
check "and the outside file it points to was not created" test ! -e "$outside/absent.csv"
run --user sep export units -o "$exports/sub/units.csv"
expect "-o through a linked directory is refused (2)" 2 "files are written only in"
unchanged "nothing outside [export] dir changed: the victim, the tasks, the database"
check "the victim still says what it said" test "$(cat "$outside/victim.txt")" = "nothing to see"
(cd "$exports" && "$BIN" --user sep import tasks in.csv --dry-run >"$out" 2>"$err")
rc=$?
expect "a plain file in [export] dir is read (dry run)" 0
rm -f "$exports/fifo.csv"

# --- Issue 14 point 8: modes, whatever the umask. ---
mdir=$T/modes
mkdir -p "$mdir"
(umask 000 && "$BIN" --db "$mdir/new.db" init >/dev/null 2>&1)
check "with umask 000 a new database is 0600" test "$(stat -c %a "$mdir/new.db")" = 600
(umask 000 && "$BIN" --db "$mdir/new.db" export units -o "$mdir/units.csv" 2>/dev/null)
check "with umask 000 an export (-o) is 0600" test "$(stat -c %a "$mdir/units.csv")" = 600
# An old database left 0644 with its -wal and -shm 0666: tightened at the next start. A
# second connection holds them open so that they outlive tiendo's.
chmod 644 "$mdir/new.db"
python3 - "$mdir/new.db" "$T/hold" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM unit").fetchall()
os.chmod(sys.argv[1] + "-wal", 0o666)
os.chmod(sys.argv[1] + "-shm", 0o666)
open(sys.argv[2], "w").close()
for _ in range(100):
    if not os.path.exists(sys.argv[2]):
        break
    time.sleep(0.05)
PY
holder=$!
for _ in $(seq 50); do [ -e "$T/hold" ] && break; sleep 0.1; done
(umask 000 && "$BIN" --db "$mdir/new.db" export units >/dev/null 2>&1)
check "an old 0644 database becomes 0600" test "$(stat -c %a "$mdir/new.db")" = 600
check "its -wal and -shm become 0600 too" test "$(stat -c %a "$mdir/new.db-wal") $(stat -c %a "$mdir/new.db-shm")" = "600 600"
rm -f "$T/hold"
wait "$holder"
if [ "$(id -u)" -eq 0 ]; then grp=daemon; else grp=$(id -gn); fi
printf '[security]\ngroup = %s\n' "$grp" >"$mdir/group.ini"
(umask 000 && "$BIN" --config "$mdir/group.ini" --db "$mdir/g.db" init >/dev/null 2>&1)
check "with [security] group a new database is 0640 and that group" \
	test "$(stat -c '%a %G' "$mdir/g.db")" = "640 $grp"
(umask 077 && "$BIN" --config "$mdir/group.ini" --db "$mdir/g.db" export units -o "$mdir/g.csv" 2>/dev/null)
check "and an export is 0640 and that group, even with umask 077" \
	test "$(stat -c '%a %G' "$mdir/g.csv")" = "640 $grp"
printf '[security]\ngroup = no-such-group-here\n' >"$mdir/nogroup.ini"
run --config "$mdir/nogroup.ini" --db "$mdir/g.db" export units
expect "an unknown group is a settings error naming file, section and key (2)" 2 "$mdir/nogroup.ini: [security] group: no group \"no-such-group-here\""

# --- -o - is standard output, in every writer, outside restricted mode too. ---
run --db "$sdb" export units -o -
check "export -o - writes to standard output" sh -c 'head -1 "$1" | grep -q "^code,"' _ "$out"
run --db "$sdb" report annual 2025 -o -
check "report -o - writes to standard output" contains "$out" "2025"
run --db "$sdb" calendar -o -
check "calendar -o - writes to standard output" contains "$out" "BEGIN:VCALENDAR"
run --db "$sdb" audit -o -
check "audit -o - writes to standard output" sh -c 'head -1 "$1" | grep -q "^id,at,login"' _ "$out"
check "and no file named - is made" test ! -e "$T/-"
STDIN=$exports/in.csv run --db "$sdb" import tasks - --dry-run
expect "import tasks - reads standard input" 0
check "and names it" contains "$out" "standard input: 2 tasks checked"

# --- Issue 16 point 2: SSH_ORIGINAL_COMMAND in restricted mode. ---
ssh_run() { # login command [stdin]
	SSH_ORIGINAL_COMMAND=$2 timeout 30 "$BIN" --user "$1" >"$out" 2>"$err" <"${3:-/dev/null}"
	rc=$?
}
snapshot >"$T/snap.before"
sleep 1
before_exports=$(ls -la --time-style=full-iso "$exports" | sha256sum)
ssh_run xem "report annual 2025 --format md"
expect "ssh report annual 2025 --format md runs for a viewer" 0
check "the draft comes on standard output" contains "$out" "2025"
ssh_run xem "report annual 2025 --format html -o -"
expect "ssh report … -o - runs" 0
check "the HTML comes on standard output" contains "$out" "<html"
ssh_run xem "export tasks --format json"
expect "ssh export tasks --format json runs" 0
check "the JSON comes on standard output" python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) > 0' "$out"
ssh_run xem "tiendo export units"
expect "a leading word tiendo is tolerated" 0
ssh_run xem "calendar --unit VTTTN"
expect "ssh calendar --unit VTTTN runs" 0
check "the calendar comes on standard output" contains "$out" "BEGIN:VCALENDAR"
ssh_run xem "audit --since 2025-01-01 --by 'sep'"
expect "ssh audit with quoted words runs" 0
ssh_run xem "check"
expect "ssh check runs" 0
check "and says so" contains "$out" "No problems found."
ssh_run lan "import tasks -" "$exports/in.csv"
expect "an editor still may not import tasks over SSH (1)" 1 "only an admin may change the plan's tasks; lan is an editor"
ssh_run sep "import tasks - --dry-run" "$exports/in.csv"
expect "an admin's dry run over SSH" 0
for refused in "init" "init --demo" "period open 2025" "backup /tmp/x" "frobnicate" "--help" \
	"tiendo" "export tasks -o $exports/t.csv" "export tasks -o $outside/t.csv" \
	"export tasks --output=t.csv" "export tasks --db $outside/other.db" \
	"export tasks -d$outside/other.db" "check --config $outside/evil.ini" \
	"export tasks --user sep" "audit -u sep" "import tasks $exports/in.csv" \
	"import tasks" "export tasks; sh" "export tasks | sh" "export tasks > $outside/x" \
	'report annual $(id)' "export 'tasks" "sh -c id" "/bin/sh" "bash" "scp -t /tmp"; do
	ssh_run xem "$refused"
	expect "ssh \"$refused\" is refused (2)" 2 "SSH command refused"
done
ssh_run sep "import tasks $exports/in.csv"
expect "an admin's import from a file is refused over SSH too (2)" 2 "over SSH import reads standard input"
ssh_run xem "report annual 2025 --format md"
check "no SSH command opens the screens" sh -c '! grep -q "needs a terminal" "$1"' _ "$err"
unchanged "the SSH commands wrote nothing outside [export] dir, not even the database"
check "nor inside it" test "$(ls -la --time-style=full-iso "$exports" | sha256sum)" = "$before_exports"
ssh_run sep "import tasks -" "$exports/in.csv"
expect "an admin imports tasks from standard input over SSH" 0
check "the tasks are in the database" test "$(sqlite3 "$sdb" "SELECT count(*) FROM task WHERE code LIKE 'N.%'")" = 2
changed=$(find "$T" -path "$exports" -prune -o -type f -newer "$T/snap.before" ! -name out ! -name err ! -name 'snap.*' -print)
check "and only the database file changed (no -wal, -shm or other file left)" test "$changed" = "$sdb"
SSH_ORIGINAL_COMMAND="" run --user xem
expect "an empty SSH command opens the screens as usual (here: no terminal, 2)" 2 "needs a terminal"
SSH_ORIGINAL_COMMAND="init" run --db "$T/plain.db" export units
check "outside restricted mode SSH_ORIGINAL_COMMAND is ignored" test "$rc" -eq 1 -a ! -e "$T/plain.db"

finish
