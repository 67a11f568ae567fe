#!/usr/bin/env python3
"""Saves under load (issue 18): ROUNDS times, 50 `tiendo progress TASK PERCENT --note ...`
processes started at once on the benchmark database, each on a task of its own. The time of
each save as the process measured it (TIENDO_BENCH_FD: from waiting for the write lock to the
commit), the time of each process (start to exit, start-up included: on a machine of few
cores, 50 start-ups queue for them), how many saves were lost (the process said it saved, yet
its note is not in the database) and how many were refused as busy (said so: nothing saved).

concurrent.py TIENDO CONFIG DB ROUNDS: prints one line per figure: name, unit, the samples."""
import os
import sqlite3
import subprocess
import sys
import time

PROCS = 50


def main():
    tiendo, config, db, rounds = sys.argv[1], sys.argv[2], sys.argv[3], max(int(sys.argv[4]), 5)
    env = dict(os.environ, LANG="C.UTF-8")
    env.setdefault("TIENDO_TODAY", "2026-06-15")
    times, saves, lost, busy = [], [], [], []
    stamp = str(time.time_ns())
    con = sqlite3.connect(db)
    codes = [r[0] for r in con.execute("SELECT code FROM task WHERE deleted = 0 ORDER BY id"
                                       " LIMIT ?", (rounds * PROCS,))]
    con.close()
    for r in range(rounds):
        procs = []
        for k in range(PROCS):
            code = codes[(r * PROCS + k) % len(codes)]
            note = "bench %s %d %d" % (stamp, r, k)
            mark_r, mark_w = os.pipe()
            t0 = time.perf_counter()
            p = subprocess.Popen([tiendo, "--config", config, "--db", db, "progress", code, "100",
                                  "--note", note], env=dict(env, TIENDO_BENCH_FD=str(mark_w)),
                                 pass_fds=(mark_w,), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
            os.close(mark_w)
            procs.append((p, t0, mark_r))
        n_busy = n_acked = 0
        for p, t0, mark_r in procs:
            _, err = p.communicate()
            times.append((time.perf_counter() - t0) * 1000)
            with os.fdopen(mark_r, "rb") as f:
                us = f.read().split()
            if us:
                saves.append(int(us[0]) / 1000)
            n_acked += p.returncode == 0
            if p.returncode != 0:
                n_busy += b"busy" in err or "bận".encode() in err
                sys.stderr.write("a save at once failed (%d): %s\n"
                                 % (p.returncode, err.decode(errors="replace")))
        con = sqlite3.connect(db)
        saved = con.execute("SELECT count(*) FROM progress_update WHERE done LIKE ?",
                            ("bench %s %d %%" % (stamp, r),)).fetchone()[0]
        con.close()
        lost.append(max(0, n_acked - saved))  # said "saved", yet not in the database
        busy.append(n_busy)
    if saves:  # a tiendo from before issue 18 does not say
        print("%d processes saving progress at once, each save" % PROCS + "\tms\t" +
              " ".join("%.3f" % t for t in saves))
    print("%d processes saving progress at once, each process" % PROCS + "\tms\t" +
          " ".join("%.3f" % t for t in times))
    print("saves lost of %d at once" % PROCS + "\tn\t" + " ".join(str(v) for v in lost))
    print("saves refused as busy of %d at once" % PROCS + "\tn\t" + " ".join(str(v) for v in busy))


if __name__ == "__main__":
    main()
