/* The progress form: what a unit's focal point fills in every week. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

enum { F_DATE, F_PERCENT, F_STATUS, F_DONE, F_DIFFICULTIES, F_PROPOSALS, F_REASON, F_COUNT };

struct progress_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct task_detail task;
    struct form_field fields[F_COUNT];
    const char *status_labels[ST_COUNT];
    char intro[700];
    /* The conflict dialog's texts. */
    char theirs[5][300], mine[5][300], who[200];
    const char *theirs_p[5], *mine_p[5], *labels[5];
};

static enum tui_result progress_check(struct app *app, void *state);

static const struct form_spec progress_form_spec = {.save = progress_check};

static int progress_open(struct app *app, void *state, void *arg)
{
    struct progress_state *p = state;
    struct td_err err;
    if (store_task_get(app->ctx->store, *(const long *)arg, &p->task, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    if (!store_may_unit_code(app->ctx->store, p->task.row.unit)) {
        app_refuse_unit(app, p->task.row.unit);
        return -1;
    }
    snprintf(p->intro, sizeof p->intro, "%s  %s  (%d%%)", p->task.row.code, p->task.row.title,
             p->task.row.percent);
    char percent[8];
    snprintf(percent, sizeof percent, "%d", p->task.row.percent);
    struct field_rule pct = {.type = FT_PERCENT, .required = true};
    struct field_rule text = {.type = FT_MULTILINE, .max_chars = 4000};
    for (int s = 0; s < ST_COUNT; s++)
        p->status_labels[s] = status_label((enum task_status)s);
    int status = p->task.row.status == ST_NOT_STARTED ? ST_IN_PROGRESS : p->task.row.status;
    form_field_today(&p->fields[F_DATE], app, _("Date"));
    td_date start;
    if (date_parse_iso(p->task.start, &start) == 0) { /* not before the task started */
        p->fields[F_DATE].rule.has_min_date = true;
        p->fields[F_DATE].rule.min_date = start;
    }
    form_field_text(&p->fields[F_PERCENT], _("Percent done"), pct, percent);
    p->fields[F_PERCENT].proposed = true; /* typing 60 gives 60, not 060 */
    form_field_choice(&p->fields[F_STATUS], _("Status"), p->status_labels, ST_COUNT, status);
    form_field_text(&p->fields[F_DONE], _("What was done"), text, "");
    p->fields[F_DONE].rows = 3;
    form_field_text(&p->fields[F_DIFFICULTIES], _("Difficulties, obstacles"), text, "");
    form_field_text(&p->fields[F_PROPOSALS], _("Proposals"), text, "");
    struct field_rule reason = {.type = FT_TEXT, .max_chars = 500};
    form_field_text(&p->fields[F_REASON], _("Reason if lower"), reason, "");
    form_base_init(&p->base, &progress_form_spec, p->fields, F_COUNT, p->intro);
    p->base.form.current = F_PERCENT;
    return 0;
}

/* The newest entry of a history, with as much of its texts as the conflict dialog shows. */
struct newest {
    struct progress_row row;
    char done[300], difficulties[300];
    int n;
};

static int keep_newest(void *ctx, const struct progress_row *r)
{
    struct newest *w = ctx;
    w->row = *r;
    text_copy(w->done, sizeof w->done, r->done);
    text_copy(w->difficulties, sizeof w->difficulties, r->difficulties);
    w->row.done = w->done;
    w->row.difficulties = w->difficulties;
    w->row.proposals = "";
    w->n = 1;
    return 1;
}

/* Fills the conflict dialog: the entry someone else saved, next to what was typed here. */
static enum tui_result show_conflict(struct app *app, struct progress_state *p)
{
    struct newest w = {.n = 0};
    struct td_err err;
    long id = p->task.row.id;
    if (store_task_get(app->ctx->store, id, &p->task, &err) != 0 ||
        store_progress_history_each(app->ctx->store, id, keep_newest, &w, &err) != 0 || w.n == 0) {
        app_message(app, true, "%s", err.msg);
        return TUI_REDRAW;
    }
    snprintf(p->intro, sizeof p->intro, "%s  %s  (%d%%)", p->task.row.code, p->task.row.title,
             p->task.row.percent);
    const char *fmt = app->ctx->cfg->date_format;
    td_date d;
    p->labels[0] = _("Date");
    p->labels[1] = _("Percent done");
    p->labels[2] = _("Status");
    p->labels[3] = _("What was done");
    p->labels[4] = _("Difficulties, obstacles");
    p->theirs[0][0] = '\0';
    if (date_parse_iso(w.row.date, &d) == 0)
        date_format(d, fmt, p->theirs[0], sizeof p->theirs[0]);
    snprintf(p->theirs[1], sizeof p->theirs[1], "%d%%", w.row.percent);
    snprintf(p->theirs[2], sizeof p->theirs[2], "%s", status_label((enum task_status)w.row.status));
    snprintf(p->theirs[3], sizeof p->theirs[3], "%s", w.row.done);
    snprintf(p->theirs[4], sizeof p->theirs[4], "%s", w.row.difficulties);
    snprintf(p->mine[0], sizeof p->mine[0], "%s", p->fields[F_DATE].buf.text);
    snprintf(p->mine[1], sizeof p->mine[1], "%ld%%", p->fields[F_PERCENT].value.number);
    snprintf(p->mine[2], sizeof p->mine[2], "%s", p->status_labels[p->fields[F_STATUS].choice]);
    snprintf(p->mine[3], sizeof p->mine[3], "%s", p->fields[F_DONE].buf.text);
    snprintf(p->mine[4], sizeof p->mine[4], "%s", p->fields[F_DIFFICULTIES].buf.text);
    for (int i = 0; i < 5; i++) {
        p->theirs_p[i] = p->theirs[i];
        p->mine_p[i] = p->mine[i];
    }
    snprintf(p->who, sizeof p->who, _("%s saved progress on this task at %s, after you opened it."),
             w.row.by, w.row.at);
    struct conflict_args args = {
        _("Someone else changed this task"), p->who, p->labels, p->theirs_p, p->mine_p, 5};
    return form_conflict_ask(app, p, &args, _("Kept their entry; yours was not saved."));
}

/* Saves in one transaction. A refused save keeps the form as typed and says why. */
static enum tui_result progress_save(struct app *app, struct progress_state *p)
{
    char *done = text_nfc(p->fields[F_DONE].buf.text);
    char *diff = text_nfc(p->fields[F_DIFFICULTIES].buf.text);
    char *prop = text_nfc(p->fields[F_PROPOSALS].buf.text);
    char *reason = text_nfc(p->fields[F_REASON].buf.text);
    struct progress_input in = {
        .date = p->fields[F_DATE].value.date,
        .percent = (int)p->fields[F_PERCENT].value.number,
        .status = p->fields[F_STATUS].choice,
        .done = done,
        .difficulties = diff,
        .proposals = prop,
        .reason = reason,
    };
    struct td_err err = {0};
    int rc = done != NULL && diff != NULL && prop != NULL && reason != NULL
                 ? store_progress_add(app->ctx->store, p->task.row.id,
                                      p->base.overwrite ? 0 : p->task.row.version, &in, &err)
                 : td_err_set(&err, TD_E_INVALID, _("the text is not valid UTF-8"));
    free(done);
    free(diff);
    free(prop);
    free(reason);
    if (rc != 0 && err.status == TD_E_CONFLICT)
        return show_conflict(app, p);
    if (rc != 0 && err.status == TD_E_BUSY) {
        char text[1100];
        snprintf(text, sizeof text, "%s\n%s", err.msg,
                 _("What you typed is kept: press F2 again."));
        struct dialog_args args = {_("Not saved"), text, true};
        return app_open(app, &message_dialog, &args);
    }
    if (rc != 0)
        return form_save_failed(app, err.msg);
    app_message(app, false, _("Saved: %s at %d%%"), p->task.row.code, in.percent);
    return app_close(app, SCREEN_CHANGED);
}

static enum tui_result on_confirmed(struct app *app, void *state, int answer)
{
    return answer == DIALOG_YES ? progress_save(app, state) : TUI_REDRAW;
}

/* A lower percent, or done below 100 %, needs a reason, and is asked about before it is saved. */
static enum tui_result progress_check(struct app *app, void *state)
{
    struct progress_state *p = state;
    if (p->base.overwrite) /* asked already, then chose to save over their entry */
        return progress_save(app, p);
    long pct = p->fields[F_PERCENT].value.number;
    bool done_low = p->fields[F_STATUS].choice == ST_DONE && pct < 100;
    if (!(pct < p->task.row.percent || done_low))
        return progress_save(app, p);
    if (p->fields[F_REASON].empty) {
        struct form_field *r = &p->fields[F_REASON];
        snprintf(r->error, sizeof r->error, "%s",
                 done_low ? _("required when done is below 100 %")
                          : _("required when the percent goes down"));
        p->base.form.current = F_REASON;
        return TUI_REDRAW;
    }
    char text[300];
    if (done_low)
        snprintf(text, sizeof text, _("The status is done but the percent is %ld. Save anyway?"),
                 pct);
    else
        snprintf(text, sizeof text, _("The percent goes down from %d to %ld. Save anyway?"),
                 p->task.row.percent, pct);
    struct dialog_args ask = {_("Please confirm"), text, false};
    return app_open_then(app, &confirm_dialog, &ask, on_confirmed, p);
}

const struct screen_ops progress_screen = {
    .needs = form_needs_editor,
    .title = N_("Enter progress"),
    .state_size = sizeof(struct progress_state),
    .open = progress_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};
