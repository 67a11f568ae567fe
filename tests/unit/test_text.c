/* Text: UTF-8 checks, NFC, escaping of control characters, display widths, language. */
#include <limits.h>
#include <locale.h>

#include "helpers.h"

#include "tiendo/lang.h"
#include "tiendo/text.h"

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") != NULL ? 0 : -1;
}

static void test_utf8_validation_rejects_malformed_bytes(void **state)
{
    (void)state;
    const char *ok = "Nguyễn Thị Hương";
    assert_true(text_valid_utf8(ok, strlen(ok)));
    assert_false(text_valid_utf8("\xC3", 1));         /* cut short */
    assert_false(text_valid_utf8("\xC0\xAF", 2));     /* overlong */
    assert_false(text_valid_utf8("\xED\xA0\x80", 3)); /* surrogate */
    assert_false(text_valid_utf8("\xFF", 1));
    assert_false(text_valid_utf8("a\0b", 3));
}

static void test_nfc_composes_vietnamese_marks(void **state)
{
    (void)state;
    /* "ế" typed as e + circumflex + acute (NFD) becomes one character. */
    char *s = text_nfc("Nguye\xCC\x82\xCC\x83n");
    assert_non_null(s);
    assert_string_equal(s, "Nguyễn");
    free(s);
    assert_null(text_nfc("\xFF"));
}

static void test_escape_shows_control_characters_in_caret_notation(void **state)
{
    (void)state;
    char out[128];
    text_escape("a\x1b[31mred\x07", out, sizeof out);
    assert_string_equal(out, "a^[[31mred^G");
    text_escape("tab\there\x7f", out, sizeof out);
    assert_string_equal(out, "tab^Ihere^?");
    text_escape("c1\xC2\x9B"
                "x",
                out, sizeof out);
    assert_string_equal(out, "c1<U+009B>x");
    text_escape("bad\xFFz", out, sizeof out);
    assert_string_equal(out, "bad\\xFFz");
    text_escape("Hương", out, sizeof out);
    assert_string_equal(out, "Hương");
    /* Cut at a character boundary when the buffer is short, full length reported. */
    size_t need = text_escape("ab\x1b", out, 4);
    assert_int_equal(need, 4);
    assert_string_equal(out, "ab");
}

static void test_width_counts_cells_not_bytes(void **state)
{
    (void)state;
    assert_int_equal(text_width("Nguyễn Thị Hương"), 16);
    assert_int_equal(text_width("Nguye\xCC\x82\xCC\x83n"), 6); /* combining marks: 0 */
    assert_int_equal(text_width("中文"), 4);                   /* wide: 2 each */
    assert_int_equal(text_width("\x1b"), 2);                   /* shown as ^[ */
}

static void test_fit_cuts_with_an_ellipsis_without_splitting_characters(void **state)
{
    (void)state;
    char out[128];
    assert_int_equal(text_fit("Phát triển hạ tầng", 10, out, sizeof out), 10);
    assert_string_equal(out, "Phát triể…");
    assert_int_equal(text_fit("ngắn", 10, out, sizeof out), 4);
    assert_string_equal(out, "ngắn");
    assert_int_equal(text_fit("中文中文", 5, out, sizeof out), 5);
    assert_string_equal(out, "中文…");
    assert_int_equal(text_fit("中文中文", 4, out, sizeof out), 3);
    assert_string_equal(out, "中…");
    assert_int_equal(text_fit("x\x1b[2J", 4, out, sizeof out), 4);
    assert_string_equal(out, "x^[…");
    assert_int_equal(text_fit("abc", 0, out, sizeof out), 0);
    assert_string_equal(out, "");
}

static void test_search_ignores_case_and_marks(void **state)
{
    (void)state;
    char *f = text_fold("Phát Triển ĐÔ THỊ");
    assert_string_equal(f, "phat trien do thi");
    free(f);
    f = text_fold("phat trien");
    size_t a, b;
    assert_true(text_find_folded("II.3 Phát triển hạ tầng", f, &a, &b));
    assert_int_equal(a, 5);
    assert_int_equal(b, strlen("II.3 Phát triển"));
    free(f);
    f = text_fold("hương");
    /* Typed with combining marks in the data: the match ends after the marks. */
    assert_true(text_find_folded("Nguyễn Thị Hu\xCC\x9Bo\xCC\x9Bng", f, &a, &b));
    assert_int_equal(b, strlen("Nguyễn Thị Hu\xCC\x9Bo\xCC\x9Bng"));
    assert_false(text_find_folded("Nguyễn Thị Lan", f, &a, &b));
    free(f);
}

