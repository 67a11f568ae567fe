# The main menu at 80x24 on the demo database: the plan's title, the entries, q quits.
e2e_start 80 24 "$(tiendo --user nguyenvana)"
e2e_expect "the title bar names the plan" "tiendo · KH hành động 111/QĐ-BCT"
e2e_expect "the title bar shows the user and today's date" "nguyenvana (admin) · 20/12/2025"
e2e_expect "the main menu lists the tasks entry" "1  Tasks and solutions"
e2e_expect "the main menu lists the units entry" "6  Units"
e2e_expect "the main menu lists quit" "q  Quit"
e2e_expect "the demo data is marked as such" "DEMO DATA"
e2e_expect "the key bar shows the main keys" "Enter open"
e2e_keys 6
e2e_expect_re "the units screen counts each unit's tasks" "VTTTN +Vụ Thị trường trong nước +4 +0 +3"
e2e_keys Enter
e2e_expect "Enter on a unit lists its tasks" "row 1 of 4"
e2e_expect "the list says it is filtered by the unit" "filter: VTTTN"
e2e_keys q
e2e_wait "Avg %"
e2e_keys q
e2e_wait "Tasks and solutions"
e2e_keys 3
e2e_expect "3 opens the reporting schedule" "Units in"
e2e_keys q
e2e_wait "Tasks and solutions"
e2e_keys 5
e2e_wait "Communication activities"
e2e_keys 2
e2e_expect "5 then 2 opens the communication activities" "row 0 of 0  all units · every kind"
e2e_keys q
e2e_wait "Conferences and meetings"
e2e_keys q
e2e_wait "Tasks and solutions"
# The help of the task list is longer than the screen: it scrolls like any text, to its end.
e2e_keys 1
e2e_wait "row 1 of"
e2e_keys '?'
e2e_expect "the help names each key with its action and its [keys] name" "move down  (move.down)"
e2e_expect "the help says there is more" "· ↓ more"
e2e_keys End
e2e_expect "End scrolls the help to the global keys" "redraw the screen  (redraw)"
e2e_keys q
e2e_wait "row 1 of"
e2e_keys q
e2e_wait "Tasks and solutions"
e2e_keys q
status=$(e2e_exited)
check "q on the main menu quits with status 0" test "${status:-x}" = 0
