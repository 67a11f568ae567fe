/* Charts of the drafts: the scale, numbers in the draft's language, the PNG the DOCX embeds. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "helpers.h"

#include "tiendo/chart.h"

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") != NULL ? 0 : -1;
}

/* An indicator as the drafts have it: baseline, values, a target band, a projection. */
static struct report_indicator sample(void)
{
    struct report_indicator r = {.code = "TMDT-TT",
                                 .name = "Tỷ trọng thương mại điện tử",
                                 .measure_unit = "%",
                                 .verdict = "on track",
                                 .verdict_class = 1,
                                 .has_baseline = true,
                                 .has_projection = true,
                                 .has_target = true,
                                 .baseline_year = 2020,
                                 .baseline_value = 7,
                                 .target_year = 2030,
                                 .low = 10.5,
                                 .high = 11,
                                 .projection = 11.17,
                                 .nvalues = 3};
    int years[] = {2022, 2023, 2024};
    double values[] = {7.5, 8.1, 8.9};
    for (int i = 0; i < 3; i++) {
        r.years[i] = years[i];
        r.values[i] = values[i];
    }
    return r;
}

static void test_numbers_are_written_in_the_drafts_language(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(chart_number(buf, sizeof buf, 12.6, 2, "vi"), "12,6");
    assert_string_equal(chart_number(buf, sizeof buf, 12.6, 2, "en"), "12.6");
    assert_string_equal(chart_number(buf, sizeof buf, 12.0, 2, "vi"), "12");
    assert_string_equal(chart_number(buf, sizeof buf, 11.1749, 2, "vi"), "11,17");
}

static void test_the_scale_holds_every_point_and_the_target(void **state)
{
    (void)state;
    struct report_indicator r = sample();
    struct chart_scale s;
    chart_scale_of(&r, &s);
    assert_true(s.lo <= 0 && s.hi >= 11.17 && s.step > 0);
    assert_int_equal(s.first, 2020);
    assert_int_equal(s.last, 2030);
    /* Round values: lo and hi whole steps. */
    assert_true(s.hi / s.step - (int)(s.hi / s.step + 0.5) < 1e-9);
}

static void test_the_png_is_a_png_of_the_canvas_size(void **state)
{
    (void)state;
    struct report_indicator r = sample();
    unsigned char *png = NULL;
    size_t size = 0;
    assert_int_equal(chart_indicator_png(&r, "vi", &png, &size), 0);
    assert_true(size > 1000);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    assert_memory_equal(png + 12, "IHDR", 4);
    uint32_t w =
        (uint32_t)png[16] << 24 | (uint32_t)png[17] << 16 | (uint32_t)png[18] << 8 | png[19];
    uint32_t h =
        (uint32_t)png[20] << 24 | (uint32_t)png[21] << 16 | (uint32_t)png[22] << 8 | png[23];
    assert_int_equal(w, CHART_W * CHART_PNG_SCALE);
    assert_int_equal(h, CHART_PNG_H * CHART_PNG_SCALE);
    free(png);
}

static void test_an_indicator_without_data_still_draws(void **state)
{
    (void)state;
    struct report_indicator r = {.code = "X", .name = "", .measure_unit = "", .verdict = ""};
    unsigned char *png = NULL;
    size_t size = 0;
    assert_int_equal(chart_indicator_png(&r, "en", &png, &size), 0);
    assert_memory_equal(png, "\x89PNG", 4);
    free(png);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_are_written_in_the_drafts_language),
        cmocka_unit_test(test_the_scale_holds_every_point_and_the_target),
        cmocka_unit_test(test_the_png_is_a_png_of_the_canvas_size),
        cmocka_unit_test(test_an_indicator_without_data_still_draws),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
