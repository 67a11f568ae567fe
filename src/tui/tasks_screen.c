/* Tasks: the list of the plan's tasks and solutions, with search, sort, filter and marks;
 * Enter opens a task, p enters progress. The rows come a page at a time from the store (keyset
 * paging), as many as the list asks for. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "dialog.h"
#include "list.h"
#include "screens.h"
#include "tasks.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

struct shown {
    char due[16], status[40], percent[8];
};

struct tasks_state {
    struct task_view view; /* first: a list_base, then the filter and order */
    struct task_row *rows; /* the last page fetched, and its cells: grown to what is asked */
    struct shown *shown;
    int cap;
    struct task_delete doomed; /* the task a delete asks about */
};

static long src_count(void *ctx)
{
    struct tasks_state *t = ctx;
    long n = 0;
    struct td_err err;
    if (store_task_count(t->view.base.app->ctx->store, &t->view.filter, &n, &err) != 0)
        app_message(t->view.base.app, true, "%s", err.msg);
    return n;
}

/* ! overdue, ~ behind schedule, › due soon: the mark before the status, and the row's colour. */
static void format(const struct app *app, const struct task_row *r, struct shown *s,
                   struct list_row *out)
{
    unsigned fl = r->flags;
    const char *mark = (fl & FLAG_OVERDUE) != 0    ? "!"
                       : (fl & FLAG_BEHIND) != 0   ? "~"
                       : (fl & FLAG_DUE_SOON) != 0 ? "›"
                                                   : "";
    app_show_date(app, r->due, s->due, sizeof s->due);
    snprintf(s->status, sizeof s->status, "%s%s", mark, status_short((enum task_status)r->status));
    snprintf(s->percent, sizeof s->percent, "%d", r->percent);
    *out = (struct list_row){r->id,
                             {r->code, r->title, r->unit, s->due, s->status, s->percent},
                             (fl & FLAG_OVERDUE) != 0                    ? ROLE_OVERDUE
                             : (fl & (FLAG_BEHIND | FLAG_DUE_SOON)) != 0 ? ROLE_AT_RISK
                             : r->status == ST_DONE                      ? ROLE_DONE
                                                                         : ROLE_NORMAL};
}

static int src_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct tasks_state *t = ctx;
    struct app *app = t->view.base.app;
    int got = 0;
    struct td_err err;
    if (n > t->cap) {
        struct task_row *r = realloc(t->rows, (size_t)n * sizeof *r);
        if (r != NULL)
            t->rows = r;
        struct shown *s = r != NULL ? realloc(t->shown, (size_t)n * sizeof *s) : NULL;
        if (s == NULL) {
            app_message(app, true, "%s", _("out of memory"));
            return 0;
        }
        t->shown = s;
        t->cap = n;
    }
    if (store_task_page(app->ctx->store, &t->view.filter, t->view.sort, t->view.desc, first, n,
                        t->rows, &got, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return 0;
    }
    for (int i = 0; i < got; i++)
        format(app, &t->rows[i], &t->shown[i], &rows[i]);
    return got;
}

static long src_find(void *ctx, const char *needle, long from, int dir)
{
    struct tasks_state *t = ctx;
    struct td_err err;
    return store_task_find(t->view.base.app->ctx->store, &t->view.filter, t->view.sort,
                           t->view.desc, needle, from, dir, &err);
}

/* The source pages the store: keyset paging behind the same list as every other. */
static struct list_source tasks_source(void *state)
{
    return (struct list_source){state, src_count, src_fetch, src_find};
}

static enum tui_result open_selected(struct app *app, void *state, const struct screen_ops *ops)
{
    long id = list_selected_id(&((struct list_base *)state)->list);
    return id < 0 ? TUI_HANDLED : app_open(app, ops, &id);
}

static enum tui_result tasks_enter(struct app *app, void *state, const void *row)
{
    (void)row;
    return open_selected(app, state, &task_detail_screen);
}

static enum tui_result tasks_action(struct app *app, void *state, enum action act, const void *row)
{
    struct tasks_state *t = state;
    struct list_widget *list = &t->view.base.list;
    (void)row;
    switch (act) {
    case ACT_PROGRESS:
        if (list->nmarks > 0) /* one update for the marked tasks */
            return app_open(app, &bulk_screen, list);
        return open_selected(app, t, &progress_screen);
    case ACT_ADD:
        return app_open(app, &task_form_screen, NULL);
    case ACT_EDIT:
        return open_selected(app, t, &task_form_screen);
    case ACT_DELETE:
        return task_delete_ask(app, &t->doomed, list_selected_id(list));
    case ACT_UNDO:
        task_undo(app);
        list_reload(list);
        return TUI_REDRAW;
    case ACT_SORT:
        return task_view_sort(app, &t->view);
    case ACT_FILTER:
        return task_view_filter(app, &t->view);
    default:
        return TUI_HANDLED;
    }
}

static void tasks_close(void *state)
{
    struct tasks_state *t = state;
    task_view_free(&t->view);
    free(t->rows);
    free(t->shown);
}

/* In the order of enum task_sort: s sorts by them. */
static const struct list_column tasks_cols[] = {
    {N_("Code"), {7, 5, 0}, false, true},     {N_("Task"), {0, 16, 1}, false, true},
    {N_("Lead"), {8, 5, 0}, false, false},    {N_("Due"), {10, 10, 0}, false, false},
    {N_("Status"), {10, 6, 0}, false, false}, {N_("%"), {3, 3, 0}, true, false},
};

static const struct list_spec tasks_spec = {
    .cols = tasks_cols,
    .ncols = TSORT_COUNT,
    .export_name = "tasks",
    .source = tasks_source,
    .loaded = task_view_loaded,
    .enter = tasks_enter,
    .action = tasks_action,
    .close = tasks_close,
};

static int tasks_open(struct app *app, void *state, void *arg)
{
    struct tasks_state *t = state;
    t->doomed.list = &t->view.base;
    if (task_view_init(app, &t->view, arg) != 0)
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
