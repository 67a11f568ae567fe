/* The forecast rules with hand-computed expectations. */
#include <math.h>

#include "helpers.h"

#include "tiendo/forecast.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-6)

static struct forecast_result run(enum indicator_kind kind, bool higher,
                                  const struct forecast_point *p, int n, double low, double high)
{
    struct forecast_input in = {kind, higher, p, n, 2021, 2030, low, high, 0.05, 0};
    struct forecast_result r;
    assert_int_equal(forecast(&in, &r), 0);
    return r;
}

/* 10, 11, 12 in 2020-2022: the line is value = year - 2010, so 20 in 2030. */
static const struct forecast_point rising[] = {{2020, 10}, {2021, 11}, {2022, 12}};

static void test_a_rising_level_indicator_on_track(void **state)
{
    (void)state;
    struct forecast_result r = run(IND_LEVEL, true, rising, 3, 20, 21);
    NEAR(r.slope, 1);
    NEAR(r.projection, 20);
    assert_int_equal(r.verdict, VERDICT_ON_TRACK); /* 20 >= 20 */
}

static void test_a_level_indicator_at_risk_within_the_tolerance(void **state)
{
    (void)state;
    /* 20 < 20.5 but >= 20.5 * 0.95 = 19.475 */
    assert_int_equal(run(IND_LEVEL, true, rising, 3, 20.5, 21).verdict, VERDICT_AT_RISK);
}

static void test_a_level_indicator_off_track(void **state)
{
    (void)state;
    /* 20 < 22 * 0.95 = 20.9 */
    assert_int_equal(run(IND_LEVEL, true, rising, 3, 22, 23).verdict, VERDICT_OFF_TRACK);
}

static void test_a_lower_is_better_indicator_mirrors_the_rule(void **state)
{
    (void)state;
    /* 10, 9.5, 9: slope -0.5, so 5 in 2030. */
    const struct forecast_point p[] = {{2020, 10}, {2021, 9.5}, {2022, 9}};
    struct forecast_result r = run(IND_LEVEL, false, p, 3, 0, 5);
    NEAR(r.projection, 5);
    assert_int_equal(r.verdict, VERDICT_ON_TRACK);                                  /* 5 <= 5 */
    assert_int_equal(run(IND_LEVEL, false, p, 3, 0, 4.9).verdict, VERDICT_AT_RISK); /* <= 5.145 */
    assert_int_equal(run(IND_LEVEL, false, p, 3, 0, 4).verdict, VERDICT_OFF_TRACK); /* > 4.2 */
}

static void test_a_growth_indicator_with_three_years(void **state)
{
    (void)state;
    /* 1.10 * 1.20 * 1.05 = 1.386; its cube root is 1.114947...: 11.4947 % a year.
     * To average 13 % over 2021-2030: (1.13^10 / 1.386)^(1/7) - 1 = 13.651... % a year. */
    const struct forecast_point p[] = {{2021, 10}, {2022, 20}, {2023, 5}};
    struct forecast_result r = run(IND_GROWTH, true, p, 3, 13, 13.5);
    NEAR(r.achieved, (cbrt(1.386) - 1) * 100);
    assert_true(fabs(r.achieved - 11.4947) < 1e-3);
    NEAR(r.projection, r.achieved);
    assert_int_equal(r.remaining, 7);
    NEAR(r.required, (pow(pow(1.13, 10) / 1.386, 1.0 / 7) - 1) * 100);
    assert_true(fabs(r.required - 13.651) < 1e-3);
    assert_int_equal(r.verdict, VERDICT_OFF_TRACK); /* 11.50 < 13 * 0.95 = 12.35 */
}

static void test_a_growth_indicator_with_a_negative_year(void **state)
{
    (void)state;
    /* 1.10 * 0.95 * 1.12 = 1.1704; cube root 1.053848...: 5.3848 % a year. */
    const struct forecast_point p[] = {{2021, 10}, {2022, -5}, {2023, 12}};
    struct forecast_result r = run(IND_GROWTH, true, p, 3, 5, 5.5);
    NEAR(r.achieved, (cbrt(1.1704) - 1) * 100);
    assert_true(fabs(r.achieved - 5.3848) < 1e-3);
    assert_int_equal(r.verdict, VERDICT_ON_TRACK); /* 5.38 >= 5 */
}

/* "Needed from now on" spreads over the years still to come only: seen in 2026 with values for
 * 2021-2023, the years 2024 and 2025 are past (taken at the achieved average), 2026-2030 to
 * come. Bug: it said 7 years. */
static void test_needed_from_now_on_counts_only_the_years_to_come(void **state)
{
    (void)state;
    const struct forecast_point p[] = {{2021, 10}, {2022, 20}, {2023, 5}};
    struct forecast_input in = {IND_GROWTH, true, p, 3, 2021, 2030, 13, 13.5, 0.05, 2026};
    struct forecast_result r;
    assert_int_equal(forecast(&in, &r), 0);
    assert_int_equal(r.remaining, 5);
    double achieved = (cbrt(1.386) - 1) * 100;
    NEAR(r.achieved, achieved);
    double so_far = 1.386 * pow(1 + achieved / 100, 2);
    NEAR(r.required, (pow(pow(1.13, 10) / so_far, 1.0 / 5) - 1) * 100);
    /* A year still to come that has a value already is not to come any more. */
    const struct forecast_point q[] = {{2021, 10}, {2022, 20}, {2023, 5}, {2026, 13}};
    in.points = q;
    in.npoints = 4;
    assert_int_equal(forecast(&in, &r), 0);
    assert_int_equal(r.remaining, 4);
    /* Seen before the period: every year not entered is still to come, as without a year. */
    in.points = p;
    in.npoints = 3;
    in.future_year = 2000;
    assert_int_equal(forecast(&in, &r), 0);
    assert_int_equal(r.remaining, 7);
}

static void test_a_single_point_is_not_enough_data(void **state)
{
    (void)state;
    const struct forecast_point one[] = {{2020, 7}};
    assert_int_equal(run(IND_LEVEL, true, one, 1, 10, 11).verdict, VERDICT_NOT_ENOUGH);
    assert_int_equal(run(IND_GROWTH, true, one, 0, 10, 11).verdict, VERDICT_NOT_ENOUGH);
    /* Two values in the same year draw no line either. */
    const struct forecast_point same[] = {{2022, 7}, {2022, 8}};
    assert_int_equal(run(IND_LEVEL, true, same, 2, 10, 11).verdict, VERDICT_NOT_ENOUGH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_rising_level_indicator_on_track),
        cmocka_unit_test(test_a_level_indicator_at_risk_within_the_tolerance),
        cmocka_unit_test(test_a_level_indicator_off_track),
        cmocka_unit_test(test_a_lower_is_better_indicator_mirrors_the_rule),
        cmocka_unit_test(test_a_growth_indicator_with_three_years),
        cmocka_unit_test(test_a_growth_indicator_with_a_negative_year),
        cmocka_unit_test(test_needed_from_now_on_counts_only_the_years_to_come),
        cmocka_unit_test(test_a_single_point_is_not_enough_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
