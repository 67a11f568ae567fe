# x writes the list on the screen, with its filter and sort, as CSV into [export] dir.
printf '[export]\ndir = %s/exports\n' "$T" >"$T/export.ini"
e2e_start 80 24 "$(tiendo --config "$T/export.ini")"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys f
e2e_wait "Flags (none: any)"
e2e_keys Tab Tab Enter F2
e2e_wait "filter: overdue"
shown=$(e2e_screen | grep -E '^[ >*] [IVX]+\.[0-9]+ ' | sed -E 's/^[ >*] ([^ ]+).*/\1/' | tr '\n' ' ')
e2e_keys x
e2e_expect "x says where it wrote the list" "Wrote 5 rows to $T/exports/tasks-"
file=$(ls "$T"/exports/tasks-*.csv 2>/dev/null | head -1)
check "the CSV file is there" test -n "$file"
check "the CSV holds the header and exactly the rows shown" \
	test "$(tail -n +2 "$file" | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" = "$shown"
check "the file is 0600, whatever the umask (issue 14 point 8)" test "$(stat -c %a "$file")" = 600
check "the CSV header names the columns as on the screen" \
	sh -c 'head -1 "$1" | grep -q "^Code,Task,Lead,Due,Status,%"' _ "$file"
e2e_stop
# The submission matrix's x: a row per unit with its name, a column per report with each status
# in words (not the screen's symbols), then the unit's two rates.
e2e_start 80 24 "$(tiendo --config "$T/export.ini")"
e2e_wait "Tasks and solutions"
e2e_keys 3 m
e2e_wait "Submission matrix"
e2e_keys x
e2e_expect "x writes the submission matrix" "Wrote 10 rows to $T/exports/matrix-"
file=$(ls "$T"/exports/matrix-*.csv 2>/dev/null | head -1)
check "the matrix's header: unit, name, the reports, the two rates" \
	sh -c 'head -1 "$1" | tr -d "\r" | grep -qE "^Unit,Name,[^,]+(,[^,]+)*,Rate,On time$"' _ "$file"
check "a unit's row: its statuses in words and its rates" \
	sh -c 'grep -qE "^VTTTN,Vụ Thị trường trong nước,.*(overdue|not yet due).*,[0-9]+%,[0-9]+%" "$1"' _ "$file"
check "no symbol in the file" sh -c '! grep -qE "✗|✓|◑" "$1"' _ "$file"
e2e_stop
# Without [export] dir the files go under the data home, and the message shows the path from ~
# (as scp takes it), short enough for 80 columns to show the file's name whole.
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys x
e2e_expect_re "the message shows the path from ~, with the file's name" \
	"Wrote [0-9]+ rows to ~/\.local/share/tiendo/export/tasks-[0-9-]+\.csv"
check "the file is there" test -n "$(ls "$HOME"/.local/share/tiendo/export/tasks-*.csv 2>/dev/null)"
e2e_keys q q
e2e_stop
