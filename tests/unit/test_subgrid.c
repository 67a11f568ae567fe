/* The submission matrix's model: cells found by id whatever order the store hands them in,
 * "not expected" where a unit does not have to submit, and the rates of a row, a column and
 * the whole; the short column headings and the cells' texts; positions by id (id_index). */
#include "helpers.h"

#include "tiendo/subgrid.h"

static td_date d(int y, int m, int dd)
{
    td_date out;
    assert_int_equal(date_from_ymd(y, m, dd, &out), 0);
    return out;
}

/* Three units (ids far apart, not in id order) and three reports, today 1 March 2025. */
static void grid(struct sub_grid *g)
{
    sub_grid_init(g, d(2025, 3, 1), 14, "%d/%m/%Y");
    const long units[] = {907, 12, 300};
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(sub_grid_add_unit(g, units[i]), 0);
    assert_int_equal(sub_grid_add_report(g, 41, "annual", "2024", "2025-01-15", "Năm 2024"), 0);
    assert_int_equal(sub_grid_add_report(g, 7, "midterm", "2021-2025", "2025-02-28", "Sơ kết"),
                     0); /* past, the last one */
    assert_int_equal(sub_grid_add_report(g, 99, "adhoc", "2025", "2025-03-10", "Giá xăng"),
                     0); /* due soon */
    assert_int_equal(sub_grid_ready(g), 0);
}

static void test_cells_found_by_id(void **state)
{
    (void)state;
    struct sub_grid g;
    grid(&g);
    /* Unit 907 in on time and late, nothing yet for the third; unit 12 missing the first, early
     * for the third; unit 300 does not have to submit the first two; an unknown id is passed
     * over. */
    assert_int_equal(sub_grid_submission(&g, 99, 12, "2025-02-20"), 0);
    assert_int_equal(sub_grid_submission(&g, 41, 907, "2025-01-10"), 0);
    assert_int_equal(sub_grid_submission(&g, 7, 907, "2025-03-01"), 0);
    assert_int_equal(sub_grid_submission(&g, 99, 907, ""), 0);
    assert_int_equal(sub_grid_submission(&g, 41, 12, ""), 0);
    assert_int_equal(sub_grid_submission(&g, 7, 12, ""), 0);
    assert_int_equal(sub_grid_submission(&g, 99, 300, ""), 0);
    assert_int_equal(sub_grid_submission(&g, 5, 300, "2025-01-01"), 0);
    assert_int_equal(sub_grid_submission(&g, 41, 5, "2025-01-01"), 0);
    assert_int_equal(sub_grid_status(&g, 0, 0), SUB_ON_TIME);
    assert_int_equal(sub_grid_status(&g, 0, 1), SUB_LATE);
    assert_int_equal(sub_grid_status(&g, 0, 2), SUB_DUE_SOON);
    assert_int_equal(sub_grid_status(&g, 1, 0), SUB_OVERDUE);
    assert_int_equal(sub_grid_status(&g, 1, 2), SUB_ON_TIME);
    assert_int_equal(sub_grid_status(&g, 2, 0), SUB_NOT_EXPECTED);
    assert_int_equal(sub_grid_status(&g, 2, 1), SUB_NOT_EXPECTED);
    assert_int_equal(sub_grid_status(&g, 3, 0), SUB_NOT_EXPECTED); /* past the end */
    assert_int_equal(sub_grid_status(&g, 0, 3), SUB_NOT_EXPECTED);
    assert_string_equal(sub_grid_submitted_on(&g, 0, 1), "2025-03-01");
    assert_string_equal(sub_grid_submitted_on(&g, 1, 0), "");
    assert_string_equal(sub_grid_submitted_on(&g, 9, 9), "");
    /* Unit 907: 2 of 2 expected in, 1 on time; report 41: 1 of 2, 1 on time; report 99: only
     * the early one is expected; unit 300: nothing expected; the whole: 3 of 5, 2 on time. */
    char buf[16];
    struct report_rate r = sub_grid_rate(&g, 0, -1);
    assert_int_equal(r.expected, 2);
    assert_string_equal(sub_rate_text(r, false, buf, sizeof buf), "100%");
    assert_string_equal(sub_rate_text(r, true, buf, sizeof buf), "50%");
    r = sub_grid_rate(&g, -1, 0);
    assert_int_equal(r.expected, 2);
    assert_int_equal(r.submitted, 1);
    r = sub_grid_rate(&g, -1, 2);
    assert_int_equal(r.expected, 1);
    assert_int_equal(r.on_time, 1);
    assert_string_equal(sub_rate_text(sub_grid_rate(&g, 2, -1), false, buf, sizeof buf), "–");
    r = sub_grid_rate(&g, -1, -1);
    assert_int_equal(r.expected, 5);
    assert_int_equal(r.submitted, 3);
    assert_int_equal(r.on_time, 2);
    /* It opens on the last report due before today. */
    assert_int_equal(sub_grid_last_past(&g), 1);
    /* The matrix as the screen shows it: a cell's symbol and role (or its words), the unit's
     * two rates past the reports, each report's under the units, the whole's in the corner
     * where row and column agree. */
    enum role role = ROLE_NORMAL;
    assert_string_equal(sub_grid_text(&g, 1, 0, false, buf, sizeof buf, &role), "✗");
    assert_int_equal(role, ROLE_OVERDUE);
    assert_string_equal(sub_grid_text(&g, 0, 1, true, buf, sizeof buf, &role), "submitted late");
    assert_string_equal(sub_grid_text(&g, 2, 0, false, buf, sizeof buf, &role), "");
    assert_string_equal(sub_grid_text(&g, 0, 3, false, buf, sizeof buf, NULL), "100%");
    assert_string_equal(sub_grid_text(&g, 0, 4, false, buf, sizeof buf, NULL), "50%");
    assert_string_equal(sub_grid_text(&g, -1, 0, false, buf, sizeof buf, NULL), "50%");
    assert_string_equal(sub_grid_text(&g, -2, 2, false, buf, sizeof buf, NULL), "100%");
    assert_string_equal(sub_grid_text(&g, -1, 3, false, buf, sizeof buf, NULL), "60%");
    assert_string_equal(sub_grid_text(&g, -2, 4, false, buf, sizeof buf, NULL), "40%");
    assert_string_equal(sub_grid_text(&g, -1, 4, false, buf, sizeof buf, NULL), "");
    /* Each report's heading (an ad-hoc one by its due date, as shown) and the lines above. */
    assert_string_equal(sub_grid_report(&g, 0)->heading, "2024");
    assert_string_equal(sub_grid_report(&g, 1)->heading, "21–25");
    assert_string_equal(sub_grid_report(&g, 2)->heading, "10/03/2025");
    assert_null(sub_grid_report(&g, 3));
    char top[200], cell[200];
    assert_int_equal(sub_grid_lines(&g, 0, 1, "VTTTN", "Vụ TTTN", top, cell, sizeof top),
                     ROLE_AT_RISK);
    assert_string_equal(top, "due 28/02/2025 · Sơ kết");
    assert_string_equal(cell, "VTTTN: submitted late 01/03/2025 · Vụ TTTN");
    assert_int_equal(sub_grid_lines(&g, 2, 0, "PC", "Vụ PC", top, cell, sizeof top), ROLE_MUTED);
    assert_string_equal(cell, "PC: does not have to submit this report · Vụ PC");
    /* A reload keeps the reports and forgets the units and their cells. */
    sub_grid_clear_units(&g);
    assert_int_equal(sub_grid_add_unit(&g, 12), 0);
    assert_int_equal(sub_grid_ready(&g), 0);
    assert_int_equal(sub_grid_status(&g, 0, 0), SUB_NOT_EXPECTED);
    assert_int_equal(sub_grid_submission(&g, 7, 12, "2025-02-01"), 0);
    assert_int_equal(sub_grid_status(&g, 0, 1), SUB_ON_TIME);
    assert_int_equal(sub_grid_status(&g, 1, 1), SUB_NOT_EXPECTED); /* only one unit now */
    assert_int_equal(sub_grid_last_past(&g), 1);
    /* Loaded again (after a save): the same cells, nothing left over. */
    sub_grid_free(&g);
    grid(&g);
    assert_int_equal(sub_grid_status(&g, 0, 0), SUB_NOT_EXPECTED);
    sub_grid_free(&g);
}

