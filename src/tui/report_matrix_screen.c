/* The submission matrix: units down, report instances across (← → and Home End move between
 * them), a symbol and a colour per status, and per row and column the reporting rate and the
 * on-time rate (as DHIS2 shows reporting rates). Enter records or corrects the selected unit's
 * submission of the selected report. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/schedule.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"
#include "tiendo/text.h"

#define NOT_EXPECTED 255
#define CELL_W       8 /* a report column and its gap */
#define FIRST        2 /* the columns before the reports: the unit's code, its name (searched) */

struct mx_state {
    struct list_base base;      /* first: the list_base_* functions take the state as one */
    struct report_row *reports; /* by due date, a column each */
    int nr;
    unsigned char *cell; /* units × reports: a submission_status, or NOT_EXPECTED */
    char (*submitted)[11];
    struct list_column *cols;
    char (*heads)[32];
    int last_col; /* the last report due before today: where the matrix opens */
    struct submission_args edit;
};

static int by_due(const void *a, const void *b)
{
    const struct report_row *x = a, *y = b;
    int c = strcmp(x->due, y->due);
    return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

struct grid_ctx {
    struct mx_state *m;
    struct app *app;
    int r; /* the report the last cell was in: the grid comes in the same order */
};

static int on_cell(void *ctx, long report_id, long unit_id, const char *submitted_on)
{
    struct grid_ctx *g = ctx;
    struct mx_state *m = g->m;
    for (int k = 0; k < m->nr && m->reports[g->r].id != report_id; k++)
        g->r = (g->r + 1) % m->nr;
    if (m->reports[g->r].id != report_id)
        return 0;
    for (long u = 0; u < (long)m->base.rows.n; u++)
        if (((const struct unit_choice *)list_base_row(&m->base, u))->id == unit_id) {
            size_t i = (size_t)u * (size_t)m->nr + (size_t)g->r;
            enum submission_status st =
                schedule_status_iso(m->reports[g->r].due, submitted_on, g->app->ctx->today,
                                    (int)g->app->ctx->cfg->report_due_soon_days);
            m->cell[i] = (unsigned char)st;
            snprintf(m->submitted[i], sizeof m->submitted[i], "%s", submitted_on);
            break;
        }
    return 0;
}

static void grid_free(struct mx_state *m)
{
    free(m->cell), free(m->submitted);
    m->cell = NULL, m->submitted = NULL;
}

LIST_KEEP(keep_unit, struct unit_choice)

/* The units, then each one's submissions and the rates. */
static int mx_load(struct app *app, void *state, struct td_err *err)
{
    struct mx_state *m = state;
    grid_free(m);
    if (store_unit_each(app->ctx->store, keep_unit, m, err) != 0)
        return -1;
    size_t nu = m->base.rows.n, ncells = nu * (size_t)m->nr + 1;
    m->cell = malloc(ncells);
    m->submitted = calloc(ncells, sizeof *m->submitted);
    if (m->cell == NULL || m->submitted == NULL)
        return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    memset(m->cell, NOT_EXPECTED, ncells);
    struct grid_ctx g = {m, app, 0};
    return m->nr > 0 ? store_submission_grid(app->ctx->store, on_cell, &g, err) : 0;
}

/* The reporting rate (or the on-time rate) of unit u over the reports, or of report r over the
 * units (u < 0): "20%", or "–" when none is expected. */
static const char *rate(const struct mx_state *m, long u, int r, bool on_time, char *buf)
{
    struct report_rate rr = {0};
    for (long i = u < 0 ? 0 : u; i < (u < 0 ? (long)m->base.rows.n : u + 1); i++)
        for (int k = r < 0 ? 0 : r; k < (r < 0 ? m->nr : r + 1); k++) {
            int st = m->cell[(size_t)i * (size_t)m->nr + (size_t)k];
            if (st != NOT_EXPECTED)
                schedule_rate_add(&rr, (enum submission_status)st);
        }
    int p = schedule_rate_percent(on_time ? rr.on_time : rr.submitted, rr.expected);
    if (p < 0)
        return "–";
    snprintf(buf, LIST_CELL, "%d%%", p);
    return buf;
}

static enum role status_role(int st)
{
    return st == SUB_ON_TIME                      ? ROLE_DONE
           : st == SUB_LATE || st == SUB_DUE_SOON ? ROLE_AT_RISK
           : st == SUB_OVERDUE                    ? ROLE_OVERDUE
                                                  : ROLE_MUTED;
}

/* A report's column heading: its period (2021-2025 as "21–25"); an ad-hoc report's due date
 * (its period would look like the annual report's); else the rule's code. */
static const char *heading(const struct app *app, const struct report_row *r, char *buf,
                           size_t size)
{
    if (strcmp(r->rule, "adhoc") == 0) {
        app_show_date(app, r->due, buf, size);
        return buf;
    }
    if (strlen(r->period) < CELL_W)
        return r->period;
    int a, b;
    if (sscanf(r->period, "%4d-%4d", &a, &b) == 2) { /* 2021-2025: "21–25" */
        snprintf(buf, size, "%02d–%02d", a % 100, b % 100);
        return buf;
    }
    return r->rule;
}

/* The unit, its name (searched, not shown), a column per report, the two rates. */
static const struct list_column *mx_columns(struct app *app, void *state, int *n)
{
    struct mx_state *m = state;
    *n = m->nr + FIRST + 2;
    m->cols = calloc((size_t)*n, sizeof *m->cols);
    m->heads = calloc((size_t)m->nr + 1, sizeof *m->heads);
    if (m->cols == NULL || m->heads == NULL) {
        *n = 0;
        return m->cols;
    }
    m->cols[0] = (struct list_column){_("Unit"), {8, 5, 0}, false, true};
    m->cols[1] = (struct list_column){_("Name"), {0, 0, 0}, false, true};
    for (int r = 0; r < m->nr; r++)
        m->cols[FIRST + r] = (struct list_column){
            heading(app, &m->reports[r], m->heads[r], sizeof m->heads[r]), {7, 7, 0}, false, false};
    m->cols[*n - 2] = (struct list_column){_("Rate"), {8, 5, 0}, true, false};
    m->cols[*n - 1] = (struct list_column){_("On time"), {8, 5, 0}, true, false};
    return m->cols;
}

/* On the screen a symbol, in the export its words; then the unit's two rates. */
static const char *mx_cell(struct app *app, void *state, long u, int col, char *buf,
                           enum role *role)
{
    struct mx_state *m = state;
    const struct unit_choice *unit = list_base_row(&m->base, u);
    int r = col - FIRST;
    (void)app;
    if (col < FIRST)
        return col == 0 ? unit->code : unit->name;
    if (r < m->nr) {
        int st = m->cell[(size_t)u * (size_t)m->nr + (size_t)r];
        *role = status_role(st);
        return st == NOT_EXPECTED       ? ""
               : m->base.list.exporting ? submission_status_label(st)
                                        : submission_status_symbol(st);
    }
    return rate(m, u, -1, r > m->nr, buf);
}

/* Under the units: each report's two rates. */
static const char *mx_foot(struct app *app, void *state, int i, int col, char *buf)
{
    struct mx_state *m = state;
    int r = col - FIRST;
    (void)app;
    if (col == 0)
        return i == 0 ? _("Rate") : _("On time");
    return r >= 0 && r < m->nr ? rate(m, -1, r, i == 1, buf) : NULL;
}

/* The selected report (NULL when there is none) and unit. */
static const struct report_row *selected(struct mx_state *m, const struct unit_choice **unit,
                                         size_t *at)
{
    *unit = list_base_selected(&m->base);
    int r = m->base.list.col - FIRST;
    if (*unit == NULL || r < 0 || r >= m->nr)
        return NULL;
    *at = (size_t)list_base_index(&m->base, *unit) * (size_t)m->nr + (size_t)r;
    return &m->reports[r];
}

/* Above: the selected report, and the selected unit's status in it; below: the legend. */
static void mx_draw(struct app *app, void *state, int *top, int *height)
{
    static const enum submission_status legend[] = {SUB_ON_TIME, SUB_LATE, SUB_OVERDUE,
                                                    SUB_DUE_SOON, SUB_NOT_DUE};
    struct mx_state *m = state;
    const struct unit_choice *unit;
    size_t at;
    const struct report_row *rep = selected(m, &unit, &at);
    char line[600] = "";
    if (rep == NULL) {
        draw_text(*top, 2, COLS - 4, _("No reports or no units yet."), ROLE_MUTED);
    } else {
        char d[32];
        app_show_date(app, rep->due, d, sizeof d);
        snprintf(line, sizeof line, _("%s · due %s"), rep->title, d);
        draw_text(*top, 2, COLS - 4, line, ROLE_MARKED);
        app_show_date(app, m->submitted[at], d, sizeof d);
        if (m->cell[at] == NOT_EXPECTED)
            snprintf(line, sizeof line, _("%s  %s: does not have to submit this report"),
                     unit->code, unit->name);
        else
            snprintf(line, sizeof line, "%s  %s: %s %s", unit->code, unit->name,
                     submission_status_label((enum submission_status)m->cell[at]), d);
        draw_text(*top + 1, 2, COLS - 4, line, status_role(m->cell[at]));
        line[0] = '\0';
    }
    for (size_t i = 0, len = 0; i < sizeof legend / sizeof *legend; i++, len = strlen(line))
        snprintf(line + len, sizeof line - len, "%s%s %s", i > 0 ? "  " : "",
                 submission_status_symbol(legend[i]), submission_status_label(legend[i]));
    draw_text(*top + *height - 1, 2, COLS - 4, line, ROLE_MUTED);
    *top += 2;
    *height -= 3;
}

static enum tui_result mx_enter(struct app *app, void *state, const void *row)
{
    struct mx_state *m = state;
    const struct unit_choice *unit;
    size_t at;
    const struct report_row *rep = selected(m, &unit, &at);
    (void)row;
    if (rep == NULL)
        return TUI_HANDLED;
    if (m->cell[at] == NOT_EXPECTED) {
        app_message(app, true, _("%s does not have to submit this report"), unit->code);
        return TUI_REDRAW;
    }
    if (!store_may_unit(app->ctx->store, unit->id)) {
        app_refuse_unit(app, unit->code);
        return TUI_REDRAW;
    }
    m->edit = (struct submission_args){rep->id, rep->title, {0}};
    struct td_err err;
    if (store_submission_get(app->ctx->store, rep->id, unit->id, &m->edit.row, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return TUI_REDRAW;
    }
    return app_open(app, &submission_screen, &m->edit);
}

static enum tui_result mx_action(struct app *app, void *state, enum action act, const void *row)
{
    if (act == ACT_EDIT)
        return mx_enter(app, state, row);
    return act == ACT_MATRIX ? TUI_BACK : TUI_HANDLED;
}

static void mx_close(void *state)
{
    struct mx_state *m = state;
    grid_free(m);
    free(m->reports), free(m->cols), free(m->heads);
}

static const struct list_spec mx_spec = {
    .row_size = sizeof(struct unit_choice),
    .export_name = "matrix",
    .load = mx_load,
    .cell = mx_cell,
    .enter = mx_enter,
    .action = mx_action,
    .tells_changes = true, /* the schedule's counts */
    .columns = mx_columns,
    .close = mx_close,
    .nfoot = 2,
    .foot = mx_foot,
    .draw = mx_draw,
    .cursor_home = true,
    .cursor_first = FIRST,
    .cursor_after = 2,
};

VEC_KEEP(keep_report, struct report_row)

static int mx_open(struct app *app, void *state, void *arg)
{
    struct mx_state *m = state;
    struct td_err err = {0};
    char today[11];
    (void)arg;
    date_format_iso(app->ctx->today, today);
    struct vec reports;
    vec_init(&reports, sizeof *m->reports);
    int rc = store_report_list_each(app->ctx->store, today, keep_report, &reports, &err);
    m->reports = (struct report_row *)reports.data, m->nr = (int)reports.n;
    if (rc != 0) {
        app_message(app, true, "%s", err.msg[0] != '\0' ? err.msg : _("out of memory"));
        free(m->reports);
        return -1;
    }
    qsort(m->reports, (size_t)m->nr, sizeof *m->reports, by_due);
    for (int r = 0; r < m->nr; r++)
        if (strcmp(m->reports[r].due, today) < 0)
            m->last_col = r;
    if (list_base_open(app, state, &mx_spec) != 0) {
        mx_close(m);
        return -1;
    }
    m->base.list.col = FIRST + m->last_col;
    return 0;
}

static const enum action mx_actions[] = {LIST_ACTIONS, ACT_EDIT, ACT_MATRIX, ACT_NONE};
static const struct keybar_item mx_keybar[] = {{ACT_OPEN, N_("record")},
                                               {ACT_HOME, N_("first report")},
                                               {ACT_END, N_("last report")},
                                               {ACT_BACK, N_("back")},
                                               {ACT_NONE, NULL}};

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
};
