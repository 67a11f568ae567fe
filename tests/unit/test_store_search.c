/* Issue 18: the worst cases of the task list on a real database: a search that matches nothing
 * or only the last task (task_fts), searches too short for trigrams (a bounded scan), and the
 * list's counts kept by task_tally through saves, deletes and another connection's writes. */
#include <locale.h>
#include <sqlite3.h>

#include "store_helpers.h"

#include "tiendo/planfile.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

/* More tasks than a short search looks at (SHORT_SCAN in src/store/tasks.c is 2,000). */
enum { BULK = 8000 };

static struct plan_store ps; /* st and db below are its */
static char db[PATH_MAX];
static struct store *st;
static struct task_filter all;

/* Runs sql through a connection of its own, as another program (the sqlite3 shell) would. */
static void other_exec(const char *sql)
{
    sqlite3 *h = NULL;
    char *msg = NULL;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_busy_timeout(h, 1000);
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(h);
}

static long other_long(const char *sql)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *s = NULL;
    long v = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(h);
    return v;
}

static int setup_each(void **state)
{
    (void)state;
    plan_store_open_demo(&ps);
    st = ps.st;
    snprintf(db, sizeof db, "%s", ps.db);
    /* Many tasks written by another program (no search text: the store fills it in), and a
     * last one (in code order) that alone holds its words. */
    other_exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000)"
               " INSERT INTO task (code, title, lead_unit_id, status, updated_by)"
               " SELECT 'X.' || i, 'Nhiệm vụ số ' || i || ' về thương mại',"
               " (SELECT min(id) FROM unit), 'in_progress', 'gen' FROM n;"
               "INSERT INTO task (code, title, lead_unit_id, due_date, updated_by)"
               " VALUES ('ZZ.1', 'Khảo sát chợ đầu mối Đồng Tháp qw', (SELECT max(id) FROM unit),"
               " '2030-12-31', 'gen');");
    memset(&all, 0, sizeof all);
    date_from_ymd(2025, 12, 20, &all.rules.today);
    all.rules.behind_tolerance = 10;
    all.rules.due_soon_days = 14;
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

static long count_of(const struct task_filter *f)
{
    struct td_err err = {0};
    long n = -1;
    if (store_task_count(st, f, &n, &err) != 0)
        fail_msg("%s", err.msg);
    return n;
}

/* The code of the task at position pos of the list in sort order. */
static const char *code_at(enum task_sort sort, bool desc, long pos)
{
    static struct task_row row;
    struct td_err err = {0};
    int n = 0;
    assert_int_equal(store_task_page(st, &all, sort, desc, pos, 1, &row, &n, &err), 0);
    assert_int_equal(n, 1);
    return row.code;
}

static long find(enum task_sort sort, bool desc, const char *needle, long from, int dir_)
{
    struct td_err err = {0};
    return store_task_find(st, &all, sort, desc, needle, from, dir_, &err);
}

static void test_a_search_that_matches_nothing_finds_nothing(void **state)
{
    (void)state;
    long n = count_of(&all);
    assert_int_equal(n, 12 + BULK + 1);
    assert_int_equal(find(TSORT_CODE, false, "không có việc này", 0, 1), -1);
    assert_int_equal(find(TSORT_CODE, false, "không có việc này", n - 1, -1), -1);
    assert_int_equal(find(TSORT_UNIT, true, "zzzzqqq", 0, 1), -1);
    /* A phrase with a double quote is text, not task_fts syntax. */
    assert_int_equal(find(TSORT_CODE, false, "\"chợ\" OR", 0, 1), -1);
}

static void test_a_search_that_matches_only_the_last_task_finds_it(void **state)
{
    (void)state;
    long n = count_of(&all);
    const enum task_sort sorts[] = {TSORT_CODE, TSORT_TITLE,  TSORT_UNIT,
                                    TSORT_DUE,  TSORT_STATUS, TSORT_PERCENT};
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
        for (int desc = 0; desc < 2; desc++) {
            long pos = find(sorts[i], desc, "dong thap", 0, 1);
            assert_true(pos >= 0);
            assert_string_equal(code_at(sorts[i], desc, pos), "ZZ.1");
            /* Backwards from the end finds the same row. */
            assert_int_equal(find(sorts[i], desc, "dong thap", n - 1, -1), pos);
        }
    }
    /* In code order it is the last row; descending, the first. */
    assert_int_equal(find(TSORT_CODE, false, "dong thap", 0, 1), n - 1);
    assert_int_equal(find(TSORT_CODE, true, "dong thap", 0, 1), 0);
    /* Past it, forwards: nothing (the list wraps around, not the store). */
    assert_int_equal(find(TSORT_CODE, true, "dong thap", 1, 1), -1);
}

