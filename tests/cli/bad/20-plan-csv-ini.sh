# Bad plan files (init --plan, [plan] file), bad settings files and bad CSV imports: each is
# refused with a message naming the file and what is wrong (section and key, or line and
# column), and the database and the files involved are left as they were.
PLANS=$(cd "$here/../../config/plans" && pwd)

# conf_add TEXT: appends to the settings file of the case (printf %b), which is then guarded
# as it is now.
conf_add() {
	printf '%b' "$1" >>"$CONF"
	guarded=()
	guard "$DB" "$CONF"
}

# plan_variant NAME SED-SCRIPT: a copy of the shipped plan (and its demo file) in $W, changed.
plan_variant() {
	cp "$PLANS/qd-111-2022-demo.ini" "$W/"
	sed "$2" "$PLANS/qd-111-2022.ini" >"$W/$1"
	guard "$W/$1" "$W/qd-111-2022-demo.ini"
}

# plan_case NAME RC TEXT SED-SCRIPT: init --plan on the variant, on an existing database.
plan_case() {
	fresh
	plan_variant p.ini "$4"
	bad "plan: $1" "$2" "$3" init --plan "$W/p.ini"
}

# A [section] key = value line of the shipped plan, by the line after the section header.
plan_case "a report without kind is named, not a crash" 2 \
	"p.ini: [report.midterm] kind: required key is missing" '/^\[report.midterm\]/,/^\[/{/^kind/d}'
plan_case "a misspelt kind (klind) is named as unknown" 2 \
	"p.ini: [report.midterm] klind: unknown key" '/^\[report.midterm\]/,/^\[/{s/^kind/klind/}'
plan_case "a conference without kind is named" 2 \
	"[conference.midterm-2025] kind: required key is missing" '/^\[conference.midterm-2025\]/,/^\[/{/^kind/d}'
plan_case "a conference of an unknown kind is named" 2 \
	'[conference.midterm-2025] kind: unknown kind "nope"' '/^\[conference.midterm-2025\]/,/^\[/{s/^kind = .*/kind = nope/}'
plan_case "a report of an unknown kind lists the kinds" 2 \
	"[report.midterm] kind: expected one of annual, oneoff, adhoc" '/^\[report.midterm\]/,/^\[/{s/^kind = .*/kind = weekly/}'
