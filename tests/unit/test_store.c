/* The store on real SQLite files: migrations, plan synchronisation, demo data, checks. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "helpers.h"

#include "tiendo/planfile.h"
#include "tiendo/store.h"

#define SHIPPED "config/plans/qd-111-2022.ini"

static char *dir;
static char db[PATH_MAX];
static const struct store_options create_opts = {
    .busy_timeout_ms = 1000, .create = true, .user = "tester"};
static const struct store_options open_opts = {.busy_timeout_ms = 1000, .user = "tester"};

static int setup_each(void **state)
{
    (void)state;
    dir = helper_tmpdir();
    snprintf(db, sizeof db, "%s/t.db", dir);
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    helper_rmtree(dir);
    return 0;
}

/* Runs SQL on the file directly, as another program would. */
static long sql_long(const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
    long v = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(h);
    return v;
}

static void sql_exec(const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(h);
}

static struct store *open_store(const struct store_options *o)
{
    struct store *st = NULL;
    struct td_err err = {0};
    if (store_open(&st, db, o, &err) != 0)
        fail_msg("store_open: %s", err.msg);
    return st;
}

static void sync_file(struct store *st, const char *path)
{
    struct plan_def p;
    struct td_err err = {0};
    assert_int_equal(plan_file_load(path, &p, NULL, NULL, &err), 0);
    if (store_sync_plan(st, &p, &err) != 0)
        fail_msg("sync: %s", err.msg);
    plan_def_free(&p);
}

