#!/bin/bash
# The layers stay apart (rule 6 of the house, ../shared/DESIGN.md): only src/store speaks SQL,
# only src/tui calls ncurses, only src/config calls iniparser, src/core is pure (libc, no I/O),
# src/export takes structs (never the store), and main.c alone decides between the command
# line and the screens. Comments do not count: only #include lines and calls.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh

# code FILES...: the files without their comments (/* */ and //), each line "file:text".
code() {
	for f in "$@"; do
		perl -0777 -pe 's{/\*.*?\*/}{ }gs; s{//[^\n]*}{}g' "$f" | sed "s|^|$f:|"
	done
}

outside() { # dir-kept: every .c and .h under src and include but dir-kept's
	find src include -name '*.[ch]' | grep -v "^$1" | sort
}

layer() { # what dir pattern: pattern must not appear outside dir
	local hits
	hits=$(code $(outside "$2") | grep -E "$3" | head -5)
	if [ -z "$hits" ]; then ok "$1"; else not_ok "$1" "$hits"; fi
}

layer "only src/store speaks SQL" src/store '#include *<sqlite3\.h>|\bsqlite3_[a-z_0-9]+ *\('
layer "only src/tui calls ncurses" src/tui \
	'#include *<(n?curses|ncursesw/[a-z]+|term|form|menu|panel)\.h>|\b(initscr|endwin|newwin|wrefresh|mvwaddnwstr|getch|wgetch|keypad|setupterm) *\('
layer "only src/config calls iniparser" src/config '#include *<iniparser|\biniparser_[a-z_]+ *\('

hits=$(code src/core/*.c include/tiendo/*.h | grep -E '#include *"tiendo/(store|tui|cli|config|export)[a-z_]*\.h"|\b(fopen|fprintf|printf|puts|fputs|fwrite|fread|fgets|open|read|write|popen|system) *\(' |
	grep -v '^include/' | head -5)
[ -z "$hits" ] && ok "src/core includes no other layer and does no I/O" ||
	not_ok "src/core includes no other layer and does no I/O" "$hits"

hits=$(code src/export/*.c | grep -E '#include *"tiendo/store[a-z_]*\.h"|\bstore_[a-z_]+ *\(' | head -5)
[ -z "$hits" ] && ok "src/export takes structs, never the store" ||
	not_ok "src/export takes structs, never the store" "$hits"

hits=$(code src/cli/*.c src/cli/*.h src/store/*.c src/config/*.c src/export/*.c src/core/*.c |
	grep -E '#include *"tiendo/tui\.h"|\btui_[a-z_]+ *\(' | head -5)
[ -z "$hits" ] && ok "only main.c opens the screens (src/cli does not call src/tui)" ||
	not_ok "only main.c opens the screens (src/cli does not call src/tui)" "$hits"

hits=$(grep -nE '\-l(formw?|menuw?|panelw?)\b|\b(formw|menuw|panelw)\b' Makefile | head -3)
[ -z "$hits" ] && ok "the build links no curses library that no source uses" ||
	not_ok "the build links no curses library that no source uses" "$hits"
finish