plan_case "the plan without its code" 2 "[plan] code: required key is missing" '/^\[plan\]/,/^\[/{/^code/d}'
plan_case "a plan file without [plan]" 2 "[plan]: section is missing" 's/^\[plan\]$/[plan_x]/'
plan_case "an unknown section is named" 2 "[frobnicate]: unknown section" '1i [frobnicate]\nx = 1'
plan_case "an unknown key in [plan] is named" 2 "[plan] colour: unknown key" '/^\[plan\]/a colour = red'
plan_case "a unit without its name" 2 "[unit.pc] name: required key is missing" '/^\[unit.pc\]/,/^\[/{/^name/d}'
plan_case "a unit without its code" 2 "[unit.pc] code: required key is missing" '/^\[unit.pc\]/,/^\[/{/^code/d}'
plan_case "two units with one code" 2 'two [unit.*] sections have the code "PC"' '/^\[unit.khtc\]/,/^\[/{s/^code = .*/code = PC/}'
plan_case "start_year that is not a number" 2 '[plan] start_year: expected a whole number; got "2021x"' '/^\[plan\]/,/^\[/{s/^start_year = .*/start_year = 2021x/}'
plan_case "start_year out of range" 2 "[plan] start_year: expected a number from 1900 to 2200" '/^\[plan\]/,/^\[/{s/^start_year = .*/start_year = 99999999999/}'
plan_case "end_year before start_year" 2 "[plan] end_year: comes before start_year" '/^\[plan\]/,/^\[/{s/^end_year = .*/end_year = 2001/}'
plan_case "an indicator of an unknown kind" 2 "[indicator.tmtn-growth] kind: expected one of level, growth" '/^\[indicator.tmtn-growth\]/,/^\[/{s/^kind = .*/kind = ratio/}'
plan_case "an indicator target that is not a year" 2 "target_20x: expected target_YYYY" '/^\[indicator.tmtn-growth\]/a target_20x = 5'
plan_case "a target range upside down" 2 "expected a number or a range low-high" '/^\[indicator.tmtn-growth\]/,/^\[/{s/^target_2030 = .*/target_2030 = 9.5-9.0/}'
plan_case "a rating score over 100" 2 "[rating.tot] score: expected a number from 0 to 100" '/^\[rating.tot\]/,/^\[/{s/^score = .*/score = 101/}'
plan_case "a criterion with unknown facts" 2 "[criterion.a] facts: expected one of integration" '/^\[criterion.a\]/,/^\[/{s/^facts = .*/facts = everything/}'
plan_case "a report due date not in ISO" 2 '[report.midterm] due: expected a date as YYYY-MM-DD; got "30/06/2025"' '/^\[report.midterm\]/,/^\[/{s/^due = .*/due = 30\/06\/2025/}'
plan_case "an annual report without due_month" 2 "[report.annual]: an annual report needs due_month" '/^\[report.annual\]/,/^\[/{/^due_month/d}'
plan_case "a report for an unknown unit" 2 '[report.annual]: unknown unit "NOPE"' '/^\[report.annual\]/,/^\[/{s/^units = .*/units = VTTTN, NOPE/}'
plan_case "a plan without criteria" 2 "defines no [criterion.*] section" '/^\[criterion\./,/^$/d'
plan_case "a key set twice" 2 "[plan] title is set twice" '/^\[plan\]/,/^\[/{/^title/p}'
plan_case "a section given twice" 2 "section [unit.pc] appears twice" '$a [unit.pc]\ncode = PC'
plan_case "a key before any section" 2 'key "stray" comes before any [section]' '1i stray = 1'
plan_case "a line over 1000 bytes" 2 "line longer than 1000 bytes" "/^\[plan\]/a decision = $(printf 'x%.0s' $(seq 1100))"
plan_case "invalid UTF-8 is named with its line" 2 "not valid UTF-8" 's/^title = .*/title = \xff\xfe/'

fresh
printf '[plan]\ncode = x\0\n' >"$W/nul.ini"
guard "$W/nul.ini"
bad "plan: a NUL byte in a plan file" 2 "nul.ini: contains a NUL byte" init --plan "$W/nul.ini"
fresh
bad "plan: a plan file that does not exist" 2 "plan file $W/none.ini does not exist" init --plan "$W/none.ini"
fresh
mkdir "$W/dir.ini"
bad "plan: a directory given as the plan" 2 "dir.ini" init --plan "$W/dir.ini"

# The demo file: references to what the plan does not have.
demo_case() { # NAME TEXT SED-SCRIPT
	fresh
	cp "$PLANS/qd-111-2022.ini" "$W/p.ini"
	sed "$3" "$PLANS/qd-111-2022-demo.ini" >"$W/qd-111-2022-demo.ini"
	guard "$W/p.ini" "$W/qd-111-2022-demo.ini"
	bad "demo: $1" 2 "$2" init --plan "$W/p.ini" --demo
}
demo_case "a task without its lead unit" "] lead: required key is missing" '0,/^lead = /{/^lead = /d}'
demo_case "a task led by an unknown unit" 'unknown unit "NOPE"' '0,/^lead = /{s/^lead = .*/lead = NOPE/}'
demo_case "progress for an unknown task" 'progress entry for unknown task "Z.9"' '0,/^task = /{s/^task = .*/task = Z.9/}'
demo_case "progress without its task" "] task: required key is missing" '0,/^task = /{/^task = /d}'
demo_case "a value without its indicator" "] indicator: required key is missing" '0,/^indicator = /{/^indicator = /d}'
demo_case "a progress percent over 100" "percent: expected a number from 0 to 100" '0,/^percent = /{s/^percent = .*/percent = 150/}'
demo_case "a plan section in the demo file" "belongs in the plan file, not the demo file" '1i [unit.extra]\ncode = EX\nname = Extra'

