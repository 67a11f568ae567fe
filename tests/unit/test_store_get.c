/* One row read by id (store_<entity>_get, issue 17: the forms used to list up to 512 rows to
 * find one), whether a submission may be recorded before its form opens, and bulk progress
 * that keeps each task's status. */
#include <stdlib.h>
#include <string.h>

#include "store_helpers.h"

#include "tiendo/status.h"
#include "tiendo/store_activities.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"

static struct plan_store ps;

static int setup_each(void **state)
{
    (void)state;
    plan_store_open_demo(&ps);
    struct user_def users[2];
    char why[256];
    struct td_err err = {0};
    assert_int_equal(user_def_parse("boss", "admin", &users[0], why, sizeof why), 0);
    assert_int_equal(user_def_parse("hoa", "editor: VTTTN", &users[1], why, sizeof why), 0);
    assert_int_equal(store_sync_users(ps.st, users, 2, &err), 0);
    td_date day;
    assert_int_equal(date_parse_iso("2025-06-01", &day), 0);
    assert_true(store_sync_reports(ps.st, day, &err) > 0);
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

/* A session of its own for login, today pinned, periods locked lock days after they end. */
static struct store *open_as(const char *login, const char *today, long lock)
{
    struct store_options o = {.busy_timeout_ms = 1000, .user = login, .lock_after_days = lock};
    assert_int_equal(date_parse_iso(today, &o.today), 0);
    struct store *st = NULL;
    struct td_err err = {0};
    if (store_open(&st, ps.db, &o, &err) != 0 || store_login(st, login, false, &err) != 0)
        fail_msg("%s", err.msg);
    return st;
}

static void test_rows_are_read_by_id_and_a_missing_one_is_not_found(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct store *st = open_as("boss", "2026-02-01", 0);
    struct meeting_row m = {0}, m2;
    snprintf(m.title, sizeof m.title, "Họp giao ban");
    snprintf(m.units, sizeof m.units, "PC, VTTTN");
    assert_int_equal(store_meeting_save(st, &m, &err), 0);
    assert_int_equal(store_meeting_get(st, m.id, &m2, &err), 0);
    assert_int_equal(m2.id, m.id);
    assert_int_equal(m2.version, m.version);
    assert_string_equal(m2.title, "Họp giao ban");
    assert_string_equal(m2.units, "VTTTN, PC");
    assert_int_equal(store_meeting_get(st, m.id + 1000, &m2, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);

    struct activity_row a = {0}, a2;
    snprintf(a.title, sizeof a.title, "Bài báo");
    snprintf(a.status, sizeof a.status, "planned");
    snprintf(a.unit, sizeof a.unit, "KHTC");
    assert_int_equal(store_activity_save(st, &a, &err), 0);
    assert_int_equal(store_activity_get(st, a.id, &a2, &err), 0);
    assert_string_equal(a2.title, "Bài báo");
    assert_string_equal(a2.unit, "KHTC");
    assert_int_equal(store_activity_get(st, 0, &a2, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);

    struct inspection_row i = {0}, i2;
    snprintf(i.kind, sizeof i.kind, "survey");
    snprintf(i.scope, sizeof i.scope, "Khảo sát chợ");
    snprintf(i.tasks, sizeof i.tasks, "II.1");
    assert_int_equal(store_inspection_save(st, &i, &err), 0);
    assert_int_equal(store_inspection_get(st, i.id, &i2, &err), 0);
    assert_string_equal(i2.scope, "Khảo sát chợ");
    assert_string_equal(i2.tasks, "II.1");
    assert_int_equal(i2.version, i.version);
    assert_int_equal(store_inspection_get(st, i.id + 1, &i2, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);

    long report = plan_store_long(&ps, "SELECT id FROM report WHERE period = '2025'"
                                       " AND due_date = '2026-01-15'");
    struct report_row r;
    assert_int_equal(store_report_get(st, report, &r, &err), 0);
    assert_int_equal(r.id, report);
    assert_string_equal(r.due, "2026-01-15");
    assert_int_equal(r.expected, 10);
    assert_int_equal(store_report_get(st, -5, &r, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);

    long khtc = plan_store_long(&ps, "SELECT id FROM unit WHERE code = 'KHTC'");
    struct submission_row s;
    assert_int_equal(store_submission_get(st, report, khtc, &s, &err), 0);
    assert_string_equal(s.code, "KHTC");
    assert_int_equal(s.id, 0); /* nothing recorded yet */
    snprintf(s.submitted_on, sizeof s.submitted_on, "2026-01-10");
    assert_int_equal(store_submission_save(st, report, "2026-02-01", &s, &err), 0);
    struct submission_row again;
    assert_int_equal(store_submission_get(st, report, khtc, &again, &err), 0);
    assert_int_equal(again.id, s.id);
    assert_int_equal(again.version, s.version);
    assert_string_equal(again.submitted_on, "2026-01-10");
    assert_int_equal(store_submission_get(st, report, khtc + 1000, &again, &err), -1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    store_close(st);
}

static void test_a_submission_is_refused_before_anything_is_typed(void **state)
{
    (void)state;
    struct td_err err = {0};
    long report = plan_store_long(&ps, "SELECT id FROM report WHERE period = '2025'"
                                       " AND due_date = '2026-01-15'");
    long vtttn = plan_store_long(&ps, "SELECT id FROM unit WHERE code = 'VTTTN'");
    long khtc = plan_store_long(&ps, "SELECT id FROM unit WHERE code = 'KHTC'");
    /* Open: the editor's own unit may, another unit may not. */
    struct store *st = open_as("hoa", "2026-01-20", 10);
    assert_int_equal(store_submission_allowed(st, report, vtttn, &err), 0);
    assert_int_equal(store_submission_allowed(st, report, khtc, &err), -1);
    assert_int_equal(err.status, TD_E_DENIED);
    assert_non_null(strstr(err.msg, "KHTC"));
    store_close(st);
    /* Ten days after the due date the period is locked, with the save's own words. */
    st = open_as("hoa", "2026-02-01", 10);
    assert_int_equal(store_submission_allowed(st, report, vtttn, &err), -1);
    assert_int_equal(err.status, TD_E_DENIED);
    assert_non_null(strstr(err.msg, "period 2025 is locked"));
    char allowed_msg[sizeof err.msg];
    snprintf(allowed_msg, sizeof allowed_msg, "%s", err.msg);
    struct submission_row s;
    assert_int_equal(store_submission_get(st, report, vtttn, &s, &err), 0);
    snprintf(s.submitted_on, sizeof s.submitted_on, "2026-01-10");
    assert_int_equal(store_submission_save(st, report, "2026-02-01", &s, &err), -1);
    assert_string_equal(err.msg, allowed_msg);
    store_close(st);
}

static void test_bulk_progress_keeps_each_status_unless_one_is_given(void **state)
{
    (void)state;
    struct td_err err = {0};
    long ids[2] = {plan_store_long(&ps, "SELECT id FROM task WHERE code = 'II.2'"),
                   plan_store_long(&ps, "SELECT id FROM task WHERE code = 'II.4'")};
    struct store *st = open_as("boss", "2025-12-20", 0);
    td_date today;
    assert_int_equal(date_parse_iso("2025-12-20", &today), 0);
    struct progress_input in = {
        .date = today, .percent = -1, .status = -1, .done = "Đôn đốc", .difficulties = ""};
    assert_int_equal(store_progress_add_many(st, ids, 2, &in, &err), 0);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM task WHERE code = 'II.2' AND "
                                          "status = 'delayed' AND percent = 30"),
                     1);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM task WHERE code = 'II.4' AND "
                                          "status = 'suspended' AND percent = 20"),
                     1);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM progress_update WHERE done = "
                                          "'Đôn đốc' AND status IN ('delayed', 'suspended')"),
                     2);
    /* A status given is set on every task. */
    in.status = ST_IN_PROGRESS;
    assert_int_equal(store_progress_add_many(st, ids, 2, &in, &err), 0);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM task WHERE code IN ('II.2', "
                                          "'II.4') AND status = 'in_progress'"),
                     2);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rows_are_read_by_id_and_a_missing_one_is_not_found,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_a_submission_is_refused_before_anything_is_typed,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_bulk_progress_keeps_each_status_unless_one_is_given,
                                        setup_each, teardown_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
