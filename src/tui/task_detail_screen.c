/* A task in full: its fields, the cooperating units and its progress history, newest first,
 * every text wrapped whole; Enter shows the history entry being read by itself. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "screens.h"
#include "textview.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/vec.h"

struct detail_state {
    struct textview view; /* first: the tv_screen_* functions take the state as one */
    long id;
    struct task_detail task;
    struct vec entries; /* long: the id of each history entry, by its tag */
};

static void field(struct textview *v, const char *label, const char *value)
{
    if (value[0] != '\0')
        tv_add(v, 2, ROLE_NORMAL, -1, label, "%s", value);
}

static const char *priority_label(const char *code)
{
    if (strcmp(code, "high") == 0)
        return _("high");
    if (strcmp(code, "low") == 0)
        return _("low");
    return _("normal");
}

/* One history entry: its header, then each text after its label, in the history; headed, each
 * on lines of its own, when it is shown alone. */
static void add_entry(const struct app *app, struct textview *v, int tag,
                      const struct progress_row *h, bool alone)
{
    char date[32];
    app_show_date(app, h->date, date, sizeof date);
    tv_add(v, 2, alone ? ROLE_MARKED : ROLE_NORMAL, tag, NULL, "%s · %d%% · %s · %s", date,
           h->percent, status_label((enum task_status)h->status), h->by);
    const char *heads[3] = {_("What was done"), _("Difficulties, obstacles"), _("Proposals")};
    const char *labels[3] = {_("done: "), _("difficulties: "), _("proposals: ")};
    const char *texts[3] = {h->done, h->difficulties, h->proposals};
    for (int i = 0; i < 3; i++) {
        if (texts[i][0] == '\0')
            continue;
        if (!alone) {
            tv_add(v, 6, ROLE_NORMAL, tag, NULL, "%s%s", labels[i], texts[i]);
            continue;
        }
        tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
        tv_add(v, 2, ROLE_MUTED, -1, NULL, "%s", heads[i]);
        tv_add(v, 4, ROLE_NORMAL, -1, NULL, "%s", texts[i]);
    }
}

/* The history as it is read (the store's texts last only while the callback runs). */
struct history {
    struct app *app;
    struct vec *entries;
    struct textview lines;
};

static int add_history(void *ctx, const struct progress_row *h)
{
    struct history *hi = ctx;
    add_entry(hi->app, &hi->lines, (int)hi->entries->n, h, false);
    hi->lines.failed |= vec_push(hi->entries, &h->id) != 0;
    return hi->lines.failed;
}

