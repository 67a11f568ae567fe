/* The audit trail's words: tables in words, and the first day each "since" choice takes in. */
#include "helpers.h"

#include "tiendo/audit.h"

static void test_tables_in_words(void **state)
{
    (void)state;
    assert_string_equal(audit_table_label("progress_update"), "progress");
    assert_string_equal(audit_table_label("activity"), "communication");
    assert_string_equal(audit_table_label("audit_log"), "undo");
    assert_string_equal(audit_table_label("new_table"), "new_table"); /* unknown: as it is */
}

static void test_since_counts_back_from_today(void **state)
{
    (void)state;
    td_date today;
    assert_int_equal(date_from_ymd(2026, 3, 10, &today), 0);
    char out[11] = "unchanged";
    assert_false(audit_since_date(today, 0, out)); /* any time: no bound */
    assert_string_equal(out, "unchanged");
    assert_true(audit_since_date(today, 1, out));
    assert_string_equal(out, "2026-03-10"); /* today */
    assert_true(audit_since_date(today, 2, out));
    assert_string_equal(out, "2026-03-04"); /* the last 7 days, today among them */
    assert_true(audit_since_date(today, 3, out));
    assert_string_equal(out, "2026-02-09");
    assert_true(audit_since_date(today, 4, out));
    assert_string_equal(out, "2026-01-01"); /* this year */
    assert_false(audit_since_date(today, AUDIT_SINCE_COUNT, out));
    assert_string_equal(audit_since_label(2), "the last 7 days");
    assert_string_equal(audit_since_label(9), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables_in_words),
        cmocka_unit_test(test_since_counts_back_from_today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
