/* What the task list shares with the forms it opens: its filter and order (filter_screen.c),
 * and a delete that asks first (task_form_screen.c). */
#ifndef TIENDO_TUI_TASKS_H
#define TIENDO_TUI_TASKS_H

#include "app.h"
#include "list.h"
#include "tiendo/store_tasks.h"

/* What the task list shows, after its list_base: the filter (f: a form), the order (s: a choice
 * of the columns; again reverses), each loading the list again from its top. */
struct task_view {
    struct list_base base;
    struct task_filter filter;
    enum task_sort sort;
    bool desc;
    struct unit_picks units; /* "(all units)", then "code  name": for the filter */
};
/* Every task, or those of the lead unit *unit_id; 0, or -1 after saying why. */
int task_view_init(struct app *app, struct task_view *v, const long *unit_id);
/* The list_spec's close (state: the task_view). */
void task_view_free(void *state);
/* The list_spec's count, page and find: the tasks the filter lets through, in the order. */
int task_view_count(struct app *app, void *state, long *n, struct td_err *err);
int task_view_page(struct app *app, void *state, long first, int n, void *rows, int *got,
                   struct td_err *err);
long task_view_find(struct app *app, void *state, const char *needle, long from, int dir,
                    struct td_err *err);
enum tui_result task_view_filter(struct app *app, struct task_view *v);
enum tui_result task_view_sort(struct app *app, struct task_view *v);
/* The list_spec's loaded (state: the task_view): the footer says the order and the filter. */
void task_view_loaded(struct app *app, void *state);

/* d on the task list: asks whether to delete task id (kept in d meanwhile), deletes it when
 * told to and loads d->list again. */
struct task_delete {
    struct list_base *list;
    struct task_detail task;
};
enum tui_result task_delete_ask(struct app *app, struct task_delete *d, long id);
/* u: takes back the user's last change, saying what it was. */
void task_undo(struct app *app);

#endif
