/* Targets: each indicator with its latest value, target, projection and verdict; Enter shows
 * its trend against the target, e opens the grid of yearly values. */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_targets.h"
#include "tiendo/text.h"

#define IND_MAX 64

struct targets_state {
    struct app *app;
    struct indicator_row *ind; /* IND_MAX of them */
    int n;
    struct forecast_result fc[IND_MAX];
    char cells[IND_MAX][4][48];
    struct list_column cols[6];
    struct list_widget list;
    long open_id;
};

/* The forecast of an indicator for its last target (the end of the plan). */
void targets_forecast(const struct app *app, const struct indicator_row *r,
                      struct forecast_result *out)
{
    int y, m, d; /* years before this one are past: "needed from now on" is from it on */
    date_to_ymd(app->ctx->today, &y, &m, &d);
    indicator_forecast_at(r, (int)app->summary->start_year, app->ctx->cfg->tolerance, y, out);
}

enum role targets_verdict_role(int v)
{
    switch (v) {
    case VERDICT_ON_TRACK:
        return ROLE_ON_TRACK;
    case VERDICT_AT_RISK:
        return ROLE_AT_RISK;
    case VERDICT_OFF_TRACK:
        return ROLE_OVERDUE;
    default:
        return ROLE_MUTED;
    }
}

void targets_range(const struct app *app, double low, double high, char *buf, size_t size)
{
    char a[32];
    app_number(app, low, 1, a, sizeof a);
    if (low == high) {
        snprintf(buf, size, "%s", a);
    } else {
        char b[32];
        snprintf(buf, size, "%s–%s", a, app_number(app, high, 1, b, sizeof b));
    }
}

static int load(struct app *app, struct targets_state *t)
{
    struct td_err err;
    if (store_indicator_list(app->ctx->store, t->ind, IND_MAX, &t->n, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    const char *names[IND_MAX]; /* without a short_name, what tells names alike apart */
    for (int i = 0; i < t->n; i++)
        names[i] = t->ind[i].name;
    for (int i = 0; i < t->n; i++)
        if (t->ind[i].short_name[0] == '\0')
            text_tell_apart(names, t->n, i, t->ind[i].short_name, sizeof t->ind[i].short_name);
    for (int i = 0; i < t->n; i++) {
        const struct indicator_row *r = &t->ind[i];
        targets_forecast(app, r, &t->fc[i]);
        char(*c)[48] = t->cells[i];
        c[0][0] = c[1][0] = c[2][0] = '\0';
        char num[32];
        if (r->nvalues > 0)
            snprintf(c[0], 48, "%s (%d)",
                     app_number(app, r->values[r->nvalues - 1].value, 1, num, sizeof num),
                     r->values[r->nvalues - 1].year);
        if (r->ntargets > 0) {
            char range[40];
            targets_range(app, r->targets[r->ntargets - 1].low, r->targets[r->ntargets - 1].high,
                          range, sizeof range);
            snprintf(c[1], 48, "%s (%d)", range, r->targets[r->ntargets - 1].year);
        }
        if (t->fc[i].verdict != VERDICT_NOT_ENOUGH)
            snprintf(c[2], 48, "%s", app_number(app, t->fc[i].projection, 1, num, sizeof num));
        snprintf(c[3], 48, "%s", verdict_label(t->fc[i].verdict));
    }
    return 0;
}

static long t_count(void *ctx)
{
    return ((struct targets_state *)ctx)->n;
}

static int t_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct targets_state *t = ctx;
    int got = 0;
    for (long i = first; i < t->n && got < n; i++, got++) {
        char(*c)[48] = t->cells[i];
        rows[got] = (struct list_row){
            t->ind[i].id,
            {t->ind[i].code,
             /* the plan's short name tells long names apart */
             t->ind[i].short_name[0] != '\0' ? t->ind[i].short_name : t->ind[i].name, c[0], c[1],
             c[2], c[3]},
            targets_verdict_role(t->fc[i].verdict)};
    }
    return got;
}

static int t_texts(void *ctx, long i, const char *out[2])
{
    const struct targets_state *t = ctx;
    out[0] = t->ind[i].code;
    out[1] = t->ind[i].name;
    return 2;
}

static long t_find(void *ctx, const char *needle, long from, int dir)
{
    return list_find_in(ctx, ((struct targets_state *)ctx)->n, needle, from, dir, t_texts);
}

static int targets_open(struct app *app, void *state, void *arg)
{
    struct targets_state *t = state;
    (void)arg;
    t->app = app;
    t->ind = calloc(IND_MAX, sizeof *t->ind);
    if (t->ind == NULL || load(app, t) != 0) {
        free(t->ind);
        return -1;
    }
    const struct list_column cols[6] = {
        {_("Code"), {9, 6, 0}, false, true},        {_("Indicator"), {0, 12, 1}, false, true},
        {_("Latest"), {12, 6, 0}, true, false},     {_("Target"), {16, 8, 0}, true, false},
        {_("Projection"), {10, 6, 0}, true, false}, {_("Verdict"), {11, 8, 0}, false, false},
    };
    memcpy(t->cols, cols, sizeof cols);
    list_init(&t->list, t->cols, 6, (struct list_source){t, t_count, t_fetch, t_find});
    return 0;
}

static void targets_close(struct app *app, void *state)
{
    struct targets_state *t = state;
    (void)app;
    list_free(&t->list);
    free(t->ind);
}

static void targets_draw(struct app *app, void *state, int top, int height)
{
    list_draw(&((struct targets_state *)state)->list, app, top, height);
}

static bool targets_wants_text(void *state)
{
    return ((struct targets_state *)state)->list.searching;
}

static enum tui_result targets_handle(struct app *app, void *state, enum action act, int key)
{
    struct targets_state *t = state;
    switch (list_handle(&t->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN:
        t->open_id = list_selected_id(&t->list);
        return app_open(app, &indicator_screen, &t->open_id);
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EXPORT)
        return list_export(&t->list, app, "targets");
    if (act == ACT_EDIT)
        return app_open(app, &grid_screen, NULL);
    return act == ACT_BACK ? TUI_BACK : TUI_HANDLED;
}

static enum tui_result targets_resume(struct app *app, void *state, int result)
{
    struct targets_state *t = state;
    (void)result;
    load(app, t);
    list_reload(&t->list);
    return TUI_REDRAW;
}

static const enum action targets_actions[] = {
    ACT_UP,     ACT_DOWN,        ACT_PAGE_UP,     ACT_PAGE_DOWN, ACT_HOME,   ACT_END,  ACT_OPEN,
    ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_EDIT,      ACT_EXPORT, ACT_BACK, ACT_NONE};
static const struct keybar_item targets_keybar[] = {{ACT_OPEN, N_("trend")},
                                                    {ACT_EDIT, N_("enter values")},
                                                    {ACT_SEARCH, NULL},
                                                    {ACT_BACK, N_("back")},
                                                    {ACT_NONE, NULL}};

static const struct action_need targets_screen_needs[] = {{ACT_EDIT, NEED_EDITOR},
                                                          {ACT_NONE, NEED_NOTHING}};
const struct screen_ops targets_screen = {
    .needs = targets_screen_needs,
    .title = N_("Targets"),
    .state_size = sizeof(struct targets_state),
    .open = targets_open,
    .draw = targets_draw,
    .handle = targets_handle,
    .close = targets_close,
    .resume = targets_resume,
    .actions = targets_actions,
    .keybar = targets_keybar,
    .wants_text = targets_wants_text,
};
