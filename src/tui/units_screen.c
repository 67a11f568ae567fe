/* Units: each unit with the tasks it leads, done, overdue, behind schedule and the average
 * percent; Enter lists that unit's tasks. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define UNITS_MAX 512

struct units_state {
    struct app *app;
    struct unit_stats units[UNITS_MAX];
    int n;
    char cells[UNITS_MAX][5][16];
    struct list_column cols[7];
    struct list_widget list;
    long open_id;
};

static long units_count(void *ctx)
{
    return ((struct units_state *)ctx)->n;
}

static int units_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct units_state *u = ctx;
    int got = 0;
    for (long i = first; i < u->n && got < n; i++, got++) {
        const struct unit_stats *s = &u->units[i];
        char(*c)[16] = u->cells[i];
        snprintf(c[0], 16, "%ld", s->tasks);
        snprintf(c[1], 16, "%ld", s->done);
        snprintf(c[2], 16, "%ld", s->overdue);
        snprintf(c[3], 16, "%ld", s->behind);
        snprintf(c[4], 16, "%.0f", s->avg_percent);
        rows[got] = (struct list_row){s->id,
                                      {s->code, s->name, c[0], c[1], c[2], c[3], c[4]},
                                      s->overdue > 0  ? ROLE_OVERDUE
                                      : s->behind > 0 ? ROLE_AT_RISK
                                                      : ROLE_NORMAL};
    }
    return got;
}

static int units_texts(void *ctx, long i, const char *out[2])
{
    const struct units_state *u = ctx;
    out[0] = u->units[i].code;
    out[1] = u->units[i].name;
    return 2;
}

static long units_find(void *ctx, const char *needle, long from, int dir)
{
    return list_find_in(ctx, ((struct units_state *)ctx)->n, needle, from, dir, units_texts);
}

static int load(struct app *app, struct units_state *u)
{
    struct flag_rules rules = {app->ctx->today, (int)app->ctx->cfg->behind_tolerance,
                               (int)app->ctx->cfg->due_soon_days};
    struct td_err err;
    if (store_unit_stats(app->ctx->store, &rules, u->units, UNITS_MAX, &u->n, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    return 0;
}

static int units_open(struct app *app, void *state, void *arg)
{
    struct units_state *u = state;
    (void)arg;
    u->app = app;
    if (load(app, u) != 0)
        return -1;
    const struct list_column cols[7] = {
        {_("Code"), {8, 5, 0}, false, true},    {_("Unit"), {0, 14, 1}, false, true},
        {_("Tasks"), {6, 4, 0}, true, false},   {_("Done"), {6, 4, 0}, true, false},
        {_("Overdue"), {8, 4, 0}, true, false}, {_("Behind"), {7, 4, 0}, true, false},
        {_("Avg %"), {6, 4, 0}, true, false},
    };
    memcpy(u->cols, cols, sizeof cols);
    list_init(&u->list, u->cols, 7, (struct list_source){u, units_count, units_fetch, units_find});
    return 0;
}

static void units_close(struct app *app, void *state)
{
    (void)app;
    list_free(&((struct units_state *)state)->list);
}

static void units_draw(struct app *app, void *state, int top, int height)
{
    list_draw(&((struct units_state *)state)->list, app, top, height);
}

static bool units_wants_text(void *state)
{
    return ((struct units_state *)state)->list.searching;
}

static enum tui_result units_handle(struct app *app, void *state, enum action act, int key)
{
    struct units_state *u = state;
    switch (list_handle(&u->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN:
        u->open_id = list_selected_id(&u->list);
        return app_open(app, &tasks_screen, &u->open_id);
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EXPORT)
        return list_export(&u->list, app, "units");
    return act == ACT_BACK ? TUI_BACK : TUI_HANDLED;
}

static enum tui_result units_resume(struct app *app, void *state, int result)
{
    struct units_state *u = state;
    (void)result;
    load(app, u); /* progress may have been entered meanwhile */
    list_reload(&u->list);
    return TUI_REDRAW;
}

static const enum action units_actions[] = {
    ACT_UP,     ACT_DOWN,        ACT_PAGE_UP,     ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_OPEN,
    ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_EXPORT,    ACT_BACK, ACT_NONE};
static const struct keybar_item units_keybar[] = {
    {ACT_OPEN, N_("its tasks")}, {ACT_SEARCH, NULL}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops units_screen = {
    .title = N_("Units"),
    .state_size = sizeof(struct units_state),
    .open = units_open,
    .draw = units_draw,
    .handle = units_handle,
    .close = units_close,
    .resume = units_resume,
    .actions = units_actions,
    .keybar = units_keybar,
    .wants_text = units_wants_text,
};
