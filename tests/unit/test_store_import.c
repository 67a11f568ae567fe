/* The CSV import's bulk path in the store: all rows or none, one audit row for the import as a
 * whole, task_tally, task_fts and the indexes as the per-row triggers would have left them, and
 * undo taking the import back whole. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_helpers.h"

#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

#define ROWS 1500 /* above 1,000: the larger page cache and FTS5 hashsize are in play */

static struct plan_store ps;
static char codes[ROWS][16], titles[ROWS][64];
static struct task_new rows[ROWS];
static int problems_seen;

static int setup_each(void **state)
{
    (void)state;
    plan_store_open(&ps);
    static const char *const leads[] = {"VTTTN", "PC", "KHTC", "TMDT"};
    for (int i = 0; i < ROWS; i++) {
        snprintf(codes[i], sizeof codes[i], "N.%d", i + 1);
        snprintf(titles[i], sizeof titles[i], "Nhiệm vụ số %d về chợ truyền thống", i + 1);
        rows[i] = (struct task_new){codes[i],
                                    titles[i],
                                    "",
                                    "",
                                    "",
                                    leads[i % 4],
                                    i % 3 == 0 ? "PC, KHTC" : "",
                                    "2026-01-01",
                                    "2026-12-31",
                                    "",
                                    "normal",
                                    "",
                                    ""};
    }
    problems_seen = 0;
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

static void count_problem(void *ctx, int index, const char *msg)
{
    (void)ctx;
    (void)index;
    (void)msg;
    problems_seen++;
}

static long q(const char *sql)
{
    return plan_store_long(&ps, sql);
}

/* What the schema holds of task's own: its triggers and indexes, as one number each. */
#define SCHEMA_OBJECTS                                                                             \
    "SELECT count(*) FROM sqlite_schema WHERE tbl_name IN ('task', 'task_unit')"                   \
    " AND type IN ('index', 'trigger')"

/* task_tally as the triggers keep it: one count per lead unit, status, phase and group. */
#define TALLY_WRONG                                                                                \
    "SELECT count(*) FROM (SELECT lead_unit_id, status, coalesce(phase_id, 0) p,"                  \
    " coalesce(group_id, 0) g, count(*) n FROM task WHERE deleted = 0 GROUP BY 1, 2, 3, 4)"        \
    " c FULL JOIN (SELECT * FROM task_tally WHERE n > 0) t ON t.unit_id = c.lead_unit_id"          \
    " AND t.status = c.status AND t.phase_id = c.p AND t.group_id = c.g"                           \
    " WHERE t.n IS NOT c.n"

static void test_an_import_is_written_whole_with_one_audit_row(void **state)
{
    (void)state;
    struct td_err err = {0};
    assert_int_equal(q("SELECT count(*) FROM task"), 0);
    long objects = q(SCHEMA_OBJECTS), audit = q("SELECT count(*) FROM audit_log");
    assert_int_equal(store_task_import(ps.st, rows, ROWS, false, "tasks.csv", "0123456789abcdef",
                                       count_problem, NULL, &err),
                     0);
    assert_int_equal(problems_seen, 0);
    assert_int_equal(q("SELECT count(*) FROM task WHERE deleted = 0"), ROWS);
    assert_int_equal(q("SELECT count(*) FROM task_unit"), 2 * ((ROWS + 2) / 3));
    /* One audit row for the import, naming the file, its checksum, the rows and their ids. */
    assert_int_equal(q("SELECT count(*) FROM audit_log"), audit + 1);
    assert_int_equal(q("SELECT count(*) FROM audit_log WHERE tbl = 'task' AND action = 'import'"
                       " AND json_extract(new_values, '$.file') = 'tasks.csv'"
                       " AND json_extract(new_values, '$.fnv1a') = '0123456789abcdef'"
                       " AND json_extract(new_values, '$.rows') = 1500"
                       " AND json_extract(new_values, '$.last_id') - json_extract(new_values,"
                       " '$.first_id') = 1499 AND change_id IS NOT NULL"),
                     1);
    /* The triggers and indexes set aside during the import are back, and what they keep is
     * as they would have kept it: the counts, the search index, the list keys. */
    assert_int_equal(q(SCHEMA_OBJECTS), objects);
    assert_int_equal(q(TALLY_WRONG), 0);
    assert_int_equal(q("SELECT count(*) FROM task_fts_todo"), 0);
    assert_int_equal(q("SELECT count(*) FROM task_fts WHERE task_fts MATCH '\"so 1499 ve\"'"), 1);
    assert_int_equal(q("SELECT count(*) FROM task WHERE sort_code IS NULL OR search IS NULL"), 0);
    assert_int_equal(q("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                     0);
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(ps.db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "INSERT INTO task_fts (task_fts) VALUES ('integrity-check')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    /* FTS5's pending-terms size is back at its default for the saves that follow. */
    sqlite3_stmt *s = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(h, "SELECT v FROM task_fts_config WHERE k = 'hashsize'", -1, &s, NULL),
        SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW)
        assert_int_equal(sqlite3_column_int(s, 0), 1048576);
    sqlite3_finalize(s);
    sqlite3_close(h);
    /* A later task is written through the triggers again. */
    struct task_new one = {"Z.1", "Một nhiệm vụ nữa", "", "", "", "PC", "", "", "", "", "high", "",
                           ""};
    long id;
    assert_int_equal(store_task_create(ps.st, &one, &id, &err), 0);
    assert_int_equal(q(TALLY_WRONG), 0);
    assert_int_equal(q("SELECT count(*) FROM task_fts WHERE task_fts MATCH '\"mot nhiem\"'"), 1);
}

static void test_one_bad_row_writes_nothing(void **state)
{
    (void)state;
    struct td_err err = {0};
    long objects = q(SCHEMA_OBJECTS), audit = q("SELECT count(*) FROM audit_log");
    rows[ROWS - 1].lead = "NOPE"; /* the last row: every other one is fine */
    rows[7].code = codes[3];      /* and a code twice */
    assert_int_equal(
        store_task_import(ps.st, rows, ROWS, false, "tasks.csv", "0", count_problem, NULL, &err),
        2);
    assert_int_equal(problems_seen, 2);
    assert_int_equal(q("SELECT count(*) FROM task"), 0);
    assert_int_equal(q("SELECT count(*) FROM task_unit"), 0);
    assert_int_equal(q("SELECT count(*) FROM task_tally WHERE n > 0"), 0);
    assert_int_equal(q("SELECT count(*) FROM audit_log"), audit);
    assert_int_equal(q(SCHEMA_OBJECTS), objects);
    /* A dry run checks the same and writes nothing either. */
    rows[ROWS - 1].lead = "PC";
    rows[7].code = codes[7];
    problems_seen = 0;
    assert_int_equal(
        store_task_import(ps.st, rows, ROWS, true, "tasks.csv", "0", count_problem, NULL, &err), 0);
    assert_int_equal(q("SELECT count(*) FROM task"), 0);
    assert_int_equal(q("SELECT count(*) FROM audit_log"), audit);
}

static void test_an_import_into_a_table_with_tasks_keeps_the_counts(void **state)
{
    (void)state;
    struct td_err err = {0};
    assert_int_equal(
        store_task_import(ps.st, rows, 10, false, "a.csv", "1", count_problem, NULL, &err), 0);
    long objects = q(SCHEMA_OBJECTS);
    assert_int_equal(store_task_import(ps.st, rows + 10, ROWS - 10, false, "b.csv", "2",
                                       count_problem, NULL, &err),
                     0);
    assert_int_equal(q("SELECT count(*) FROM task"), ROWS);
    assert_int_equal(q("SELECT count(*) FROM audit_log WHERE action = 'import'"), 2);
    assert_int_equal(q(SCHEMA_OBJECTS), objects);
    assert_int_equal(q(TALLY_WRONG), 0);
    assert_int_equal(q("SELECT count(*) FROM task_fts WHERE task_fts MATCH '\"so 5 ve\"'"), 1);
    /* The same codes again are refused, as before. */
    assert_int_equal(
        store_task_import(ps.st, rows, 3, false, "a.csv", "1", count_problem, NULL, &err), 3);
}

static void test_undo_takes_the_import_back_whole(void **state)
{
    (void)state;
    struct td_err err = {0};
    assert_int_equal(
        store_task_import(ps.st, rows, ROWS, false, "tasks.csv", "0", count_problem, NULL, &err),
        0);
    /* A progress entry on one of the tasks, then undone: the task is as imported again. */
    long id = q("SELECT id FROM task WHERE code = 'N.20'");
    struct progress_input in = {.percent = 30, .status = ST_IN_PROGRESS};
    date_from_ymd(2026, 2, 1, &in.date);
    assert_int_equal(store_progress_add(ps.st, id, 0, &in, &err), 0);
    char what[512];
    assert_int_equal(store_undo_last(ps.st, what, sizeof what, &err), 0);
    assert_int_equal(store_undo_last(ps.st, what, sizeof what, &err), 0);
    assert_non_null(strstr(what, "1500"));
    assert_non_null(strstr(what, "tasks.csv"));
    /* Every task of it leaves the lists (kept, as a deleted task is), the counts with them. */
    assert_int_equal(q("SELECT count(*) FROM task WHERE deleted = 0"), 0);
    assert_int_equal(q("SELECT count(*) FROM task WHERE deleted = 1"), ROWS);
    assert_int_equal(q(TALLY_WRONG), 0);
    assert_int_equal(q("SELECT count(*) FROM audit_log WHERE action = 'import' AND undone = 1"), 1);
    assert_int_equal(store_undo_last(ps.st, what, sizeof what, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    /* The codes are free again: the same file imports once more. */
    assert_int_equal(
        store_task_import(ps.st, rows, ROWS, false, "tasks.csv", "0", count_problem, NULL, &err),
        0);
    assert_int_equal(q("SELECT count(*) FROM task WHERE deleted = 0"), ROWS);
}

static void test_undo_of_an_import_is_refused_when_someone_changed_a_task(void **state)
{
    (void)state;
    struct td_err err = {0};
    assert_int_equal(
        store_task_import(ps.st, rows, ROWS, false, "tasks.csv", "0", count_problem, NULL, &err),
        0);
    struct store *other;
    struct store_options o = {.busy_timeout_ms = 1000, .user = "hoa"};
    assert_int_equal(store_open(&other, ps.db, &o, &err), 0);
    struct progress_input in = {.percent = 10, .status = ST_IN_PROGRESS};
    date_from_ymd(2026, 2, 1, &in.date);
    assert_int_equal(
        store_progress_add(other, q("SELECT id FROM task WHERE code = 'N.700'"), 0, &in, &err), 0);
    store_close(other);
    char what[512];
    assert_int_equal(store_undo_last(ps.st, what, sizeof what, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_non_null(strstr(err.msg, "hoa"));
    assert_non_null(strstr(err.msg, "N.700"));
    assert_int_equal(q("SELECT count(*) FROM task WHERE deleted = 0"), ROWS);
    assert_int_equal(q("SELECT count(*) FROM audit_log WHERE undone = 1"), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_an_import_is_written_whole_with_one_audit_row),
        T(test_one_bad_row_writes_nothing),
        T(test_an_import_into_a_table_with_tasks_keeps_the_counts),
        T(test_undo_takes_the_import_back_whole),
        T(test_undo_of_an_import_is_refused_when_someone_changed_a_task),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
