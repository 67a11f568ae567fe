/* The forms of the Activities menu's lists, to add or edit a conference or meeting, a
 * communication activity (their kinds from the plan) and an inspection or survey (its units
 * picked from all of them); units and tasks typed by code, an unknown one refused under its
 * field. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_activities.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_tasks.h"

/* ---- The meeting form ---- */

enum {
    MF_KIND,
    MF_TITLE,
    MF_DATE,
    MF_PLACE,
    MF_CHAIR,
    MF_UNITS,
    MF_AGENDA,
    MF_CONCL,
    MF_TASKS,
    MF_COUNT
};

struct mform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct meeting_row row;
    struct unit_picks kinds;
    struct form_field fields[MF_COUNT];
};

static enum tui_result mform_save(struct app *app, void *state);
FORM_ROW_SPEC(mform_spec, meeting_form_screen, mform_save, struct mform_state, struct meeting_row,
              store_meeting_get);

static int mform_open(struct app *app, void *state, void *arg)
{
    struct mform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct meeting_row *)arg;
    if (choice_picks_load(app, &s->kinds, PICK_CONFERENCE_KINDS, _("(none)"), PICK_NAME) != 0)
        return -1;
    struct field_rule title = {.type = FT_TEXT, .max_chars = 290, .required = true};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 190};
    struct field_rule codes = {.type = FT_TEXT, .max_chars = 500};
    struct field_rule multi = {.type = FT_MULTILINE, .max_chars = 2000};
    struct field_rule concl = {.type = FT_MULTILINE, .max_chars = 4000};
    struct form_field *f = s->fields;
    form_field_choice(&f[MF_KIND], _("Kind"), s->kinds.labels, s->kinds.nlabels,
                      unit_picks_label(&s->kinds, s->row.kind));
    FORM_FIELD_ROW(&f[MF_TITLE], _("Title"), title, s->row.title);
    form_field_date(&f[MF_DATE], app, _("Date"), s->row.date, false);
    f[MF_DATE].note = _("empty: not yet set");
    FORM_FIELD_ROW(&f[MF_PLACE], _("Place"), text, s->row.place);
    FORM_FIELD_ROW(&f[MF_CHAIR], _("Chaired by"), text, s->row.chair);
    FORM_FIELD_ROW(&f[MF_UNITS], _("Units taking part"), codes, s->row.units);
    f[MF_UNITS].note = _("unit codes, separated by commas");
    FORM_FIELD_ROW(&f[MF_AGENDA], _("Agenda"), multi, s->row.agenda);
    FORM_FIELD_ROW(&f[MF_CONCL], _("Conclusions"), concl, s->row.conclusions);
    FORM_FIELD_ROW(&f[MF_TASKS], _("Follow-up tasks"), codes, s->row.tasks);
    f[MF_TASKS].note = _("task codes, separated by commas");
    form_base_init(&s->base, &mform_spec, s->fields, MF_COUNT,
                   s->row.id != 0 ? _("Edit the conference or meeting")
                                  : _("A new conference or meeting"));
    return 0;
}

static enum tui_result mform_save(struct app *app, void *state)
{
    struct mform_state *s = state;
    struct form_field *f = s->fields;
    struct meeting_row r = s->row;
    snprintf(r.kind, sizeof r.kind, "%s", unit_picks_code(&s->kinds, f[MF_KIND].choice));
    form_date_iso(&f[MF_DATE], r.date);
    copy_nfc(r.title, sizeof r.title, f[MF_TITLE].buf.text);
    copy_nfc(r.place, sizeof r.place, f[MF_PLACE].buf.text);
    copy_nfc(r.chair, sizeof r.chair, f[MF_CHAIR].buf.text);
    copy_nfc(r.units, sizeof r.units, f[MF_UNITS].buf.text);
    copy_nfc(r.agenda, sizeof r.agenda, f[MF_AGENDA].buf.text);
    copy_nfc(r.conclusions, sizeof r.conclusions, f[MF_CONCL].buf.text);
    copy_nfc(r.tasks, sizeof r.tasks, f[MF_TASKS].buf.text);
    struct td_err err;
    if (store_meeting_save(app->ctx->store, &r, &err) != 0)
        return form_refused_codes(app, state, &err, (const int[]){MF_TASKS, MF_UNITS, -1});
    app_message(app, false, _("Saved: %s"), r.title);
    return app_close(app, SCREEN_CHANGED);
}

static void mform_close(struct app *app, void *state)
{
    unit_picks_free(&((struct mform_state *)state)->kinds);
    form_base_close(app, state);
}

