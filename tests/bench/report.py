#!/usr/bin/env python3
"""Turns the samples into tables of median, 95th and 99th percentile against the goals, one set
of columns per database size, prints them and writes RESULTS.md with the machine the figures
were taken on; tests/bench/history.md (the figures before and after each speed issue, kept by
hand) follows the tables.

report.py RESULTS.md DIR...   each DIR (build/bench/N) holds samples.tsv, tasks and gen."""
import os
import platform
import statistics
import subprocess
import sys
import time

# name: goals on the median, the 95th and 99th percentile, the largest sample (None: none).
GOALS = {
    "start to first screen of the task list": (50, None, None, None),
    "line down": (5, 20, None, None), "page down": (5, 20, None, None), "End": (5, 20, None, None),
    "one incremental-search keystroke": (5, 20, None, None),
    "search keystroke, a term that matches nothing": (5, 20, None, None),
    "search keystroke, a term that matches only the last task": (5, 20, None, None),
    "applying a filter": (5, 20, None, None),
    "applying a filter whose result is empty": (5, 20, None, None),
    "sorting by lead unit": (5, 20, None, None),
    "page down, sorted by lead unit": (5, 20, None, None),
    "End, sorted by lead unit": (5, 20, None, None),
    "changing the sort column": (5, 20, None, None),
    "opening a task with its history": (5, 20, None, None),
    "saving a progress entry": (5, None, None, None),
    "bytes for one line down": (300, None, None, None),
    "bytes for one page down": (4096, None, None, None),
    "bytes at start-up": (None, None, None, None), "peak resident memory": (20, None, None, None),
    "CSV import of the tasks (with init)": (2000, None, None, None),
    "CSV import of the first 200,000 tasks (with init)": (None, None, None, None),
    "annual report 2025 for 63 units": (200, None, None, None),
    "tiendo check": (1000, None, None, None),
    "tiendo check --full": (None, None, None, None),
    "50 processes saving progress at once, each save": (None, None, 100, None),
    "50 processes saving progress at once, each process": (None, None, None, None),
    "saves lost of 50 at once": (None, None, None, 0),
    "saves refused as busy of 50 at once": (None, None, None, 0),
    "size of the annual report 2025 (Markdown)": (1048576, None, None, None),
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


def read(path):
    def text(name, default):
        try:
            with open(os.path.join(path, name)) as f:
                return f.read().strip()
        except OSError:
            return default
    rows = {}
    with open(os.path.join(path, "samples.tsv")) as f:
        for line in f:
            name, unit, values = line.rstrip("\n").split("\t")
            if values.split():
                rows[name] = (unit, [float(v) for v in values.split()])
    return int(text("tasks", "0")), text("gen", "reused"), rows


def cell(unit, v):
    fmt = "%.0f" if unit in ("B", "n") else "%.2f" if unit in ("ms", "MiB") else "%g"
    return (fmt % v) + ("" if unit == "n" else " " + unit)


def main():
    out, dirs = sys.argv[1], sys.argv[2:]
    sizes = sorted((read(d) for d in dirs), key=lambda s: s[0])
    names = []
    for _, _, rows in sizes:
        names += [n for n in rows if n not in names]
    head = "| figure | goal |" + "".join(
        " %s tasks: median | 95th | 99th | n | met |" % format(n, ",") for n, _, _ in sizes)
    lines = [head, "|---|---|" + "---:|---:|---:|---:|---|" * len(sizes)]
    for name in names:
        g = GOALS.get(name, (None, None, None, None))
        unit = next(rows[name][0] for _, _, rows in sizes if name in rows)
        parts = []
        if g[0] is not None:
            parts.append("median ≤ %g" % g[0])
        if g[1] is not None:
            parts.append("95th ≤ %g" % g[1])
        if g[2] is not None:
            parts.append("99th ≤ %g" % g[2])
        if g[3] is not None:
            parts.append("every sample ≤ %g" % g[3])
        line = "| %s | %s |" % (name, ", ".join(parts) + (" " + unit if parts and unit != "n" else ""))
        for _, _, rows in sizes:
            if name not in rows:
                line += " | | | | |"
                continue
            vals = rows[name][1]
            med, p95, p99 = statistics.median(vals), pct(vals, 95), pct(vals, 99)
            met = ""
            if parts:
                ok = ((g[0] is None or med <= g[0]) and (g[1] is None or p95 <= g[1]) and
                      (g[2] is None or p99 <= g[2]) and (g[3] is None or max(vals) <= g[3]))
                met = "yes" if ok else "**no**"
            line += " %s | %s | %s | %d | %s |" % (cell(unit, med), cell(unit, p95),
                                                   cell(unit, p99), len(vals), met)
        lines.append(line)
    table = "\n".join(lines)
    print(table)
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()
    gens = "; ".join("%s tasks: %s" % (format(n, ","), gen + " s" if gen != "reused" else
                                       "reused from an earlier run") for n, gen, _ in sizes)
    text = ("# Benchmark results\n\nWritten by `make bench` (tests/bench/run.sh; `BENCH_TASKS=N` "
            "for another size) on %s.\n\n"
            "Machine: %s; SQLite %s.\n\nDatabases: 63 units, N tasks, 10 progress updates a task "
            "with their audit log (2 rows an update), 10 years of indicator values, every report "
            "instance and submission (generation: %s). Terminal: 80x24, xterm-256color, in a "
            "pseudo-terminal; \"settled\" is tiendo's own mark (TIENDO_BENCH_FD) after the screen "
            "is written. Saves at once: `tiendo progress` processes, start-up included.\n\n"
            % (time.strftime("%Y-%m-%d"), machine(), sqlite[0] if sqlite else "?", gens)) + table + "\n"
    hist = os.path.join(os.path.dirname(os.path.abspath(__file__)), "history.md")
    if os.path.exists(hist):
        with open(hist) as f:
            text += "\n" + f.read()
    with open(out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
