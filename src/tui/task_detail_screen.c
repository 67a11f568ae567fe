/* A task in full: its fields, the cooperating units and its progress history, newest first. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

#define HISTORY_MAX 200
#define LINES_MAX   1200

struct line {
    char label[80]; /* drawn in a column of its own, measured in cells */
    char text[600];
    enum role role;
    int indent;
};

struct detail_state {
    long id;
    struct task_detail task;
    struct progress_row history[HISTORY_MAX];
    int nhistory;
    struct line *lines;
    int nlines, first;
    bool changed; /* a progress entry was saved from here */
};

static void add(struct detail_state *d, int indent, enum role role, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add(struct detail_state *d, int indent, enum role role, const char *fmt, ...)
{
    if (d->nlines >= LINES_MAX)
        return;
    struct line *l = &d->lines[d->nlines++];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->text, sizeof l->text, fmt, ap);
    va_end(ap);
    l->label[0] = '\0';
    l->role = role;
    l->indent = indent;
}

static void field(struct detail_state *d, const char *label, const char *value)
{
    if (value[0] == '\0')
        return;
    add(d, 2, ROLE_NORMAL, "%s", value);
    snprintf(d->lines[d->nlines - 1].label, sizeof d->lines[0].label, "%s", label);
}

static const char *priority_label(const char *code)
{
    if (strcmp(code, "high") == 0)
        return _("high");
    if (strcmp(code, "low") == 0)
        return _("low");
    return _("normal");
}

/* Adds a multi-line text, one screen line per line of it. */
static void paragraph(struct detail_state *d, const char *label, const char *text)
{
    if (text[0] == '\0')
        return;
    char copy[1100];
    snprintf(copy, sizeof copy, "%s", text);
    char *save = NULL;
    bool first = true;
    for (char *l = strtok_r(copy, "\n", &save); l != NULL; l = strtok_r(NULL, "\n", &save)) {
        add(d, 6, ROLE_NORMAL, "%s%s", first ? label : "", l);
        first = false;
    }
}

