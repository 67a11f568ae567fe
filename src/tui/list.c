/* The list widget: a window over rows fetched on demand, with marks, search and a footer. */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"
#include "tiendo/table.h"
#include "tiendo/text.h"
#include <time.h>

#define MAX_PAGE 256

int list_init(struct list_widget *l, const struct list_column *cols, int ncols,
              struct list_source src)
{
    memset(l, 0, sizeof *l);
    l->cols = cols;
    l->ncols = ncols;
    l->src = src;
    l->page = 1;
    size_t n = (size_t)ncols + 1;
    l->x = calloc(4 * n, sizeof *l->x); /* x, w, and room for layout */
    l->w = l->x != NULL ? l->x + n : NULL;
    l->specs = calloc(n, sizeof *l->specs);
    edit_init(&l->prompt, NULL);
    list_reload(l);
    return l->x != NULL && l->specs != NULL ? 0 : -1;
}

void list_free(struct list_widget *l)
{
    free(l->marks);
    free(l->folded);
    free(l->x), free(l->specs), free(l->wide), free(l->wide_roles);
    edit_free(&l->prompt);
}

/* Cell c of the row fetched into rows[r] (a matrix's from wide), and its role. */
static const char *cell_of(const struct list_widget *l, const struct list_row *row, int r, int c,
                           enum role *role)
{
    if (l->wide == NULL)
        return c < LIST_MAX_COLS ? row->cells[c] : NULL;
    *role = l->wide_roles[(size_t)r * (size_t)l->ncols + (size_t)c];
    return l->wide[(size_t)r * (size_t)l->ncols + (size_t)c];
}

static void clamp(struct list_widget *l)
{
    if (l->selected >= l->count)
        l->selected = l->count - 1;
    if (l->selected < 0)
        l->selected = 0;
    if (l->top > l->selected)
        l->top = l->selected;
    if (l->selected >= l->top + l->page)
        l->top = l->selected - l->page + 1;
    if (l->top < 0)
        l->top = 0;
}

void list_reload(struct list_widget *l)
{
    l->count = l->src.count(l->src.ctx);
    clamp(l);
}

long list_selected_id(struct list_widget *l)
{
    struct list_row row;
    if (l->count == 0 || l->src.fetch(l->src.ctx, l->selected, 1, &row) != 1)
        return -1;
    return row.id;
}

bool list_is_marked(const struct list_widget *l, long id)
{
    for (size_t i = 0; i < l->nmarks; i++)
        if (l->marks[i] == id)
            return true;
    return false;
}

static void toggle_mark(struct list_widget *l, long id)
{
    for (size_t i = 0; i < l->nmarks; i++)
        if (l->marks[i] == id) {
            l->marks[i] = l->marks[--l->nmarks];
            return;
        }
    if (l->nmarks == l->capmarks) {
        size_t cap = l->capmarks ? l->capmarks * 2 : 16;
        long *m = realloc(l->marks, cap * sizeof *m);
        if (m == NULL)
            return;
        l->marks = m;
        l->capmarks = cap;
    }
    l->marks[l->nmarks++] = id;
}

static void set_needle(struct list_widget *l, const char *text)
{
    snprintf(l->needle, sizeof l->needle, "%s", text);
    free(l->folded);
    l->folded = l->needle[0] != '\0' ? text_fold(l->needle) : NULL;
}

/* Finds from `from` in direction dir, wrapping around once. */
static long find_wrapping(struct list_widget *l, long from, int dir)
{
    if (l->needle[0] == '\0' || l->count == 0)
        return -1;
    long pos = l->src.find(l->src.ctx, l->needle, from, dir);
    if (pos < 0)
        pos = l->src.find(l->src.ctx, l->needle, dir > 0 ? 0 : l->count - 1, dir);
    return pos;
}

static void draw_cell(const struct list_widget *l, int c, int y, int x, int w, const char *text,
                      enum role role)
{
    size_t a, b;
    if (l->cols[c].right) {
        int tw = text_width(text);
        if (tw < w)
            x += w - tw;
    }
    if (l->cols[c].search && l->folded != NULL && text_find_folded(text, l->folded, &a, &b))
        draw_text_hl(y, x, w, text, role, a, b, ROLE_MARKED);
    else
        draw_text(y, x, w, text, role);
}

static bool shown(const struct list_widget *l, int c, int last)
{
    return c < l->cur_lo || c >= l->cur_hi || (c >= l->col_first && c <= last);
}