const struct screen_ops meeting_form_screen = {
    .needs = form_needs_admin,
    .title = N_("Conference or meeting"),
    .state_size = sizeof(struct mform_state),
    .open = mform_open,
    .close = mform_close,
    FORM_SCREEN_OPS,
};

/* ---- The activity form ---- */

enum { AF_KIND, AF_TITLE, AF_UNIT, AF_CHANNEL, AF_DATE, AF_REACH, AF_STATUS, AF_NOTE, AF_COUNT };

struct aform_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct activity_row row;
    struct unit_picks kinds, units;
    const char *channel_labels[ACTIVITY_CHANNELS + 1];
    const char *status_labels[ACTIVITY_STATUSES];
    struct form_field fields[AF_COUNT];
};

static enum tui_result aform_save(struct app *app, void *state);
FORM_ROW_SPEC(aform_spec, activity_form_screen, aform_save, struct aform_state, struct activity_row,
              store_activity_get);

static void aform_close(struct app *app, void *state)
{
    struct aform_state *s = state;
    unit_picks_free(&s->kinds);
    unit_picks_free(&s->units);
    form_base_close(app, state);
}

static int aform_open(struct app *app, void *state, void *arg)
{
    struct aform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct activity_row *)arg;
    else
        snprintf(s->row.status, sizeof s->row.status, "planned");
    if (choice_picks_load(app, &s->kinds, PICK_ACTIVITY_KINDS, _("(none)"), PICK_NAME) != 0 ||
        unit_picks_load(app, &s->units, _("(none)")) != 0) {
        aform_close(app, state);
        return -1;
    }
    int channel = 0, status = 0;
    s->channel_labels[0] = _("(not said)");
    for (int i = 0; i < ACTIVITY_CHANNELS; i++) {
        s->channel_labels[i + 1] = activity_channel_label(activity_channels[i]);
        channel = strcmp(activity_channels[i], s->row.channel) == 0 ? i + 1 : channel;
    }
    for (int i = 0; i < ACTIVITY_STATUSES; i++) {
        s->status_labels[i] = activity_status_label(activity_statuses[i]);
        status = strcmp(activity_statuses[i], s->row.status) == 0 ? i : status;
    }
    struct field_rule title = {.type = FT_TEXT, .max_chars = 490, .required = true};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 190};
    struct field_rule note = {.type = FT_MULTILINE, .max_chars = 2000};
    struct form_field *f = s->fields;
    form_field_choice(&f[AF_KIND], _("Kind"), s->kinds.labels, s->kinds.nlabels,
                      unit_picks_label(&s->kinds, s->row.kind));
    FORM_FIELD_ROW(&f[AF_TITLE], _("Title"), title, s->row.title);
    form_field_choice(&f[AF_UNIT], _("Unit in charge"), s->units.labels, s->units.nlabels,
                      unit_picks_label(&s->units, s->row.unit));
    form_field_choice(&f[AF_CHANNEL], _("Channel"), s->channel_labels, ACTIVITY_CHANNELS + 1,
                      channel);
    form_field_date(&f[AF_DATE], app, _("Date"), s->row.date, false);
    FORM_FIELD_ROW(&f[AF_REACH], _("Reach"), text, s->row.reach);
    f[AF_REACH].note = _("e.g. 2 million views, 300 participants");
    form_field_choice(&f[AF_STATUS], _("Status"), s->status_labels, ACTIVITY_STATUSES, status);
    FORM_FIELD_ROW(&f[AF_NOTE], _("Progress note"), note, s->row.progress_note);
    form_base_init(&s->base, &aform_spec, s->fields, AF_COUNT,
                   s->row.id != 0 ? _("Edit the communication activity")
                                  : _("A new communication activity"));
    return 0;
}

static enum tui_result aform_save(struct app *app, void *state)
{
    struct aform_state *s = state;
    struct form_field *f = s->fields;
    struct activity_row r = s->row;
    int c = f[AF_CHANNEL].choice;
    snprintf(r.kind, sizeof r.kind, "%s", unit_picks_code(&s->kinds, f[AF_KIND].choice));
    snprintf(r.unit, sizeof r.unit, "%s", unit_picks_code(&s->units, f[AF_UNIT].choice));
    snprintf(r.channel, sizeof r.channel, "%s", c > 0 ? activity_channels[c - 1] : "");
    snprintf(r.status, sizeof r.status, "%s", activity_statuses[f[AF_STATUS].choice]);
    form_date_iso(&f[AF_DATE], r.date);
    copy_nfc(r.title, sizeof r.title, f[AF_TITLE].buf.text);
    copy_nfc(r.reach, sizeof r.reach, f[AF_REACH].buf.text);
    copy_nfc(r.progress_note, sizeof r.progress_note, f[AF_NOTE].buf.text);
    struct td_err err;
    if (store_activity_save(app->ctx->store, &r, &err) != 0)
        return form_refused(app, state, &err);
    app_message(app, false, _("Saved: %s"), r.title);
    return app_close(app, SCREEN_CHANGED);
}

