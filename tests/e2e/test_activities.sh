# Conferences and meetings: the plan's mid-term review conference is there undated; given a
# date, a place, its units and follow-up tasks (an unknown task refused with the text kept)
# it shows in the list and as the next conference on the main menu. Communication
# activities: add one, find it with the filter by unit and kind (the footer names both).
DB=$T/activities.db
"$BIN" --db "$DB" init --demo >/dev/null
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_expect "no conference has a date yet" "no conference scheduled"
e2e_keys 5 3
e2e_wait "Conferences and meetings"
e2e_expect_re "the plan's review conferences are there, undated" "no date +Hội nghị sơ kết +Hội nghị sơ kết giai"
e2e_expect "both of them" "row 1 of 2"
e2e_keys Enter
e2e_wait "Edit the conference or meeting"
e2e_keys Tab Tab
e2e_type "15/01/2026"
e2e_keys Tab
e2e_type "Hà Nội"
e2e_keys Tab
e2e_type "Thứ trưởng"
e2e_keys Tab
e2e_type "VTTTN, PC"
e2e_keys Tab Tab
e2e_type "Đẩy nhanh thương mại điện tử"
e2e_keys Tab
e2e_type "II.1, X.9"
e2e_keys F2
e2e_expect "an unknown task is refused under its field" "task X.9 does not exist"
e2e_expect "what was typed stays" "Đẩy nhanh thương mại điện tử"
e2e_keys BSpace BSpace BSpace BSpace BSpace
e2e_keys F2
e2e_expect "the conference is saved" "Saved: Hội nghị sơ kết giai đoạn 2021–2025"
e2e_expect_re "the list shows its date, place and units" "15/01/2026 +Hội nghị sơ kết +Hội nghị sơ kết.* Hà Nội +VTTTN, PC"
check "its units and follow-up task are linked, with an audit entry" test "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM meeting_unit) || (SELECT count(*) FROM meeting_task) || (SELECT count(*) FROM audit_log WHERE tbl = 'meeting')")" = 211
e2e_keys f
e2e_wait "Kind"
e2e_keys Down Down
e2e_keys Enter
e2e_expect "filtering by the final review's kind leaves that one" "row 1 of 1  Hội nghị tổng kết"
e2e_keys q q
e2e_wait "Tasks and solutions"
e2e_expect "the main menu shows the next conference" "next conference 15/01/2026: Hội n"
e2e_keys 5 2
e2e_wait "Communication activities"
e2e_expect "none yet" "row 0 of 0"
e2e_keys a
e2e_wait "A new communication activity"
e2e_keys Right Tab
e2e_type "Phóng sự về Chiến lược trên VTV1"
e2e_keys Tab Right Right Right Right Right Tab Right Right Tab
e2e_type "15/03/2025"
e2e_keys Tab
e2e_type "2 triệu lượt xem"
e2e_keys F2
e2e_expect "the activity is saved" "Saved: Phóng sự về Chiến lược trên VTV1"
e2e_expect_re "the list shows its unit, channel and status" "15/03/2025 XTTM +television +Phóng sự về Chiến lược trên VTV1 +planned"
e2e_keys f
e2e_wait "Unit"
e2e_keys Down Down
e2e_keys Enter
e2e_wait "Kind"
e2e_keys Enter
e2e_expect "another unit has none" "row 0 of 0  KHTC · every kind"
e2e_keys f
e2e_wait "Unit"
e2e_keys End Up Up Up Up Up
e2e_keys Enter
e2e_wait "Kind"
e2e_keys Down
e2e_keys Enter
e2e_expect "its unit and kind find it" "row 1 of 1  XTTM · Công bố"
check "it is stored with its audit entry" test "$(sqlite3 "$DB" "SELECT a.channel || ' ' || a.status || ' ' || u.code || ' ' || (SELECT count(*) FROM audit_log WHERE tbl = 'activity') FROM activity a JOIN unit u ON u.id = a.unit_id")" = "television planned XTTM 1"
e2e_stop
# In Vietnamese the message ends with the code ("không có đơn vị NOPE"): still under the field,
# not in a dialog (it once was: the code was looked for between two spaces).
e2e_start 80 24 "env LANGUAGE= $(tiendo --user lan)"
e2e_wait "Nhiệm vụ, giải pháp"
e2e_keys 5 3
e2e_keys a
e2e_wait "Hội nghị, cuộc họp mới"
e2e_keys Tab
e2e_type "Họp giao ban quý"
e2e_keys Tab Tab Tab Tab
e2e_type "PC, NOPE"
e2e_keys F2
e2e_expect "in Vietnamese, an unknown unit is refused" "không có đơn vị NOPE"
check "under its field, not in a dialog" test "$(e2e_screen | grep -cF "Chưa lưu")" = 0
e2e_stop
DB=$T/demo.db
