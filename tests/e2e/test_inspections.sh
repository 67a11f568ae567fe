# Inspections and surveys: add one with its units and tasks (an unknown task refused with the
# typed text kept), find it with the filter by unit and kind.
DB=$T/insp.db
"$BIN" --db "$DB" init --demo >/dev/null
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 5
e2e_expect "the activities menu leads to inspections" "Inspections and surveys"
e2e_keys 1
e2e_expect "the list starts empty" "row 0 of 0"
e2e_keys a
e2e_expect "a opens the form" "A new inspection or survey"
e2e_keys Right Tab
e2e_type "15/11/2025"
e2e_keys Tab Space Tab
e2e_type "Khảo sát chợ đầu mối phía Bắc"
e2e_keys Tab Tab Tab Tab Tab
e2e_type "II.1, X.9"
e2e_keys F2
e2e_expect "an unknown task code is refused" "task X.9 does not exist"
e2e_expect "what was typed stays" "II.1, X.9"
e2e_keys BSpace BSpace BSpace BSpace BSpace
e2e_keys F2
e2e_expect "the survey is saved" "Saved the inspection or survey"
e2e_expect_re "the list shows it" "15/11/2025 survey +VTTTN +Khảo sát chợ đầu mối"
check "it is linked to its unit and task" test "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM inspection_unit) || (SELECT count(*) FROM inspection_task)")" = 11
e2e_keys f
e2e_wait "Unit"
e2e_keys 3
e2e_wait "Kind"
e2e_keys 1
e2e_expect "filtering by another unit leaves nothing" "row 0 of 0"
e2e_keys f
e2e_wait "Unit"
e2e_keys 2
e2e_wait "Kind"
e2e_keys 3
e2e_expect "filtering by its unit and kind finds it" "row 1 of 1"
e2e_stop
DB=$T/demo.db