static void test_fresh_database_gets_the_whole_schema_with_wal_and_foreign_keys(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    assert_int_equal(store_user_version(st), store_schema_version());
    store_close(st);
    assert_int_equal(sql_long("PRAGMA user_version"), store_schema_version());
    static const char *tables[] = {
        "plan",      "phase",           "unit",      "app_user",         "task",
        "task_unit", "progress_update", "criterion", "evaluation",       "report_rule",
        "report",    "submission",      "indicator", "indicator_target", "indicator_value",
        "activity",  "inspection",      "meeting",   "audit_log"};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char sql[200];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                 tables[i]);
        if (sql_long(sql) != 1)
            fail_msg("table %s is missing", tables[i]);
    }
    assert_int_equal(
        sql_long("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
    /* Editable rows carry version, updated_at and updated_by. */
    assert_int_equal(sql_long("SELECT count(*) FROM pragma_table_info('task') WHERE name IN"
                              " ('version', 'updated_at', 'updated_by')"),
                     3);
}

static void test_older_database_is_migrated_and_keeps_its_rows(void **state)
{
    (void)state;
    /* A version-1 database with rows, as an older tiendo left it. */
    struct store_options v1 = create_opts;
    v1.schema_version = 1;
    struct store *st = open_store(&v1);
    assert_int_equal(store_user_version(st), 1);
    store_close(st);
    assert_int_equal(sql_long("SELECT count(*) FROM sqlite_schema WHERE name = 'task_lead_due'"),
                     0);
    sql_exec("INSERT INTO unit (code, name) VALUES ('U', 'Unit');"
             "INSERT INTO task (code, title, lead_unit_id) VALUES ('T.1', 'Old task', 1);");
    st = open_store(&open_opts);
    assert_int_equal(store_user_version(st), store_schema_version());
    store_close(st);
    assert_int_equal(sql_long("SELECT count(*) FROM task WHERE title = 'Old task'"), 1);
    assert_int_equal(sql_long("SELECT count(*) FROM sqlite_schema WHERE name = 'task_lead_due'"),
                     1);
}

static void test_newer_database_is_refused_untouched(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    store_close(st);
    sql_exec("PRAGMA user_version = 99");
    struct td_err err = {0};
    assert_int_equal(store_open(&st, db, &open_opts, &err), -1);
    assert_int_equal(err.status, TD_E_NEWER);
    assert_non_null(strstr(err.msg, "schema version 99"));
    assert_int_equal(sql_long("PRAGMA user_version"), 99);
}

static void test_missing_and_foreign_files_give_clear_errors(void **state)
{
    (void)state;
    struct store *st = NULL;
    struct td_err err = {0};
    assert_int_equal(store_open(&st, db, &open_opts, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    assert_non_null(strstr(err.msg, "tiendo init"));
    struct stat sb;
    assert_int_not_equal(stat(db, &sb), 0); /* nothing created */

    char *junk = helper_write(dir, "t.db",
                              "this is a text file, not a database, but long "
                              "enough to have a header of one hundred bytes or "
                              "more so that SQLite reads it as a page...........\n");
    assert_int_equal(store_open(&st, db, &open_opts, &err), -1);
    assert_int_equal(err.status, TD_E_DB);
    assert_non_null(strstr(err.msg, "not a tiendo database"));
    FILE *f = fopen(junk, "r");
    char line[64];
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_memory_equal(line, "this is a text file", 19); /* left as it was */
    free(junk);
}

static void test_plan_sync_retires_a_removed_criterion_and_keeps_its_evaluations(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    sync_file(st, SHIPPED);
    assert_int_equal(store_count(st, "criterion", true), 4);
    assert_int_equal(store_count(st, "phase", true), 2);
    assert_int_equal(store_count(st, "indicator_target", false), 5);
    sql_exec("INSERT INTO evaluation (period, unit_id, criterion_id, comment)"
             " SELECT '2025', (SELECT id FROM unit WHERE code = 'VTTTN'), id, 'Đã đánh giá'"
             " FROM criterion WHERE code = 'd'");

    /* The same plan without criterion d. */
    FILE *in = fopen(SHIPPED, "r");
    char *copy = helper_write(dir, "plan.ini", "");
    FILE *out = fopen(copy, "w");
    char line[2048];
    bool skipping = false;
    while (fgets(line, sizeof line, in) != NULL) {
        if (line[0] == '[')
            skipping = strncmp(line, "[criterion.d]", 13) == 0;
        if (!skipping)
            fputs(line, out);
    }
    fclose(in);
    fclose(out);
    sync_file(st, copy);
    assert_int_equal(store_count(st, "criterion", true), 3);
    assert_int_equal(store_count(st, "criterion", false), 4);
    store_close(st);
    assert_int_equal(sql_long("SELECT active FROM criterion WHERE code = 'd'"), 0);
    assert_int_equal(sql_long("SELECT count(*) FROM evaluation e JOIN criterion c"
                              " ON c.id = e.criterion_id WHERE c.code = 'd'"),
                     1);

    /* Putting it back makes it active again, with its evaluation. */
    st = open_store(&open_opts);
    sync_file(st, SHIPPED);
    assert_int_equal(store_count(st, "criterion", true), 4);
    store_close(st);
    free(copy);
}

static void test_plan_sync_refuses_another_plan(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    sync_file(st, SHIPPED);
    char *other = helper_write(dir, "other.ini",
                               "[plan]\ncode = other\ntitle = O\nshort_title = O\n"
                               "start_year = 2021\nend_year = 2030\n"
                               "[criterion.a]\nlabel = A\nwording = A\n");
    struct plan_def p;
    struct td_err err = {0};
    assert_int_equal(plan_file_load(other, &p, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(st, &p, &err), -1);
    assert_non_null(strstr(err.msg, "holds plan \"qd-111-2022\""));
    plan_def_free(&p);
    assert_int_equal(store_count(st, "criterion", true), 4); /* nothing changed */
    store_close(st);
    free(other);
}

static void test_demo_data_is_marked_and_loading_it_twice_adds_nothing(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    struct plan_def p;
    struct td_err err = {0};
    assert_int_equal(plan_file_load(SHIPPED, &p, NULL, NULL, &err), 0);
    assert_int_equal(plan_file_load_demo(&p, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(st, &p, &err), 0);
    int added = store_load_demo(st, &p, &err);
    assert_true(added > 20);
    assert_int_equal(store_load_demo(st, &p, &err), 0);
    assert_true(store_plan_is_current(st, p.source_hash));
    plan_def_free(&p);
    store_close(st);
    assert_int_equal(sql_long("SELECT count(*) FROM task WHERE is_demo = 0"), 0);
    assert_int_equal(sql_long("SELECT count(*) FROM progress_update WHERE is_demo = 0"), 0);
    /* A task's status and percent are those of its latest update. */
    assert_int_equal(sql_long("SELECT percent FROM task WHERE code = 'I.1'"), 100);
    assert_int_equal(sql_long("SELECT status = 'done' FROM task WHERE code = 'I.1'"), 1);
}

static void report_count(void *ctx, const char *msg)
{
    (void)msg;
    ++*(int *)ctx;
}

static void test_check_finds_broken_foreign_keys(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    sync_file(st, SHIPPED);
    int n = 0;
    struct td_err err = {0};
    assert_int_equal(store_check(st, report_count, &n, &err), 0);
    store_close(st);
    sql_exec("PRAGMA foreign_keys = OFF; INSERT INTO task (code, title, lead_unit_id)"
             " VALUES ('X', 'Orphan', 9999)");
    st = open_store(&open_opts);
    assert_int_equal(store_check(st, report_count, &n, &err), 1);
    store_close(st);
}

/* Another program's SQLite file is not taken over: no tiendo table is added to it. */
static void test_another_programs_sqlite_file_is_refused_untouched(void **state)
{
    (void)state;
    sql_exec("CREATE TABLE invoice (no INTEGER); INSERT INTO invoice VALUES (7)");
    struct store *st = NULL;
    struct td_err err = {0};
    assert_int_equal(store_open(&st, db, &open_opts, &err), -1);
    assert_int_equal(err.status, TD_E_DB);
    assert_non_null(strstr(err.msg, "an SQLite database of another program"));
    assert_int_equal(sql_long("SELECT count(*) FROM sqlite_schema"), 1);
    assert_int_equal(sql_long("PRAGMA user_version"), 0);
}

/* A backup made while another connection holds an open write transaction: opening needs no
 * lock, the copy is the last commit, in one file of mode 0600, and an existing file is never
 * overwritten. */
static void test_backup_copies_the_last_commit_while_another_session_writes(void **state)
{
    (void)state;
    struct store *st = open_store(&create_opts);
    sync_file(st, SHIPPED);
    store_close(st);
    sqlite3 *writer;
    assert_int_equal(sqlite3_open(db, &writer), SQLITE_OK);
    assert_int_equal(sqlite3_exec(writer,
                                  "BEGIN IMMEDIATE; UPDATE unit SET name = 'uncommitted'"
                                  " WHERE code = 'VTTTN'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    struct store_options quick = open_opts;
    quick.busy_timeout_ms = 50; /* a wait would fail the test, not slow it */
    st = open_store(&quick);
    char copy[PATH_MAX + 16];
    snprintf(copy, sizeof copy, "%s/copy.db", dir);
    struct store_backup_info info;
    struct td_err err = {0};
    if (store_backup(st, copy, &info, &err) != 0)
        fail_msg("store_backup: %s", err.msg);
    assert_true(info.bytes > 0);
    assert_int_equal(info.version, store_schema_version());
    struct stat sb;
    assert_int_equal(stat(copy, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(store_backup(st, copy, &info, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);
    assert_non_null(strstr(err.msg, "exists already"));
    store_close(st);
    assert_int_equal(sqlite3_exec(writer, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(writer);
    assert_int_equal(sql_long("SELECT count(*) FROM unit WHERE name = 'uncommitted'"), 1);
    snprintf(db, sizeof db, "%s", copy); /* sql_long reads the copy now */
    assert_int_equal(sql_long("SELECT count(*) FROM unit WHERE name = 'uncommitted'"), 0);
    assert_true(sql_long("SELECT count(*) FROM unit") > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_fresh_database_gets_the_whole_schema_with_wal_and_foreign_keys, setup_each,
            teardown_each),
        cmocka_unit_test_setup_teardown(test_older_database_is_migrated_and_keeps_its_rows,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_newer_database_is_refused_untouched, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_missing_and_foreign_files_give_clear_errors,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(
            test_plan_sync_retires_a_removed_criterion_and_keeps_its_evaluations, setup_each,
            teardown_each),
        cmocka_unit_test_setup_teardown(test_plan_sync_refuses_another_plan, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_demo_data_is_marked_and_loading_it_twice_adds_nothing,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_check_finds_broken_foreign_keys, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_another_programs_sqlite_file_is_refused_untouched,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(
            test_backup_copies_the_last_commit_while_another_session_writes, setup_each,
            teardown_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