static int load(struct app *app, struct detail_state *d)
{
    struct td_err err = {0};
    struct history hi = {app, &d->entries, {0}};
    struct textview *v = &d->view;
    vec_clear(&d->entries);
    tv_clear(v);
    if (store_task_get(app->ctx->store, d->id, &d->task, &err) != 0 ||
        store_progress_history_each(app->ctx->store, d->id, add_history, &hi, &err) != 0) {
        tv_free(&hi.lines);
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    const struct task_detail *t = &d->task;
    char due[32], start[32], integrated[32], line[400];
    app_show_date(app, t->row.due, due, sizeof due);
    app_show_date(app, t->start, start, sizeof start);
    app_show_date(app, t->integrated_on, integrated, sizeof integrated);
    tv_add(v, 0, ROLE_MARKED, -1, NULL, "%s  %s", t->row.code, t->title);
    if (t->row.demo)
        tv_add(v, 2, ROLE_AT_RISK, -1, NULL, "%s",
               _("Demo data: invented for illustration, not official"));
    snprintf(line, sizeof line, "%s · %d%%", status_label((enum task_status)t->row.status),
             t->row.percent);
    field(v, _("Status"), line);
    snprintf(line, sizeof line, "%s  %s", t->row.unit, t->unit_name);
    field(v, _("Lead unit"), line);
    field(v, _("Cooperating units"), t->coop);
    field(v, _("Group"), t->group);
    field(v, _("Phase"), t->phase);
    field(v, _("Start"), start);
    field(v, _("Due"), due);
    field(v, _("Expected output"), t->output);
    field(v, _("Priority"), priority_label(t->priority));
    snprintf(line, sizeof line, "%s · %s", integrated, t->integrated_doc);
    field(v, _("In the unit's own plan"), integrated[0] != '\0' ? line : _("not recorded"));
    if (t->description[0] != '\0')
        tv_add(v, 6, ROLE_NORMAL, -1, NULL, "%s", t->description);
    tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
    tv_add(v, 0, ROLE_MARKED, -1, NULL,
           ngettext("Progress history (%d entry, newest first)",
                    "Progress history (%d entries, newest first)", (unsigned long)d->entries.n),
           (int)d->entries.n);
    if (d->entries.n == 0)
        tv_add(v, 2, ROLE_MUTED, -1, NULL, "%s", _("no progress entered yet"));
    tv_append(v, &hi.lines);
    if (v->failed) {
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    return 0;
}

static void detail_close(struct app *app, void *state)
{
    struct detail_state *d = state;
    tv_screen_close(app, state);
    vec_free(&d->entries);
}

static int detail_open(struct app *app, void *state, void *arg)
{
    struct detail_state *d = state;
    d->id = *(const long *)arg;
    vec_init(&d->entries, sizeof(long));
    if (load(app, d) != 0) {
        detail_close(app, d);
        return -1;
    }
    return 0;
}

static enum tui_result detail_handle(struct app *app, void *state, enum action act, int key)
{
    struct detail_state *d = state;
    if (act == ACT_PROGRESS)
        return app_open(app, &progress_screen, &d->id);
    if (act != ACT_OPEN)
        return tv_screen_handle(app, state, act, key);
    /* Enter: the entry being read, by itself and whole. */
    int i = tv_current_tag(&d->view);
    const long *entry = i >= 0 ? vec_at(&d->entries, (size_t)i) : NULL;
    if (entry == NULL) {
        app_message(app, false, "%s", _("Scroll to a history entry: Enter shows it whole"));
        return TUI_REDRAW;
    }
    struct entry_args a = {d->task.row.code, d->task.title, d->id, *entry};
    return app_open(app, &entry_screen, &a);
}

static enum tui_result detail_resume(struct app *app, void *state, int result)
{
    if (result == SCREEN_CHANGED)
        load(app, state);
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
    .draw = tv_screen_draw,
    .needs = task_detail_screen_needs,
    .title = N_("Task"),
    .state_size = sizeof(struct detail_state),
    .open = detail_open,
    .handle = detail_handle,
    .close = detail_close,
    .resume = detail_resume,
    .actions = detail_actions,
    .keybar = detail_keybar,
};

/* ---- One history entry, whole ---- */

struct entry_find {
    struct app *app;
    struct textview *view;
    long id;
    bool found;
};

static int add_whole(void *ctx, const struct progress_row *h)
{
    struct entry_find *f = ctx;
    if (h->id == f->id)
        add_entry(f->app, f->view, -1, h, true);
    f->found |= h->id == f->id;
    return f->found;
}

static int entry_open(struct app *app, void *state, void *arg)
{
    struct textview *v = state;
    const struct entry_args *a = arg;
    struct entry_find f = {app, v, a->entry_id, false};
    struct td_err err = {0};
    tv_add(v, 0, ROLE_MARKED, -1, NULL, "%s  %s", a->code, a->title);
    tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
    if (store_progress_history_each(app->ctx->store, a->task_id, add_whole, &f, &err) != 0 ||
        !f.found || v->failed) {
        app_message(app, true, "%s",
                    err.msg[0] != '\0' ? err.msg
                    : !f.found         ? _("that progress entry is no longer there")
                                       : _("out of memory"));
        tv_free(v);
        return -1;
    }
    return 0;
}

const struct screen_ops entry_screen = {
    TV_SCREEN_OPS,
    .title = N_("Progress entry"),
    .state_size = sizeof(struct textview),
    .open = entry_open,
};
