/* The generic list (list_base, src/tui/list.c) driven with a fake spec on a real ncurses
 * screen (newterm over /dev/null): the rows a loader keeps (no cap), the navigation every list
 * shares, search with n/N, the footer "row i of n", export, a loader that keeps a window and
 * reads further, and a list that pages as the task list does. */
#include "store_helpers.h"

#include <curses.h>
#include <dirent.h>

#include "../../src/tui/form.h"
#include "../../src/tui/list.h"
#include "tiendo/config.h"
#include "tiendo/keys.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_tasks.h"

struct fake_row {
    long id;
    char name[32];
};

struct fake_state {
    struct list_base base; /* first, as every list screen's */
    long rows;             /* how many the loader gives */
    long window;           /* 0: all; else the loader gives at most this many */
    int entered, loads;
    long entered_id;
};

static int fake_load(struct app *app, void *state, struct td_err *err)
{
    struct fake_state *s = state;
    (void)app, (void)err;
    s->loads++;
    long n = s->window > 0 && s->window < s->rows ? s->window : s->rows;
    for (long i = 0; i < n; i++) {
        struct fake_row r = {i + 1, ""};
        snprintf(r.name, sizeof r.name, i == 77 ? "needle %ld" : "row %ld", i + 1);
        if (list_keep(&s->base, &r) != 0)
            return -1;
    }
    return 0;
}

static void fake_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                        struct list_row *out)
{
    const struct fake_row *r = row;
    (void)app, (void)state;
    snprintf(c[0], LIST_CELL, "%ld", r->id);
    out->id = r->id;
    out->cells[0] = c[0];
    out->cells[1] = r->name;
}

static enum tui_result fake_enter(struct app *app, void *state, const void *row)
{
    struct fake_state *s = state;
    (void)app;
    s->entered++;
    s->entered_id = ((const struct fake_row *)row)->id;
    return TUI_REDRAW;
}

static bool fake_more(struct app *app, void *state)
{
    struct fake_state *s = state;
    (void)app;
    if (s->window == 0 || (long)s->base.rows.n < s->window)
        return false;
    s->window += 50;
    return true;
}

static const struct list_column fake_cols[] = {{"Id", {5, 3, 0}, true, false},
                                               {"Name", {0, 10, 1}, false, true}};
static const struct list_spec fake_spec = {
    .cols = fake_cols,
    .ncols = 2,
    .row_size = sizeof(struct fake_row),
    .export_name = "fake",
    .load = fake_load,
    .format = fake_format,
    .enter = fake_enter,
    .more = fake_more,
};

static struct td_config cfg;
static struct tui_context ctx;
static struct app app;
static SCREEN *screen;
static FILE *out, *in;
static char *dir;

static int setup(void **st)
{
    (void)st;
    out = fopen("/dev/null", "w");
    in = fopen("/dev/null", "r");
    screen = newterm("xterm", out, in);
    assert_non_null(screen);
    resizeterm(24, 80);
    dir = helper_tmpdir();
    memset(&cfg, 0, sizeof cfg);
    cfg.export_dir = dir;
    cfg.group_gid = -1;
    ctx = (struct tui_context){.cfg = &cfg, .lang = "en"};
    app = (struct app){.ctx = &ctx};
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    endwin();
    delscreen(screen);
    fclose(out);
    fclose(in);
    helper_rmtree(dir);
    return 0;
}

/* The screen's line y as text. */
static const char *line(int y)
{
    static char buf[256];
    mvinnstr(y, 0, buf, COLS);
    return buf;
}

static bool screen_has(const char *text)
{
    for (int y = 0; y < LINES; y++)
        if (strstr(line(y), text) != NULL)
            return true;
    return false;
}

static void draw(void *s)
{
    erase();
    list_base_draw(&app, s, 1, 20);
}

static void key(void *s, enum action act, int k)
{
    list_base_handle(&app, s, act, k);
    draw(s);
}

static void type(void *s, const char *text)
{
    for (const char *p = text; *p != '\0'; p++)
        key(s, ACT_NONE, (unsigned char)*p);
}

