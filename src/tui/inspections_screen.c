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

#define INSP_MAX  512
#define UNITS_MAX 512

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
    struct unit_choice units[UNITS_MAX];
    int nunits;
    const char *unit_codes[UNITS_MAX];
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

static int iform_open(struct app *app, void *state, void *arg)
{
    struct iform_state *s = state;
    struct td_err err;
    if (arg != NULL)
        s->row = *(const struct inspection_row *)arg;
    else
        snprintf(s->row.kind, sizeof s->row.kind, "inspection");
    if (store_unit_list(app->ctx->store, s->units, UNITS_MAX, &s->nunits, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    for (int i = 0; i < s->nunits; i++)
        s->unit_codes[i] = s->units[i].code;
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
    form_field_choice(&f[IF_UNITS], _("Units"), s->unit_codes, s->nunits, 0);
    f[IF_UNITS].rule.type = FT_MULTI;
    f[IF_UNITS].rule.required = true;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", s->row.units);
    char *save = NULL;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save))
        for (int i = 0; i < s->nunits && i < (int)(8 * sizeof f[IF_UNITS].multi); i++)
            if (strcmp(s->units[i].code, c) == 0)
                f[IF_UNITS].multi |= 1UL << i;
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
    s->base.save = iform_save;
    s->base.ops = &iform_screen;
    s->base.fresh_size = sizeof(struct inspection_row);
    s->base.reread = iform_reread;
    s->base.adopt = iform_adopt;
    s->base.form = (struct form){s->fields,
                                 IF_COUNT,
                                 0,
                                 false,
                                 s->row.id != 0 ? _("Edit the inspection or survey")
                                                : _("A new inspection or survey"),
                                 0};
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
    for (int i = 0; i < s->nunits && i < (int)(8 * sizeof f[IF_UNITS].multi); i++)
        if ((f[IF_UNITS].multi >> i) & 1)
            snprintf(r.units + strlen(r.units), sizeof r.units - strlen(r.units), "%s%s",
                     r.units[0] != '\0' ? ", " : "", s->units[i].code);
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
        if (err.status == TD_E_CONFLICT)
            return form_conflict(app, state, err.msg);
        return form_save_failed(app, err.msg);
    }
    app_message(app, false, "%s", _("Saved the inspection or survey"));
    return app_close(app, SCREEN_CHANGED);
}

static const struct screen_ops iform_screen = {
    .needs = form_needs_admin,
    .title = N_("Inspection or survey"),
    .state_size = sizeof(struct iform_state),
    .open = iform_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};

/* ---- The list ---- */

struct insp_state {
    struct app *app;
    struct inspection_row *rows;
    int n;
    long unit_id;
    int kind; /* 0 any, 1 inspection, 2 survey */
    struct unit_choice units[UNITS_MAX];
    int nunits;
    const char *unit_labels[UNITS_MAX + 1];
    const char *kind_labels[3];
    char cells[INSP_MAX][3][48];
    struct list_column cols[5];
    struct list_widget list;
    char footer[200];
    int choosing; /* 0 none, 1 unit, 2 kind */
};

