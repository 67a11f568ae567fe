/* The audit trail: who changed what and when, newest first; an admin sees every change, others
 * the changes of their units. f filters by person, unit and time; Enter shows a change whole.
 * It reads a window of the newest rows (the footer says how many) and reads further as the
 * selection moves past its end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "screens.h"
#include "tiendo/audit.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"

#define AUDIT_WINDOW 500 /* rows read at a time: enough to read, quick to load */

struct audit_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    int window;            /* rows asked for */
    struct unit_picks units, logins;
    const char *since_labels[AUDIT_SINCE_COUNT];
    int unit, login, since; /* chosen entries: 0 is "all" */
};

LIST_KEEP(keep, struct audit_row)

static int audit_load(struct app *app, void *state, struct td_err *err)
{
    struct audit_state *s = state;
    char since[11];
    struct audit_filter f = {audit_since_date(app->ctx->today, s->since, since) ? since : NULL,
                             s->login > 0 ? s->logins.units[s->login - 1].name : NULL,
                             s->unit > 0 ? s->units.units[s->unit - 1].id : 0};
    return store_audit_each(app->ctx->store, &f, true, s->window, keep, s, err) < 0 ? -1 : 0;
}

static void audit_loaded(struct app *app, void *state)
{
    struct audit_state *s = state;
    struct list_base *b = &s->base;
    char n[32];
    (void)app;
    snprintf(n, sizeof n, "%zu", b->rows.n);
    snprintf(b->footer, sizeof b->footer,
             (int)b->rows.n < s->window ? _("all %s · %s · %s · %s")
                                        : _("newest %s (↓ reads more) · %s · %s · %s"),
             n, s->logins.labels[s->login], s->units.labels[s->unit], s->since_labels[s->since]);
    b->list.footer_extra = b->footer;
}

static bool audit_more(struct app *app, void *state)
{
    struct audit_state *s = state;
    (void)app;
    if ((int)s->base.rows.n < s->window)
        return false;
    s->window += AUDIT_WINDOW;
    return true;
}

static void audit_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                         struct list_row *out)
{
    const struct audit_row *r = row;
    char day[11], date[32];
    (void)state;
    snprintf(day, sizeof day, "%.10s", r->at);
    app_show_date(app, day, date, sizeof date);
    snprintf(c[0], LIST_CELL, "%s %.5s", date, strlen(r->at) >= 16 ? r->at + 11 : "");
    *out = (struct list_row){
        r->id, {c[0], r->login, r->unit, audit_table_label(r->table), r->action, r->new_values}, 0};
}

static enum tui_result audit_enter(struct app *app, void *state, const void *row)
{
    const struct audit_row *r = row;
    char detail[2400]; /* the dialog keeps a copy */
    (void)state;
    snprintf(detail, sizeof detail, _("%s by %s, %s %s #%ld\nBefore: %s\nAfter: %s"), r->at,
             r->login, audit_table_label(r->table), r->action, r->row_id,
             r->old_values[0] != '\0' ? r->old_values : "-",
             r->new_values[0] != '\0' ? r->new_values : "-");
    struct dialog_args args = {_("Change"), detail, false};
    return app_open(app, &message_dialog, &args);
}

/* f: who, then the unit, then since when. */
static int audit_filter(void *state, struct list_step *steps)
{
    struct audit_state *s = state;
    steps[0] = (struct list_step){_("Who"), s->logins.labels, s->logins.nlabels, &s->login};
    steps[1] = (struct list_step){_("Unit"), s->units.labels, s->units.nlabels, &s->unit};
    steps[2] = (struct list_step){_("Since"), s->since_labels, AUDIT_SINCE_COUNT, &s->since};
    return 3;
}

static void audit_close(void *state)
{
    struct audit_state *s = state;
    unit_picks_free(&s->units);
    unit_picks_free(&s->logins);
}

static const struct list_column audit_cols[] = {
    {N_("When (UTC)"), {16, 16, 0}, false, false}, {N_("Who"), {12, 6, 0}, false, true},
    {N_("Unit"), {7, 5, 0}, false, false},         {N_("What"), {11, 6, 0}, false, false},
    {N_("Action"), {8, 6, 0}, false, false},       {N_("New values"), {0, 10, 1}, false, true},
};

static const struct list_spec audit_spec = {
    .cols = audit_cols,
    .ncols = 6,
    .row_size = sizeof(struct audit_row),
    .export_name = "audit",
    .load = audit_load,
    .loaded = audit_loaded,
    .format = audit_format,
    .enter = audit_enter,
    .filter = audit_filter,
    .more = audit_more,
    .close = audit_close,
};

static int audit_open(struct app *app, void *state, void *arg)
{
    struct audit_state *s = state;
    (void)arg;
    s->window = AUDIT_WINDOW;
    for (int i = 0; i < AUDIT_SINCE_COUNT; i++)
        s->since_labels[i] = audit_since_label(i);
    if (unit_picks_load(app, &s->units, _("all units")) != 0 ||
        choice_picks_load(app, &s->logins, PICK_LOGINS, _("everyone"), PICK_NAME) != 0) {
        audit_close(s);
        return -1;
    }
    return list_base_open(app, state, &audit_spec);
}

static const enum action audit_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_NONE};
static const struct keybar_item audit_keybar[] = {
    {ACT_OPEN, N_("whole change")}, {ACT_FILTER, NULL},     {ACT_SEARCH, NULL},
    {ACT_EXPORT, N_("export")},     {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops audit_screen = {
    LIST_BASE_OPS,      .title = N_("Audit trail"), .state_size = sizeof(struct audit_state),
    .open = audit_open, .actions = audit_actions,   .keybar = audit_keybar,
};
