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
check "the submission is in the database with its audit entry" test "$(sqlite3 "$DB" "SELECT (SELECT submitted_on || ' ' || doc_number FROM submission) || ' ' || (SELECT count(*) FROM audit_log WHERE tbl = 'submission')")" = "2026-01-20 15/BC-VTTTN 1"
e2e_stop
TIENDO_TODAY=$saved_today
DB=$T/demo.db
