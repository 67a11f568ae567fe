/* The task filter: a small form of choices (lead unit, status, overdue only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"

enum { F_UNIT, F_STATUS, F_FLAGS, F_PHASE, F_GROUP, F_COUNT };

struct filter_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    void *tasks;
    struct form_field fields[F_COUNT];
    const char **unit_labels; /* every unit, however many */
    char (*unit_text)[300];
    const char *status_labels[ST_COUNT];
    const char *flag_labels[3];
    struct unit_picks phases, groups; /* all of them */
};

static enum tui_result filter_apply(struct app *app, void *state);

static const struct form_spec filter_form_spec = {.save = filter_apply};

static int filter_open(struct app *app, void *state, void *arg)
{
    struct filter_state *f = state;
    f->tasks = arg;
    const struct unit_choice *units;
    int nunits;
    struct task_filter *tf = tasks_filter(arg, &units, &nunits);
    f->unit_labels = malloc(((size_t)nunits + 1) * sizeof *f->unit_labels);
    f->unit_text = malloc(((size_t)nunits + 1) * sizeof *f->unit_text);
    if (f->unit_labels == NULL || f->unit_text == NULL) {
        free(f->unit_labels);
        free(f->unit_text);
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    f->unit_labels[0] = _("(all units)");
    int unit_at = 0;
    for (int i = 0; i < nunits; i++) {
        snprintf(f->unit_text[i], sizeof f->unit_text[i], "%s  %s", units[i].code, units[i].name);
        f->unit_labels[i + 1] = f->unit_text[i];
        if (units[i].id == tf->unit_id)
            unit_at = i + 1;
    }
    for (int s = 0; s < ST_COUNT; s++)
        f->status_labels[s] = status_label((enum task_status)s);
    for (int b = 0; b < 3; b++)
        f->flag_labels[b] = _(flag_names[b]);
    form_field_choice(&f->fields[F_UNIT], _("Lead unit"), f->unit_labels, nunits + 1, unit_at);
    form_field_choice(&f->fields[F_STATUS], _("Status (none: any)"), f->status_labels, ST_COUNT, 0);
    f->fields[F_STATUS].rule.type = FT_MULTI;
    form_multi_set_bits(&f->fields[F_STATUS], tf->statuses);
    form_field_choice(&f->fields[F_FLAGS], _("Flags (none: any)"), f->flag_labels, 3, 0);
    f->fields[F_FLAGS].rule.type = FT_MULTI;
    form_multi_set_bits(&f->fields[F_FLAGS], tf->flags);
    if (choice_picks_load(app, &f->phases, PICK_PHASES, _("(any phase)"), PICK_NAME) != 0 ||
        choice_picks_load(app, &f->groups, PICK_GROUPS, _("(any group)"), PICK_CODE_NAME) != 0) {
        unit_picks_free(&f->phases);
        free(f->unit_labels);
        free(f->unit_text);
        return -1;
    }
    int phase_at = 0, group_at = 0;
    for (int i = 0; i < f->phases.n; i++)
        if (f->phases.units[i].id == tf->phase_id)
            phase_at = i + 1;
    for (int i = 0; i < f->groups.n; i++)
        if (f->groups.units[i].id == tf->group_id)
            group_at = i + 1;
    form_field_choice(&f->fields[F_PHASE], _("Phase"), f->phases.labels, f->phases.nlabels,
                      phase_at);
    form_field_choice(&f->fields[F_GROUP], _("Group"), f->groups.labels, f->groups.nlabels,
                      group_at);
    f->base.cancel_quietly = true;
    form_base_init(&f->base, &filter_form_spec, f->fields, F_COUNT,
                   _("Choose with ← → and Enter (a list, or a tick); F2 applies"));
    return 0;
}

static enum tui_result filter_apply(struct app *app, void *state)
{
    struct filter_state *f = state;
    const struct unit_choice *units;
    int nunits;
    struct task_filter *tf = tasks_filter(f->tasks, &units, &nunits);
    int u = f->fields[F_UNIT].choice;
    tf->unit_id = u > 0 ? units[u - 1].id : 0;
    tf->statuses = (unsigned)form_multi_bits(&f->fields[F_STATUS]);
    tf->flags = (unsigned)form_multi_bits(&f->fields[F_FLAGS]);
    int ph = f->fields[F_PHASE].choice, gr = f->fields[F_GROUP].choice;
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
    free(f->unit_labels);
    free(f->unit_text);
}

const struct screen_ops filter_screen = {
    .title = N_("Filter"),
    .state_size = sizeof(struct filter_state),
    .open = filter_open,
    .close = filter_close,
    FORM_SCREEN_OPS,
};
