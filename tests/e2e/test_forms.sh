# Forms (issue 17): the focus shows without colour, a choice changes only with the arrows or
# Enter, a proposed value is replaced by what is typed, bulk progress keeps each task's status,
# and a submission for a locked period is refused before the form opens.
DB=$T/forms.db
"$BIN" --db "$DB" init --demo >/dev/null

# The focused field without colour: a marker before its label, the field in reverse video.
e2e_start 80 24 "env NO_COLOR=1 $(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys /
e2e_type "I.2"
e2e_keys Enter
e2e_wait "> I.2"
e2e_keys p
e2e_expect "p opens the progress form" "Percent done"
e2e_expect_re "the focused field has a marker before its label" "^▶ Percent done \*"
if e2e_screen | grep -E "^▶" | wc -l | grep -qx 1; then ok "only one field has the marker"; else
	not_ok "only one field has the marker" "$(e2e_screen)"; fi
# tmux writes reverse video as SGR 7, alone or among others.
if e2e_screen_attrs | grep -F "Percent done" | grep -qE $'\e\\[([0-9]+;)*7(;[0-9]+)*m'; then
	ok "under NO_COLOR the focused field is in reverse video"
else
	not_ok "under NO_COLOR the focused field is in reverse video" "$(e2e_screen_attrs | grep -F "Percent done" | cat -v)"
fi
e2e_keys Tab
e2e_expect_re "the marker follows the focus" "^▶ Status +‹ in progress ›"

# A choice field is not changed by text typed into it by mistake: it says how to change it.
e2e_type " (sửa)"
e2e_expect "a letter on a choice field says how to change it" "←/→ to change, Enter for a list"
e2e_expect_re "the status is unchanged" "Status +‹ in progress ›"
e2e_keys Escape
e2e_wait "Tasks and solutions"
e2e_stop

e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys /
e2e_type "I.2"
e2e_keys Enter
e2e_wait "> I.2"
e2e_keys e
e2e_expect "e opens the task form" "Edit I.2"
e2e_keys Tab
e2e_expect_re "the focus is on Lead unit" "^▶ Lead unit +‹ VTTTN"
e2e_type " (sửa)"
e2e_expect "Space and letters on Lead unit say ←/→ to change" "←/→ to change, Enter for a list"
e2e_expect_re "Lead unit keeps VTTTN" "Lead unit +‹ VTTTN"
e2e_keys Right
e2e_expect_re "→ changes it" "Lead unit +‹ KHTC"
e2e_keys Left
e2e_expect_re "← changes it back" "Lead unit +‹ VTTTN"
e2e_keys Tab
e2e_type " "
e2e_expect "Space on a multiple choice says how to tick" "←/→ to move, Enter ticks or clears"
e2e_keys Escape
e2e_expect "leaving asks (← → changed the form)" "Discard what you typed?"
e2e_keys y
e2e_wait "Nothing was saved."
check "the lead unit is still VTTTN" test "$(sqlite3 "$DB" "SELECT u.code FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE t.code = 'I.2'")" = VTTTN

# The percent field opens holding the task's percent: typing 60 replaces it.
e2e_keys p
e2e_wait "Percent done"
e2e_expect_re "the percent field holds the current percent" "Percent done \* +55"
e2e_type "60"
e2e_expect_re "60 typed over the proposed 55 gives 60" "Percent done \* +60 *$"
e2e_keys F2
e2e_expect "it saves 60" "Saved: I.2 at 60%"
check "the database has 60, not 5560 or 060" test "$(sqlite3 "$DB" "SELECT percent FROM task WHERE code = 'I.2'")" = 60
# Backspace first edits the value instead.
e2e_keys p
e2e_wait "Percent done"
e2e_keys BSpace
e2e_type "5"
e2e_expect_re "Backspace then 5 edits 60 into 65" "Percent done \* +65 *$"
e2e_keys F2
e2e_expect "it saves 65" "Saved: I.2 at 65%"

