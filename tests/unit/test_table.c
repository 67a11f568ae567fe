/* CSV and JSON: quoting as RFC 4180 says, reading back, line numbers for messages. */
#include "helpers.h"

#include "tiendo/table.h"

static const struct table_column cols[] = {{"code", false}, {"title", false}, {"pct", true}};

static char *write_table(enum table_format f, bool bom, const char *const rows[][3], int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    struct table_writer w;
    assert_int_equal(table_begin(&w, out, f, cols, 3, bom), 0);
    for (int i = 0; i < n; i++)
        assert_int_equal(table_row(&w, rows[i]), 0);
    assert_int_equal(table_end(&w), 0);
    fclose(out);
    return buf;
}

static void test_csv_quotes_only_what_needs_it(void **state)
{
    (void)state;
    const char *const rows[][3] = {{"II.1", "Chợ, siêu thị", "70"},
                                   {"II.2", "Nói \"không\"\ncòn dòng hai", ""}};
    char *csv = write_table(TABLE_CSV, false, rows, 2);
    assert_string_equal(csv, "code,title,pct\r\n"
                             "II.1,\"Chợ, siêu thị\",70\r\n"
                             "II.2,\"Nói \"\"không\"\"\ncòn dòng hai\",\r\n");
    free(csv);
    csv = write_table(TABLE_CSV, true, rows, 0);
    assert_memory_equal(csv,
                        "\xEF\xBB\xBF"
                        "code,",
                        8);
    free(csv);
}

static void test_json_escapes_and_types(void **state)
{
    (void)state;
    const char *const rows[][3] = {{"A\\1", "tab\there \"q\" \x01", "5"}, {"B", "", ""}};
    char *json = write_table(TABLE_JSON, false, rows, 2);
    assert_string_equal(json, "[\n  {\"code\": \"A\\\\1\", \"title\": \"tab\\there \\\"q\\\" "
                              "\\u0001\", \"pct\": 5},\n  {\"code\": \"B\", \"title\": \"\", "
                              "\"pct\": null}\n]\n");
    free(json);
    json = write_table(TABLE_JSON, false, rows, 0);
    assert_string_equal(json, "[]\n");
    free(json);
}

/* Issue 14: a title with ESC, BEL, CR and C1 reached a terminal raw through CSV and JSON. */
static void test_control_characters_never_leave_raw(void **state)
{
    (void)state;
    const char *const rows[][3] = {{"I.1",
                                    "T\x1b]0;pwn\x07\x1b[2J\rX\xC2\x9B"
                                    "1m\x7f\n2",
                                    ""},
                                   {"bad\xFF", "=1+1\x1b", "3"}};
    char *csv = write_table(TABLE_CSV, false, rows, 2);
    assert_string_equal(csv, "code,title,pct\r\n"
                             "I.1,\"T^[]0;pwn^G^[[2J^MX<U+009B>1m^?\n2\",\r\n"
                             "bad\\xFF,'=1+1^[,3\r\n");
    free(csv);
    char *json = write_table(TABLE_JSON, false, rows, 2);
    assert_string_equal(json, "[\n  {\"code\": \"I.1\", \"title\": \"T\\u001b]0;pwn\\u0007"
                              "\\u001b[2J\\rX\\u009b1m\\u007f\\n2\", \"pct\": null},\n"
                              "  {\"code\": \"bad\\\\xFF\", \"title\": \"=1+1\\u001b\", "
                              "\"pct\": 3}\n]\n");
    free(json);
}

static void test_reading_back_follows_quotes_newlines_and_lines(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF"
                       "code,title\r\n"
                       "A,\"one, \"\"two\"\"\nthree\"\n"
                       "B,plain\n"
                       "\n"
                       "C,last";
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    struct csv_reader r;
    char why[100];
    csv_reader_init(&r, in);
    assert_int_equal(csv_read(&r, why, sizeof why), 1);
    assert_int_equal(r.line, 1);
    assert_string_equal(r.cells[0], "code");
    assert_int_equal(csv_read(&r, why, sizeof why), 1);
    assert_int_equal(r.line, 2);
    assert_int_equal(r.ncells, 2);
    assert_string_equal(r.cells[1], "one, \"two\"\nthree");
    assert_int_equal(csv_read(&r, why, sizeof why), 1);
    assert_int_equal(r.line, 4); /* the quoted newline took a line */
    assert_string_equal(r.cells[1], "plain");
    assert_int_equal(csv_read(&r, why, sizeof why), 1); /* the blank line */
    assert_int_equal(r.ncells, 1);
    assert_int_equal(csv_read(&r, why, sizeof why), 1);
    assert_int_equal(r.line, 6);
    assert_string_equal(r.cells[1], "last");
    assert_int_equal(csv_read(&r, why, sizeof why), 0);
    csv_reader_free(&r);
    fclose(in);
}

/* Issue 8: a title a spreadsheet would run as a formula is written as text (a leading
 * apostrophe), plain numbers stay numbers, and reading the file back gives the texts as they
 * were. */
