/* Tasks in the store: the list window, search, progress updates and their history. */
#include <locale.h>
#include <sqlite3.h>

#include "helpers.h"

#include "tiendo/planfile.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

static char *dir;
static char db[PATH_MAX];
static struct store *st;
static struct task_filter all;

static int setup_each(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C.UTF-8");
    dir = helper_tmpdir();
    snprintf(db, sizeof db, "%s/t.db", dir);
    struct store_options o = {.busy_timeout_ms = 1000, .create = true, .user = "lan"};
    struct td_err err = {0};
    if (store_open(&st, db, &o, &err) != 0)
        fail_msg("%s", err.msg);
    struct plan_def p;
    assert_int_equal(plan_file_load("config/plans/qd-111-2022.ini", &p, NULL, NULL, &err), 0);
    assert_int_equal(plan_file_load_demo(&p, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(st, &p, &err), 0);
    assert_true(store_load_demo(st, &p, &err) > 0);
    plan_def_free(&p);
    memset(&all, 0, sizeof all);
    date_from_ymd(2025, 12, 20, &all.rules.today);
    all.rules.behind_tolerance = 10;
    all.rules.due_soon_days = 14;
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    store_close(st);
    helper_rmtree(dir);
    return 0;
}

static void test_list_pages_in_natural_code_order(void **state)
{
    (void)state;
    struct td_err err = {0};
    long count;
    assert_int_equal(store_task_count(st, &all, &count, &err), 0);
    assert_int_equal(count, 12);
    struct task_row rows[12];
    int n;
    assert_int_equal(store_task_page(st, &all, TSORT_CODE, false, 0, 12, rows, &n, &err), 0);
    assert_int_equal(n, 12);
    assert_string_equal(rows[0].code, "I.1");
    assert_string_equal(rows[2].code, "II.1");
    assert_string_equal(rows[11].code, "V.2");
    /* A window further down gives the next rows only. */
    assert_int_equal(store_task_page(st, &all, TSORT_CODE, false, 10, 5, rows, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].code, "V.1");
    assert_int_equal(store_task_page(st, &all, TSORT_PERCENT, true, 0, 1, rows, &n, &err), 0);
    assert_int_equal(rows[0].percent, 100);
}

static void test_filters_narrow_the_list(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct task_filter f = all;
    f.flags = FLAG_OVERDUE;
    long count;
    assert_int_equal(store_task_count(st, &f, &count, &err), 0);
    /* Due before 20/12/2025 and not done: I.2, II.2, II.4, IV.1, IV.2. */
    assert_int_equal(count, 5);
    /* Due within 14 days of 20/12/2025 and not done: II.1, III.1, V.1 (31/12/2025). */
    f.flags = FLAG_DUE_SOON;
    assert_int_equal(store_task_count(st, &f, &count, &err), 0);
    assert_int_equal(count, 3);
    struct task_row rows[3];
    int n;
    assert_int_equal(store_task_page(st, &f, TSORT_CODE, false, 0, 3, rows, &n, &err), 0);
    assert_string_equal(rows[0].code, "II.1");
    assert_true(rows[0].flags & FLAG_DUE_SOON);
    f = all;
    f.statuses = 1u << ST_DONE;
    assert_int_equal(store_task_count(st, &f, &count, &err), 0);
    assert_int_equal(count, 1);
    f.statuses = 1u << ST_DONE | 1u << ST_NOT_STARTED;
    assert_int_equal(store_task_count(st, &f, &count, &err), 0);
    assert_int_equal(count, 4);
}

static void test_search_ignores_case_and_marks_and_walks_both_ways(void **state)
{
    (void)state;
    struct td_err err = {0};
    long pos = store_task_find(st, &all, TSORT_CODE, false, "ha tang", 0, 1, &err);
    assert_true(pos >= 0);
    struct task_row row;
    int n;
    store_task_page(st, &all, TSORT_CODE, false, pos, 1, &row, &n, &err);
    assert_string_equal(row.code, "I.2"); /* "...phát triển hạ tầng thương mại..." */
    long next = store_task_find(st, &all, TSORT_CODE, false, "HẠ TẦNG", pos + 1, 1, &err);
    assert_true(next > pos);
    assert_int_equal(store_task_find(st, &all, TSORT_CODE, false, "ha tang", next - 1, -1, &err),
                     pos);
    assert_int_equal(store_task_find(st, &all, TSORT_CODE, false, "không có", 0, 1, &err), -1);
}

/* The first entries of a history, copied whole. */
struct history {
    int n;
    char *done[8];
    char by[8][64], date[8][11];
};

static int keep_history(void *ctx, const struct progress_row *p)
{
    struct history *h = ctx;
    if (h->n == 8)
        return 1;
    h->done[h->n] = strdup(p->done);
    snprintf(h->by[h->n], sizeof h->by[0], "%s", p->by);
    snprintf(h->date[h->n], sizeof h->date[0], "%s", p->date);
    h->n++;
    return 0;
}

static void history_free(struct history *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->done[i]);
}

