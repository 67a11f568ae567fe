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

/* Three units by two criteria, the ratings handed by ids in any order (and one of a unit the
 * matrix does not show): the first rated on both, the second on one, the third on none;
 * without criteria no unit counts as evaluated. */
static void test_units_rated_on_every_criterion(void **state)
{
    (void)state;
    struct eval_grid g;
    eval_grid_init(&g);
    for (long u = 30; u >= 10; u -= 10) /* ids not in position order */
        assert_int_equal(eval_grid_add_unit(&g, u), 0);
    assert_int_equal(eval_grid_add_criterion(&g, 7, "a"), 0);
    assert_int_equal(eval_grid_add_criterion(&g, 5, "b"), 0);
    assert_int_equal(eval_grid_ready(&g), 0);
    assert_int_equal(eval_grid_cell(&g, 0, 0)->score, 0);
    eval_grid_rating(&g, 30, 5, 1, "Yếu");
    eval_grid_rating(&g, 30, 7, 3, "Tốt");
    eval_grid_rating(&g, 20, 5, 2, "Khá");
    eval_grid_rating(&g, 99, 5, 2, "Khá"); /* not a row: passed over */
    eval_grid_rating(&g, 20, 99, 2, "Khá");
    assert_string_equal(eval_grid_cell(&g, 0, 0)->label, "Tốt"); /* unit 30, criterion 7 */
    assert_string_equal(eval_grid_cell(&g, 0, 1)->label, "Yếu");
    assert_int_equal(eval_grid_cell(&g, 1, 0)->score, 0);
    assert_int_equal(eval_grid_cell(&g, 1, 1)->score, 2);
    assert_int_equal(eval_grid_cell(&g, 3, 0)->score, 0); /* out of range: unrated */
    assert_int_equal(eval_grid_complete(&g), 1);
    assert_string_equal(eval_grid_code(&g, 1), "b");
    assert_string_equal(eval_grid_code(&g, 2), ""); /* past the criteria */
    assert_string_equal(eval_grid_text(&g, 0, 1), "Yếu");
    assert_string_equal(eval_grid_text(&g, 1, 0), "·"); /* unrated */
    char head[128];
    eval_grid_heading(&g, "year 2025", head, sizeof head);
    assert_string_equal(head, "year 2025 · 1 of 3 units evaluated · 2 not yet");
    eval_grid_rating(&g, 20, 7, 4, "Xuất sắc");
    assert_int_equal(eval_grid_complete(&g), 2);
    /* A reload: the units again, the ratings gone, the criteria kept. */
    eval_grid_clear_units(&g);
    assert_int_equal(eval_grid_add_unit(&g, 20), 0);
    assert_int_equal(eval_grid_ready(&g), 0);
    assert_int_equal(eval_grid_complete(&g), 0);
    eval_grid_rating(&g, 20, 7, 4, "Xuất sắc");
    eval_grid_rating(&g, 20, 5, 4, "Xuất sắc");
    assert_int_equal(eval_grid_complete(&g), 1);
    eval_grid_free(&g);
    eval_grid_init(&g);
    assert_int_equal(eval_grid_add_unit(&g, 1), 0);
    assert_int_equal(eval_grid_ready(&g), 0);
    assert_int_equal(eval_grid_complete(&g), 0); /* no criteria */
    eval_grid_free(&g);
}

/* The grid as a matrix screen sees it (eval_grid_ops): the criteria's codes as the band, each
 * cell's rating, nothing under the units, a reload and the free through the ops. */
static void test_the_grid_through_its_ops(void **state)
{
    (void)state;
    const struct grid_ops *o = &eval_grid_ops;
    struct eval_grid g;
    eval_grid_init(&g);
    assert_int_equal(eval_grid_add_criterion(&g, 7, "a"), 0);
    assert_int_equal(eval_grid_add_criterion(&g, 5, "b"), 0);
    o->clear_units(&g);
    assert_int_equal(o->add_unit(&g, 30), 0);
    assert_int_equal(o->add_unit(&g, 10), 0);
    assert_int_equal(o->ready(&g), 0);
    eval_grid_rating(&g, 10, 5, 3, "Tốt");
    assert_int_equal(o->ncolumns(&g), 2);
    assert_string_equal(o->heading(&g, 0), "a");
    char buf[16];
    enum role role = ROLE_NORMAL;
    assert_string_equal(o->text(&g, 1, 1, true, buf, sizeof buf, &role), "Tốt");
    assert_int_equal(role, ROLE_NORMAL);
    assert_string_equal(o->text(&g, 0, 1, false, buf, sizeof buf, NULL), "·");
    assert_string_equal(o->text(&g, -1, 0, false, buf, sizeof buf, NULL), ""); /* no totals */
    o->free(&g);
    assert_int_equal(o->ncolumns(&g), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_years_then_phases_on_this_year),
        cmocka_unit_test(test_today_outside_the_plan),
        cmocka_unit_test(test_units_rated_on_every_criterion),
        cmocka_unit_test(test_the_grid_through_its_ops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
