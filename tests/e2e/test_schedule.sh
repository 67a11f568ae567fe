# The reporting schedule: with today after the annual report's due date it shows as overdue;
# a submission recorded for one unit (a future date refused, the typed text kept) shows in
# the unit's status and in the schedule's count.
DB=$T/sched.db
"$BIN" --db "$DB" init --demo >/dev/null
saved_today=$TIENDO_TODAY
TIENDO_TODAY=2026-02-01
e2e_start 100 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_expect "the main menu counts the overdue reports" "5 overdue · 0 due within 30 days"
e2e_expect "and the units late on the last annual report" "Annual report 2025: 10 of 10 units late"
e2e_keys 3
e2e_expect_re "the annual report on 2025 is overdue" "15/01/2026 2025 +17 days late +0/10"
e2e_expect "the footer counts the overdue reports" "5 reports overdue"
e2e_expect_re "what is to come follows" "15/01/2027 2026 +in 348 days"
e2e_keys Down Down Down Down Enter
e2e_expect_re "Enter lists the units that must submit" "VTTTN +Vụ Thị trường trong nước +overdue"
e2e_keys Enter
e2e_wait "Submitted on"
e2e_type "02/02/2026"
e2e_keys Tab
e2e_type "15/BC-VTTTN"
e2e_keys F2
e2e_expect "a date after today is refused" "not after 01/02/2026"
e2e_expect "what was typed stays" "15/BC-VTTTN"
e2e_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
e2e_type "20/01/2026"
e2e_keys F2
e2e_expect "the submission is saved" "Saved the submission of VTTTN"
e2e_expect_re "the unit is now late, not overdue" "VTTTN +Vụ Thị trường trong nước +submitted late +20/01/2026 +15/BC-VTTTN"
e2e_expect "the count follows" "1 of 10 units submitted"
e2e_keys q
e2e_expect_re "the schedule counts it" "15/01/2026 2025 +17 days late +1/10"
e2e_keys q
e2e_expect "back on the main menu, one unit fewer is late" "Annual report 2025: 9 of 10 units late"
# The submission matrix opens on the last report past due: the row and the column show the
# rates, and recording a submission on time in the matrix changes both.
e2e_keys 3 m
e2e_wait "Submission matrix"
e2e_expect_re "the matrix shows the late submission and the unit's rate" "VTTTN +✗ +✗ +✗ +✗ +◑ +· .* 20% +0%"
e2e_expect_re "a unit with nothing in reads 0%" "KHTC +✗ +✗ +✗ +✗ +✗ +· .* 0% +0%"
e2e_expect "the footer says which report, and that more lie beyond" \
	"row 1 of 10 · column 5 of 10, ← → for the others"
e2e_keys ?
e2e_expect_re "help in the matrix says what ← → do" "← → +the report before, after"
e2e_expect "and what the Home and End keys do there, and g and G" "the first, the last report (g and G:"
e2e_keys q
e2e_wait_gone "the report before, after"
e2e_expect_re "the column of the 2025 report: one in ten, none on time" "Rate +0% +0% +0% +0% +10% +–"
e2e_expect_re "and its on-time rate" "On time +0% +0% +0% +0% +0% +–"
e2e_expect_re "the whole's rate in the corner: 1 of 50 due" "Rate +0% +0% +0% +0% +10% +– +– +– +2%"
e2e_expect_re "and its on-time rate" "On time +0% +0% +0% +0% +0% +– +– +– +0%"
e2e_keys Down Enter
e2e_wait "Submitted on"
e2e_type "15/01/2026"
e2e_keys F2
e2e_expect "the matrix says it saved" "Saved the submission of KHTC"
e2e_expect_re "the unit's rates change" "KHTC +✗ +✗ +✗ +✗ +✓ +· .* 20% +20%"
e2e_expect_re "the column's reporting rate changes" "Rate +0% +0% +0% +0% +20% +–"
e2e_expect_re "and its on-time rate" "On time +0% +0% +0% +0% +10% +–"
e2e_expect_re "the whole's rates follow: 2 of 50, 1 on time" "Rate +0% +0% +0% +0% +20% +– +– +– +4%"
e2e_expect_re "and its on-time rate" "On time +0% +0% +0% +0% +10% +– +– +– +2%"
e2e_expect "the status line tells the selected unit's status" "KHTC: submitted on time 15/01/2026 · Vụ Kế hoạch – Tài chính"
e2e_keys q
e2e_expect_re "back on the schedule, the count follows" "15/01/2026 2025 +17 days late +2/10"
# An ad-hoc report for two units: an unknown unit is refused with the text kept.
e2e_keys a
e2e_wait "A new ad-hoc report"
e2e_type "Báo cáo nhanh giá xăng dầu"
e2e_keys Tab
e2e_type "Bộ trưởng"
e2e_keys Tab
e2e_type "10/03/2026"
e2e_keys Tab
e2e_type "PC, NOPE"
e2e_keys F2
e2e_expect "an unknown unit is named" "unit NOPE does not exist"
e2e_expect "the title typed is kept" "Báo cáo nhanh giá xăng dầu"
e2e_keys BSpace BSpace BSpace BSpace
e2e_type "QLTT"
e2e_keys F2
e2e_expect "the ad-hoc report is saved" "Saved the ad-hoc report due 10/03/2026"
e2e_expect_re "it is on the schedule for its two units" "10/03/2026 2026 +in 37 days +0/2 Báo cáo nhanh giá xăng dầu"
e2e_keys m End
e2e_expect_re "the matrix heads it with its due date" "Unit .* 10/03/… "
e2e_keys q m Right
e2e_wait "due 10/03/2026 · Báo cáo nhanh giá xăng dầu"
e2e_keys Enter
e2e_expect "a unit the report does not ask is told so before any form" \
	"the unit does not have to submit this report"
check "and no form opened" test -z "$(e2e_screen | grep -F "Submitted on")"
e2e_keys Down Down e
e2e_expect "e opens the form as Enter does, on a unit it asks" "PC · Báo cáo nhanh giá xăng dầu"
e2e_keys Escape
e2e_wait "Submission matrix"
# g and G go to the first and last row as in every list; Home and End stay on the reports.
e2e_keys G
e2e_expect "G goes to the last unit" "SCT-DN: does not have to submit this report · Sở Công Thương Đà Nẵng"
e2e_expect "on the same report" "due 10/03/2026 · Báo cáo nhanh giá xăng dầu"
e2e_keys g
e2e_expect "g to the first" "VTTTN: does not have to submit this report · Vụ Thị trường trong nước"
e2e_keys m
e2e_expect_re "m, which opened the matrix, goes back to the schedule" "10/03/2026 2026 +in 37 days +0/2"
check "and the matrix is gone" test -z "$(e2e_screen | grep -F "Submission matrix")"
e2e_keys q
e2e_wait "Tasks and solutions"
check "the submission is in the database with its audit entry" test "$(sqlite3 "$DB" "SELECT (SELECT submitted_on || ' ' || doc_number FROM submission WHERE doc_number <> '') || ' ' || (SELECT count(*) FROM audit_log WHERE tbl = 'submission')")" = "2026-01-20 15/BC-VTTTN 2"
check "the ad-hoc report is stored with its units and requester" test "$(sqlite3 "$DB" "SELECT units || ' · ' || requester || ' · ' || period FROM report WHERE rule_id IS NULL")" = "PC, QLTT · Bộ trưởng · 2026"
e2e_stop
TIENDO_TODAY=$saved_today
DB=$T/demo.db