/* A long note (3,000 characters of Vietnamese, over 4,000 bytes) is read back whole, its last
 * words included: the history used to cut it at 1,023 bytes. */
static void test_a_long_note_is_read_back_whole(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct task_row row;
    int n;
    store_task_page(st, &all, TSORT_CODE, false, 1, 1, &row, &n, &err);
    char note[12000] = "";
    size_t o = 0;
    for (int i = 0; i < 426; i++) /* "Đã làm " is 7 characters, 10 bytes */
        o += (size_t)snprintf(note + o, sizeof note - o, "Đã làm ");
    snprintf(note + o, sizeof note - o, "hết việc cuối cùng.");
    struct progress_input in = {.percent = 40, .status = ST_IN_PROGRESS, .done = note};
    date_from_ymd(2025, 12, 19, &in.date);
    assert_int_equal(store_progress_add(st, row.id, 0, &in, &err), 0);
    struct history h = {0};
    assert_int_equal(store_progress_history_each(st, row.id, keep_history, &h, &err), 0);
    assert_true(h.n >= 1);
    assert_true(strlen(note) > 4000);
    assert_string_equal(h.done[0], note);
    history_free(&h);
}

static void test_progress_update_becomes_the_tasks_state_and_tops_its_history(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct task_row row;
    int n;
    store_task_page(st, &all, TSORT_CODE, false, 2, 1, &row, &n, &err); /* II.1, 70 % */
    struct progress_input in = {.percent = 80,
                                .status = ST_IN_PROGRESS,
                                .done = "Đã khảo sát 12 chợ",
                                .difficulties = "Thiếu kinh phí"};
    date_from_ymd(2025, 12, 19, &in.date);
    assert_int_equal(store_progress_add(st, row.id, 0, &in, &err), 0);
    struct task_detail d;
    assert_int_equal(store_task_get(st, row.id, &d, &err), 0);
    assert_int_equal(d.row.percent, 80);
    assert_int_equal(d.row.version, row.version + 1);
    struct history h = {0};
    assert_int_equal(store_progress_history_each(st, row.id, keep_history, &h, &err), 0);
    assert_int_equal(h.n, 2);
    assert_string_equal(h.done[0], "Đã khảo sát 12 chợ");
    assert_string_equal(h.by[0], "lan");
    assert_string_equal(h.date[0], "2025-12-19");
    history_free(&h);
    /* A back-dated entry joins the history but does not become the current state. */
    in.percent = 10;
    date_from_ymd(2023, 1, 1, &in.date);
    assert_int_equal(store_progress_add(st, row.id, 0, &in, &err), 0);
    assert_int_equal(store_task_get(st, row.id, &d, &err), 0);
    assert_int_equal(d.row.percent, 80);
}

