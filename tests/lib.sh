# Helpers for the shell test suites (command line and screen): results as "ok - name" or
# "not ok - name", counted by tests/run-all.sh.
pass=0
failed=0

ok() {
	pass=$((pass + 1))
	echo "ok - $1"
}

not_ok() {
	failed=$((failed + 1))
	echo "not ok - $1"
	shift
	for line in "$@"; do printf '    %s\n' "$line"; done
}

# check NAME CONDITION...: runs the condition; ok when it succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}

# contains FILE TEXT: the file holds the text (fixed string).
contains() {
	grep -qF -- "$2" "$1"
}

finish() {
	echo "# $pass passed, $failed failed"
	[ "$failed" -eq 0 ]
}