/* Where each column goes: the columns the cursor moves over (as wide as the first of them)
 * scroll to keep the selected one in view, the others stay in place. */
static void layout(struct list_widget *l)
{
    int total = COLS - 3, last = l->cur_hi - 1, nv = 0;
    size_t n = (size_t)l->ncols + 1;
    int *vis = l->x + 2 * n, *widths = l->x + 3 * n;
    if (l->cur_hi > l->cur_lo) {
        int room = total;
        for (int c = 0; c < l->ncols; c++)
            room -= c < l->cur_lo || c >= l->cur_hi ? l->cols[c].spec.width + 1 : 0;
        int fit = room / (l->cols[l->cur_lo].spec.width + 1);
        fit = fit < 1 ? 1 : fit;
        l->col = l->col < l->cur_lo ? l->cur_lo : l->col >= l->cur_hi ? l->cur_hi - 1 : l->col;
        l->col_first = l->col_first < l->cur_lo ? l->cur_lo
                       : l->col_first > l->col  ? l->col
                                                : l->col_first;
        if (l->col >= l->col_first + fit)
            l->col_first = l->col - fit + 1;
        last = l->col_first + fit - 1;
    }
    for (int c = 0; c < l->ncols; c++)
        if (shown(l, c, last)) {
            vis[nv] = c;
            l->specs[nv++] = l->cols[c].spec;
        }
    layout_columns(l->specs, nv, total, widths);
    for (int c = 0; c < l->ncols; c++)
        l->w[c] = 0;
    for (int i = 0; i < nv; i++)
        l->w[vis[i]] = widths[i];
    for (int c = 0, x = 2; c < l->ncols; c++) {
        l->x[c] = x;
        x += shown(l, c, last) ? l->w[c] + 1 : 0;
    }
}

/* The row fetched into rows[r] at y: its marker and its shown cells; under a column cursor the
 * selected row keeps its colours but the cursor's cell, drawn selected (marked in a foot row). */
static void draw_row(struct list_widget *l, int y, const struct list_row *row, int r, bool sel,
                     bool foot)
{
    bool cursor = l->cur_hi > l->cur_lo, marked = !foot && list_is_marked(l, row->id);
    bool whole = sel && !cursor;
    enum role role = whole ? ROLE_SELECTED : marked ? ROLE_MARKED : row->role;
    /* The gaps between cells in the row's colour too: one attribute run instead of one per
     * cell, a third fewer bytes on a slow link (not with underline or reverse, which would
     * show). */
    if (whole || (role != ROLE_NORMAL && (theme_attr(role) & (A_UNDERLINE | A_REVERSE)) == 0))
        draw_fill(y, 0, COLS, role);
    draw_text(y, 0, 2, marked ? "*" : (sel ? ">" : " "), role);
    for (int c = 0; c < l->ncols; c++) {
        enum role cr = role;
        const char *text = cell_of(l, row, r, c, &cr);
        if (whole || marked)
            cr = role;
        if (cursor && c == l->col && (sel || foot)) {
            cr = foot ? ROLE_MARKED : ROLE_SELECTED;
            draw_fill(y, l->x[c], l->w[c], cr);
        }
        if (l->w[c] > 0 && text != NULL)
            draw_cell(l, c, y, l->x[c], l->w[c], text, cr);
    }
}

