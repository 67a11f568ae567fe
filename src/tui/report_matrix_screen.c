/* The submission matrix: units down, report instances across (← → and Home End move between
 * them), a symbol and a colour per status, and per row and column the reporting rate and the
 * on-time rate (as DHIS2 shows reporting rates; the model is core's sub_grid). Enter records or
 * corrects the selected unit's submission of the selected report. */
#include <curses.h>
#include <stddef.h>
#include <stdio.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"
#include "tiendo/subgrid.h"

#define FIRST 2 /* the columns before the reports: the unit's code, its name (searched) */

struct mx_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    struct sub_grid grid;  /* the reports (a column each, by due date), units and cells */
};

/* After the units (list.c's): the submissions, one query. */
static int mx_load(struct app *app, void *state, struct td_err *err)
{
    struct mx_state *m = state;
    return store_submission_grid(app->ctx->store, sub_grid_submission, &m->grid, err);
}

/* The unit's code, its name (searched, not shown), a column per report, the unit's rates;
 * under the units each report's rates, and in the corner the whole's. */
static const struct list_column mx_cols[] = {{N_("Unit"), {8, 5, 0}, false, true},
                                             {N_("Name"), {0, 0, 0}, false, true},
                                             {N_("Rate"), {8, 5, 0}, true, false},
                                             {N_("On time"), {8, 5, 0}, true, false}};
static const char *const mx_foot[] = {N_("Rate"), N_("On time")};

#define AT(m) ((size_t)((m)->base.list.col - FIRST)) /* the selected report's position */

/* Above: the selected report, and the selected unit's status in it; below: the legend. */
static void mx_draw(struct app *app, void *state, int *top, int *height)
{
    struct mx_state *m = state;
    const struct unit_choice *unit = list_base_selected(&m->base);
    char line[600];
    (void)app;
    if (unit == NULL || sub_grid_report(&m->grid, AT(m)) == NULL) {
        draw_text(*top, 2, COLS - 4, _("No reports or no units yet."), ROLE_MUTED);
    } else {
        char cell[600];
        size_t u = (size_t)list_base_index(&m->base, unit);
        enum role role =
            sub_grid_lines(&m->grid, u, AT(m), unit->code, unit->name, line, cell, sizeof line);
        draw_text(*top, 2, COLS - 4, line, ROLE_MARKED);
        draw_text(*top + 1, 2, COLS - 4, cell, role);
    }
    sub_legend(line, sizeof line);
    draw_text(*top + *height - 1, 2, COLS - 4, line, ROLE_MUTED);
    *top += 2;
    *height -= 3;
}

/* The form refuses another unit's, a locked period, a unit that does not have to submit. */
static enum tui_result mx_enter(struct app *app, void *state, const void *row)
{
    struct mx_state *m = state;
    const struct sub_report *rep = sub_grid_report(&m->grid, AT(m));
    if (rep == NULL)
        return TUI_HANDLED;
    struct submission_args a = {rep->id, rep->title, ((const struct unit_choice *)row)->id};
    return app_open(app, &submission_screen, &a);
}

static const struct list_spec mx_spec = {
    .row_size = sizeof(struct unit_choice),
    .export_name = "matrix",
    .load = mx_load,
    .enter = mx_enter,
    .back_too = ACT_MATRIX, /* m, as it opened */
    .tells_changes = true,  /* the schedule's counts */
    .cols = mx_cols,
    .ncols = 4,
    .grid = &sub_grid_ops,
    .grid_at = offsetof(struct mx_state, grid),
    .band_spec = {7, 7, 0},
    .nfoot = 2,
    .foot = mx_foot,
    .draw = mx_draw,
    .cursor_home = true,
    .cursor_first = FIRST,
    .cursor_after = 2,
    .edit_enters = true,
};

static int keep_report(void *ctx, const struct report_row *r)
{
    return sub_grid_add_report(ctx, r->id, r->rule, r->period, r->due, r->title) != 0;
}

/* The reports (fixed while it is open), then the list; on the last report past due. */
static int mx_open(struct app *app, void *state, void *arg)
{
    struct mx_state *m = state;
    struct td_err err = {0};
    (void)arg;
    sub_grid_init(&m->grid, app->ctx->today, (int)app->ctx->cfg->report_due_soon_days,
                  app->ctx->cfg->date_format);
    if (store_report_by_due_each(app->ctx->store, keep_report, &m->grid, &err) != 0) {
        app_error(app, &err);
        sub_grid_free(&m->grid);
        return -1;
    }
    if (list_base_open(app, state, &mx_spec) != 0)
        return -1;
    m->base.list.col = FIRST + (int)sub_grid_last_past(&m->grid);
    return 0;
}

static const enum action mx_actions[] = {LIST_ACTIONS, ACT_EDIT, ACT_MATRIX, ACT_NONE};
static const struct keybar_item mx_keybar[] = {{ACT_OPEN, N_("record")},
                                               {ACT_HOME, N_("first report")},
                                               {ACT_END, N_("last report")},
                                               {ACT_BACK, N_("back")},
                                               {ACT_NONE, NULL}};

static const struct help_note mx_help[] = {
    {"← →", N_("the report before, after")},
    {N_("Home End keys"), N_("the first, the last report (g and G: the first, the last unit)")},
    {NULL, NULL}};

static const struct action_need report_matrix_screen_needs[] = {
    {ACT_OPEN, NEED_EDITOR}, {ACT_EDIT, NEED_EDITOR}, {ACT_NONE, NEED_NOTHING}};
const struct screen_ops report_matrix_screen = {
    LIST_BASE_OPS,
    .needs = report_matrix_screen_needs,
    .title = N_("Submission matrix"),
    .state_size = sizeof(struct mx_state),
    .open = mx_open,
    .actions = mx_actions,
    .keybar = mx_keybar,
    .help = mx_help,
};
