/* The reporting schedule: report instances, overdue and upcoming first; an instance's expected
 * units with their status; the form to record or correct a unit's submission. */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"
#include "tiendo/schedule.h"
#include "tiendo/report.h"
#include "tiendo/store_draft.h"
#include "tiendo/store_reports.h"
#include "tiendo/text.h"

/* ---- The submission form ---- */

enum { SF_DATE, SF_DOC, SF_NOTE, SF_COUNT };

struct sform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct submission_args a;
    char title[400];
    struct form_field fields[SF_COUNT];
};

static enum tui_result sform_save(struct app *app, void *state);

/* The unit's submission as it is now (someone else recorded it meanwhile). */
static int sform_reread(struct app *app, void *state, void *fresh)
{
    const struct sform_state *s = state;
    struct submission_args *a = fresh;
    struct td_err err;
    *a = s->a;
    return store_submission_get(app->ctx->store, s->a.report_id, s->a.row.unit_id, &a->row, &err);
}

static void sform_adopt(void *state, const void *fresh)
{
    struct sform_state *s = state;
    const struct submission_args *a = fresh;
    s->a.row.id = a->row.id; /* recorded meanwhile: now an update of theirs */
    s->a.row.version = a->row.version;
}

static const struct form_spec sform_spec = {
    &submission_screen, sform_save, sizeof(struct submission_args), sform_reread, sform_adopt};

static int sform_open(struct app *app, void *state, void *arg)
{
    struct sform_state *s = state;
    s->a = *(const struct submission_args *)arg;
    struct td_err err;
    /* Refused before anything is typed: another unit's row, or a locked period. */
    if (store_submission_allowed(app->ctx->store, s->a.report_id, s->a.row.unit_id, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    struct field_rule date = {.type = FT_DATE,
                              .date_format = app->ctx->cfg->date_format,
                              .today = app->ctx->today,
                              .has_max_date = true,
                              .max_date = app->ctx->today};
    struct field_rule doc = {.type = FT_TEXT, .max_chars = 60};
    struct field_rule note = {.type = FT_TEXT, .max_chars = 500};
    char d[32];
    app_show_date(app, s->a.row.submitted_on, d, sizeof d);
    form_field_text(&s->fields[SF_DATE], _("Submitted on"), date, d);
    s->fields[SF_DATE].note = _("empty: not submitted");
    form_field_text(&s->fields[SF_DOC], _("Document number"), doc, s->a.row.doc_number);
    form_field_text(&s->fields[SF_NOTE], _("Note"), note, s->a.row.note);
    snprintf(s->title, sizeof s->title, "%s · %s", s->a.row.code, s->a.report_title);
    form_base_init(&s->base, &sform_spec, s->fields, SF_COUNT, s->title);
    return 0;
}

static enum tui_result sform_save(struct app *app, void *state)
{
    struct sform_state *s = state;
    struct form_field *f = s->fields;
    struct submission_row r = s->a.row;
    r.submitted_on[0] = '\0';
    if (!f[SF_DATE].empty)
        date_format_iso(f[SF_DATE].value.date, r.submitted_on);
    copy_nfc(r.doc_number, sizeof r.doc_number, f[SF_DOC].buf.text);
    copy_nfc(r.note, sizeof r.note, f[SF_NOTE].buf.text);
    char today[11];
    date_format_iso(app->ctx->today, today);
    struct td_err err;
    if (store_submission_save(app->ctx->store, s->a.report_id, today, &r, &err) != 0)
        return form_refused(app, state, &err);
    app_message(app, false, _("Saved the submission of %s"), r.code);
    return app_close(app, SCREEN_CHANGED);
}

const struct screen_ops submission_screen = {
    .needs = form_needs_editor,
    .title = N_("Submission"),
    .state_size = sizeof(struct sform_state),
    .open = sform_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};

/* ---- One report instance: its units ---- */

struct inst_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    struct report_row report;
    struct submission_args edit;
};

LIST_KEEP(keep_sub, struct submission_row)

static int inst_load(struct app *app, void *state, struct td_err *err)
{
    struct inst_state *s = state;
    return store_submission_list_each(app->ctx->store, s->report.id, keep_sub, s, err) < 0 ? -1 : 0;
}

static enum submission_status inst_status(const struct app *app, const struct inst_state *s,
                                          const struct submission_row *r)
{
    return schedule_status_iso(s->report.due, r->submitted_on, app->ctx->today,
                               (int)app->ctx->cfg->report_due_soon_days);
}

static void inst_loaded(struct app *app, void *state)
{
    struct inst_state *s = state;
    int in = 0, n = (int)s->base.rows.n;
    for (int i = 0; i < n; i++) {
        enum submission_status st = inst_status(app, s, list_base_row(&s->base, i));
        in += st == SUB_ON_TIME || st == SUB_LATE;
    }
    char d[32];
    app_show_date(app, s->report.due, d, sizeof d);
    snprintf(s->base.footer, sizeof s->base.footer, _("due %s · %d of %d units submitted"), d, in,
             n);
    s->base.list.footer_extra = s->base.footer;
}

static void inst_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                        struct list_row *out)
{
    const struct submission_row *r = row;
    enum submission_status st = inst_status(app, state, r);
    app_show_date(app, r->submitted_on, c[3], LIST_CELL);
    *out = (struct list_row){r->unit_id,
                             {r->code, r->name, submission_status_label(st), c[3], r->doc_number},
                             st == SUB_OVERDUE    ? ROLE_OVERDUE
                             : st == SUB_DUE_SOON ? ROLE_AT_RISK
                             : st == SUB_LATE     ? ROLE_AT_RISK
                             : st == SUB_ON_TIME  ? ROLE_DONE
                                                  : ROLE_NORMAL};
}

