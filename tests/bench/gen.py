#!/usr/bin/env python3
"""Builds the benchmark database: the plan with 63 units, BENCH_TASKS tasks (default 100,000)
with Vietnamese titles, ten progress updates a task with the audit log a real database has for
them (two rows an update: the update, and the task's new state), ten years of indicator values,
every report instance and the units' submissions. Deterministic (fixed seed): the same file
every time. The last task in code order alone holds the words "tổng kết" (the benchmark's search
for a term only the last task matches).

gen.py TIENDO DIR   writes DIR/plan.ini, DIR/tiendo.ini and DIR/bench.db."""
import datetime
import os
import random
import sqlite3
import subprocess
import sys

TASKS = int(os.environ.get("BENCH_TASKS", "100000"))
UPDATES, SEED = 10 * TASKS, 20211231
TODAY = "2026-06-15"

PROVINCES = """An Giang|Bà Rịa – Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|
Bình Dương|Bình Phước|Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|
Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|
Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|
Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|
Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa""".replace("\n", "").split("|")

VERBS = ["Xây dựng", "Hoàn thiện", "Triển khai", "Rà soát", "Nâng cao", "Phát triển",
         "Đẩy mạnh", "Tăng cường", "Đổi mới", "Hỗ trợ", "Nghiên cứu", "Tổ chức"]
OBJECTS = ["hệ thống phân phối", "chợ truyền thống", "thương mại điện tử", "kết cấu hạ tầng thương mại",
           "chuỗi cung ứng hàng hóa", "mạng lưới bán lẻ", "trung tâm logistics", "siêu thị và cửa hàng tiện lợi",
           "thị trường nông thôn", "hoạt động xúc tiến thương mại", "quản lý thị trường",
           "cơ chế chính sách về thương mại"]
PLACES = ["trên địa bàn tỉnh", "khu vực miền núi", "vùng đồng bằng sông Cửu Long", "các đô thị lớn",
          "khu vực biên giới", "vùng Tây Nguyên", "các khu công nghiệp", "toàn quốc"]
STATUSES = ["not_started", "in_progress", "in_progress", "in_progress", "delayed", "done", "suspended"]
GROUPS = ["I", "II", "III", "IV", "V"]


EPOCH = datetime.date(2021, 1, 1)


def iso(day):  # days since 2021-01-01 -> YYYY-MM-DD
    return (EPOCH + datetime.timedelta(days=day)).isoformat()


def days(text):  # YYYY-MM-DD -> days since 2021-01-01
    return (datetime.date.fromisoformat(text) - EPOCH).days


def write_plan(root, out):
    with open(os.path.join(root, "config/plans/qd-111-2022.ini"), encoding="utf-8") as f:
        plan = f.read()
    with open(out, "w", encoding="utf-8") as f:
        f.write(plan.replace("demo = qd-111-2022-demo.ini", "demo ="))
        for i, name in enumerate(PROVINCES, 1):
            f.write(f"\n[unit.p{i:02d}]\ncode = SCT-{i:02d}\nname = Sở Công Thương {name}\n"
                    "kind = province\n")


