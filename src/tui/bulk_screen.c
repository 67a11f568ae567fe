/* One progress note or status for every marked task, saved in one step; the marks go then. */
#include <curses.h>
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
#include "tiendo/text.h"

enum { F_DATE, F_STATUS, F_DONE, F_DIFFICULTIES, F_PROPOSALS, F_COUNT };

struct bulk_state {
    struct form_base base;      /* first: the form_base_* functions take the state as one */
    struct list_widget *marked; /* the task list below: its marks are the tasks */
    const long *ids;
    int n;
    struct form_field fields[F_COUNT];
    const char *status_labels[ST_COUNT + 1]; /* first: keep each task's own */
    char intro[200];
};

static enum tui_result bulk_save(struct app *app, void *state);

static const struct form_spec bulk_form_spec = {.save = bulk_save};

static int bulk_open(struct app *app, void *state, void *arg)
{
    struct bulk_state *b = state;
    b->marked = arg;
    b->ids = b->marked->marks;
    b->n = (int)b->marked->nmarks;
    snprintf(b->intro, sizeof b->intro,
             ngettext("%d marked task: one update for all; each keeps its percent (done: 100)",
                      "%d marked tasks: one update for all; each keeps its percent (done: 100)",
                      (unsigned long)b->n),
             b->n);
    struct field_rule text = {.type = FT_MULTILINE, .max_chars = 4000};
    b->status_labels[0] = _("(keep each task's status)");
    for (int s = 0; s < ST_COUNT; s++)
        b->status_labels[s + 1] = status_label((enum task_status)s);
    form_field_today(&b->fields[F_DATE], app, _("Date"));
    form_field_choice(&b->fields[F_STATUS], _("Status"), b->status_labels, ST_COUNT + 1, 0);
    b->fields[F_STATUS].note = _("each task keeps its own unless you choose one");
    form_field_text(&b->fields[F_DONE], _("What was done"), text, "");
    b->fields[F_DONE].rows = 3;
    form_field_text(&b->fields[F_DIFFICULTIES], _("Difficulties, obstacles"), text, "");
    form_field_text(&b->fields[F_PROPOSALS], _("Proposals"), text, "");
    form_base_init(&b->base, &bulk_form_spec, b->fields, F_COUNT, b->intro);
    b->base.form.current = F_STATUS;
    return 0;
}

static enum tui_result bulk_save(struct app *app, void *state)
{
    struct bulk_state *b = state;
    char *done = text_nfc(b->fields[F_DONE].buf.text);
    char *diff = text_nfc(b->fields[F_DIFFICULTIES].buf.text);
    char *prop = text_nfc(b->fields[F_PROPOSALS].buf.text);
    struct progress_input in = {
        .date = b->fields[F_DATE].value.date,
        .percent = -1,
        .status = b->fields[F_STATUS].choice - 1, /* -1: each keeps its own */
        .done = done,
        .difficulties = diff,
        .proposals = prop,
    };
    struct td_err err = {0};
    int rc = done != NULL && diff != NULL && prop != NULL
                 ? store_progress_add_many(app->ctx->store, b->ids, b->n, &in, &err)
                 : td_err_set(&err, TD_E_INVALID, _("the text is not valid UTF-8"));
    free(done);
    free(diff);
    free(prop);
    if (rc != 0) {
        char why[1100];
        snprintf(why, sizeof why, "%s\n%s", err.msg, _("None of the tasks was changed."));
        return form_save_failed(app, why);
    }
    b->marked->nmarks = 0; /* done with them */
    app_message(app, false,
                ngettext("Saved for %d task (u undoes it)", "Saved for %d tasks (u undoes it)",
                         (unsigned long)b->n),
                b->n);
    return app_close(app, SCREEN_CHANGED);
}

const struct screen_ops bulk_screen = {
    .needs = form_needs_editor,
    .title = N_("Progress for the marked tasks"),
    .state_size = sizeof(struct bulk_state),
    .open = bulk_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};
