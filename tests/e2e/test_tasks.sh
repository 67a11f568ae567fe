# Tasks as a unit's focal point uses them: search, progress in Vietnamese, refusals that keep
# the typed text, filter, marks, sort, and data that must not drive the terminal.
DB=$T/tasks.db
"$BIN" --db "$DB" init --demo >/dev/null
# A title with an escape sequence and a bell, as someone might paste it.
sqlite3 "$DB" "INSERT INTO task (code, title, lead_unit_id, updated_by)
  VALUES ('Z.9', 'Bad' || char(27) || '[31mRED' || char(27) || '[0m' || char(7) || 'end',
  (SELECT id FROM unit WHERE code = 'PC'), 'test')"

e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_expect "the task list opens with its footer" "row 1 of 13"
e2e_expect "the list has its columns" "Code    Task"
e2e_expect "an escape sequence in a title is shown escaped" "Bad^[[31mRED^[[0m^Gend"

# Incremental search, without accents and in lower case.
e2e_keys /
e2e_type "ha tang"
e2e_expect "incremental search moves to the first match" "> I.2     Xây dựng"
e2e_keys Enter
e2e_keys n
e2e_expect "n goes to the next match" "> II.3    Phát triển hạ tầng"
e2e_keys N
e2e_expect "N goes back" "> I.2     Xây dựng"

# Progress: 60 % with a Vietnamese note and a difficulty.
e2e_keys p
e2e_expect "p opens the progress form on the task" "Percent done"
e2e_keys BSpace BSpace
e2e_type "60"
e2e_keys Tab Tab
e2e_type "Đã họp với Nguyễn Thị Hương về đề án"
e2e_keys Tab
e2e_type "Thiếu kinh phí"
e2e_expect "Vietnamese typed into a field shows intact" "Đã họp với Nguyễn Thị Hương về đề án"
e2e_keys F2
e2e_expect "saving returns to the list and says so" "Saved: I.2 at 60%"
e2e_expect_re "the list shows the new percent" "> I\.2 .* 30/06/2025 +!ongoing +60$"
e2e_keys Enter
e2e_expect "the detail view shows the new entry" "20/12/2025 · 60% · in progress · lan"
if e2e_screen | grep -A1 "20/12/2025 · 60%" | grep -qF "done: Đã họp với Nguyễn Thị Hương về đề án"; then
	ok "the new entry is on top of the history with its note"
else
	not_ok "the new entry is on top of the history with its note" "$(e2e_screen)"
fi
check "the note is stored as typed (NFC)" test "$(sqlite3 "$DB" "SELECT done FROM progress_update ORDER BY id DESC LIMIT 1")" = "Đã họp với Nguyễn Thị Hương về đề án"
e2e_keys q

# 150 % is refused; what was typed stays.
e2e_keys p
e2e_wait "Percent done"
e2e_keys BSpace BSpace
e2e_type "150"
e2e_keys Tab
e2e_expect "150 % is refused with the reason" "a whole percent from 0 to 100"
e2e_keys F2
sleep 0.2
e2e_expect_re "the form stays open after a refused save, the text kept" "Percent done \* +150"
e2e_keys Escape
e2e_expect "leaving a changed form asks first" "Discard what you typed?"
e2e_keys y
e2e_expect "after discarding, the list is back" "Nothing was saved."
check "nothing was saved" test "$(sqlite3 "$DB" "SELECT percent FROM task WHERE code = 'I.2'")" = 60

# Filter: overdue only.
e2e_keys f
e2e_expect "f opens the filter" "Flags (none: any)"
e2e_keys Tab Tab Enter F2
e2e_expect "the overdue filter leaves the overdue tasks" "row 1 of 5"
e2e_expect "the footer names the filter" "filter: overdue"

# Marks.
e2e_keys Space Space Space
e2e_expect "three marked rows are counted" "3 marked"

