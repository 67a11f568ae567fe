/* Tasks: the list of the plan's tasks and solutions, with search, sort, filter and marks;
 * Enter opens a task, p enters progress. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

#define PAGE_MAX 256 /* the most rows a list draws or exports at a time */

enum pending { P_NONE, P_SORT, P_PROGRESS, P_DETAIL, P_FORM, P_DELETE };

struct shown {
    struct task_row row;
    char due[16], status[40], percent[8];
};

struct tasks_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    struct app *app;
    struct task_filter filter;
    enum task_sort sort;
    bool desc;
    struct shown page[PAGE_MAX];
    enum pending pending;
    struct unit_picks units;
    struct task_detail doomed; /* the task a delete asks about */
};

/* In the order of the enum task_flag bits. */
const char *const flag_names[3] = {N_("overdue"), N_("behind schedule"), N_("due soon")};

static const char *const sort_names[TSORT_COUNT] = {N_("Code"), N_("Task"),   N_("Lead"),
                                                    N_("Due"),  N_("Status"), N_("%")};

static long src_count(void *ctx)
{
    struct tasks_state *t = ctx;
    long n = 0;
    struct td_err err;
    if (store_task_count(t->app->ctx->store, &t->filter, &n, &err) != 0)
        app_message(t->app, true, "%s", err.msg);
    return n;
}

static int src_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct tasks_state *t = ctx;
    struct task_row raw[PAGE_MAX];
    int got = 0;
    struct td_err err;
    if (n > PAGE_MAX)
        n = PAGE_MAX;
    if (store_task_page(t->app->ctx->store, &t->filter, t->sort, t->desc, first, n, raw, &got,
                        &err) != 0) {
        app_message(t->app, true, "%s", err.msg);
        return 0;
    }
    const char *fmt = t->app->ctx->cfg->date_format;
    for (int i = 0; i < got; i++) {
        struct shown *s = &t->page[i];
        s->row = raw[i];
        td_date due;
        s->due[0] = '\0';
        if (date_parse_iso(raw[i].due, &due) == 0)
            date_format(due, fmt, s->due, sizeof s->due);
        unsigned fl = raw[i].flags;
        /* ! overdue, ~ behind schedule, › due soon: the mark before the status. */
        const char *mark = "";
        if (fl & FLAG_OVERDUE)
            mark = "!";
        else if (fl & FLAG_BEHIND)
            mark = "~";
        else if (fl & FLAG_DUE_SOON)
            mark = "›";
        snprintf(s->status, sizeof s->status, "%s%s", mark,
                 status_short((enum task_status)raw[i].status));
        snprintf(s->percent, sizeof s->percent, "%d", raw[i].percent);
        rows[i].id = raw[i].id;
        rows[i].cells[0] = s->row.code;
        rows[i].cells[1] = s->row.title;
        rows[i].cells[2] = s->row.unit;
        rows[i].cells[3] = s->due;
        rows[i].cells[4] = s->status;
        rows[i].cells[5] = s->percent;
        if (fl & FLAG_OVERDUE)
            rows[i].role = ROLE_OVERDUE;
        else if ((fl & (FLAG_BEHIND | FLAG_DUE_SOON)) != 0)
            rows[i].role = ROLE_AT_RISK;
        else
            rows[i].role = raw[i].status == ST_DONE ? ROLE_DONE : ROLE_NORMAL;
    }
    return got;
}

static long src_find(void *ctx, const char *needle, long from, int dir)
{
    struct tasks_state *t = ctx;
    struct td_err err;
    return store_task_find(t->app->ctx->store, &t->filter, t->sort, t->desc, needle, from, dir,
                           &err);
}

/* The source pages the store: keyset paging behind the same list as every other. */
static struct list_source tasks_source(void *state)
{
    return (struct list_source){state, src_count, src_fetch, src_find};
}

