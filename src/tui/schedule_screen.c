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

#define REPORTS_MAX 512
#define SUBS_MAX    512

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
    s->base.save = sform_save;
    s->base.ops = &submission_screen;
    s->base.fresh_size = sizeof(struct submission_args);
    s->base.reread = sform_reread;
    s->base.adopt = sform_adopt;
    s->base.form = (struct form){s->fields, SF_COUNT, 0, false, s->title, 0};
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
        return err.status == TD_E_CONFLICT ? form_conflict(app, state, err.msg)
                                           : form_save_failed(app, err.msg);
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
    struct report_row report;
    struct submission_row *rows;
    int n;
    char cells[SUBS_MAX][2][48];
    enum role roles[SUBS_MAX];
    struct list_column cols[5];
    struct list_widget list;
    char footer[200];
};

static int inst_load(struct app *app, struct inst_state *s)
{
    struct td_err err;
    if (store_submission_list(app->ctx->store, s->report.id, s->rows, SUBS_MAX, &s->n, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    int in = 0;
    for (int i = 0; i < s->n; i++) {
        enum submission_status st =
            schedule_status_iso(s->report.due, s->rows[i].submitted_on, app->ctx->today,
                                (int)app->ctx->cfg->report_due_soon_days);
        snprintf(s->cells[i][0], sizeof s->cells[i][0], "%s", submission_status_label(st));
        app_show_date(app, s->rows[i].submitted_on, s->cells[i][1], sizeof s->cells[i][1]);
        s->roles[i] = st == SUB_OVERDUE    ? ROLE_OVERDUE
                      : st == SUB_DUE_SOON ? ROLE_AT_RISK
                      : st == SUB_LATE     ? ROLE_AT_RISK
                      : st == SUB_ON_TIME  ? ROLE_DONE
                                           : ROLE_NORMAL;
        in += st == SUB_ON_TIME || st == SUB_LATE;
    }
    char d[32];
    app_show_date(app, s->report.due, d, sizeof d);
    snprintf(s->footer, sizeof s->footer, _("due %s · %d of %d units submitted"), d, in, s->n);
    s->list.footer_extra = s->footer;
    return 0;
}

static long inst_count(void *ctx)
{
    return ((struct inst_state *)ctx)->n;
}

static int inst_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct inst_state *s = ctx;
    int got = 0;
    for (long i = first; i < s->n && got < n; i++, got++) {
        const struct submission_row *r = &s->rows[i];
        rows[got] = (struct list_row){
            i, {r->code, r->name, s->cells[i][0], s->cells[i][1], r->doc_number}, s->roles[i]};
    }
    return got;
}

static int inst_texts(void *ctx, long i, const char *out[2])
{
    const struct inst_state *s = ctx;
    out[0] = s->rows[i].code;
    out[1] = s->rows[i].name;
    return 2;
}

static long inst_find(void *ctx, const char *needle, long from, int dir)
{
    return list_find_in(ctx, ((struct inst_state *)ctx)->n, needle, from, dir, inst_texts);
}

static int inst_open(struct app *app, void *state, void *arg)
{
    struct inst_state *s = state;
    s->report = *(const struct report_row *)arg;
    s->rows = calloc(SUBS_MAX, sizeof *s->rows);
    if (s->rows == NULL)
        return -1;
    const struct list_column cols[5] = {
        {_("Unit"), {8, 4, 0}, false, true},       {_("Name"), {0, 10, 1}, false, true},
        {_("Status"), {18, 10, 0}, false, false},  {_("Submitted"), {10, 10, 0}, false, false},
        {_("Document"), {14, 6, 0}, false, false},
    };
    memcpy(s->cols, cols, sizeof cols);
    list_init(&s->list, s->cols, 5, (struct list_source){s, inst_count, inst_fetch, inst_find});
    if (inst_load(app, s) != 0) {
        list_free(&s->list);
        free(s->rows);
        return -1;
    }
    list_reload(&s->list);
    return 0;
}

static void inst_close(struct app *app, void *state)
{
    struct inst_state *s = state;
    (void)app;
    list_free(&s->list);
    free(s->rows);
}

static void inst_draw(struct app *app, void *state, int top, int height)
{
    struct inst_state *s = state;
    draw_text(top, 1, COLS - 2, s->report.title, ROLE_TITLE);
    list_draw(&s->list, app, top + 1, height - 1);
}

static bool inst_wants_text(void *state)
{
    return ((struct inst_state *)state)->list.searching;
}

static enum tui_result inst_handle(struct app *app, void *state, enum action act, int key)
{
    struct inst_state *s = state;
    switch (list_handle(&s->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN:
        act = ACT_EDIT;
        break;
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EXPORT)
        return list_export(&s->list, app, "submissions");
    if (act == ACT_EDIT && s->n > 0 &&
        !store_may_unit(app->ctx->store, s->rows[s->list.selected].unit_id)) {
        app_refuse_unit(app, s->rows[s->list.selected].code);
        return TUI_HANDLED;
    }
    if (act == ACT_EDIT && s->n > 0) {
        struct submission_args edit = {s->report.id, s->report.title, s->rows[s->list.selected]};
        return app_open(app, &submission_screen, &edit);
    }
    return act == ACT_BACK ? TUI_BACK : TUI_HANDLED;
}

static enum tui_result inst_resume(struct app *app, void *state, int result)
{
    struct inst_state *s = state;
    if (result == SCREEN_CHANGED) {
        inst_load(app, s);
        list_reload(&s->list);
        app->result = SCREEN_CHANGED; /* the schedule's counts changed */
    }
    return TUI_REDRAW;
}

static const enum action list_actions[] = {
    ACT_UP,     ACT_DOWN,        ACT_PAGE_UP,     ACT_PAGE_DOWN, ACT_HOME,   ACT_END,  ACT_OPEN,
    ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_EDIT,      ACT_EXPORT, ACT_BACK, ACT_NONE};
static const struct keybar_item inst_keybar[] = {{ACT_OPEN, N_("record")},
                                                 {ACT_SEARCH, NULL},
                                                 {ACT_EXPORT, NULL},
                                                 {ACT_BACK, N_("back")},
                                                 {ACT_NONE, NULL}};

static const struct action_need instance_screen_needs[] = {
    {ACT_OPEN, NEED_EDITOR}, {ACT_EDIT, NEED_EDITOR}, {ACT_NONE, NEED_NOTHING}};
static const struct screen_ops instance_screen = {
    .needs = instance_screen_needs,
    .title = N_("Submissions"),
    .state_size = sizeof(struct inst_state),
    .open = inst_open,
    .draw = inst_draw,
    .handle = inst_handle,
    .close = inst_close,
    .resume = inst_resume,
    .actions = list_actions,
    .keybar = inst_keybar,
    .wants_text = inst_wants_text,
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
    s->base.save = rform_save;
    s->base.ops = &adhoc_screen;
    s->base.fresh_size = sizeof(struct report_row);
    s->base.reread = rform_reread;
    s->base.adopt = rform_adopt;
    s->base.form = (struct form){s->fields,
                                 RF_COUNT,
                                 0,
                                 false,
                                 s->row.id != 0 ? _("Edit the ad-hoc report")
                                                : _("A new ad-hoc report, at someone's request"),
                                 0};
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
        if (err.status == TD_E_CONFLICT)
            return form_conflict(app, state, err.msg);
        return form_save_failed(app, err.msg);
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

struct sched_state {
    struct report_row *rows;
    int n;
    char cells[REPORTS_MAX][3][48];
    enum role roles[REPORTS_MAX];
    struct list_column cols[5];
    struct list_widget list;
    char footer[200];
};

static int sched_load(struct app *app, struct sched_state *s)
{
    struct td_err err;
    char today[11];
    date_format_iso(app->ctx->today, today);
    if (store_report_list(app->ctx->store, today, s->rows, REPORTS_MAX, &s->n, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    int overdue = 0;
    for (int i = 0; i < s->n; i++) {
        const struct report_row *r = &s->rows[i];
        td_date due = 0;
        date_parse_iso(r->due, &due);
        long days = due - app->ctx->today;
        bool complete = r->submitted >= r->expected;
        app_show_date(app, r->due, s->cells[i][0], sizeof s->cells[i][0]);
        if (complete)
            snprintf(s->cells[i][1], sizeof s->cells[i][1], "%s", _("all in"));
        else if (days < 0)
            snprintf(s->cells[i][1], sizeof s->cells[i][1],
                     ngettext("%ld day late", "%ld days late", (unsigned long)-days), -days);
        else if (days == 0)
            snprintf(s->cells[i][1], sizeof s->cells[i][1], "%s", _("due today"));
        else
            snprintf(s->cells[i][1], sizeof s->cells[i][1],
                     ngettext("in %ld day", "in %ld days", (unsigned long)days), days);
        snprintf(s->cells[i][2], sizeof s->cells[i][2], "%ld/%ld", r->submitted, r->expected);
        s->roles[i] = complete                                            ? ROLE_DONE
                      : days < 0                                          ? ROLE_OVERDUE
                      : days <= (long)app->ctx->cfg->report_due_soon_days ? ROLE_AT_RISK
                                                                          : ROLE_NORMAL;
        overdue += !complete && days < 0;
    }
    snprintf(s->footer, sizeof s->footer,
             ngettext("%d report overdue", "%d reports overdue", (unsigned long)overdue), overdue);
    s->list.footer_extra = s->footer;
    return 0;
}

static long sched_count(void *ctx)
{
    return ((struct sched_state *)ctx)->n;
}

static int sched_fetch(void *ctx, long first, int n, struct list_row *rows)
{
    struct sched_state *s = ctx;
    int got = 0;
    for (long i = first; i < s->n && got < n; i++, got++)
        rows[got] = (struct list_row){
            i,
            {s->cells[i][0], s->rows[i].period, s->cells[i][1], s->cells[i][2], s->rows[i].title},
            s->roles[i]};
    return got;
}

static int sched_texts(void *ctx, long i, const char *out[2])
{
    const struct sched_state *s = ctx;
    out[0] = s->rows[i].title;
    return 1;
}

static long sched_find(void *ctx, const char *needle, long from, int dir)
{
    return list_find_in(ctx, ((struct sched_state *)ctx)->n, needle, from, dir, sched_texts);
}

static int sched_open(struct app *app, void *state, void *arg)
{
    struct sched_state *s = state;
    (void)arg;
    s->rows = calloc(REPORTS_MAX, sizeof *s->rows);
    if (s->rows == NULL)
        return -1;
    const struct list_column cols[5] = {
        {_("Due"), {10, 10, 0}, false, false},  {_("Period"), {9, 4, 0}, false, true},
        {_("When"), {14, 8, 0}, false, false},  {_("Units in"), {8, 5, 0}, true, false},
        {_("Report"), {0, 10, 1}, false, true},
    };
    memcpy(s->cols, cols, sizeof cols);
    list_init(&s->list, s->cols, 5, (struct list_source){s, sched_count, sched_fetch, sched_find});
    if (sched_load(app, s) != 0) {
        list_free(&s->list);
        free(s->rows);
        return -1;
    }
    list_reload(&s->list);
    return 0;
}

static void sched_close(struct app *app, void *state)
{
    struct sched_state *s = state;
    (void)app;
    list_free(&s->list);
    free(s->rows);
}

static void sched_draw(struct app *app, void *state, int top, int height)
{
    list_draw(&((struct sched_state *)state)->list, app, top, height);
}

static bool sched_wants_text(void *state)
{
    return ((struct sched_state *)state)->list.searching;
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

static enum tui_result sched_handle(struct app *app, void *state, enum action act, int key)
{
    struct sched_state *s = state;
    switch (list_handle(&s->list, app, act, key)) {
    case LIST_NONE:
        return TUI_HANDLED;
    case LIST_REDRAW:
        return TUI_REDRAW;
    case LIST_OPEN:
        return app_open(app, &instance_screen, &s->rows[s->list.selected]);
    case LIST_OTHER:
        break;
    }
    if (act == ACT_EXPORT)
        return list_export(&s->list, app, "schedule");
    if (act == ACT_ADD)
        return app_open(app, &adhoc_screen, NULL);
    if (act == ACT_EDIT && s->n > 0) {
        if (strcmp(s->rows[s->list.selected].rule, "adhoc") == 0)
            return app_open(app, &adhoc_screen, &s->rows[s->list.selected]);
        app_message(app, true, "%s",
                    _("this report comes from a rule of the plan file; change it there"));
        return TUI_REDRAW;
    }
    if (act == ACT_MATRIX)
        return app_open(app, &report_matrix_screen, NULL);
    if (act == ACT_DRAFT && s->n > 0)
        return sched_draft(app, &s->rows[s->list.selected]);
    return act == ACT_BACK ? TUI_BACK : TUI_HANDLED;
}

static enum tui_result sched_resume(struct app *app, void *state, int result)
{
    struct sched_state *s = state;
    if (result == SCREEN_CHANGED) {
        long id = s->rows[s->list.selected].id;
        sched_load(app, s);
        list_reload(&s->list);
        for (int i = 0; i < s->n; i++)
            if (s->rows[i].id == id)
                s->list.selected = i;
    }
    return TUI_REDRAW;
}

static const enum action sched_actions[] = {
    ACT_UP,     ACT_DOWN,   ACT_PAGE_UP,     ACT_PAGE_DOWN,   ACT_HOME, ACT_END,
    ACT_OPEN,   ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_ADD,  ACT_EDIT,
    ACT_MATRIX, ACT_DRAFT,  ACT_EXPORT,      ACT_BACK,        ACT_NONE};
static const struct keybar_item sched_keybar[] = {
    {ACT_OPEN, N_("units")},  {ACT_MATRIX, N_("matrix")},
    {ACT_DRAFT, N_("draft")}, {ACT_ADD, N_("ad-hoc report")},
    {ACT_SEARCH, NULL},       {ACT_EXPORT, NULL},
    {ACT_BACK, N_("back")},   {ACT_NONE, NULL}};

static const struct action_need schedule_screen_needs[] = {
    {ACT_ADD, NEED_ADMIN}, {ACT_EDIT, NEED_ADMIN}, {ACT_NONE, NEED_NOTHING}};
const struct screen_ops schedule_screen = {
    .needs = schedule_screen_needs,
    .title = N_("Reports & schedule"),
    .state_size = sizeof(struct sched_state),
    .open = sched_open,
    .draw = sched_draw,
    .handle = sched_handle,
    .close = sched_close,
    .resume = sched_resume,
    .actions = sched_actions,
    .keybar = sched_keybar,
    .wants_text = sched_wants_text,
};