static void test_a_fit_cut_short_by_its_buffer_still_fits_its_cells(void **state)
{
    (void)state;
    /* Found by fuzz_text: nine cells of text whose combining marks overflow the buffer got
     * an ellipsis as a tenth cell. */
    char s[200] = "abcdefghi", out[64];
    for (int i = 0; i < 40; i++)
        strcat(s, "\xCC\x80"); /* U+0300, no cell of its own */
    assert_int_equal(text_width(s), 9);
    int used = text_fit(s, 9, out, sizeof out);
    assert_true(used <= 9);
    assert_true(text_width(out) <= 9);
    assert_string_equal(out, "abcdefgh\xE2\x80\xA6");
}

static void test_digits_are_grouped_in_thousands(void **state)
{
    (void)state;
    char out[32];
    text_group_digits(1204, ",", out, sizeof out);
    assert_string_equal(out, "1,204");
    text_group_digits(1000000, ".", out, sizeof out);
    assert_string_equal(out, "1.000.000");
    text_group_digits(37, ",", out, sizeof out);
    assert_string_equal(out, "37");
    text_group_digits(-12345, ",", out, sizeof out);
    assert_string_equal(out, "-12,345");
    /* -LONG_MIN does not fit in a long: the magnitude is taken unsigned (UBSan caught it). */
    text_group_digits(LONG_MIN, ",", out, sizeof out);
    assert_string_equal(out, LONG_MIN == -9223372036854775807L - 1 ? "-9,223,372,036,854,775,808"
                                                                   : "-2,147,483,648");
    text_group_digits(LONG_MAX, ".", out, sizeof out);
    assert_string_equal(out, LONG_MAX == 9223372036854775807L ? "9.223.372.036.854.775.807"
                                                              : "2.147.483.647");
    text_group_digits(LONG_MIN, ",", out, 4); /* cut short, still terminated */
    assert_string_equal(out, "-9,");
}

static void test_escape_lines_keeps_line_feeds_and_tabs_only(void **state)
{
    (void)state;
    char out[128];
    text_escape_lines("a\nb\tc\r\x1b]0;t\x07\xC2\x9B"
                      "1m\x7f",
                      out, sizeof out);
    assert_string_equal(out, "a\nb\tc^M^[]0;t^G<U+009B>1m^?");
    text_escape("a\nb", out, sizeof out);
    assert_string_equal(out, "a^Jb");
    char *dup = text_escaped_dup("x\x1b\n", true);
    assert_string_equal(dup, "x^[\n");
    free(dup);
    unsigned cp = 0;
    assert_int_equal(text_utf8_next("\xC2\x9B", 2, &cp), 2);
    assert_int_equal(cp, 0x9B);
    assert_int_equal(text_utf8_next("\xC2", 1, &cp), 0);
}

static void test_human_numbers_follow_the_interface_language(void **state)
{
    (void)state;
    char out[32];
    assert_string_equal(text_human_number(12.6, 1, "vi", out, sizeof out), "12,6");
    assert_string_equal(text_human_number(12.6, 1, "en", out, sizeof out), "12.6");
    assert_string_equal(text_human_number(1234567.891, 2, "vi", out, sizeof out), "1.234.567,89");
    assert_string_equal(text_human_number(1234567.891, 2, "en", out, sizeof out), "1,234,567.89");
    assert_string_equal(text_human_number(9.5, 2, NULL, out, sizeof out), "9.50");
    assert_string_equal(text_human_number(-0.25, 1, "vi", out, sizeof out), "-0,3");
    assert_string_equal(text_human_number(-0.01, 1, "vi", out, sizeof out), "0,0"); /* no -0,0 */
    assert_string_equal(text_human_number(99.96, 1, "vi", out, sizeof out), "100,0");
    assert_string_equal(text_human_number(42.4, 0, "vi", out, sizeof out), "42");
    assert_string_equal(text_human_number(0.0 / 0.0, 1, "vi", out, sizeof out), "-");
    text_human_number(1234.5, 1, "vi", out, 4); /* cut, never overrun */
    assert_string_equal(out, "1.2");
}

