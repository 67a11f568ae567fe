/* One report instance of the schedule: the units expected to submit it, with their status;
 * Enter or e records or corrects a unit's submission (schedule_forms.c). */
#include <stdio.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/schedule.h"
#include "tiendo/store_reports.h"

struct inst_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    struct report_row report;
};

LIST_KEEP(keep_sub, struct submission_row)

static int inst_load(struct app *app, void *state, struct td_err *err)
{
    struct inst_state *s = state;
    return store_submission_list_each(app->ctx->store, s->report.id, keep_sub, s, err) < 0 ? -1 : 0;
}

static enum submission_status inst_status(const struct app *app, const struct inst_state *s,
                                          const struct submission_row *r)
{
    return schedule_status_iso(s->report.due, r->submitted_on, app->ctx->today,
                               (int)app->ctx->cfg->report_due_soon_days);
}

static void inst_loaded(struct app *app, void *state)
{
    struct inst_state *s = state;
    int in = 0, n = (int)s->base.rows.n;
    for (int i = 0; i < n; i++) {
        enum submission_status st = inst_status(app, s, list_base_row(&s->base, i));
        in += st == SUB_ON_TIME || st == SUB_LATE;
    }
    char d[32];
    app_show_date(app, s->report.due, d, sizeof d);
    snprintf(s->base.footer, sizeof s->base.footer, _("due %s · %d of %d units submitted"), d, in,
             n);
    s->base.list.footer_extra = s->base.footer;
}

static void inst_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                        struct list_row *out)
{
    const struct submission_row *r = row;
    enum submission_status st = inst_status(app, state, r);
    app_show_date(app, r->submitted_on, c[3], LIST_CELL);
    *out = (struct list_row){r->unit_id,
                             {r->code, r->name, submission_status_label(st), c[3], r->doc_number},
                             st == SUB_OVERDUE    ? ROLE_OVERDUE
                             : st == SUB_DUE_SOON ? ROLE_AT_RISK
                             : st == SUB_LATE     ? ROLE_AT_RISK
                             : st == SUB_ON_TIME  ? ROLE_DONE
                                                  : ROLE_NORMAL};
}

/* Enter or e: the unit's submission (the form refuses another unit's, a locked period). */
static enum tui_result inst_enter(struct app *app, void *state, const void *row)
{
    const struct inst_state *s = state;
    struct submission_args edit = {s->report.id, s->report.title,
                                   ((const struct submission_row *)row)->unit_id};
    return app_open(app, &submission_screen, &edit);
}

static const char *inst_heading(void *state)
{
    return ((struct inst_state *)state)->report.title;
}

static const struct list_column inst_cols[] = {
    {N_("Unit"), {8, 4, 0}, false, true},       {N_("Name"), {0, 10, 1}, false, true},
    {N_("Status"), {18, 10, 0}, false, false},  {N_("Submitted"), {10, 10, 0}, false, false},
    {N_("Document"), {14, 6, 0}, false, false},
};

static const struct list_spec inst_spec = {
    .cols = inst_cols,
    .ncols = 5,
    .row_size = sizeof(struct submission_row),
    .export_name = "submissions",
    .load = inst_load,
    .loaded = inst_loaded,
    .format = inst_format,
    .enter = inst_enter,
    .edit_enters = true,
    .heading = inst_heading,
};

static int inst_open(struct app *app, void *state, void *arg)
{
    ((struct inst_state *)state)->report = *(const struct report_row *)arg;
    return list_base_open(app, state, &inst_spec);
}

static const enum action list_actions[] = {LIST_ACTIONS, ACT_EDIT, ACT_NONE};
static const struct keybar_item inst_keybar[] = {{ACT_OPEN, N_("record")},
                                                 {ACT_SEARCH, NULL},
                                                 {ACT_EXPORT, NULL},
                                                 {ACT_BACK, N_("back")},
                                                 {ACT_NONE, NULL}};

static const struct action_need instance_screen_needs[] = {
    {ACT_OPEN, NEED_EDITOR}, {ACT_EDIT, NEED_EDITOR}, {ACT_NONE, NEED_NOTHING}};
const struct screen_ops instance_screen = {
    LIST_BASE_OPS,
    .needs = instance_screen_needs,
    .title = N_("Submissions"),
    .state_size = sizeof(struct inst_state),
    .open = inst_open,
    .actions = list_actions,
    .keybar = inst_keybar,
};