static enum tui_result inst_action(struct app *app, void *state, enum action act, const void *row)
{
    struct inst_state *s = state;
    const struct submission_row *r = row;
    if (act != ACT_EDIT || r == NULL)
        return TUI_HANDLED;
    if (!store_may_unit(app->ctx->store, r->unit_id)) {
        app_refuse_unit(app, r->code);
        return TUI_HANDLED;
    }
    s->edit = (struct submission_args){s->report.id, s->report.title, *r};
    return app_open(app, &submission_screen, &s->edit);
}

static enum tui_result inst_enter(struct app *app, void *state, const void *row)
{
    return inst_action(app, state, ACT_EDIT, row);
}

static enum tui_result inst_resume(struct app *app, void *state, int result)
{
    if (result == SCREEN_CHANGED) {
        list_base_reload(state);
        app->result = SCREEN_CHANGED; /* the schedule's counts changed */
    }
    return TUI_REDRAW;
}

static const char *inst_heading(void *state)
{
    return ((struct inst_state *)state)->report.title;
}

static const struct list_column inst_cols[] = {
    {N_("Unit"), {8, 4, 0}, false, true},       {N_("Name"), {0, 10, 1}, false, true},
    {N_("Status"), {18, 10, 0}, false, false},  {N_("Submitted"), {10, 10, 0}, false, false},
    {N_("Document"), {14, 6, 0}, false, false},
};

static const struct list_spec inst_spec = {
    .cols = inst_cols,
    .ncols = 5,
    .row_size = sizeof(struct submission_row),
    .export_name = "submissions",
    .load = inst_load,
    .loaded = inst_loaded,
    .format = inst_format,
    .enter = inst_enter,
    .action = inst_action,
    .resume = inst_resume,
    .heading = inst_heading,
};

static int inst_open(struct app *app, void *state, void *arg)
{
    ((struct inst_state *)state)->report = *(const struct report_row *)arg;
    return list_base_open(app, state, &inst_spec);
}