const struct screen_ops activity_form_screen = {
    .needs = form_needs_admin,
    .title = N_("Communication activity"),
    .state_size = sizeof(struct aform_state),
    .open = aform_open,
    .close = aform_close,
    FORM_SCREEN_OPS,
};

/* ---- The inspection form ---- */

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
FORM_ROW_SPEC(iform_spec, inspection_form_screen, iform_save, struct iform_state,
              struct inspection_row, store_inspection_get);

static int iform_open(struct app *app, void *state, void *arg)
{
    struct iform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct inspection_row *)arg;
    else
        snprintf(s->row.kind, sizeof s->row.kind, "inspection");
    if (unit_picks_load(app, &s->units, NULL) != 0)
        return -1;
    int kind = 0, fu = 0;
    for (int i = 0; i < 2; i++) {
        s->kind_labels[i] = inspection_kind_label(inspection_kinds[i]);
        kind = strcmp(s->row.kind, inspection_kinds[i]) == 0 ? i : kind;
    }
    for (int i = 0; i < 3; i++) {
        s->follow_labels[i] = inspection_followup_label(inspection_followups[i]);
        fu = strcmp(s->row.followup_status, inspection_followups[i]) == 0 ? i : fu;
    }
    struct field_rule text = {.type = FT_TEXT, .max_chars = 500};
    struct field_rule multi = {.type = FT_MULTILINE, .max_chars = 2000};
    struct form_field *f = s->fields;
    form_field_choice(&f[IF_KIND], _("Kind"), s->kind_labels, 2, kind);
    form_field_date(&f[IF_DATE], app, _("Date"), s->row.date, true);
    form_field_units(&f[IF_UNITS], _("Units"), &s->units, s->row.units);
    f[IF_UNITS].rule.required = true;
    FORM_FIELD_ROW(&f[IF_SCOPE], _("Scope"), text, s->row.scope);
    FORM_FIELD_ROW(&f[IF_FINDINGS], _("Findings"), multi, s->row.findings);
    FORM_FIELD_ROW(&f[IF_RECS], _("Recommendations"), multi, s->row.recommendations);
    form_field_choice(&f[IF_FOLLOWUP], _("Follow-up"), s->follow_labels, 3, fu);
    form_field_date(&f[IF_FDATE], app, _("Follow-up date"), s->row.followup_date, false);
    FORM_FIELD_ROW(&f[IF_TASKS], _("Tasks concerned"), text, s->row.tasks);
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
    snprintf(r.kind, sizeof r.kind, "%s", inspection_kinds[f[IF_KIND].choice]);
    form_date_iso(&f[IF_DATE], r.date);
    form_date_iso(&f[IF_FDATE], r.followup_date);
    form_units_codes(&f[IF_UNITS], &s->units, r.units, sizeof r.units);
    copy_nfc(r.scope, sizeof r.scope, f[IF_SCOPE].buf.text);
    copy_nfc(r.findings, sizeof r.findings, f[IF_FINDINGS].buf.text);
    copy_nfc(r.recommendations, sizeof r.recommendations, f[IF_RECS].buf.text);
    copy_nfc(r.tasks, sizeof r.tasks, f[IF_TASKS].buf.text);
    snprintf(r.followup_status, sizeof r.followup_status, "%s",
             inspection_followups[f[IF_FOLLOWUP].choice]);
    struct td_err err;
    if (store_inspection_save(app->ctx->store, &r, &err) != 0)
        return form_refused_codes(app, state, &err, (const int[]){IF_TASKS, -1});
    app_message(app, false, "%s", _("Saved the inspection or survey"));
    return app_close(app, SCREEN_CHANGED);
}

static void iform_close(struct app *app, void *state)
{
    unit_picks_free(&((struct iform_state *)state)->units);
    form_base_close(app, state);
}

const struct screen_ops inspection_form_screen = {
    .needs = form_needs_admin,
    .title = N_("Inspection or survey"),
    .state_size = sizeof(struct iform_state),
    .open = iform_open,
    .close = iform_close,
    FORM_SCREEN_OPS,
};
