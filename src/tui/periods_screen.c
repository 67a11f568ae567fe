/* Periods: each year and phase of the plan with its lock ([security] lock_after_days): open,
 * locked, or reopened by an admin. Enter (admin) reopens a locked period or locks it again. */
#include <stdio.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"

struct periods_state {
    struct list_base base;   /* first: the list_base_* functions take the state as one */
    struct period_row asked; /* the period the question is about */
};

LIST_KEEP(keep, struct period_row)

static int periods_load(struct app *app, void *state, struct td_err *err)
{
    return store_period_each(app->ctx->store, keep, state, err) < 0 ? -1 : 0;
}

static void periods_loaded(struct app *app, void *state)
{
    struct list_base *b = state;
    long days = store_lock_after_days(app->ctx->store);
    if (days > 0)
        snprintf(b->footer, sizeof b->footer, _("locked %ld days after the end"), days);
    else
        snprintf(b->footer, sizeof b->footer, "%s", _("no lock ([security] lock_after_days)"));
    b->list.footer_extra = b->footer;
}

static void periods_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                           struct list_row *out)
{
    const struct period_row *r = row;
    (void)state;
    if (r->name[0] != '\0')
        snprintf(c[1], LIST_CELL, "%s", r->name);
    else
        snprintf(c[1], LIST_CELL, _("year %s"), r->period);
    app_show_date(app, r->ends, c[2], LIST_CELL);
    if (r->locked)
        snprintf(c[3], LIST_CELL, "%s", _("locked"));
    else if (r->reopened)
        snprintf(c[3], LIST_CELL, _("reopened by %s"), r->by);
    else
        snprintf(c[3], LIST_CELL, "%s", _("open"));
    out->cells[0] = r->period;
    for (int i = 1; i < 4; i++)
        out->cells[i] = c[i];
    out->role = r->locked ? ROLE_MUTED : ROLE_NORMAL;
}

static enum tui_result periods_answered(struct app *app, void *state, int answer)
{
    struct periods_state *s = state;
    bool open = !s->asked.reopened;
    struct td_err err;
    if (answer != DIALOG_YES)
        return TUI_REDRAW;
    if (store_period_set_open(app->ctx->store, s->asked.period, open, &err) != 0)
        app_message(app, true, "%s", err.msg);
    else
        app_message(app, false, open ? _("Reopened %s") : _("Locked %s again"), s->asked.period);
    list_base_reload(&s->base);
    return TUI_REDRAW;
}

static enum tui_result periods_enter(struct app *app, void *state, const void *row)
{
    struct periods_state *s = state;
    char question[300]; /* the dialog keeps a copy */
    s->asked = *(const struct period_row *)row;
    if (s->asked.reopened)
        snprintf(question, sizeof question,
                 _("Lock %s again? Its evaluations, submissions and indicator values become "
                   "read-only if it is past the lock."),
                 s->asked.period);
    else
        snprintf(question, sizeof question,
                 _("Reopen %s? Its evaluations, submissions and indicator values can be "
                   "changed again until you lock it."),
                 s->asked.period);
    struct dialog_args ask = {_("Periods"), question, false};
    return app_open_then(app, &confirm_dialog, &ask, periods_answered, s);
}

static const struct list_column periods_cols[] = {
    {N_("Period"), {10, 9, 0}, false, true},
    {N_("Name"), {30, 12, 0}, false, true},
    {N_("Ends"), {11, 10, 0}, false, false},
    {N_("State"), {0, 10, 1}, false, false},
};

static const struct list_spec periods_spec = {
    .cols = periods_cols,
    .ncols = 4,
    .row_size = sizeof(struct period_row),
    .export_name = "periods",
    .load = periods_load,
    .loaded = periods_loaded,
    .format = periods_format,
    .enter = periods_enter,
};

static int periods_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return list_base_open(app, state, &periods_spec);
}

static const enum action periods_actions[] = {LIST_ACTIONS, ACT_NONE};
static const struct keybar_item periods_keybar[] = {
    {ACT_OPEN, N_("reopen / lock")}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};
static const struct action_need periods_needs[] = {{ACT_OPEN, NEED_ADMIN},
                                                   {ACT_NONE, NEED_NOTHING}};

const struct screen_ops periods_screen = {
    LIST_BASE_OPS,          .title = N_("Periods"),     .state_size = sizeof(struct periods_state),
    .open = periods_open,   .actions = periods_actions, .keybar = periods_keybar,
    .needs = periods_needs,
};
