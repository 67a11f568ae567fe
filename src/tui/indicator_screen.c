/* One indicator: its values by year as a chart against the target, and the forecast with
 * the rule that made it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/store_targets.h"
#include "tiendo/text.h"

struct indicator_state {
    struct indicator_row *r;
    struct forecast_result fc;
};

static int indicator_open(struct app *app, void *state, void *arg)
{
    struct indicator_state *s = state;
    long id = *(const long *)arg;
    struct indicator_row *all = calloc(64, sizeof *all);
    int n = 0;
    struct td_err err;
    if (all == NULL || store_indicator_list(app->ctx->store, all, 64, &n, &err) != 0) {
        free(all);
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (all[i].id == id) {
            s->r = malloc(sizeof *s->r);
            if (s->r != NULL)
                *s->r = all[i];
        }
    free(all);
    if (s->r == NULL)
        return -1;
    targets_forecast(app, s->r, &s->fc);
    return 0;
}

static void indicator_close(struct app *app, void *state)
{
    (void)app;
    free(((struct indicator_state *)state)->r);
}

/* Bars of eighths: the chart's cells. */
static const char *const eighths[9] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

static void chart(const struct app *app, const struct indicator_row *r, int top, int rows)
{
    int from = (int)app->summary->start_year, to = (int)app->summary->end_year;
    if (r->kind == IND_LEVEL && r->has_baseline && r->baseline_year < from)
        from = r->baseline_year;
    if (to - from + 1 > 12)
        from = to - 11;
    double lo = 0, hi = 0;
    bool any = false;
    double target = r->ntargets > 0 ? r->targets[r->ntargets - 1].low : 0;
    for (int i = 0; i < r->nvalues; i++) {
        double v = r->values[i].value;
        lo = !any || v < lo ? v : lo;
        hi = !any || v > hi ? v : hi;
        any = true;
    }
    if (r->has_baseline && r->kind == IND_LEVEL) {
        lo = r->baseline_value < lo || !any ? r->baseline_value : lo;
        hi = r->baseline_value > hi || !any ? r->baseline_value : hi;
    }
    if (target > hi)
        hi = target;
    if (lo > 0)
        lo = 0;
    if (hi <= lo)
        hi = lo + 1;
    int colw = 6, x0 = 10;
    int target_row = top + rows - 1 - (int)((target - lo) / (hi - lo) * (rows - 1) + 0.5);
    char label[40];
    app_number(app, hi, 1, label, sizeof label);
    draw_text(top, 1, 8, label, ROLE_MUTED);
    app_number(app, lo, 1, label, sizeof label);
    draw_text(top + rows - 1, 1, 8, label, ROLE_MUTED);
    if (r->ntargets > 0) {
        attrset(theme_attr(ROLE_AT_RISK));
        mvhline_set(target_row, x0, WACS_HLINE, (to - from + 1) * colw);
        attrset(A_NORMAL);
        char num[32];
        snprintf(label, sizeof label, _("target %s"), app_number(app, target, 1, num, sizeof num));
        int lx = x0 + (to - from + 1) * colw + 1;
        if (COLS - 2 - lx >= text_width(label))
            draw_text(target_row, lx, COLS - 2 - lx, label, ROLE_AT_RISK);
    }
    for (int year = from; year <= to; year++) {
        int x = x0 + (year - from) * colw;
        char y[8];
        snprintf(y, sizeof y, "%d", year);
        draw_text(top + rows, x, colw - 1, y, ROLE_MUTED);
        bool have = false;
        double v = 0;
        for (int i = 0; i < r->nvalues; i++)
            if (r->values[i].year == year)
                have = true, v = r->values[i].value;
        if (!have && r->kind == IND_LEVEL && r->has_baseline && r->baseline_year == year)
            have = true, v = r->baseline_value;
        if (!have)
            continue;
        /* Height in eighths of a row, from lo. */
        int h = (int)((v - lo) / (hi - lo) * rows * 8 + 0.5);
        for (int row = 0; row < rows; row++) {
            int fill = h - row * 8;
            fill = fill < 0 ? 0 : fill > 8 ? 8 : fill;
            if (fill == 0)
                continue;
            for (int c = 0; c < colw - 2; c++)
                mvaddstr(top + rows - 1 - row, x + c, eighths[fill]);
        }
    }
}

static void indicator_draw(struct app *app, void *state, int top, int height)
{
    struct indicator_state *s = state;
    const struct indicator_row *r = s->r;
    char line[600];
    snprintf(line, sizeof line, "%s  %s (%s)", r->code, r->name, r->measure_unit);
    draw_text(top, 2, COLS - 4, line, ROLE_MARKED);
    int rows = height - 9 > 10 ? 10 : height - 9;
    chart(app, r, top + 2, rows);
    int y = top + rows + 4;
    if (r->ntargets > 0) {
        char range[40];
        targets_range(app, r->targets[r->ntargets - 1].low, r->targets[r->ntargets - 1].high, range,
                      sizeof range);
        char proj[32];
        snprintf(line, sizeof line, _("Target %s in %d · projection %s · %s"), range,
                 r->targets[r->ntargets - 1].year,
                 app_number(app, s->fc.projection, 2, proj, sizeof proj),
                 verdict_label(s->fc.verdict));
        if (s->fc.verdict == VERDICT_NOT_ENOUGH)
            snprintf(line, sizeof line, _("Target %s in %d · %s"), range,
                     r->targets[r->ntargets - 1].year, verdict_label(s->fc.verdict));
        draw_text(y++, 2, COLS - 4, line, targets_verdict_role(s->fc.verdict));
    }
    if (r->kind == IND_GROWTH && s->fc.verdict != VERDICT_NOT_ENOUGH && s->fc.remaining > 0) {
        char got[32], need[32];
        snprintf(line, sizeof line,
                 _("Achieved %s %%/year; needed from now on: %s %%/year for %d years"),
                 app_number(app, s->fc.achieved, 2, got, sizeof got),
                 app_number(app, s->fc.required, 2, need, sizeof need), s->fc.remaining);
        draw_text(y++, 2, COLS - 4, line, ROLE_NORMAL);
    }
    draw_text(y++, 2, COLS - 4,
              r->kind == IND_LEVEL
                  ? _("Rule: a least-squares line through the baseline and every value, "
                      "projected to the target year.")
                  : _("Rule: the geometric mean of (1 + growth) over the years entered; the "
                      "remaining years are assumed to grow at that average."),
              ROLE_MUTED);
    snprintf(line, sizeof line,
             _("On track: the projection reaches the target; at risk: within %.0f %% of it; "
               "off track: further."),
             app->ctx->cfg->tolerance * 100);
    draw_text(y, 2, COLS - 4, line, ROLE_MUTED);
}

static enum tui_result indicator_handle(struct app *app, void *state, enum action act, int key)
{
    (void)app;
    (void)state;
    (void)key;
    return act == ACT_BACK || act == ACT_CANCEL ? TUI_BACK : TUI_HANDLED;
}

static const enum action indicator_actions[] = {ACT_BACK, ACT_NONE};
static const struct keybar_item indicator_keybar[] = {{ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops indicator_screen = {
    .title = N_("Indicator"),
    .state_size = sizeof(struct indicator_state),
    .open = indicator_open,
    .draw = indicator_draw,
    .handle = indicator_handle,
    .close = indicator_close,
    .actions = indicator_actions,
    .keybar = indicator_keybar,
};
