# Keys whose sequences the terminal description does not list: PuTTY (as the Linux console)
# sends Home and End as Esc [ 1 ~ and Esc [ 4 ~ to a server that was told TERM=xterm, whose
# description says Esc O H and Esc O F. They are Home and End, not Esc (back) followed by
# "[1~" typed into a field or read as keys.
DB=$T/escapes.db
"$BIN" --db "$DB" init --demo >/dev/null
n=$(sqlite3 "$DB" "SELECT count(*) FROM task")
e2e_start 80 24 "env TERM=xterm $(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 1
e2e_wait "row 1 of $n"
e2e_type $'\e[4~'
e2e_expect "PuTTY's End goes to the last row" "row $n of $n"
e2e_type $'\e[1~'
e2e_expect "and its Home to the first" "row 1 of $n"
e2e_type $'\e[6~'
e2e_expect "its PgDn moves by a page, still on the list" "row 1"
check "nothing went back to the menu" test -n "$(e2e_screen | grep -F "row ")"
e2e_keys /
e2e_type "ha tang"
e2e_type $'\e[1~'
e2e_type "X"
e2e_expect "in a text field Home moves to its start" "search: Xha tang"
e2e_type $'\e[4~'
e2e_type "Y"
e2e_expect "and End to its end" "search: Xha tangY"
check "no sequence was typed into it" test -z "$(e2e_screen | grep -F "[1~")"
# A sequence tiendo has no key for is nothing; Esc alone still goes back.
e2e_type $'\e[99~'
e2e_expect "an unknown sequence types nothing" "search: Xha tangY"
check "and does not end the search" test -z "$(e2e_screen | grep -F "[99")"
# Esc and a key sent together (as a fast typist or a paste sends them) are both keys: Esc ends
# the search, q goes back to the menu.
e2e_keys Escape q
e2e_expect "Esc, then q, reach the main menu" "Reports & schedule"
e2e_keys q
e2e_stop