static const enum action list_actions[] = {LIST_ACTIONS, ACT_EDIT, ACT_NONE};
static const struct keybar_item inst_keybar[] = {{ACT_OPEN, N_("record")},
                                                 {ACT_SEARCH, NULL},
                                                 {ACT_EXPORT, NULL},
                                                 {ACT_BACK, N_("back")},
                                                 {ACT_NONE, NULL}};

static const struct action_need instance_screen_needs[] = {
    {ACT_OPEN, NEED_EDITOR}, {ACT_EDIT, NEED_EDITOR}, {ACT_NONE, NEED_NOTHING}};
static const struct screen_ops instance_screen = {
    LIST_BASE_OPS,
    .needs = instance_screen_needs,
    .title = N_("Submissions"),
    .state_size = sizeof(struct inst_state),
    .open = inst_open,
    .actions = list_actions,
    .keybar = inst_keybar,
};

/* ---- An ad-hoc report: asked for by hand, with its own units ---- */

enum { RF_TITLE, RF_REQUESTER, RF_DUE, RF_UNITS, RF_SUBJECT, RF_COUNT };

struct rform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct report_row row;
    struct form_field fields[RF_COUNT];
};

static enum tui_result rform_save(struct app *app, void *state);
static const struct screen_ops adhoc_screen;

static int rform_reread(struct app *app, void *state, void *fresh)
{
    struct td_err err;
    return store_report_get(app->ctx->store, ((const struct rform_state *)state)->row.id, fresh,
                            &err);
}

static void rform_adopt(void *state, const void *fresh)
{
    ((struct rform_state *)state)->row.version = ((const struct report_row *)fresh)->version;
}

static const struct form_spec rform_spec = {&adhoc_screen, rform_save, sizeof(struct report_row),
                                            rform_reread, rform_adopt};

static int rform_open(struct app *app, void *state, void *arg)
{
    struct rform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct report_row *)arg;
    struct field_rule title = {.type = FT_TEXT, .max_chars = 250, .required = true};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 190};
    struct field_rule due = {.type = FT_DATE,
                             .date_format = app->ctx->cfg->date_format,
                             .today = app->ctx->today,
                             .required = true};
    struct field_rule subject = {.type = FT_MULTILINE, .max_chars = 900};
    char d[32];
    app_show_date(app, s->row.due, d, sizeof d);
    struct form_field *f = s->fields;
    form_field_text(&f[RF_TITLE], _("Title"), title, s->row.title);
    form_field_text(&f[RF_REQUESTER], _("Requested by"), text, s->row.requester);
    f[RF_REQUESTER].note = _("e.g. the Minister, a Deputy Minister");
    form_field_text(&f[RF_DUE], _("Deadline"), due, d);
    form_field_text(&f[RF_UNITS], _("Units"), text,
                    strcmp(s->row.units, "all") == 0 ? "" : s->row.units);
    f[RF_UNITS].note = _("unit codes, separated by commas; empty: every unit");
    form_field_text(&f[RF_SUBJECT], _("Subject"), subject, s->row.subject);
    form_base_init(&s->base, &rform_spec, s->fields, RF_COUNT,
                   s->row.id != 0 ? _("Edit the ad-hoc report")
                                  : _("A new ad-hoc report, at someone's request"));
    return 0;
}

static enum tui_result rform_save(struct app *app, void *state)
{
    struct rform_state *s = state;
    struct form_field *f = s->fields;
    struct report_row r = s->row;
    copy_nfc(r.title, sizeof r.title, f[RF_TITLE].buf.text);
    copy_nfc(r.requester, sizeof r.requester, f[RF_REQUESTER].buf.text);
    date_format_iso(f[RF_DUE].value.date, r.due);
    copy_nfc(r.units, sizeof r.units, f[RF_UNITS].buf.text);
    copy_nfc(r.subject, sizeof r.subject, f[RF_SUBJECT].buf.text);
    struct td_err err;
    if (store_report_save_adhoc(app->ctx->store, &r, &err) != 0) {
        if (err.status == TD_E_INVALID) { /* a unit code that does not exist */
            snprintf(f[RF_UNITS].error, sizeof f[RF_UNITS].error, "%s", err.msg);
            s->base.form.current = RF_UNITS;
            return TUI_REDRAW;
        }
        return form_refused(app, state, &err);
    }
    app_message(app, false, _("Saved the ad-hoc report due %s"), f[RF_DUE].buf.text);
    return app_close(app, SCREEN_CHANGED);
}