static int insp_load(struct app *app, struct insp_state *s)
{
    struct td_err err;
    if (store_inspection_list(app->ctx->store, s->unit_id, s->kind > 0 ? kinds[s->kind - 1] : "",
                              s->rows, INSP_MAX, &s->n, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    for (int i = 0; i < s->n; i++) {
        app_show_date(app, s->rows[i].date, s->cells[i][0], sizeof s->cells[i][0]);
        snprintf(s->cells[i][1], sizeof s->cells[i][1], "%s", kind_label(s->rows[i].kind));
        snprintf(s->cells[i][2], sizeof s->cells[i][2], "%s",
                 followup_label(s->rows[i].followup_status));
    }
    snprintf(s->footer, sizeof s->footer, "%s · %s", _("all units"), s->kind_labels[s->kind]);
    for (int i = 0; i < s->nunits; i++)
        if (s->units[i].id == s->unit_id)
            snprintf(s->footer, sizeof s->footer, "%s · %s", s->units[i].code,
                     s->kind_labels[s->kind]);
    s->list.footer_extra = s->footer;
    return 0;
}

static long insp_count(void *ctx)
{
    return ((struct insp_state *)ctx)->n;
}

static int insp_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct insp_state *s = ctx;
    int got = 0;
    for (long i = first; i < s->n && got < n; i++, got++) {
        const struct inspection_row *r = &s->rows[i];
        rows[got] =
            (struct list_row){i,
                              {s->cells[i][0], s->cells[i][1], r->units, r->scope, s->cells[i][2]},
                              strcmp(r->followup_status, "done") == 0 ? ROLE_DONE : ROLE_NORMAL};
    }
    return got;
}

static int insp_texts(void *ctx, long i, const char *out[2])
{
    const struct insp_state *s = ctx;
    out[0] = s->rows[i].scope;
    out[1] = s->rows[i].units;
    return 2;
}

static long insp_find(void *ctx, const char *needle, long from, int dir)
{
    return list_find_in(ctx, ((struct insp_state *)ctx)->n, needle, from, dir, insp_texts);
}

static int insp_open(struct app *app, void *state, void *arg)
{
    struct insp_state *s = state;
    (void)arg;
    s->app = app;
    struct td_err err;
    s->rows = calloc(INSP_MAX, sizeof *s->rows);
    if (s->rows == NULL ||
        store_unit_list(app->ctx->store, s->units, UNITS_MAX, &s->nunits, &err) != 0) {
        free(s->rows);
        return -1;
    }
    s->unit_labels[0] = _("all units");
    for (int i = 0; i < s->nunits; i++)
        s->unit_labels[i + 1] = s->units[i].code;
    s->kind_labels[0] = _("inspections and surveys");
    s->kind_labels[1] = _("on-site inspections");
    s->kind_labels[2] = _("surveys");
    const struct list_column cols[5] = {
        {_("Date"), {10, 10, 0}, false, false},     {_("Kind"), {12, 8, 0}, false, false},
        {_("Units"), {14, 6, 0}, false, true},      {_("Scope"), {0, 10, 1}, false, true},
        {_("Follow-up"), {14, 8, 0}, false, false},
    };
    memcpy(s->cols, cols, sizeof cols);
    list_init(&s->list, s->cols, 5, (struct list_source){s, insp_count, insp_fetch, insp_find});
    if (insp_load(app, s) != 0) {
        list_free(&s->list);
        free(s->rows);
        return -1;
    }
    list_reload(&s->list);
    return 0;
}

static void insp_close(struct app *app, void *state)
{
    struct insp_state *s = state;
    (void)app;
    list_free(&s->list);
    free(s->rows);
}

static void insp_draw(struct app *app, void *state, int top, int height)
{
    list_draw(&((struct insp_state *)state)->list, app, top, height);
}

static bool insp_wants_text(void *state)
{
    return ((struct insp_state *)state)->list.searching;
}

static enum tui_result insp_handle(struct app *app, void *state, enum action act, int key)
{
    struct insp_state *s = state;
    struct choice_args args;
    switch (list_handle(&s->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN:
        return app_open(app, &iform_screen, &s->rows[s->list.selected]);
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EXPORT)
        return list_export(&s->list, app, "inspections");
    switch (act) {
    case ACT_ADD:
        return app_open(app, &iform_screen, NULL);
    case ACT_EDIT:
        if (s->n == 0)
            return TUI_HANDLED;
        return app_open(app, &iform_screen, &s->rows[s->list.selected]);
    case ACT_FILTER:
        /* First the unit, then the kind. */
        args = (struct choice_args){_("Unit"), s->unit_labels, s->nunits + 1, 0};
        s->choosing = 1;
        return app_open(app, &choice_dialog, &args);
    case ACT_BACK:
        return TUI_BACK;
    default:
        return TUI_HANDLED;
    }
}

static enum tui_result insp_resume(struct app *app, void *state, int result)
{
    struct insp_state *s = state;
    struct choice_args args;
    if (s->choosing == 1 && result >= 0) {
        s->unit_id = result > 0 ? s->units[result - 1].id : 0;
        args = (struct choice_args){_("Kind"), s->kind_labels, 3, s->kind};
        s->choosing = 2;
        return app_open(app, &choice_dialog, &args);
    }
    if (s->choosing == 2 && result >= 0)
        s->kind = result;
    s->choosing = 0;
    insp_load(app, s);
    s->list.selected = s->list.top = 0;
    list_reload(&s->list);
    return TUI_REDRAW;
}

static const enum action insp_actions[] = {
    ACT_UP,   ACT_DOWN,   ACT_PAGE_UP,     ACT_PAGE_DOWN,   ACT_HOME,   ACT_END,
    ACT_OPEN, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_FILTER, ACT_ADD,
    ACT_EDIT, ACT_EXPORT, ACT_BACK,        ACT_NONE};
static const struct keybar_item insp_keybar[] = {{ACT_ADD, NULL},        {ACT_OPEN, N_("edit")},
                                                 {ACT_FILTER, NULL},     {ACT_SEARCH, NULL},
                                                 {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

static const struct action_need inspections_screen_needs[] = {{ACT_ADD, NEED_ADMIN},
                                                              {ACT_NONE, NEED_NOTHING}};
const struct screen_ops inspections_screen = {
    .needs = inspections_screen_needs,
    .title = N_("Inspections and surveys"),
    .state_size = sizeof(struct insp_state),
    .open = insp_open,
    .draw = insp_draw,
    .handle = insp_handle,
    .close = insp_close,
    .resume = insp_resume,
    .actions = insp_actions,
    .keybar = insp_keybar,
    .wants_text = insp_wants_text,
};