# Sort by due date.
e2e_keys s
e2e_expect "s offers the columns" "Sort by"
e2e_keys 4
e2e_expect "sorted by due date, the oldest first" "sorted by Due ↑"
if e2e_screen | sed -n 4p | grep -qF "IV.2"; then ok "the earliest due date is on top"; else
	not_ok "the earliest due date is on top" "$(e2e_screen)"; fi
e2e_stop

# Someone else saves while the form is open: both versions are shown; edit again, then keep
# theirs. A resize in the middle of the form keeps what was typed.
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of 13"
e2e_keys j j
e2e_wait "row 3 of 13"
e2e_keys p
e2e_wait "Percent done"
e2e_keys BSpace BSpace BSpace
e2e_type "90"
e2e_keys Tab Tab
e2e_type "Hoàn thiện báo cáo"
e2e_resize 100 30
e2e_expect "after a resize mid-form the typed text is still there" "Hoàn thiện báo cáo"
e2e_resize 80 24
sqlite3 "$DB" "INSERT INTO progress_update (task_id, reported_on, percent, status, done, created_by)
  SELECT id, '2025-12-20', 95, 'in_progress', 'Đã gửi báo cáo', 'hoa' FROM task WHERE code = 'II.1';
  UPDATE task SET percent = 95, status = 'in_progress', version = version + 1 WHERE code = 'II.1'"
e2e_keys F2
e2e_expect "a save over someone else's change shows the conflict" "Someone else changed this task"
e2e_expect "the conflict shows who saved and their version" "hoa saved progress"
e2e_expect "their version and mine side by side" "Đã gửi báo cáo"
e2e_keys e
e2e_expect "edit again returns to the form with what was typed" "Hoàn thiện báo cáo"
e2e_wait_gone "Someone else changed this task"
sqlite3 "$DB" "INSERT INTO progress_update (task_id, reported_on, percent, status, done, created_by)
  SELECT id, '2025-12-20', 96, 'in_progress', 'Lần hai', 'hoa' FROM task WHERE code = 'II.1';
  UPDATE task SET percent = 96, version = version + 1 WHERE code = 'II.1'"
e2e_keys F2
e2e_expect "a lower percent needs a reason" "required when the percent goes down"
e2e_type "Điều chỉnh theo số liệu mới"
e2e_keys F2
e2e_expect "after edit again the form knows their percent" "The percent goes down from 95 to 90"
e2e_keys y
e2e_expect "another change meanwhile brings the conflict back" "Lần hai"
e2e_keys t
e2e_expect "keeping theirs closes the form and says so" "Kept their entry; yours was not saved."
check "their entry stays the task's state" test "$(sqlite3 "$DB" "SELECT percent FROM task WHERE code = 'II.1'")" = 96

# The task is deleted while the form is open: the save is refused, the text stays.
e2e_keys p
e2e_wait "Percent done"
e2e_keys Tab Tab Tab
e2e_type "Ghi chú giữ lại"
sqlite3 "$DB" "UPDATE task SET deleted = 1 WHERE code = 'II.1'"
e2e_keys F2
e2e_expect "a failed save shows an error dialog" "the task no longer exists; nothing was saved"
e2e_keys Enter
e2e_expect "after the error the form keeps what was typed" "Ghi chú giữ lại"
sqlite3 "$DB" "UPDATE task SET deleted = 0 WHERE code = 'II.1'"
e2e_stop

# Several statuses at once in the filter (a multi-choice field).
e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of 13"
e2e_keys f
e2e_wait "Flags (none: any)"
e2e_keys Tab Enter Right Right Enter F2
e2e_expect "a multi-status filter (not started, done) leaves those tasks" "row 1 of 5"
e2e_expect "the footer names both statuses" "filter: not started done"
e2e_stop
DB=$T/demo.db