void list_draw(struct list_widget *l, struct app *app, int top, int height)
{
    layout(l);
    /* Header, rows, the foot rows, footer. */
    bool cursor = l->cur_hi > l->cur_lo;
    for (int c = 0; c < l->ncols; c++)
        if (l->w[c] > 0)
            draw_cell(l, c, top, l->x[c], l->w[c], l->cols[c].title,
                      cursor && c == l->col ? ROLE_MARKED : ROLE_MUTED);
    int page = height - 2 - l->nfoot;
    if (page > MAX_PAGE - l->nfoot) /* the foot rows after the page */
        page = MAX_PAGE - l->nfoot;
    l->page = page < 1 ? 1 : page;
    clamp(l);
    struct list_row rows[MAX_PAGE];
    int n = l->count > 0 ? l->src.fetch(l->src.ctx, l->top, l->page, rows) : 0;
    for (int i = 0; i < n; i++)
        draw_row(l, top + 1 + i, &rows[i], i, l->top + i == l->selected, false);
    for (int i = 0; i < l->nfoot; i++) {
        struct list_row foot = {0};
        l->foot(l->src.ctx, i, l->page + i);
        draw_row(l, top + height - 1 - l->nfoot + i, &foot, l->page + i, false, true);
    }
    if (l->count == 0)
        draw_text(top + 1, 2, COLS - 4, _("(nothing to show)"), ROLE_MUTED);

    int fy = top + height - 1;
    if (l->searching) {
        char label[64];
        snprintf(label, sizeof label, "%s ", _("search:"));
        int lw = draw_text(fy, 1, COLS - 2, label, ROLE_MARKED) + 1;
        size_t first = 0;
        int col = edit_view(&l->prompt, &first, COLS - lw - 30);
        draw_text(fy, lw, COLS - lw - 30, l->prompt.text + first,
                  l->search_failed ? ROLE_ERROR : ROLE_NORMAL);
        if (l->search_failed)
            draw_text(fy, COLS - 28, 27, _("not found"), ROLE_ERROR);
        app->cursor_y = fy;
        app->cursor_x = lw + col;
        return;
    }
    char pos[64], total[64], footer[256];
    text_group_digits(l->count > 0 ? l->selected + 1 : 0, app_digit_sep(app), pos, sizeof pos);
    text_group_digits(l->count, app_digit_sep(app), total, sizeof total);
    snprintf(footer, sizeof footer, _("row %s of %s"), pos, total);
    if (l->nmarks > 0) {
        size_t len = strlen(footer);
        snprintf(footer + len, sizeof footer - len, " · ");
        len = strlen(footer);
        snprintf(footer + len, sizeof footer - len,
                 ngettext("%zu marked", "%zu marked", (unsigned long)l->nmarks), l->nmarks);
    }
    if (cursor) { /* which column, and that there are more than fit */
        bool hidden = false;
        for (int c = l->cur_lo; c < l->cur_hi; c++)
            hidden = hidden || l->w[c] == 0;
        size_t len = strlen(footer);
        snprintf(footer + len, sizeof footer - len,
                 hidden ? _(" · column %d of %d, ← → for the others") : _(" · column %d of %d"),
                 l->col - l->cur_lo + 1, l->cur_hi - l->cur_lo);
    }
    int fw = draw_text(fy, 1, COLS - 2, footer, ROLE_MUTED);
    if (l->footer_extra != NULL)
        draw_text(fy, fw + 3, COLS - fw - 4, l->footer_extra, ROLE_MUTED);
}

static enum list_event search_key(struct list_widget *l, enum action act, int key)
{
    if (act == ACT_CANCEL) {
        l->searching = false;
        l->selected = l->search_origin;
        set_needle(l, "");
        clamp(l);
        return LIST_REDRAW;
    }
    if (key == TK_ENTER) {
        l->searching = false;
        return LIST_REDRAW;
    }
    if (!edit_line_key(&l->prompt, key))
        return LIST_NONE;
    /* Incremental: each keystroke searches again from where the search began. */
    set_needle(l, l->prompt.text);
    long pos = find_wrapping(l, l->search_origin, 1);
    l->search_failed = l->needle[0] != '\0' && pos < 0;
    l->selected = pos >= 0 ? pos : l->search_origin;
    clamp(l);
    return LIST_REDRAW;
}

enum list_event list_handle(struct list_widget *l, struct app *app, enum action act, int key)
{
    if (l->searching)
        return search_key(l, act, key);
    /* A column cursor: ← →, and the Home and End keys when they move it (g and G still go to
     * the first and last row, as in every list). */
    bool cursor = l->cur_hi > l->cur_lo;
    bool home = cursor && l->cur_home &&
                ((act == ACT_HOME && key == TK_HOME) || (act == ACT_END && key == TK_END));
    if (cursor && (key == TK_LEFT || key == TK_RIGHT || home)) {
        int col = home ? (act == ACT_HOME ? l->cur_lo : l->cur_hi - 1)
                       : l->col + (key == TK_LEFT ? -1 : 1);
        l->col = col < l->cur_lo ? l->cur_lo : col >= l->cur_hi ? l->cur_hi - 1 : col;
        return LIST_REDRAW;
    }
    long before = l->selected;
    switch (act) {
    case ACT_UP:
        l->selected--;
        break;
    case ACT_DOWN:
        l->selected++;
        break;
    case ACT_PAGE_UP:
        l->selected -= l->page;
        l->top -= l->page;
        break;
    case ACT_PAGE_DOWN:
        l->selected += l->page;
        l->top += l->page;
        break;
    case ACT_HOME:
        l->selected = 0;
        break;
    case ACT_END:
        l->selected = l->count - 1;
        break;
    case ACT_OPEN:
        return l->count > 0 ? LIST_OPEN : LIST_NONE;
    case ACT_MARK: {
        long id = list_selected_id(l);
        if (id < 0)
            return LIST_NONE;
        toggle_mark(l, id);
        l->selected++;
        clamp(l);
        return LIST_REDRAW;
    }
    case ACT_SEARCH:
        l->searching = true;
        l->search_failed = false;
        l->search_origin = l->selected;
        edit_set(&l->prompt, "");
        return LIST_REDRAW;
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV: {
        if (l->needle[0] == '\0') {
            app_message(app, false, "%s", _("no search yet: press / to search"));
            return LIST_REDRAW;
        }
        int dir = act == ACT_SEARCH_NEXT ? 1 : -1;
        long pos = find_wrapping(l, l->selected + dir, dir);
        if (pos < 0) {
            app_message(app, true, _("not found: %s"), l->needle);
            return LIST_REDRAW;
        }
        l->selected = pos;
        break;
    }
    default:
        return LIST_OTHER;
    }
    clamp(l);
    return l->selected != before || act == ACT_PAGE_DOWN || act == ACT_PAGE_UP ? LIST_REDRAW
                                                                               : LIST_NONE;
}

