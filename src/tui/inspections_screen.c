/* Inspections and surveys: the list (filter by unit and kind), and the form to add or edit
 * one. */
#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

static const char *const kinds[2] = {"inspection", "survey"};
static const char *const followups[3] = {"open", "in_progress", "done"};

static const char *kind_label(const char *code)
{
    return strcmp(code, "survey") == 0 ? _("survey") : _("on-site inspection");
}

static const char *followup_label(const char *code)
{
    if (strcmp(code, "done") == 0)
        return _("followed up");
    if (strcmp(code, "in_progress") == 0)
        return _("follow-up under way");
    return _("follow-up open");
}

/* ---- The form ---- */

enum {
    IF_KIND,
    IF_DATE,
    IF_UNITS,
    IF_SCOPE,
    IF_FINDINGS,
    IF_RECS,
    IF_FOLLOWUP,
    IF_FDATE,
    IF_TASKS,
    IF_COUNT
};

struct iform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct inspection_row row;
    struct unit_picks units; /* every unit, however many */
    const char *kind_labels[2], *follow_labels[3];
    struct form_field fields[IF_COUNT];
};

static enum tui_result iform_save(struct app *app, void *state);
static const struct screen_ops iform_screen;

/* The inspection as it is now in the database (someone else saved it meanwhile). */
static int iform_reread(struct app *app, void *state, void *fresh)
{
    struct td_err err;
    return store_inspection_get(app->ctx->store, ((const struct iform_state *)state)->row.id, fresh,
                                &err);
}

static void iform_adopt(void *state, const void *fresh)
{
    ((struct iform_state *)state)->row.version = ((const struct inspection_row *)fresh)->version;
}

static const struct form_spec iform_spec = {
    &iform_screen, iform_save, sizeof(struct inspection_row), iform_reread, iform_adopt};

static int iform_open(struct app *app, void *state, void *arg)
{
    struct iform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct inspection_row *)arg;
    else
        snprintf(s->row.kind, sizeof s->row.kind, "inspection");
    if (unit_picks_load(app, &s->units, NULL) != 0)
        return -1;
    s->kind_labels[0] = _("on-site inspection");
    s->kind_labels[1] = _("survey");
    for (int i = 0; i < 3; i++)
        s->follow_labels[i] = followup_label(followups[i]);
    struct field_rule date = {
        .type = FT_DATE, .date_format = app->ctx->cfg->date_format, .today = app->ctx->today};
    struct field_rule required_date = date;
    required_date.required = true;
    struct field_rule text = {.type = FT_TEXT, .max_chars = 500};
    struct field_rule multi = {.type = FT_MULTILINE, .max_chars = 2000};
    char d1[32], d2[32];
    app_show_date(app, s->row.date, d1, sizeof d1);
    app_show_date(app, s->row.followup_date, d2, sizeof d2);
    struct form_field *f = s->fields;
    form_field_choice(&f[IF_KIND], _("Kind"), s->kind_labels, 2,
                      strcmp(s->row.kind, "survey") == 0);
    form_field_text(&f[IF_DATE], _("Date"), required_date, d1);
    form_field_choice(&f[IF_UNITS], _("Units"), s->units.labels, s->units.n, 0);
    f[IF_UNITS].rule.type = FT_MULTI;
    f[IF_UNITS].rule.required = true;
    char copy[sizeof s->row.units];
    snprintf(copy, sizeof copy, "%s", s->row.units);
    char *save = NULL;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save))
        for (int i = 0; i < s->units.n; i++)
            if (strcmp(s->units.units[i].code, c) == 0)
                form_multi_set(&f[IF_UNITS], i, true);
    form_field_text(&f[IF_SCOPE], _("Scope"), text, s->row.scope);
    form_field_text(&f[IF_FINDINGS], _("Findings"), multi, s->row.findings);
    form_field_text(&f[IF_RECS], _("Recommendations"), multi, s->row.recommendations);
    int fu = 0;
    for (int i = 0; i < 3; i++)
        if (strcmp(s->row.followup_status, followups[i]) == 0)
            fu = i;
    form_field_choice(&f[IF_FOLLOWUP], _("Follow-up"), s->follow_labels, 3, fu);
    form_field_text(&f[IF_FDATE], _("Follow-up date"), date, d2);
    form_field_text(&f[IF_TASKS], _("Tasks concerned"), text, s->row.tasks);
    f[IF_TASKS].note = _("task codes, separated by commas");
    form_base_init(&s->base, &iform_spec, s->fields, IF_COUNT,
                   s->row.id != 0 ? _("Edit the inspection or survey")
                                  : _("A new inspection or survey"));
    return 0;
}

