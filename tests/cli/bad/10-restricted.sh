# Restricted mode (issue 14 points 1, 5, 8; issue 16 point 2): ways out of it, files through
# links planted in [export] dir, commands sent over SSH, and options used wrongly. Every case
# guards the database, the settings and the files outside [export] dir it aims at.

r10_fresh() { # fresh, with users declared (already in the database) and files to aim at
	fresh
	printf '[users]\nlan = editor: VTTTN\nxem = viewer\nsep = admin\n' >>"$CONF"
	"$BIN" --user sep check >/dev/null 2>&1
	mkdir -p "$W/outside"
	echo "nothing to see" >"$W/outside/victim.txt"
	printf 'code,title,lead\nZ.1,Ngoài,VTTTN\n' >"$W/outside/tasks.csv"
	printf '[database]\npath = %s\n' "$W/outside/other.db" >"$W/outside/evil.ini"
	cp "$DB" "$W/outside/other.db"
	printf 'code,title,lead\nN.1,Nhiệm vụ mới,VTTTN\n' >"$W/exports/in.csv"
	guarded=()
	guard "$DB" "$CONF" "$W/outside/victim.txt" "$W/outside/tasks.csv" "$W/outside/other.db" \
		"$W/outside/evil.ini"
}

# A second --user, or audit's old --user, do not leave restricted mode.
r10_fresh
bad "restricted: --user \"\" is refused" 2 "not a login" --user "" export units
r10_fresh
bad "restricted: --user with a space is refused" 2 "not a login" --user "a b" export units
r10_fresh
bad "restricted: audit -o outside [export] dir is refused" 2 "files are written only in $W/exports" \
	--user xem audit -o "$W/outside/victim.txt"
r10_fresh
bad "restricted: audit -o onto the database is refused" 2 "files are written only in" \
	--user xem audit -o "$DB"
r10_fresh
bad "restricted: audit -o onto the settings file is refused" 2 "files are written only in" \
	--user xem audit --format json -o "$CONF"
r10_fresh
bad "restricted: audit --db is refused" 2 "--db is not allowed in restricted mode" \
	--user xem audit --db "$W/outside/other.db"
r10_fresh
bad "restricted: audit --config is refused" 2 "--config is not allowed in restricted mode" \
	--user xem audit --config "$W/outside/evil.ini"
r10_fresh
bad "restricted: audit with a second, empty --user is refused" 2 "not a login" \
	--user xem audit --user "" -o "$W/outside/victim.txt"
r10_fresh
bad "restricted: --by goes with audit only" 2 "--since and --by go with the audit command" \
	--user xem export units --by sep
r10_fresh
bad "restricted: audit --by without a login says so" 2 "needs a value" --user xem audit --by
r10_fresh
printf '[security]\nrestricted = yes\n' >>"$CONF"
printf '[ui\n' >"$W/outside/broken.ini"
guarded=()
guard "$DB" "$CONF" "$W/outside/other.db"
bad "restricted = yes: --config refused before it is read" 2 "--config is not allowed in restricted mode" \
	--config "$W/outside/broken.ini" audit
r10_fresh
printf '[security]\ngroup = no-such-group-here\n' >>"$CONF"
guarded=()
guard "$DB" "$CONF"
bad "[security] group: an unknown group is named" 2 '[security] group: no group "no-such-group-here"' \
	--user xem export units

# Links and odd files planted in [export] dir.
r10_fresh
ln -s "$W/outside/tasks.csv" "$W/exports/link.csv"
bad "restricted: import through a link in [export] dir is refused" 2 "a symbolic link" \
	--user sep import tasks "$W/exports/link.csv"
r10_fresh
ln -s "$W/outside" "$W/exports/sub"
bad "restricted: import through a linked directory is refused" 2 "files are read only from" \
	--user sep import tasks "$W/exports/sub/tasks.csv"
r10_fresh
mkfifo "$W/exports/fifo.csv"
bad "restricted: import of a FIFO is refused without waiting" 2 "not a plain file" \
	--user sep import tasks "$W/exports/fifo.csv"
r10_fresh
ln "$W/outside/tasks.csv" "$W/exports/hard.csv"
bad "restricted: import of a hard link to a file elsewhere is refused" 2 "not a plain file" \
	--user sep import tasks "$W/exports/hard.csv"
r10_fresh
mkdir "$W/exports/adir"
bad "restricted: import of a directory is refused" 2 "not a plain file" \
	--user sep import tasks "$W/exports/adir"
r10_fresh
ln -s "$W/outside/victim.txt" "$W/exports/victim.csv"
bad "restricted: -o onto a link in [export] dir is refused" 2 "not a plain file (a symbolic link?)" \
	--user sep export units -o "$W/exports/victim.csv"
