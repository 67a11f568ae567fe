/* The evaluation matrix: the units down, a column for each criterion of the plan (any number:
 * ← → scroll them), the ratings of a period (core's eval_periods); Enter rates the selected
 * unit. */
#include <stddef.h>
#include <stdio.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/evalgrid.h"
#include "tiendo/i18n.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_tasks.h"

struct matrix_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    struct eval_periods periods;
    int period;
    struct eval_grid grid;
    char head[300];
};

static const struct eval_period *period(const struct matrix_state *m)
{
    return eval_period_at(&m->periods, m->period);
}

/* After the units (list.c's): every rating of the period, one query. */
static int matrix_load(struct app *app, void *state, struct td_err *err)
{
    struct matrix_state *m = state;
    return store_rating_each(app->ctx->store, period(m)->code, eval_grid_rating, &m->grid, err);
}

/* The period, and how many units have a rating on every criterion. */
static const char *matrix_heading(void *state)
{
    struct matrix_state *m = state;
    eval_grid_heading(&m->grid, period(m)->label, m->head, sizeof m->head);
    return m->head;
}

/* The unit's code, its name (searched, not shown), then a column per criterion. */
static const struct list_column matrix_cols[] = {{N_("Unit"), {9, 5, 0}, false, true},
                                                 {N_("Name"), {0, 0, 0}, false, true}};

static enum tui_result matrix_enter(struct app *app, void *state, const void *row)
{
    struct eval_args a = {*period(state), *(const struct unit_choice *)row};
    return app_open(app, &eval_screen, &a);
}

/* f: the period. */
static int matrix_filter(void *state, struct list_step *steps)
{
    struct matrix_state *m = state;
    steps[0] =
        (struct list_step){_("Period"), m->periods.labels, (int)m->periods.list.n, &m->period};
    return 1;
}

static void matrix_close(void *state)
{
    eval_periods_free(&((struct matrix_state *)state)->periods);
}

static const struct list_spec matrix_spec = {
    .row_size = sizeof(struct unit_choice),
    .export_name = "evaluation-matrix",
    .load = matrix_load,
    .enter = matrix_enter,
    .filter = matrix_filter,
    .cols = matrix_cols,
    .ncols = 2,
    .grid = &eval_grid_ops,
    .grid_at = offsetof(struct matrix_state, grid),
    .band_spec = {11, 4, 0},
    .heading = matrix_heading,
    .close = matrix_close,
    .cursor_first = 2,
    .edit_enters = true,
};

static int keep_phase(void *ctx, const struct unit_choice *c)
{
    return eval_periods_add(ctx, c->code, c->name) != 0;
}

static int keep_criterion(void *ctx, const struct criterion_row *c)
{
    return eval_grid_add_criterion(ctx, c->id, c->code) != 0;
}

/* The periods, on the one that holds today's year, and the criteria; then the list. */
static int matrix_open(struct app *app, void *state, void *arg)
{
    struct matrix_state *m = state;
    struct td_err err = {0};
    int y, mo, d;
    (void)arg;
    date_to_ymd(app->ctx->today, &y, &mo, &d);
    eval_periods_init(&m->periods);
    eval_grid_init(&m->grid);
    if (eval_periods_years(&m->periods, app->summary->start_year, app->summary->end_year, y) ||
        store_choice_each(app->ctx->store, CHOICE_PHASE, keep_phase, &m->periods, &err) != 0 ||
        eval_periods_labels(&m->periods) == NULL ||
        store_criterion_each(app->ctx->store, keep_criterion, &m->grid, &err) != 0) {
        app_error(app, &err);
        eval_grid_free(&m->grid), matrix_close(m);
        return -1;
    }
    m->period = m->periods.current;
    return list_base_open(app, state, &matrix_spec);
}

static const enum action matrix_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_EDIT, ACT_NONE};
static const struct keybar_item matrix_keybar[] = {{ACT_OPEN, N_("rate this unit")},
                                                   {ACT_FILTER, N_("period")},
                                                   {ACT_SEARCH, NULL},
                                                   {ACT_BACK, N_("back")},
                                                   {ACT_NONE, NULL}};

static const struct help_note matrix_help[] = {{"← →", N_("the criterion before, after")},
                                               {NULL, NULL}};

static const struct action_need matrix_screen_needs[] = {{ACT_OPEN, NEED_ADMIN},
                                                         {ACT_NONE, NEED_NOTHING}};
const struct screen_ops eval_matrix_screen = {
    LIST_BASE_OPS,
    .needs = matrix_screen_needs,
    .title = N_("Evaluation matrix"),
    .state_size = sizeof(struct matrix_state),
    .open = matrix_open,
    .actions = matrix_actions,
    .keybar = matrix_keybar,
    .help = matrix_help,
};