FILE *app_export_file(struct app *app, const char *name, const char *ext, char *path, size_t size)
{
    char dir[PATH_MAX];
    paths_export_dir(app->ctx->cfg->export_dir, dir, sizeof dir);
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    snprintf(path, size, "%s/%s-%s.%s", dir, name, stamp, ext);
    struct td_err err;
    if (paths_mkdir_parents(path, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return NULL;
    }
    /* Never over another file nor through a link; 0600 (0640 with [security] group). */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0 && paths_secure_fd(fd, app->ctx->cfg->group_gid) != 0) {
        int e = errno;
        close(fd);
        remove(path);
        fd = -1;
        errno = e;
    }
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (f == NULL && fd >= 0) {
        close(fd);
        remove(path);
    }
    if (f == NULL)
        app_message(app, true, _("%s: cannot write: %s"), path, strerror(errno));
    return f;
}

enum tui_result list_export(struct list_widget *l, struct app *app, const char *name)
{
    char path[PATH_MAX + 64];
    FILE *f = app_export_file(app, name, "csv", path, sizeof path);
    if (f == NULL)
        return TUI_REDRAW;
    struct table_column *cols = calloc((size_t)l->ncols + 1, sizeof *cols);
    for (int c = 0; cols != NULL && c < l->ncols; c++)
        cols[c] = (struct table_column){l->cols[c].title, false};
    struct table_writer w = {0};
    int rc = cols != NULL ? table_begin(&w, f, TABLE_CSV, cols, l->ncols, false) : -1;
    long count = l->src.count(l->src.ctx);
    struct list_row rows[MAX_PAGE];
    l->exporting = true;
    for (long first = 0; rc == 0 && first < count; first += MAX_PAGE) {
        int n = l->src.fetch(l->src.ctx, first, MAX_PAGE, rows);
        for (int i = 0; rc == 0 && i < n; i++)
            rc = table_row(&w, l->wide != NULL ? l->wide + (size_t)i * (size_t)l->ncols
                                               : rows[i].cells);
        if (n == 0)
            break;
    }
    l->exporting = false;
    if (rc == 0)
        rc = table_end(&w);
    free(cols);
    if (fclose(f) != 0)
        rc = -1;
    if (rc != 0) {
        remove(path);
        app_message(app, true, _("%s: cannot write: %s"), path, strerror(errno));
    } else {
        char where[PATH_MAX + 64];
        app_message(app, false,
                    ngettext("Wrote %ld row to %s", "Wrote %ld rows to %s", (unsigned long)w.rows),
                    w.rows, paths_show(path, where, sizeof where));
    }
    return TUI_REDRAW;
}

/* ---- The base of list screens ---- */

int list_keep(struct list_base *b, const void *row)
{
    return vec_push(&b->rows, row) != 0;
}

static int page_read(struct list_base *b, long first, int n);

const void *list_base_row(struct list_base *b, long i)
{
    if (b->spec->page == NULL)
        return i >= 0 ? vec_at(&b->rows, (size_t)i) : NULL;
    if ((i < b->page_first || i >= b->page_first + b->page_n) &&
        (i < 0 || i >= b->list.count || page_read(b, i, 1) != 1))
        return NULL;
    return b->page + (size_t)(i - b->page_first) * b->spec->row_size;
}

