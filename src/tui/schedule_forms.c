/* What the reporting schedule's keys open or write: the form of a unit's submission of a report
 * (recorded or corrected), the form of an ad-hoc report asked for by hand with its own units,
 * and a report's draft. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/report.h"
#include "tiendo/store_draft.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_users.h"

/* ---- The submission form ---- */

enum { SF_DATE, SF_DOC, SF_NOTE, SF_COUNT };

struct sform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct submission_args a;
    struct submission_row row;
    char title[400];
    struct form_field fields[SF_COUNT];
};

static enum tui_result sform_save(struct app *app, void *state);

/* The unit's submission as it is now (someone else recorded it meanwhile). */
static int sform_reread(struct app *app, void *state, void *fresh)
{
    const struct sform_state *s = state;
    struct td_err err;
    return store_submission_get(app->ctx->store, s->a.report_id, s->a.unit_id, fresh, &err);
}

static void sform_adopt(void *state, const void *fresh)
{
    struct sform_state *s = state;
    const struct submission_row *r = fresh;
    s->row.id = r->id; /* recorded meanwhile: now an update of theirs */
    s->row.version = r->version;
}

static const struct form_spec sform_spec = {
    &submission_screen, sform_save, sizeof(struct submission_row), sform_reread, sform_adopt};

/* Refused before anything is typed: a unit that does not have to submit the report, another
 * unit's row, a locked period. */
static int sform_open(struct app *app, void *state, void *arg)
{
    struct sform_state *s = state;
    s->a = *(const struct submission_args *)arg;
    struct td_err err;
    if (store_submission_get(app->ctx->store, s->a.report_id, s->a.unit_id, &s->row, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    if (!store_may_unit(app->ctx->store, s->a.unit_id)) {
        app_refuse_unit(app, s->row.code);
        return -1;
    }
    if (store_submission_allowed(app->ctx->store, s->a.report_id, s->a.unit_id, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    struct field_rule doc = {.type = FT_TEXT, .max_chars = 60};
    struct field_rule note = {.type = FT_TEXT, .max_chars = 500};
    struct form_field *f = s->fields;
    form_field_date(&f[SF_DATE], app, _("Submitted on"), s->row.submitted_on, false);
    f[SF_DATE].rule.has_max_date = true;
    f[SF_DATE].rule.max_date = app->ctx->today;
    f[SF_DATE].note = _("empty: not submitted");
    FORM_FIELD_ROW(&f[SF_DOC], _("Document number"), doc, s->row.doc_number);
    FORM_FIELD_ROW(&f[SF_NOTE], _("Note"), note, s->row.note);
    snprintf(s->title, sizeof s->title, "%s · %s", s->row.code, s->a.report_title);
    form_base_init(&s->base, &sform_spec, s->fields, SF_COUNT, s->title);
    return 0;
}

static enum tui_result sform_save(struct app *app, void *state)
{
    struct sform_state *s = state;
    struct form_field *f = s->fields;
    struct submission_row r = s->row;
    form_date_iso(&f[SF_DATE], r.submitted_on);
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

/* ---- An ad-hoc report: asked for by hand, with its own units ---- */

enum { RF_TITLE, RF_REQUESTER, RF_DUE, RF_UNITS, RF_SUBJECT, RF_COUNT };

struct rform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct report_row row;
    struct form_field fields[RF_COUNT];
};

static enum tui_result rform_save(struct app *app, void *state);
FORM_ROW_SPEC(rform_spec, adhoc_screen, rform_save, struct rform_state, struct report_row,
              store_report_get);

static int rform_open(struct app *app, void *state, void *arg)
{
    struct rform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct report_row *)arg;
    struct field_rule title = {.type = FT_TEXT, .max_chars = 250, .required = true};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 190};
    struct field_rule subject = {.type = FT_MULTILINE, .max_chars = 900};
    struct form_field *f = s->fields;
    FORM_FIELD_ROW(&f[RF_TITLE], _("Title"), title, s->row.title);
    FORM_FIELD_ROW(&f[RF_REQUESTER], _("Requested by"), text, s->row.requester);
    f[RF_REQUESTER].note = _("e.g. the Minister, a Deputy Minister");
    form_field_date(&f[RF_DUE], app, _("Deadline"), s->row.due, true);
    form_field_row(&f[RF_UNITS], _("Units"), text,
                   strcmp(s->row.units, "all") == 0 ? "" : s->row.units, sizeof s->row.units);
    f[RF_UNITS].note = _("unit codes, separated by commas; empty: every unit");
    FORM_FIELD_ROW(&f[RF_SUBJECT], _("Subject"), subject, s->row.subject);
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
    form_date_iso(&f[RF_DUE], r.due);
    copy_nfc(r.units, sizeof r.units, f[RF_UNITS].buf.text);
    copy_nfc(r.subject, sizeof r.subject, f[RF_SUBJECT].buf.text);
    struct td_err err;
    if (store_report_save_adhoc(app->ctx->store, &r, &err) != 0)
        return form_refused_codes(app, state, &err, (const int[]){RF_UNITS, -1});
    app_message(app, false, _("Saved the ad-hoc report due %s"), f[RF_DUE].buf.text);
    return app_close(app, SCREEN_CHANGED);
}

const struct screen_ops adhoc_screen = {
    .needs = form_needs_admin,
    .title = N_("Ad-hoc report"),
    .state_size = sizeof(struct rform_state),
    .open = rform_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};

/* ---- A report's draft ---- */

enum tui_result schedule_draft(struct app *app, const struct report_row *r)
{
    struct draft_request rq;
    struct report_data d = {0};
    struct td_err err = {0};
    draft_request_init(&rq, app->ctx->cfg, app->ctx->today, app->ctx->lang);
    if (draft_request_for(&rq, r->rule, r->period, r->id, &err) != 0 ||
        store_draft_build(app->ctx->store, &rq, &d, &err) != 0) {
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
        else {
            char where[PATH_MAX + 64];
            app_message(app, false, _("Draft written to %s"),
                        paths_show(path, where, sizeof where));
        }
    }
    store_draft_free(&d);
    return TUI_REDRAW;
}
