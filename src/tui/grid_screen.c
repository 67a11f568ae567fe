/* The values grid: indicators down, years across, typed in like a spreadsheet; the verdict
 * at the end of each row follows every value saved. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "tiendo/edit.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_targets.h"
#include "tiendo/text.h"
#include "tiendo/vec.h"

#define COLW 6

struct grid_state {
    struct indicator_row *ind; /* every indicator: a vector's data */
    int n;
    struct forecast_result *fc;
    int from, to; /* the years shown */
    int first;    /* the first row shown, when they do not all fit */
    int row, col;
    bool editing;
    struct edit_buf edit;
};

VEC_KEEP(keep, struct indicator_row)

static int load(struct app *app, struct grid_state *g)
{
    struct td_err err = {0};
    struct vec v;
    vec_init(&v, sizeof *g->ind);
    if (store_indicator_each(app->ctx->store, keep, &v, &err) != 0 ||
        (g->fc = realloc(g->fc, (v.n + 1) * sizeof *g->fc)) == NULL) {
        app_error(app, &err);
        vec_free(&v);
        return -1;
    }
    free(g->ind);
    g->ind = (struct indicator_row *)v.data;
    g->n = (int)v.n;
    for (int i = 0; i < g->n; i++)
        targets_forecast(app, &g->ind[i], &g->fc[i]);
    return 0;
}

static int grid_open(struct app *app, void *state, void *arg)
{
    struct grid_state *g = state;
    (void)arg;
    if (load(app, g) != 0) {
        free(g->fc);
        return -1;
    }
    g->from = (int)app->summary->start_year;
    g->to = (int)app->summary->end_year;
    if (g->to - g->from > 9)
        g->from = g->to - 9; /* ten years fit 80 columns */
    /* Start on the first year without a value of the first indicator. */
    edit_init(&g->edit, NULL);
    return 0;
}

static void grid_close(struct app *app, void *state)
{
    struct grid_state *g = state;
    (void)app;
    edit_free(&g->edit);
    free(g->ind);
    free(g->fc);
}

bool targets_value(const struct indicator_row *r, int year, double *v)
{
    for (int i = 0; i < r->nvalues; i++)
        if (r->values[i].year == year) {
            *v = r->values[i].value;
            return true;
        }
    return false;
}

static void grid_draw(struct app *app, void *state, int top, int height)
{
    struct grid_state *g = state;
    int x0 = 10;
    draw_text(top, 2, 8, _("Code"), ROLE_MUTED);
    for (int y = g->from; y <= g->to; y++) {
        char year[8];
        snprintf(year, sizeof year, "%5d", y);
        draw_text(top, x0 + (y - g->from) * COLW, COLW - 1, year, ROLE_MUTED);
    }
    int vx = x0 + (g->to - g->from + 1) * COLW;
    draw_text(top, vx, COLS - vx - 1, _("Verdict"), ROLE_MUTED);
    int rows = height - 3 > 1 ? height - 3 : 1; /* scrolls: every indicator can be reached */
    if (g->row < g->first)
        g->first = g->row;
    if (g->row >= g->first + rows)
        g->first = g->row - rows + 1;
    for (int i = g->first; i < g->n && i < g->first + rows; i++) {
        const struct indicator_row *r = &g->ind[i];
        int y = top + 1 + i - g->first;
        draw_text(y, 2, 8, r->code, i == g->row ? ROLE_MARKED : ROLE_NORMAL);
        for (int yr = g->from; yr <= g->to; yr++) {
            int x = x0 + (yr - g->from) * COLW;
            bool cur = i == g->row && yr - g->from == g->col;
            char cell[32] = "";
            double v;
            if (cur && g->editing) {
                draw_fill(y, x, COLW - 1, ROLE_SELECTED);
                size_t first = 0;
                int c = edit_view(&g->edit, &first, COLW - 1);
                draw_text(y, x, COLW - 1, g->edit.text + first, ROLE_SELECTED);
                app->cursor_y = y;
                app->cursor_x = x + c;
                continue;
            }
            if (targets_value(r, yr, &v)) {
                char num[24];
                snprintf(cell, sizeof cell, "%5s", app_number(app, v, 1, num, sizeof num));
            } else {
                snprintf(cell, sizeof cell, "%5s", "·");
            }
            if (cur)
                draw_fill(y, x, COLW - 1, ROLE_SELECTED);
            draw_text(y, x, COLW - 1, cell, cur ? ROLE_SELECTED : ROLE_NORMAL);
        }
        draw_text(y, vx, COLS - vx - 1, verdict_label(g->fc[i].verdict),
                  targets_verdict_role(g->fc[i].verdict));
    }
    if (g->n > 0) {
        const struct indicator_row *r = &g->ind[g->row];
        char line[600];
        snprintf(line, sizeof line, "%s (%s)%s", r->name, r->measure_unit,
                 r->kind == IND_GROWTH ? _(" · a year's growth in %") : "");
        draw_text(top + height - 1, 2, COLS - 4, line, ROLE_MUTED);
    }
}