static void test_every_row_kept_and_the_footer_counts_them(void **st)
{
    (void)st;
    struct fake_state s = {.rows = 5000}; /* more than any former cap (512) */
    assert_int_equal(list_base_open(&app, &s, &fake_spec), 0);
    assert_int_equal(s.base.list.count, 5000);
    draw(&s);
    assert_true(screen_has("row 1 of 5,000"));
    assert_true(screen_has("row 1"));
    key(&s, ACT_END, 'G');
    assert_true(screen_has("row 5,000 of 5,000"));
    assert_true(screen_has("row 5000"));
    list_base_close(&app, &s);
}

static void test_the_navigation_every_list_shares(void **st)
{
    (void)st;
    struct fake_state s = {.rows = 120};
    assert_int_equal(list_base_open(&app, &s, &fake_spec), 0);
    draw(&s); /* the page is known after a draw: 20 - 2 = 18 rows */
    key(&s, ACT_DOWN, 'j');
    assert_int_equal(s.base.list.selected, 1);
    key(&s, ACT_UP, 'k');
    assert_int_equal(s.base.list.selected, 0);
    key(&s, ACT_UP, 'k'); /* stays at the top */
    assert_int_equal(s.base.list.selected, 0);
    key(&s, ACT_PAGE_DOWN, TK_PGDN);
    assert_int_equal(s.base.list.selected, 18);
    assert_true(screen_has("row 19 of 120"));
    key(&s, ACT_PAGE_UP, TK_PGUP);
    assert_int_equal(s.base.list.selected, 0);
    key(&s, ACT_END, TK_END);
    assert_int_equal(s.base.list.selected, 119);
    key(&s, ACT_DOWN, 'j'); /* stays at the end */
    assert_int_equal(s.base.list.selected, 119);
    key(&s, ACT_HOME, 'g');
    assert_int_equal(s.base.list.selected, 0);
    assert_true(screen_has("row 1 of 120"));
    key(&s, ACT_END, 'G');
    key(&s, ACT_OPEN, TK_ENTER);
    assert_int_equal(s.entered, 1);
    assert_int_equal(s.entered_id, 120);
    assert_int_equal(list_base_handle(&app, &s, ACT_BACK, 'q'), TUI_BACK);
    list_base_close(&app, &s);
}

static void test_search_then_n_and_N(void **st)
{
    (void)st;
    struct fake_state s = {.rows = 200};
    assert_int_equal(list_base_open(&app, &s, &fake_spec), 0);
    draw(&s);
    key(&s, ACT_SEARCH, '/');
    assert_true(list_base_wants_text(&s));
    type(&s, "NEEDLE"); /* case folded; only the searched column (Name) */
    key(&s, ACT_NONE, TK_ENTER);
    assert_false(list_base_wants_text(&s));
    assert_int_equal(s.base.list.selected, 77);
    assert_true(screen_has("row 78 of 200"));
    /* "row 1" is in rows 1, 10-19, 100-199: n goes forward, N back, both wrap. */
    key(&s, ACT_HOME, 'g');
    key(&s, ACT_SEARCH, '/');
    type(&s, "row 1");
    key(&s, ACT_NONE, TK_ENTER);
    long first = s.base.list.selected;
    assert_int_equal(first, 0);
    key(&s, ACT_SEARCH_NEXT, 'n');
    assert_int_equal(s.base.list.selected, 9);
    key(&s, ACT_SEARCH_PREV, 'N');
    assert_int_equal(s.base.list.selected, 0);
    key(&s, ACT_SEARCH_PREV, 'N'); /* wraps to the last hit */
    assert_int_equal(s.base.list.selected, 198);
    /* Only the searched column: the Id column holds "5", the names of rows 5... too; "needle"
     * is only in a name, and text in no row is not found (Esc goes back to where it began). */
    key(&s, ACT_SEARCH, '/');
    type(&s, "zzz");
    assert_true(screen_has("not found"));
    key(&s, ACT_CANCEL, 27);
    assert_int_equal(s.base.list.selected, 198);
    list_base_close(&app, &s);
}