static void test_formulas_are_neutralised_and_read_back(void **state)
{
    (void)state;
    const char *const rows[][3] = {
        {"I.1", "=HYPERLINK(\"http://x\",\"y\")", "-5"},
        {"I.2", "+A1", ""},
        {"I.3", "-cmd|' /C calc'!A0", ""},
        {"I.4", "@SUM(A1)", ""},
        {"I.5", "\tx", ""},
        {"I.6", "\rx", ""},
        {"-7", "a = b", ""},
        {"I.8", "-2,5", ""},
    };
    char *csv = write_table(TABLE_CSV, false, rows, 8);
    assert_non_null(strstr(csv, "\r\nI.1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\r\n"));
    assert_non_null(strstr(csv, "\r\nI.2,'+A1,\r\n"));
    assert_non_null(strstr(csv, "\r\nI.4,'@SUM(A1),\r\n"));
    assert_non_null(strstr(csv, "\r\nI.5,'\tx,\r\n"));
    /* A lone carriage return is a control character: shown as ^M, as the screens show it. */
    assert_non_null(strstr(csv, "\r\nI.6,^Mx,\r\n"));
    assert_non_null(strstr(csv, "\r\n-7,a = b,\r\n")); /* a number, and no formula start */
    assert_non_null(strstr(csv, "\r\nI.8,\"-2,5\",\r\n"));
    FILE *in = fmemopen(csv, strlen(csv), "r");
    struct csv_reader r;
    char why[100];
    csv_reader_init(&r, in);
    assert_int_equal(csv_read(&r, why, sizeof why), 1); /* the header */
    for (int i = 0; i < 8; i++) {
        assert_int_equal(csv_read(&r, why, sizeof why), 1);
        assert_string_equal(r.cells[0], rows[i][0]);
        assert_string_equal(r.cells[1], i == 5 ? "^Mx" : rows[i][1]);
    }
    csv_reader_free(&r);
    fclose(in);
    free(csv);
}

static void test_malformed_records_are_named(void **state)
{
    (void)state;
    const char *text = "a,\"open\nnever closed";
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    struct csv_reader r;
    char why[100];
    csv_reader_init(&r, in);
    assert_int_equal(csv_read(&r, why, sizeof why), -1);
    assert_string_equal(why, "column 2: a quoted field is not closed");
    assert_false(csv_can_go_on(&r));
    assert_int_equal(csv_read(&r, why, sizeof why), 0);
    csv_reader_free(&r);
    fclose(in);
    text = "a,\"x\"y\n";
    in = fmemopen((void *)text, strlen(text), "r");
    csv_reader_init(&r, in);
    assert_int_equal(csv_read(&r, why, sizeof why), -1);
    assert_string_equal(why, "column 2: text after a closing quote");
    csv_reader_free(&r);
    fclose(in);
}

/* Reads text to the end: the status of each record, as a string ("1 -1 1"). */
static void read_all(const char *text, size_t len, char *statuses, size_t size, char *whys,
                     size_t wsize)
{
    FILE *in = fmemopen((void *)text, len, "r");
    struct csv_reader r;
    char why[200];
    csv_reader_init(&r, in);
    statuses[0] = whys[0] = '\0';
    int got;
    while ((got = csv_read(&r, why, sizeof why)) != 0) {
        size_t n = strlen(statuses);
        snprintf(statuses + n, size - n, "%s%d@%d", n > 0 ? " " : "", got, r.line);
        if (got < 0) {
            n = strlen(whys);
            snprintf(whys + n, wsize - n, "%s|", why);
        }
    }
    csv_reader_free(&r);
    fclose(in);
}

static void test_a_nul_byte_is_refused_with_its_column_and_reading_goes_on(void **state)
{
    (void)state;
    static const char text[] = "a,b,c\nx,y\0z,w\n\"q,\0\nq\",2,3\nlast,1,2\n";
    char st[100], why[400];
    read_all(text, sizeof text - 1, st, sizeof st, why, sizeof why);
    /* Before, the field was cut at the NUL and the record taken as "x,y,w". */
    assert_string_equal(st, "1@1 -1@2 -1@3 1@5");
    assert_string_equal(why, "column 2: a NUL byte (is this a text file?)|"
                             "column 1: a NUL byte (is this a text file?)|");
}

static void test_a_field_over_the_limit_is_refused_and_the_next_record_read(void **state)
{
    (void)state;
    size_t n = CSV_MAX_FIELD + 20;
    char *text = malloc(n + 40);
    strcpy(text, "a,b\nok,");
    size_t o = strlen(text);
    text[o++] = '"';
    memset(text + o, 'x', CSV_MAX_FIELD + 1);
    o += CSV_MAX_FIELD + 1;
    strcpy(text + o, "\"\nnext,1\n");
    char st[100], why[400];
    read_all(text, strlen(text), st, sizeof st, why, sizeof why);
    assert_string_equal(st, "1@1 -1@2 1@3");
    assert_string_equal(why, "column 2: longer than 10000 bytes|");
    free(text);
    /* Exactly the limit is fine. */
    text = malloc(CSV_MAX_FIELD + 10);
    memset(text, 'y', CSV_MAX_FIELD);
    strcpy(text + CSV_MAX_FIELD, ",z\n");
    read_all(text, strlen(text), st, sizeof st, why, sizeof why);
    assert_string_equal(st, "1@1");
    free(text);
}