static bool grid_wants_text(void *state)
{
    return ((struct grid_state *)state)->editing;
}

static enum tui_result save_cell(struct app *app, struct grid_state *g, bool clear)
{
    double v = 0;
    if (!clear && text_parse_decimal(g->edit.text, &v) != 0) {
        app_message(app, true, _("not a number: %s"), g->edit.text);
        return TUI_REDRAW;
    }
    struct td_err err;
    const struct indicator_row *r = &g->ind[g->row];
    double seen;
    bool had = targets_value(r, g->from + g->col, &seen);
    if (store_indicator_value_set(app->ctx->store, r->id, g->from + g->col, clear, v,
                                  had ? &seen : NULL, &err) != 0) {
        if (err.status == TD_E_CONFLICT) { /* show their value; what was typed stays */
            load(app, g);
            app_message(app, true, _("%s. Enter saves yours over it, Esc keeps theirs."), err.msg);
        } else {
            app_message(app, true, "%s", err.msg); /* the typed value stays in the cell */
        }
        return TUI_REDRAW;
    }
    g->editing = false;
    load(app, g);
    return TUI_REDRAW;
}

static enum tui_result grid_handle(struct app *app, void *state, enum action act, int key)
{
    struct grid_state *g = state;
    if (g->n == 0)
        return act == ACT_BACK || act == ACT_CANCEL ? TUI_BACK : TUI_HANDLED;
    if (g->editing) {
        if (act == ACT_CANCEL) {
            g->editing = false;
            return TUI_REDRAW;
        }
        if (key == TK_ENTER || key == TK_TAB) {
            enum tui_result r = save_cell(app, g, false);
            if (!g->editing && key == TK_TAB && g->col < g->to - g->from)
                g->col++;
            return r;
        }
        return edit_line_key(&g->edit, key) ? TUI_REDRAW : TUI_HANDLED;
    }
    switch (key) {
    case TK_LEFT:
        g->col = g->col > 0 ? g->col - 1 : 0;
        return TUI_REDRAW;
    case TK_RIGHT:
    case TK_TAB:
        g->col = g->col < g->to - g->from ? g->col + 1 : g->col;
        return TUI_REDRAW;
    case TK_DELETE:
    case TK_BACKSPACE:
        return save_cell(app, g, true);
    default:
        break;
    }
    if (act == ACT_UP || act == ACT_DOWN) {
        g->row += act == ACT_UP ? -1 : 1;
        g->row = g->row < 0 ? 0 : g->row >= g->n ? g->n - 1 : g->row;
        return TUI_REDRAW;
    }
    if (act == ACT_BACK || act == ACT_CANCEL)
        return TUI_BACK;
    bool numeric = key > 0 && key < 128 && strchr("0123456789-+.,", key) != NULL;
    if (key == TK_ENTER || numeric) {
        /* Typing starts editing the cell, as in a spreadsheet; Enter edits what is there. */
        double v;
        char now[32] = "";
        if (key == TK_ENTER && targets_value(&g->ind[g->row], g->from + g->col, &v)) {
            snprintf(now, sizeof now, "%g", v); /* LC_NUMERIC is "C": a point */
            char *point = strchr(now, '.');
            if (point != NULL && strcmp(app->ctx->lang, "vi") == 0)
                *point = ',';
        }
        edit_set(&g->edit, now);
        if (key != TK_ENTER)
            edit_insert(&g->edit, key);
        g->editing = true;
        return TUI_REDRAW;
    }
    return TUI_HANDLED;
}

static const enum action grid_actions[] = {ACT_UP, ACT_DOWN, ACT_BACK, ACT_CANCEL, ACT_NONE};
static const struct keybar_item grid_keybar[] = {{ACT_DOWN, N_("move (← → too)")},
                                                 {ACT_CANCEL, N_("cancel typing")},
                                                 {ACT_BACK, N_("back")},
                                                 {ACT_NONE, NULL}};

const struct screen_ops grid_screen = {
    .title = N_("Values by year"),
    .state_size = sizeof(struct grid_state),
    .open = grid_open,
    .draw = grid_draw,
    .handle = grid_handle,
    .close = grid_close,
    .actions = grid_actions,
    .keybar = grid_keybar,
    .wants_text = grid_wants_text,
};