long list_base_index(const struct list_base *b, const void *row)
{
    return (long)(((const char *)row - b->rows.data) / (ptrdiff_t)b->spec->row_size);
}

const void *list_base_selected(struct list_base *b)
{
    return list_base_row(b, b->list.selected);
}

static long base_count(void *ctx)
{
    return (long)((struct list_base *)ctx)->rows.n;
}

/* The cell buffers of rows[r] (a page row, a foot row, or the spare at MAX_PAGE), empty. */
static char (*base_cells(struct list_base *b, int r))[LIST_CELL]
{
    char(*buf)[LIST_CELL] = b->cells + (size_t)r * (size_t)b->stride;
    for (int c = 0; c < b->stride; c++)
        buf[c][0] = '\0';
    return buf;
}

/* The matrix's model (spec->grid), in the screen's state. */
static void *base_grid(struct list_base *b)
{
    return (char *)b + b->spec->grid_at;
}

/* Cell c of a matrix's unit row i (i < 0: foot row -1 - i) into buf, its role into *role. */
static const char *grid_cell(struct list_base *b, long i, int c, char *buf, enum role *role)
{
    int first = b->spec->cursor_first;
    if (c >= first)
        return b->spec->grid->text(base_grid(b), i, c - first, b->list.exporting, buf, LIST_CELL,
                                   role);
    if (i < 0)
        return c == 0 ? _(b->spec->foot[-1 - i]) : "";
    const struct unit_choice *u = list_base_row(b, i);
    return c == 0 ? u->code : u->name;
}

/* Row i (kept, or on the page read) into out, with the buffers of rows[r]; a matrix's cells
 * into wide (foot row -1 - i when i < 0). */
static void base_format(struct list_base *b, long i, int r, struct list_row *out)
{
    char(*buf)[LIST_CELL] = base_cells(b, r);
    *out = (struct list_row){0};
    out->id = i;
    if (b->spec->format != NULL)
        b->spec->format(b->app, b, list_base_row(b, i), buf, out);
    for (int c = 0; b->spec->grid != NULL && c < b->ncols; c++) {
        size_t at = (size_t)r * (size_t)b->ncols + (size_t)c;
        b->list.wide_roles[at] = ROLE_NORMAL;
        b->list.wide[at] = grid_cell(b, i, c, buf[c], &b->list.wide_roles[at]);
    }
}

static void base_foot(void *ctx, int i, int r)
{
    struct list_row unused;
    base_format(ctx, -1 - i, r, &unused);
}

static int base_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct list_base *b = ctx;
    int got = 0;
    for (long i = first; i < (long)b->rows.n && got < n && got < MAX_PAGE; i++, got++)
        base_format(b, i, got, &rows[got]);
    return got;
}

/* The first row from `from` in direction dir with needle in a searched column (every column
 * when none is marked). */
static long base_find(void *ctx, const char *needle, long from, int dir)
{
    struct list_base *b = ctx;
    char *folded = text_fold(needle);
    bool any = false;
    for (int c = 0; c < b->list.ncols; c++)
        any |= b->cols[c].search;
    long found = -1;
    for (long i = from; folded != NULL && i >= 0 && i < (long)b->rows.n && found < 0; i += dir) {
        struct list_row row;
        base_format(b, i, MAX_PAGE, &row);
        for (int c = 0; c < b->list.ncols && found < 0; c++) {
            size_t x, y;
            enum role role;
            const char *text = cell_of(&b->list, &row, MAX_PAGE, c, &role);
            if ((b->cols[c].search || !any) && text != NULL &&
                text_find_folded(text, folded, &x, &y))
                found = i;
        }
    }
    free(folded);
    return found;
}

/* ---- A list that pages: a page read from the store at a time ---- */

static long page_count(void *ctx)
{
    struct list_base *b = ctx;
    struct td_err err = {0};
    long n = 0;
    if (b->spec->count(b->app, b, &n, &err) != 0)
        app_message(b->app, true, "%s", err.msg);
    return n;
}

/* Rows first .. first + n - 1 into the page, grown to hold them; how many there were. */
static int page_read(struct list_base *b, long first, int n)
{
    struct td_err err = {0};
    b->page_n = 0;
    if (n > b->page_cap) {
        char *p = realloc(b->page, (size_t)n * b->spec->row_size);
        if (p == NULL) {
            app_message(b->app, true, "%s", _("out of memory"));
            return 0;
        }
        b->page = p;
        b->page_cap = n;
    }
    int got = 0;
    if (b->spec->page(b->app, b, first, n, b->page, &got, &err) != 0) {
        app_message(b->app, true, "%s", err.msg);
        got = 0;
    }
    b->page_first = first;
    b->page_n = got;
    return got;
}