/* The grid as a matrix screen sees it (sub_grid_ops): loaded through the ops, the band of
 * reports' headings, the same texts as sub_grid_text, freed through them. */
static void test_the_grid_through_its_ops(void **state)
{
    (void)state;
    const struct grid_ops *o = &sub_grid_ops;
    struct sub_grid g;
    grid(&g);
    assert_int_equal(sub_grid_submission(&g, 41, 907, "2025-01-10"), 0);
    assert_int_equal(o->ncolumns(&g), 3);
    assert_string_equal(o->heading(&g, 1), "21–25");
    assert_string_equal(o->heading(&g, 3), ""); /* past the band */
    char buf[16];
    enum role role = ROLE_NORMAL;
    assert_string_equal(o->text(&g, 0, 0, false, buf, sizeof buf, &role), "✓");
    assert_int_equal(role, ROLE_DONE);
    assert_string_equal(o->text(&g, 0, 0, true, buf, sizeof buf, NULL), "submitted on time");
    /* Only that submission is expected: the unit's rate and the report's are whole. */
    assert_string_equal(o->text(&g, 0, 3, false, buf, sizeof buf, NULL), "100%");
    assert_string_equal(o->text(&g, -1, 0, false, buf, sizeof buf, NULL), "100%");
    assert_string_equal(o->text(&g, 1, 0, false, buf, sizeof buf, NULL), "");
    /* A reload through the ops: the reports stay, the cells go. */
    o->clear_units(&g);
    assert_int_equal(o->add_unit(&g, 907), 0);
    assert_int_equal(o->ready(&g), 0);
    assert_int_equal(o->ncolumns(&g), 3);
    assert_int_equal(sub_grid_status(&g, 0, 0), SUB_NOT_EXPECTED);
    o->free(&g);
    assert_int_equal(o->ncolumns(&g), 0);
}