static void test_a_save_over_someone_elses_change_is_refused(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct task_row row;
    int n;
    store_task_page(st, &all, TSORT_CODE, false, 0, 1, &row, &n, &err);
    struct progress_input in = {.percent = 100, .status = ST_DONE};
    date_from_ymd(2025, 12, 19, &in.date);
    /* Someone else saves first: the version moves on. */
    assert_int_equal(store_progress_add(st, row.id, row.version, &in, &err), 0);
    long before = store_count(st, "progress_update", false);
    assert_int_equal(store_progress_add(st, row.id, row.version, &in, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_int_equal(store_count(st, "progress_update", false), before);
}

static void test_unit_figures_count_led_done_overdue_behind(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct unit_stats u[32];
    int n;
    assert_int_equal(store_unit_stats(st, &all.rules, u, 32, &n, &err), 0);
    assert_int_equal(n, 10);
    assert_string_equal(u[0].code, "VTTTN");
    /* VTTTN leads I.2, II.1, II.2, IV.2: overdue I.2, II.2, IV.2. */
    assert_int_equal(u[0].tasks, 4);
    assert_int_equal(u[0].done, 0);
    assert_int_equal(u[0].overdue, 3);
    assert_true(u[0].behind >= 3);
    assert_true(u[0].avg_percent > 51.0 && u[0].avg_percent < 52.0); /* (55+70+30+50)/4 */
    for (int i = 0; i < n; i++)
        if (strcmp(u[i].code, "PC") == 0) {
            assert_int_equal(u[i].tasks, 1);
            assert_int_equal(u[i].done, 1);
            assert_int_equal(u[i].overdue, 0);
        }
}

static long task_id(const char *code)
{
    struct td_err err = {0};
    struct task_row rows[16];
    int n;
    store_task_page(st, &all, TSORT_CODE, false, 0, 16, rows, &n, &err);
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].code, code) == 0)
            return rows[i].id;
    fail_msg("no task %s", code);
    return -1;
}

static void test_bulk_update_is_all_or_nothing(void **state)
{
    (void)state;
    struct td_err err = {0};
    long ids[3] = {task_id("II.3"), task_id("III.2"), 999999};
    struct progress_input in = {.percent = -1, .status = ST_IN_PROGRESS, .done = "Khởi động"};
    date_from_ymd(2025, 12, 20, &in.date);
    long before = store_count(st, "progress_update", false);
    assert_int_equal(store_progress_add_many(st, ids, 3, &in, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    assert_int_equal(store_count(st, "progress_update", false), before);
    struct task_detail d;
    store_task_get(st, ids[0], &d, &err);
    assert_int_equal(d.row.status, ST_NOT_STARTED);
    /* Without the bad one, both change in one step and keep their percent. */
    assert_int_equal(store_progress_add_many(st, ids, 2, &in, &err), 0);
    assert_int_equal(store_count(st, "progress_update", false), before + 2);
    store_task_get(st, ids[1], &d, &err);
    assert_int_equal(d.row.status, ST_IN_PROGRESS);
    assert_int_equal(d.row.percent, 0);
}

static void test_undo_takes_back_the_users_last_change_whole(void **state)
{
    (void)state;
    struct td_err err = {0};
    char what[256];
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    long ids[2] = {task_id("II.1"), task_id("V.1")};
    struct progress_input in = {.percent = -1, .status = ST_DELAYED, .done = "Tạm hoãn"};
    date_from_ymd(2025, 12, 20, &in.date);
    long before = store_count(st, "progress_update", false);
    assert_int_equal(store_progress_add_many(st, ids, 2, &in, &err), 0);
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), 0);
    assert_non_null(strstr(what, "II.1"));
    assert_non_null(strstr(what, "V.1"));
    assert_int_equal(store_count(st, "progress_update", false), before);
    struct task_detail d;
    store_task_get(st, ids[0], &d, &err);
    assert_int_equal(d.row.status, ST_IN_PROGRESS);
    assert_int_equal(d.row.percent, 70);
    /* The change is undone once: the next undo finds nothing older of this user's. */
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
}