static const struct screen_ops adhoc_screen = {
    .needs = form_needs_admin,
    .title = N_("Ad-hoc report"),
    .state_size = sizeof(struct rform_state),
    .open = rform_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};

/* ---- The schedule ---- */

LIST_KEEP(keep_report, struct report_row)

static int sched_load(struct app *app, void *state, struct td_err *err)
{
    char today[11];
    date_format_iso(app->ctx->today, today);
    return store_report_list_each(app->ctx->store, today, keep_report, state, err) < 0 ? -1 : 0;
}

/* Days from today to the report's deadline; whether every unit is in. */
static long sched_days(const struct app *app, const struct report_row *r, bool *complete)
{
    td_date due = 0;
    date_parse_iso(r->due, &due);
    *complete = r->submitted >= r->expected;
    return due - app->ctx->today;
}

static void sched_loaded(struct app *app, void *state)
{
    struct list_base *b = state;
    int overdue = 0;
    for (long i = 0; i < (long)b->rows.n; i++) {
        bool complete;
        overdue += sched_days(app, list_base_row(b, i), &complete) < 0 && !complete;
    }
    snprintf(b->footer, sizeof b->footer,
             ngettext("%d report overdue", "%d reports overdue", (unsigned long)overdue), overdue);
    b->list.footer_extra = b->footer;
}

static void sched_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                         struct list_row *out)
{
    const struct report_row *r = row;
    bool complete;
    long days = sched_days(app, r, &complete);
    (void)state;
    app_show_date(app, r->due, c[0], LIST_CELL);
    if (complete)
        snprintf(c[2], LIST_CELL, "%s", _("all in"));
    else if (days < 0)
        snprintf(c[2], LIST_CELL, ngettext("%ld day late", "%ld days late", (unsigned long)-days),
                 -days);
    else if (days == 0)
        snprintf(c[2], LIST_CELL, "%s", _("due today"));
    else
        snprintf(c[2], LIST_CELL, ngettext("in %ld day", "in %ld days", (unsigned long)days), days);
    snprintf(c[3], LIST_CELL, "%ld/%ld", r->submitted, r->expected);
    *out = (struct list_row){r->id,
                             {c[0], r->period, c[2], c[3], r->title},
                             complete                                            ? ROLE_DONE
                             : days < 0                                          ? ROLE_OVERDUE
                             : days <= (long)app->ctx->cfg->report_due_soon_days ? ROLE_AT_RISK
                                                                                 : ROLE_NORMAL};
}

/* The draft of the selected report, as `tiendo report` writes it, into the export directory. */
static enum tui_result sched_draft(struct app *app, const struct report_row *r)
{
    const struct td_config *cfg = app->ctx->cfg;
    struct draft_request rq = {.today = app->ctx->today,
                               .behind_tolerance = (int)cfg->behind_tolerance,
                               .due_soon_days = (int)cfg->due_soon_days,
                               .tolerance = cfg->tolerance,
                               .date_format = cfg->date_format,
                               .head = draft_letterhead(cfg, app->ctx->lang)};
    if (strcmp(r->rule, "annual") == 0) {
        rq.kind = DRAFT_ANNUAL;
        rq.year = atoi(r->period);
    } else if (strcmp(r->rule, "midterm") == 0) {
        rq.kind = DRAFT_MIDTERM;
    } else if (strcmp(r->rule, "final") == 0) {
        rq.kind = DRAFT_FINAL;
    } else if (strcmp(r->rule, "adhoc") == 0) {
        rq.kind = DRAFT_ADHOC;
        rq.adhoc_id = r->id;
    } else {
        app_message(app, true, _("no draft for the reports of rule %s"), r->rule);
        return TUI_REDRAW;
    }
    struct report_data d;
    struct td_err err = {0};
    if (store_draft_build(app->ctx->store, &rq, &d, &err) != 0) {
        store_draft_free(&d);
        app_message(app, true, "%s", err.msg);
        return TUI_REDRAW;
    }
    d.lang = app->ctx->lang;
    char name[64], path[PATH_MAX + 64];
    snprintf(name, sizeof name, "draft-%s-%s", r->rule, r->period);
    FILE *f = app_export_file(app, name, "md", path, sizeof path);
    if (f != NULL) {
        int rc = report_write(f, &d, REPORT_MD);
        if (fclose(f) != 0 || rc != 0)
            app_message(app, true, _("%s: cannot write: %s"), path, strerror(errno));
        else
            app_message(app, false, _("Draft written to %s"), path);
    }
    store_draft_free(&d);
    return TUI_REDRAW;
}