# Someone else changes the task while its form is open: their version beside what was typed,
# field by field; edit again, then save over theirs.
e2e_keys e
e2e_wait "Edit I.2"
e2e_keys End
e2e_type " (sửa)"
sqlite3 "$DB" "UPDATE task SET title = 'Tên của họ', version = version + 1 WHERE code = 'I.2'"
e2e_keys F2
e2e_expect "a save over someone else's change of the task opens the conflict dialog" "Changed meanwhile"
e2e_expect "their title is shown" "Tên của họ"
e2e_keys e
e2e_wait_gone "Changed meanwhile"
e2e_expect "edit again keeps what was typed" "(sửa)"
e2e_keys F2
e2e_expect "the form now saves over their version" "Saved I.2"
check "the title typed here is saved" test "$(sqlite3 "$DB" "SELECT title FROM task WHERE code = 'I.2'" | grep -c '(sửa)$')" = 1
e2e_stop

# Bulk progress keeps each task's status unless one is chosen: II.2 stays delayed, II.4 paused.
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys /
e2e_type "II.2"
e2e_keys Enter
e2e_wait "> II.2"
e2e_keys Space j
e2e_wait "> II.4"
e2e_keys Space
e2e_expect "two tasks are marked" "2 marked"
e2e_keys p
e2e_expect "the bulk form says each keeps its status" "each task keeps its own unless you choose one"
e2e_expect_re "the status choice keeps each task's own by default" "Status +‹ \(keep each task's status\) ›"
e2e_keys Tab
e2e_type "Đã đôn đốc các đơn vị"
e2e_keys F2
e2e_expect "the update is saved for both" "Saved for 2 tasks"
check "the delayed task is still delayed, the paused one paused" test "$(sqlite3 "$DB" "SELECT group_concat(code || ' ' || status || ' ' || percent, ', ') FROM (SELECT code, status, percent FROM task WHERE code IN ('II.2', 'II.4') ORDER BY code)")" = "II.2 delayed 30, II.4 suspended 20"
check "both have the note" test "$(sqlite3 "$DB" "SELECT count(*) FROM progress_update WHERE done = 'Đã đôn đốc các đơn vị' AND status IN ('delayed', 'suspended')")" = 2
e2e_stop

# A submission for a locked period is refused before the form opens (and another unit's row).
saved_today=$TIENDO_TODAY
TIENDO_TODAY=2026-02-01
e2e_start 100 24 "$(E2E_ROLE='editor: VTTTN' E2E_INI_EXTRA='[security]\nlock_after_days = 10' tiendo --user hoa)"
e2e_wait "Tasks and solutions"
e2e_keys 3
e2e_wait "15/01/2026"
e2e_keys Down Down Down Down Enter
e2e_expect_re "the annual report's units are listed" "VTTTN +Vụ Thị trường trong nước +overdue"
e2e_keys Enter
e2e_expect "Enter on a locked period's row says it is locked" "period 2025 is locked"
check "and no form opened" test -z "$(e2e_screen | grep -F "Submitted on")"
e2e_keys Down Enter
e2e_expect "another unit's row is refused too" "The work of KHTC is not yours to change"
check "and no form opened for it" test -z "$(e2e_screen | grep -F "Submitted on")"
e2e_stop
TIENDO_TODAY=$saved_today
DB=$T/demo.db

# Ctrl-Q with typing not yet saved asks first (it once quit at once, losing it); n keeps the
# form as typed, and Ctrl-Q again at the question quits.
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys p
e2e_wait "Percent done"
e2e_keys Tab Tab
e2e_type "Đã họp giao ban"
e2e_wait "Đã họp giao ban"
e2e_keys C-q
e2e_expect "Ctrl-Q with unsaved typing asks first" "lose what you typed"
e2e_keys n
e2e_expect "n keeps the form as typed" "Đã họp giao ban"
check "and tiendo is still running" test ! -s "$E2E_STATUS"
e2e_keys C-q
e2e_wait "lose what you typed"
e2e_keys C-q
check "Ctrl-Q again at the question quits (status 0)" test "$(e2e_exited)" = 0
e2e_stop

# A screen name too long for the plan's title beside it (the Vietnamese bulk form): no empty
# "tiendo ·  · ", and the name whole.
e2e_start 80 24 "env LANGUAGE= $(tiendo)"
e2e_wait "Nhiệm vụ, giải pháp"
e2e_keys 1
e2e_wait_re 'dòng 1 '
e2e_keys Space Space p
e2e_wait "2 nhiệm vụ đã đánh dấu"
check "the title bar has no empty plan title" test -z "$(e2e_screen | head -1 | grep -F '·  ·')"
e2e_expect_re "the bulk form's name is whole" "tiendo · Tiến độ cho các nhiệm vụ đã đánh dấu +│"
e2e_stop
