/* The submission matrix: units down, report instances across, a symbol and a colour per
 * status, and per row and column the reporting rate and the on-time rate (as DHIS2 shows
 * reporting rates). Enter records or corrects the selected unit's submission. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"
#include "tiendo/schedule.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define REPORTS_MAX  512
#define UNITS_MAX    512
#define NOT_EXPECTED 255
#define CODE_W       9 /* the unit column */
#define CELL_W       8 /* a report column */
#define RATE_W       9 /* each of the two rate columns ("Đúng hạn" and a gap) */

struct mx_state {
    struct report_row *reports; /* by due date */
    int nr;
    struct unit_choice units[UNITS_MAX];
    int nu;
    unsigned char *cell; /* nu × nr: a submission_status, or NOT_EXPECTED */
    char (*submitted)[11];
    struct report_rate *row_rate, *col_rate;
    int row, col, first_row, first_col;
    int last_col; /* the last report due before today: where the matrix opens */
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

static int mx_load(struct app *app, struct mx_state *m)
{
    struct td_err err;
    char today[11];
    date_format_iso(app->ctx->today, today);
    mx_free(m);
    m->reports = calloc(REPORTS_MAX, sizeof *m->reports);
    if (m->reports == NULL ||
        store_report_list(app->ctx->store, today, m->reports, REPORTS_MAX, &m->nr, &err) != 0 ||
        store_unit_list(app->ctx->store, m->units, UNITS_MAX, &m->nu, &err) != 0) {
        app_message(app, true, "%s", m->reports != NULL ? err.msg : _("out of memory"));
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
    if (mx_load(app, m) != 0)
        return -1;
    m->col = m->last_col;
    return 0;
}

static void mx_close(struct app *app, void *state)
{
    (void)app;
    mx_free(state);
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

    int rows = height - 6;
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
    int by = top + height - 3;
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
}

static int clamp(int v, int n)
{
    return v < 0 ? 0 : v >= n ? n - 1 : v;
}

static enum tui_result mx_handle(struct app *app, void *state, enum action act, int key)
{
    struct mx_state *m = state;
    if (m->nr == 0 || m->nu == 0)
        return act == ACT_BACK || act == ACT_MATRIX ? TUI_BACK : TUI_HANDLED;
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

static const enum action mx_actions[] = {ACT_UP,     ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
                                         ACT_HOME,   ACT_END,  ACT_OPEN,    ACT_EDIT,
                                         ACT_MATRIX, ACT_BACK, ACT_NONE};
static const struct keybar_item mx_keybar[] = {{ACT_OPEN, N_("record")},
                                               {ACT_HOME, N_("first report")},
                                               {ACT_END, N_("last report")},
                                               {ACT_BACK, N_("back")},
                                               {ACT_NONE, NULL}};

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
};