# [plan] file in the settings: check and a normal start name the plan's problem.
fresh
plan_variant p.ini '/^\[report.midterm\]/,/^\[/{/^kind/d}'
conf_add "[plan]\nfile = $W/p.ini\n"
bad "[plan] file: check names a report without kind" 1 "p.ini: [report.midterm] kind: required key is missing" check
bad "[plan] file: a normal start names it too (no crash)" 2 "p.ini: [report.midterm]" 
bad "[plan] file: init names it" 2 "[report.midterm] kind: required key is missing" init

# Settings files: every problem names the file, the section and the key.
ini_case() { # NAME RC TEXT INI-LINES
	fresh
	conf_add "$4"
	bad "settings: $1" "$2" "$3" export units
}
ini_case "an unknown key" 2 "tiendo.ini: [ui] colour: unknown key" '[ui]\ncolour = red\n'
ini_case "an unknown section" 2 "tiendo.ini: [frob]: unknown section" '[frob]\nx = 1\n'
ini_case "a language not offered" 2 '[ui] language: expected one of vi, en, auto; got "fr"' '[ui]\nlanguage = fr\n'
ini_case "a number of days that is not a number" 2 '[tasks] due_soon_days: expected a whole number; got "abc"' '[tasks]\ndue_soon_days = abc\n'
ini_case "a number too large for a long" 2 "[tasks] behind_tolerance: expected a number from 0 to 100" '[tasks]\nbehind_tolerance = 99999999999\n'
ini_case "a yes/no that is neither" 2 '[security] restricted: expected yes or no; got "maybe"' '[security]\nrestricted = maybe\n'
ini_case "a date format without the year" 2 "[ui] date_format: expected a date format" '[ui]\ndate_format = %d%m\n'
ini_case "a date format that reads as ISO swapped (found by fuzz_date)" 2 "[ui] date_format: %Y-%d-%m shows dates that read as YYYY-MM-DD" '[ui]\ndate_format = %Y-%d-%m\n'
ini_case "a tolerance over 1" 2 "[targets] tolerance: expected a number from 0 to 1" '[targets]\ntolerance = 2\n'
ini_case "a user with an unknown role" 2 "[users] an:" '[users]\nan = god\n'
ini_case "a colour that is not one" 2 "[colors]" '[colors]\ntitle = purple\n'
ini_case "an unknown key action" 2 "[keys]" '[keys]\nfly.away = z\n'
ini_case "a section set twice in the settings" 2 "section [ui] appears twice" '[ui]\nlanguage = en\n[ui]\ntheme = mono\n'
ini_case "a key set twice in the settings" 2 "[ui] language is set twice" '[ui]\nlanguage = en\nlanguage = vi\n'
ini_case "a NUL byte in the settings" 2 "contains a NUL byte" '[ui]\nlanguage = en\0\n'
ini_case "an empty plan file name" 2 "[plan] file: must not be empty" '[plan]\nfile =\n'
fresh
bad "settings: a --config file that does not exist" 2 "$W/none.ini" --config "$W/none.ini" export units

