# Long text (issue 17): a 3,000-character note is readable in full in the task's history, Enter
# shows a history entry by itself, the targets list tells its indicators apart at 80x24, and
# the title bar keeps the screen's name apart from the login, in both languages.
DB=$T/text.db
"$BIN" --db "$DB" init --demo >/dev/null
# no_ellipsis: no "…" between the title bar and the key bar.
no_ellipsis() { ! e2e_screen | sed -n '3,21p' | grep -qF '…'; }
# indicators_apart [cut]: the five indicators' name cells (14 at 80 columns) all differ, and
# none is cut (unless "cut" is given).
indicators_apart() {
	e2e_screen | python3 -c "
import sys
names = [l[12:26] for l in sys.stdin.read().splitlines() if l[2:4] == 'TM']
cut = any('…' in n for n in names) and sys.argv[1] != 'cut'
sys.exit(0 if len(names) == 5 and len(set(names)) == 5 and not cut else 1)" "${1:-}"
}
# A note of 3,000 characters of Vietnamese whose last words appear nowhere else.
note=$(python3 -c "
w = 'Đơn vị đã phối hợp kiểm tra thị trường tại các tỉnh miền núi phía Bắc. '
s = (w * 60)[:2970] + ' Cuối cùng: HẾT-GHI-CHÚ.'
print(s, end='')")
check "the note is 3,000 characters long" test "$(printf '%s' "$note" | wc -m)" -eq 2994
TIENDO_TODAY=2025-12-20 "$BIN" --db "$DB" progress II.1 75 --note "$note" >/dev/null
check "the whole note is stored" test "$(sqlite3 "$DB" "SELECT length(done) FROM progress_update WHERE done LIKE 'Đơn vị đã phối hợp%'")" -eq 2994

e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "Code"
e2e_keys /
e2e_type "II.1"
e2e_keys Enter
e2e_wait "> II.1"
e2e_keys Enter
e2e_expect "the task's detail opens with its history" "Progress history (2 entries, newest first)"
e2e_expect "the long note starts in the history" "done: Đơn vị đã phối hợp kiểm tra"
e2e_expect "the detail says there is more below" "· ↓ more"
check "nothing in the detail is cut with an ellipsis" no_ellipsis
e2e_keys End
e2e_expect "End scrolls the history to the note's last words" "HẾT-GHI-CHÚ."
check "the long entry being read is marked with a bar" e2e_screen_has "▌"
e2e_expect "the older entry follows, whole" "15/12/2024 · 70% · in progress · demo"
check "still no ellipsis at the end" no_ellipsis
e2e_keys Home
e2e_wait "Progress history"
# A few lines down the note's entry is being read (marked): Enter shows it by itself.
e2e_keys Down Down Down
e2e_wait_re "^▌ +done: Đơn vị"
e2e_keys Enter
e2e_expect "Enter on the history entry shows it by itself" "· Progress entry"
e2e_expect "the entry names its date, percent, status and author" "20/12/2025 · 75% · in progress · $(id -un)"
e2e_expect "the entry's text is headed" "What was done"
e2e_keys End
e2e_expect "the entry alone scrolls to the note's last words" "HẾT-GHI-CHÚ."
e2e_expect_re "and says which lines show" "lines [0-9]+–[0-9]+ of [0-9]+"
e2e_keys q
e2e_expect "q goes back to the task" "Progress history (2 entries, newest first)"
# The entry taken back meanwhile (someone's undo): Enter says so rather than show it.
sqlite3 "$DB" "DELETE FROM progress_update WHERE done LIKE 'Đơn vị đã phối hợp%'"
e2e_keys Enter
e2e_expect "Enter on an entry gone meanwhile says so" "that progress entry is no longer there"
e2e_keys q
e2e_wait "> II.1"
e2e_keys q
e2e_wait "Tasks and solutions"

# The title bar: the screen's name and the login are parted by a bar.
e2e_keys 1
e2e_expect "the English title bar parts the screen's name from the login" "Tasks and solutions │ $(id -un) (admin)"
e2e_keys q
e2e_wait "Overview"
# The targets list at 80x24: every indicator's name tells it apart (the plan's short names).
e2e_keys 4
e2e_wait "TMDT-TD"
for name in "Tăng GTTT TMTN" "TMTN trong GDP" "Tăng bán lẻ" "Tỷ trọng TMĐT" "Tăng TMĐT"; do
	e2e_expect_re "the targets list shows \"$name\" whole" "^. [A-Z-]+ +$name( |$)"
done
check "no two indicators look alike on the targets list, none is cut" indicators_apart
e2e_stop

# In Vietnamese (LANG=C.UTF-8, as a stock server sends): the same title bar, the same names.
e2e_start 80 24 "env LANGUAGE= LANG=C.UTF-8 $(tiendo)"
e2e_expect "LANG=C.UTF-8 speaks Vietnamese on the screens" "1  Nhiệm vụ, giải pháp"
e2e_keys 1
e2e_expect "the Vietnamese title bar parts the screen's name from the login" "Nhiệm vụ, giải pháp │ $(id -un) (quản trị)"
e2e_keys q
e2e_wait "Tổng quan"
e2e_keys 4
e2e_expect_re "the Vietnamese targets list shows the short names too" "^. TMBL-TT +Tăng bán lẻ "
check "in Vietnamese too no two indicators look alike" indicators_apart
e2e_stop

# A plan without short names: the leading words names share become initials, so what differs
# shows within the column ("TĐT tổng mức …" beside "TĐTT giá trị …").
mkdir -p "$T/plans"
grep -v '^short_name' "$here/../../config/plans/qd-111-2022.ini" >"$T/plans/qd-111-2022.ini"
cp "$here/../../config/plans/qd-111-2022-demo.ini" "$T/plans/"
DB=$T/noshort.db
"$BIN" --db "$DB" init --plan "$T/plans/qd-111-2022.ini" --demo >/dev/null
e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_keys 4
e2e_wait "TMDT-TD"
e2e_expect_re "without short names the shared words become initials" "^. TMBL-TT +TĐT tổng mức"
check "and no two indicators look alike" indicators_apart cut
e2e_stop

# An activity's title of 490 Vietnamese characters (the form's limit, over 600 bytes) is kept
# whole: it used to be cut at 499 bytes, possibly inside a character.
title=$(python3 -c "print(('Phổ biến kiến thức thương mại điện tử cho người dân vùng sâu. ' * 9)[:489] + 'Ế', end='')")
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 5 2
e2e_wait "Communication activities"
e2e_keys a
e2e_wait "A new communication activity"
e2e_keys Right Tab
e2e_type "$title"
e2e_keys F2
e2e_expect "a title of 490 Vietnamese characters is saved" "Saved: Phổ biến kiến thức"
check "the title is stored whole, to its last character" \
	test "$(sqlite3 "$DB" "SELECT title FROM activity ORDER BY id DESC LIMIT 1")" = "$title"
check "it is 490 characters in $(printf '%s' "$title" | wc -c) bytes" \
	test "$(sqlite3 "$DB" "SELECT length(title) FROM activity ORDER BY id DESC LIMIT 1")" -eq 490
e2e_stop
DB=$T/demo.db
