# Evaluation: the criteria as the plan words them; rate the four criteria of a unit for a year
# with the facts beside them, and find the ratings in the matrix.
DB=$T/eval.db
"$BIN" --db "$DB" init --demo >/dev/null
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 2
e2e_expect "the evaluation menu opens" "Matrix: units by criteria"
e2e_keys 2
e2e_expect "the criteria screen shows the plan's wording" "b) Tiến độ nhiệm vụ, giải pháp: Tiến độ thực hiện các nhiệm vụ"
e2e_expect "and the rating scale" "Tốt · Khá · Trung bình · Yếu"
e2e_keys q
e2e_wait "Matrix: units by criteria"
e2e_keys 1
e2e_expect "the matrix counts the units not yet evaluated" "0 of 10 units evaluated"
e2e_keys Enter
e2e_expect "rating a unit shows the facts of criterion (a)" "Facts: 1 of 4 tasks recorded in the unit's own plan"
e2e_expect "and of criterion (b)" "Facts: 4 tasks, 0 done, 3 overdue"
e2e_keys Right Tab
e2e_type "Đã lồng ghép vào kế hoạch năm"
e2e_keys Tab Tab Tab Right Right Tab Tab Tab Tab Right Tab Tab Tab Tab Right Right
e2e_keys F2
e2e_expect "the evaluation is saved" "Saved the evaluation of VTTTN"
e2e_expect "the matrix counts it" "1 of 10 units evaluated · 9 not yet"
e2e_expect_re "the unit's row shows its four ratings" "VTTTN +Tốt +Khá +Tốt +Khá"
check "the comment is stored" test "$(sqlite3 "$DB" "SELECT comment FROM evaluation e JOIN criterion c ON c.id = e.criterion_id WHERE c.code = 'a'")" = "Đã lồng ghép vào kế hoạch năm"
# Someone else changes a comment while the form is open: both versions, and edit again keeps
# what was typed, now saved over theirs knowingly.
e2e_keys Enter
e2e_wait "Facts: 1 of 4 tasks"
e2e_keys Tab End
e2e_type " (bổ sung)"
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE evaluation SET comment = 'Ý kiến của người khác',
  version = version + 1 WHERE criterion_id = (SELECT id FROM criterion WHERE code = 'a')"
e2e_keys F2
e2e_expect "a save over someone else's evaluation opens the conflict dialog" "Changed meanwhile"
e2e_expect "with their comment" "Ý kiến của người khác"
e2e_keys e
e2e_wait_gone "Changed meanwhile"
e2e_expect "edit again keeps what was typed" "Đã lồng ghép vào kế hoạch năm (bổ sung)"
e2e_keys F2
e2e_expect "the next save goes through over theirs" "Saved the evaluation of VTTTN"
check "mine is stored" test "$(sqlite3 "$DB" "SELECT comment FROM evaluation e JOIN criterion c ON c.id = e.criterion_id WHERE c.code = 'a'")" = "Đã lồng ghép vào kế hoạch năm (bổ sung)"
e2e_stop
DB=$T/demo.db
