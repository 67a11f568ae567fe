# A terminal too small (issue 14): the notice says how to quit, the quit keys work there, and
# nothing typed while it shows is lost, even in a storm of resizes while typing into a form.
small_saved_db=$DB
DB=$T/small.db
"$BIN" --db "$DB" init --demo >/dev/null

# q at the notice quits (no text is being typed on the main menu).
e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_resize 40 10
e2e_expect "the notice says how to quit" "C-q quits; what you type is kept"
e2e_keys q
check "q at the too-small notice quits (status 0)" test "$(e2e_exited)" = 0
e2e_stop

# Ctrl-Q at the notice quits, also from a form.
e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys p
e2e_wait "Percent done"
e2e_resize 30 8
e2e_wait "terminal too small"
e2e_keys C-q
check "Ctrl-Q at the too-small notice quits from a form (status 0)" test "$(e2e_exited)" = 0
e2e_stop

# A storm of resizes while typing into the progress form: every character arrives, in order,
# a q among them as text (not quit), and the save keeps them all.
small_text="quá hạn q: Nguyễn Thị Hương 2025"
e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys p
e2e_wait "Percent done"
e2e_keys Tab Tab
i=0
while [ $i -lt ${#small_text} ]; do
	case $((i % 3)) in
	0) e2e_resize 40 10 ;;
	1) e2e_resize 79 23 ;;
	*) e2e_resize 100 30 ;;
	esac
	e2e_type "${small_text:i:1}"
	i=$((i + 1))
done
e2e_resize 30 8
e2e_type "!"
e2e_resize 100 30
e2e_expect "after the storm the field holds every character typed, in order" "$small_text!"
e2e_keys F2
e2e_expect "the form saves" "Saved: "
check "the database has the whole text" test "$(sqlite3 "$DB" "SELECT count(*) FROM progress_update WHERE done = '$small_text!'")" = 1
e2e_keys C-q
check "and tiendo ends normally" test "$(e2e_exited)" = 0
e2e_stop

DB=$small_saved_db
