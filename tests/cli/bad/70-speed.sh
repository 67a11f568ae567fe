# Issue 18: the benchmark's mark descriptor and check's --full. A bad TIENDO_BENCH_FD is an
# error that names it (before the program needs a terminal), never silence; nothing changes.

fresh
badenv "TIENDO_BENCH_FD that is not a number" 2 "TIENDO_BENCH_FD=x: not the number (3 or more) of an open pipe" \
	TIENDO_BENCH_FD=x --
badenv "TIENDO_BENCH_FD of standard output" 2 "TIENDO_BENCH_FD=1: not the number" TIENDO_BENCH_FD=1 --
badenv "TIENDO_BENCH_FD of a closed descriptor" 2 "TIENDO_BENCH_FD=57: not the number" TIENDO_BENCH_FD=57 --
badenv "TIENDO_BENCH_FD too large" 2 "TIENDO_BENCH_FD=99999999999: not the number" \
	TIENDO_BENCH_FD=99999999999 --
badenv "TIENDO_BENCH_FD with trailing text" 2 "TIENDO_BENCH_FD=5x: not the number" TIENDO_BENCH_FD=5x --
fresh
bad "check --full with an argument is refused" 2 'unexpected argument "all"' check --full all
bad "--full with the export command is refused" 2 "--full goes with the check command" export tasks --full
