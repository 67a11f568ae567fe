/* Adding, editing and deleting a task: every field of the plan's task, checked as it is left. */
#include <curses.h>
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
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

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
struct task_form_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    long id;               /* 0 when adding */
    struct task_detail task;
    struct form_field fields[F_COUNT];
    /* Every unit (labelled "code  name" for the lead, by code for the cooperating ones),
     * group and phase, however many. */
    struct unit_picks units, coops, groups, phases;
    const char *priority_labels[3];
    char intro[600];
};

/* Their version, for a save someone else's change beat: the form lays it out from the id, and
 * the version it read becomes the one to overwrite. */
struct task_ref {
    long id; /* first: what task_form_open takes */
    long version;
};

static const char *const priorities[3] = {"high", "normal", "low"};

static enum tui_result task_form_save(struct app *app, void *state);

static void task_form_free_picks(struct task_form_state *t)
{
    unit_picks_free(&t->units);
    unit_picks_free(&t->coops);
    unit_picks_free(&t->groups);
    unit_picks_free(&t->phases);
}

static int task_reread(struct app *app, void *state, void *fresh)
{
    struct task_form_state *t = state;
    struct task_detail now;
    struct td_err err;
    if (store_task_get(app->ctx->store, t->id, &now, &err) != 0)
        return -1;
    *(struct task_ref *)fresh = (struct task_ref){t->id, now.row.version};
    return 0;
}

static void task_adopt(void *state, const void *fresh)
{
    ((struct task_form_state *)state)->task.row.version = ((const struct task_ref *)fresh)->version;
}

static const struct form_spec task_form_spec = {&task_form_screen, task_form_save,
                                                sizeof(struct task_ref), task_reread, task_adopt};