static void test_export_writes_every_row(void **st)
{
    (void)st;
    struct fake_state s = {.rows = 700};
    assert_int_equal(list_base_open(&app, &s, &fake_spec), 0);
    assert_int_equal(list_base_handle(&app, &s, ACT_EXPORT, 'x'), TUI_REDRAW);
    assert_non_null(strstr(app.message, "Wrote 700 rows"));
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    long lines = 0;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "fake-", 5) != 0)
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        char buf[256];
        while (fgets(buf, sizeof buf, f) != NULL)
            lines++;
        fclose(f);
    }
    closedir(d);
    assert_int_equal(lines, 701); /* the header and every row */
    list_base_close(&app, &s);
}

static void test_a_window_reads_further_past_its_end(void **st)
{
    (void)st;
    struct fake_state s = {.rows = 120, .window = 50};
    assert_int_equal(list_base_open(&app, &s, &fake_spec), 0);
    draw(&s);
    assert_int_equal(s.base.list.count, 50);
    key(&s, ACT_END, 'G');
    assert_int_equal(s.base.list.selected, 49);
    key(&s, ACT_DOWN, 'j'); /* past the end: 50 more, and the selection goes on */
    assert_int_equal(s.base.list.count, 100);
    assert_int_equal(s.base.list.selected, 50);
    key(&s, ACT_END, 'G');
    key(&s, ACT_END, 'G');
    assert_int_equal(s.base.list.count, 120);
    assert_int_equal(s.base.list.selected, 119);
    list_base_close(&app, &s);
}

static void test_reload_keeps_the_selected_row(void **st)
{
    (void)st;
    struct fake_state s = {.rows = 30};
    assert_int_equal(list_base_open(&app, &s, &fake_spec), 0);
    draw(&s);
    for (int i = 0; i < 10; i++)
        key(&s, ACT_DOWN, 'j');
    assert_int_equal(list_base_resume(&app, &s, 0), TUI_REDRAW); /* loads again */
    assert_int_equal(s.loads, 2);
    assert_int_equal(s.base.list.selected, 10);
    assert_int_equal(list_selected_id(&s.base.list), 11);
    list_base_close(&app, &s);
}

/* A list that pages (as the task list's keyset paging does): 100,000 made-up rows, read a page
 * at a time into list.c's buffer and shown by the same format as kept rows. */
#define PAGED_ROWS 100000L
/* A loader that fails (the store's error) and a close that counts: a list that cannot open
 * frees what the screen set up, through the spec's close, and says why; e (ACT_EDIT) does
 * what Enter does where the spec asks for it, and nothing on an empty list. */
static int closes;

static int failing_load(struct app *a, void *state, struct td_err *err)
{
    (void)a, (void)state;
    return td_err_set(err, TD_E_IO, "%s", "disk I/O error");
}

static void counting_close(void *state)
{
    (void)state;
    closes++;
}

static void test_a_list_that_cannot_open_closes_and_edit_enters(void **st)
{
    (void)st;
    struct list_spec spec = fake_spec;
    spec.load = failing_load;
    spec.close = counting_close;
    struct fake_state s = {.rows = 3};
    closes = 0;
    app.message[0] = '\0';
    assert_int_equal(list_base_open(&app, &s, &spec), -1);
    assert_int_equal(closes, 1);
    assert_non_null(strstr(app.message, "disk I/O error"));
    spec = fake_spec;
    spec.edit_enters = true;
    struct fake_state e = {.rows = 3};
    assert_int_equal(list_base_open(&app, &e, &spec), 0);
    key(&e, ACT_DOWN, 'j');
    key(&e, ACT_EDIT, 'e');
    assert_int_equal(e.entered, 1);
    assert_int_equal(e.entered_id, 2);
    list_base_close(&app, &e);
    struct fake_state none = {.rows = 0};
    assert_int_equal(list_base_open(&app, &none, &spec), 0);
    key(&none, ACT_EDIT, 'e');
    assert_int_equal(none.entered, 0);
    list_base_close(&app, &none);
    struct fake_state plain = {.rows = 3};
    assert_int_equal(list_base_open(&app, &plain, &fake_spec), 0);
    key(&plain, ACT_EDIT, 'e');
    assert_int_equal(plain.entered, 0); /* a spec that does not ask: e is its own action */
    list_base_close(&app, &plain);
}

