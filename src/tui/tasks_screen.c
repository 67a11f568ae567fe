/* Tasks: the list of the plan's tasks and solutions, with search, sort, filter and marks;
 * Enter opens a task, p enters progress. The rows come a page at a time from the store (keyset
 * paging), as many as the list shows. */
#include <stdio.h>

#include "app.h"
#include "list.h"
#include "screens.h"
#include "tasks.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

struct tasks_state {
    struct task_view view;     /* first: a list_base, then the filter and order */
    struct task_delete doomed; /* the task a delete asks about */
};

/* ! overdue, ~ behind schedule, › due soon: the mark before the status, and the row's colour. */
static void tasks_format(struct app *app, void *state, const void *row, char (*buf)[LIST_CELL],
                         struct list_row *out)
{
    const struct task_row *r = row;
    unsigned fl = r->flags;
    const char *mark = (fl & FLAG_OVERDUE) != 0    ? "!"
                       : (fl & FLAG_BEHIND) != 0   ? "~"
                       : (fl & FLAG_DUE_SOON) != 0 ? "›"
                                                   : "";
    (void)state;
    app_show_date(app, r->due, buf[3], LIST_CELL);
    snprintf(buf[4], LIST_CELL, "%s%s", mark, status_short((enum task_status)r->status));
    snprintf(buf[5], LIST_CELL, "%d", r->percent);
    *out = (struct list_row){r->id,
                             {r->code, r->title, r->unit, buf[3], buf[4], buf[5]},
                             (fl & FLAG_OVERDUE) != 0                    ? ROLE_OVERDUE
                             : (fl & (FLAG_BEHIND | FLAG_DUE_SOON)) != 0 ? ROLE_AT_RISK
                             : r->status == ST_DONE                      ? ROLE_DONE
                                                                         : ROLE_NORMAL};
}

/* What a key opens for the task under the cursor (nothing on an empty list). */
static enum tui_result open_task(struct app *app, const void *row, const struct screen_ops *ops)
{
    long id = row != NULL ? ((const struct task_row *)row)->id : -1;
    return id < 0 ? TUI_HANDLED : app_open(app, ops, &id);
}

static enum tui_result tasks_enter(struct app *app, void *state, const void *row)
{
    (void)state;
    return open_task(app, row, &task_detail_screen);
}

static enum tui_result tasks_action(struct app *app, void *state, enum action act, const void *row)
{
    struct tasks_state *t = state;
    struct list_widget *list = &t->view.base.list;
    switch (act) {
    case ACT_PROGRESS:
        if (list->nmarks > 0) /* one update for the marked tasks */
            return app_open(app, &bulk_screen, list);
        return open_task(app, row, &progress_screen);
    case ACT_ADD:
        return app_open(app, &task_form_screen, NULL);
    case ACT_EDIT:
        return open_task(app, row, &task_form_screen);
    case ACT_DELETE:
        return row != NULL ? task_delete_ask(app, &t->doomed, ((const struct task_row *)row)->id)
                           : TUI_HANDLED;
    case ACT_UNDO:
        task_undo(app);
        list_base_reload(&t->view.base);
        return TUI_REDRAW;
    case ACT_SORT:
        return task_view_sort(app, &t->view);
    case ACT_FILTER:
        return task_view_filter(app, &t->view);
    default:
        return TUI_HANDLED;
    }
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
    .row_size = sizeof(struct task_row),
    .export_name = "tasks",
    .count = task_view_count,
    .page = task_view_page,
    .find = task_view_find,
    .format = tasks_format,
    .loaded = task_view_loaded,
    .enter = tasks_enter,
    .action = tasks_action,
    .close = task_view_free,
};

static int tasks_open(struct app *app, void *state, void *arg)
{
    struct tasks_state *t = state;
    t->doomed.list = &t->view.base;
    if (task_view_init(app, &t->view, arg) != 0)
        return -1;
    return list_base_open(app, state, &tasks_spec);
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
