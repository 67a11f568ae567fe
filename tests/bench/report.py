#!/usr/bin/env python3
"""Turns the samples into the table of median and 95th percentile against the goals, prints it
and writes RESULTS.md with the machine the figures were taken on.

report.py SAMPLES GENERATION_SECONDS RESULTS.md"""
import os
import platform
import statistics
import subprocess
import sys
import time

# name: (goal on the median, goal on the 95th percentile), None where the issue sets none.
GOALS = {
    "start to first screen of the task list": (50, None),
    "line down": (5, 20), "page down": (5, 20), "End": (5, 20),
    "one incremental-search keystroke": (5, 20), "applying a filter": (5, 20),
    "changing the sort column": (5, 20), "opening a task with its history": (5, 20),
    "saving a progress entry": (10, None),
    "bytes for one line down": (300, None), "bytes for one page down": (4096, None),
    "bytes at start-up": (None, None), "peak resident memory": (20, None),
    "CSV import of 100,000 tasks (with init)": (2000, None),
    "annual report 2025 for 63 units": (200, None), "tiendo check": (None, None),
    "size of the annual report 2025 (Markdown)": (1048576, None),
}


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GiB RAM" % (int(f.readline().split()[1]) / 1048576)
    except OSError:
        pass
    return "%s, %d cores, %s, Linux %s" % (cpu, os.cpu_count() or 0, mem, platform.release())


def main():
    rows = []
    with open(sys.argv[1]) as f:
        for line in f:
            name, unit, values = line.rstrip("\n").split("\t")
            vals = [float(v) for v in values.split()]
            rows.append((name, unit, statistics.median(vals), pct(vals, 95), len(vals)))
    lines = ["| figure | median | 95th pct | runs | goal | met |", "|---|---:|---:|---:|---|---|"]
    for name, unit, med, p95, n in rows:
        g_med, g_p95 = GOALS.get(name, (None, None))
        goal, met = "", ""
        if g_med is not None:
            goal = "≤ %g %s" % (g_med, unit) + (" (95th ≤ %g)" % g_p95 if g_p95 else "")
            ok = med <= g_med and (g_p95 is None or p95 <= g_p95)
            met = "yes" if ok else "**no**"
        fmt = "%.0f" if unit == "B" else "%.2f" if unit in ("ms", "MiB") else "%g"
        lines.append("| %s | %s %s | %s %s | %d | %s | %s |" % (
            name, fmt % med, unit, fmt % p95, unit, n, goal, met))
    table = "\n".join(lines)
    print(table)
    gen = sys.argv[2]
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()
    text = ("# Benchmark results\n\nWritten by `make bench` (tests/bench/run.sh) on %s.\n\n"
            "Machine: %s; SQLite %s.\n\nDatabase: 63 units, 100,000 tasks, 1,000,000 progress "
            "updates, 10 years of indicator values, every report instance and submission "
            "(generation: %s). Terminal: 80x24, xterm-256color, in a pseudo-terminal; "
            "\"settled\" is tiendo's own mark (TIENDO_BENCH_FD) after the screen is written.\n\n"
            % (time.strftime("%Y-%m-%d"), machine(), sqlite[0] if sqlite else "?",
               gen + " s" if gen != "reused" else "reused from an earlier run")) + table + "\n"
    with open(sys.argv[3], "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
