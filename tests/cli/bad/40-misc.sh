# Miscellaneous bad input (issue 14): the period command misused, bad dates and formats in
# options, report kinds and years, unterminated quotes and a missing plan in the settings,
# malformed environment. Too-small terminals are screen tests (tests/e2e/test_small.sh).

# conf TEXT: adds TEXT to the settings file of this case, which stays guarded from then on.
conf() {
	printf '%b' "$1" >>"$CONF"
	guarded=()
	guard "$DB" "$CONF"
}

# The period command.
fresh
bad "period without a verb says how to use it" 2 "period open PERIOD or period close PERIOD" period
fresh
bad "period open without a period says how to use it" 2 "period open PERIOD or period close PERIOD" period open
fresh
bad "period with an unknown verb says how to use it" 2 "period open PERIOD or period close PERIOD" period reopen 2025
fresh
bad "period open with an empty period says how to use it" 2 "period open PERIOD or period close PERIOD" period open ""
fresh
bad "period open 1800 names the plan's years" 2 "period 1800 is not one of the plan's: a year from 2021 to 2030" period open 1800
fresh
bad "period open 2099 names the plan's years" 2 "period 2099 is not one of the plan's: a year from 2021 to 2030" period open 2099
fresh
bad "period close 20x5 is not a period" 2 "a year from 2021 to 2030, or a phase (2021-2025, 2026-2030)" period close 20x5
fresh
bad "period open with a phase that is not the plan's" 2 "period 2031-2035 is not one of the plan's" period open 2031-2035
fresh
bad "period open 2025 with one argument too many" 2 'unexpected argument "extra"' period open 2025 extra
fresh
"$BIN" --user xem export units >/dev/null 2>&1 # [users] into the database first
conf '[users]\nxem = viewer\n'
"$BIN" --user xem export units >/dev/null 2>&1
guarded=()
guard "$DB" "$CONF"
bad "a viewer cannot reopen a period" 1 "only an admin may reopen a period; xem is a viewer" --user xem period open 2025

# Dates in options and in the environment.
fresh
bad "audit --since in dd/mm/yyyy is refused" 2 '--since: expected a date YYYY-MM-DD; got "31/12/2025"' audit --since 31/12/2025
fresh
bad "audit --since 30 February is refused" 2 '--since: expected a date YYYY-MM-DD; got "2025-02-30"' audit --since 2025-02-30
fresh
bad "audit --since empty is refused" 2 '--since: expected a date YYYY-MM-DD; got ""' audit --since ""
fresh
badenv "TIENDO_TODAY in dd/mm/yyyy is refused" 2 'TIENDO_TODAY: expected a date as YYYY-MM-DD; got "20/12/2025"' TIENDO_TODAY=20/12/2025 -- export units
fresh
badenv "TIENDO_TODAY with month 13 is refused" 2 'TIENDO_TODAY: expected a date as YYYY-MM-DD; got "2025-13-01"' TIENDO_TODAY=2025-13-01 -- export units
fresh
badenv "TIENDO_TODAY with a leading blank is refused" 2 'TIENDO_TODAY: expected a date as YYYY-MM-DD; got " 2025-12-20"' "TIENDO_TODAY= 2025-12-20" -- period open 2025
fresh
badenv "TIENDO_TODAY with text after the date is refused" 2 'TIENDO_TODAY: expected a date as YYYY-MM-DD; got "2025-12-20x"' TIENDO_TODAY=2025-12-20x -- report final

# --format values.
fresh
bad "export --format xml is refused" 2 '--format: expected csv or json; got "xml"' export tasks --format xml
fresh
bad "export --format empty is refused" 2 '--format: expected csv or json; got ""' export tasks --format ""
fresh
bad "export --format CSV in capitals is refused" 2 '--format: expected csv or json; got "CSV"' export units --format CSV
fresh
bad "report --format pdf is refused" 2 '--format: expected md, html or docx; got "pdf"' report final --format pdf
fresh
bad "audit --format md is refused" 2 '--format: expected csv or json; got "md"' audit --format md
fresh
bad "calendar --format is refused" 2 "--format, -o and --bom go with the export command" calendar --format csv
fresh
bad "check --bom is refused" 2 "--format, -o and --bom go with the export command" check --bom

