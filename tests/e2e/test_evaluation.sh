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
e2e_expect "the footer says which criterion" "row 1 of 10 · column 1 of 4"
check "and, as all four fit, no word of others" test -z "$(e2e_screen | grep -F "for the others")"
e2e_keys ?
e2e_expect_re "help in the matrix says what ← → do" "← → +the criterion before, after"
e2e_keys q
e2e_wait_gone "the criterion before, after"
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
# f chooses the period: the year before has no ratings; back on 2025 they are there again.
e2e_keys f
e2e_wait "Period"
e2e_keys Up Enter
e2e_expect "another period counts its own ratings" "year 2024 · 0 of 10 units evaluated"
check "and shows none of 2025's" test -z "$(e2e_screen | grep -E 'VTTTN +Tốt')"
e2e_keys f
e2e_wait "Period"
e2e_keys Down Enter
e2e_expect_re "back on 2025, its ratings" "VTTTN +Tốt +Khá +Tốt +Khá"
# / finds a unit by its name too, as in the submission matrix.
e2e_keys /
e2e_type "da nang"
e2e_keys Enter
e2e_expect_re "a unit is found by its name, without diacritics" "^> SCT-DN "
e2e_keys g
e2e_expect_re "g goes back to the first unit" "^> VTTTN "
# The period list moves by a page too (PgDn, PgUp), as every list does.
e2e_keys f
e2e_wait "Period"
e2e_keys PgDn Enter
e2e_expect "PgDn in the period list goes a page down: the last period" "Giai đoạn 2026"
e2e_keys f
e2e_wait "Period"
e2e_keys PgUp Enter
e2e_expect "PgUp goes to the first" "year 2021 · 0 of 10 units evaluated"
e2e_keys f
e2e_wait "Period"
e2e_keys Down Down Down Down Enter
e2e_expect "and Down four times to 2025 again" "year 2025 · 1 of 10 units evaluated"
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
# A plan with 20 criteria, more than the form once held (16): → scrolls the matrix to the last
# ones, the 17th is rated and saved, and a save over someone else's change to it still shows
# both versions.
mkdir -p "$T/plan20"
cp "$here/../../config/plans/qd-111-2022.ini" "$here/../../config/plans/qd-111-2022-demo.ini" \
	"$T/plan20/"
for c in e f g h i j k l m n o p q r s t; do
	printf '\n[criterion.%s]\nlabel = Tiêu chí %s\nwording = Tiêu chí bổ sung %s\n' "$c" "$c" "$c"
done >>"$T/plan20/qd-111-2022.ini"
DB=$T/eval20.db
"$BIN" --db "$DB" init --plan "$T/plan20/qd-111-2022.ini" --demo >/dev/null
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 2 1
e2e_expect_re "20 criteria: the matrix shows the first ones" "Unit +a +b +c +d +e"
eval_keys=()
for _ in $(seq 19); do eval_keys+=(Right); done
e2e_keys "${eval_keys[@]}"
e2e_expect_re "→ scrolls the columns to the 20th criterion" "Unit +p +q +r +s +t"
check "the first criteria are scrolled away" test -z "$(e2e_screen | grep -E 'Unit +a +b')"
e2e_keys Enter
e2e_wait "Facts: 1 of 4 tasks"
eval_keys=()
for _ in $(seq 64); do eval_keys+=(Tab); done
e2e_keys "${eval_keys[@]}"
e2e_expect "Tab reaches the 17th criterion" "q) Tiêu chí q"
e2e_keys Right F2
e2e_expect "the evaluation of 20 criteria is saved" "Saved the evaluation of VTTTN"
check "the 17th criterion's rating is stored" test "$(sqlite3 "$DB" "SELECT v.label FROM evaluation e JOIN criterion c ON c.id = e.criterion_id JOIN vocab v ON v.id = e.rating_id WHERE c.code = 'q'")" = "Tốt"
e2e_expect_re "the matrix shows it in the 17th column" "VTTTN +· +Tốt +· +· +·"
e2e_keys Enter
e2e_wait "Facts: 1 of 4 tasks"
eval_keys=()
for _ in $(seq 65); do eval_keys+=(Tab); done
e2e_keys "${eval_keys[@]}"
e2e_type "Ý kiến về tiêu chí q"
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE evaluation SET comment = 'Người khác sửa q',
  version = version + 1 WHERE criterion_id = (SELECT id FROM criterion WHERE code = 'q')"
e2e_keys F2
e2e_expect "with 20 criteria, a save over someone else's change opens the conflict dialog" "Changed meanwhile"
e2e_expect "with their comment on the 17th criterion" "Người khác sửa q"
e2e_keys e
e2e_wait_gone "Changed meanwhile"
e2e_keys F2
e2e_expect "the next save goes through over theirs" "Saved the evaluation of VTTTN"
check "mine is stored on the 17th criterion" test "$(sqlite3 "$DB" "SELECT comment FROM evaluation e JOIN criterion c ON c.id = e.criterion_id WHERE c.code = 'q'")" = "Ý kiến về tiêu chí q"
e2e_stop
DB=$T/demo.db