def main():
    tiendo, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "bench.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    write_plan(root, os.path.join(out, "plan.ini"))
    with open(os.path.join(out, "tiendo.ini"), "w", encoding="utf-8") as f:
        f.write(f"[plan]\nfile = {out}/plan.ini\n[ui]\nlanguage = vi\n[export]\ndir = {out}/export\n")
    env = dict(os.environ, TIENDO_TODAY=TODAY, HOME=out, LANG="C.UTF-8")
    subprocess.run([tiendo, "--config", os.path.join(out, "tiendo.ini"), "--db", db, "init"],
                   check=True, env=env, stdout=subprocess.DEVNULL)

    rnd = random.Random(SEED)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA synchronous = OFF")  # a crash here only means generating again
    units = [r[0] for r in con.execute("SELECT id FROM unit ORDER BY sort_order, code")]
    groups = [r[0] for r in con.execute("SELECT id FROM vocab WHERE domain = 'group' ORDER BY sort_order")]
    phases = [r[0] for r in con.execute("SELECT id FROM phase ORDER BY start_year")]
    assert len(units) == 63, len(units)
    tasks, co = [], []
    for i in range(1, TASKS + 1):
        g = (i - 1) % len(GROUPS)
        start = rnd.randrange(0, days(TODAY) - 330)  # every task has started by today
        due = min(start + rnd.randrange(60, 1400), 3651)  # the plan ends in 2030
        title = f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} {rnd.choice(PLACES)}, giai đoạn {i % 97 + 1}"
        if i == TASKS:  # V.(TASKS/5): the last in code order
            title = "Tổng kết việc thực hiện kế hoạch hành động"
        lead = rnd.choice(units)
        tasks.append((i, f"{GROUPS[g]}.{(i - 1) // len(GROUPS) + 1}", title, groups[g % len(groups)],
                      phases[0 if start < 1826 else 1], lead, iso(start), iso(due), "bench"))
        if i % 3 == 0:
            co.append((i, rnd.choice([u for u in units if u != lead])))
    with con:
        con.executemany("INSERT INTO task (id, code, title, group_id, phase_id, lead_unit_id,"
                        " start_date, due_date, updated_by) VALUES (?,?,?,?,?,?,?,?,?)", tasks)
        con.executemany("INSERT OR IGNORE INTO task_unit (task_id, unit_id) VALUES (?,?)", co)

    # Ten updates a task on average, dated in order, the percent rising.
    def updates():
        per = UPDATES // TASKS
        for t in tasks:
            # Ten updates a month apart, the last before today (none in the future).
            tid, start = t[0], min(days(t[6]), days(TODAY) - 320)
            pct = 0
            for k in range(per):
                pct = min(100, pct + rnd.randrange(0, 21))
                status = "done" if pct == 100 else rnd.choice(STATUSES[:5])
                day = start + k * 30 + rnd.randrange(0, 20)
                yield (tid, iso(day), pct, status, "Đã hoàn thành một phần công việc", "", "",
                       iso(day) + "T09:00:00Z", "bench")
    with con:
        con.executemany("INSERT INTO progress_update (task_id, reported_on, percent, status, done,"
                        " difficulties, proposals, created_at, created_by)"
                        " VALUES (?,?,?,?,?,?,?,?,?)", updates())
        con.execute("UPDATE task SET (status, percent) = (SELECT p.status, p.percent"
                    " FROM progress_update p WHERE p.task_id = task.id"
                    " ORDER BY p.reported_on DESC, p.id DESC LIMIT 1)")
        # The audit log as the progress form writes it (src/store/tasks.c add_one): the update
        # as JSON, and the task's status, percent and version before and after, one change each.
        con.execute("WITH u AS (SELECT p.*, row_number() OVER w AS k,"
                    " lag(p.status, 1, 'not_started') OVER w AS old_status,"
                    " lag(p.percent, 1, 0) OVER w AS old_percent FROM progress_update p"
                    " WINDOW w AS (PARTITION BY task_id ORDER BY reported_on, id)),"
                    " base(c) AS (SELECT coalesce(max(change_id), 0) FROM audit_log)"
                    " INSERT INTO audit_log (at, login, tbl, row_id, action, old_values, new_values,"
                    " change_id) SELECT at, login, tbl, row_id, action, old_values, new_values, change"
                    " FROM (SELECT u.created_at AS at, u.created_by AS login, 'progress_update' AS tbl,"
                    " u.id AS row_id, 'insert' AS action, NULL AS old_values, json_object('task',"
                    " (SELECT code FROM task WHERE id = u.task_id), 'reported_on', u.reported_on,"
                    " 'percent', u.percent, 'status', u.status, 'done', u.done, 'difficulties',"
                    " u.difficulties, 'proposals', u.proposals, 'reason', u.reason) AS new_values,"
                    " base.c + u.id AS change, 0 AS o FROM u, base"
                    " UNION ALL SELECT u.created_at, u.created_by, 'task', u.task_id, 'progress',"
                    " json_object('status', u.old_status, 'percent', u.old_percent, 'version', u.k),"
                    " json_object('status', u.status, 'percent', u.percent, 'version', u.k + 1),"
                    " base.c + u.id, 1 FROM u, base) ORDER BY change, o")
        con.execute("UPDATE task SET version = 1 + (SELECT count(*) FROM progress_update p"
                    " WHERE p.task_id = task.id)")
        for (ind,) in con.execute("SELECT id FROM indicator").fetchall():
            for year in range(2021, 2031):
                con.execute("INSERT OR IGNORE INTO indicator_value (indicator_id, year, value,"
                            " updated_by) VALUES (?, ?, ?, 'bench')",
                            (ind, year, round(rnd.uniform(5, 15), 1)))
        # Nine units in ten submit each report past due; one in five of those late.
        reports = con.execute("SELECT id, due_date FROM report WHERE due_date < ?", (TODAY,)).fetchall()
        for rid, due in reports:
            for u in units:
                if rnd.random() < 0.9:
                    late = rnd.random() < 0.2
                    day = iso(days(due) + (rnd.randrange(1, 40) if late else -rnd.randrange(0, 20)))
                    con.execute("INSERT INTO submission (report_id, unit_id, submitted_on, doc_number,"
                                " updated_by) VALUES (?, ?, ?, ?, 'bench')",
                                (rid, u, day, f"{rnd.randrange(1, 300)}/BC"))
    con.close()


if __name__ == "__main__":
    main()
