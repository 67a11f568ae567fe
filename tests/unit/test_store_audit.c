/* The audit trail records every column, whole and by code, and nothing for a change that
 * changed nothing; the store opens only tiendo's databases and init builds one whole (issue 14,
 * points 3, 4 and 9). Real databases in a temporary directory. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "store_helpers.h"

#include "tiendo/store_activities.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"

static long audit_rows(const struct plan_store *p)
{
    return plan_store_long(p, "SELECT count(*) FROM audit_log");
}

/* Task T.1 as a file would give it: every field a text, most of them empty. */
static struct task_new task_t1(const char *lead, const char *coop)
{
    return (struct task_new){"T.1",        "Nhiệm vụ thử", "", "",       "", lead, coop,
                             "2025-01-01", "2025-12-31",   "", "normal", "", ""};
}

static long add_task(struct plan_store *p)
{
    struct task_new t = task_t1("VTTTN", "PC, KHTC");
    long id = 0;
    struct td_err err = {0};
    if (store_task_create(p->st, &t, &id, &err) != 0)
        fail_msg("%s", err.msg);
    return id;
}

struct last_row {
    char *old_values, *new_values;
    char table[32];
};

static int keep_last(void *ctx, const struct audit_row *r)
{
    struct last_row *l = ctx;
    free(l->old_values);
    free(l->new_values);
    l->old_values = strdup(r->old_full != NULL ? r->old_full : "");
    l->new_values = strdup(r->new_full != NULL ? r->new_full : "");
    snprintf(l->table, sizeof l->table, "%s", r->table);
    return 0;
}

static void last_of(struct plan_store *p, struct last_row *l)
{
    struct audit_filter f = {NULL, NULL, 0};
    struct td_err err = {0};
    assert_int_equal(store_audit_each(p->st, &f, false, 0, keep_last, l, &err), 0);
}

static void last_free(struct last_row *l)
{
    free(l->old_values);
    free(l->new_values);
}

/* The JSON the audit keeps is JSON (SQLite's own json_valid says so). */
static bool json_ok(const struct plan_store *p, const char *json)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *s = NULL;
    bool ok = false;
    if (sqlite3_open_v2(p->db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, "SELECT json_valid(?1)", -1, &s, NULL) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
        ok = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
    }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return ok;
}

