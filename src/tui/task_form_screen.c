/* Adding and editing a task: every field of the plan's task, checked as it is left. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define UNITS_MAX 512
#define LIST_MAX  64

enum {
    F_CODE,
    F_TITLE,
    F_LEAD,
    F_COOP,
    F_GROUP,
    F_PHASE,
    F_START,
    F_DUE,
    F_PRIORITY,
    F_OUTPUT,
    F_DESCRIPTION,
    F_INTEGRATED_ON,
    F_INTEGRATED_DOC,
    F_COUNT
};
enum pending { P_NONE, P_DISCARD, P_CHOOSE, P_CONFLICT, P_ERROR };

struct task_form_state {
    long id; /* 0 when adding */
    struct task_detail task;
    struct form form;
    struct form_field fields[F_COUNT];
    struct unit_choice units[UNITS_MAX], groups[LIST_MAX], phases[LIST_MAX];
    int nunits, ngroups, nphases;
    const char *unit_labels[UNITS_MAX], *coop_labels[UNITS_MAX];
    const char *group_labels[LIST_MAX + 1], *phase_labels[LIST_MAX + 1], *priority_labels[3];
    char unit_text[UNITS_MAX][300];
    char intro[600];
    enum pending pending;
    bool overwrite;
    char theirs[4][300], mine[4][300], who[300];
    const char *theirs_p[4], *mine_p[4], *labels[4];
};

static const char *const priorities[3] = {"high", "normal", "low"};

static int index_of(const struct unit_choice *list, int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (strcmp(list[i].code, code) == 0)
            return i;
    return -1;
}