static int paged_reads, paged_most;
static long paged_read_rows;

static int paged_count(struct app *a, void *state, long *n, struct td_err *err)
{
    (void)a, (void)state, (void)err;
    *n = PAGED_ROWS;
    return 0;
}

static int paged_page(struct app *a, void *state, long first, int n, void *rows, int *got,
                      struct td_err *err)
{
    struct fake_row *r = rows;
    (void)a, (void)state, (void)err;
    paged_reads++;
    paged_most = n > paged_most ? n : paged_most;
    for (*got = 0; first + *got < PAGED_ROWS && *got < n; ++*got) {
        long i = first + *got;
        r[*got] = (struct fake_row){i + 1, ""};
        snprintf(r[*got].name, sizeof r[*got].name, "task %ld", i + 1);
    }
    paged_read_rows += *got;
    return 0;
}

/* "task N" is row N - 1 (ids and positions as the store gives them, without reading them). */
static long paged_find(struct app *a, void *state, const char *needle, long from, int way,
                       struct td_err *err)
{
    long n = 0;
    (void)a, (void)state, (void)err;
    if (sscanf(needle, "task %ld", &n) != 1 || n < 1 || n > PAGED_ROWS)
        return -1;
    return (way > 0 ? n - 1 >= from : n - 1 <= from) ? n - 1 : -1;
}

static const struct list_spec paged_spec = {.cols = fake_cols,
                                            .ncols = 2,
                                            .row_size = sizeof(struct fake_row),
                                            .export_name = "paged",
                                            .count = paged_count,
                                            .page = paged_page,
                                            .find = paged_find,
                                            .format = fake_format,
                                            .enter = fake_enter};

static void test_a_list_that_pages(void **st)
{
    (void)st;
    struct fake_state s = {0};
    paged_reads = paged_most = 0;
    paged_read_rows = 0;
    assert_int_equal(list_base_open(&app, &s, &paged_spec), 0);
    assert_int_equal(paged_reads, 0); /* counted; nothing read until it is drawn */
    draw(&s);
    assert_true(screen_has("row 1 of 100,000"));
    assert_true(screen_has("task 1 "));
    assert_int_equal(paged_reads, 1);
    assert_int_equal(paged_most, 18); /* a page: what fits */
    /* The end is a page away: one read of one page, not of every row before it. */
    paged_read_rows = 0;
    key(&s, ACT_END, 'G');
    assert_true(screen_has("row 100,000 of 100,000"));
    assert_true(screen_has("task 100000"));
    assert_true(paged_read_rows <= 18);
    key(&s, ACT_PAGE_UP, TK_PGUP);
    assert_true(screen_has("task 99965") && !screen_has("task 99983"));
    /* Enter gets the row shown, with no read of its own. */
    paged_reads = 0;
    key(&s, ACT_OPEN, TK_ENTER);
    assert_int_equal(s.entered_id, 100000 - 18);
    assert_int_equal(paged_reads, 1); /* only the draw after it */
    /* Search goes through find, and the list shows the row found. */
    key(&s, ACT_HOME, 'g');
    key(&s, ACT_SEARCH, '/');
    type(&s, "task 99999");
    key(&s, ACT_NONE, TK_ENTER);
    assert_true(screen_has("row 99,999 of 100,000"));
    assert_true(screen_has("task 99999"));
    key(&s, ACT_SEARCH_PREV, 'N'); /* the one hit, again (wrapping) */
    assert_int_equal(s.base.list.selected, 99998);
    key(&s, ACT_SEARCH, '/');
    type(&s, "nothing");
    assert_true(screen_has("not found"));
    key(&s, ACT_CANCEL, 27);
    assert_int_equal(s.base.list.selected, 99998);
    /* A mark, by the row's id. */
    key(&s, ACT_MARK, ' ');
    assert_true(list_is_marked(&s.base.list, 99999));
    /* Loading again (after a filter) counts, and reads no row until the list is drawn: a
     * filter that finds nothing costs no scan of the store. */
    paged_reads = 0;
    assert_int_equal(list_base_resume(&app, &s, 0), TUI_REDRAW);
    assert_int_equal(paged_reads, 0);
    /* Export writes every row, a page of at most 256 at a time. */
    paged_most = 0;
    assert_int_equal(list_base_handle(&app, &s, ACT_EXPORT, 'x'), TUI_REDRAW);
    assert_non_null(strstr(app.message, "Wrote 100000 rows"));
    assert_int_equal(paged_most, 256);
    list_base_close(&app, &s);
}