static int page_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct list_base *b = ctx;
    int got = page_read(b, first, n < MAX_PAGE ? n : MAX_PAGE);
    for (int r = 0; r < got; r++)
        base_format(b, first + r, r, &rows[r]);
    return got;
}

static long page_find(void *ctx, const char *needle, long from, int dir)
{
    struct list_base *b = ctx;
    struct td_err err = {0};
    long pos = b->spec->find(b->app, b, needle, from, dir, &err);
    if (pos < 0 && err.msg[0] != '\0')
        app_message(b->app, true, "%s", err.msg);
    return pos;
}

/* A matrix's rows: the active units, each kept and handed to the model, which is then
 * ready for its cells; 0, or -1 with err. */
static int keep_unit_row(void *ctx, const struct unit_choice *u)
{
    struct list_base *b = ctx;
    return list_keep(b, u) != 0 || b->spec->grid->add_unit(base_grid(b), u->id) != 0;
}

static int grid_units(struct list_base *b, struct td_err *err)
{
    b->spec->grid->clear_units(base_grid(b));
    int rc = store_unit_each(b->app->ctx->store, keep_unit_row, b, err);
    if (rc < 0)
        return -1; /* the store said why */
    if (rc > 0 || b->spec->grid->ready(base_grid(b)) != 0)
        return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    return 0;
}

static int base_load(struct list_base *b, bool loaded)
{
    struct td_err err = {0};
    vec_clear(&b->rows);
    if ((b->spec->grid != NULL && grid_units(b, &err) != 0) ||
        (b->spec->load != NULL && b->spec->load(b->app, b, &err) != 0)) {
        app_message(b->app, true, "%s", err.msg);
        return -1;
    }
    if (loaded && b->spec->loaded != NULL)
        b->spec->loaded(b->app, b);
    return 0;
}

int list_base_reload(struct list_base *b)
{
    /* A list that pages keeps its position: asking for the selected row would cost a read of
     * the store (a whole scan when the new filter finds nothing). What it read is gone. */
    bool paged = b->spec->page != NULL;
    long id = paged ? -1 : list_selected_id(&b->list);
    b->page_n = 0;
    int rc = paged ? 0 : base_load(b, true);
    if (paged && b->spec->loaded != NULL)
        b->spec->loaded(b->app, b);
    list_reload(&b->list);
    if (id >= 0) {
        /* The same row again when it is still there (ids from the formatter). */
        for (long i = 0; i < (long)b->rows.n; i++) {
            struct list_row row;
            base_format(b, i, MAX_PAGE, &row);
            if (row.id == id) {
                b->list.selected = i;
                break;
            }
        }
        list_reload(&b->list);
    }
    return rc;
}

static void base_free(struct list_base *b)
{
    list_free(&b->list);
    vec_free(&b->rows);
    free(b->cells);
    free(b->cols);
    free(b->page);
}