static void test_language_auto_is_vietnamese_unless_english_is_named(void **state)
{
    (void)state;
    /* setting, LANGUAGE, LC_ALL, LC_MESSAGES, LANG */
    assert_string_equal(lang_pick("auto", NULL, NULL, NULL, "vi_VN.UTF-8"), "vi");
    assert_string_equal(lang_pick("auto", NULL, "en_US.UTF-8", NULL, "vi_VN.UTF-8"), "en");
    assert_string_equal(lang_pick("auto", NULL, "vi_VN", NULL, "en_US"), "vi");
    /* A stock Debian server (C.UTF-8) and a Windows SSH client (nothing) get Vietnamese. */
    assert_string_equal(lang_pick("auto", NULL, "", NULL, "C.UTF-8"), "vi");
    assert_string_equal(lang_pick("auto", NULL, NULL, NULL, NULL), "vi");
    assert_string_equal(lang_pick("auto", "", "", "", "POSIX"), "vi");
    assert_string_equal(lang_pick("auto", NULL, NULL, NULL, "en_GB.UTF-8"), "en");
    assert_string_equal(lang_pick("auto", NULL, NULL, NULL, "en"), "en");
    assert_string_equal(lang_pick("auto", NULL, NULL, NULL, "eo.UTF-8"), "vi");
    /* LC_MESSAGES counts, below LC_ALL and above LANG. */
    assert_string_equal(lang_pick("auto", NULL, NULL, "en_US.UTF-8", "C.UTF-8"), "en");
    assert_string_equal(lang_pick("auto", NULL, NULL, "vi_VN.UTF-8", "en_US.UTF-8"), "vi");
    assert_string_equal(lang_pick("auto", NULL, "vi_VN.UTF-8", "en_US.UTF-8", NULL), "vi");
    /* LANGUAGE comes first, as in gettext: its first entry naming vi or en decides. */
    assert_string_equal(lang_pick("auto", "en", NULL, NULL, "C.UTF-8"), "en");
    assert_string_equal(lang_pick("auto", "en", "vi_VN.UTF-8", NULL, NULL), "en");
    assert_string_equal(lang_pick("auto", "vi", NULL, NULL, "en_US.UTF-8"), "vi");
    assert_string_equal(lang_pick("auto", "fr:de:en_GB:vi", NULL, NULL, NULL), "en");
    assert_string_equal(lang_pick("auto", "fr", NULL, NULL, "en_US.UTF-8"), "en");
    assert_string_equal(lang_pick("auto", "::", NULL, NULL, NULL), "vi");
    assert_string_equal(lang_pick("auto", "\x1b", NULL, NULL, "C.UTF-8"), "vi");
    /* The setting wins over everything. */
    assert_string_equal(lang_pick("vi", "en", "en_US", "en_US", "en_US"), "vi");
    assert_string_equal(lang_pick("en", "vi", "vi_VN", "vi_VN", NULL), "en");
}

/* Wraps s to width cells, the lines joined by '|'. */
static void wrapped(const char *s, int width, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t at = 0, next = 0; s[at] != '\0'; at += next) {
        size_t len = text_wrap(s + at, width, &next);
        o += (size_t)snprintf(out + o, size - o, "%s%.*s", o > 0 ? "|" : "", (int)len, s + at);
        assert_true(next > 0);
    }
}

static void test_wrap_breaks_at_blanks_by_display_width(void **state)
{
    (void)state;
    char out[512];
    wrapped("abc def ghi", 7, out, sizeof out);
    assert_string_equal(out, "abc def|ghi");
    wrapped("abc def ghi", 6, out, sizeof out);
    assert_string_equal(out, "abc|def|ghi");
    wrapped("abcdefghij", 4, out, sizeof out);
    assert_string_equal(out, "abcd|efgh|ij");
    wrapped("one\n\ntwo", 10, out, sizeof out);
    assert_string_equal(out, "one||two");
    wrapped("abc def \nghi", 7, out, sizeof out); /* no empty line after a break at the end */
    assert_string_equal(out, "abc def|ghi");
    /* Vietnamese: one cell per letter, whatever its bytes; wide characters take two. */
    wrapped("Tốc độ tăng trưởng xuất khẩu", 12, out, sizeof out);
    assert_string_equal(out, "Tốc độ tăng|trưởng xuất|khẩu");
    wrapped("日本語テキスト", 5, out, sizeof out);
    assert_string_equal(out, "日本|語テ|キス|ト");
    wrapped("日本", 1, out, sizeof out); /* never less than a character a line */
    assert_string_equal(out, "日|本");
    /* A control character counts as it is shown (^[, two cells). */
    wrapped("ab\x1b"
            "cd",
            3, out, sizeof out);
    assert_string_equal(out, "ab|\x1b"
                             "c|d");
    size_t next;
    assert_int_equal(text_wrap("", 10, &next), 0);
    assert_int_equal(next, 0);
}

static void test_copy_cuts_between_characters(void **state)
{
    (void)state;
    char out[8];
    assert_true(text_copy(out, sizeof out, "abc"));
    assert_string_equal(out, "abc");
    assert_false(text_copy(out, sizeof out, "ướớớ")); /* 3 bytes each: 2 fit in 7 */
    assert_string_equal(out, "ướ");
    assert_true(text_copy(out, 4, "aư")); /* ư takes 2 bytes */
    assert_string_equal(out, "aư");
    assert_false(text_copy(out, 3, "aư"));
    assert_string_equal(out, "a");
}