static enum tui_result iform_save(struct app *app, void *state)
{
    struct iform_state *s = state;
    struct form_field *f = s->fields;
    struct inspection_row r = s->row;
    snprintf(r.kind, sizeof r.kind, "%s", kinds[f[IF_KIND].choice]);
    date_format_iso(f[IF_DATE].value.date, r.date);
    r.followup_date[0] = '\0';
    if (!f[IF_FDATE].empty)
        date_format_iso(f[IF_FDATE].value.date, r.followup_date);
    r.units[0] = '\0';
    for (int i = 0; i < s->units.n; i++)
        if (form_multi_get(&f[IF_UNITS], i))
            snprintf(r.units + strlen(r.units), sizeof r.units - strlen(r.units), "%s%s",
                     r.units[0] != '\0' ? ", " : "", s->units.units[i].code);
    copy_nfc(r.scope, sizeof r.scope, f[IF_SCOPE].buf.text);
    copy_nfc(r.findings, sizeof r.findings, f[IF_FINDINGS].buf.text);
    copy_nfc(r.recommendations, sizeof r.recommendations, f[IF_RECS].buf.text);
    copy_nfc(r.tasks, sizeof r.tasks, f[IF_TASKS].buf.text);
    snprintf(r.followup_status, sizeof r.followup_status, "%s", followups[f[IF_FOLLOWUP].choice]);
    struct td_err err;
    if (store_inspection_save(app->ctx->store, &r, &err) != 0) {
        if (err.status == TD_E_INVALID) { /* a task code that does not exist */
            snprintf(f[IF_TASKS].error, sizeof f[IF_TASKS].error, "%s", err.msg);
            s->base.form.current = IF_TASKS;
            return TUI_REDRAW;
        }
        return form_refused(app, state, &err);
    }
    app_message(app, false, "%s", _("Saved the inspection or survey"));
    return app_close(app, SCREEN_CHANGED);
}

static void iform_close(struct app *app, void *state)
{
    unit_picks_free(&((struct iform_state *)state)->units);
    form_base_close(app, state);
}

static const struct screen_ops iform_screen = {
    .needs = form_needs_admin,
    .title = N_("Inspection or survey"),
    .state_size = sizeof(struct iform_state),
    .open = iform_open,
    .close = iform_close,
    FORM_SCREEN_OPS,
};

/* ---- The list ---- */

struct insp_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    long unit_id;
    int kind; /* 0 any, 1 inspection, 2 survey */
    struct unit_picks units;
    const char *kind_labels[3];
};

LIST_KEEP(keep, struct inspection_row)

static int insp_load(struct app *app, void *state, struct td_err *err)
{
    struct insp_state *s = state;
    return store_inspection_list_each(app->ctx->store, s->unit_id,
                                      s->kind > 0 ? kinds[s->kind - 1] : "", keep, s, err) < 0
               ? -1
               : 0;
}

static void insp_loaded(struct app *app, void *state)
{
    struct insp_state *s = state;
    int at = unit_picks_at(&s->units, s->unit_id);
    const char *unit = at > 0 ? s->units.labels[at] : _("all units");
    (void)app;
    snprintf(s->base.footer, sizeof s->base.footer, "%s · %s", unit, s->kind_labels[s->kind]);
    s->base.list.footer_extra = s->base.footer;
}