static enum tui_result sched_enter(struct app *app, void *state, const void *row)
{
    (void)state;
    return app_open(app, &instance_screen, (void *)row);
}

static enum tui_result sched_action(struct app *app, void *state, enum action act, const void *row)
{
    const struct report_row *r = row;
    (void)state;
    if (act == ACT_ADD)
        return app_open(app, &adhoc_screen, NULL);
    if (act == ACT_MATRIX)
        return app_open(app, &report_matrix_screen, NULL);
    if (r == NULL)
        return TUI_HANDLED;
    if (act == ACT_EDIT) {
        if (strcmp(r->rule, "adhoc") == 0)
            return app_open(app, &adhoc_screen, (void *)r);
        app_message(app, true, "%s",
                    _("this report comes from a rule of the plan file; change it there"));
        return TUI_REDRAW;
    }
    return act == ACT_DRAFT ? sched_draft(app, r) : TUI_HANDLED;
}

static enum tui_result sched_resume(struct app *app, void *state, int result)
{
    (void)app;
    if (result == SCREEN_CHANGED)
        list_base_reload(state);
    return TUI_REDRAW;
}

static const struct list_column sched_cols[] = {
    {N_("Due"), {10, 10, 0}, false, false},  {N_("Period"), {9, 4, 0}, false, true},
    {N_("When"), {14, 8, 0}, false, false},  {N_("Units in"), {8, 5, 0}, true, false},
    {N_("Report"), {0, 10, 1}, false, true},
};

static const struct list_spec sched_spec = {
    .cols = sched_cols,
    .ncols = 5,
    .row_size = sizeof(struct report_row),
    .export_name = "schedule",
    .load = sched_load,
    .loaded = sched_loaded,
    .format = sched_format,
    .enter = sched_enter,
    .action = sched_action,
    .resume = sched_resume,
};

static int sched_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return list_base_open(app, state, &sched_spec);
}

static const enum action sched_actions[] = {LIST_ACTIONS, ACT_ADD,   ACT_EDIT,
                                            ACT_MATRIX,   ACT_DRAFT, ACT_NONE};
static const struct keybar_item sched_keybar[] = {
    {ACT_OPEN, N_("units")},  {ACT_MATRIX, N_("matrix")},
    {ACT_DRAFT, N_("draft")}, {ACT_ADD, N_("ad-hoc report")},
    {ACT_SEARCH, NULL},       {ACT_EXPORT, NULL},
    {ACT_BACK, N_("back")},   {ACT_NONE, NULL}};

static const struct action_need schedule_screen_needs[] = {
    {ACT_ADD, NEED_ADMIN}, {ACT_EDIT, NEED_ADMIN}, {ACT_NONE, NEED_NOTHING}};
const struct screen_ops schedule_screen = {
    LIST_BASE_OPS,
    .needs = schedule_screen_needs,
    .title = N_("Reports & schedule"),
    .state_size = sizeof(struct list_base),
    .open = sched_open,
    .actions = sched_actions,
    .keybar = sched_keybar,
};