static int load(struct app *app, struct detail_state *d)
{
    struct td_err err;
    if (store_task_get(app->ctx->store, d->id, &d->task, &err) != 0 ||
        store_progress_history(app->ctx->store, d->id, d->history, HISTORY_MAX, &d->nhistory,
                               &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    const struct task_detail *t = &d->task;
    char due[32], start[32], integrated[32];
    app_show_date(app, t->row.due, due, sizeof due);
    app_show_date(app, t->start, start, sizeof start);
    app_show_date(app, t->integrated_on, integrated, sizeof integrated);
    d->nlines = 0;
    add(d, 0, ROLE_MARKED, "%s  %s", t->row.code, t->row.title);
    if (t->row.demo)
        add(d, 2, ROLE_AT_RISK, "%s", _("Demo data: invented for illustration, not official"));
    char status[128];
    snprintf(status, sizeof status, "%s · %d%%", status_label((enum task_status)t->row.status),
             t->row.percent);
    field(d, _("Status"), status);
    char lead[300];
    snprintf(lead, sizeof lead, "%s  %s", t->row.unit, t->unit_name);
    field(d, _("Lead unit"), lead);
    field(d, _("Cooperating units"), t->coop);
    field(d, _("Group"), t->group);
    field(d, _("Phase"), t->phase);
    field(d, _("Start"), start);
    field(d, _("Due"), due);
    field(d, _("Expected output"), t->output);
    field(d, _("Priority"), priority_label(t->priority));
    if (integrated[0] != '\0') {
        char in[400];
        snprintf(in, sizeof in, "%s · %s", integrated, t->integrated_doc);
        field(d, _("In the unit's own plan"), in);
    } else {
        field(d, _("In the unit's own plan"), _("not recorded"));
    }
    paragraph(d, "", t->description);
    add(d, 0, ROLE_NORMAL, "%s", "");
    add(d, 0, ROLE_MARKED,
        ngettext("Progress history (%d entry, newest first)",
                 "Progress history (%d entries, newest first)", (unsigned long)d->nhistory),
        d->nhistory);
    if (d->nhistory == 0)
        add(d, 2, ROLE_MUTED, "%s", _("no progress entered yet"));
    if (d->nhistory == HISTORY_MAX)
        add(d, 2, ROLE_MUTED, _("the newest %d entries; all of them: tiendo export progress"),
            HISTORY_MAX);
    for (int i = 0; i < d->nhistory; i++) {
        const struct progress_row *h = &d->history[i];
        char date[32];
        app_show_date(app, h->date, date, sizeof date);
        add(d, 2, ROLE_NORMAL, "%s · %d%% · %s · %s", date, h->percent,
            status_label((enum task_status)h->status), h->by);
        paragraph(d, _("done: "), h->done);
        paragraph(d, _("difficulties: "), h->difficulties);
        paragraph(d, _("proposals: "), h->proposals);
    }
    return 0;
}

static int detail_open(struct app *app, void *state, void *arg)
{
    struct detail_state *d = state;
    d->id = *(const long *)arg;
    d->lines = calloc(LINES_MAX, sizeof *d->lines);
    if (d->lines == NULL)
        return -1;
    if (load(app, d) != 0) {
        free(d->lines);
        return -1;
    }
    return 0;
}

static void detail_close(struct app *app, void *state)
{
    struct detail_state *d = state;
    app->result = d->changed;
    free(d->lines);
}

static void detail_draw(struct app *app, void *state, int top, int height)
{
    struct detail_state *d = state;
    (void)app;
    for (int i = d->first, y = top; i < d->nlines && y < top + height; i++, y++) {
        const struct line *l = &d->lines[i];
        int x = 2 + l->indent;
        if (l->label[0] != '\0') {
            draw_text(y, x, 23, l->label, ROLE_MUTED);
            x += 24;
        }
        draw_text(y, x, COLS - 2 - x, l->text, l->role);
    }
}

static enum tui_result detail_handle(struct app *app, void *state, enum action act, int key)
{
    struct detail_state *d = state;
    (void)key;
    int page = LINES - 6;
    switch (act) {
    case ACT_DOWN:
        d->first = d->first + 1 < d->nlines ? d->first + 1 : d->first;
        return TUI_REDRAW;
    case ACT_UP:
        d->first = d->first > 0 ? d->first - 1 : 0;
        return TUI_REDRAW;
    case ACT_PAGE_DOWN:
        d->first = d->first + page < d->nlines ? d->first + page : d->first;
        return TUI_REDRAW;
    case ACT_PAGE_UP:
        d->first = d->first > page ? d->first - page : 0;
        return TUI_REDRAW;
    case ACT_HOME:
        d->first = 0;
        return TUI_REDRAW;
    case ACT_PROGRESS:
        return app_open(app, &progress_screen, &d->id);
    case ACT_BACK:
        app->result = d->changed;
        return TUI_BACK;
    default:
        return TUI_HANDLED;
    }
}

static enum tui_result detail_resume(struct app *app, void *state, int result)
{
    struct detail_state *d = state;
    if (result == SCREEN_CHANGED) {
        d->changed = true;
        load(app, d);
    }
    return TUI_REDRAW;
}

static const enum action detail_actions[] = {ACT_UP,   ACT_DOWN,     ACT_PAGE_UP, ACT_PAGE_DOWN,
                                             ACT_HOME, ACT_PROGRESS, ACT_BACK,    ACT_NONE};
static const struct keybar_item detail_keybar[] = {{ACT_PROGRESS, N_("progress")},
                                                   {ACT_DOWN, N_("scroll")},
                                                   {ACT_BACK, N_("back")},
                                                   {ACT_NONE, NULL}};

static const struct action_need task_detail_screen_needs[] = {{ACT_PROGRESS, NEED_EDITOR},
                                                              {ACT_NONE, NEED_NOTHING}};
const struct screen_ops task_detail_screen = {
    .needs = task_detail_screen_needs,
    .title = N_("Task"),
    .state_size = sizeof(struct detail_state),
    .open = detail_open,
    .draw = detail_draw,
    .handle = detail_handle,
    .close = detail_close,
    .resume = detail_resume,
    .actions = detail_actions,
    .keybar = detail_keybar,
};
