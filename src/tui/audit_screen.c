/* The audit trail: who changed what and when, newest first; an admin sees every change, others
 * the changes of their units. f filters by person, unit and time; Enter shows a change whole. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"

#define AUDIT_MAX  500 /* the newest rows that match: enough to read, quick to load */
#define UNITS_MAX  512
#define LOGINS_MAX 256

enum { SINCE_ANY, SINCE_TODAY, SINCE_WEEK, SINCE_MONTH, SINCE_YEAR, SINCE_COUNT };

struct audit_state {
    struct audit_row *rows;
    int n;
    char (*cells)[3][48];
    struct unit_choice units[UNITS_MAX];
    int nunits;
    char logins[LOGINS_MAX][USER_LOGIN_MAX];
    int nlogins;
    const char *unit_labels[UNITS_MAX + 1], *login_labels[LOGINS_MAX + 1],
        *since_labels[SINCE_COUNT];
    int unit, login, since; /* chosen entries: 0 is "all" */
    int choosing;           /* 0 none, 1 who, 2 unit, 3 since */
    struct list_column cols[6];
    struct list_widget list;
    char footer[256];
    char detail[2400];
};

/* What a table's rows are, in words. */
static const char *table_label(const char *table)
{
    static const struct {
        const char *table, *label;
    } names[] = {
        {"task", N_("task")},
        {"progress_update", N_("progress")},
        {"submission", N_("submission")},
        {"report", N_("report")},
        {"evaluation", N_("evaluation")},
        {"indicator_value", N_("indicator value")},
        {"inspection", N_("inspection")},
        {"meeting", N_("meeting")},
        {"activity", N_("communication")},
        {"app_user", N_("user")},
        {"period_open", N_("period")},
        {"audit_log", N_("undo")},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].table, table) == 0)
            return _(names[i].label);
    return table;
}

static int keep_row(void *ctx, const struct audit_row *r)
{
    struct audit_state *s = ctx;
    if (s->n >= AUDIT_MAX)
        return 1;
    s->rows[s->n++] = *r;
    return 0;
}

static void since_date(const struct app *app, int since, char out[11])
{
    td_date d = app->ctx->today;
    int y, m, day;
    switch (since) {
    case SINCE_WEEK:
        d -= 6;
        break;
    case SINCE_MONTH:
        d -= 29;
        break;
    case SINCE_YEAR:
        date_to_ymd(d, &y, &m, &day);
        date_from_ymd(y, 1, 1, &d);
        break;
    default:
        break;
    }
    date_format_iso(d, out);
}