int list_base_open(struct app *app, void *state, const struct list_spec *spec)
{
    struct list_base *b = state;
    b->spec = spec;
    b->app = app;
    vec_init(&b->rows, spec->row_size);
    int nb = spec->grid != NULL ? (int)spec->grid->ncolumns(base_grid(b)) : 0;
    int first = spec->cursor_first;
    b->ncols = spec->ncols + nb;
    b->cols = calloc((size_t)b->ncols + 1, sizeof *b->cols);
    for (int c = 0; b->cols != NULL && c < b->ncols; c++) {
        if (c >= first && c < first + nb) {
            b->cols[c] =
                (struct list_column){spec->grid->heading(base_grid(b), (size_t)(c - first)),
                                     spec->band_spec, false, false};
            continue;
        }
        const struct list_column *k = &spec->cols[c < first ? c : c - nb];
        b->cols[c] = *k;
        /* An empty title stays empty: gettext("") is the catalogue's header. */
        b->cols[c].title = k->title[0] != '\0' ? _(k->title) : "";
    }
    if (spec->grid == NULL && b->ncols > LIST_MAX_COLS)
        b->ncols = LIST_MAX_COLS;
    b->stride = b->ncols > LIST_MAX_COLS ? b->ncols : LIST_MAX_COLS;
    struct list_source src = {b, base_count, base_fetch, base_find};
    if (spec->page != NULL)
        src = (struct list_source){b, page_count, page_fetch, page_find};
    b->cells = calloc((MAX_PAGE + 1) * (size_t)b->stride, sizeof *b->cells);
    int rc = list_init(&b->list, b->cols, b->ncols, src);
    if (spec->grid != NULL) {
        size_t n = (MAX_PAGE + 1) * (size_t)(b->ncols + 1);
        b->list.wide = calloc(n, sizeof *b->list.wide);
        b->list.wide_roles = calloc(n, sizeof *b->list.wide_roles);
        b->list.nfoot = spec->nfoot;
        b->list.foot = base_foot;
        rc |= b->list.wide == NULL || b->list.wide_roles == NULL ? -1 : 0;
    }
    if (rc != 0 || b->cols == NULL || b->cells == NULL) {
        app_message(app, true, "%s", _("out of memory"));
        list_base_close(app, state);
        return -1;
    }
    if (spec->page == NULL && base_load(b, false) != 0) {
        list_base_close(app, state);
        return -1;
    }
    list_reload(&b->list);
    b->list.cur_lo = spec->cursor_first;
    b->list.cur_hi = spec->cursor_first > 0 ? b->ncols - spec->cursor_after : 0;
    b->list.cur_home = spec->cursor_home;
    if (spec->loaded != NULL)
        spec->loaded(app, b);
    return 0;
}

void list_base_draw(struct app *app, void *state, int top, int height)
{
    struct list_base *b = state;
    if (b->spec->heading != NULL) {
        draw_text(top, 1, COLS - 2, b->spec->heading(state), ROLE_TITLE);
        top++;
        height--;
    }
    if (b->spec->draw != NULL)
        b->spec->draw(app, state, &top, &height);
    list_draw(&b->list, app, top, height);
}

