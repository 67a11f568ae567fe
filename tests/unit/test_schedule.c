/* Report rules expanded into instances, and submission statuses at their boundaries. */
#include "helpers.h"

#include "tiendo/schedule.h"

static td_date d(int y, int m, int dd)
{
    td_date out;
    assert_int_equal(date_from_ymd(y, m, dd, &out), 0);
    return out;
}

static void test_the_annual_rule_over_the_plan(void **state)
{
    (void)state;
    /* The shipped rule: the report on year Y is due on 15 January of Y + 1, 2022-2029. */
    struct report_rule_def r = {RULE_ANNUAL, 1, 15, 1, 2022, 2029, 0, NULL};
    struct report_instance out[16];
    assert_int_equal(schedule_expand(&r, out, 16), 8);
    assert_string_equal(out[0].period, "2022");
    assert_int_equal(out[0].due, d(2023, 1, 15));
    assert_string_equal(out[7].period, "2029");
    assert_int_equal(out[7].due, d(2030, 1, 15));
    /* Due the same year, on 29 February: 28 February in common years. */
    struct report_rule_def leap = {RULE_ANNUAL, 2, 29, 0, 2023, 2024, 0, NULL};
    assert_int_equal(schedule_expand(&leap, out, 16), 2);
    assert_int_equal(out[0].due, d(2023, 2, 28));
    assert_int_equal(out[1].due, d(2024, 2, 29));
    struct report_rule_def bad = {RULE_ANNUAL, 4, 31, 1, 2022, 2023, 0, NULL};
    assert_int_equal(schedule_expand(&bad, out, 16), -1);
}

static void test_one_off_and_ad_hoc_rules(void **state)
{
    (void)state;
    struct report_rule_def midterm = {RULE_ONEOFF, 0, 0, 0, 0, 0, d(2025, 10, 31), "2021-2025"};
    struct report_instance out[4];
    assert_int_equal(schedule_expand(&midterm, out, 4), 1);
    assert_string_equal(out[0].period, "2021-2025");
    assert_int_equal(out[0].due, d(2025, 10, 31));
    struct report_rule_def adhoc = {RULE_ADHOC, 0, 0, 0, 0, 0, 0, NULL};
    assert_int_equal(schedule_expand(&adhoc, out, 4), 0);
}

static void test_statuses_at_the_due_date(void **state)
{
    (void)state;
    td_date due = d(2025, 1, 15);
    assert_int_equal(schedule_status(due, false, 0, d(2024, 12, 31), 14), SUB_NOT_DUE); /* 15 */
    assert_int_equal(schedule_status(due, false, 0, d(2025, 1, 1), 14), SUB_DUE_SOON);  /* 14 */
    assert_int_equal(schedule_status(due, false, 0, due, 14), SUB_DUE_SOON);            /* 0 */
    assert_int_equal(schedule_status(due, false, 0, d(2025, 1, 16), 14), SUB_OVERDUE);
    /* Submitted on the due date itself is on time; the day after is late. */
    assert_int_equal(schedule_status(due, true, due, d(2025, 3, 1), 14), SUB_ON_TIME);
    assert_int_equal(schedule_status(due, true, due + 1, d(2025, 3, 1), 14), SUB_LATE);
    assert_int_equal(schedule_status(due, true, due - 30, d(2024, 12, 1), 14), SUB_ON_TIME);
}

/* A unit with one report on time, one late, one missing past due, one early and one not yet
 * due: 3 of 4 expected in (75 %), 2 on time (50 %); nothing expected yet reads as no rate. */
static void test_reporting_and_on_time_rates(void **state)
{
    (void)state;
    struct report_rate r = {0, 0, 0};
    const enum submission_status seen[] = {SUB_ON_TIME, SUB_LATE, SUB_OVERDUE, SUB_NOT_DUE,
                                           SUB_DUE_SOON};
    for (size_t i = 0; i < sizeof seen / sizeof seen[0]; i++)
        schedule_rate_add(&r, seen[i]);
    assert_int_equal(r.expected, 3);
    assert_int_equal(r.submitted, 2);
    assert_int_equal(r.on_time, 1);
    schedule_rate_add(&r, schedule_status(d(2030, 1, 31), true, d(2029, 12, 1), d(2029, 12, 2),
                                          14)); /* early: counts, on time */
    assert_int_equal(schedule_rate_percent(r.submitted, r.expected), 75);
    assert_int_equal(schedule_rate_percent(r.on_time, r.expected), 50);
    assert_int_equal(schedule_rate_percent(1, 3), 33);
    assert_int_equal(schedule_rate_percent(2, 3), 67);
    assert_int_equal(schedule_rate_percent(1, 8), 13); /* 12.5 rounds up */
    assert_int_equal(schedule_rate_percent(0, 0), -1);
    assert_string_equal(submission_status_symbol(SUB_OVERDUE), "✗");
    assert_string_not_equal(submission_status_symbol(SUB_LATE),
                            submission_status_symbol(SUB_ON_TIME));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_annual_rule_over_the_plan),
        cmocka_unit_test(test_one_off_and_ad_hoc_rules),
        cmocka_unit_test(test_statuses_at_the_due_date),
        cmocka_unit_test(test_reporting_and_on_time_rates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
