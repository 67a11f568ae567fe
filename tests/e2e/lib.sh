# Screen-test harness: runs the real binary in a detached tmux at a fixed size, types keys,
# and reads the screen back with capture-pane, polling (never a bare sleep) until the
# expected text is there.
E2E_SOCK="tiendo-e2e-$$-$RANDOM"
E2E_STARTS=0
E2E_TIMEOUT=${E2E_TIMEOUT:-10}

_tmux() { tmux -L "$E2E_SOCK" "$@"; }
# The pane the helpers read and type into: the active one, or pane E2E_PANE of a split window.
_pane() { printf 'e2e%s' "${E2E_PANE:+.$E2E_PANE}"; }

E2E_STATUS=$(mktemp -u)

# e2e_start COLS LINES COMMAND: starts COMMAND (a shell command line) in a new terminal. Its
# exit status goes to a file: tmux 3.3 sometimes marks a pane dead without recording one.
e2e_start() {
	local conf
	# A fresh server for each start: reusing a name races with the last one going away.
	E2E_STARTS=$((E2E_STARTS + 1))
	E2E_SOCK="tiendo-e2e-$$-$E2E_STARTS-$RANDOM"
	conf=$(mktemp)
	rm -f "$E2E_STATUS"
	# COMMAND is quoted for bash (printf %q); the user's $SHELL may be dash.
	printf 'set -g remain-on-exit on\nset -g status off\nset -g default-terminal screen\n' >"$conf"
	printf 'set -g default-shell /bin/bash\n' >>"$conf"
	_tmux -f "$conf" new-session -d -x "$1" -y "$2" -s e2e "$3; echo \$? >$E2E_STATUS"
	rm -f "$conf"
}

# The screen as text, one line per row (-J joins nothing at a fixed size; trailing blanks cut).
e2e_screen() { _tmux capture-pane -p -t "$(_pane)" 2>/dev/null; }
# The screen with its attributes as escape sequences.
e2e_screen_attrs() { _tmux capture-pane -p -e -t e2e 2>/dev/null; }

# e2e_wait TEXT: waits until TEXT (fixed string) is on the screen; 1 on time-out.
e2e_wait() {
	local deadline=$((SECONDS + E2E_TIMEOUT))
	while [ $SECONDS -lt $deadline ]; do
		e2e_screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

# e2e_screen_has TEXT: the screen shows TEXT now (fixed string).
e2e_screen_has() { e2e_screen | grep -qF -- "$1"; }

# e2e_wait_gone TEXT: waits until TEXT is no longer on the screen.
e2e_wait_gone() {
	local deadline=$((SECONDS + E2E_TIMEOUT))
	while [ $SECONDS -lt $deadline ]; do
		e2e_screen | grep -qF -- "$1" || return 0
		sleep 0.05
	done
	return 1
}

# e2e_keys KEY...: tmux key names (Down, Enter, Escape, F1, C-s) or single characters.
e2e_keys() { _tmux send-keys -t "$(_pane)" "$@"; }
# e2e_type TEXT: types TEXT literally (UTF-8 as a terminal would send it).
e2e_type() { _tmux send-keys -t "$(_pane)" -l -- "$1"; }
# e2e_split COMMAND: a second pane beside the first (pane 1), running COMMAND.
e2e_split() { _tmux split-window -h -t e2e "$1"; }

e2e_resize() { _tmux resize-window -t e2e -x "$1" -y "$2"; }

# e2e_exited: waits for the program to end; prints its exit status.
e2e_exited() {
	local deadline=$((SECONDS + E2E_TIMEOUT))
	while [ $SECONDS -lt $deadline ]; do
		if [ -s "$E2E_STATUS" ]; then
			cat "$E2E_STATUS"
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# The programs running in the test terminal's panes (children of each pane's shell).
_e2e_programs() {
	local pane
	for pane in $(_tmux list-panes -a -F '#{pane_pid}' 2>/dev/null); do
		pgrep -P "$pane" 2>/dev/null
	done
}

# Every program a scenario ran, so that the suite can check at its end that none is left.
E2E_PIDS=$(mktemp)

# e2e_alive PID: the process runs (a zombie has ended: an orphan's parent may never reap it).
e2e_alive() {
	local state
	state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# _e2e_ms: the time in milliseconds (SECONDS counts whole seconds: a deadline of SECONDS + 1
# could come after anything between 0 and 1 s, which made "gone within a second" flaky).
_e2e_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}

# _e2e_gone PID... : waits up to E2E_GONE seconds (default 5) for every PID to end.
_e2e_gone() {
	local deadline=$(($(_e2e_ms) + ${E2E_GONE:-5} * 1000)) p alive
	while :; do
		alive=""
		for p in "$@"; do e2e_alive "$p" && alive="$alive $p"; done
		[ -z "$alive" ] && return 0
		[ "$(_e2e_ms)" -lt $deadline ] || return 1
		sleep 0.05
	done
}

# e2e_stop: when the scenario has quit the program (its status is written), waits for it to
# be gone; otherwise ends it by its PID (SIGTERM, as a system shutdown would), and only then
# the terminal. Killing the terminal under a program still exiting hangs it up mid-exit.
e2e_stop() {
	local pids p
	pids=$(_e2e_programs)
	if [ -n "$pids" ]; then
		printf '%s\n' $pids >>"$E2E_PIDS"
		# shellcheck disable=SC2086
		if [ ! -s "$E2E_STATUS" ] || ! _e2e_gone $pids; then
			for p in $pids; do kill -TERM "$p" 2>/dev/null; done
			# shellcheck disable=SC2086
			_e2e_gone $pids || not_ok "tiendo ends on SIGTERM" "still running: $pids"
		fi
	fi
	_tmux kill-server 2>/dev/null
	rm -f "$E2E_STATUS"
}

# e2e_left: not ok for every program the scenarios started that is still running.
e2e_left() {
	local p left=""
	[ -f "$E2E_PIDS" ] || return 0
	for p in $(sort -u "$E2E_PIDS"); do
		e2e_alive "$p" && left="$left $p" && kill -KILL "$p" 2>/dev/null
	done
	if [ -n "$left" ]; then not_ok "no program started by the screen tests is left running" "left:$left"; else ok "no program started by the screen tests is left running"; fi
	rm -f "$E2E_PIDS"
}

# e2e_wait_re REGEX: as e2e_wait, with an extended regular expression.
e2e_wait_re() {
	local deadline=$((SECONDS + E2E_TIMEOUT))
	while [ $SECONDS -lt $deadline ]; do
		e2e_screen | grep -qE -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

e2e_expect_re() {
	if e2e_wait_re "$2"; then ok "$1"; else not_ok "$1" "wanted: /$2/" "screen:" "$(e2e_screen)"; fi
}

# e2e_expect NAME TEXT: ok when TEXT shows up; otherwise not ok with the screen.
e2e_expect() {
	if e2e_wait "$2"; then ok "$1"; else not_ok "$1" "wanted: $2" "screen:" "$(e2e_screen)"; fi
}