enum tui_result list_base_handle(struct app *app, void *state, enum action act, int key)
{
    struct list_base *b = state;
    if (b->spec->more != NULL && !b->list.searching && b->list.selected >= b->list.count - 1 &&
        (act == ACT_DOWN || act == ACT_PAGE_DOWN || act == ACT_END) && b->spec->more(app, state))
        list_base_reload(b);
    switch (list_handle(&b->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN:
        return b->spec->enter != NULL ? b->spec->enter(app, state, list_base_selected(b))
                                      : TUI_HANDLED;
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EDIT && b->spec->edit_enters)
        return list_base_selected(b) != NULL ? b->spec->enter(app, state, list_base_selected(b))
                                             : TUI_HANDLED;
    if (act == ACT_FILTER && b->spec->filter != NULL) {
        int n = b->spec->filter(state, b->own_steps);
        return n > 0 ? list_filter(b, b->own_steps, n) : TUI_HANDLED;
    }
    if (act == ACT_EXPORT && b->spec->export_name != NULL)
        return list_export(&b->list, app, b->spec->export_name);
    if (act == ACT_BACK || (act == b->spec->back_too && act != ACT_NONE))
        return TUI_BACK;
    return b->spec->action != NULL ? b->spec->action(app, state, act, list_base_selected(b))
                                   : TUI_HANDLED;
}

enum tui_result list_base_resume(struct app *app, void *state, int result)
{
    struct list_base *b = state;
    if (b->spec->resume != NULL)
        return b->spec->resume(app, state, result);
    list_base_reload(b);
    if (result == SCREEN_CHANGED && b->spec->tells_changes)
        app->result = SCREEN_CHANGED; /* what the screen below counts changed too */
    return TUI_REDRAW;
}

void list_base_close(struct app *app, void *state)
{
    struct list_base *b = state;
    (void)app;
    if (b->spec->close != NULL)
        b->spec->close(state);
    if (b->spec->grid != NULL)
        b->spec->grid->free(base_grid(b));
    base_free(b);
}

static enum tui_result on_picked(struct app *app, void *ctx, int result)
{
    struct list_base *b = ctx;
    return result >= 0 ? b->picked(app, b, result) : list_base_changed(b);
}

enum tui_result list_choose(struct list_base *b, const char *title, const char *const *labels,
                            int n, int at, list_picked_fn picked)
{
    struct choice_args args = {title, labels, n, at};
    b->picked = picked;
    return app_open_then(b->app, &choice_dialog, &args, on_picked, b);
}

enum tui_result list_base_changed(struct list_base *b)
{
    b->list.selected = b->list.top = 0;
    list_base_reload(b);
    return TUI_REDRAW;
}

static enum tui_result step_picked(struct app *app, struct list_base *b, int result)
{
    (void)app;
    *b->steps[b->step].value = result;
    if (++b->step >= b->nsteps)
        return list_base_changed(b);
    const struct list_step *s = &b->steps[b->step];
    return list_choose(b, s->title, s->labels, s->n, *s->value, step_picked);
}

enum tui_result list_filter(struct list_base *b, const struct list_step *steps, int n)
{
    b->steps = steps;
    b->nsteps = n;
    b->step = 0;
    return list_choose(b, steps[0].title, steps[0].labels, steps[0].n, *steps[0].value,
                       step_picked);
}

bool list_base_wants_text(void *state)
{
    return ((struct list_base *)state)->list.searching;
}

VEC_KEEP(keep_unit, struct unit_choice)

static int keep_vocab(void *ctx, const struct vocab_row *r)
{
    struct unit_choice u = {.id = r->id};
    snprintf(u.code, sizeof u.code, "%s", r->code);
    snprintf(u.name, sizeof u.name, "%s", r->label);
    return vec_push(ctx, &u) != 0;
}

static int keep_login(void *ctx, const char *login)
{
    struct unit_choice u = {0};
    snprintf(u.name, sizeof u.name, "%s", login);
    return vec_push(ctx, &u) != 0;
}

int choice_picks_load(struct app *app, struct unit_picks *p, enum pick_kind kind, const char *first,
                      enum pick_label how)
{
    struct vec v;
    struct td_err err = {0};
    vec_init(&v, sizeof(struct unit_choice));
    *p = (struct unit_picks){0};
    struct store *st = app->ctx->store;
    int rc = kind == PICK_UNITS ? store_unit_each(st, keep_unit, &v, &err)
             : kind == PICK_CONFERENCE_KINDS
                 ? store_vocab_each(st, "conference_kind", keep_vocab, &v, &err)
             : kind == PICK_ACTIVITY_KINDS
                 ? store_vocab_each(st, "activity_kind", keep_vocab, &v, &err)
             : kind == PICK_LOGINS
                 ? store_user_login_each(st, keep_login, &v, &err)
                 : store_choice_each(st, kind == PICK_GROUPS ? CHOICE_GROUP : CHOICE_PHASE,
                                     keep_unit, &v, &err);
    if (rc != 0) {
        vec_free(&v);
        app_error(app, &err);
        return -1;
    }
    p->units = (struct unit_choice *)v.data;
    p->n = (int)v.n;
    int off = first != NULL;
    p->labels = malloc(((size_t)p->n + 1) * sizeof *p->labels);
    if (how == PICK_CODE_NAME)
        p->text = malloc(((size_t)p->n + 1) * sizeof *p->text);
    if (p->labels == NULL || (how == PICK_CODE_NAME && p->text == NULL)) {
        unit_picks_free(p);
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    if (first != NULL)
        p->labels[0] = first;
    for (int i = 0; i < p->n; i++) {
        const struct unit_choice *u = &p->units[i];
        if (how == PICK_CODE_NAME) {
            snprintf(p->text[i], sizeof p->text[i], "%s  %s", u->code, u->name);
            p->labels[i + off] = p->text[i];
        } else {
            p->labels[i + off] = how == PICK_CODE ? u->code : u->name;
        }
    }
    p->nlabels = p->n + off;
    return 0;
}

int unit_picks_load(struct app *app, struct unit_picks *p, const char *first)
{
    return choice_picks_load(app, p, PICK_UNITS, first, PICK_CODE);
}

int unit_picks_find(const struct unit_picks *p, const char *code)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->units[i].code, code) == 0)
            return i;
    return -1;
}

int unit_picks_at(const struct unit_picks *p, long id)
{
    for (int i = 0; i < p->n; i++)
        if (p->units[i].id == id)
            return i + (p->nlabels > p->n);
    return 0;
}

void unit_picks_free(struct unit_picks *p)
{
    free(p->units);
    free(p->labels);
    free(p->text);
    *p = (struct unit_picks){0};
}

int unit_picks_label(const struct unit_picks *p, const char *code)
{
    int i = unit_picks_find(p, code);
    return i >= 0 ? i + (p->nlabels > p->n) : 0;
}

const char *unit_picks_code(const struct unit_picks *p, int label)
{
    int i = label - (p->nlabels > p->n);
    return i >= 0 && i < p->n ? p->units[i].code : "";
}
