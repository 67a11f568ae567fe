# Who may do what, as each person sees it on the screen: an editor works on their unit only, a
# viewer only looks, an undeclared login is turned away, restricted mode has no way out, and two
# people saving the same task side by side get the conflict dialog instead of a lost save.
DB=$T/users.db
"$BIN" --db "$DB" init --demo >/dev/null

e2e_start 80 24 "$(E2E_ROLE='editor: VTTTN' tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_expect "the title bar names the editor's role" "lan (editor)"
e2e_keys 1
e2e_wait "row 1 of 12"
e2e_expect "an editor's key bar offers progress" "p progress"
e2e_keys p
e2e_expect "progress on another unit's task is refused before any typing" \
	"The work of PC is not yours to change; you work for VTTTN"
e2e_keys j
e2e_wait "row 2 of 12"
e2e_keys p
e2e_expect "progress on a task of one's own unit opens the form" "Percent done"
e2e_keys Escape
e2e_wait "row 2 of 12"
e2e_keys C-z
e2e_keys '!'
e2e_keys j
e2e_expect "Ctrl-Z and ! lead nowhere: tiendo still takes keys" "row 3 of 12"
check "tiendo is still running after Ctrl-Z" test ! -s "$E2E_STATUS"
# While tiendo waits for a key it holds no transaction: another session writes, and a full
# checkpoint completes (a reader left open would block it and let the log grow).
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE unit SET name = name WHERE code = 'PC'"
check "waiting on the task list, tiendo holds no transaction open" \
	test "$(sqlite3 -cmd ".timeout 5000" "$DB" "PRAGMA wal_checkpoint(TRUNCATE)")" = "0|0|0"
e2e_stop

e2e_start 80 24 "$(E2E_ROLE=viewer tiendo --user xem)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of 12"
check "a viewer's key bar offers neither progress nor undo" \
	test -z "$(e2e_screen | tail -1 | grep -E 'progress|undo|mark')"
e2e_keys p
e2e_expect "p tells a viewer why nothing happens" \
	"xem is a viewer: you can look, but not change anything"
e2e_keys '?'
e2e_wait "Keys on the screen"
check "the help does not offer a viewer progress or undo" \
	test -z "$(e2e_screen | grep -iE 'progress|undo')"
e2e_keys q
e2e_keys q q
e2e_stop

# Nobody declared "khach": a clear refusal before any screen, not an empty one.
refusal=$(eval "$(E2E_ROLE=none tiendo --user khach)" 2>&1 </dev/null)
status=$?
case $refusal in
*"khach may not use tiendo here: this login is not declared in [users]"*)
	ok "an undeclared login is told why and what to do" ;;
*) not_ok "an undeclared login is told why and what to do" "got: $refusal" ;;
esac
check "and tiendo ends with status 1" test "$status" = 1

# Two people on the same task at once, side by side.
e2e_start 161 24 "$(E2E_USERS_EXTRA='hoa = editor: VTTTN' tiendo --user lan)"
e2e_split "$(E2E_ROLE='editor: VTTTN' E2E_USERS_EXTRA='lan = admin' tiendo --user hoa)"
for pane in 0 1; do
	E2E_PANE=$pane e2e_wait "Tasks and solutions"
	E2E_PANE=$pane e2e_keys 1
	E2E_PANE=$pane e2e_wait "row 1 of 12"
	E2E_PANE=$pane e2e_keys j j p
	E2E_PANE=$pane e2e_wait "Percent done"
	E2E_PANE=$pane e2e_keys BSpace BSpace BSpace
done
E2E_PANE=0 e2e_type "70"
E2E_PANE=1 e2e_type "80"
E2E_PANE=1 e2e_keys F2
E2E_PANE=1 e2e_expect "the first save goes through" "Saved: II.1 at 80%"
E2E_PANE=0 e2e_keys F2
E2E_PANE=0 e2e_expect "the second save is refused with the conflict dialog" \
	"Someone else changed this task"