static int audit_load(struct app *app, struct audit_state *s)
{
    char since[11];
    since_date(app, s->since, since);
    struct audit_filter f = {s->since != SINCE_ANY ? since : NULL,
                             s->login > 0 ? s->logins[s->login - 1] : NULL,
                             s->unit > 0 ? s->units[s->unit - 1].id : 0};
    struct td_err err;
    s->n = 0;
    if (store_audit_each(app->ctx->store, &f, true, AUDIT_MAX, keep_row, s, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    for (int i = 0; i < s->n; i++) {
        const struct audit_row *r = &s->rows[i];
        char day[11], date[32];
        snprintf(day, sizeof day, "%.10s", r->at);
        app_show_date(app, day, date, sizeof date);
        snprintf(s->cells[i][0], sizeof s->cells[i][0], "%s %.5s", date,
                 strlen(r->at) >= 16 ? r->at + 11 : "");
        snprintf(s->cells[i][1], sizeof s->cells[i][1], "%s", table_label(r->table));
    }
    snprintf(s->footer, sizeof s->footer, _("newest %d · %s · %s · %s"), AUDIT_MAX,
             s->login_labels[s->login], s->unit_labels[s->unit], s->since_labels[s->since]);
    s->list.footer_extra = s->footer;
    return 0;
}

static long audit_count(void *ctx)
{
    return ((struct audit_state *)ctx)->n;
}

static int audit_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct audit_state *s = ctx;
    int got = 0;
    for (long i = first; i < s->n && got < n; i++, got++) {
        const struct audit_row *r = &s->rows[i];
        rows[got] = (struct list_row){
            i,
            {s->cells[i][0], r->login, r->unit, s->cells[i][1], r->action, r->new_values},
            ROLE_NORMAL};
    }
    return got;
}

static int audit_texts(void *ctx, long i, const char *out[2])
{
    const struct audit_state *s = ctx;
    out[0] = s->rows[i].login;
    out[1] = s->rows[i].new_values;
    return 2;
}

static long audit_find(void *ctx, const char *needle, long from, int dir)
{
    return list_find_in(ctx, ((struct audit_state *)ctx)->n, needle, from, dir, audit_texts);
}

static int audit_open(struct app *app, void *state, void *arg)
{
    struct audit_state *s = state;
    (void)arg;
    struct td_err err;
    s->rows = calloc(AUDIT_MAX, sizeof *s->rows);
    s->cells = calloc(AUDIT_MAX, sizeof *s->cells);
    if (s->rows == NULL || s->cells == NULL ||
        store_unit_list(app->ctx->store, s->units, UNITS_MAX, &s->nunits, &err) != 0 ||
        store_user_logins(app->ctx->store, s->logins, LOGINS_MAX, &s->nlogins, &err) != 0) {
        free(s->rows);
        free(s->cells);
        return -1;
    }
    s->unit_labels[0] = _("all units");
    for (int i = 0; i < s->nunits; i++)
        s->unit_labels[i + 1] = s->units[i].code;
    s->login_labels[0] = _("everyone");
    for (int i = 0; i < s->nlogins; i++)
        s->login_labels[i + 1] = s->logins[i];
    s->since_labels[SINCE_ANY] = _("any time");
    s->since_labels[SINCE_TODAY] = _("today");
    s->since_labels[SINCE_WEEK] = _("the last 7 days");
    s->since_labels[SINCE_MONTH] = _("the last 30 days");
    s->since_labels[SINCE_YEAR] = _("this year");
    const struct list_column cols[6] = {
        {_("When (UTC)"), {16, 16, 0}, false, false}, {_("Who"), {12, 6, 0}, false, true},
        {_("Unit"), {7, 5, 0}, false, false},         {_("What"), {11, 6, 0}, false, false},
        {_("Action"), {8, 6, 0}, false, false},       {_("New values"), {0, 10, 1}, false, true},
    };
    memcpy(s->cols, cols, sizeof cols);
    list_init(&s->list, s->cols, 6, (struct list_source){s, audit_count, audit_fetch, audit_find});
    if (audit_load(app, s) != 0) {
        list_free(&s->list);
        free(s->rows);
        free(s->cells);
        return -1;
    }
    list_reload(&s->list);
    return 0;
}

static void audit_close(struct app *app, void *state)
{
    struct audit_state *s = state;
    (void)app;
    list_free(&s->list);
    free(s->rows);
    free(s->cells);
}

static void audit_draw(struct app *app, void *state, int top, int height)
{
    list_draw(&((struct audit_state *)state)->list, app, top, height);
}

static bool audit_wants_text(void *state)
{
    return ((struct audit_state *)state)->list.searching;
}

static enum tui_result audit_handle(struct app *app, void *state, enum action act, int key)
{
    struct audit_state *s = state;
    struct choice_args choice;
    struct dialog_args dialog;
    switch (list_handle(&s->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN: {
        if (s->n == 0)
            return TUI_HANDLED;
        const struct audit_row *r = &s->rows[s->list.selected];
        snprintf(s->detail, sizeof s->detail, _("%s by %s, %s %s #%ld\nBefore: %s\nAfter: %s"),
                 r->at, r->login, table_label(r->table), r->action, r->row_id,
                 r->old_values[0] != '\0' ? r->old_values : "-",
                 r->new_values[0] != '\0' ? r->new_values : "-");
        dialog = (struct dialog_args){_("Change"), s->detail, false};
        s->choosing = 0;
        return app_open(app, &message_dialog, &dialog);
    }
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EXPORT)
        return list_export(&s->list, app, "audit");
    if (act == ACT_FILTER) { /* who, then the unit, then since when */
        choice = (struct choice_args){_("Who"), s->login_labels, s->nlogins + 1, s->login};
        s->choosing = 1;
        return app_open(app, &choice_dialog, &choice);
    }
    return act == ACT_BACK ? TUI_BACK : TUI_HANDLED;
}

static enum tui_result audit_resume(struct app *app, void *state, int result)
{
    struct audit_state *s = state;
    struct choice_args choice;
    if (s->choosing == 0)
        return TUI_REDRAW;
    if (s->choosing == 1 && result >= 0) {
        s->login = result;
        choice = (struct choice_args){_("Unit"), s->unit_labels, s->nunits + 1, s->unit};
        s->choosing = 2;
        return app_open(app, &choice_dialog, &choice);
    }
    if (s->choosing == 2 && result >= 0) {
        s->unit = result;
        choice = (struct choice_args){_("Since"), s->since_labels, SINCE_COUNT, s->since};
        s->choosing = 3;
        return app_open(app, &choice_dialog, &choice);
    }
    if (s->choosing == 3 && result >= 0)
        s->since = result;
    s->choosing = 0;
    audit_load(app, s);
    s->list.selected = s->list.top = 0;
    list_reload(&s->list);
    return TUI_REDRAW;
}

static const enum action audit_actions[] = {
    ACT_UP,     ACT_DOWN,        ACT_PAGE_UP,     ACT_PAGE_DOWN, ACT_HOME,   ACT_END,  ACT_OPEN,
    ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_FILTER,    ACT_EXPORT, ACT_BACK, ACT_NONE};
static const struct keybar_item audit_keybar[] = {
    {ACT_OPEN, N_("whole change")}, {ACT_FILTER, NULL},     {ACT_SEARCH, NULL},
    {ACT_EXPORT, N_("export")},     {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops audit_screen = {
    .title = N_("Audit trail"),
    .state_size = sizeof(struct audit_state),
    .open = audit_open,
    .draw = audit_draw,
    .handle = audit_handle,
    .close = audit_close,
    .resume = audit_resume,
    .actions = audit_actions,
    .keybar = audit_keybar,
    .wants_text = audit_wants_text,
};
