/* A task in full: its fields, the cooperating units and its progress history, newest first,
 * every text wrapped whole; Enter shows the history entry being read by itself. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "screens.h"
#include "textview.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

/* The history's entries, whole (each malloc'd), for Enter to show one by itself. */
struct entry {
    char *header, *done, *difficulties, *proposals;
};

struct detail_state {
    long id;
    struct task_detail task;
    struct textview view;
    struct entry *entries;
    int nentries, cap;
    struct entry_args shown; /* what Enter opened: it is read after the key was handled */
    bool failed;             /* memory ran out while reading the history */
    bool changed;            /* a progress entry was saved from here */
};

static void field(struct detail_state *d, const char *label, const char *value)
{
    if (value[0] == '\0')
        return;
    tv_add(&d->view, 2, ROLE_NORMAL, -1, label, "%s", value);
}

static const char *priority_label(const char *code)
{
    if (strcmp(code, "high") == 0)
        return _("high");
    if (strcmp(code, "low") == 0)
        return _("low");
    return _("normal");
}

/* Adds a text, whole (wrapped when drawn), after its label. */
static void paragraph(struct detail_state *d, int tag, const char *label, const char *text)
{
    if (text[0] != '\0')
        tv_add(&d->view, 6, ROLE_NORMAL, tag, NULL, "%s%s", label, text);
}

static void entries_free(struct detail_state *d)
{
    for (int i = 0; i < d->nentries; i++) {
        free(d->entries[i].header);
        free(d->entries[i].done);
        free(d->entries[i].difficulties);
        free(d->entries[i].proposals);
    }
    d->nentries = 0;
}

/* Keeps one entry of the history (the store's texts last only while this runs). */
static int keep_entry(void *ctx, const struct progress_row *h)
{
    struct app *app = ((void **)ctx)[0];
    struct detail_state *d = ((void **)ctx)[1];
    if (d->nentries == d->cap) {
        int cap = d->cap > 0 ? d->cap * 2 : 16;
        struct entry *e = realloc(d->entries, (size_t)cap * sizeof *e);
        if (e == NULL) {
            d->failed = true;
            return 1;
        }
        d->entries = e;
        d->cap = cap;
    }
    char date[32], header[256];
    app_show_date(app, h->date, date, sizeof date);
    snprintf(header, sizeof header, "%s · %d%% · %s · %s", date, h->percent,
             status_label((enum task_status)h->status), h->by);
    struct entry *e = &d->entries[d->nentries];
    e->header = strdup(header);
    e->done = strdup(h->done);
    e->difficulties = strdup(h->difficulties);
    e->proposals = strdup(h->proposals);
    d->nentries++;
    if (e->header == NULL || e->done == NULL || e->difficulties == NULL || e->proposals == NULL) {
        d->failed = true;
        return 1;
    }
    return 0;
}

