/* Conferences, meetings and communication activities in the store: the plan's review
 * conferences are there from the start; a save with a bad code or a stale version changes
 * nothing; every save leaves its audit entry. */
#include <stdlib.h>
#include <string.h>

#include "store_helpers.h"

#include "tiendo/store_activities.h"
#include "tiendo/store_tasks.h"

static struct plan_store ps;

static int setup_each(void **state)
{
    (void)state;
    plan_store_open(&ps);
    struct td_err err = {0};
    assert_int_equal(plan_file_load_demo(&ps.plan, NULL, NULL, &err), 0);
    assert_true(store_load_demo(ps.st, &ps.plan, &err) > 0); /* the tasks to follow up */
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

static void test_the_review_conferences_are_there_and_can_be_filled_in(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct meeting_row rows[8];
    int n = 0;
    assert_int_equal(store_meeting_list(ps.st, "", rows, 8, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].plan_code, "midterm-2025");
    assert_string_equal(rows[0].kind, "midterm");
    assert_string_equal(rows[0].date, "");

    struct meeting_row m = rows[0], stale = rows[0];
    snprintf(m.date, sizeof m.date, "2025-12-05");
    snprintf(m.place, sizeof m.place, "Hà Nội");
    snprintf(m.chair, sizeof m.chair, "Thứ trưởng");
    snprintf(m.units, sizeof m.units, "PC, VTTTN, PC");
    snprintf(m.tasks, sizeof m.tasks, "II.1, X.9");
    snprintf(m.conclusions, sizeof m.conclusions, "Đẩy nhanh thương mại điện tử");
    assert_int_equal(store_meeting_save(ps.st, &m, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);
    assert_non_null(strstr(err.msg, "X.9"));
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM meeting WHERE date IS NOT NULL"),
                     0);
    snprintf(m.tasks, sizeof m.tasks, "II.1");
    assert_int_equal(store_meeting_save(ps.st, &m, &err), 0);
    assert_int_equal(m.version, stale.version + 1);
    snprintf(stale.place, sizeof stale.place, "Đà Nẵng");
    assert_int_equal(store_meeting_save(ps.st, &stale, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);

    assert_int_equal(store_meeting_list(ps.st, "midterm", rows, 8, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].date, "2025-12-05");
    assert_string_equal(rows[0].place, "Hà Nội");
    assert_string_equal(rows[0].units, "VTTTN, PC"); /* in plan order, once */
    assert_string_equal(rows[0].tasks, "II.1");
    assert_string_equal(rows[0].conclusions, "Đẩy nhanh thương mại điện tử");

    struct meeting_row added = {0};
    snprintf(added.kind, sizeof added.kind, "thematic");
    snprintf(added.title, sizeof added.title, "Họp chuyên đề về chợ truyền thống");
    assert_int_equal(store_meeting_save(ps.st, &added, &err), 0);
    snprintf(added.kind, sizeof added.kind, "nope");
    assert_int_equal(store_meeting_save(ps.st, &added, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);
    assert_int_equal(store_meeting_list(ps.st, "", rows, 8, &n, &err), 0);
    assert_int_equal(n, 3);
    assert_string_equal(rows[2].title, "Họp chuyên đề về chợ truyền thống"); /* undated: last */
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM audit_log WHERE tbl = 'meeting'"),
                     2);
}

static void test_a_communication_activity(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct activity_row a = {0};
    snprintf(a.kind, sizeof a.kind, "announcement");
    snprintf(a.unit, sizeof a.unit, "XTTM");
    snprintf(a.channel, sizeof a.channel, "television");
    snprintf(a.date, sizeof a.date, "2025-03-15");
    snprintf(a.title, sizeof a.title, "Phóng sự về Chiến lược trên VTV1");
    snprintf(a.reach, sizeof a.reach, "2 triệu lượt xem");
    snprintf(a.status, sizeof a.status, "sometime");
    assert_int_equal(store_activity_save(ps.st, &a, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);
    snprintf(a.status, sizeof a.status, "planned");
    snprintf(a.unit, sizeof a.unit, "NOPE");
    assert_int_equal(store_activity_save(ps.st, &a, &err), -1);
    assert_non_null(strstr(err.msg, "NOPE"));
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM activity"), 0);
    snprintf(a.unit, sizeof a.unit, "XTTM");
    assert_int_equal(store_activity_save(ps.st, &a, &err), 0);

    struct activity_row b = {0};
    snprintf(b.kind, sizeof b.kind, "programme");
    snprintf(b.title, sizeof b.title, "Tọa đàm trực tuyến");
    snprintf(b.status, sizeof b.status, "done");
    assert_int_equal(store_activity_save(ps.st, &b, &err), 0); /* no unit, no date */

    struct activity_row rows[8];
    int n = 0;
    assert_int_equal(store_activity_list(ps.st, 0, "", rows, 8, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].unit, "XTTM");
    assert_string_equal(rows[0].channel, "television");
    assert_string_equal(rows[1].unit, "");
    struct unit_choice units[16];
    int nu = 0;
    assert_int_equal(store_unit_list(ps.st, units, 16, &nu, &err), 0);
    long xttm = 0;
    for (int i = 0; i < nu; i++)
        if (strcmp(units[i].code, "XTTM") == 0)
            xttm = units[i].id;
    assert_int_equal(store_activity_list(ps.st, xttm, "", rows, 8, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(store_activity_list(ps.st, 0, "programme", rows, 8, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].title, "Tọa đàm trực tuyến");

    struct activity_row stale = a;
    snprintf(a.status, sizeof a.status, "in_progress");
    snprintf(a.progress_note, sizeof a.progress_note, "Đã quay xong");
    assert_int_equal(store_activity_save(ps.st, &a, &err), 0);
    assert_int_equal(store_activity_save(ps.st, &stale, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_int_equal(
        plan_store_long(&ps, "SELECT count(*) FROM activity WHERE status = 'in_progress'"), 1);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM audit_log WHERE tbl = 'activity'"),
                     3);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)
    const struct CMUnitTest tests[] = {
        T(test_the_review_conferences_are_there_and_can_be_filled_in),
        T(test_a_communication_activity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
