# Targets: the verdicts, a trend, and three years typed into the grid changing a verdict.
DB=$T/targets.db
"$BIN" --db "$DB" init --demo >/dev/null
e2e_start 80 24 "$(tiendo --user lan)"
e2e_wait "Tasks and solutions"
e2e_keys 4
e2e_expect "the targets screen lists the indicators with a verdict" "TMDT-TT"
e2e_expect_re "a level indicator with a rising trend is on track" "TMDT-TT .* on track"
e2e_expect_re "an indicator without values says so" "TMTN-TT .* not enou"
e2e_keys j j j Enter
e2e_expect "Enter shows the trend with the rule under it" "Rule: a least-squares line"
e2e_expect "the projection and the verdict are spelled out" "projection 11.17 · on track"
e2e_expect "the chart's legend names the target band and its year" "── target 10.5–11.0 (2030)"
e2e_expect "the legend shows the dashed projection with its verdict" "╌╌ projection 11.2: on track"
e2e_expect "the legend names the baseline's bar" "grey bar: baseline 7.0 (2020)"
check "the projection is drawn dashed in the chart" e2e_screen_has "╌╌╌╌"
check "the y axis shows a middle value besides top and bottom" e2e_screen_has " 6.2 "
e2e_keys q
e2e_wait "Projection"
e2e_keys e
e2e_expect "e opens the grid of values by year" "Values by year"
e2e_expect_re "the growth indicator starts with no verdict" "TMTN-TT .* not enou"
e2e_type "10"
e2e_keys Enter
e2e_expect_re "one year of 10 % against 9.0–9.5 is on track" "TMTN-TT +10\\.0 .* on track"
e2e_keys Right
e2e_type "5"
e2e_keys Enter
e2e_expect_re "then 5 % brings the average to 7.5 %: off track" "TMTN-TT +10\\.0 +5\\.0 .* off track"
e2e_keys Right
e2e_type "12,0"
e2e_keys Enter
e2e_expect_re "then 12 % (typed with a comma) makes it 9.0 %: at risk" "TMTN-TT +10\\.0 +5\\.0 +12\\.0 .* at risk"
check "the three values are stored" test "$(sqlite3 "$DB" "SELECT group_concat(value, ' ') FROM (SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'TMTN-TT' ORDER BY v.year)")" = "10.0 5.0 12.0"
e2e_keys Left Delete
e2e_expect_re "Delete clears a value" "TMTN-TT +10\\.0 +· +12\\.0"
# A cell being typed edits as every line of text does: Home, Delete, End.
e2e_type "73"
e2e_keys Home Delete End
e2e_type "4"
e2e_keys Enter
e2e_expect_re "Home, Delete and End edit the typed value (73 to 34)" "TMTN-TT +10\\.0 +34\\.0 +12\\.0"
e2e_stop
DB=$T/demo.db
