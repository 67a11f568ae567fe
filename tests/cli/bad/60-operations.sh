# Operations (issue 16.4): backup, remind and the calendar's remind_days. Nothing may change:
# the live database, an existing file, a file that is not tiendo's, and no half copy is left.

# backup
fresh
echo "last week's copy" >"$W/exports/old.db"
guard "$W/exports/old.db"
bad "backup onto an existing file is refused, naming it" 1 "$W/exports/old.db: the file exists already" \
	backup "$W/exports/old.db"
fresh
bad "backup onto the live database itself is refused" 1 "the file exists already" backup "$DB"
fresh
ln -s "$W/planted-target" "$W/exports/link.db"
guard "$W/planted-target" "$W/exports/link.db"
bad "backup onto a planted symlink is refused and the target is not made" 1 "the file exists already" \
	backup "$W/exports/link.db"
fresh
guard "$W/missing/copy.db"
bad "backup into a directory that does not exist names the file" 1 "$W/missing/copy.db: cannot create the backup" \
	backup "$W/missing/copy.db"
fresh
echo "minutes of the meeting" >"$W/notes.txt"
guard "$W/notes.txt" "$W/exports/copy.db"
bad "backup of a file that is not a database is refused" 1 "not a tiendo database" \
	--db "$W/notes.txt" backup "$W/exports/copy.db"
fresh
sqlite3 "$W/other.db" "CREATE TABLE invoice (no INTEGER); INSERT INTO invoice VALUES (1)"
guard "$W/other.db" "$W/exports/copy.db"
bad "backup of another program's SQLite file is refused and leaves it alone" 1 \
	"not a tiendo database (an SQLite database of another program)" --db "$W/other.db" backup "$W/exports/copy.db"
fresh
bad "backup without a file name says what it needs" 2 "backup needs the name of the new file" backup
fresh
bad "backup with two file names is a usage error" 2 'unexpected argument "b.db"' backup a.db b.db
fresh
mkdir -p "$W/srv/tiendo"
printf '[database]\npath = %s\n[export]\ndir = %s\n[users]\nboss = admin\nan = viewer\n' "$DB" "$W/exports" \
	>"$W/srv/tiendo/tiendo.ini"
XDG_CONFIG_HOME=$W/srv "$BIN" --user boss export units >/dev/null 2>&1 # the users, synchronised
guarded=()
guard "$DB" "$CONF" "$W/srv/tiendo/tiendo.ini" "$W/outside.db" "$W/exports/an.db"
badenv "in restricted mode a backup outside [export] dir is refused" 2 "[export] dir" \
	XDG_CONFIG_HOME="$W/srv" -- --user boss backup "$W/outside.db"
badenv "a viewer may not back up" 1 "only an admin or the owner of the database file" \
	XDG_CONFIG_HOME="$W/srv" -- --user an backup "$W/exports/an.db"

# remind
fresh
bad "remind --days must be a whole number" 2 '--days: expected a whole number of days from 0 to 365; got "soon"' \
	remind --days soon
fresh
bad "remind --days may not be negative" 2 'got "-1"' remind --days -1
fresh
bad "remind --days may not pass 365" 2 'got "1000"' remind --days 1000
fresh
bad "remind --unit of a unit that does not exist" 2 "--unit: no unit NOPE" remind --unit NOPE
fresh
echo "yesterday's reminder" >"$W/exports/remind.txt"
guard "$W/exports/remind.txt"
bad "remind --format of an unknown kind keeps the -o file" 2 '--format: expected text, csv or json; got "xml"' \
	remind --format xml -o "$W/exports/remind.txt"
fresh
guard "$W/missing/remind.txt"
bad "remind -o into a directory that does not exist" 1 "$W/missing/remind.txt: cannot write" \
	remind -o "$W/missing/remind.txt"
fresh
bad "--days goes with remind only" 2 "--days goes with the remind command" calendar --days 3

# [reports] remind_days
for v in "7,,1" "a week" "400" "7, 7" "-1" "1.5"; do
	fresh
	printf '[reports]\nremind_days = %s\n' "$v" >"$W/alarms.ini"
	guard "$W/alarms.ini" "$W/exports/cal.ics"
	bad "remind_days = $v is refused naming file, section and key" 2 \
		"$W/alarms.ini: [reports] remind_days: expected whole numbers of days from 0 to 365" \
		--config "$W/alarms.ini" calendar -o "$W/exports/cal.ics"
done
fresh
printf '[reports]\nremind_days = 1, 2, 3, 4, 5, 6, 7, 8, 9\n' >"$W/alarms.ini"
guard "$W/alarms.ini" "$W/exports/cal.ics"
bad "more than 8 remind_days are refused" 2 "$W/alarms.ini: [reports] remind_days: at most 8 values" \
	--config "$W/alarms.ini" calendar -o "$W/exports/cal.ics"