/* An empty grid (no units, or no reports) answers without cells. */
static void test_an_empty_grid(void **state)
{
    (void)state;
    struct sub_grid g;
    sub_grid_init(&g, d(2025, 3, 1), 14, NULL);
    assert_int_equal(sub_grid_add_report(&g, 1, "annual", "2025", "2026-01-15", "Năm 2025"), 0);
    assert_int_equal(sub_grid_ready(&g), 0);
    assert_int_equal(sub_grid_submission(&g, 1, 1, "2025-01-01"), 0);
    assert_int_equal(sub_grid_status(&g, 0, 0), SUB_NOT_EXPECTED);
    assert_int_equal(sub_grid_rate(&g, -1, -1).expected, 0);
    assert_int_equal(sub_grid_last_past(&g), 0); /* none past: the first */
    sub_grid_free(&g);
    sub_grid_free(&g); /* twice is harmless */
}

/* 2021-2025 as "21–25", a year as it is, ad-hoc reports by their due date (the caller's),
 * anything else long by its rule's code. */
static void test_column_headings(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(sub_report_heading("annual", "2024", buf, sizeof buf), "2024");
    assert_string_equal(sub_report_heading("midterm", "2021-2025", buf, sizeof buf), "21–25");
    assert_null(sub_report_heading("adhoc", "2025", buf, sizeof buf));
    assert_string_equal(sub_report_heading("q", "first quarter", buf, sizeof buf), "q");
}

static void test_cell_texts_and_legend(void **state)
{
    (void)state;
    assert_string_equal(sub_status_text(SUB_NOT_EXPECTED, false), "");
    assert_string_equal(sub_status_text(SUB_NOT_EXPECTED, true), "");
    assert_string_equal(sub_status_text(SUB_OVERDUE, false), "✗");
    assert_string_equal(sub_status_text(SUB_OVERDUE, true), "overdue");
    assert_int_equal(sub_status_role(SUB_ON_TIME), ROLE_DONE);
    assert_int_equal(sub_status_role(SUB_LATE), ROLE_AT_RISK);
    assert_int_equal(sub_status_role(SUB_OVERDUE), ROLE_OVERDUE);
    assert_int_equal(sub_status_role(SUB_NOT_EXPECTED), ROLE_MUTED);
    char line[200];
    sub_legend(line, sizeof line);
    assert_string_equal(line, "✓ submitted on time  ◑ submitted late  ✗ overdue  ○ due soon  · "
                              "not yet due");
    sub_cell_line(SUB_LATE, "VTTTN", "Vụ Thị trường", "03/03/2025", line, sizeof line);
    assert_string_equal(line, "VTTTN: submitted late 03/03/2025 · Vụ Thị trường");
    sub_cell_line(SUB_OVERDUE, "VTTTN", "Vụ Thị trường", "", line, sizeof line);
    assert_string_equal(line, "VTTTN: overdue · Vụ Thị trường"); /* no date: no gap */
    sub_cell_line(SUB_NOT_EXPECTED, "VTTTN", "Vụ Thị trường", "", line, sizeof line);
    assert_string_equal(line, "VTTTN: does not have to submit this report · Vụ Thị trường");
    char tiny[8];
    sub_legend(tiny, sizeof tiny); /* cut, never past the buffer */
    assert_true(strlen(tiny) < sizeof tiny);
}

/* Positions by id: in the order added, found after sorting whatever the ids; an id not
 * added is -1, an empty index finds nothing. */
static void test_positions_by_id(void **state)
{
    (void)state;
    struct id_index x;
    id_index_init(&x);
    assert_int_equal(id_index_find(&x, 1), -1);
    for (long i = 0; i < 200; i++) /* ids descending, far apart */
        assert_int_equal(id_index_add(&x, 100000 - i * 37), 0);
    id_index_ready(&x);
    assert_int_equal(id_index_count(&x), 200);
    assert_int_equal(id_index_find(&x, 100000), 0);
    assert_int_equal(id_index_find(&x, 100000 - 199 * 37), 199);
    assert_int_equal(id_index_find(&x, 100000 - 50 * 37), 50);
    assert_int_equal(id_index_find(&x, 100001), -1);
    id_index_free(&x);
    assert_int_equal(id_index_count(&x), 0);
    assert_int_equal(id_index_find(&x, 100000), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells_found_by_id), cmocka_unit_test(test_an_empty_grid),
        cmocka_unit_test(test_column_headings),   cmocka_unit_test(test_cell_texts_and_legend),
        cmocka_unit_test(test_positions_by_id),   cmocka_unit_test(test_the_grid_through_its_ops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