/* A new database whose units sql then changes (through a connection of its own). */
static void plan_store_units(struct plan_store *p, const char *sql)
{
    plan_store_open(p);
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(p->db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* ---- A matrix: any number of columns, a column cursor, a row of totals ---- */

#define MX_COLS 40 /* the unit, 38 criteria, a total: more than a list_row holds */

/* A fake model (grid.h) of 38 columns: the units it was handed, and what list.c asked. */
struct fake_grid {
    long units[64];
    int n, readies, clears, frees;
    char titles[MX_COLS][8];
};

struct mx_state {
    struct list_base base; /* first, as every list screen's */
    struct fake_grid grid;
    int loads;
};

static void fg_clear(void *g)
{
    ((struct fake_grid *)g)->n = 0, ((struct fake_grid *)g)->clears++;
}

static int fg_add(void *g, long id)
{
    struct fake_grid *f = g;
    f->units[f->n++] = id;
    return 0;
}

static int fg_ready(void *g)
{
    ((struct fake_grid *)g)->readies++;
    return 0;
}

static size_t fg_columns(const void *g)
{
    (void)g;
    return MX_COLS - 2;
}

static const char *fg_heading(const void *g, size_t k)
{
    struct fake_grid *f = (struct fake_grid *)g;
    snprintf(f->titles[k], sizeof f->titles[k], "C%02zu", k + 1);
    return f->titles[k];
}

/* Past the band the unit's total; under the units a sum; on the screen a symbol, in the
 * export words; criterion 3 done. */
static const char *fg_text(const void *g, long u, long k, bool words, char *buf, size_t size,
                           enum role *role)
{
    (void)g;
    if (u < 0)
        snprintf(buf, size, "s%ld", k + 1);
    else if (k == MX_COLS - 2)
        snprintf(buf, size, "t%ld", u + 1);
    else
        snprintf(buf, size, words ? "word %ld.%ld" : "%ld.%ld", u + 1, k + 1);
    if (role != NULL)
        *role = k == 2 ? ROLE_DONE : ROLE_NORMAL;
    return buf;
}

static void fg_free(void *g)
{
    ((struct fake_grid *)g)->frees++;
}

static const struct grid_ops fake_grid_ops = {fg_clear,   fg_add,  fg_ready, fg_columns,
                                              fg_heading, fg_text, fg_free};

/* The cells, after list.c has read the units and handed them to the model. */
static int mx_load(struct app *a, void *state, struct td_err *err)
{
    struct mx_state *m = state;
    (void)a, (void)err;
    assert_int_equal(m->grid.readies, m->grid.clears);
    m->loads++;
    return 0;
}

static const char *const mx_foot[] = {"Sum"};
/* The unit's code, a band of MX_COLS - 2 columns known only at open, the total. */
static const struct list_column mx_cols[] = {{"Unit", {6, 3, 0}, false, true},
                                             {"Total", {5, 3, 0}, false, false}};

#define MX_SPEC(home)                                                                              \
    {                                                                                              \
        .row_size = sizeof(struct unit_choice), .export_name = "mx", .load = mx_load,              \
        .cols = mx_cols, .ncols = 2, .grid = &fake_grid_ops,                                       \
        .grid_at = offsetof(struct mx_state, grid), .band_spec = {5, 3, 0}, .nfoot = 1,            \
        .foot = mx_foot, .cursor_first = 1, .cursor_after = 1, .cursor_home = home,                \
        .back_too = ACT_MATRIX,                                                                    \
    }
static const struct list_spec mx_spec = MX_SPEC(true), mx_rows_spec = MX_SPEC(false);

/* The screen line of row i (the header is line 1). */
static int row_y(struct mx_state *s, long i)
{
    return 2 + (int)(i - s->base.list.top);
}

static void test_a_matrix_moves_a_column_cursor_over_any_number_of_columns(void **st)
{
    (void)st;
    static const struct color_spec none[ROLE_COUNT];
    theme_init("mono", none); /* roles as attributes: the selected one in reverse */
    /* The rows are the store's active units: 30 of them, U01 to U30, named after their code. */
    struct plan_store p;
    plan_store_units(&p, "UPDATE unit SET active = 0; WITH RECURSIVE n(i) AS (SELECT 1 UNION"
                         " ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO unit (code, name,"
                         " sort_order) SELECT printf('U%02d', i), printf('unit %d', i), i FROM n");
    ctx.store = p.st;
    struct mx_state s = {0};
    assert_int_equal(list_base_open(&app, &s, &mx_spec), 0);
    /* list.c handed the model every unit, in order, then made it ready; then the load. */
    assert_int_equal(s.grid.n, 30);
    assert_int_equal(s.grid.readies, 1);
    assert_int_equal(s.loads, 1);
    long first = plan_store_long(&p, "SELECT id FROM unit WHERE code = 'U01'");
    assert_int_equal(s.grid.units[0], first);
    assert_string_equal(((const struct unit_choice *)list_base_row(&s.base, 29))->code, "U30");
    draw(&s);
    /* Each cell in its own role (criterion 3 done, dim). */
    assert_int_equal((int)(mvinch(row_y(&s, 1), s.base.list.x[3]) & A_ATTRIBUTES), A_DIM);
    /* The first criterion selected; the unit and the total stay while the others scroll. */
    assert_int_equal(s.base.list.col, 1);
    assert_true(screen_has("C01") && screen_has("Total") && !screen_has("C38"));
    assert_true(screen_has("Sum") && screen_has("s1")); /* the foot row, in the columns */
    assert_true(screen_has("U01") && screen_has("1.1"));
    assert_true(screen_has("row 1 of 30"));
    assert_true(screen_has("column 1 of 38") && screen_has("for the others"));
    key(&s, ACT_NONE, TK_RIGHT);
    assert_int_equal(s.base.list.col, 2);
    for (int i = 0; i < 40; i++)
        key(&s, ACT_NONE, TK_RIGHT);
    assert_int_equal(s.base.list.col, MX_COLS - 2); /* stops at the last criterion */
    assert_true(screen_has("C38") && screen_has("1.38") && screen_has("Unit") &&
                screen_has("Total") && !screen_has("C01"));
    assert_true(s.base.list.col_first > 1);
    /* The selected cell is drawn selected; the rest of the row keeps its colours. */
    int y = row_y(&s, 0), x = s.base.list.x[MX_COLS - 2];
    assert_int_equal((int)(mvinch(y, x) & A_ATTRIBUTES), A_REVERSE);
    assert_int_equal((int)(mvinch(y, s.base.list.x[0]) & A_ATTRIBUTES), A_NORMAL);
    assert_true(line(y)[0] == '>');
    key(&s, ACT_NONE, TK_LEFT);
    assert_int_equal(s.base.list.col, MX_COLS - 3);
    /* Rows move as in every list; Home and End go to the first and last column here. */
    key(&s, ACT_DOWN, 'j');
    assert_int_equal(s.base.list.selected, 1);
    assert_int_equal(s.base.list.col, MX_COLS - 3);
    key(&s, ACT_HOME, TK_HOME);
    assert_int_equal(s.base.list.col, 1);
    assert_int_equal(s.base.list.selected, 1);
    assert_true(screen_has("C01") && !screen_has("C38"));
    key(&s, ACT_END, TK_END);
    assert_int_equal(s.base.list.col, MX_COLS - 2);
    /* g and G go to the first and last row, as in every list, keeping the column. */
    key(&s, ACT_END, 'G');
    assert_int_equal(s.base.list.selected, 29);
    assert_int_equal(s.base.list.col, MX_COLS - 2);
    key(&s, ACT_HOME, 'g');
    assert_int_equal(s.base.list.selected, 0);
    assert_int_equal(s.base.list.col, MX_COLS - 2);
    /* A reload hands the model the units again. */
    assert_int_equal(list_base_resume(&app, &s, 0), TUI_REDRAW);
    assert_int_equal(s.grid.n, 30);
    assert_int_equal(s.grid.clears, 2);
    assert_int_equal(s.grid.readies, 2);
    /* Search in the searched column (the unit), n, and x with every column in words. */
    key(&s, ACT_SEARCH, '/');
    type(&s, "u17");
    key(&s, ACT_NONE, TK_ENTER);
    assert_int_equal(s.base.list.selected, 16);
    assert_int_equal(list_base_handle(&app, &s, ACT_EXPORT, 'x'), TUI_REDRAW);
    assert_non_null(strstr(app.message, "Wrote 30 rows"));
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int found = 0;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "mx-", 3) != 0)
            continue;
        char path[PATH_MAX], buf[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        assert_non_null(fgets(buf, sizeof buf, f)); /* the header: every column */
        assert_non_null(strstr(buf, "Unit,C01,C02"));
        assert_non_null(strstr(buf, "C38,Total"));
        assert_non_null(fgets(buf, sizeof buf, f));
        assert_non_null(strstr(buf, "U01,word 1.1,"));
        assert_non_null(strstr(buf, "word 1.38,t1"));
        fclose(f);
        found++;
    }
    closedir(d);
    assert_int_equal(found, 1);
    /* The screen's key that opened it goes back, as Esc does. */
    assert_int_equal(list_base_handle(&app, &s, ACT_MATRIX, 'm'), TUI_BACK);
    list_base_close(&app, &s);
    assert_int_equal(s.grid.frees, 1); /* list.c frees the model */
    /* Without cursor_home, Home and End move the rows as in every list. */
    struct mx_state r = {0};
    assert_int_equal(list_base_open(&app, &r, &mx_rows_spec), 0);
    draw(&r);
    key(&r, ACT_NONE, TK_RIGHT);
    key(&r, ACT_END, TK_END);
    assert_int_equal(r.base.list.selected, 29);
    assert_int_equal(r.base.list.col, 2);
    key(&r, ACT_HOME, TK_HOME);
    assert_int_equal(r.base.list.selected, 0);
    list_base_close(&app, &r);
    ctx.store = NULL;
    plan_store_close(&p);
}