static void test_vietnamese_marks_and_case_are_folded(void **state)
{
    (void)state;
    long n = count_of(&all);
    assert_int_equal(find(TSORT_CODE, false, "CHỢ ĐẦU MỐI", 0, 1), n - 1);
    assert_int_equal(find(TSORT_CODE, false, "cho dau moi", 0, 1), n - 1);
    assert_int_equal(find(TSORT_CODE, false, "Chợ Đầu", 0, 1), n - 1);
    /* Decomposed marks (NFD) fold the same way. */
    assert_int_equal(find(TSORT_CODE, false, "cho\xcc\x9b\xcc\xa3 \xc4\x91\xc3\xa2\xcc\x80u", 0, 1),
                     n - 1);
}

static void test_one_and_two_character_searches_look_a_bounded_way(void **state)
{
    (void)state;
    long n = count_of(&all);
    /* A common one-character search finds the next row at once. */
    long pos = find(TSORT_CODE, false, "v", 3, 1);
    assert_true(pos >= 3);
    assert_true(pos < 20);
    assert_int_equal(find(TSORT_CODE, false, "ợ", 0, 1) >= 0, 1);
    /* Two characters near where the search starts: found. */
    assert_int_equal(find(TSORT_CODE, false, "qw", n - 100, 1), n - 1);
    assert_int_equal(find(TSORT_CODE, true, "QW", 100, -1), 0);
    /* Too far for a short search (more than 2,000 rows on): not found; a third character
     * reads task_fts and finds it anywhere. */
    assert_int_equal(find(TSORT_CODE, false, "qw", 0, 1), -1);
    assert_int_equal(find(TSORT_CODE, false, " qw", 0, 1), n - 1);
}

static void test_a_common_term_and_an_edit_keep_the_index_in_step(void **state)
{
    (void)state;
    /* More candidates than task_fts hands over: the scan in list order finds them. */
    long pos = find(TSORT_CODE, false, "nhiem vu so", 100, 1);
    assert_int_equal(pos, 100);
    assert_true(strncmp(code_at(TSORT_CODE, false, pos), "X.", 2) == 0);
    /* Many candidates, none among the 2,000 rows from where the search starts: all of them
     * are sorted, and the first in list order is found. */
    other_exec("UPDATE task SET title = title || ' cuối kỳ' WHERE code LIKE 'X.%'"
               " AND CAST(substr(code, 3) AS INTEGER) > 5500");
    pos = find(TSORT_CODE, false, "cuoi ky", 0, 1);
    assert_string_equal(code_at(TSORT_CODE, false, pos), "X.5501");
    assert_int_equal(find(TSORT_CODE, false, "cuoi ky", pos - 1, -1), -1);
    assert_int_equal(find(TSORT_CODE, true, "cuoi ky", 0, 1), 1);
    /* Another program renames the last task and deletes one: the index follows. */
    other_exec("UPDATE task SET title = 'Đánh giá hội chợ Cà Mau' WHERE code = 'ZZ.1';"
               "DELETE FROM task WHERE code = 'X.17' AND NOT EXISTS"
               " (SELECT 1 FROM progress_update WHERE task_id = task.id);");
    long n = count_of(&all);
    assert_int_equal(n, 12 + BULK);
    assert_int_equal(find(TSORT_CODE, false, "dong thap", 0, 1), -1);
    assert_int_equal(find(TSORT_CODE, false, "hoi cho ca mau", 0, 1), n - 1);
    assert_int_equal(find(TSORT_CODE, false, "so 17 ve", 0, 1), -1);
    assert_int_equal(other_long("SELECT count(*) FROM task_fts WHERE task_fts MATCH '\"ca mau\"'"),
                     1);
    /* A task another program adds with its search text already made: found at once. */
    other_exec("INSERT INTO task (code, title, lead_unit_id, updated_by, sort_code, search)"
               " VALUES ('ZZ.2', 'Kiểm tra thị trường Hà Giang', (SELECT min(id) FROM unit),"
               " 'khac', 'ZZ.00000002', 'zz.2 kiem tra thi truong ha giang');");
    pos = find(TSORT_CODE, false, "ha giang", 0, 1);
    assert_true(pos >= 0);
    assert_string_equal(code_at(TSORT_CODE, false, pos), "ZZ.2");
    /* Every task's text is in task_fts once and as it is now (FTS5's own check). */
    assert_int_equal(other_long("SELECT count(*) FROM task_fts_todo"), 0);
    other_exec("INSERT INTO task_fts(task_fts) VALUES ('integrity-check')");
}

