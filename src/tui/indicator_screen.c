/* One indicator: its values by year as a chart against the target, and the forecast with
 * the rule that made it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_targets.h"
#include "tiendo/text.h"

struct indicator_state {
    struct indicator_row r;
    struct forecast_result fc;
};

static int indicator_open(struct app *app, void *state, void *arg)
{
    struct indicator_state *s = state;
    s->r = *(const struct indicator_row *)arg; /* the targets list's row */
    targets_forecast(app, &s->r, &s->fc);
    return 0;
}

/* Bars of eighths: the chart's cells. */
static const char *const eighths[9] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

/* The row of value v on a chart of rows rows from top, lo at the bottom, hi at the top. */
static int chart_row(double v, double lo, double hi, int top, int rows)
{
    return top + rows - 1 - (int)((v - lo) / (hi - lo) * (rows - 1) + 0.5);
}

/* The chart a reader can read alone (issue 15): the y-axis values, the years, the target band
 * (its two edges) labelled, the baseline's bar in its own colour, the projection at the target
 * year dashed in the verdict's colour, and a legend naming each under the years. */
static void chart(const struct app *app, const struct indicator_row *r,
                  const struct forecast_result *fc, int top, int rows)
{
    int from = (int)app->summary->start_year, to = (int)app->summary->end_year;
    if (r->kind == IND_LEVEL && r->has_baseline && r->baseline_year < from)
        from = r->baseline_year;
    if (to - from + 1 > 11)
        from = to - 10;
    /* The last target is the one the projection aims at. */
    bool target = r->ntargets > 0;
    double t_low = target ? r->targets[r->ntargets - 1].low : 0;
    double t_high = target ? r->targets[r->ntargets - 1].high : 0;
    int t_year = target ? r->targets[r->ntargets - 1].year : 0;
    bool projected = target && fc->verdict != VERDICT_NOT_ENOUGH && r->kind == IND_LEVEL;
    double lo = 0, hi = 0;
    bool any = false;
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
    if (target && t_high > hi)
        hi = t_high;
    if (projected && fc->projection > hi)
        hi = fc->projection;
    if (lo > 0)
        lo = 0;
    if (hi <= lo)
        hi = lo + 1;
    int colw = 6, x0 = 9;
    char label[80];
    /* The y axis: top, middle and bottom values. */
    draw_text(top, 1, 7, app_number(app, hi, 1, label, sizeof label), ROLE_MUTED);
    int mid = (rows - 1) / 2; /* the row half-way, and the value it stands for */
    double at_mid = hi - (hi - lo) * mid / (double)(rows - 1);
    draw_text(top + mid, 1, 7, app_number(app, at_mid, 1, label, sizeof label), ROLE_MUTED);
    draw_text(top + rows - 1, 1, 7, app_number(app, lo, 1, label, sizeof label), ROLE_MUTED);
    int width = (to - from + 1) * colw;
    if (target) { /* the band's two edges */
        attrset(theme_attr(ROLE_AT_RISK));
        mvhline_set(chart_row(t_low, lo, hi, top, rows), x0, WACS_HLINE, width);
        if (chart_row(t_high, lo, hi, top, rows) != chart_row(t_low, lo, hi, top, rows))
            mvhline_set(chart_row(t_high, lo, hi, top, rows), x0, WACS_HLINE, width);
        attrset(A_NORMAL);
    }
    for (int year = from; year <= to; year++) {
        int x = x0 + (year - from) * colw;
        char y[8];
        snprintf(y, sizeof y, "%d", year);
        draw_text(top + rows, x, colw - 1, y, ROLE_MUTED);
        bool base = false;
        double v = 0;
        bool have = targets_value(r, year, &v);
        if (!have && r->kind == IND_LEVEL && r->has_baseline && r->baseline_year == year)
            have = base = true, v = r->baseline_value;
        if (!have)
            continue;
        /* Height in eighths of a row, from lo. */
        int h = (int)((v - lo) / (hi - lo) * rows * 8 + 0.5);
        if (base)
            attrset(theme_attr(ROLE_MUTED));
        for (int row = 0; row < rows; row++) {
            int fill = h - row * 8;
            fill = fill < 0 ? 0 : fill > 8 ? 8 : fill;
            if (fill == 0)
                continue;
            for (int c = 0; c < colw - 2; c++)
                mvaddstr(top + rows - 1 - row, x + c, eighths[fill]);
        }
        attrset(A_NORMAL);
    }
    if (projected && t_year >= from && t_year <= to) { /* dashed, in the verdict's colour */
        int x = x0 + (t_year - from) * colw;
        attrset(theme_attr(targets_verdict_role(fc->verdict)));
        for (int c = 0; c < colw - 2; c++)
            mvaddstr(chart_row(fc->projection, lo, hi, top, rows), x + c, "╌");
        attrset(A_NORMAL);
    }
    /* The legend: what each mark is. */
    int x = 2, y = top + rows + 1;
    if (target) {
        char range[48];
        targets_range(app, t_low, t_high, range, sizeof range);
        snprintf(label, sizeof label, _("── target %s (%d)"), range, t_year);
        draw_text(y, x, COLS - x - 1, label, ROLE_AT_RISK);
        x += text_width(label) + 2;
    }
    if (projected && x < COLS - 2) {
        char a[32];
        snprintf(label, sizeof label, _("╌╌ projection %s: %s"),
                 app_number(app, fc->projection, 1, a, sizeof a), verdict_label(fc->verdict));
        draw_text(y, x, COLS - x - 1, label, targets_verdict_role(fc->verdict));
        x += text_width(label) + 2;
    }
    if (r->kind == IND_LEVEL && r->has_baseline) {
        char b[32];
        snprintf(label, sizeof label, _("grey bar: baseline %s (%d)"),
                 app_number(app, r->baseline_value, 1, b, sizeof b), r->baseline_year);
        if (x + text_width(label) > COLS - 2) /* the line under it, kept free for this */
            x = 2, y++;
        draw_text(y, x, COLS - x - 1, label, ROLE_MUTED);
    }
}

