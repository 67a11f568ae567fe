/* The evaluation matrix: the units down, a column for each criterion of the plan (any number:
 * ← → scroll them), the ratings of a period (core's eval_periods); Enter rates the selected
 * unit. */
#include <stdio.h>
#include <stdlib.h>

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

/* The units, then every rating of the period (one query). */
static int matrix_load(struct app *app, void *state, struct td_err *err)
{
    struct matrix_state *m = state;
    eval_grid_clear_units(&m->grid);
    if (list_keep_units(&m->base, eval_grid_add_unit, &m->grid, err) != 0)
        return -1;
    if (eval_grid_ready(&m->grid) != 0)
        return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    return store_rating_each(app->ctx->store, period(m)->code, eval_grid_rating, &m->grid, err);
}

/* The period, and how many units have a rating on every criterion. */
static const char *matrix_heading(void *state)
{
    struct matrix_state *m = state;
    eval_grid_heading(&m->grid, period(m)->label, m->head, sizeof m->head);
    return m->head;
}

/* The unit, then a column per criterion. */
static const struct list_column matrix_cols[] = {{N_("Unit"), {9, 5, 0}, false, true}};

static int matrix_band_count(void *state)
{
    return (int)id_index_count(&((struct matrix_state *)state)->grid.criteria);
}

static const char *matrix_band_title(void *state, int k)
{
    return eval_grid_code(&((struct matrix_state *)state)->grid, (size_t)k);
}

static const char *matrix_cell(struct app *app, void *state, long i, int col, char *buf,
                               enum role *role)
{
    struct matrix_state *m = state;
    (void)app, (void)buf, (void)role;
    if (col == 0)
        return ((const struct unit_choice *)list_base_row(&m->base, i))->code;
    return eval_grid_text(&m->grid, (size_t)i, (size_t)col - 1);
}

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
    struct matrix_state *m = state;
    eval_grid_free(&m->grid), eval_periods_free(&m->periods);
}

static const struct list_spec matrix_spec = {
    .row_size = sizeof(struct unit_choice),
    .export_name = "evaluation-matrix",
    .load = matrix_load,
    .cell = matrix_cell,
    .enter = matrix_enter,
    .filter = matrix_filter,
    .cols = matrix_cols,
    .ncols = 1,
    .band_count = matrix_band_count,
    .band_title = matrix_band_title,
    .band_spec = {11, 4, 0},
    .heading = matrix_heading,
    .close = matrix_close,
    .cursor_first = 1,
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
        matrix_close(m);
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
};