/* The footer: the order and the filter. */
static void describe(struct app *app, void *state)
{
    struct tasks_state *t = state;
    char *footer = t->base.footer;
    size_t size = sizeof t->base.footer;
    char f[200] = "";
    (void)app;
    if (t->filter.unit_id != 0)
        for (int i = 0; i < t->units.n; i++)
            if (t->units.units[i].id == t->filter.unit_id)
                snprintf(f + strlen(f), sizeof f - strlen(f), "%s ", t->units.units[i].code);
    for (int st = 0; st < ST_COUNT; st++)
        if ((t->filter.statuses >> st) & 1)
            snprintf(f + strlen(f), sizeof f - strlen(f), "%s ",
                     status_label((enum task_status)st));
    if (t->filter.phase_id != 0 || t->filter.group_id != 0)
        snprintf(f + strlen(f), sizeof f - strlen(f), "%s ",
                 t->filter.phase_id != 0 && t->filter.group_id != 0 ? _("phase, group")
                 : t->filter.phase_id != 0                          ? _("phase")
                                                                    : _("group"));
    for (int b = 0; b < 3; b++)
        if ((t->filter.flags >> b) & 1)
            snprintf(f + strlen(f), sizeof f - strlen(f), "%s ", _(flag_names[b]));
    snprintf(footer, size, _("sorted by %s %s"), _(sort_names[t->sort]), t->desc ? "↓" : "↑");
    if (f[0] != '\0') {
        size_t len = strlen(footer);
        snprintf(footer + len, size - len, _(" · filter: %s"), f);
    }
    t->base.list.footer_extra = footer;
}

static enum tui_result open_selected(struct app *app, struct tasks_state *t,
                                     const struct screen_ops *ops, enum pending p)
{
    long id = list_selected_id(&t->base.list);
    if (id < 0)
        return TUI_HANDLED;
    t->pending = p;
    return app_open(app, ops, &id);
}

static enum tui_result tasks_changed(struct app *app, struct tasks_state *t)
{
    (void)app;
    list_base_reload(&t->base);
    return TUI_REDRAW;
}

/* The bulk form saved for the marked tasks: done with them. */
static enum tui_result bulk_done(struct app *app, void *state, int result)
{
    struct tasks_state *t = state;
    if (result == SCREEN_CHANGED)
        t->base.list.nmarks = 0;
    return tasks_changed(app, t);
}

/* A new filter: the list starts at its top. */
static enum tui_result filter_done(struct app *app, void *state, int result)
{
    struct tasks_state *t = state;
    if (result == SCREEN_CHANGED)
        t->base.list.selected = t->base.list.top = 0;
    return tasks_changed(app, t);
}

static enum tui_result tasks_enter(struct app *app, void *state, const void *row)
{
    (void)row;
    return open_selected(app, state, &task_detail_screen, P_DETAIL);
}

static enum tui_result tasks_action(struct app *app, void *state, enum action act, const void *row)
{
    struct tasks_state *t = state;
    struct list_widget *list = &t->base.list;
    (void)row;
    switch (act) {
    case ACT_PROGRESS:
        if (list->nmarks > 0) {
            struct bulk_args args = {list->marks, (int)list->nmarks};
            return app_open_then(app, &bulk_screen, &args, bulk_done, t);
        }
        return open_selected(app, t, &progress_screen, P_PROGRESS);
    case ACT_ADD:
        t->pending = P_FORM;
        return app_open(app, &task_form_screen, NULL);
    case ACT_EDIT:
        return open_selected(app, t, &task_form_screen, P_FORM);
    case ACT_DELETE: {
        char text[700];
        struct td_err err;
        long id = list_selected_id(list);
        if (id < 0 || store_task_get(app->ctx->store, id, &t->doomed, &err) != 0)
            return TUI_HANDLED;
        snprintf(text, sizeof text,
                 _("Delete task %s, %s? It leaves the lists but stays in the database with its "
                   "history; u brings it back."),
                 t->doomed.row.code, t->doomed.row.title);
        struct dialog_args ask = {_("Delete"), text, false};
        t->pending = P_DELETE;
        return app_open(app, &confirm_dialog, &ask);
    }
    case ACT_UNDO: {
        char what[512];
        struct td_err err;
        if (store_undo_last(app->ctx->store, what, sizeof what, &err) != 0)
            app_message(app, err.status != TD_E_NOTFOUND, "%s", err.msg);
        else
            app_message(app, false, _("Undone: your last change to %s"), what);
        list_reload(list);
        return TUI_REDRAW;
    }
    case ACT_SORT: {
        const char *labels[TSORT_COUNT];
        for (int i = 0; i < TSORT_COUNT; i++)
            labels[i] = _(sort_names[i]);
        struct choice_args args = {_("Sort by (again: reverse)"), labels, TSORT_COUNT,
                                   (int)t->sort};
        t->pending = P_SORT;
        return app_open(app, &choice_dialog, &args);
    }
    case ACT_FILTER:
        return app_open_then(app, &filter_screen, t, filter_done, t);
    default:
        return TUI_HANDLED;
    }
}

