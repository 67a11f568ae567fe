# Every list screen moves, searches, exports and counts the same way (one loop over all of
# them): j/k, PgDn/PgUp, Home/End, g/G, / with n and N, x, and the footer "row i of n". A plan
# with 120 units: every list shows all of them, and the inspection form picks all 120.
DB=$T/lists.db
"$BIN" --db "$DB" init --demo >/dev/null
# 110 more units than the demo's 10: 120, more than a page and more than the old 64-bit picker.
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 110)
	INSERT INTO unit (code, name, sort_order) SELECT printf('U%03d', i), printf('Unit %03d', i),
	1000 + i FROM n;
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
	INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values)
	SELECT 'lan', 'task', 1, 'update', '', printf('mark-%02d', i) FROM n;"

# The footer's "row A of B" as "A B" (digit groups dropped).
lists_row() {
	e2e_screen | grep -oE 'row [0-9.,]+ of [0-9.,]+' | tail -1 | tr -d '.,' | awk '{print $2, $4}'
}
# lists_wait_at N: waits until the selected row is N.
lists_wait_at() {
	local deadline=$((SECONDS + E2E_TIMEOUT))
	while [ $SECONDS -lt $deadline ]; do
		[ "$(lists_row | cut -d' ' -f1)" = "$1" ] && return 0
		sleep 0.05
	done
	return 1
}
# lists_key NAME KEY WANT: presses KEY and expects the selection on row WANT.
lists_key() {
	e2e_keys "$2"
	if lists_wait_at "$3"; then ok "$lists_name: $1 goes to row $3"; else
		not_ok "$lists_name: $1 goes to row $3" "footer: $(lists_row)" "$(e2e_screen)"
	fi
}
# The selected row (drawn with ">" in front) holds TEXT.
lists_selected_has() { e2e_screen | grep -E '^>' | grep -qF -- "$1"; }

# name | keys from the main menu | a text the list shows | a search that is not in its first row
lists_screens=(
	"tasks|1|sorted by|II.3"
	"units|6|U001|U077"
	"audit trail|7|mark-40|mark-25"
	"periods|8|lock|2024"
	"targets|4|TMDT-TT|TMDT"
	"schedule|3|reports overdue|2027"
	"submissions|3 Enter|units submitted|U077"
	"evaluation matrix|2 1|units evaluated|U077"
	"criteria|2 2|Rating scale|Rating"
	"conferences|5 3|every kind|tổng kết"
)

for spec in "${lists_screens[@]}"; do
	IFS='|' read -r lists_name lists_path lists_shows lists_term <<<"$spec"
	e2e_start 80 24 "$(tiendo --user lan)"
	e2e_wait "Tasks and solutions"
	# shellcheck disable=SC2086 # the path is several keys
	e2e_keys $lists_path
	e2e_expect "$lists_name: the list opens" "$lists_shows"
	# An empty column title once showed gettext("") there: the catalogue's header.
	check "$lists_name: no catalogue header on the screen" \
		test -z "$(e2e_screen | grep -F "Project-Id-Version")"
	e2e_wait_re 'row [0-9.,]+ of [0-9.,]+'
	read -r at total <<<"$(lists_row)"
	check "$lists_name: the footer says row 1 of its $total rows" test "$at" = 1 -a "$total" -gt 1
	lists_key j j 2
	lists_key k k 1
	lists_key Down Down 2
	lists_key Up Up 1
	lists_key G G "$total"
	lists_key g g 1
	lists_key End End "$total"
	lists_key Home Home 1
	e2e_keys NPage
	e2e_wait_re 'row ([2-9]|[1-9][0-9]+) of'
	read -r at _ <<<"$(lists_row)"
	page=$((total < 19 ? total : 19)) # 24 lines: title, rule, header, 18 rows of the page
	check "$lists_name: PgDn moves a page (to row $at)" test "$at" -gt 1 -a "$at" -le "$page"
	lists_key PgUp PPage 1
	e2e_keys /
	e2e_type "$lists_term"
	e2e_keys Enter
	e2e_wait_gone "search:"
	e2e_wait_re 'row ([2-9]|[1-9][0-9]+) of'
	read -r found _ <<<"$(lists_row)"
	check "$lists_name: / finds \"$lists_term\" past the first row (row $found)" test "$found" -gt 1
	check "$lists_name: the row found is the selected one" lists_selected_has "$lists_term"
	e2e_keys n
	sleep 0.2
	e2e_keys N
	if lists_wait_at "$found"; then ok "$lists_name: n then N come back to row $found"; else
		not_ok "$lists_name: n then N come back to row $found" "footer: $(lists_row)"
	fi
	e2e_keys x
	e2e_expect "$lists_name: x exports all $total rows" "Wrote $total rows"
	e2e_stop
