# r on the reporting schedule writes the selected report's draft, as `tiendo report` does, into
# [export] dir (issue 15 point 9: the schedule screen and the command make the same draft).
printf '[export]\ndir = %s/drafts\n' "$T" >"$T/drafts.ini"
e2e_start 100 24 "$(tiendo --config "$T/drafts.ini")"
e2e_wait "Tasks and solutions"
e2e_keys 3
e2e_wait "Reports & schedule"
e2e_keys r
e2e_expect "r says where it wrote the draft" "Draft written to $T/drafts/draft-"
file=$(ls "$T"/drafts/draft-*.md 2>/dev/null | head -1)
check "the draft file is there, 0600" sh -c 'test -n "$1" && test "$(stat -c %a "$1")" = 600' _ "$file"
period=$(basename "$file" | sed -E 's/^draft-annual-([0-9]{4})-.*/\1/')
check "it is the draft the command writes for that report (annual $period)" \
	bash -c 'diff <(grep -v "^Period: " "$1") <("$2" --db "$3" report annual "$4" | grep -v "^Period: ")' _ \
	"$file" "$BIN" "$DB" "$period"
e2e_keys q q
e2e_stop
