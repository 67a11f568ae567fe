#!/bin/bash
# The short fuzz run of `make test`: each libFuzzer harness (built by the Makefile into
# BUILD/fuzz) replays its committed corpus, tests/fuzz/corpus/NAME, and then mutates it for
# FUZZ_TEST_SECONDS (default 3) in a scratch directory, so that a regression on a known input
# fails here. `make fuzz` is the long run. Prints "ok - …"/"not ok - …" lines (tests/lib.sh);
# skips with a message when clang's libFuzzer runtime (Debian: libclang-rt-14-dev) is missing.
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh
build=${1:-build}
secs=${FUZZ_TEST_SECONDS:-3}
rt=$(${FUZZ_CC:-clang} -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)
if [ ! -f "$rt" ]; then
	echo "# skipped: clang's libFuzzer runtime is missing (apt-get install clang libclang-rt-14-dev)"
	finish
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# The harnesses' input files go under $T (a crash skips their own clean-up).
export TMPDIR=$T
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	name=${name#fuzz_}
	bin=$build/fuzz/fuzz_$name
	if [ ! -x "$bin" ]; then
		not_ok "fuzz $name: $bin is not built (make fuzz-build)"
		continue
	fi
	mkdir -p "$T/$name"
	log=$T/$name.log
	# The corpus as it is committed, every input once, then mutations of it.
	if ! "$bin" -runs=0 "tests/fuzz/corpus/$name" >"$log" 2>&1; then
		not_ok "fuzz $name: an input of tests/fuzz/corpus/$name fails" "$(grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5)"
		continue
	fi
	if "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$T/crash-$name-" "$T/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1; then
		runs=$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+')
		ok "fuzz $name: corpus and ${runs:-?} runs in ${secs} s without a crash"
	else
		not_ok "fuzz $name: a crash in ${secs} s (kept: $(ls "$T"/crash-"$name"-* 2>/dev/null | head -1))" \
			"$(grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5)"
		mkdir -p "$build/fuzz"
		cp "$T"/crash-"$name"-* "$build/fuzz/" 2>/dev/null
	fi
done
finish