E2E_PANE=0 e2e_expect "the dialog says who saved first" "hoa saved progress"
check "the first person's entry is the task's state" \
	test "$(sqlite3 "$DB" "SELECT percent || updated_by FROM task WHERE code = 'II.1'")" = 80hoa
E2E_PANE=0 e2e_keys o
E2E_PANE=0 e2e_expect "overwriting after seeing both saves the second entry" "Saved: II.1 at 70%"
check "both entries are in the history, each audited once" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE tbl = 'progress_update'")" = 2
e2e_stop

# The audit trail: an editor sees the changes of their unit, an admin every change, and the
# filter narrows it to one unit.
sqlite3 -cmd ".timeout 5000" "$DB" "INSERT INTO audit_log (login, tbl, row_id, action, new_values) SELECT 'sep',
  'task', id, 'update', '{\"title\":\"Sửa tên\"}' FROM task WHERE code = 'I.1'"
e2e_start 100 24 "$(E2E_ROLE='editor: VTTTN' tiendo --user hoa)"
e2e_wait "Tasks and solutions"
e2e_keys 7
e2e_expect "the audit trail opens from the main menu" "Audit trail"
e2e_expect_re "an editor sees their unit's changes" "hoa +VTTTN +progress +insert"
check "but not another unit's" test -z "$(e2e_screen | grep sep)"
e2e_stop
e2e_start 100 24 "$(E2E_USERS_EXTRA='hoa = editor: VTTTN' tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 7
e2e_expect_re "an admin sees every change" "sep +PC +task +update +\{\"title\":\"Sửa tên\"\}"
e2e_keys f
e2e_wait "Who"
e2e_keys Enter
e2e_wait "all units"
e2e_keys j j j Enter
e2e_wait "any time"
e2e_keys Enter
e2e_expect "the filter keeps PC's change only" "row 1 of 1"
e2e_expect "and says what it shows" "everyone · PC · any time"
e2e_keys Enter
e2e_expect "Enter shows the whole change" 'After: {"title":"Sửa tên"}'
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE unit SET name = name WHERE code = 'PC'"
check "waiting on the audit trail, tiendo holds no transaction open" \
	test "$(sqlite3 -cmd ".timeout 5000" "$DB" "PRAGMA wal_checkpoint(TRUNCATE)")" = "0|0|0"
e2e_stop

# Periods: with a 30-day lock, 2024 (ended long ago) is locked and 2025 (ends in 11 days) open;
# an editor sees it (the store test refuses their value for 2024); an admin reopens 2024 here.
e2e_start 100 24 "$(E2E_ROLE='editor: VTTTN' E2E_INI_EXTRA='[security]\nlock_after_days = 30' tiendo --user hoa)"
e2e_wait "Tasks and solutions"
e2e_expect "the main menu says how long periods stay open" "locked 30 days after the end"
e2e_keys 8
e2e_expect_re "2024 is locked" "2024 +year 2024 +31/12/2024 +locked"
e2e_expect_re "2025 is still open" "2025 +year 2025 +31/12/2025 +open"
check "an editor's key bar does not offer to reopen" test -z "$(e2e_screen | tail -1 | grep reopen)"
e2e_keys Enter
e2e_expect "Enter tells an editor only an admin may" "Only an admin may do this; hoa is an editor"
e2e_stop
e2e_start 100 24 "$(E2E_USERS_EXTRA='hoa = editor: VTTTN' E2E_INI_EXTRA='[security]\nlock_after_days = 30' tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 8
e2e_wait "2024"
e2e_keys j j j Enter
e2e_expect "Enter asks before reopening" "Reopen 2024?"
e2e_keys y
e2e_expect "the period is reopened" "Reopened 2024"
e2e_expect_re "and the list says by whom" "2024 +year 2024 +31/12/2024 +reopened by lan"
check "the reopening is audited" test "$(sqlite3 "$DB" "SELECT login || ' ' || action FROM audit_log WHERE tbl = 'period_open'")" = "lan open"
e2e_stop
DB=$T/demo.db
