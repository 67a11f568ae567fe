/* iCalendar: escaping, folding Vietnamese text at 75 octets on character boundaries, UIDs. */
#include "helpers.h"

#include "tiendo/ical.h"
#include "tiendo/text.h"

static char *capture(void (*write)(FILE *f, void *ctx), void *ctx)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    write(f, ctx);
    fclose(f);
    return buf;
}

static void write_line(FILE *f, void *ctx)
{
    assert_int_equal(ical_line(f, ctx), 0);
}

static void test_text_is_escaped_as_the_rfc_says(void **state)
{
    (void)state;
    char out[128];
    ical_escape("a,b;c\\d\ne", out, sizeof out);
    assert_string_equal(out, "a\\,b\\;c\\\\d\\ne");
    ical_escape("bell\a here", out, sizeof out);
    assert_string_equal(out, "bell here");
    /* ESC, DEL and C1 controls are dropped too; a stray byte becomes U+FFFD (issue 14). */
    ical_escape("a\x1b[2J\x7f\xC2\x9B"
                "b\xFF"
                "c",
                out, sizeof out);
    assert_string_equal(out, "a[2Jb\xEF\xBF\xBD"
                             "c");
}

static void test_a_long_vietnamese_summary_folds_at_character_boundaries(void **state)
{
    (void)state;
    const char *summary = "SUMMARY:Hạn nộp báo cáo chuyên đề hằng năm tình hình thực hiện Kế "
                          "hoạch hành động thực hiện Chiến lược phát triển thương mại trong nước";
    char *out = capture(write_line, (void *)summary);
    /* Every physical line fits 75 octets and is valid UTF-8 on its own. */
    char *unfolded = calloc(strlen(out) + 1, 1);
    size_t u = 0;
    int lines = 0;
    for (char *line = out; *line;) {
        char *end = strstr(line, "\r\n");
        assert_non_null(end);
        size_t len = (size_t)(end - line);
        assert_true(len <= 75);
        assert_true(text_valid_utf8(line, len));
        if (lines > 0) {
            assert_int_equal(line[0], ' ');
            memcpy(unfolded + u, line + 1, len - 1);
            u += len - 1;
        } else {
            memcpy(unfolded + u, line, len);
            u += len;
        }
        lines++;
        line = end + 2;
    }
    assert_true(lines >= 3);
    assert_string_equal(unfolded, summary); /* unfolding gives the line back */
    free(unfolded);
    free(out);
}

static void test_bytes_that_start_no_character_are_folded_not_looped_on(void **state)
{
    (void)state;
    /* Found by fuzz_ics_write: 75 continuation bytes in a row left the fold with nowhere to
     * cut, and ical_line wrote "\r\n " for ever. */
    char line[300] = "SUMMARY:";
    memset(line + 8, 0x89, 200);
    char *out = capture(write_line, line);
    assert_int_equal(strlen(out), 208 + 2 + 3 * 3); /* three folds, each CRLF and a space */
    free(out);
}

static void write_calendar(FILE *f, void *ctx)
{
    (void)ctx;
    td_date due, stamp;
    date_from_ymd(2026, 1, 15, &due);
    date_from_ymd(2025, 12, 20, &stamp);
    struct ical_event ev[2] = {
        {"report-annual-2025@tiendo", due, "Hạn nộp báo cáo năm 2025", "VTTTN, TMDT", NULL, NULL, 0,
         NULL},
        {"meeting-midterm-2025@tiendo", due + 30, "Hội nghị sơ kết", NULL, "Hà Nội", NULL, 0, NULL},
    };
    assert_int_equal(ical_write(f, ev, 2, stamp), 0);
}

static void test_a_calendar_keeps_its_uids_from_one_export_to_the_next(void **state)
{
    (void)state;
    char *a = capture(write_calendar, NULL), *b = capture(write_calendar, NULL);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert_non_null(strstr(a, "UID:report-annual-2025@tiendo\r\n"));
    assert_non_null(strstr(a, "DTSTART;VALUE=DATE:20260115\r\nDTEND;VALUE=DATE:20260116\r\n"));
    assert_non_null(strstr(a, "DESCRIPTION:VTTTN\\, TMDT\r\n"));
    assert_non_null(strstr(a, "END:VCALENDAR\r\n"));
    free(a);
    free(b);
}

static void write_alarms(FILE *f, void *ctx)
{
    (void)ctx;
    td_date due;
    date_from_ymd(2026, 1, 15, &due);
    static const int days[] = {7, 1};
    struct ical_event ev[2] = {
        {"report-annual-2025@tiendo", due, "Hạn nộp báo cáo năm 2025", NULL, NULL, days, 2,
         "Nhắc: báo cáo năm 2025, hạn 15/01/2026"},
        {"meeting-midterm-2025@tiendo", due + 30, "Hội nghị sơ kết", NULL, NULL, NULL, 0, NULL},
    };
    assert_int_equal(ical_write(f, ev, 2, due), 0);
}

/* [reports] remind_days = 7, 1: one VALARM per value inside the report's event, none in an
 * event without alarms, each with the three properties RFC 5545 3.6.6 requires of DISPLAY. */
static void test_each_reminder_day_gives_the_event_one_display_alarm(void **state)
{
    (void)state;
    char *a = capture(write_alarms, NULL);
    const char *want = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P7D\r\n"
                       "DESCRIPTION:Nhắc: báo cáo năm 2025\\, hạn 15/01/2026\r\nEND:VALARM\r\n"
                       "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n";
    const char *first = strstr(a, want);
    assert_non_null(first);
    const char *end = strstr(a, "END:VEVENT\r\n");
    assert_true(first < end); /* inside the report's event */
    int n = 0;
    for (const char *p = a; (p = strstr(p, "BEGIN:VALARM")) != NULL; p++)
        n++;
    assert_int_equal(n, 2);
    assert_null(strstr(end, "VALARM")); /* the meeting has none */
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_is_escaped_as_the_rfc_says),
        cmocka_unit_test(test_a_long_vietnamese_summary_folds_at_character_boundaries),
        cmocka_unit_test(test_bytes_that_start_no_character_are_folded_not_looped_on),
        cmocka_unit_test(test_a_calendar_keeps_its_uids_from_one_export_to_the_next),
        cmocka_unit_test(test_each_reminder_day_gives_the_event_one_display_alarm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
