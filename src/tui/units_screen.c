/* Units: each unit with the tasks it leads, done, overdue, behind schedule and the average
 * percent; Enter lists that unit's tasks. */
#include <stdio.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"

struct units_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    long open_id;
};

LIST_KEEP(keep, struct unit_stats)

static int units_load(struct app *app, void *state, struct td_err *err)
{
    struct flag_rules rules = {app->ctx->today, (int)app->ctx->cfg->behind_tolerance,
                               (int)app->ctx->cfg->due_soon_days};
    return store_unit_stats_each(app->ctx->store, &rules, keep, state, err) < 0 ? -1 : 0;
}

static void units_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                         struct list_row *out)
{
    const struct unit_stats *s = row;
    (void)app, (void)state;
    snprintf(c[2], LIST_CELL, "%ld", s->tasks);
    snprintf(c[3], LIST_CELL, "%ld", s->done);
    snprintf(c[4], LIST_CELL, "%ld", s->overdue);
    snprintf(c[5], LIST_CELL, "%ld", s->behind);
    snprintf(c[6], LIST_CELL, "%.0f", s->avg_percent);
    *out = (struct list_row){s->id,
                             {s->code, s->name, c[2], c[3], c[4], c[5], c[6]},
                             s->overdue > 0  ? ROLE_OVERDUE
                             : s->behind > 0 ? ROLE_AT_RISK
                                             : ROLE_NORMAL};
}

static enum tui_result units_enter(struct app *app, void *state, const void *row)
{
    struct units_state *u = state;
    u->open_id = ((const struct unit_stats *)row)->id;
    return app_open(app, &tasks_screen, &u->open_id);
}

static const struct list_column units_cols[] = {
    {N_("Code"), {8, 5, 0}, false, true},    {N_("Unit"), {0, 14, 1}, false, true},
    {N_("Tasks"), {6, 4, 0}, true, false},   {N_("Done"), {6, 4, 0}, true, false},
    {N_("Overdue"), {8, 4, 0}, true, false}, {N_("Behind"), {7, 4, 0}, true, false},
    {N_("Avg %"), {6, 4, 0}, true, false},
};

static const struct list_spec units_spec = {
    .cols = units_cols,
    .ncols = 7,
    .row_size = sizeof(struct unit_stats),
    .export_name = "units",
    .load = units_load,
    .format = units_format,
    .enter = units_enter,
};

static int units_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return list_base_open(app, state, &units_spec);
}

static const enum action units_actions[] = {LIST_ACTIONS, ACT_NONE};
static const struct keybar_item units_keybar[] = {
    {ACT_OPEN, N_("its tasks")}, {ACT_SEARCH, NULL}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops units_screen = {
    LIST_BASE_OPS,      .title = N_("Units"),     .state_size = sizeof(struct units_state),
    .open = units_open, .actions = units_actions, .keybar = units_keybar,
};
