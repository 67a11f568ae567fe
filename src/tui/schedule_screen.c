/* The reporting schedule: report instances, overdue and upcoming first; Enter opens one's units
 * (submissions_screen.c); d writes its draft, a and e the ad-hoc reports (schedule_forms.c). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_reports.h"

LIST_KEEP(keep_report, struct report_row)

static int sched_load(struct app *app, void *state, struct td_err *err)
{
    char today[11];
    date_format_iso(app->ctx->today, today);
    return store_report_list_each(app->ctx->store, today, keep_report, state, err) < 0 ? -1 : 0;
}

/* Days from today to the report's deadline; whether every unit is in. */
static long sched_days(const struct app *app, const struct report_row *r, bool *complete)
{
    td_date due = 0;
    date_parse_iso(r->due, &due);
    *complete = r->submitted >= r->expected;
    return due - app->ctx->today;
}

static void sched_loaded(struct app *app, void *state)
{
    struct list_base *b = state;
    int overdue = 0;
    for (long i = 0; i < (long)b->rows.n; i++) {
        bool complete;
        overdue += sched_days(app, list_base_row(b, i), &complete) < 0 && !complete;
    }
    snprintf(b->footer, sizeof b->footer,
             ngettext("%d report overdue", "%d reports overdue", (unsigned long)overdue), overdue);
    b->list.footer_extra = b->footer;
}

static void sched_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                         struct list_row *out)
{
    const struct report_row *r = row;
    bool complete;
    long days = sched_days(app, r, &complete);
    (void)state;
    app_show_date(app, r->due, c[0], LIST_CELL);
    if (complete)
        snprintf(c[2], LIST_CELL, "%s", _("all in"));
    else if (days < 0)
        snprintf(c[2], LIST_CELL, ngettext("%ld day late", "%ld days late", (unsigned long)-days),
                 -days);
    else if (days == 0)
        snprintf(c[2], LIST_CELL, "%s", _("due today"));
    else
        snprintf(c[2], LIST_CELL, ngettext("in %ld day", "in %ld days", (unsigned long)days), days);
    snprintf(c[3], LIST_CELL, "%ld/%ld", r->submitted, r->expected);
    *out = (struct list_row){r->id,
                             {c[0], r->period, c[2], c[3], r->title},
                             complete                                            ? ROLE_DONE
                             : days < 0                                          ? ROLE_OVERDUE
                             : days <= (long)app->ctx->cfg->report_due_soon_days ? ROLE_AT_RISK
                                                                                 : ROLE_NORMAL};
}

static enum tui_result sched_enter(struct app *app, void *state, const void *row)
{
    (void)state;
    return app_open(app, &instance_screen, (void *)row);
}

static enum tui_result sched_action(struct app *app, void *state, enum action act, const void *row)
{
    const struct report_row *r = row;
    (void)state;
    if (act == ACT_ADD)
        return app_open(app, &adhoc_screen, NULL);
    if (act == ACT_MATRIX)
        return app_open(app, &report_matrix_screen, NULL);
    if (r == NULL)
        return TUI_HANDLED;
    if (act == ACT_EDIT) {
        if (strcmp(r->rule, "adhoc") == 0)
            return app_open(app, &adhoc_screen, (void *)r);
        app_message(app, true, "%s",
                    _("this report comes from a rule of the plan file; change it there"));
        return TUI_REDRAW;
    }
    return act == ACT_DRAFT ? schedule_draft(app, r) : TUI_HANDLED;
}

static const struct list_column sched_cols[] = {
    {N_("Due"), {10, 10, 0}, false, false},  {N_("Period"), {9, 4, 0}, false, true},
    {N_("When"), {14, 8, 0}, false, false},  {N_("Units in"), {8, 5, 0}, true, false},
    {N_("Report"), {0, 10, 1}, false, true},
};

static const struct list_spec sched_spec = {
    .cols = sched_cols,
    .ncols = 5,
    .row_size = sizeof(struct report_row),
    .export_name = "schedule",
    .load = sched_load,
    .loaded = sched_loaded,
    .format = sched_format,
    .enter = sched_enter,
    .action = sched_action,
};

static int sched_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return list_base_open(app, state, &sched_spec);
}

static const enum action sched_actions[] = {LIST_ACTIONS, ACT_ADD,   ACT_EDIT,
                                            ACT_MATRIX,   ACT_DRAFT, ACT_NONE};
static const struct keybar_item sched_keybar[] = {
    {ACT_OPEN, N_("units")},  {ACT_MATRIX, N_("matrix")},
    {ACT_DRAFT, N_("draft")}, {ACT_ADD, N_("ad-hoc report")},
    {ACT_SEARCH, NULL},       {ACT_EXPORT, NULL},
    {ACT_BACK, N_("back")},   {ACT_NONE, NULL}};

static const struct action_need schedule_screen_needs[] = {
    {ACT_ADD, NEED_ADMIN}, {ACT_EDIT, NEED_ADMIN}, {ACT_NONE, NEED_NOTHING}};
const struct screen_ops schedule_screen = {
    LIST_BASE_OPS,
    .needs = schedule_screen_needs,
    .title = N_("Reports & schedule"),
    .state_size = sizeof(struct list_base),
    .open = sched_open,
    .actions = sched_actions,
    .keybar = sched_keybar,
};
