/* What the task list shows: the filter, a small form of choices (lead unit, status, flags,
 * phase, group), the order (a choice of the columns), the footer's words for both, and the
 * store's reads of the tasks they let through. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tasks.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

enum { F_UNIT, F_STATUS, F_FLAGS, F_PHASE, F_GROUP, F_COUNT };

struct filter_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct task_view *view;
    struct form_field fields[F_COUNT];
    const char *status_labels[ST_COUNT];
    const char *flag_labels[3];
    struct unit_picks phases, groups; /* all of them */
};

/* In the order of the enum task_flag bits. */
static const char *const flag_names[3] = {N_("overdue"), N_("behind schedule"), N_("due soon")};

static void word(char *out, size_t size, const char *w)
{
    size_t n = strlen(out);
    snprintf(out + n, size - n, "%s ", w);
}

int task_view_init(struct app *app, struct task_view *v, const long *unit_id)
{
    if (unit_id != NULL)
        v->filter.unit_id = *unit_id;
    v->filter.rules = (struct flag_rules){app->ctx->today, (int)app->ctx->cfg->behind_tolerance,
                                          (int)app->ctx->cfg->due_soon_days};
    return choice_picks_load(app, &v->units, PICK_UNITS, _("(all units)"), PICK_CODE_NAME);
}

void task_view_free(void *state)
{
    unit_picks_free(&((struct task_view *)state)->units);
}

int task_view_count(struct app *app, void *state, long *n, struct td_err *err)
{
    return store_task_count(app->ctx->store, &((struct task_view *)state)->filter, n, err);
}

int task_view_page(struct app *app, void *state, long first, int n, void *rows, int *got,
                   struct td_err *err)
{
    struct task_view *v = state;
    return store_task_page(app->ctx->store, &v->filter, v->sort, v->desc, first, n, rows, got, err);
}

long task_view_find(struct app *app, void *state, const char *needle, long from, int dir,
                    struct td_err *err)
{
    struct task_view *v = state;
    return store_task_find(app->ctx->store, &v->filter, v->sort, v->desc, needle, from, dir, err);
}

void task_view_loaded(struct app *app, void *state)
{
    struct task_view *v = state;
    const struct task_filter *tf = &v->filter;
    char *out = v->base.footer, f[200] = "";
    size_t size = sizeof v->base.footer;
    (void)app;
    snprintf(out, size, _("sorted by %s %s"), v->base.cols[v->sort].title, v->desc ? "↓" : "↑");
    int u = unit_picks_at(&v->units, tf->unit_id);
    if (u > 0)
        word(f, sizeof f, v->units.units[u - 1].code);
    for (int st = 0; st < ST_COUNT; st++)
        if ((tf->statuses >> st) & 1)
            word(f, sizeof f, status_label((enum task_status)st));
    if (tf->phase_id != 0 || tf->group_id != 0)
        word(f, sizeof f,
             tf->phase_id != 0 && tf->group_id != 0 ? _("phase, group")
             : tf->phase_id != 0                    ? _("phase")
                                                    : _("group"));
    for (int b = 0; b < 3; b++)
        if ((tf->flags >> b) & 1)
            word(f, sizeof f, _(flag_names[b]));
    if (f[0] != '\0') {
        size_t n = strlen(out);
        snprintf(out + n, size - n, _(" · filter: %s"), f);
    }
    v->base.list.footer_extra = out;
}

/* A column chosen again reverses the order. */
static enum tui_result sorted(struct app *app, void *ctx, int result)
{
    struct task_view *v = ctx;
    (void)app;
    if (result < 0)
        return TUI_REDRAW;
    v->desc = (enum task_sort)result == v->sort && !v->desc;
    v->sort = (enum task_sort)result;
    return list_base_changed(&v->base);
}