static void insp_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                        struct list_row *out)
{
    const struct inspection_row *r = row;
    (void)state;
    app_show_date(app, r->date, c[0], LIST_CELL);
    *out = (struct list_row){
        r->id,
        {c[0], kind_label(r->kind), r->units, r->scope, followup_label(r->followup_status)},
        strcmp(r->followup_status, "done") == 0 ? ROLE_DONE : ROLE_NORMAL};
}

static enum tui_result insp_enter(struct app *app, void *state, const void *row)
{
    (void)state;
    return app_open(app, &iform_screen, (void *)row);
}

static enum tui_result kind_picked(struct app *app, struct list_base *b, int result)
{
    (void)app;
    ((struct insp_state *)b)->kind = result;
    return list_base_changed(b);
}

static enum tui_result unit_picked(struct app *app, struct list_base *b, int result)
{
    struct insp_state *s = (struct insp_state *)b;
    (void)app;
    s->unit_id = result > 0 ? s->units.units[result - 1].id : 0;
    return list_choose(b, _("Kind"), s->kind_labels, 3, s->kind, kind_picked);
}

static enum tui_result insp_action(struct app *app, void *state, enum action act, const void *row)
{
    struct insp_state *s = state;
    switch (act) {
    case ACT_ADD:
        return app_open(app, &iform_screen, NULL);
    case ACT_EDIT:
        return row != NULL ? app_open(app, &iform_screen, (void *)row) : TUI_HANDLED;
    case ACT_FILTER: /* first the unit, then the kind */
        return list_choose(&s->base, _("Unit"), s->units.labels, s->units.nlabels,
                           unit_picks_at(&s->units, s->unit_id), unit_picked);
    default:
        return TUI_HANDLED;
    }
}

static void insp_close(void *state)
{
    unit_picks_free(&((struct insp_state *)state)->units);
}

static const struct list_column insp_cols[] = {
    {N_("Date"), {10, 10, 0}, false, false},     {N_("Kind"), {12, 8, 0}, false, false},
    {N_("Units"), {14, 6, 0}, false, true},      {N_("Scope"), {0, 10, 1}, false, true},
    {N_("Follow-up"), {14, 8, 0}, false, false},
};

static const struct list_spec insp_spec = {
    .cols = insp_cols,
    .ncols = 5,
    .row_size = sizeof(struct inspection_row),
    .export_name = "inspections",
    .load = insp_load,
    .loaded = insp_loaded,
    .format = insp_format,
    .enter = insp_enter,
    .action = insp_action,
    .close = insp_close,
};

static int insp_open(struct app *app, void *state, void *arg)
{
    struct insp_state *s = state;
    (void)arg;
    if (unit_picks_load(app, &s->units, _("all units")) != 0)
        return -1;
    s->kind_labels[0] = _("inspections and surveys");
    s->kind_labels[1] = _("on-site inspections");
    s->kind_labels[2] = _("surveys");
    if (list_base_open(app, state, &insp_spec) != 0) {
        insp_close(s);
        return -1;
    }
    return 0;
}

static const enum action insp_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_ADD, ACT_EDIT, ACT_NONE};
static const struct keybar_item insp_keybar[] = {{ACT_ADD, NULL},        {ACT_OPEN, N_("edit")},
                                                 {ACT_FILTER, NULL},     {ACT_SEARCH, NULL},
                                                 {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

static const struct action_need inspections_screen_needs[] = {{ACT_ADD, NEED_ADMIN},
                                                              {ACT_NONE, NEED_NOTHING}};
const struct screen_ops inspections_screen = {
    LIST_BASE_OPS,
    .needs = inspections_screen_needs,
    .title = N_("Inspections and surveys"),
    .state_size = sizeof(struct insp_state),
    .open = insp_open,
    .actions = insp_actions,
    .keybar = insp_keybar,
};