/* ---- The store's readers behind the lists: every row, or a clear failure ---- */

static int count_unit(void *c, const struct unit_choice *u)
{
    (void)u;
    ++*(long *)c;
    return 0;
}

static int stop_at_three(void *c, const struct unit_choice *u)
{
    (void)u;
    return ++*(long *)c == 3 ? 7 : 0;
}

static void test_store_readers_give_every_row_or_fail(void **st)
{
    (void)st;
    struct plan_store p;
    plan_store_units(&p, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                         " WHERE i < 600) INSERT INTO unit (code, name, sort_order)"
                         " SELECT printf('U%03d', i), 'Unit', 1000 + i FROM n");
    long n = 0;
    struct td_err err = {0};
    assert_int_equal(store_unit_each(p.st, count_unit, &n, &err), 0);
    long all = plan_store_long(&p, "SELECT count(*) FROM unit WHERE active = 1");
    assert_true(all > 600);
    assert_int_equal(n, all);
    /* A callback stops the reader, which returns what the callback said. */
    n = 0;
    assert_int_equal(store_unit_each(p.st, stop_at_three, &n, &err), 7);
    assert_int_equal(n, 3);
    /* The array form never cuts silently: more rows than it holds is an error that says so. */
    struct unit_choice *few = calloc(512, sizeof *few);
    int got = 0;
    assert_int_equal(store_unit_list(p.st, few, 512, &got, &err), -1);
    assert_non_null(strstr(err.msg, "more than 512 rows"));
    free(few);
    /* The screens' unit picks hold them all. */
    struct tui_context c = {.store = p.st, .cfg = &cfg, .lang = "en"};
    struct app a = {.ctx = &c};
    struct unit_picks picks;
    assert_int_equal(unit_picks_load(&a, &picks, "all units"), 0);
    assert_int_equal(picks.n, all);
    assert_int_equal(picks.nlabels, all + 1);
    assert_string_equal(picks.labels[0], "all units");
    assert_string_equal(picks.labels[all], "U600");
    /* An inspection of every unit: the list of codes is not cut at 1 KiB on its way in. */
    struct inspection_row r = {.kind = "inspection",
                               .date = "2025-11-15",
                               .followup_status = "open",
                               .scope = "all of them"};
    for (int i = 0; i < picks.n; i++)
        snprintf(r.units + strlen(r.units), sizeof r.units - strlen(r.units), "%s%s",
                 i > 0 ? ", " : "", picks.units[i].code);
    assert_int_equal(store_inspection_save(p.st, &r, &err), 0);
    assert_int_equal(plan_store_long(&p, "SELECT count(*) FROM inspection_unit"), all);
    unit_picks_free(&picks);
    plan_store_close(&p);
}