# CSV imports: all or nothing, each problem with its line (and column).
csv_case() { # NAME TEXT PRINTF-TEXT [ARGS]
	fresh
	printf '%b' "$3" >"$W/exports/t.csv"
	guard "$W/exports/t.csv"
	bad "import: $1" 1 "$2" import tasks "$W/exports/t.csv"
}
H='code,title,lead,due\n'
csv_case "a NUL byte is refused with line and column" "t.csv:3: column 2: a NUL byte" "${H}A.1,One,PC,\nA.2,T\0wo,PC,\n"
csv_case "a column twice is refused with both columns" 't.csv:1: column 5: the column "title" comes twice (first in column 2)' "${H%\\n},title\nA.1,One,PC,,x\n"
csv_case "a field over 10,000 bytes" "t.csv:2: column 2: longer than 10000 bytes" "${H}A.1,$(printf 'x%.0s' $(seq 10001)),PC,\n"
csv_case "an unterminated quote" "t.csv:2: column 2: a quoted field is not closed" "${H}A.1,\"One,PC,\n"
csv_case "text after a closing quote" "t.csv:2: column 2: text after a closing quote" "${H}A.1,\"One\"x,PC,\n"
csv_case "an unknown column" 't.csv:1: column 3: unknown column "colour"' 'code,title,colour,lead\n'
csv_case "a required column missing" 'the column "lead" is missing' 'code,title\nA.1,One\n'
csv_case "an empty file" "t.csv:1: empty file: expected a header row" ''
csv_case "a row with too few fields" "t.csv:2: 2 fields, but the header has 4" "${H}A.1,One\n"
csv_case "a date that is not one" 't.csv:2: due: expected a date as YYYY-MM-DD or %d/%m/%Y; got "31/13/2026"' "${H}A.1,One,PC,31/13/2026\n"
csv_case "a priority not offered" 'priority: expected high, normal or low; got "urgent"' 'code,title,lead,priority\nA.1,One,PC,urgent\n'
csv_case "a lead unit that does not exist" "t.csv:2: lead unit NOPE does not exist" "${H}A.1,One,NOPE,\n"
csv_case "a code twice in the file" "t.csv:3: task A.1 comes twice in the file" "${H}A.1,One,PC,\nA.1,Again,PC,\n"
csv_case "a code the database has" "task I.1 exists already" "${H}I.1,One,PC,\n"
csv_case "a field that is not UTF-8" "t.csv:2: column 2: title: not valid UTF-8" "${H}A.1,\xff\xfe,PC,\n"
csv_case "due before start" "t.csv:2: due: before start" 'code,title,lead,start,due\nA.1,One,PC,2026-05-01,2026-01-01\n'
csv_case "a required field empty" "t.csv:2: lead: required" "${H}A.1,One,,\n"
csv_case "a byte-order mark cut short" "t.csv:1: column 1: not UTF-8 text" '\xef\xbbcode,title,lead\n'
csv_case "every bad row in one pass: after a format error, the unknown unit of line 4" \
	"t.csv:4: lead unit NOPE does not exist" "${H}A.1,\"x\"y,PC,\nA.2,Two,PC,\nA.3,Three,NOPE,\n"
csv_case "every bad row in one pass: a NUL, then a code used twice" \
	"t.csv:5: task A.2 comes twice in the file" "${H}A.1,O\0ne,PC,\nA.2,Two,PC,\nA.3,Three,PC,31/02/2026\nA.2,Again,PC,\n"
csv_case "every bad row in one pass: a bad date, then an existing code" \
	"t.csv:3: task I.1 exists already" "${H}A.1,One,PC,2026-13-01\nI.1,Two,PC,\n"
csv_case "a duplicated header column with rows (the leak under ASan)" 'column "lead" comes twice' 'code,title,lead,lead\nA.1,One,PC,KHTC\nA.2,Two,PC,PC\n'
fresh
guard /dev/null
bad "import: /dev/zero stops at the file limit" 1 "/dev/zero:1: column 1: a NUL byte (is this a text file?); the file is larger than 64 MiB" \
	import tasks /dev/zero
fresh
truncate -s 65M "$W/big.csv"
guard "$W/big.csv"
bad "import: a file over 64 MiB is refused before reading" 1 "big.csv: the file is larger than 64 MiB" import tasks "$W/big.csv"
fresh
bad "import: a file that does not exist" 1 "$W/none.csv: No such file or directory" import tasks "$W/none.csv"
fresh
mkdir "$W/exports/d.csv"
bad "import: a directory" 1 "d.csv: is a directory, not a CSV file" import tasks "$W/exports/d.csv"