static int load(struct app *app, struct detail_state *d)
{
    struct td_err err;
    entries_free(d);
    d->failed = false;
    void *ctx[2] = {app, d};
    if (store_task_get(app->ctx->store, d->id, &d->task, &err) != 0 ||
        store_progress_history_each(app->ctx->store, d->id, keep_entry, ctx, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    if (d->failed) {
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    const struct task_detail *t = &d->task;
    char due[32], start[32], integrated[32];
    app_show_date(app, t->row.due, due, sizeof due);
    app_show_date(app, t->start, start, sizeof start);
    app_show_date(app, t->integrated_on, integrated, sizeof integrated);
    struct textview *v = &d->view;
    tv_clear(v);
    tv_add(v, 0, ROLE_MARKED, -1, NULL, "%s  %s", t->row.code, t->title);
    if (t->row.demo)
        tv_add(v, 2, ROLE_AT_RISK, -1, NULL, "%s",
               _("Demo data: invented for illustration, not official"));
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
    paragraph(d, -1, "", t->description);
    tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
    tv_add(v, 0, ROLE_MARKED, -1, NULL,
           ngettext("Progress history (%d entry, newest first)",
                    "Progress history (%d entries, newest first)", (unsigned long)d->nentries),
           d->nentries);
    if (d->nentries == 0)
        tv_add(v, 2, ROLE_MUTED, -1, NULL, "%s", _("no progress entered yet"));
    for (int i = 0; i < d->nentries; i++) {
        const struct entry *e = &d->entries[i];
        tv_add(v, 2, ROLE_NORMAL, i, NULL, "%s", e->header);
        paragraph(d, i, _("done: "), e->done);
        paragraph(d, i, _("difficulties: "), e->difficulties);
        paragraph(d, i, _("proposals: "), e->proposals);
    }
    if (v->failed) {
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    return 0;
}

static int detail_open(struct app *app, void *state, void *arg)
{
    struct detail_state *d = state;
    d->id = *(const long *)arg;
    if (load(app, d) != 0) {
        entries_free(d);
        free(d->entries);
        tv_free(&d->view);
        return -1;
    }
    return 0;
}

static void detail_close(struct app *app, void *state)
{
    struct detail_state *d = state;
    app->result = d->changed;
    entries_free(d);
    free(d->entries);
    tv_free(&d->view);
}

static void detail_draw(struct app *app, void *state, int top, int height)
{
    struct detail_state *d = state;
    (void)app;
    tv_draw(&d->view, top, height, tv_current_tag(&d->view));
}

/* Enter: the entry being read, by itself and whole. */
static enum tui_result show_entry(struct app *app, struct detail_state *d)
{
    int i = tv_current_tag(&d->view);
    if (i < 0 || i >= d->nentries) {
        app_message(app, false, "%s", _("Scroll to a history entry: Enter shows it whole"));
        return TUI_REDRAW;
    }
    const struct entry *e = &d->entries[i];
    d->shown = (struct entry_args){d->task.row.code, d->task.title,   e->header,
                                   e->done,          e->difficulties, e->proposals};
    return app_open(app, &entry_screen, &d->shown);
}

static enum tui_result detail_handle(struct app *app, void *state, enum action act, int key)
{
    struct detail_state *d = state;
    (void)key;
    if (tv_scroll(&d->view, act))
        return TUI_REDRAW;
    switch (act) {
    case ACT_OPEN:
        return show_entry(app, d);
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

static const enum action detail_actions[] = {ACT_UP,   ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
                                             ACT_HOME, ACT_END,  ACT_OPEN,    ACT_PROGRESS,
                                             ACT_BACK, ACT_NONE};
static const struct keybar_item detail_keybar[] = {{ACT_PROGRESS, N_("progress")},
                                                   {ACT_OPEN, N_("entry in full")},
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

/* ---- One history entry, whole ---- */

struct entry_state {
    struct textview view;
};

static int entry_open(struct app *app, void *state, void *arg)
{
    struct entry_state *s = state;
    const struct entry_args *a = arg;
    struct textview *v = &s->view;
    tv_add(v, 0, ROLE_MARKED, -1, NULL, "%s  %s", a->code, a->title);
    tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
    tv_add(v, 2, ROLE_MARKED, -1, NULL, "%s", a->header);
    const char *labels[3] = {_("What was done"), _("Difficulties, obstacles"), _("Proposals")};
    const char *texts[3] = {a->done, a->difficulties, a->proposals};
    for (int i = 0; i < 3; i++) {
        if (texts[i][0] == '\0')
            continue;
        tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
        tv_add(v, 2, ROLE_MUTED, -1, NULL, "%s", labels[i]);
        tv_add(v, 4, ROLE_NORMAL, -1, NULL, "%s", texts[i]);
    }
    if (v->failed) {
        tv_free(v);
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    return 0;
}

static void entry_close(struct app *app, void *state)
{
    (void)app;
    tv_free(&((struct entry_state *)state)->view);
}

static void entry_draw(struct app *app, void *state, int top, int height)
{
    (void)app;
    tv_draw(&((struct entry_state *)state)->view, top, height, -1);
}

static enum tui_result entry_handle(struct app *app, void *state, enum action act, int key)
{
    (void)app;
    (void)key;
    if (tv_scroll(&((struct entry_state *)state)->view, act))
        return TUI_REDRAW;
    return act == ACT_BACK || act == ACT_CANCEL ? TUI_BACK : TUI_HANDLED;
}

static const enum action entry_actions[] = {ACT_UP,  ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,
                                            ACT_END, ACT_BACK, ACT_CANCEL,  ACT_NONE};
static const struct keybar_item entry_keybar[] = {
    {ACT_DOWN, N_("scroll")}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops entry_screen = {
    .title = N_("Progress entry"),
    .state_size = sizeof(struct entry_state),
    .open = entry_open,
    .draw = entry_draw,
    .handle = entry_handle,
    .close = entry_close,
    .actions = entry_actions,
    .keybar = entry_keybar,
};