done

# The submission matrix is a grid: Home/End (and g/G) go to the first and last report, as its
# key bar says; up and down, / n N, x and the footer are those of every list.
lists_name="submission matrix"
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 3 m
e2e_expect "$lists_name: the matrix opens" "Submission matrix"
e2e_expect "$lists_name: the footer says row 1 of its 120 units" "row 1 of 120"
lists_key j j 2
lists_key k k 1
e2e_keys NPage
e2e_wait_re 'row ([2-9]|[1-9][0-9]+) of'
check "$lists_name: PgDn moves a page" test "$(lists_row | cut -d' ' -f1)" -gt 1
lists_key PgUp PPage 1
e2e_keys /
e2e_type "U077"
e2e_keys Enter
e2e_wait_gone "search:"
e2e_expect_re "$lists_name: / finds the unit" "U077: .* · Unit 077"
lists_wait_at 87
check "$lists_name: on its row" test "$(lists_row | cut -d' ' -f1)" = 87
e2e_keys n N
lists_wait_at 87
check "$lists_name: n then N come back to it" test "$(lists_row | cut -d' ' -f1)" = 87
# The unit's name is searched too, though only its code is shown.
e2e_keys /
e2e_type "unit 078"
e2e_keys Enter
e2e_wait_gone "search:"
lists_wait_at 88
check "$lists_name: / finds a unit by its name" test "$(lists_row | cut -d' ' -f1)" = 88
e2e_keys x
e2e_expect "$lists_name: x exports its 120 rows" "Wrote 120 rows"
e2e_stop

# The inspection form's unit picker: all 120 units, picked one by one and saved.
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 5 1
e2e_expect "inspections: the list opens" "row 0 of 0"
e2e_keys a
e2e_expect "inspections: a opens the form" "A new inspection or survey"
e2e_keys Tab
e2e_type "15/11/2025"
e2e_keys Tab
lists_picks=()
for _ in $(seq 120); do lists_picks+=(Enter Right); done
e2e_keys "${lists_picks[@]}"
e2e_keys Tab
e2e_type "Kiểm tra 120 đơn vị"
e2e_keys F2
e2e_expect "inspections: the inspection of 120 units is saved" "Saved the inspection or survey"
check "inspections: all 120 units are linked to it" test "$(sqlite3 "$DB" "SELECT count(*) FROM inspection_unit")" = 120
check "inspections: the last unit too" test "$(sqlite3 "$DB" "SELECT count(*) FROM inspection_unit iu JOIN unit u ON u.id = iu.unit_id WHERE u.code = 'U110'")" = 1
e2e_expect_re "inspections: the list shows it" "15/11/2025 .*Kiểm tra 120"
e2e_keys Enter
e2e_expect "inspections: it opens again" "Edit the inspection or survey"
e2e_keys F2
e2e_expect "inspections: saved again unchanged" "Saved the inspection or survey"
check "inspections: still 120 units" test "$(sqlite3 "$DB" "SELECT count(*) FROM inspection_unit")" = 120
e2e_stop
DB=$T/demo.db
