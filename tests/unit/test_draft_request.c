/* draft_request_for: the draft that answers a report of the schedule, by its rule. */
#include "helpers.h"

#include "tiendo/store_draft.h"

static void test_each_rule_has_its_draft(void **state)
{
    (void)state;
    struct draft_request rq = {0};
    struct td_err err = {0};
    assert_int_equal(draft_request_for(&rq, "annual", "2025", 7, &err), 0);
    assert_int_equal(rq.kind, DRAFT_ANNUAL);
    assert_int_equal(rq.year, 2025);
    assert_int_equal(draft_request_for(&rq, "midterm", "2021-2025", 8, &err), 0);
    assert_int_equal(rq.kind, DRAFT_MIDTERM);
    assert_int_equal(draft_request_for(&rq, "final", "2021-2030", 9, &err), 0);
    assert_int_equal(rq.kind, DRAFT_FINAL);
    assert_int_equal(draft_request_for(&rq, "adhoc", "2026", 12, &err), 0);
    assert_int_equal(rq.kind, DRAFT_ADHOC);
    assert_int_equal(rq.adhoc_id, 12);
}

static void test_another_rule_says_so(void **state)
{
    (void)state;
    struct draft_request rq = {0};
    struct td_err err = {0};
    assert_int_equal(draft_request_for(&rq, "quarterly", "2025-Q1", 3, &err), -1);
    assert_int_equal(err.status, TD_E_USAGE);
    assert_non_null(strstr(err.msg, "quarterly"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_rule_has_its_draft),
        cmocka_unit_test(test_another_rule_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
