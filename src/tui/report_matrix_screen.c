/* The submission matrix: units down, report instances across, a symbol and a colour per
 * status, and per row and column the reporting rate and the on-time rate (as DHIS2 shows
 * reporting rates). Enter records or corrects the selected unit's submission. */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/table.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"
#include "tiendo/schedule.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"
#include "tiendo/vec.h"

#define NOT_EXPECTED 255
#define CODE_W       9 /* the unit column */
#define CELL_W       8 /* a report column */
#define RATE_W       9 /* each of the two rate columns ("Đúng hạn" and a gap) */

struct mx_state {
    struct report_row *reports; /* by due date */
    int nr;
    struct unit_choice *units;
    int nu;
    unsigned char *cell; /* nu × nr: a submission_status, or NOT_EXPECTED */
    char (*submitted)[11];
    struct report_rate *row_rate, *col_rate;
    int row, col, first_row, first_col;
    int last_col; /* the last report due before today: where the matrix opens */
    /* / n N search the units as every list does. */
    bool searching, failed;
    struct edit_buf prompt;
    int origin;
    char needle[128];
};

static int by_due(const void *a, const void *b)
{
    const struct report_row *x = a, *y = b;
    int c = strcmp(x->due, y->due);
    return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

struct grid_ctx {
    struct mx_state *m;
    struct app *app;
    int r; /* the report the last cell was in: the grid comes in the same order */
};

static int on_cell(void *ctx, long report_id, long unit_id, const char *submitted_on)
{
    struct grid_ctx *g = ctx;
    struct mx_state *m = g->m;
    for (int k = 0; k < m->nr && m->reports[g->r].id != report_id; k++)
        g->r = (g->r + 1) % m->nr;
    if (m->reports[g->r].id != report_id)
        return 0;
    for (int u = 0; u < m->nu; u++)
        if (m->units[u].id == unit_id) {
            size_t i = (size_t)u * (size_t)m->nr + (size_t)g->r;
            enum submission_status st =
                schedule_status_iso(m->reports[g->r].due, submitted_on, g->app->ctx->today,
                                    (int)g->app->ctx->cfg->report_due_soon_days);
            m->cell[i] = (unsigned char)st;
            snprintf(m->submitted[i], sizeof m->submitted[i], "%s", submitted_on);
            schedule_rate_add(&m->row_rate[u], st);
            schedule_rate_add(&m->col_rate[g->r], st);
            break;
        }
    return 0;
}

static void mx_free(struct mx_state *m)
{
    free(m->reports);
    free(m->units);
    m->units = NULL;
    free(m->cell);
    free(m->submitted);
    free(m->row_rate);
    free(m->col_rate);
    m->reports = NULL;
    m->cell = NULL;
    m->submitted = NULL;
    m->row_rate = m->col_rate = NULL;
    m->nr = 0;
}

VEC_KEEP(keep_report, struct report_row)

VEC_KEEP(keep_unit, struct unit_choice)

static int mx_load(struct app *app, struct mx_state *m)
{
    struct td_err err;
    char today[11];
    date_format_iso(app->ctx->today, today);
    mx_free(m);
    struct vec reports, units;
    vec_init(&reports, sizeof *m->reports);
    vec_init(&units, sizeof *m->units);
    err.msg[0] = '\0';
    int rc = store_report_list_each(app->ctx->store, today, keep_report, &reports, &err) != 0 ||
             store_unit_each(app->ctx->store, keep_unit, &units, &err) != 0;
    m->reports = (struct report_row *)reports.data, m->nr = (int)reports.n;
    m->units = (struct unit_choice *)units.data, m->nu = (int)units.n;
    if (rc != 0) {
        app_message(app, true, "%s", err.msg[0] != '\0' ? err.msg : _("out of memory"));
        mx_free(m);
        return -1;
    }
    qsort(m->reports, (size_t)m->nr, sizeof *m->reports, by_due);
    size_t ncells = (size_t)m->nu * (size_t)m->nr + 1;
    m->cell = malloc(ncells);
    m->submitted = calloc(ncells, sizeof *m->submitted);
    m->row_rate = calloc((size_t)m->nu + 1, sizeof *m->row_rate);
    m->col_rate = calloc((size_t)m->nr + 1, sizeof *m->col_rate);
    if (m->cell == NULL || m->submitted == NULL || m->row_rate == NULL || m->col_rate == NULL) {
        app_message(app, true, "%s", _("out of memory"));
        mx_free(m);
        return -1;
    }
    memset(m->cell, NOT_EXPECTED, ncells);
    m->last_col = 0;
    for (int r = 0; r < m->nr; r++)
        if (strcmp(m->reports[r].due, today) < 0)
            m->last_col = r;
    struct grid_ctx g = {m, app, 0};
    if (m->nr > 0 && store_submission_grid(app->ctx->store, on_cell, &g, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        mx_free(m);
        return -1;
    }
    return 0;
}

static int mx_open(struct app *app, void *state, void *arg)
{
    struct mx_state *m = state;
    (void)arg;
    edit_init(&m->prompt, NULL);
    if (mx_load(app, m) != 0) {
        edit_free(&m->prompt);
        return -1;
    }
    m->col = m->last_col;
    return 0;
}

static void mx_close(struct app *app, void *state)
{
    (void)app;
    mx_free(state);
    edit_free(&((struct mx_state *)state)->prompt);
}

static void rate_text(int part, int whole, char *buf, size_t size)
{
    int p = schedule_rate_percent(part, whole);
    if (p < 0)
        snprintf(buf, size, "–");
    else
        snprintf(buf, size, "%d%%", p);
}

static enum role status_role(int st)
{
    switch (st) {
    case SUB_ON_TIME:
        return ROLE_DONE;
    case SUB_LATE:
    case SUB_DUE_SOON:
        return ROLE_AT_RISK;
    case SUB_OVERDUE:
        return ROLE_OVERDUE;
    default:
        return ROLE_MUTED;
    }
}

/* A report's column heading: its period (2021-2025 as "21–25"); an ad-hoc report's due date
 * (its period would look like the annual report's); else the rule's code. */
static const char *heading(const struct app *app, const struct report_row *r, char *buf,
                           size_t size)
{
    if (strcmp(r->rule, "adhoc") == 0) {
        app_show_date(app, r->due, buf, size);
        return buf;
    }
    if (strlen(r->period) < CELL_W)
        return r->period;
    int a, b;
    if (sscanf(r->period, "%4d-%4d", &a, &b) == 2) { /* 2021-2025: "21–25" */
        snprintf(buf, size, "%02d–%02d", a % 100, b % 100);
        return buf;
    }
    return r->rule;
}

static void draw_right(int y, int x, int w, const char *text, enum role role)
{
    int cells = text_width(text);
    draw_text(y, x + (w - 1 > cells ? w - 1 - cells : 0), w - 1, text, role);
}

static void mx_draw(struct app *app, void *state, int top, int height)
{
    struct mx_state *m = state;
    if (m->nr == 0 || m->nu == 0) {
        draw_text(top + 1, 2, COLS - 4, _("No reports or no units yet."), ROLE_MUTED);
        return;
    }
    const struct report_row *rep = &m->reports[m->col];
    const struct unit_choice *unit = &m->units[m->row];
    size_t at = (size_t)m->row * (size_t)m->nr + (size_t)m->col;
    char line[600], d[32], d2[32];
    app_show_date(app, rep->due, d, sizeof d);
    snprintf(line, sizeof line, _("%s · due %s"), rep->title, d);
    draw_text(top, 2, COLS - 4, line, ROLE_MARKED);
    if (m->cell[at] == NOT_EXPECTED)
        snprintf(line, sizeof line, _("%s  %s: does not have to submit this report"), unit->code,
                 unit->name);
    else if (m->submitted[at][0] != '\0') {
        app_show_date(app, m->submitted[at], d2, sizeof d2);
        snprintf(line, sizeof line, "%s  %s: %s %s", unit->code, unit->name,
                 submission_status_label((enum submission_status)m->cell[at]), d2);
    } else
        snprintf(line, sizeof line, "%s  %s: %s", unit->code, unit->name,
                 submission_status_label((enum submission_status)m->cell[at]));
    draw_text(top + 1, 2, COLS - 4, line, status_role(m->cell[at]));

    int rate_x = COLS - 2 * RATE_W - 1;
    int x0 = 2 + CODE_W;
    int ncols = (rate_x - x0) / CELL_W;
    if (ncols < 1)
        ncols = 1;
    if (m->col < m->first_col)
        m->first_col = m->col;
    if (m->col >= m->first_col + ncols)
        m->first_col = m->col - ncols + 1;
    int hy = top + 2;
    draw_text(hy, 2, CODE_W - 1, _("Unit"), ROLE_MUTED);
    for (int r = m->first_col; r < m->nr && r < m->first_col + ncols; r++)
        draw_text(hy, x0 + (r - m->first_col) * CELL_W, CELL_W - 1,
                  heading(app, &m->reports[r], d2, sizeof d2),
                  r == m->col ? ROLE_MARKED : ROLE_MUTED);
    draw_right(hy, rate_x, RATE_W, _("Rate"), ROLE_MUTED);
    draw_right(hy, rate_x + RATE_W, RATE_W, _("On time"), ROLE_MUTED);

    int rows = height - 7; /* below: the two rates, the legend and the footer */
    if (rows < 1)
        rows = 1;
    if (m->row < m->first_row)
        m->first_row = m->row;
    if (m->row >= m->first_row + rows)
        m->first_row = m->row - rows + 1;
    char pct[16];
    for (int u = m->first_row; u < m->nu && u - m->first_row < rows; u++) {
        int y = hy + 1 + u - m->first_row;
        draw_text(y, 2, CODE_W - 1, m->units[u].code, u == m->row ? ROLE_MARKED : ROLE_NORMAL);
        for (int r = m->first_col; r < m->nr && r < m->first_col + ncols; r++) {
            int st = m->cell[(size_t)u * (size_t)m->nr + (size_t)r];
            int x = x0 + (r - m->first_col) * CELL_W;
            bool cur = u == m->row && r == m->col;
            if (cur)
                draw_fill(y, x, CELL_W - 1, ROLE_SELECTED);
            if (st != NOT_EXPECTED)
                draw_text(y, x + 1, 1, submission_status_symbol((enum submission_status)st),
                          cur ? ROLE_SELECTED : status_role(st));
        }
        const struct report_rate *rr = &m->row_rate[u];
        rate_text(rr->submitted, rr->expected, pct, sizeof pct);
        draw_right(y, rate_x, RATE_W, pct, ROLE_NORMAL);
        rate_text(rr->on_time, rr->expected, pct, sizeof pct);
        draw_right(y, rate_x + RATE_W, RATE_W, pct, ROLE_NORMAL);
    }
    int by = top + height - 4;
    draw_text(by, 2, CODE_W - 1, _("Rate"), ROLE_MUTED);
    draw_text(by + 1, 2, CODE_W - 1, _("On time"), ROLE_MUTED);
    for (int r = m->first_col; r < m->nr && r < m->first_col + ncols; r++) {
        const struct report_rate *cr = &m->col_rate[r];
        int x = x0 + (r - m->first_col) * CELL_W;
        rate_text(cr->submitted, cr->expected, pct, sizeof pct);
        draw_text(by, x, CELL_W - 1, pct, r == m->col ? ROLE_MARKED : ROLE_NORMAL);
        rate_text(cr->on_time, cr->expected, pct, sizeof pct);
        draw_text(by + 1, x, CELL_W - 1, pct, r == m->col ? ROLE_MARKED : ROLE_NORMAL);
    }
    snprintf(line, sizeof line, "%s %s  %s %s  %s %s  %s %s  %s %s",
             submission_status_symbol(SUB_ON_TIME), submission_status_label(SUB_ON_TIME),
             submission_status_symbol(SUB_LATE), submission_status_label(SUB_LATE),
             submission_status_symbol(SUB_OVERDUE), submission_status_label(SUB_OVERDUE),
             submission_status_symbol(SUB_DUE_SOON), submission_status_label(SUB_DUE_SOON),
             submission_status_symbol(SUB_NOT_DUE), submission_status_label(SUB_NOT_DUE));
    draw_text(by + 2, 2, COLS - 4, line, ROLE_MUTED);
    int fy = top + height - 1;
    if (m->searching) {
        snprintf(line, sizeof line, "%s ", _("search:"));
        int lw = draw_text(fy, 1, COLS - 2, line, ROLE_MARKED) + 1;
        draw_text(fy, lw, COLS - lw - 30, m->prompt.text, m->failed ? ROLE_ERROR : ROLE_NORMAL);
        if (m->failed)
            draw_text(fy, COLS - 28, 27, _("not found"), ROLE_ERROR);
        app->cursor_y = fy;
        app->cursor_x = lw + text_width(m->prompt.text);
        return;
    }
    char pos[32], total[32];
    text_group_digits(m->row + 1, app_digit_sep(app), pos, sizeof pos);
    text_group_digits(m->nu, app_digit_sep(app), total, sizeof total);
    snprintf(line, sizeof line, _("row %s of %s"), pos, total);
    draw_text(fy, 1, COLS - 2, line, ROLE_MUTED);
}

static int clamp(int v, int n)
{
    return v < 0 ? 0 : v >= n ? n - 1 : v;
}

/* The first unit from `from` in direction dir (wrapping once) whose code or name holds
 * needle, ignoring case and marks; -1 when none. */
static int mx_find(const struct mx_state *m, const char *needle, int from, int dir)
{
    char *folded = needle[0] != '\0' ? text_fold(needle) : NULL;
    int found = -1;
    for (int k = 0; folded != NULL && k < m->nu && found < 0; k++) {
        int u = ((from + dir * k) % m->nu + m->nu) % m->nu;
        size_t a, b;
        if (text_find_folded(m->units[u].code, folded, &a, &b) ||
            text_find_folded(m->units[u].name, folded, &a, &b))
            found = u;
    }
    free(folded);
    return found;
}

static enum tui_result mx_search_key(struct mx_state *m, enum action act, int key)
{
    if (act == ACT_CANCEL || key == TK_ENTER) {
        m->searching = false;
        if (act == ACT_CANCEL)
            m->row = m->origin, m->needle[0] = '\0';
        return TUI_REDRAW;
    }
    if (key == TK_BACKSPACE)
        edit_backspace(&m->prompt);
    else if (key_is_printable(key) || key == ' ')
        edit_insert(&m->prompt, key);
    else
        return TUI_HANDLED;
    snprintf(m->needle, sizeof m->needle, "%s", m->prompt.text);
    int u = mx_find(m, m->needle, m->origin, 1);
    m->failed = m->needle[0] != '\0' && u < 0;
    m->row = u >= 0 ? u : m->origin;
    return TUI_REDRAW;
}

/* x: the matrix as CSV, a row per unit, a column per report, then the two rates. */
static enum tui_result mx_export(struct app *app, const struct mx_state *m)
{
    char path[PATH_MAX + 64], pct[2][16];
    FILE *f = app_export_file(app, "matrix", "csv", path, sizeof path);
    if (f == NULL)
        return TUI_REDRAW;
    int ncols = m->nr + 3;
    struct table_column *cols = calloc((size_t)ncols, sizeof *cols);
    const char **cells = calloc((size_t)ncols, sizeof *cells);
    char(*heads)[32] = calloc((size_t)m->nr + 1, sizeof *heads);
    int rc = cols != NULL && cells != NULL && heads != NULL ? 0 : -1;
    struct table_writer w = {0};
    if (rc == 0) {
        cols[0] = (struct table_column){_("Unit"), false};
        for (int r = 0; r < m->nr; r++) {
            char d[32];
            snprintf(heads[r], sizeof heads[r], "%s", heading(app, &m->reports[r], d, sizeof d));
            cols[r + 1] = (struct table_column){heads[r], false};
        }
        cols[m->nr + 1] = (struct table_column){_("Rate"), false};
        cols[m->nr + 2] = (struct table_column){_("On time"), false};
        rc = table_begin(&w, f, TABLE_CSV, cols, ncols, false);
    }
    for (int u = 0; rc == 0 && u < m->nu; u++) {
        cells[0] = m->units[u].code;
        for (int r = 0; r < m->nr; r++) {
            int st = m->cell[(size_t)u * (size_t)m->nr + (size_t)r];
            cells[r + 1] = st == NOT_EXPECTED ? "" : submission_status_label(st);
        }
        rate_text(m->row_rate[u].submitted, m->row_rate[u].expected, pct[0], sizeof pct[0]);
        rate_text(m->row_rate[u].on_time, m->row_rate[u].expected, pct[1], sizeof pct[1]);
        cells[m->nr + 1] = pct[0];
        cells[m->nr + 2] = pct[1];
        rc = table_row(&w, cells);
    }
    if (rc == 0)
        rc = table_end(&w);
    if (fclose(f) != 0)
        rc = -1;
    free(cols), free(cells), free(heads);
    if (rc != 0) {
        remove(path);
        app_message(app, true, _("%s: cannot write: %s"), path, strerror(errno));
    } else {
        app_message(app, false,
                    ngettext("Wrote %ld row to %s", "Wrote %ld rows to %s", (unsigned long)m->nu),
                    (long)m->nu, path);
    }
    return TUI_REDRAW;
}

static enum tui_result mx_handle(struct app *app, void *state, enum action act, int key)
{
    struct mx_state *m = state;
    if (m->nr == 0 || m->nu == 0)
        return act == ACT_BACK || act == ACT_MATRIX ? TUI_BACK : TUI_HANDLED;
    if (m->searching)
        return mx_search_key(m, act, key);
    if (key == TK_LEFT || key == TK_RIGHT) {
        m->col = clamp(m->col + (key == TK_LEFT ? -1 : 1), m->nr);
        return TUI_REDRAW;
    }
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        m->row = clamp(m->row + (act == ACT_UP ? -1 : 1), m->nu);
        return TUI_REDRAW;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
        m->row = clamp(m->row + (act == ACT_PAGE_UP ? -1 : 1) * (LINES - 10), m->nu);
        return TUI_REDRAW;
    case ACT_SEARCH:
        m->searching = true;
        m->failed = false;
        m->origin = m->row;
        edit_set(&m->prompt, "");
        return TUI_REDRAW;
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV: {
        int dir = act == ACT_SEARCH_NEXT ? 1 : -1;
        int u = m->needle[0] != '\0' ? mx_find(m, m->needle, m->row + dir, dir) : -1;
        if (m->needle[0] == '\0')
            app_message(app, false, "%s", _("no search yet: press / to search"));
        else if (u < 0)
            app_message(app, true, _("not found: %s"), m->needle);
        else
            m->row = u;
        return TUI_REDRAW;
    }
    case ACT_EXPORT:
        return mx_export(app, m);
    case ACT_HOME:
        m->col = 0;
        return TUI_REDRAW;
    case ACT_END:
        m->col = m->nr - 1;
        return TUI_REDRAW;
    case ACT_OPEN:
    case ACT_EDIT: {
        const struct report_row *rep = &m->reports[m->col];
        const struct unit_choice *unit = &m->units[m->row];
        if (m->cell[(size_t)m->row * (size_t)m->nr + (size_t)m->col] == NOT_EXPECTED) {
            app_message(app, true, _("%s does not have to submit this report"), unit->code);
            return TUI_REDRAW;
        }
        if (!store_may_unit(app->ctx->store, unit->id)) {
            app_refuse_unit(app, unit->code);
            return TUI_REDRAW;
        }
        struct submission_args edit = {rep->id, rep->title, {0}};
        struct td_err err;
        if (store_submission_get(app->ctx->store, rep->id, unit->id, &edit.row, &err) != 0) {
            app_message(app, true, "%s", err.msg);
            return TUI_REDRAW;
        }
        return app_open(app, &submission_screen, &edit);
    }
    case ACT_BACK:
    case ACT_MATRIX:
        return TUI_BACK;
    default:
        return TUI_HANDLED;
    }
}

static enum tui_result mx_resume(struct app *app, void *state, int result)
{
    struct mx_state *m = state;
    if (result == SCREEN_CHANGED) {
        long rid = m->reports[m->col].id;
        if (mx_load(app, m) == 0) {
            for (int r = 0; r < m->nr; r++)
                if (m->reports[r].id == rid)
                    m->col = r;
            m->row = clamp(m->row, m->nu);
            m->col = clamp(m->col, m->nr);
        }
        app->result = SCREEN_CHANGED; /* the schedule's counts changed */
    }
    return TUI_REDRAW;
}

static const enum action mx_actions[] = {LIST_ACTIONS, ACT_EDIT, ACT_MATRIX, ACT_NONE};
static const struct keybar_item mx_keybar[] = {{ACT_OPEN, N_("record")},
                                               {ACT_HOME, N_("first report")},
                                               {ACT_END, N_("last report")},
                                               {ACT_BACK, N_("back")},
                                               {ACT_NONE, NULL}};

static bool mx_wants_text(void *state)
{
    return ((struct mx_state *)state)->searching;
}

static const struct action_need report_matrix_screen_needs[] = {
    {ACT_OPEN, NEED_EDITOR}, {ACT_EDIT, NEED_EDITOR}, {ACT_NONE, NEED_NOTHING}};
const struct screen_ops report_matrix_screen = {
    .needs = report_matrix_screen_needs,
    .title = N_("Submission matrix"),
    .state_size = sizeof(struct mx_state),
    .open = mx_open,
    .draw = mx_draw,
    .handle = mx_handle,
    .close = mx_close,
    .resume = mx_resume,
    .actions = mx_actions,
    .keybar = mx_keybar,
    .wants_text = mx_wants_text,
};
