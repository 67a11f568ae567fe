/* Targets: each indicator with its latest value, target, projection and verdict; Enter shows
 * its trend against the target, e opens the grid of yearly values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_targets.h"
#include "tiendo/text.h"
#include "tiendo/vec.h"

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
    return v == VERDICT_ON_TRACK    ? ROLE_ON_TRACK
           : v == VERDICT_AT_RISK   ? ROLE_AT_RISK
           : v == VERDICT_OFF_TRACK ? ROLE_OVERDUE
                                    : ROLE_MUTED;
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

LIST_KEEP(keep, struct indicator_row)

static int targets_load(struct app *app, void *state, struct td_err *err)
{
    struct list_base *b = state;
    if (store_indicator_each(app->ctx->store, keep, state, err) < 0)
        return -1;
    /* Without a short_name, what tells names alike apart (their shared words as initials). */
    int n = (int)b->rows.n;
    const char **names = malloc(((size_t)n + 1) * sizeof *names);
    if (names == NULL)
        return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    for (int i = 0; i < n; i++)
        names[i] = ((const struct indicator_row *)vec_at(&b->rows, (size_t)i))->name;
    for (int i = 0; i < n; i++) {
        struct indicator_row *r = vec_at(&b->rows, (size_t)i);
        if (r->short_name[0] == '\0') {
            char told[sizeof r->short_name];
            text_tell_apart(names, n, i, told, sizeof told);
            memcpy(r->short_name, told, sizeof told);
        }
    }
    free(names);
    return 0;
}

static void targets_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                           struct list_row *out)
{
    const struct indicator_row *r = row;
    struct forecast_result fc;
    char num[32];
    (void)state;
    targets_forecast(app, r, &fc);
    if (r->nvalues > 0)
        snprintf(c[2], LIST_CELL, "%s (%d)",
                 app_number(app, r->values[r->nvalues - 1].value, 1, num, sizeof num),
                 r->values[r->nvalues - 1].year);
    if (r->ntargets > 0) {
        char range[40];
        targets_range(app, r->targets[r->ntargets - 1].low, r->targets[r->ntargets - 1].high, range,
                      sizeof range);
        snprintf(c[3], LIST_CELL, "%s (%d)", range, r->targets[r->ntargets - 1].year);
    }
    if (fc.verdict != VERDICT_NOT_ENOUGH)
        snprintf(c[4], LIST_CELL, "%s", app_number(app, fc.projection, 1, num, sizeof num));
    *out = (struct list_row){r->id,
                             {r->code, r->short_name[0] != '\0' ? r->short_name : r->name, c[2],
                              c[3], c[4], verdict_label(fc.verdict)},
                             targets_verdict_role(fc.verdict)};
}

static enum tui_result targets_enter(struct app *app, void *state, const void *row)
{
    (void)state;
    return app_open(app, &indicator_screen, (void *)row);
}

static enum tui_result targets_action(struct app *app, void *state, enum action act,
                                      const void *row)
{
    (void)state, (void)row;
    return act == ACT_EDIT ? app_open(app, &grid_screen, NULL) : TUI_HANDLED;
}

static const struct list_column targets_cols[] = {
    {N_("Code"), {9, 6, 0}, false, true},        {N_("Indicator"), {0, 12, 1}, false, true},
    {N_("Latest"), {12, 6, 0}, true, false},     {N_("Target"), {16, 8, 0}, true, false},
    {N_("Projection"), {10, 6, 0}, true, false}, {N_("Verdict"), {11, 8, 0}, false, false},
};

static const struct list_spec targets_spec = {
    .cols = targets_cols,
    .ncols = 6,
    .row_size = sizeof(struct indicator_row),
    .export_name = "targets",
    .load = targets_load,
    .format = targets_format,
    .enter = targets_enter,
    .action = targets_action,
};

static int targets_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return list_base_open(app, state, &targets_spec);
}

static const enum action targets_actions[] = {LIST_ACTIONS, ACT_EDIT, ACT_NONE};
static const struct keybar_item targets_keybar[] = {{ACT_OPEN, N_("trend")},
                                                    {ACT_EDIT, N_("enter values")},
                                                    {ACT_SEARCH, NULL},
                                                    {ACT_BACK, N_("back")},
                                                    {ACT_NONE, NULL}};

static const struct action_need targets_screen_needs[] = {{ACT_EDIT, NEED_EDITOR},
                                                          {ACT_NONE, NEED_NOTHING}};
const struct screen_ops targets_screen = {
    LIST_BASE_OPS,
    .needs = targets_screen_needs,
    .title = N_("Targets"),
    .state_size = sizeof(struct list_base),
    .open = targets_open,
    .actions = targets_actions,
    .keybar = targets_keybar,
};