static enum tui_result tasks_resume(struct app *app, void *state, int result)
{
    struct tasks_state *t = state;
    switch (t->pending) {
    case P_SORT:
        if (result >= 0) {
            if ((enum task_sort)result == t->sort)
                t->desc = !t->desc;
            else
                t->sort = (enum task_sort)result, t->desc = false;
        }
        break;
    case P_DELETE:
        if (result == DIALOG_YES) {
            struct td_err err;
            if (store_task_delete(app->ctx->store, t->doomed.row.id, t->doomed.row.version, &err) !=
                0)
                app_message(app, true, "%s", err.msg);
            else
                app_message(app, false, _("Deleted %s (u brings it back)"), t->doomed.row.code);
        }
        break;
    default:
        break;
    }
    t->pending = P_NONE;
    return tasks_changed(app, t);
}

/* The filter form changes these (see filter_screen). */
struct task_filter *tasks_filter(void *state, const struct unit_choice **units, int *nunits)
{
    struct tasks_state *t = state;
    *units = t->units.units;
    *nunits = t->units.n;
    return &t->filter;
}

static void tasks_close(void *state)
{
    unit_picks_free(&((struct tasks_state *)state)->units);
}

static const struct list_column tasks_cols[] = {
    {N_("Code"), {7, 5, 0}, false, true},     {N_("Task"), {0, 16, 1}, false, true},
    {N_("Lead"), {8, 5, 0}, false, false},    {N_("Due"), {10, 10, 0}, false, false},
    {N_("Status"), {10, 6, 0}, false, false}, {N_("%"), {3, 3, 0}, true, false},
};

static const struct list_spec tasks_spec = {
    .cols = tasks_cols,
    .ncols = 6,
    .export_name = "tasks",
    .source = tasks_source,
    .loaded = describe,
    .enter = tasks_enter,
    .action = tasks_action,
    .resume = tasks_resume,
    .close = tasks_close,
};

static int tasks_open(struct app *app, void *state, void *arg)
{
    struct tasks_state *t = state;
    t->app = app;
    if (arg != NULL)
        t->filter.unit_id = *(const long *)arg; /* from the units screen */
    t->filter.rules = (struct flag_rules){app->ctx->today, (int)app->ctx->cfg->behind_tolerance,
                                          (int)app->ctx->cfg->due_soon_days};
    if (unit_picks_load(app, &t->units, NULL) != 0)
        return -1;
    if (list_base_open(app, state, &tasks_spec) != 0) {
        tasks_close(t);
        return -1;
    }
    return 0;
}

static const enum action tasks_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_SORT, ACT_MARK,
                                            ACT_PROGRESS, ACT_UNDO,   ACT_ADD,  ACT_EDIT,
                                            ACT_DELETE,   ACT_NONE};
static const struct keybar_item tasks_keybar[] = {
    {ACT_SEARCH, NULL},        {ACT_FILTER, NULL},
    {ACT_SORT, N_("sort")},    {ACT_PROGRESS, N_("progress")},
    {ACT_OPEN, N_("details")}, {ACT_MARK, N_("mark")},
    {ACT_UNDO, N_("undo")},    {ACT_BACK, N_("back")},
    {ACT_NONE, NULL}};

static const struct action_need tasks_screen_needs[] = {
    {ACT_PROGRESS, NEED_EDITOR}, {ACT_MARK, NEED_EDITOR}, {ACT_UNDO, NEED_EDITOR},
    {ACT_ADD, NEED_ADMIN},       {ACT_EDIT, NEED_ADMIN},  {ACT_DELETE, NEED_ADMIN},
    {ACT_NONE, NEED_NOTHING}};
const struct screen_ops tasks_screen = {
    LIST_BASE_OPS,
    .needs = tasks_screen_needs,
    .title = N_("Tasks and solutions"),
    .state_size = sizeof(struct tasks_state),
    .open = tasks_open,
    .actions = tasks_actions,
    .keybar = tasks_keybar,
};
