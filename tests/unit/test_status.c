/* Status and flag rules at their boundary dates, with today pinned. */
#include "helpers.h"

#include "tiendo/status.h"

static td_date d(int y, int m, int dd)
{
    td_date out;
    assert_int_equal(date_from_ymd(y, m, dd, &out), 0);
    return out;
}

static unsigned flags(struct flag_rules r, enum task_status s, int pct, td_date start, td_date due)
{
    return status_flags(&r, s, pct, true, start, true, due);
}

/* Today as the program gets it: TIENDO_TODAY pins it. */
static td_date pinned(const char *iso)
{
    td_date t;
    struct td_err err = {0};
    setenv("TIENDO_TODAY", iso, 1);
    assert_int_equal(date_today(&t, &err), 0);
    unsetenv("TIENDO_TODAY");
    return t;
}

static void test_overdue_starts_the_day_after_the_due_date(void **state)
{
    (void)state;
    struct flag_rules r = {pinned("2025-06-30"), 10, 14};
    td_date start = d(2025, 1, 1), due = d(2025, 6, 30);
    assert_false(flags(r, ST_IN_PROGRESS, 100, start, due) & FLAG_OVERDUE); /* due today */
    r.today = pinned("2025-07-01");
    assert_true(flags(r, ST_IN_PROGRESS, 100, start, due) & FLAG_OVERDUE);
    assert_true(flags(r, ST_DELAYED, 100, start, due) & FLAG_OVERDUE);
    assert_int_equal(flags(r, ST_DONE, 100, start, due), 0);
    assert_int_equal(flags(r, ST_CANCELLED, 10, start, due), 0);
    assert_false(status_flags(&r, ST_IN_PROGRESS, 0, false, 0, false, 0) & FLAG_OVERDUE);
}

static void test_due_soon_within_n_days_and_not_when_overdue(void **state)
{
    (void)state;
    struct flag_rules r = {pinned("2025-12-17"), 10, 14};
    td_date start = d(2025, 1, 1), due = d(2025, 12, 31);
    assert_true(flags(r, ST_IN_PROGRESS, 100, start, due) & FLAG_DUE_SOON); /* 14 days */
    r.today = d(2025, 12, 16);
    assert_false(flags(r, ST_IN_PROGRESS, 100, start, due) & FLAG_DUE_SOON); /* 15 days */
    r.today = d(2025, 12, 31);
    assert_true(flags(r, ST_IN_PROGRESS, 100, start, due) & FLAG_DUE_SOON); /* today */
    r.today = d(2026, 1, 1);
    assert_int_equal(flags(r, ST_IN_PROGRESS, 100, start, due), FLAG_OVERDUE);
}

static void test_behind_schedule_follows_the_elapsed_share_less_the_tolerance(void **state)
{
    (void)state;
    /* 1 Jan to 10 Jan 2025: ten days. On 5 Jan half the time is gone: 50 %. */
    td_date start = d(2025, 1, 1), due = d(2025, 1, 10);
    struct flag_rules r = {d(2025, 1, 5), 10, 0};
    assert_false(flags(r, ST_IN_PROGRESS, 40, start, due) & FLAG_BEHIND); /* 40 = 50 - 10 */
    assert_true(flags(r, ST_IN_PROGRESS, 39, start, due) & FLAG_BEHIND);
    r.behind_tolerance = 0;
    assert_true(flags(r, ST_IN_PROGRESS, 49, start, due) & FLAG_BEHIND);
    assert_false(flags(r, ST_IN_PROGRESS, 50, start, due) & FLAG_BEHIND);
    /* Before the start nothing is expected yet; after the due date, all of it. */
    r.today = d(2024, 12, 31);
    assert_false(flags(r, ST_NOT_STARTED, 0, start, due) & FLAG_BEHIND);
    r.today = d(2025, 2, 1);
    assert_true(flags(r, ST_IN_PROGRESS, 99, start, due) & FLAG_BEHIND);
    assert_int_equal(flags(r, ST_DONE, 99, start, due), 0);
    /* No start date: no behind-schedule rule. */
    assert_false(status_flags(&r, ST_IN_PROGRESS, 0, false, 0, true, due) & FLAG_BEHIND);
}

static void test_status_codes_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < ST_COUNT; s++)
        assert_int_equal(status_parse(status_code((enum task_status)s)), s);
    assert_int_equal(status_parse("finished"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overdue_starts_the_day_after_the_due_date),
        cmocka_unit_test(test_due_soon_within_n_days_and_not_when_overdue),
        cmocka_unit_test(test_behind_schedule_follows_the_elapsed_share_less_the_tolerance),
        cmocka_unit_test(test_status_codes_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
