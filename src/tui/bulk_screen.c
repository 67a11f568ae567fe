/* One progress note or status for every marked task, saved in one step. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

enum { F_DATE, F_STATUS, F_DONE, F_DIFFICULTIES, F_PROPOSALS, F_COUNT };

struct bulk_state {
    struct bulk_args args;
    struct form form;
    struct form_field fields[F_COUNT];
    const char *status_labels[ST_COUNT];
    char intro[200];
    bool asking;
};

static int bulk_open(struct app *app, void *state, void *arg)
{
    struct bulk_state *b = state;
    b->args = *(const struct bulk_args *)arg;
    snprintf(b->intro, sizeof b->intro,
             ngettext("%d marked task: one update for all; each keeps its percent (done: 100)",
                      "%d marked tasks: one update for all; each keeps its percent (done: 100)",
                      (unsigned long)b->args.n),
             b->args.n);
    struct field_rule date = {.type = FT_DATE,
                              .required = true,
                              .date_format = app->ctx->cfg->date_format,
                              .today = app->ctx->today,
                              .has_max_date = true,
                              .max_date = app->ctx->today};
    char today[32];
    date_format(app->ctx->today, app->ctx->cfg->date_format, today, sizeof today);
    struct field_rule text = {.type = FT_MULTILINE, .max_chars = 4000};
    for (int s = 0; s < ST_COUNT; s++)
        b->status_labels[s] = status_label((enum task_status)s);
    form_field_text(&b->fields[F_DATE], _("Date"), date, today);
    form_field_choice(&b->fields[F_STATUS], _("Status"), b->status_labels, ST_COUNT,
                      ST_IN_PROGRESS);
    form_field_text(&b->fields[F_DONE], _("What was done"), text, "");
    b->fields[F_DONE].rows = 3;
    form_field_text(&b->fields[F_DIFFICULTIES], _("Difficulties, obstacles"), text, "");
    form_field_text(&b->fields[F_PROPOSALS], _("Proposals"), text, "");
    b->form = (struct form){b->fields, F_COUNT, F_STATUS, false, b->intro, 0};
    return 0;
}

static void bulk_close(struct app *app, void *state)
{
    (void)app;
    form_free(&((struct bulk_state *)state)->form);
}

static void bulk_draw(struct app *app, void *state, int top, int height)
{
    form_draw(&((struct bulk_state *)state)->form, app, top, height);
}

static enum tui_result save(struct app *app, struct bulk_state *b)
{
    char *done = text_nfc(b->fields[F_DONE].buf.text);
    char *diff = text_nfc(b->fields[F_DIFFICULTIES].buf.text);
    char *prop = text_nfc(b->fields[F_PROPOSALS].buf.text);
    struct progress_input in = {
        .date = b->fields[F_DATE].value.date,
        .percent = -1,
        .status = b->fields[F_STATUS].choice,
        .done = done,
        .difficulties = diff,
        .proposals = prop,
    };
    struct td_err err = {0};
    int rc = done != NULL && diff != NULL && prop != NULL
                 ? store_progress_add_many(app->ctx->store, b->args.ids, b->args.n, &in, &err)
                 : td_err_set(&err, TD_E_INVALID, _("the text is not valid UTF-8"));
    free(done);
    free(diff);
    free(prop);
    if (rc != 0) {
        static struct dialog_args args;
        static char text[1100];
        snprintf(text, sizeof text, "%s\n%s\n%s", err.msg, _("None of the tasks was changed."),
                 _("What you typed is kept."));
        args = (struct dialog_args){_("Not saved"), text, true};
        return app_open(app, &message_dialog, &args);
    }
    app_message(app, false,
                ngettext("Saved for %d task (u undoes it)", "Saved for %d tasks (u undoes it)",
                         (unsigned long)b->args.n),
                b->args.n);
    app->result = 2;
    return TUI_BACK;
}

static enum tui_result bulk_handle(struct app *app, void *state, enum action act, int key)
{
    struct bulk_state *b = state;
    static struct dialog_args ask;
    switch (form_handle(&b->form, act, key)) {
    case FORM_NONE:
        return TUI_HANDLED;
    case FORM_REDRAW:
        return TUI_REDRAW;
    case FORM_CANCEL:
        if (!b->form.dirty)
            return TUI_BACK;
        ask = (struct dialog_args){_("Cancel"), _("Discard what you typed?"), false};
        b->asking = true;
        return app_open(app, &confirm_dialog, &ask);
    case FORM_CHOOSE: {
        static struct choice_args choice;
        choice = (struct choice_args){_("Status"), b->status_labels, ST_COUNT,
                                      b->fields[F_STATUS].choice};
        return app_open(app, &choice_dialog, &choice);
    }
    case FORM_SAVE:
        return save(app, b);
    }
    return TUI_HANDLED;
}

static enum tui_result bulk_resume(struct app *app, void *state, int result)
{
    struct bulk_state *b = state;
    if (b->asking) {
        b->asking = false;
        if (result == DIALOG_YES) {
            app_message(app, false, "%s", _("Nothing was saved."));
            return TUI_BACK;
        }
    } else if (result >= 0) {
        b->fields[F_STATUS].choice = result; /* from the status list */
        b->form.dirty = true;
    }
    return TUI_REDRAW;
}

static const struct action_need bulk_screen_needs[] = {{ACT_SAVE, NEED_EDITOR},
                                                       {ACT_NONE, NEED_NOTHING}};
const struct screen_ops bulk_screen = {
    .needs = bulk_screen_needs,
    .title = N_("Progress for the marked tasks"),
    .state_size = sizeof(struct bulk_state),
    .open = bulk_open,
    .draw = bulk_draw,
    .handle = bulk_handle,
    .close = bulk_close,
    .resume = bulk_resume,
    .actions = form_actions,
    .keybar = form_keybar,
    .text_entry = true,
};