static void a_long_note_is_kept_whole_and_tasks_by_code(void **state)
{
    (void)state;
    struct plan_store p;
    plan_store_open(&p);
    long id = add_task(&p);
    /* 3,680 characters of Vietnamese: more than 1,024 bytes many times over. */
    char *note = malloc(3680 * 3 + 1);
    note[0] = '\0';
    for (int i = 0; i < 368; i++)
        strcat(note, "Đã hoàn ");
    assert_int_equal(strlen(note) > 3000, 1);
    struct progress_input in = {.date = 0, .percent = 30, .status = 1, .done = note};
    td_date d;
    date_parse_iso("2025-06-01", &d);
    in.date = d;
    struct td_err err = {0};
    assert_int_equal(store_progress_add(p.st, id, 0, &in, &err), 0);
    struct last_row l = {0};
    last_of(&p, &l);
    assert_string_equal(l.table, "task"); /* the task's row comes last */
    last_free(&l);
    /* The progress row itself: the one before the task's row. */
    char *json = NULL;
    {
        sqlite3 *h = NULL;
        sqlite3_stmt *s = NULL;
        assert_int_equal(sqlite3_open_v2(p.db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(h,
                                            "SELECT new_values FROM audit_log WHERE tbl = "
                                            "'progress_update' ORDER BY id DESC LIMIT 1",
                                            -1, &s, NULL),
                         SQLITE_OK);
        assert_int_equal(sqlite3_step(s), SQLITE_ROW);
        json = strdup((const char *)sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        sqlite3_close(h);
    }
    assert_non_null(strstr(json, note));
    assert_non_null(strstr(json, "\"task\":\"T.1\""));
    assert_true(json_ok(&p, json));
    /* and store_audit_each hands it out whole */
    struct last_row all = {0};
    struct audit_filter everyone = {NULL, NULL, 0};
    assert_int_equal(store_audit_each(p.st, &everyone, true, 2, keep_last, &all, &err), 0);
    assert_string_equal(all.table, "progress_update");
    assert_string_equal(all.new_values, json);
    last_free(&all);
    /* The task's own row names its units and group by code. */
    long before = plan_store_long(&p, "SELECT count(*) FROM audit_log WHERE tbl = 'task'");
    assert_true(before >= 1);
    sqlite3 *h = NULL;
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_open_v2(p.db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h,
                                        "SELECT new_values FROM audit_log WHERE tbl = 'task'"
                                        " AND action = 'insert'",
                                        -1, &s, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    const char *task_json = (const char *)sqlite3_column_text(s, 0);
    assert_non_null(strstr(task_json, "\"lead\":\"VTTTN\""));
    assert_non_null(strstr(task_json, "\"PC\""));
    assert_non_null(strstr(task_json, "\"KHTC\""));
    assert_null(strstr(task_json, "unit_id"));
    sqlite3_finalize(s);
    sqlite3_close(h);
    free(json);
    free(note);
    plan_store_close(&p);
}

static void a_save_that_changes_nothing_leaves_no_row(void **state)
{
    (void)state;
    struct plan_store p;
    plan_store_open(&p);
    long id = add_task(&p);
    struct td_err err = {0};
    /* The same task saved as it is: no new version, no audit row. */
    struct task_new same = task_t1("VTTTN", "KHTC PC");
    long rows = audit_rows(&p);
    assert_int_equal(store_task_update(p.st, id, 1, &same, &err), 0);
    assert_int_equal(audit_rows(&p), rows);
    assert_int_equal(plan_store_long(&p, "SELECT version FROM task WHERE code = 'T.1'"), 1);
    /* A real change is recorded, by code, and undone from it. */
    same.lead = "PC";
    same.coop = "KHTC";
    assert_int_equal(store_task_update(p.st, id, 1, &same, &err), 0);
    assert_int_equal(audit_rows(&p), rows + 1);
    char what[256];
    assert_int_equal(store_undo_last(p.st, what, sizeof what, &err), 0);
    assert_int_equal(plan_store_long(&p, "SELECT u.code = 'VTTTN' FROM task t JOIN unit u"
                                         " ON u.id = t.lead_unit_id WHERE t.code = 'T.1'"),
                     1);
    assert_int_equal(plan_store_long(&p, "SELECT count(*) FROM task_unit tu JOIN task t ON"
                                         " t.id = tu.task_id WHERE t.code = 'T.1'"),
                     2);

    /* Backspace on an empty indicator cell, or the same value again: nothing is written. */
    struct indicator_row *ind = calloc(16, sizeof *ind);
    int n;
    assert_int_equal(store_indicator_list(p.st, ind, 16, &n, &err), 0);
    rows = audit_rows(&p);
    assert_int_equal(store_indicator_value_set(p.st, ind[0].id, 2023, true, 0, NULL, &err), 0);
    assert_int_equal(audit_rows(&p), rows);
    assert_int_equal(store_indicator_value_set(p.st, ind[0].id, 2023, false, 7, NULL, &err), 0);
    assert_int_equal(audit_rows(&p), rows + 1);
    assert_int_equal(store_indicator_value_set(p.st, ind[0].id, 2023, false, 7, &(double){7}, &err),
                     0);
    assert_int_equal(audit_rows(&p), rows + 1);
    assert_int_equal(plan_store_long(&p, "SELECT count(*) FROM audit_log WHERE tbl ="
                                         " 'indicator_value' AND new_values LIKE"
                                         " '%\"indicator\":\"TMTN-TT\"%'"),
                     1);
    free(ind);

    /* A meeting's row has its kind, its units and tasks by code; saved again unchanged, nothing. */
    struct meeting_row m = {0};
    snprintf(m.kind, sizeof m.kind, "thematic");
    snprintf(m.title, sizeof m.title, "Hội nghị chuyên đề");
    snprintf(m.date, sizeof m.date, "2025-05-05");
    snprintf(m.units, sizeof m.units, "PC, VTTTN");
    snprintf(m.tasks, sizeof m.tasks, "T.1");
    assert_int_equal(store_meeting_save(p.st, &m, &err), 0);
    assert_int_equal(plan_store_long(&p, "SELECT count(*) FROM audit_log WHERE tbl = 'meeting'"
                                         " AND json_extract(new_values, '$.kind') = 'thematic'"
                                         " AND json_extract(new_values, '$.tasks') = 'T.1'"
                                         " AND instr(json_extract(new_values, '$.units'),"
                                         " 'VTTTN') > 0"),
                     1);
    rows = audit_rows(&p);
    long version = m.version;
    assert_int_equal(store_meeting_save(p.st, &m, &err), 0);
    assert_int_equal(audit_rows(&p), rows);
    assert_int_equal(m.version, version);
    plan_store_close(&p);
}

static char *file_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(1 << 20);
    *n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static bool exists(const char *dir, const char *name)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

static void only_tiendo_databases_open_and_stay_unchanged(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    char empty[PATH_MAX], other[PATH_MAX];
    snprintf(empty, sizeof empty, "%s/empty.db", dir);
    snprintf(other, sizeof other, "%s/other.db", dir);
    close(open(empty, O_CREAT | O_WRONLY, 0644));
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(other, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h,
                                  "PRAGMA user_version = 3; CREATE TABLE plan (x); CREATE TABLE"
                                  " notes (t); INSERT INTO notes VALUES ('mine')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    size_t n1, n2;
    char *before = file_bytes(other, &n1);
    struct store_options o = {.busy_timeout_ms = 100, .user = "lan"};
    struct store *st = NULL;
    struct td_err err = {0};
    assert_int_equal(store_open(&st, empty, &o, &err), -1);
    assert_int_equal(err.status, TD_E_DB);
    assert_non_null(strstr(err.msg, "empty.db: not a tiendo database"));
    assert_int_equal(store_open(&st, other, &o, &err), -1);
    assert_int_equal(err.status, TD_E_DB);
    assert_non_null(strstr(err.msg, "other.db: not a tiendo database"));
    o.create = true; /* not even init fills another program's database */
    assert_int_equal(store_open(&st, other, &o, &err), -1);
    char *after = file_bytes(other, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(before, after, n1);
    struct stat sb;
    assert_int_equal(stat(empty, &sb), 0);
    assert_int_equal(sb.st_size, 0);
    assert_false(exists(dir, "empty.db-wal") || exists(dir, "empty.db-shm") ||
                 exists(dir, "other.db-wal") || exists(dir, "other.db-shm"));
    free(before);
    free(after);
    helper_rmtree(dir);
}

static void a_created_database_appears_only_when_finished(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/new.db", dir);
    struct store_options o = {.busy_timeout_ms = 100, .user = "lan"};
    struct store *st = NULL;
    struct td_err err = {0};
    /* Abandoned (an error, or a kill): nothing at all is left. */
    assert_int_equal(store_create(&st, path, &o, &err), 0);
    assert_false(exists(dir, "new.db"));
    store_close(st);
    DIR *d = opendir(dir);
    int entries = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        entries += e->d_name[0] != '.' || strncmp(e->d_name, ".new.db", 7) == 0;
    closedir(d);
    assert_int_equal(entries, 0);
    /* Finished: the database, whole, in its place, alone (no -wal or -shm), and tiendo's. */
    struct plan_def plan;
    assert_int_equal(store_create(&st, path, &o, &err), 0);
    assert_int_equal(plan_file_load("config/plans/qd-111-2022.ini", &plan, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(st, &plan, &err), 0);
    assert_false(exists(dir, "new.db"));
    assert_int_equal(store_finish(st, &err), 0);
    assert_true(exists(dir, "new.db"));
    assert_false(exists(dir, "new.db-wal") || exists(dir, "new.db-shm"));
    o.create = false;
    assert_int_equal(store_open(&st, path, &o, &err), 0);
    assert_true(store_count(st, "unit", false) > 0);
    store_close(st);
    plan_def_free(&plan);
    helper_rmtree(dir);
}

struct problems {
    int n;
    char last[1200];
};

static void note_problem(void *ctx, const char *msg)
{
    struct problems *p = ctx;
    p->n++;
    snprintf(p->last, sizeof p->last, "%s", msg);
}

static void check_names_a_database_without_its_plan(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/half.db", dir);
    struct store_options o = {.busy_timeout_ms = 100, .user = "lan", .create = true};
    struct store *st = NULL;
    struct td_err err = {0};
    assert_int_equal(store_open(&st, path, &o, &err), 0); /* the tables, no plan */
    struct problems pr = {0};
    assert_int_equal(store_check(st, note_problem, &pr, &err), 1);
    assert_non_null(strstr(pr.last, "half.db: no plan"));
    store_close(st);
    helper_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_long_note_is_kept_whole_and_tasks_by_code),
        cmocka_unit_test(a_save_that_changes_nothing_leaves_no_row),
        cmocka_unit_test(only_tiendo_databases_open_and_stay_unchanged),
        cmocka_unit_test(a_created_database_appears_only_when_finished),
        cmocka_unit_test(check_names_a_database_without_its_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