static void test_undo_is_refused_when_someone_changed_the_task_since(void **state)
{
    (void)state;
    struct td_err err = {0};
    long id = task_id("II.1");
    struct progress_input in = {.percent = 75, .status = ST_IN_PROGRESS};
    date_from_ymd(2025, 12, 19, &in.date);
    assert_int_equal(store_progress_add(st, id, 0, &in, &err), 0);
    /* Hoa, in another session, saves on the same task. */
    struct store *other;
    struct store_options o = {.busy_timeout_ms = 1000, .user = "hoa"};
    assert_int_equal(store_open(&other, db, &o, &err), 0);
    in.percent = 80;
    assert_int_equal(store_progress_add(other, id, 0, &in, &err), 0);
    store_close(other);
    char what[256];
    long before = store_count(st, "progress_update", false);
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_non_null(strstr(err.msg, "hoa"));
    assert_non_null(strstr(err.msg, "II.1"));
    assert_int_equal(store_count(st, "progress_update", false), before);
}

static void test_create_edit_delete_and_undo_each(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct task_new t = {
        "VI.1",       "Nhiệm vụ mới", "", "II",     "2026-2030", "VTTTN", "TMDT, XTTM",
        "2026-01-01", "2026-12-31",   "", "normal", "",          ""};
    long id;
    assert_int_equal(store_task_create(st, &t, &id, &err), 0);
    struct task_detail d;
    assert_int_equal(store_task_get(st, id, &d, &err), 0);
    assert_string_equal(d.coop, "TMDT, XTTM");
    assert_string_equal(d.group_code, "II");
    /* The same code again is refused with the reason. */
    long id2;
    assert_int_equal(store_task_create(st, &t, &id2, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);
    assert_string_equal(err.msg, "task VI.1 exists already");

    /* Edit: title, lead and cooperating units change; a stale version is refused. */
    struct task_new e = t;
    e.title = "Nhiệm vụ đã sửa";
    e.lead = "TMDT";
    e.coop = "PC";
    assert_int_equal(store_task_update(st, id, d.row.version, &e, &err), 0);
    assert_int_equal(store_task_update(st, id, d.row.version, &e, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_non_null(strstr(err.msg, "lan changed this task"));
    assert_int_equal(store_task_get(st, id, &d, &err), 0);
    assert_string_equal(d.row.title, "Nhiệm vụ đã sửa");
    assert_string_equal(d.row.unit, "TMDT");
    assert_string_equal(d.coop, "PC");

    /* Delete: gone from the list, kept in the database. */
    long before;
    store_task_count(st, &all, &before, &err);
    assert_int_equal(store_task_delete(st, id, d.row.version, &err), 0);
    long after;
    store_task_count(st, &all, &after, &err);
    assert_int_equal(after, before - 1);
    assert_int_equal(store_count(st, "task", false), 13); /* still in the database */
    char what[200];
    /* Undo the delete, then the edit, then the creation. */
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), 0);
    store_task_count(st, &all, &after, &err);
    assert_int_equal(after, before);
    if (store_undo_last(st, what, sizeof what, &err) != 0)
        fail_msg("undo delete: %s", err.msg);
    assert_int_equal(store_task_get(st, id, &d, &err), 0);
    assert_string_equal(d.row.title, "Nhiệm vụ mới");
    assert_string_equal(d.row.unit, "VTTTN");
    assert_string_equal(d.coop, "TMDT, XTTM");
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), 0);
    assert_int_equal(store_task_get(st, id, &d, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
}

static void test_progress_for_a_missing_task_writes_nothing(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct progress_input in = {.percent = 50, .status = ST_IN_PROGRESS};
    date_from_ymd(2025, 12, 1, &in.date);
    long before = store_count(st, "progress_update", false);
    assert_int_equal(store_progress_add(st, 999999, 0, &in, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    assert_int_equal(store_count(st, "progress_update", false), before);
}

/* The list's count is kept between a sort and the next, but a task another session adds
 * shows in the next count (PRAGMA data_version), as does one added here. */
static void test_the_count_follows_other_sessions(void **state)
{
    (void)state;
    struct td_err err = {0};
    long before = 0, after = 0;
    assert_int_equal(store_task_count(st, &all, &before, &err), 0);
    struct store *other = NULL;
    struct store_options o = {.busy_timeout_ms = 1000, .user = "binh"};
    assert_int_equal(store_open(&other, db, &o, &err), 0);
    struct task_new t = {
        "IX.1", "Nhiệm vụ của phiên khác", "", "", "", "PC", "", "", "", "", "normal", "", ""};
    long id = 0;
    assert_int_equal(store_task_create(other, &t, &id, &err), 0);
    assert_int_equal(store_task_count(st, &all, &after, &err), 0);
    assert_int_equal(after, before + 1);
    struct task_new mine = t;
    mine.code = "IX.2";
    mine.title = "Nhiệm vụ của phiên này";
    assert_int_equal(store_task_create(st, &mine, &id, &err), 0);
    assert_int_equal(store_task_count(st, &all, &after, &err), 0);
    assert_int_equal(after, before + 2);
    /* Found by its title, at the end of the list in code order. */
    long pos = store_task_find(st, &all, TSORT_CODE, false, "phien khac", 0, 1, &err);
    assert_true(pos >= 0);
    struct task_row row;
    int n = 0;
    assert_int_equal(store_task_page(st, &all, TSORT_CODE, false, pos, 1, &row, &n, &err), 0);
    assert_string_equal(row.code, "IX.1");
    store_close(other);
}

struct plan_seen {
    int scans;
    char first[400];
};

static int on_plan(void *ctx, const char *sql, const char *plan)
{
    struct plan_seen *p = ctx;
    /* "SCAN t" alone reads the whole table; with an index it walks that index in order. A
     * temporary B-tree sorts every row the filter lets through. */
    bool full = (strncmp(plan, "SCAN t", 6) == 0 && strstr(plan, "INDEX") == NULL) ||
                strstr(plan, "TEMP B-TREE") != NULL;
    if (full && p->scans++ == 0)
        snprintf(p->first, sizeof p->first, "%s\n  in: %.300s", plan, sql);
    return 0;
}

/* Issue 9: every list query of every order reads through an index in list order, so that a
 * page costs the rows it shows. Issue 18: by lead unit too (the units in code order, each one's
 * tasks from task_by_unit), where the list sorted every row on every page before. */
static void test_list_queries_use_an_index(void **state)
{
    (void)state;
    struct td_err err = {0};
    const enum task_sort sorts[] = {TSORT_CODE, TSORT_TITLE,  TSORT_UNIT,
                                    TSORT_DUE,  TSORT_STATUS, TSORT_PERCENT};
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
        struct plan_seen p = {0, ""};
        assert_int_equal(store_task_list_plans(st, sorts[i], on_plan, &p, &err), 0);
        if (p.scans > 0)
            fail_msg("sort %d: %d full scans or sorts, first: %s", (int)sorts[i], p.scans, p.first);
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)
    const struct CMUnitTest tests[] = {
        T(test_list_queries_use_an_index),
        T(test_the_count_follows_other_sessions),
        T(test_list_pages_in_natural_code_order),
        T(test_filters_narrow_the_list),
        T(test_search_ignores_case_and_marks_and_walks_both_ways),
        T(test_progress_update_becomes_the_tasks_state_and_tops_its_history),
        T(test_a_long_note_is_read_back_whole),
        T(test_a_save_over_someone_elses_change_is_refused),
        T(test_unit_figures_count_led_done_overdue_behind),
        T(test_bulk_update_is_all_or_nothing),
        T(test_undo_takes_back_the_users_last_change_whole),
        T(test_undo_is_refused_when_someone_changed_the_task_since),
        T(test_create_edit_delete_and_undo_each),
        T(test_progress_for_a_missing_task_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