r10_fresh
ln -s "$W/outside/absent.csv" "$W/exports/dangling.csv"
guard "$W/outside/absent.csv"
bad "restricted: -o onto a dangling link is refused" 2 "not a plain file" \
	--user sep export units -o "$W/exports/dangling.csv"
r10_fresh
bad "restricted: -o a dot file in [export] dir is refused" 2 "files are written only in" \
	--user sep export units -o "$W/exports/.profile"
r10_fresh
bad "restricted: -o that climbs out is refused" 2 "files are written only in" \
	--user sep calendar -o "$W/exports/../outside/victim.txt"
r10_fresh
bad "restricted: import that climbs out is refused" 2 "files are read only from" \
	--user sep import tasks "$W/exports/../outside/tasks.csv"

# Commands sent over SSH (SSH_ORIGINAL_COMMAND) to the forced command `tiendo --user LOGIN`.
r10_fresh
badenv "ssh: init is refused" 2 'SSH command refused: "init"' \
	SSH_ORIGINAL_COMMAND="init --demo" -- --user sep
r10_fresh
badenv "ssh: period is refused" 2 'SSH command refused: "period"' \
	SSH_ORIGINAL_COMMAND="period open 2025" -- --user sep
r10_fresh
badenv "ssh: a shell is refused" 2 'SSH command refused: "/bin/sh"' \
	SSH_ORIGINAL_COMMAND="/bin/sh -c id" -- --user xem
r10_fresh
badenv "ssh: scp is refused" 2 'SSH command refused: "scp"' \
	SSH_ORIGINAL_COMMAND="scp -t $W/outside/victim.txt" -- --user xem
r10_fresh
badenv "ssh: --db is refused" 2 "--db is not allowed over SSH" \
	SSH_ORIGINAL_COMMAND="export tasks --db $W/outside/other.db" -- --user xem
r10_fresh
badenv "ssh: --config is refused" 2 "--config is not allowed over SSH" \
	SSH_ORIGINAL_COMMAND="check --config $W/outside/evil.ini" -- --user xem
r10_fresh
badenv "ssh: --user is refused" 2 "--user is not allowed over SSH" \
	SSH_ORIGINAL_COMMAND="export tasks --user sep" -- --user xem
r10_fresh
badenv "ssh: -o FILE is refused" 2 "over SSH files come on standard output" \
	SSH_ORIGINAL_COMMAND="export tasks -o $W/exports/t.csv" -- --user xem
r10_fresh
badenv "ssh: --output=FILE outside is refused" 2 "over SSH files come on standard output" \
	SSH_ORIGINAL_COMMAND="audit --output=$W/outside/victim.txt" -- --user xem
r10_fresh
badenv "ssh: import from a file is refused" 2 "over SSH import reads standard input" \
	SSH_ORIGINAL_COMMAND="import tasks $W/exports/in.csv" -- --user sep
r10_fresh
badenv "ssh: shell operators are refused" 2 "shell syntax is not run here" \
	SSH_ORIGINAL_COMMAND="export tasks > $W/outside/victim.txt" -- --user xem
r10_fresh
badenv "ssh: command substitution is refused" 2 "shell syntax is not run here" \
	SSH_ORIGINAL_COMMAND='report annual $(id)' -- --user xem
r10_fresh
badenv "ssh: an unclosed quote is refused" 2 "is not closed" \
	SSH_ORIGINAL_COMMAND="export 'tasks" -- --user xem
r10_fresh
badenv "ssh: a control character is refused" 2 "a control character (0x1b)" \
	SSH_ORIGINAL_COMMAND="$(printf 'export tasks\033[2J')" -- --user xem
r10_fresh
badenv "ssh: a command longer than 4096 bytes is refused" 2 "longer than 4096 bytes" \
	SSH_ORIGINAL_COMMAND="export $(head -c 5000 /dev/zero | tr '\0' a)" -- --user xem
r10_fresh
badenv "ssh: an unknown option is named" 2 "unknown option --bogus" \
	SSH_ORIGINAL_COMMAND="export tasks --bogus" -- --user xem
r10_fresh
STDIN=$W/exports/in.csv
badenv "ssh: an editor still may not import tasks" 1 "only an admin may change the plan's tasks; lan is an editor" \
	SSH_ORIGINAL_COMMAND="import tasks -" -- --user lan
r10_fresh
STDIN=$W/exports/in.csv
badenv "ssh: a viewer may not import either" 1 "xem is a viewer" \
	SSH_ORIGINAL_COMMAND="tiendo import tasks -" -- --user xem