static void indicator_draw(struct app *app, void *state, int top, int height)
{
    struct indicator_state *s = state;
    const struct indicator_row *r = &s->r;
    char line[600];
    snprintf(line, sizeof line, "%s  %s (%s)", r->code, r->name, r->measure_unit);
    /* The name whole, on as many lines as it takes: the chart gives way. */
    int more = draw_wrapped(top, 2, COLS - 4, line, ROLE_MARKED, 3) - 1;
    more = more < 0 ? 0 : more > 2 ? 2 : more;
    top += more > 0 ? more - 1 : 0; /* a wrapped name takes the blank row under it */
    height -= more > 0 ? more - 1 : 0;
    const char *rule = r->kind == IND_LEVEL
                           ? _("Rule: a least-squares line through the baseline and every value, "
                               "projected to the target year.")
                           : _("Rule: the geometric mean of (1 + growth) over the years entered; "
                               "the remaining years are assumed to grow at that average.");
    char on_track[300];
    snprintf(on_track, sizeof on_track,
             _("On track: the projection reaches the target; at risk: within %.0f %% of it; "
               "off track: further."),
             app->ctx->cfg->tolerance * 100);
    /* The chart gives way to the texts under it, which show whole. */
    int texts = 1 + (r->kind == IND_GROWTH) + draw_wrapped(0, 2, COLS - 4, rule, ROLE_MUTED, 0) +
                draw_wrapped(0, 2, COLS - 4, on_track, ROLE_MUTED, 0);
    int room = height - 5 - texts;
    int rows = room > 10 ? 10 : room < 3 ? 3 : room;
    chart(app, r, &s->fc, top + 2, rows);
    int y = top + rows + 5;
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
    /* The rules wrapped whole, on the rows left above the key bar. */
    int end = top + height;
    y += draw_wrapped(y, 2, COLS - 4, rule, ROLE_MUTED, end - y > 0 ? end - y : 0);
    draw_wrapped(y, 2, COLS - 4, on_track, ROLE_MUTED, end - y > 0 ? end - y : 0);
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
    .actions = indicator_actions,
    .keybar = indicator_keybar,
};