static void test_an_endless_input_stops_at_the_file_limit(void **state)
{
    (void)state;
    FILE *in = fopen("/dev/zero", "rb");
    assert_non_null(in);
    struct csv_reader r;
    char why[200];
    csv_reader_init(&r, in);
    assert_int_equal(csv_read(&r, why, sizeof why), -1);
    assert_string_equal(why, "column 1: a NUL byte (is this a text file?); the file is larger "
                             "than 64 MiB");
    assert_false(csv_can_go_on(&r));
    assert_true(r.bufcap <= 128); /* nothing of it was kept */
    assert_int_equal(csv_read(&r, why, sizeof why), 0);
    csv_reader_free(&r);
    fclose(in);
}

static void test_apostrophes_before_a_formula_survive_the_round_trip(void **state)
{
    (void)state;
    /* Found by fuzz_csv_write: "'=x" was written as is and read back as "=x". */
    static const char *const cells[] = {"'=x", "''", "'a", "'", "=1+2", "''=y", "-12.5"};
    const struct table_column one[] = {{"c", false}};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct table_writer w;
    assert_int_equal(table_begin(&w, f, TABLE_CSV, one, 1, false), 0);
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        assert_int_equal(table_row(&w, &cells[i]), 0);
    assert_int_equal(table_end(&w), 0);
    fclose(f);
    FILE *in = fmemopen(buf, len, "r");
    struct csv_reader r;
    char why[100];
    csv_reader_init(&r, in);
    assert_int_equal(csv_read(&r, why, sizeof why), 1);
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        assert_int_equal(csv_read(&r, why, sizeof why), 1);
        assert_string_equal(r.cells[0], cells[i]);
    }
    csv_reader_free(&r);
    fclose(in);
    free(buf);
}

/* The reader's checksum (the import's audit row names the file by it) is FNV-1a 64 of the
 * file's bytes, each once, also the byte read after a lone CR and put back. */
static void test_the_reader_hashes_every_byte_once(void **state)
{
    (void)state;
    static const char text[] = "a,b\rc\r\n\"d\"";
    uint64_t want = 14695981039346656037ull;
    for (const char *p = text; *p != '\0'; p++)
        want = (want ^ (unsigned char)*p) * 1099511628211ull;
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    struct csv_reader r;
    csv_reader_init(&r, in);
    char why[100];
    while (csv_read(&r, why, sizeof why) != 0)
        ;
    assert_int_equal(r.bytes, (long)strlen(text));
    assert_true(r.hash == want);
    csv_reader_free(&r);
    fclose(in);
    /* "a" alone: the published FNV-1a 64 test vector. */
    in = fmemopen((void *)"a", 1, "r");
    csv_reader_init(&r, in);
    while (csv_read(&r, why, sizeof why) != 0)
        ;
    assert_true(r.hash == 0xaf63dc4c8601ec8cull);
    csv_reader_free(&r);
    fclose(in);
}

static void test_a_number_column_holding_text_stays_valid_json(void **state)
{
    (void)state;
    const struct table_column num[] = {{"n", true}};
    static const char *const cells[] = {"3,5\x1b"};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct table_writer w;
    assert_int_equal(table_begin(&w, f, TABLE_JSON, num, 1, false), 0);
    assert_int_equal(table_row(&w, cells), 0);
    assert_int_equal(table_end(&w), 0);
    fclose(f);
    assert_non_null(strstr(buf, "\"n\": \"3,5\\u001b\""));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_quotes_only_what_needs_it),
        cmocka_unit_test(test_json_escapes_and_types),
        cmocka_unit_test(test_control_characters_never_leave_raw),
        cmocka_unit_test(test_reading_back_follows_quotes_newlines_and_lines),
        cmocka_unit_test(test_malformed_records_are_named),
        cmocka_unit_test(test_a_nul_byte_is_refused_with_its_column_and_reading_goes_on),
        cmocka_unit_test(test_a_field_over_the_limit_is_refused_and_the_next_record_read),
        cmocka_unit_test(test_an_endless_input_stops_at_the_file_limit),
        cmocka_unit_test(test_apostrophes_before_a_formula_survive_the_round_trip),
        cmocka_unit_test(test_a_number_column_holding_text_stays_valid_json),
        cmocka_unit_test(test_formulas_are_neutralised_and_read_back),
        cmocka_unit_test(test_the_reader_hashes_every_byte_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
