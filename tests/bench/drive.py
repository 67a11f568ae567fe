#!/usr/bin/env python3
"""Drives the real tiendo in a pseudo-terminal at 80x24 and measures it: time from start to the
first complete screen of the task list, one key to a settled screen for each navigation key and
for a save, the bytes written to the terminal, peak memory. "Settled" is tiendo's own word:
with TIENDO_BENCH_FD set it writes a byte to that descriptor each time it has drawn the screen
and waits for a key.

drive.py TIENDO CONFIG DB RUNS: prints one line per figure: name, unit, then the samples."""
import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time

COLS, LINES = 80, 24
LAST_TERM = "tổng kết"  # gen.py: only the last task in code order holds it


class Session:
    def __init__(self, argv, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLS, 0, 0))
        self.mark_r, mark_w = os.pipe()
        env = dict(env, TIENDO_BENCH_FD=str(mark_w))
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     pass_fds=(mark_w,), start_new_session=True,
                                     preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        os.close(mark_w)
        self.bytes = 0
        self.tail = b""

    def _drain(self, timeout):
        r, _, _ = select.select([self.master], [], [], timeout)
        if r:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return False
            self.bytes += len(data)
            self.tail = (self.tail + data)[-400:]
            if b"\x1b[6n" in data:  # a cursor position query: answer as a terminal would
                os.write(self.master, b"\x1b[1;1R")
            return len(data) > 0
        return False

    def settle(self, timeout=60.0):
        """Waits for the settled mark; returns seconds since the last send (or start)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            r, _, _ = select.select([self.master, self.mark_r], [], [], 1.0)
            if self.master in r:
                self._drain(0)
            if self.mark_r in r:
                if os.read(self.mark_r, 1) == b"":
                    raise RuntimeError("tiendo ended: %r" % self.tail)
                t = time.perf_counter()
                while self._drain(0):  # everything written before the mark
                    pass
                return t
        raise RuntimeError("tiendo did not settle within %.0f s" % timeout)

    def key(self, data):
        """Sends one key; returns (seconds to settle, bytes written to the terminal)."""
        while self._drain(0):
            pass
        while select.select([self.mark_r], [], [], 0)[0]:  # marks of keys before
            os.read(self.mark_r, 64)
        before = self.bytes
        t = time.perf_counter()
        os.write(self.master, data)
        done = self.settle()
        return done - t, self.bytes - before

    def keys(self, *keys):
        for k in keys:
            self.key(k)

    def peak_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def quit(self):
        os.write(self.master, b"\x11")  # C-q
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)
        os.close(self.mark_r)


def main():
    tiendo, config, db, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    runs = max(runs, 5)  # at least five samples of every figure
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    env.setdefault("TIENDO_TODAY", "2026-06-15")  # the day gen.py made the data for
    env.pop("NO_COLOR", None)
    # As the database's owner (an admin without [users]): --user would mean restricted mode,
    # which takes neither --config nor --db.
    argv = [tiendo, "--config", config, "--db", db]
    res = {}
    peaks = []

    def add(name, unit, value):
        res.setdefault((name, unit), []).append(value)

    def open_tasks():
        s = Session(argv, env)
        s.settle()  # the main menu
        dt, _ = s.key(b"1")
        return s, dt

    # Start-up: a new process each time.
    for _ in range(runs):
        s, _ = open_tasks()
        add("start to first screen of the task list", "ms", (time.perf_counter() - s.t0) * 1000)
        add("bytes at start-up", "B", s.bytes)
        s.quit()

    s, _ = open_tasks()
    for _ in range(runs * 4):
        dt, n = s.key(b"j")
        add("line down", "ms", dt * 1000)
        add("bytes for one line down", "B", n)
    s.key(b"g")
    for _ in range(runs * 2):
        dt, n = s.key(b"\x06")  # C-f
        add("page down", "ms", dt * 1000)
        add("bytes for one page down", "B", n)
    for _ in range(runs):
        dt, _ = s.key(b"G")
        add("End", "ms", dt * 1000)
        s.key(b"g")
    peaks.append(s.peak_kib() / 1024)
    # Incremental search (issue 18: the worst cases too): a term found near the top, a term
    # that matches nothing, and the code of the last task (each keystroke, from the top).
    searches = [("one incremental-search keystroke", "chợ"),
                ("search keystroke, a term that matches nothing", "xyzw"),
                ("search keystroke, a term that matches only the last task", LAST_TERM)]
    for name, term in searches:
        for _ in range(max(runs // 3, 5)):
            s.key(b"/")
            for ch in term:
                dt, _ = s.key(ch.encode())
                add(name, "ms", dt * 1000)
            s.key(b"\x1b")  # Esc: back where the search began
            s.key(b"g")
    peaks.append(s.peak_kib() / 1024)
    for _ in range(runs):
        s.key(b"f")  # the filter form: the lead unit field first
        s.key(b"\x1bOC")  # the first unit
        dt, _ = s.key(b"\x1bOQ")  # F2 applies
        add("applying a filter", "ms", dt * 1000)
        s.key(b"f")
        s.key(b"\x1bOD")
        s.key(b"\x1bOQ")
    for _ in range(runs):
        s.key(b"f")  # a filter whose result is empty: the second phase (every task is in the first)
        s.keys(b"\x1bOB", b"\x1bOB", b"\x1bOB", b"\x1bOC", b"\x1bOC")
        dt, _ = s.key(b"\x1bOQ")
        add("applying a filter whose result is empty", "ms", dt * 1000)
        s.key(b"f")
        s.keys(b"\x1bOB", b"\x1bOB", b"\x1bOB", b"\x1bOD", b"\x1bOD")
        s.key(b"\x1bOQ")
    peaks.append(s.peak_kib() / 1024)
    for _ in range(runs):
        s.key(b"s")  # by lead unit (the third column), then page down, End, and back to code
        s.keys(b"\x1bOB", b"\x1bOB")
        dt, _ = s.key(b"\r")
        add("sorting by lead unit", "ms", dt * 1000)
        dt, _ = s.key(b"\x06")
        add("page down, sorted by lead unit", "ms", dt * 1000)
        dt, _ = s.key(b"G")
        add("End, sorted by lead unit", "ms", dt * 1000)
        s.key(b"g")
        s.key(b"s")
        s.keys(b"\x1bOA", b"\x1bOA")
        s.key(b"\r")
    peaks.append(s.peak_kib() / 1024)
    for i in range(runs):
        s.key(b"s")  # the sort columns
        s.keys(*([b"\x1bOB"] * 3 if i % 2 == 0 else [b"\x1bOA"] * 3))
        dt, _ = s.key(b"\r")
        add("changing the sort column", "ms", dt * 1000)
    s.key(b"s")
    s.key(b"g")
    s.key(b"\r")
    for i in range(runs):
        dt, _ = s.key(b"\r")
        add("opening a task with its history", "ms", dt * 1000)
        s.key(b"q")
        s.key(b"j")
    peaks.append(s.peak_kib() / 1024)
    for i in range(runs):
        s.key(b"p")  # the progress form, filled in with today and the task's figures
        dt, nb = s.key(b"\x1bOQ")  # F2 saves
        if os.environ.get("BENCH_DEBUG"):
            print("save", dt * 1000, nb, s.tail[-300:], file=sys.stderr)
        add("saving a progress entry", "ms", dt * 1000)
        s.key(b"j")
    add("peak resident memory", "MiB", s.peak_kib() / 1024)
    s.quit()
    res[("peak resident memory", "MiB")] += peaks
    for (name, unit), values in res.items():
        print(name + "\t" + unit + "\t" + " ".join("%.3f" % v for v in values))


if __name__ == "__main__":
    main()