static int task_form_open(struct app *app, void *state, void *arg)
{
    struct task_form_state *t = state;
    struct td_err err;
    struct store *st = app->ctx->store;
    t->id = arg != NULL ? *(const long *)arg : 0;
    if (t->id != 0 && store_task_get(st, t->id, &t->task, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    if (choice_picks_load(app, &t->units, PICK_UNITS, NULL, PICK_CODE_NAME) != 0 ||
        choice_picks_load(app, &t->coops, PICK_UNITS, NULL, PICK_CODE) != 0 ||
        choice_picks_load(app, &t->groups, PICK_GROUPS, _("(none)"), PICK_NAME) != 0 ||
        choice_picks_load(app, &t->phases, PICK_PHASES, _("(none)"), PICK_NAME) != 0) {
        task_form_free_picks(t);
        return -1;
    }
    if (t->units.n == 0) {
        task_form_free_picks(t);
        app_message(app, true, "%s", _("the plan has no units: a task needs a lead unit"));
        return -1;
    }
    const struct task_detail *d = &t->task;
    t->priority_labels[0] = _("high");
    t->priority_labels[1] = _("normal");
    t->priority_labels[2] = _("low");

    struct field_rule code = {.type = FT_TEXT, .required = true, .max_chars = 30};
    struct field_rule title = {.type = FT_TEXT, .required = true, .max_chars = 500};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 500};
    struct field_rule multi = {.type = FT_MULTILINE, .max_chars = 2000};
    struct form_field *f = t->fields;
    form_field_text(&f[F_CODE], _("Code"), code, d->row.code);
    form_field_text(&f[F_TITLE], _("Task"), title, d->title); /* whole, to be saved whole */
    int lead = unit_picks_find(&t->units, d->row.unit);
    form_field_choice(&f[F_LEAD], _("Lead unit"), t->units.labels, t->units.nlabels,
                      lead < 0 ? 0 : lead);
    form_field_units(&f[F_COOP], _("Cooperating units"), &t->coops, d->coop);
    int g = unit_picks_find(&t->groups, d->group_code);
    int p = unit_picks_find(&t->phases, d->phase_code);
    form_field_choice(&f[F_GROUP], _("Group"), t->groups.labels, t->groups.nlabels, g + 1);
    form_field_choice(&f[F_PHASE], _("Phase"), t->phases.labels, t->phases.nlabels, p + 1);
    form_field_date(&f[F_START], app, _("Start"), d->start, false);
    form_field_date(&f[F_DUE], app, _("Due"), d->row.due, false);
    int pr = 1;
    for (int i = 0; i < 3; i++)
        if (strcmp(d->priority, priorities[i]) == 0)
            pr = i;
    form_field_choice(&f[F_PRIORITY], _("Priority"), t->priority_labels, 3, pr);
    form_field_text(&f[F_OUTPUT], _("Expected output"), text, d->output);
    form_field_text(&f[F_DESCRIPTION], _("Description"), multi, d->description);
    form_field_date(&f[F_INTEGRATED_ON], app, _("In the unit's plan on"), d->integrated_on, false);
    form_field_text(&f[F_INTEGRATED_DOC], _("In the document"), text, d->integrated_doc);
    if (t->id != 0)
        snprintf(t->intro, sizeof t->intro, _("Edit %s (status and percent come from progress)"),
                 d->row.code);
    else
        snprintf(t->intro, sizeof t->intro, "%s", _("A new task"));
    form_base_init(&t->base, &task_form_spec, t->fields, F_COUNT, t->intro);
    t->base.form.current = t->id != 0 ? F_TITLE : F_CODE;
    return 0;
}

static enum tui_result task_form_save(struct app *app, void *state)
{
    struct task_form_state *t = state;
    struct form_field *f = t->fields;
    td_date start = f[F_START].value.date, due = f[F_DUE].value.date;
    if (!f[F_START].empty && !f[F_DUE].empty && due < start) {
        snprintf(f[F_DUE].error, sizeof f[F_DUE].error, "%s", _("before the start"));
        t->base.form.current = F_DUE;
        return TUI_REDRAW;
    }
    char iso[3][11], coop[sizeof t->task.coop];
    form_date_iso(&f[F_START], iso[0]);
    form_date_iso(&f[F_DUE], iso[1]);
    form_date_iso(&f[F_INTEGRATED_ON], iso[2]);
    form_units_codes(&f[F_COOP], &t->coops, coop, sizeof coop);
    char *text[5] = {text_nfc(f[F_CODE].buf.text), text_nfc(f[F_TITLE].buf.text),
                     text_nfc(f[F_OUTPUT].buf.text), text_nfc(f[F_DESCRIPTION].buf.text),
                     text_nfc(f[F_INTEGRATED_DOC].buf.text)};
    int g = f[F_GROUP].choice, p = f[F_PHASE].choice;
    struct task_new n = {text[0],
                         text[1],
                         text[3],
                         g > 0 ? t->groups.units[g - 1].code : "",
                         p > 0 ? t->phases.units[p - 1].code : "",
                         t->units.units[f[F_LEAD].choice].code,
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
        rc = store_task_update(app->ctx->store, t->id, t->task.row.version, &n, &err);
    for (int i = 0; i < 5; i++)
        free(text[i]);
    if (rc != 0)
        return form_refused(app, t, &err);
    app_message(app, false, t->id == 0 ? _("Added %s (u undoes it)") : _("Saved %s (u undoes it)"),
                f[F_CODE].buf.text);
    return app_close(app, SCREEN_CHANGED);
}

static void task_form_close(struct app *app, void *state)
{
    task_form_free_picks(state);
    form_base_close(app, state);
}

const struct screen_ops task_form_screen = {
    .needs = form_needs_admin,
    .title = N_("Task"),
    .state_size = sizeof(struct task_form_state),
    .open = task_form_open,
    .close = task_form_close,
    FORM_SCREEN_OPS,
};

/* ---- Deleting a task: asked first; u brings it back, as it takes back any last change ---- */

static enum tui_result deleted(struct app *app, void *ctx, int answer)
{
    struct task_delete *d = ctx;
    struct td_err err;
    if (answer != DIALOG_YES)
        return TUI_REDRAW;
    if (store_task_delete(app->ctx->store, d->task.row.id, d->task.row.version, &err) != 0)
        app_message(app, true, "%s", err.msg);
    else
        app_message(app, false, _("Deleted %s (u brings it back)"), d->task.row.code);
    list_base_reload(d->list);
    return TUI_REDRAW;
}

enum tui_result task_delete_ask(struct app *app, struct task_delete *d, long id)
{
    char text[700];
    struct td_err err;
    if (id < 0 || store_task_get(app->ctx->store, id, &d->task, &err) != 0)
        return TUI_HANDLED;
    snprintf(text, sizeof text,
             _("Delete task %s, %s? It leaves the lists but stays in the database with its "
               "history; u brings it back."),
             d->task.row.code, d->task.row.title);
    struct dialog_args ask = {_("Delete"), text, false};
    return app_open_then(app, &confirm_dialog, &ask, deleted, d);
}

void task_undo(struct app *app)
{
    char what[512];
    struct td_err err;
    if (store_undo_last(app->ctx->store, what, sizeof what, &err) != 0)
        app_message(app, err.status != TD_E_NOTFOUND, "%s", err.msg);
    else
        app_message(app, false, _("Undone: your last change to %s"), what);
}
