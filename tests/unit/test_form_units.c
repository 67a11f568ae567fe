/* form_field_units / form_units_codes: a multiple choice of units ticked from the codes a row
 * keeps ("KHTC, PC"), and the codes ticked written back in the units' order, for 120 units as
 * for three; codes no longer in the plan are left out rather than kept blindly. */
#include "helpers.h"

#include "../../src/tui/form.h"
#include "../../src/tui/list.h"
#include "tiendo/store_tasks.h"

static void picks(struct unit_picks *p, int n)
{
    memset(p, 0, sizeof *p);
    p->units = calloc((size_t)n, sizeof *p->units);
    p->labels = calloc((size_t)n, sizeof *p->labels);
    assert_non_null(p->units);
    assert_non_null(p->labels);
    for (int i = 0; i < n; i++) {
        p->units[i].id = i + 1;
        snprintf(p->units[i].code, sizeof p->units[i].code, "U%03d", i);
        p->labels[i] = p->units[i].code;
    }
    p->n = p->nlabels = n;
}

static void test_ticked_from_codes_and_back(void **state)
{
    (void)state;
    struct unit_picks p;
    picks(&p, 120);
    struct form_field f;
    memset(&f, 0, sizeof f);
    assert_int_equal(form_field_units(&f, "Units", &p, "U119, U003,GONE, U000"), 0);
    assert_true(form_multi_get(&f, 0));
    assert_true(form_multi_get(&f, 3));
    assert_true(form_multi_get(&f, 119));
    assert_false(form_multi_get(&f, 1));
    char out[64];
    form_units_codes(&f, &p, out, sizeof out);
    assert_string_equal(out, "U000, U003, U119"); /* the plan's order; GONE is not a unit */
    form_multi_set(&f, 3, false);
    form_units_codes(&f, &p, out, sizeof out);
    assert_string_equal(out, "U000, U119");
    struct form fm = {&f, 1, 0, false, NULL, 0};
    form_free(&fm);
    free(p.units);
    free(p.labels);
}

static void test_nothing_ticked_gives_nothing(void **state)
{
    (void)state;
    struct unit_picks p;
    picks(&p, 3);
    struct form_field f;
    memset(&f, 0, sizeof f);
    assert_int_equal(form_field_units(&f, "Units", &p, ""), 0);
    char out[16] = "stale";
    form_units_codes(&f, &p, out, sizeof out);
    assert_string_equal(out, "");
    struct form fm = {&f, 1, 0, false, NULL, 0};
    form_free(&fm);
    free(p.units);
    free(p.labels);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ticked_from_codes_and_back),
        cmocka_unit_test(test_nothing_ticked_gives_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