# Mark three tasks, set them in progress in one step, undo it.
DB=$T/tasks.db
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of 13"
e2e_keys /
e2e_type "II.3"
e2e_keys Enter
e2e_wait "> II.3"
e2e_keys Space j Space j j j j j j j j j
e2e_wait "> Z.9"
e2e_keys Space
e2e_expect "three tasks are marked" "3 marked"
e2e_keys p
e2e_expect "p with marks opens one update for all" "3 marked tasks: one update for all"
e2e_keys Right Right
e2e_expect_re "the status is chosen with the arrows" "Status +‹ in progress ›"
e2e_keys Tab
e2e_type "Đã giao nhiệm vụ cho phòng"
e2e_keys F2
e2e_expect "the update is saved for the three tasks" "Saved for 3 tasks"
check "the three tasks are in progress" test "$(sqlite3 "$DB" "SELECT count(*) FROM task WHERE code IN ('II.3', 'III.1', 'Z.9') AND status = 'in_progress'")" = 3
check "each has the note on top of its history" test "$(sqlite3 "$DB" "SELECT count(*) FROM progress_update WHERE done = 'Đã giao nhiệm vụ cho phòng'")" = 3
e2e_keys u
e2e_expect "u undoes the whole step" "Undone: your last change to"
check "after undo the three tasks are as before" test "$(sqlite3 "$DB" "SELECT group_concat(status || ' ' || percent, ', ') FROM (SELECT status, percent FROM task WHERE code IN ('II.3', 'III.1', 'Z.9') ORDER BY code)")" = "not_started 0, in_progress 80, not_started 0"
check "after undo the notes are gone" test "$(sqlite3 "$DB" "SELECT count(*) FROM progress_update WHERE done = 'Đã giao nhiệm vụ cho phòng'")" = 0
e2e_stop
DB=$T/demo.db

# Add a task, edit it, delete it, and undo each step.
DB=$T/tasks.db
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of 13"
e2e_keys a
e2e_expect "a opens an empty task form" "A new task"
e2e_type "VI.1"
e2e_keys Tab
e2e_type "Khảo sát mạng lưới chợ đầu mối"
e2e_keys Tab Right Tab Enter Tab Tab Tab
e2e_type "01/01/2026"
e2e_keys Tab
e2e_type "31/12/2025"
e2e_keys F2
e2e_expect "a due date before the start is refused" "before the start"
e2e_keys BSpace BSpace BSpace BSpace
e2e_type "2026"
e2e_keys F2
e2e_expect "the new task is saved" "Added VI.1"
check "the new task has its lead and cooperating unit" test "$(sqlite3 "$DB" "SELECT u.code || ' ' || (SELECT group_concat(c.code) FROM task_unit tu JOIN unit c ON c.id = tu.unit_id WHERE tu.task_id = t.id) FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE t.code = 'VI.1'")" = "KHTC VTTTN"
e2e_keys /
e2e_type "VI.1"
e2e_keys Enter
e2e_wait "> VI.1"
e2e_keys e
e2e_expect "e opens the task in its form" "Edit VI.1"
e2e_keys End
e2e_type " (sửa)"
e2e_keys F2
e2e_expect "the edit is saved" "Saved VI.1"
e2e_expect "the list shows the new title" "Khảo sát mạng lưới chợ đầu mối (s…"
e2e_keys d
e2e_expect "d asks first" "Delete task VI.1"
e2e_keys y
e2e_expect "the task leaves the list" "Deleted VI.1 (u brings it back)"
check "the deleted task stays in the database" test "$(sqlite3 "$DB" "SELECT deleted FROM task WHERE code = 'VI.1'")" = 1
e2e_keys u
e2e_expect "u brings the task back" "Undone: your last change to VI.1"
e2e_keys u
e2e_expect_re "u again takes back the edit" "VI\\.1 +Khảo sát mạng lưới chợ đầu mối +"
check "the title is as before the edit" test "$(sqlite3 "$DB" "SELECT title FROM task WHERE code = 'VI.1'")" = "Khảo sát mạng lưới chợ đầu mối"
e2e_stop
DB=$T/demo.db