enum tui_result task_view_sort(struct app *app, struct task_view *v)
{
    const char *labels[TSORT_COUNT]; /* the columns, named as they are headed */
    for (int i = 0; i < TSORT_COUNT; i++)
        labels[i] = v->base.cols[i].title;
    struct choice_args args = {_("Sort by (again: reverse)"), labels, TSORT_COUNT, (int)v->sort};
    return app_open_then(app, &choice_dialog, &args, sorted, v);
}

static enum tui_result filtered(struct app *app, void *ctx, int result)
{
    (void)app;
    return result == SCREEN_CHANGED ? list_base_changed(ctx) : TUI_REDRAW;
}

enum tui_result task_view_filter(struct app *app, struct task_view *v)
{
    return app_open_then(app, &filter_screen, v, filtered, v);
}

static enum tui_result filter_apply(struct app *app, void *state);

static const struct form_spec filter_form_spec = {.save = filter_apply};

static int filter_open(struct app *app, void *state, void *arg)
{
    struct filter_state *f = state;
    struct task_view *v = f->view = arg;
    const struct task_filter *tf = &v->filter;
    if (choice_picks_load(app, &f->phases, PICK_PHASES, _("(any phase)"), PICK_NAME) != 0 ||
        choice_picks_load(app, &f->groups, PICK_GROUPS, _("(any group)"), PICK_CODE_NAME) != 0) {
        unit_picks_free(&f->phases);
        return -1;
    }
    for (int s = 0; s < ST_COUNT; s++)
        f->status_labels[s] = status_label((enum task_status)s);
    for (int b = 0; b < 3; b++)
        f->flag_labels[b] = _(flag_names[b]);
    form_field_choice(&f->fields[F_UNIT], _("Lead unit"), v->units.labels, v->units.nlabels,
                      unit_picks_at(&v->units, tf->unit_id));
    form_field_choice(&f->fields[F_STATUS], _("Status (none: any)"), f->status_labels, ST_COUNT, 0);
    f->fields[F_STATUS].rule.type = FT_MULTI;
    form_multi_set_bits(&f->fields[F_STATUS], tf->statuses);
    form_field_choice(&f->fields[F_FLAGS], _("Flags (none: any)"), f->flag_labels, 3, 0);
    f->fields[F_FLAGS].rule.type = FT_MULTI;
    form_multi_set_bits(&f->fields[F_FLAGS], tf->flags);
    form_field_choice(&f->fields[F_PHASE], _("Phase"), f->phases.labels, f->phases.nlabels,
                      unit_picks_at(&f->phases, tf->phase_id));
    form_field_choice(&f->fields[F_GROUP], _("Group"), f->groups.labels, f->groups.nlabels,
                      unit_picks_at(&f->groups, tf->group_id));
    f->base.cancel_quietly = true;
    form_base_init(&f->base, &filter_form_spec, f->fields, F_COUNT,
                   _("Choose with ← → and Enter (a list, or a tick); F2 applies"));
    return 0;
}

static enum tui_result filter_apply(struct app *app, void *state)
{
    struct filter_state *f = state;
    struct task_filter *tf = &f->view->filter;
    int u = f->fields[F_UNIT].choice, ph = f->fields[F_PHASE].choice,
        gr = f->fields[F_GROUP].choice;
    tf->unit_id = u > 0 ? f->view->units.units[u - 1].id : 0;
    tf->statuses = (unsigned)form_multi_bits(&f->fields[F_STATUS]);
    tf->flags = (unsigned)form_multi_bits(&f->fields[F_FLAGS]);
    tf->phase_id = ph > 0 ? f->phases.units[ph - 1].id : 0;
    tf->group_id = gr > 0 ? f->groups.units[gr - 1].id : 0;
    return app_close(app, SCREEN_CHANGED);
}

static void filter_close(struct app *app, void *state)
{
    struct filter_state *f = state;
    form_base_close(app, state);
    unit_picks_free(&f->phases);
    unit_picks_free(&f->groups);
}

const struct screen_ops filter_screen = {
    .title = N_("Filter"),
    .state_size = sizeof(struct filter_state),
    .open = filter_open,
    .close = filter_close,
    FORM_SCREEN_OPS,
};
