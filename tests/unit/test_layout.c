/* Column fitting: widths in cells, with wide and combining characters cut at the right place. */
#include <locale.h>

#include "helpers.h"

#include "tiendo/layout.h"
#include "tiendo/text.h"

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") != NULL ? 0 : -1;
}

static void test_the_flexible_column_takes_the_rest(void **state)
{
    (void)state;
    /* code, title (flexible), unit, due, status, % on 80 columns. */
    const struct column_spec cols[] = {{6, 4, 0},   {0, 12, 1}, {8, 6, 0},
                                       {10, 10, 0}, {7, 4, 0},  {3, 3, 0}};
    int w[6];
    assert_int_equal(layout_columns(cols, 6, 80, w), 80);
    assert_int_equal(w[0], 6);
    assert_int_equal(w[1], 80 - (6 + 8 + 10 + 7 + 3) - 5);
    assert_int_equal(w[5], 3);
}

static void test_narrow_terminals_shrink_then_drop_columns(void **state)
{
    (void)state;
    const struct column_spec cols[] = {{6, 4, 0}, {0, 12, 1}, {8, 6, 0}, {10, 10, 0}};
    int w[4];
    int used = layout_columns(cols, 4, 36, w);
    assert_true(used <= 36);
    assert_int_equal(w[2], 6); /* shrunk to its min */
    used = layout_columns(cols, 4, 20, w);
    assert_true(used <= 20);
    assert_int_equal(w[3], 0); /* dropped */
    assert_int_equal(w[0], 4); /* shrunk to its min */
}

static void test_cells_not_bytes_decide_what_fits(void **state)
{
    (void)state;
    char out[128];
    /* Nine cells of Vietnamese typed with combining marks (which take no cell), then CJK at
     * two cells each. A mark stays with its letter. */
    assert_int_equal(text_fit("Hu\xCC\x9Bo\xCC\x9Bng da\xCC\x82n", 8, out, sizeof out), 8);
    assert_string_equal(out, "Hu\xCC\x9Bo\xCC\x9Bng d…");
    assert_int_equal(text_fit("Hu\xCC\x9Bo\xCC\x9Bng da\xCC\x82n", 9, out, sizeof out), 9);
    assert_string_equal(out, "Hu\xCC\x9Bo\xCC\x9Bng da\xCC\x82n");
    assert_int_equal(text_fit("漢字テスト", 7, out, sizeof out), 7);
    assert_string_equal(out, "漢字テ…");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_flexible_column_takes_the_rest),
        cmocka_unit_test(test_narrow_terminals_shrink_then_drop_columns),
        cmocka_unit_test(test_cells_not_bytes_decide_what_fits),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