static int task_form_open(struct app *app, void *state, void *arg)
{
    struct task_form_state *t = state;
    struct td_err err;
    struct store *st = app->ctx->store;
    t->id = arg != NULL ? *(const long *)arg : 0;
    if ((t->id != 0 && store_task_get(st, t->id, &t->task, &err) != 0) ||
        store_unit_list(st, t->units, UNITS_MAX, &t->nunits, &err) != 0 ||
        store_choice_list(st, CHOICE_GROUP, t->groups, LIST_MAX, &t->ngroups, &err) != 0 ||
        store_choice_list(st, CHOICE_PHASE, t->phases, LIST_MAX, &t->nphases, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    if (t->nunits == 0) {
        app_message(app, true, "%s", _("the plan has no units: a task needs a lead unit"));
        return -1;
    }
    const struct task_detail *d = &t->task;
    for (int i = 0; i < t->nunits; i++) {
        char label[sizeof t->unit_text[i]]; /* not straight into t: gcc sees an overlap */
        snprintf(label, sizeof label, "%s  %s", t->units[i].code, t->units[i].name);
        memcpy(t->unit_text[i], label, sizeof label);
        t->unit_labels[i] = t->unit_text[i];
        t->coop_labels[i] = t->units[i].code;
    }
    t->group_labels[0] = t->phase_labels[0] = _("(none)");
    for (int i = 0; i < t->ngroups; i++)
        t->group_labels[i + 1] = t->groups[i].name;
    for (int i = 0; i < t->nphases; i++)
        t->phase_labels[i + 1] = t->phases[i].name;
    t->priority_labels[0] = _("high");
    t->priority_labels[1] = _("normal");
    t->priority_labels[2] = _("low");

    struct field_rule code = {.type = FT_TEXT, .required = true, .max_chars = 30};
    struct field_rule title = {.type = FT_TEXT, .required = true, .max_chars = 500};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 500};
    struct field_rule multi = {.type = FT_MULTILINE, .max_chars = 2000};
    struct field_rule date = {
        .type = FT_DATE, .date_format = app->ctx->cfg->date_format, .today = app->ctx->today};
    char start[32], due[32], integrated[32];
    app_show_date(app, d->start, start, sizeof start);
    app_show_date(app, d->row.due, due, sizeof due);
    app_show_date(app, d->integrated_on, integrated, sizeof integrated);
    struct form_field *f = t->fields;
    form_field_text(&f[F_CODE], _("Code"), code, d->row.code);
    form_field_text(&f[F_TITLE], _("Task"), title, d->title); /* whole, to be saved whole */
    int lead = index_of(t->units, t->nunits, d->row.unit);
    form_field_choice(&f[F_LEAD], _("Lead unit"), t->unit_labels, t->nunits, lead < 0 ? 0 : lead);
    form_field_choice(&f[F_COOP], _("Cooperating units"), t->coop_labels, t->nunits, 0);
    f[F_COOP].rule.type = FT_MULTI;
    char coop[512];
    snprintf(coop, sizeof coop, "%s", d->coop);
    char *rest = NULL;
    for (char *u = strtok_r(coop, ", ", &rest); u != NULL; u = strtok_r(NULL, ", ", &rest)) {
        int k = index_of(t->units, t->nunits, u);
        if (k >= 0 && k < (int)(8 * sizeof f[F_COOP].multi))
            f[F_COOP].multi |= 1UL << k;
    }
    int g = index_of(t->groups, t->ngroups, d->group_code);
    int p = index_of(t->phases, t->nphases, d->phase_code);
    form_field_choice(&f[F_GROUP], _("Group"), t->group_labels, t->ngroups + 1, g + 1);
    form_field_choice(&f[F_PHASE], _("Phase"), t->phase_labels, t->nphases + 1, p + 1);
    form_field_text(&f[F_START], _("Start"), date, start);
    form_field_text(&f[F_DUE], _("Due"), date, due);
    int pr = 1;
    for (int i = 0; i < 3; i++)
        if (strcmp(d->priority, priorities[i]) == 0)
            pr = i;
    form_field_choice(&f[F_PRIORITY], _("Priority"), t->priority_labels, 3, pr);
    form_field_text(&f[F_OUTPUT], _("Expected output"), text, d->output);
    form_field_text(&f[F_DESCRIPTION], _("Description"), multi, d->description);
    form_field_text(&f[F_INTEGRATED_ON], _("In the unit's plan on"), date, integrated);
    form_field_text(&f[F_INTEGRATED_DOC], _("In the document"), text, d->integrated_doc);
    if (t->id != 0)
        snprintf(t->intro, sizeof t->intro, _("Edit %s (status and percent come from progress)"),
                 d->row.code);
    else
        snprintf(t->intro, sizeof t->intro, "%s", _("A new task"));
    t->form = (struct form){t->fields, F_COUNT, t->id != 0 ? F_TITLE : F_CODE, false, t->intro, 0};
    return 0;
}

static void task_form_close(struct app *app, void *state)
{
    (void)app;
    form_free(&((struct task_form_state *)state)->form);
}

static void task_form_draw(struct app *app, void *state, int top, int height)
{
    form_draw(&((struct task_form_state *)state)->form, app, top, height);
}

static enum tui_result show_conflict(struct app *app, struct task_form_state *t)
{
    struct task_detail now;
    struct td_err err;
    if (store_task_get(app->ctx->store, t->id, &now, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return TUI_REDRAW;
    }
    struct form_field *f = t->fields;
    t->labels[0] = _("Task");
    t->labels[1] = _("Lead unit");
    t->labels[2] = _("Due");
    t->labels[3] = _("Code");
    snprintf(t->theirs[0], sizeof t->theirs[0], "%s", now.row.title);
    snprintf(t->theirs[1], sizeof t->theirs[1], "%s", now.row.unit);
    app_show_date(app, now.row.due, t->theirs[2], sizeof t->theirs[2]);
    snprintf(t->theirs[3], sizeof t->theirs[3], "%s", now.row.code);
    snprintf(t->mine[0], sizeof t->mine[0], "%s", f[F_TITLE].buf.text);
    snprintf(t->mine[1], sizeof t->mine[1], "%s", t->units[f[F_LEAD].choice].code);
    snprintf(t->mine[2], sizeof t->mine[2], "%s", f[F_DUE].buf.text);
    snprintf(t->mine[3], sizeof t->mine[3], "%s", f[F_CODE].buf.text);
    for (int i = 0; i < 4; i++) {
        t->theirs_p[i] = t->theirs[i];
        t->mine_p[i] = t->mine[i];
    }
    /* From now on the form is based on their version: a second save does not conflict. */
    t->task.row.version = now.row.version;
    snprintf(t->who, sizeof t->who, _("Task %s was changed by someone else after you opened it."),
             now.row.code);
    static struct conflict_args args;
    args = (struct conflict_args){
        _("Someone else changed this task"), t->who, t->labels, t->theirs_p, t->mine_p, 4};
    t->pending = P_CONFLICT;
    return app_open(app, &conflict_dialog, &args);
}

static enum tui_result save(struct app *app, struct task_form_state *t)
{
    struct form_field *f = t->fields;
    td_date start = f[F_START].value.date, due = f[F_DUE].value.date;
    if (!f[F_START].empty && !f[F_DUE].empty && due < start) {
        snprintf(f[F_DUE].error, sizeof f[F_DUE].error, "%s", _("before the start"));
        t->form.current = F_DUE;
        return TUI_REDRAW;
    }
    char iso[3][11] = {"", "", ""};
    if (!f[F_START].empty)
        date_format_iso(start, iso[0]);
    if (!f[F_DUE].empty)
        date_format_iso(due, iso[1]);
    if (!f[F_INTEGRATED_ON].empty)
        date_format_iso(f[F_INTEGRATED_ON].value.date, iso[2]);
    char coop[1024] = "";
    for (int i = 0; i < t->nunits && i < (int)(8 * sizeof f[F_COOP].multi); i++)
        if ((f[F_COOP].multi >> i) & 1)
            snprintf(coop + strlen(coop), sizeof coop - strlen(coop), "%s%s",
                     coop[0] != '\0' ? ", " : "", t->units[i].code);
    char *text[5] = {text_nfc(f[F_CODE].buf.text), text_nfc(f[F_TITLE].buf.text),
                     text_nfc(f[F_OUTPUT].buf.text), text_nfc(f[F_DESCRIPTION].buf.text),
                     text_nfc(f[F_INTEGRATED_DOC].buf.text)};
    int g = f[F_GROUP].choice, p = f[F_PHASE].choice;
    struct task_new n = {text[0],
                         text[1],
                         text[3],
                         g > 0 ? t->groups[g - 1].code : "",
                         p > 0 ? t->phases[p - 1].code : "",
                         t->units[f[F_LEAD].choice].code,
                         coop,
                         iso[0],
                         iso[1],
                         text[2],
                         priorities[f[F_PRIORITY].choice],
                         iso[2],
                         text[4]};
    struct td_err err = {0};
    int rc;
    long id = t->id;
    bool ok = true;
    for (int i = 0; i < 5; i++)
        ok = ok && text[i] != NULL;
    if (!ok)
        rc = td_err_set(&err, TD_E_INVALID, _("the text is not valid UTF-8"));
    else if (t->id == 0)
        rc = store_task_create(app->ctx->store, &n, &id, &err);
    else
        rc = store_task_update(app->ctx->store, t->id, t->overwrite ? 0 : t->task.row.version, &n,
                               &err);
    for (int i = 0; i < 5; i++)
        free(text[i]);
    if (rc != 0 && err.status == TD_E_CONFLICT)
        return show_conflict(app, t);
    if (rc != 0) {
        static struct dialog_args args;
        static char msg[1100];
        snprintf(msg, sizeof msg, "%s\n%s", err.msg, _("What you typed is kept."));
        args = (struct dialog_args){_("Not saved"), msg, true};
        t->pending = P_ERROR;
        return app_open(app, &message_dialog, &args);
    }
    app_message(app, false, t->id == 0 ? _("Added %s (u undoes it)") : _("Saved %s (u undoes it)"),
                f[F_CODE].buf.text);
    app->result = 1;
    return TUI_BACK;
}

static enum tui_result task_form_handle(struct app *app, void *state, enum action act, int key)
{
    struct task_form_state *t = state;
    static struct dialog_args ask;
    switch (form_handle(&t->form, act, key)) {
    case FORM_NONE:
        return TUI_HANDLED;
    case FORM_REDRAW:
        return TUI_REDRAW;
    case FORM_CANCEL:
        if (!t->form.dirty)
            return TUI_BACK;
        ask = (struct dialog_args){_("Cancel"), _("Discard what you typed?"), false};
        t->pending = P_DISCARD;
        return app_open(app, &confirm_dialog, &ask);
    case FORM_CHOOSE: {
        static struct choice_args choice;
        struct form_field *f = &t->fields[t->form.current];
        choice = (struct choice_args){f->label, f->choices, f->nchoices, f->choice};
        t->pending = P_CHOOSE;
        return app_open(app, &choice_dialog, &choice);
    }
    case FORM_SAVE:
        return save(app, t);
    }
    return TUI_HANDLED;
}

static enum tui_result task_form_resume(struct app *app, void *state, int result)
{
    struct task_form_state *t = state;
    enum pending was = t->pending;
    t->pending = P_NONE;
    if (was == P_CHOOSE && result >= 0) {
        t->fields[t->form.current].choice = result;
        t->form.dirty = true;
    } else if (was == P_DISCARD && result == DIALOG_YES) {
        app_message(app, false, "%s", _("Nothing was saved."));
        return TUI_BACK;
    } else if (was == P_CONFLICT && result == CONFLICT_KEEP_THEIRS) {
        app_message(app, false, "%s", _("Kept their version; yours was not saved."));
        return TUI_BACK;
    } else if (was == P_CONFLICT && result == CONFLICT_OVERWRITE) {
        t->overwrite = true;
        return save(app, t);
    }
    return TUI_REDRAW;
}

static const struct action_need task_form_screen_needs[] = {{ACT_SAVE, NEED_ADMIN},
                                                            {ACT_NONE, NEED_NOTHING}};
const struct screen_ops task_form_screen = {
    .needs = task_form_screen_needs,
    .title = N_("Task"),
    .state_size = sizeof(struct task_form_state),
    .open = task_form_open,
    .draw = task_form_draw,
    .handle = task_form_handle,
    .close = task_form_close,
    .resume = task_form_resume,
    .actions = form_actions,
    .keybar = form_keybar,
    .text_entry = true,
};