# Report kinds and years.
fresh
bad "an unknown report kind shows the usage" 2 "usage: tiendo report annual YEAR | midterm | final" report yearly 2025
fresh
bad "report annual without a year shows the usage" 2 "usage: tiendo report annual YEAR" report annual
fresh
bad "report annual 1999 names the plan's years" 2 'report annual: expected a year from 2021 to 2030; got "1999"' report annual 1999
fresh
bad "report annual 2025x is not a year" 2 'report annual: expected a year from 2021 to 2030; got "2025x"' report annual 2025x
fresh
bad "report annual -5 is taken for an option and named" 2 "unknown option -5" report annual -5
fresh
bad "report midterm takes no year" 2 "usage: tiendo report annual YEAR" report midterm 2025
fresh
bad "report --unit that does not exist is named" 2 "--unit: no unit NOPE" report final --unit NOPE
fresh
bad "calendar --unit that does not exist is named" 2 "--unit: no unit NOPE" calendar --unit NOPE

# Settings: unterminated quotes, a missing plan file, odd values.
fresh
conf '[ui]\nlanguage = "en\n'
bad "an unterminated double quote names file, line, section and key" 2 "tiendo.ini:6: [ui] language: a quote is not closed" export units
fresh
conf "[ui]\ndate_format = '%%d/%%m/%%Y\n"
bad "an unterminated single quote names file, line, section and key" 2 "tiendo.ini:6: [ui] date_format: a quote is not closed" report final
fresh
conf '[plan]\nfile = "qd-111-2022.ini\n'
bad "an unterminated quote in [plan] file is refused by init" 2 "[plan] file: a quote is not closed" init
fresh
conf '[plan]\nfile = /nonexistent.ini\n'
bad "a missing [plan] file is refused by export" 2 "tiendo.ini: [plan] file: /nonexistent.ini: No such file or directory" export tasks
fresh
conf '[plan]\nfile = /nonexistent.ini\n'
bad "a missing [plan] file is refused by init" 2 "[plan] file: /nonexistent.ini" init
fresh
conf '[plan]\nfile = /nonexistent.ini\n'
bad "a missing [plan] file is refused by period" 2 "[plan] file: /nonexistent.ini" period open 2025
fresh
conf '[plan]\nfile = /nonexistent.ini\n'
bad "a missing [plan] file is reported by check" 1 "/nonexistent.ini does not exist" check
fresh
conf '[ui]\nlanguage = klingon\n'
bad "an unknown language names the choices" 2 '[ui] language: expected one of vi, en, auto; got "klingon"' export units

# Odd language environments change only the language, never the outcome.
fresh
badenv "an odd LANGUAGE entry is never used as a path (tiendo sets its own)" 2 'không có lệnh "frobnicate"' "LANGUAGE=../../etc:vi" -- frobnicate
fresh
badenv "LANGUAGE=vi overrides an English LC_MESSAGES" 2 'không có lệnh "frobnicate"' LC_MESSAGES=en_US.UTF-8 LANGUAGE=vi -- frobnicate
fresh
badenv "a bogus LC_ALL falls back to UTF-8 and still names the problem" 2 '--format: expected csv or json; got "xml"' LC_ALL=xx_XX.bogus -- export units --format xml
fresh
badenv "an empty LANG still names the problem" 2 '--format: expected md, html or docx; got "pdf"' LANG= -- report final --format pdf
fresh
badenv "control characters in an argument are shown escaped" 2 'unknown command "x^[]0;t^G"' $'LANGUAGE=\e:en' -- $'x\e]0;t\a'