/* The unit picker's storage (FT_MULTI): a flag per choice, any number of them. */
static void test_a_multiple_choice_holds_any_number(void **st)
{
    (void)st;
    static const char *labels[200];
    for (int i = 0; i < 200; i++)
        labels[i] = "U";
    struct form_field f;
    form_field_choice(&f, "Units", labels, 200, 0);
    f.rule.type = FT_MULTI;
    struct form fm = {&f, 1, 0, false, NULL, 0};
    assert_false(form_multi_get(&f, 150));
    assert_int_equal(form_check(&fm, 0), 0); /* not required: none is fine */
    f.rule.required = true;
    assert_int_equal(form_check(&fm, 0), -1);
    for (int i = 0; i < 200; i++)
        assert_int_equal(form_multi_set(&f, i, true), 0);
    assert_true(form_multi_get(&f, 0) && form_multi_get(&f, 119) && form_multi_get(&f, 199));
    assert_false(form_multi_get(&f, 200)); /* past the choices */
    assert_int_equal(form_check(&fm, 0), 0);
    form_multi_set(&f, 119, false);
    assert_false(form_multi_get(&f, 119));
    /* The small masks of the task filter (statuses, flags) both ways. */
    assert_int_equal(form_multi_bits(&f) & 0xF, 0xF);
    form_multi_set_bits(&f, 0x5);
    assert_true(form_multi_get(&f, 0) && !form_multi_get(&f, 1) && form_multi_get(&f, 2));
    assert_true(form_multi_get(&f, 150)); /* past the mask's bits: left as they were */
    form_free(&fm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_kept_and_the_footer_counts_them),
        cmocka_unit_test(test_the_navigation_every_list_shares),
        cmocka_unit_test(test_search_then_n_and_N),
        cmocka_unit_test(test_export_writes_every_row),
        cmocka_unit_test(test_a_window_reads_further_past_its_end),
        cmocka_unit_test(test_reload_keeps_the_selected_row),
        cmocka_unit_test(test_a_list_that_pages),
        cmocka_unit_test(test_a_list_that_cannot_open_closes_and_edit_enters),
        cmocka_unit_test(test_a_matrix_moves_a_column_cursor_over_any_number_of_columns),
        cmocka_unit_test(test_store_readers_give_every_row_or_fail),
        cmocka_unit_test(test_a_multiple_choice_holds_any_number),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