/* The counts of a few filters, against a count of the rows themselves. */
static void assert_counts_right(void)
{
    long unit = other_long("SELECT min(id) FROM unit");
    long phase = other_long("SELECT min(id) FROM phase");
    long group = other_long("SELECT min(id) FROM vocab WHERE domain = 'group'");
    assert_int_equal(count_of(&all), other_long("SELECT count(*) FROM task WHERE deleted = 0"));
    struct task_filter f = all;
    f.unit_id = unit;
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM task WHERE deleted = 0 AND lead_unit_id = %ld",
             unit);
    assert_int_equal(count_of(&f), other_long(sql));
    f = all;
    f.statuses = 1u << ST_IN_PROGRESS | 1u << ST_DONE;
    assert_int_equal(count_of(&f), other_long("SELECT count(*) FROM task WHERE deleted = 0"
                                              " AND status IN ('in_progress', 'done')"));
    f = all;
    f.phase_id = phase;
    f.group_id = group;
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM task WHERE deleted = 0 AND phase_id = %ld AND group_id = %ld",
             phase, group);
    assert_int_equal(count_of(&f), other_long(sql));
    f = all;
    f.statuses = 1u << ST_CANCELLED;
    assert_int_equal(count_of(&f), other_long("SELECT count(*) FROM task WHERE deleted = 0"
                                              " AND status = 'cancelled'"));
}

static void test_counts_stay_right_after_saves_deletes_and_others_writes(void **state)
{
    (void)state;
    struct td_err err = {0};
    assert_counts_right();
    /* One's own save changes a task's status: the count of that status follows. */
    struct task_row row;
    int n = 0;
    /* The last count was of an empty filter: a page of another filter still has its rows. */
    assert_int_equal(store_task_page(st, &all, TSORT_CODE, false, 0, 1, &row, &n, &err), 0);
    assert_int_equal(n, 1);
    struct task_filter done = all;
    done.statuses = 1u << ST_DONE;
    long before = count_of(&done);
    struct progress_input in = {.percent = 100, .status = ST_DONE, .done = "Xong"};
    date_from_ymd(2025, 12, 19, &in.date);
    if (store_progress_add(st, row.id, 0, &in, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(count_of(&done), before + (row.status != ST_DONE));
    assert_counts_right();
    /* One's own delete. */
    struct task_detail d;
    assert_int_equal(store_task_get(st, row.id, &d, &err), 0);
    long total = count_of(&all);
    assert_int_equal(store_task_delete(st, row.id, d.row.version, &err), 0);
    assert_int_equal(count_of(&all), total - 1);
    assert_counts_right();
    /* Another connection adds, deletes, moves and cancels tasks. */
    other_exec("INSERT INTO task (code, title, lead_unit_id, updated_by)"
               " VALUES ('Y.1', 'Một việc mới', (SELECT min(id) FROM unit), 'khac');"
               "UPDATE task SET deleted = 1 WHERE code IN ('X.1', 'X.2');"
               "UPDATE task SET lead_unit_id = (SELECT max(id) FROM unit) WHERE code = 'X.3';"
               "UPDATE task SET status = 'cancelled' WHERE code = 'X.4';"
               "UPDATE task SET phase_id = (SELECT min(id) FROM phase),"
               " group_id = (SELECT min(id) FROM vocab WHERE domain = 'group')"
               " WHERE code LIKE 'X.1%';");
    assert_int_equal(count_of(&all), total - 1 + 1 - 2);
    assert_counts_right();
    other_exec("DELETE FROM task WHERE code = 'Y.1'");
    assert_counts_right();
    /* An empty filter reads no rows and says so. */
    struct task_filter none = all;
    none.statuses = 1u << ST_SUSPENDED;
    other_exec("UPDATE task SET status = 'in_progress' WHERE status = 'suspended'");
    assert_int_equal(count_of(&none), 0);
    assert_int_equal(store_task_page(st, &none, TSORT_UNIT, false, 0, 1, &row, &n, &err), 0);
    assert_int_equal(n, 0);
    /* The tally agrees with the rows it counts, row by row. */
    assert_int_equal(other_long("SELECT count(*) FROM (SELECT unit_id, status, phase_id, group_id,"
                                " n FROM task_tally WHERE n <> 0 EXCEPT SELECT lead_unit_id,"
                                " status, coalesce(phase_id, 0), coalesce(group_id, 0), count(*)"
                                " FROM task WHERE deleted = 0 GROUP BY 1, 2, 3, 4)"),
                     0);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)
    const struct CMUnitTest tests[] = {
        T(test_a_search_that_matches_nothing_finds_nothing),
        T(test_a_search_that_matches_only_the_last_task_finds_it),
        T(test_vietnamese_marks_and_case_are_folded),
        T(test_one_and_two_character_searches_look_a_bounded_way),
        T(test_a_common_term_and_an_edit_keep_the_index_in_step),
        T(test_counts_stay_right_after_saves_deletes_and_others_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
