/* Field validation: each type refuses with a reason a person can act on. */
#include "helpers.h"

#include "tiendo/field.h"

static struct field_rule rule(enum field_type t)
{
    struct field_rule r = {.type = t, .date_format = "%d/%m/%Y", .min = 0, .max = 1000};
    date_from_ymd(2025, 12, 20, &r.today);
    return r;
}

static int check(struct field_rule r, const char *text, union field_value *v, char *why)
{
    bool empty;
    return field_check(&r, text, v, &empty, why, 200);
}

static void test_percent_accepts_0_to_100_and_refuses_the_rest(void **state)
{
    (void)state;
    union field_value v;
    char why[200];
    assert_int_equal(check(rule(FT_PERCENT), "60", &v, why), 0);
    assert_int_equal(v.number, 60);
    assert_int_equal(check(rule(FT_PERCENT), " 100 % ", &v, why), 0);
    assert_int_equal(v.number, 100);
    assert_int_equal(check(rule(FT_PERCENT), "150", &v, why), -1);
    assert_string_equal(why, "a whole percent from 0 to 100");
    assert_int_equal(check(rule(FT_PERCENT), "-1", &v, why), -1);
    assert_int_equal(check(rule(FT_PERCENT), "6O", &v, why), -1);
    assert_int_equal(check(rule(FT_PERCENT), "60.5", &v, why), -1);
}

static void test_integer_has_a_range(void **state)
{
    (void)state;
    union field_value v;
    char why[200];
    assert_int_equal(check(rule(FT_INT), "010", &v, why), 0);
    assert_int_equal(v.number, 10);
    assert_int_equal(check(rule(FT_INT), "1001", &v, why), -1);
    assert_string_equal(why, "from 0 to 1000");
    assert_int_equal(check(rule(FT_INT), "99999999999999999999", &v, why), -1);
    assert_string_equal(why, "a whole number");
}

static void test_dates_follow_the_format_and_the_limits(void **state)
{
    (void)state;
    union field_value v;
    char why[200];
    struct field_rule r = rule(FT_DATE);
    r.has_max_date = true;
    r.max_date = r.today;
    date_from_ymd(2022, 1, 1, &r.min_date);
    r.has_min_date = true;
    assert_int_equal(check(r, "today", &v, why), 0);
    assert_int_equal(v.date, r.today);
    assert_int_equal(check(r, "-7", &v, why), 0);
    assert_int_equal(check(r, "+1", &v, why), -1);
    assert_string_equal(why, "not after 20/12/2025");
    assert_int_equal(check(r, "31/12/2021", &v, why), -1);
    assert_string_equal(why, "not before 01/01/2022");
    assert_int_equal(check(r, "2025-13-01", &v, why), -1);
    assert_string_equal(why, "a date like 20/12/2025, or today, +7, -3");
}

static void test_required_and_length(void **state)
{
    (void)state;
    union field_value v;
    char why[200];
    struct field_rule r = rule(FT_TEXT);
    r.required = true;
    r.max_chars = 5;
    assert_int_equal(check(r, "   ", &v, why), -1);
    assert_string_equal(why, "required");
    assert_int_equal(check(r, "Hương", &v, why), 0); /* five characters, more bytes */
    assert_int_equal(check(r, "Hươngg", &v, why), -1);
    assert_string_equal(why, "at most 5 characters");
    r.required = false;
    bool empty;
    assert_int_equal(field_check(&r, "", &v, &empty, why, sizeof why), 0);
    assert_true(empty);
    /* What the row it is saved into keeps: "Hương" is 5 characters in 7 bytes. */
    r.max_bytes = 6;
    assert_int_equal(check(r, "Huong", &v, why), 0);
    assert_int_equal(check(r, "Hương", &v, why), -1);
    assert_non_null(strstr(why, "7 bytes, at most 6"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percent_accepts_0_to_100_and_refuses_the_rest),
        cmocka_unit_test(test_integer_has_a_range),
        cmocka_unit_test(test_dates_follow_the_format_and_the_limits),
        cmocka_unit_test(test_required_and_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
