/* The evaluation matrix's model: the periods (the plan's years, on the one that holds today,
 * then its phases) with their labels for a choice, and how many units are rated on every
 * criterion. */
#include "helpers.h"

#include "tiendo/evalgrid.h"

static void test_years_then_phases_on_this_year(void **state)
{
    (void)state;
    struct eval_periods p;
    eval_periods_init(&p);
    assert_int_equal(eval_periods_years(&p, 2021, 2030, 2026), 0);
    assert_int_equal(eval_periods_add(&p, "2021-2025", "mid-term"), 0);
    assert_int_equal(eval_periods_add(&p, "2026-2030", "final"), 0);
    assert_int_equal(p.list.n, 12);
    assert_int_equal(p.current, 5);
    assert_string_equal(eval_period_at(&p, 5)->code, "2026");
    assert_string_equal(eval_period_at(&p, 0)->label, "year 2021");
    assert_string_equal(eval_period_at(&p, 10)->code, "2021-2025");
    assert_null(eval_period_at(&p, 12));
    assert_null(eval_period_at(&p, -1));
    const char *const *labels = eval_periods_labels(&p);
    assert_non_null(labels);
    assert_string_equal(labels[9], "year 2030");
    assert_string_equal(labels[11], "final");
    labels = eval_periods_labels(&p); /* asked again: made again, kept */
    assert_ptr_equal(labels, p.labels);
    eval_periods_free(&p);
    eval_periods_free(&p); /* twice is harmless */
}

/* Today outside the plan: the first year; a plan of no years: only the phases. */
static void test_today_outside_the_plan(void **state)
{
    (void)state;
    struct eval_periods p;
    eval_periods_init(&p);
    assert_int_equal(eval_periods_years(&p, 2021, 2025, 2031), 0);
    assert_int_equal(p.current, 0);
    eval_periods_free(&p);
    eval_periods_init(&p);
    assert_int_equal(eval_periods_years(&p, 2025, 2021, 2023), 0);
    assert_int_equal(p.list.n, 0);
    assert_int_equal(eval_periods_add(&p, "2021-2025", "mid-term"), 0);
    assert_string_equal(eval_periods_labels(&p)[0], "mid-term");
    eval_periods_free(&p);
}

/* Three units by two criteria: the first rated on both, the second on one, the third on
 * none; without criteria no unit counts as evaluated. */
static void test_units_rated_on_every_criterion(void **state)
{
    (void)state;
    struct matrix_cell cells[6] = {{3, "Tốt"}, {1, "Yếu"}, {0, ""}, {2, "Khá"}, {0, ""}, {0, ""}};
    assert_int_equal(eval_units_complete(cells, 3, 2), 1);
    cells[2].score = 4;
    assert_int_equal(eval_units_complete(cells, 3, 2), 2);
    assert_int_equal(eval_units_complete(cells, 3, 0), 0);
    assert_int_equal(eval_units_complete(cells, 0, 2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_years_then_phases_on_this_year),
        cmocka_unit_test(test_today_outside_the_plan),
        cmocka_unit_test(test_units_rated_on_every_criterion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
