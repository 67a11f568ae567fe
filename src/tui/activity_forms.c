/* The forms to add or edit a conference or meeting and a communication activity: their kinds
 * from the plan, the units and tasks by code (an unknown one refused under its field). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_activities.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

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
    /* max_bytes: what the row keeps, so that nothing typed is cut when it is saved. */
    struct field_rule title = {
        .type = FT_TEXT, .max_chars = 290, .max_bytes = sizeof s->row.title - 1, .required = true};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 190, .max_bytes = 199};
    struct field_rule codes = {.type = FT_TEXT, .max_chars = 500, .max_bytes = 511};
    struct field_rule multi = {
        .type = FT_MULTILINE, .max_chars = 2000, .max_bytes = sizeof s->row.agenda - 1};
    struct field_rule concl = {
        .type = FT_MULTILINE, .max_chars = 4000, .max_bytes = sizeof s->row.conclusions - 1};
    struct form_field *f = s->fields;
    form_field_choice(&f[MF_KIND], _("Kind"), s->kinds.labels, s->kinds.nlabels,
                      unit_picks_label(&s->kinds, s->row.kind));
    form_field_text(&f[MF_TITLE], _("Title"), title, s->row.title);
    form_field_date(&f[MF_DATE], app, _("Date"), s->row.date, false);
    f[MF_DATE].note = _("empty: not yet set");
    form_field_text(&f[MF_PLACE], _("Place"), text, s->row.place);
    form_field_text(&f[MF_CHAIR], _("Chaired by"), text, s->row.chair);
    form_field_text(&f[MF_UNITS], _("Units taking part"), codes, s->row.units);
    f[MF_UNITS].note = _("unit codes, separated by commas");
    form_field_text(&f[MF_AGENDA], _("Agenda"), multi, s->row.agenda);
    form_field_text(&f[MF_CONCL], _("Conclusions"), concl, s->row.conclusions);
    form_field_text(&f[MF_TASKS], _("Follow-up tasks"), codes, s->row.tasks);
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
    /* max_bytes: what the row keeps, so that nothing typed is cut when it is saved. */
    struct field_rule title = {
        .type = FT_TEXT, .max_chars = 490, .max_bytes = sizeof s->row.title - 1, .required = true};
    struct field_rule text = {
        .type = FT_TEXT, .max_chars = 190, .max_bytes = sizeof s->row.reach - 1};
    struct field_rule note = {
        .type = FT_MULTILINE, .max_chars = 2000, .max_bytes = sizeof s->row.progress_note - 1};
    struct form_field *f = s->fields;
    form_field_choice(&f[AF_KIND], _("Kind"), s->kinds.labels, s->kinds.nlabels,
                      unit_picks_label(&s->kinds, s->row.kind));
    form_field_text(&f[AF_TITLE], _("Title"), title, s->row.title);
    form_field_choice(&f[AF_UNIT], _("Unit in charge"), s->units.labels, s->units.nlabels,
                      unit_picks_label(&s->units, s->row.unit));
    form_field_choice(&f[AF_CHANNEL], _("Channel"), s->channel_labels, ACTIVITY_CHANNELS + 1,
                      channel);
    form_field_date(&f[AF_DATE], app, _("Date"), s->row.date, false);
    form_field_text(&f[AF_REACH], _("Reach"), text, s->row.reach);
    f[AF_REACH].note = _("e.g. 2 million views, 300 participants");
    form_field_choice(&f[AF_STATUS], _("Status"), s->status_labels, ACTIVITY_STATUSES, status);
    form_field_text(&f[AF_NOTE], _("Progress note"), note, s->row.progress_note);
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
