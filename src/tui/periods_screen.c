/* Periods: each year and phase of the plan with its lock ([security] lock_after_days): open,
 * locked, or reopened by an admin. Enter (admin) reopens a locked period or locks it again. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"

#define PERIODS_MAX 64

struct periods_state {
    struct period_row rows[PERIODS_MAX];
    int n;
    char cells[PERIODS_MAX][3][160];
    struct list_column cols[4];
    struct list_widget list;
    char footer[160];
    char question[300];
    bool asking;
};

static int periods_load(struct app *app, struct periods_state *s)
{
    struct td_err err;
    if (store_period_list(app->ctx->store, s->rows, PERIODS_MAX, &s->n, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    for (int i = 0; i < s->n; i++) {
        const struct period_row *r = &s->rows[i];
        char cell[3][sizeof s->cells[0][0]]; /* not straight into s: gcc sees an overlap */
        if (r->name[0] != '\0')
            snprintf(cell[0], sizeof cell[0], "%s", r->name);
        else
            snprintf(cell[0], sizeof cell[0], _("year %s"), r->period);
        app_show_date(app, r->ends, cell[1], sizeof cell[1]);
        if (r->locked)
            snprintf(cell[2], sizeof cell[2], "%s", _("locked"));
        else if (r->reopened)
            snprintf(cell[2], sizeof cell[2], _("reopened by %s"), r->by);
        else
            snprintf(cell[2], sizeof cell[2], "%s", _("open"));
        memcpy(s->cells[i], cell, sizeof cell);
    }
    long days = store_lock_after_days(app->ctx->store);
    if (days > 0)
        snprintf(s->footer, sizeof s->footer, _("locked %ld days after the end"), days);
    else
        snprintf(s->footer, sizeof s->footer, "%s", _("no lock ([security] lock_after_days)"));
    s->list.footer_extra = s->footer;
    return 0;
}

static long periods_count(void *ctx)
{
    return ((struct periods_state *)ctx)->n;
}

static int periods_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct periods_state *s = ctx;
    int got = 0;
    for (long i = first; i < s->n && got < n; i++, got++)
        rows[got] =
            (struct list_row){i,
                              {s->rows[i].period, s->cells[i][0], s->cells[i][1], s->cells[i][2]},
                              s->rows[i].locked ? ROLE_MUTED : ROLE_NORMAL};
    return got;
}

static int periods_open(struct app *app, void *state, void *arg)
{
    struct periods_state *s = state;
    (void)arg;
    const struct list_column cols[4] = {
        {_("Period"), {10, 9, 0}, false, false},
        {_("Name"), {30, 12, 0}, false, false},
        {_("Ends"), {11, 10, 0}, false, false},
        {_("State"), {0, 10, 1}, false, false},
    };
    memcpy(s->cols, cols, sizeof cols);
    list_init(&s->list, s->cols, 4, (struct list_source){s, periods_count, periods_fetch, NULL});
    if (periods_load(app, s) != 0) {
        list_free(&s->list);
        return -1;
    }
    list_reload(&s->list);
    return 0;
}

static void periods_close(struct app *app, void *state)
{
    (void)app;
    list_free(&((struct periods_state *)state)->list);
}

static void periods_draw(struct app *app, void *state, int top, int height)
{
    list_draw(&((struct periods_state *)state)->list, app, top, height);
}

static enum tui_result periods_handle(struct app *app, void *state, enum action act, int key)
{
    struct periods_state *s = state;
    struct dialog_args ask;
    switch (list_handle(&s->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN: {
        if (s->n == 0)
            return TUI_HANDLED;
        const struct period_row *r = &s->rows[s->list.selected];
        if (r->reopened)
            snprintf(s->question, sizeof s->question,
                     _("Lock %s again? Its evaluations, submissions and indicator values become "
                       "read-only if it is past the lock."),
                     r->period);
        else
            snprintf(s->question, sizeof s->question,
                     _("Reopen %s? Its evaluations, submissions and indicator values can be "
                       "changed again until you lock it."),
                     r->period);
        ask = (struct dialog_args){_("Periods"), s->question, false};
        s->asking = true;
        return app_open(app, &confirm_dialog, &ask);
    }
    case LIST_OTHER:
        break;
    }
    return act == ACT_BACK ? TUI_BACK : TUI_HANDLED;
}

static enum tui_result periods_resume(struct app *app, void *state, int result)
{
    struct periods_state *s = state;
    if (!s->asking)
        return TUI_REDRAW;
    s->asking = false;
    if (result != DIALOG_YES)
        return TUI_REDRAW;
    const struct period_row *r = &s->rows[s->list.selected];
    bool open = !r->reopened;
    struct td_err err;
    if (store_period_set_open(app->ctx->store, r->period, open, &err) != 0)
        app_message(app, true, "%s", err.msg);
    else
        app_message(app, false, open ? _("Reopened %s") : _("Locked %s again"), r->period);
    periods_load(app, s);
    list_reload(&s->list);
    return TUI_REDRAW;
}

static const enum action periods_actions[] = {
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_OPEN, ACT_BACK, ACT_NONE};
static const struct keybar_item periods_keybar[] = {
    {ACT_OPEN, N_("reopen / lock")}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};
static const struct action_need periods_needs[] = {{ACT_OPEN, NEED_ADMIN},
                                                   {ACT_NONE, NEED_NOTHING}};

const struct screen_ops periods_screen = {
    .title = N_("Periods"),
    .state_size = sizeof(struct periods_state),
    .open = periods_open,
    .draw = periods_draw,
    .handle = periods_handle,
    .close = periods_close,
    .resume = periods_resume,
    .actions = periods_actions,
    .keybar = periods_keybar,
    .needs = periods_needs,
};