static void test_names_alike_are_told_apart_by_what_differs(void **state)
{
    (void)state;
    const char *names[] = {
        "Tốc độ tăng trưởng giá trị tăng thêm của khu vực thương mại trong nước",
        "Tỷ trọng giá trị tăng thêm của thương mại trong nước trong GDP",
        "Tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
        "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ hàng hóa",
        "Tốc độ tăng trưởng thương mại điện tử",
        "Xuất khẩu",
        "Tốc",
    };
    char out[256];
    text_tell_apart(names, 7, 0, out, sizeof out);
    assert_string_equal(out, "TĐTT giá trị tăng thêm của khu vực thương mại trong nước");
    text_tell_apart(names, 7, 1, out, sizeof out);
    assert_string_equal(out, "TT giá trị tăng thêm của thương mại trong nước trong GDP");
    text_tell_apart(names, 7, 2, out, sizeof out);
    assert_string_equal(out, "TĐT tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng");
    text_tell_apart(names, 7, 4, out, sizeof out);
    assert_string_equal(out, "TĐTT thương mại điện tử");
    text_tell_apart(names, 7, 5, out, sizeof out); /* shares nothing */
    assert_string_equal(out, "Xuất khẩu");
    text_tell_apart(names, 7, 6, out, sizeof out); /* one word: kept */
    assert_string_equal(out, "Tốc");
    const char *same[] = {"Tỷ trọng", "Tỷ trọng thương mại"};
    text_tell_apart(same, 2, 0, out, sizeof out); /* never all its words */
    assert_string_equal(out, "Tỷ trọng");
    text_tell_apart(same, 2, 1, out, sizeof out);
    assert_string_equal(out, "TT thương mại");
    text_tell_apart(same, 2, 1, out, 5); /* cut, between characters */
    assert_string_equal(out, "TT t");
}

/* The stored key sorts exactly as the natural comparison does, pair by pair. */
static void test_natural_key_orders_as_the_natural_comparison(void **state)
{
    (void)state;
    const char *codes[] = {"I.1",   "I.2",        "I.10",      "I.02",        "II.1",  "I.1a",
                           "I.1-",  "I.0",        "A0B",       "A-",          "V.9",   "V.10",
                           "V.100", "x123456789", "x12345678", "x1234567890", "Ư.3",   "",
                           "9",     "10",         "00",        "I.1.2",       "I.1.10"};
    size_t n = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            char a[64], b[64];
            text_natural_key(codes[i], a, sizeof a);
            text_natural_key(codes[j], b, sizeof b);
            int want = text_natural_cmp(codes[i], strlen(codes[i]), codes[j], strlen(codes[j]));
            int got = strcmp(a, b);
            if ((want < 0) != (got < 0) || (want > 0) != (got > 0))
                fail_msg("%s vs %s: natural %d, keys %d", codes[i], codes[j], want, got);
        }
    char k[8];
    assert_int_equal(text_natural_key("I.10", k, sizeof k), 5); /* "I." '2' "10" */
    assert_string_equal(k, "I.210");
    assert_int_equal(text_natural_key("abcdefghij", k, sizeof k), 10); /* cut, but says so */
    assert_int_equal(strlen(k), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_validation_rejects_malformed_bytes),
        cmocka_unit_test(test_nfc_composes_vietnamese_marks),
        cmocka_unit_test(test_escape_shows_control_characters_in_caret_notation),
        cmocka_unit_test(test_width_counts_cells_not_bytes),
        cmocka_unit_test(test_fit_cuts_with_an_ellipsis_without_splitting_characters),
        cmocka_unit_test(test_search_ignores_case_and_marks),
        cmocka_unit_test(test_a_fit_cut_short_by_its_buffer_still_fits_its_cells),
        cmocka_unit_test(test_digits_are_grouped_in_thousands),
        cmocka_unit_test(test_escape_lines_keeps_line_feeds_and_tabs_only),
        cmocka_unit_test(test_natural_key_orders_as_the_natural_comparison),
        cmocka_unit_test(test_human_numbers_follow_the_interface_language),
        cmocka_unit_test(test_language_auto_is_vietnamese_unless_english_is_named),
        cmocka_unit_test(test_wrap_breaks_at_blanks_by_display_width),
        cmocka_unit_test(test_copy_cuts_between_characters),
        cmocka_unit_test(test_names_alike_are_told_apart_by_what_differs),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
