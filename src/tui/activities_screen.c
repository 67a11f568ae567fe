/* Conferences and meetings, and communication activities: their lists (filtered by kind, and
 * activities by unit too) and the forms to add or edit them; plus the Activities menu that
 * leads there and to the inspections. */
#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_activities.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

/* A plan vocabulary (conference or activity kinds) with "any" or "none" in front. */
struct kinds {
    struct vec v;        /* struct vocab_row */
    const char **labels; /* n + 1 */
    int n;               /* entries in v */
};

VEC_KEEP(keep_kind, struct vocab_row)

static void kinds_free(struct kinds *k)
{
    vec_free(&k->v);
    free(k->labels);
    k->labels = NULL;
}

static int kinds_load(struct app *app, const char *domain, const char *first, struct kinds *k)
{
    struct td_err err = {0};
    vec_init(&k->v, sizeof(struct vocab_row));
    if (store_vocab_each(app->ctx->store, domain, keep_kind, &k->v, &err) != 0 ||
        (k->labels = malloc((k->v.n + 1) * sizeof *k->labels)) == NULL) {
        app_message(app, true, "%s", err.msg[0] != '\0' ? err.msg : _("out of memory"));
        kinds_free(k);
        return -1;
    }
    k->n = (int)k->v.n;
    k->labels[0] = first;
    for (int i = 0; i < k->n; i++)
        k->labels[i + 1] = ((const struct vocab_row *)vec_at(&k->v, (size_t)i))->label;
    return 0;
}

static const struct vocab_row *kind_at(const struct kinds *k, int i)
{
    return vec_at(&k->v, (size_t)i);
}

/* The index in labels (0 for none) of the kind with that code. */
static int kinds_find(const struct kinds *k, const char *code)
{
    for (int i = 0; i < k->n; i++)
        if (strcmp(kind_at(k, i)->code, code) == 0)
            return i + 1;
    return 0;
}

static const char *kinds_code(const struct kinds *k, int choice)
{
    return choice > 0 && choice <= k->n ? kind_at(k, choice - 1)->code : "";
}

/* Whether msg names one of the codes in list (to put a refused code under its field). */
static bool names_code(const char *msg, const char *list)
{
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", list);
    char *save = NULL;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save)) {
        char word[80];
        snprintf(word, sizeof word, " %s ", c);
        if (strstr(msg, word) != NULL)
            return true;
    }
    return false;
}

static enum tui_result refused(struct app *app, struct form *fm, int field, const char *msg)
{
    snprintf(fm->fields[field].error, sizeof fm->fields[field].error, "%s", msg);
    fm->current = field;
    (void)app;
    return TUI_REDRAW;
}

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
    struct kinds kinds;
    struct form_field fields[MF_COUNT];
};

static enum tui_result mform_save(struct app *app, void *state);

static const struct screen_ops mform_screen;

static int mform_reread(struct app *app, void *state, void *fresh)
{
    struct td_err err;
    return store_meeting_get(app->ctx->store, ((const struct mform_state *)state)->row.id, fresh,
                             &err);
}

static void mform_adopt(void *state, const void *fresh)
{
    ((struct mform_state *)state)->row.version = ((const struct meeting_row *)fresh)->version;
}

static const struct form_spec mform_spec = {&mform_screen, mform_save, sizeof(struct meeting_row),
                                            mform_reread, mform_adopt};

static int mform_open(struct app *app, void *state, void *arg)
{
    struct mform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct meeting_row *)arg;
    if (kinds_load(app, "conference_kind", _("(none)"), &s->kinds) != 0)
        return -1;
    /* max_bytes: what the row keeps, so that nothing typed is cut when it is saved. */
    struct field_rule title = {
        .type = FT_TEXT, .max_chars = 290, .max_bytes = sizeof s->row.title - 1, .required = true};
    struct field_rule text = {.type = FT_TEXT, .max_chars = 190, .max_bytes = 199};
    struct field_rule codes = {.type = FT_TEXT, .max_chars = 500, .max_bytes = 511};
    struct field_rule date = {
        .type = FT_DATE, .date_format = app->ctx->cfg->date_format, .today = app->ctx->today};
    struct field_rule multi = {
        .type = FT_MULTILINE, .max_chars = 2000, .max_bytes = sizeof s->row.agenda - 1};
    struct field_rule concl = {
        .type = FT_MULTILINE, .max_chars = 4000, .max_bytes = sizeof s->row.conclusions - 1};
    char d[32];
    app_show_date(app, s->row.date, d, sizeof d);
    struct form_field *f = s->fields;
    form_field_choice(&f[MF_KIND], _("Kind"), s->kinds.labels, s->kinds.n + 1,
                      kinds_find(&s->kinds, s->row.kind));
    form_field_text(&f[MF_TITLE], _("Title"), title, s->row.title);
    form_field_text(&f[MF_DATE], _("Date"), date, d);
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
    snprintf(r.kind, sizeof r.kind, "%s", kinds_code(&s->kinds, f[MF_KIND].choice));
    r.date[0] = '\0';
    if (!f[MF_DATE].empty)
        date_format_iso(f[MF_DATE].value.date, r.date);
    copy_nfc(r.title, sizeof r.title, f[MF_TITLE].buf.text);
    copy_nfc(r.place, sizeof r.place, f[MF_PLACE].buf.text);
    copy_nfc(r.chair, sizeof r.chair, f[MF_CHAIR].buf.text);
    copy_nfc(r.units, sizeof r.units, f[MF_UNITS].buf.text);
    copy_nfc(r.agenda, sizeof r.agenda, f[MF_AGENDA].buf.text);
    copy_nfc(r.conclusions, sizeof r.conclusions, f[MF_CONCL].buf.text);
    copy_nfc(r.tasks, sizeof r.tasks, f[MF_TASKS].buf.text);
    struct td_err err;
    if (store_meeting_save(app->ctx->store, &r, &err) != 0) {
        if (err.status == TD_E_INVALID && names_code(err.msg, r.tasks))
            return refused(app, &s->base.form, MF_TASKS, err.msg);
        if (err.status == TD_E_INVALID && names_code(err.msg, r.units))
            return refused(app, &s->base.form, MF_UNITS, err.msg);
        return form_refused(app, state, &err);
    }
    app_message(app, false, _("Saved: %s"), r.title);
    return app_close(app, SCREEN_CHANGED);
}

static void mform_close(struct app *app, void *state)
{
    kinds_free(&((struct mform_state *)state)->kinds);
    form_base_close(app, state);
}

static const struct screen_ops mform_screen = {
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
    struct kinds kinds;
    struct unit_picks units;
    const char *channel_labels[ACTIVITY_CHANNELS + 1];
    const char *status_labels[ACTIVITY_STATUSES];
    struct form_field fields[AF_COUNT];
};

static enum tui_result aform_save(struct app *app, void *state);

static const struct screen_ops aform_screen;

static int aform_reread(struct app *app, void *state, void *fresh)
{
    struct td_err err;
    return store_activity_get(app->ctx->store, ((const struct aform_state *)state)->row.id, fresh,
                              &err);
}

static void aform_adopt(void *state, const void *fresh)
{
    ((struct aform_state *)state)->row.version = ((const struct activity_row *)fresh)->version;
}

static const struct form_spec aform_spec = {&aform_screen, aform_save, sizeof(struct activity_row),
                                            aform_reread, aform_adopt};

static int aform_open(struct app *app, void *state, void *arg)
{
    struct aform_state *s = state;
    if (arg != NULL)
        s->row = *(const struct activity_row *)arg;
    else
        snprintf(s->row.status, sizeof s->row.status, "planned");
    if (kinds_load(app, "activity_kind", _("(none)"), &s->kinds) != 0)
        return -1;
    if (unit_picks_load(app, &s->units, _("(none)")) != 0) {
        kinds_free(&s->kinds);
        return -1;
    }
    int unit = 0, channel = 0, status = 0;
    for (int i = 0; i < s->units.n; i++)
        if (strcmp(s->units.units[i].code, s->row.unit) == 0)
            unit = i + 1;
    s->channel_labels[0] = _("(not said)");
    for (int i = 0; i < ACTIVITY_CHANNELS; i++) {
        s->channel_labels[i + 1] = activity_channel_label(activity_channels[i]);
        if (strcmp(activity_channels[i], s->row.channel) == 0)
            channel = i + 1;
    }
    for (int i = 0; i < ACTIVITY_STATUSES; i++) {
        s->status_labels[i] = activity_status_label(activity_statuses[i]);
        if (strcmp(activity_statuses[i], s->row.status) == 0)
            status = i;
    }
    /* max_bytes: what the row keeps, so that nothing typed is cut when it is saved. */
    struct field_rule title = {
        .type = FT_TEXT, .max_chars = 490, .max_bytes = sizeof s->row.title - 1, .required = true};
    struct field_rule text = {
        .type = FT_TEXT, .max_chars = 190, .max_bytes = sizeof s->row.reach - 1};
    struct field_rule date = {
        .type = FT_DATE, .date_format = app->ctx->cfg->date_format, .today = app->ctx->today};
    struct field_rule note = {
        .type = FT_MULTILINE, .max_chars = 2000, .max_bytes = sizeof s->row.progress_note - 1};
    char d[32];
    app_show_date(app, s->row.date, d, sizeof d);
    struct form_field *f = s->fields;
    form_field_choice(&f[AF_KIND], _("Kind"), s->kinds.labels, s->kinds.n + 1,
                      kinds_find(&s->kinds, s->row.kind));
    form_field_text(&f[AF_TITLE], _("Title"), title, s->row.title);
    form_field_choice(&f[AF_UNIT], _("Unit in charge"), s->units.labels, s->units.nlabels, unit);
    form_field_choice(&f[AF_CHANNEL], _("Channel"), s->channel_labels, ACTIVITY_CHANNELS + 1,
                      channel);
    form_field_text(&f[AF_DATE], _("Date"), date, d);
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
    snprintf(r.kind, sizeof r.kind, "%s", kinds_code(&s->kinds, f[AF_KIND].choice));
    int u = f[AF_UNIT].choice, c = f[AF_CHANNEL].choice;
    snprintf(r.unit, sizeof r.unit, "%s", u > 0 ? s->units.units[u - 1].code : "");
    snprintf(r.channel, sizeof r.channel, "%s", c > 0 ? activity_channels[c - 1] : "");
    snprintf(r.status, sizeof r.status, "%s", activity_statuses[f[AF_STATUS].choice]);
    r.date[0] = '\0';
    if (!f[AF_DATE].empty)
        date_format_iso(f[AF_DATE].value.date, r.date);
    copy_nfc(r.title, sizeof r.title, f[AF_TITLE].buf.text);
    copy_nfc(r.reach, sizeof r.reach, f[AF_REACH].buf.text);
    copy_nfc(r.progress_note, sizeof r.progress_note, f[AF_NOTE].buf.text);
    struct td_err err;
    if (store_activity_save(app->ctx->store, &r, &err) != 0)
        return form_refused(app, state, &err);
    app_message(app, false, _("Saved: %s"), r.title);
    return app_close(app, SCREEN_CHANGED);
}

static void aform_close(struct app *app, void *state)
{
    struct aform_state *s = state;
    kinds_free(&s->kinds);
    unit_picks_free(&s->units);
    form_base_close(app, state);
}

static const struct screen_ops aform_screen = {
    .needs = form_needs_admin,
    .title = N_("Communication activity"),
    .state_size = sizeof(struct aform_state),
    .open = aform_open,
    .close = aform_close,
    FORM_SCREEN_OPS,
};

/* ---- The two lists ---- */

enum which { MEETINGS, ACTIVITIES };

struct alist_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    enum which which;
    struct kinds kinds;
    int kind; /* 0: any */
    struct unit_picks units;
    long unit_id; /* activities: 0 for any */
};

LIST_KEEP(keep_meeting, struct meeting_row)

LIST_KEEP(keep_activity, struct activity_row)

static int alist_load(struct app *app, void *state, struct td_err *err)
{
    struct alist_state *s = state;
    struct store *st = app->ctx->store;
    const char *kind = kinds_code(&s->kinds, s->kind);
    int rc = s->which == MEETINGS
                 ? store_meeting_list_each(st, kind, keep_meeting, s, err)
                 : store_activity_list_each(st, s->unit_id, kind, keep_activity, s, err);
    return rc < 0 ? -1 : 0;
}

static void alist_loaded(struct app *app, void *state)
{
    struct alist_state *s = state;
    int at = unit_picks_at(&s->units, s->unit_id);
    const char *unit = at > 0 ? s->units.labels[at] : _("all units");
    const char *kind = s->kind > 0 ? s->kinds.labels[s->kind] : NULL;
    (void)app;
    if (s->which == MEETINGS)
        snprintf(s->base.footer, sizeof s->base.footer, "%s", kind ? kind : _("every kind"));
    else
        snprintf(s->base.footer, sizeof s->base.footer, "%s · %s", unit,
                 kind ? kind : _("every kind"));
    s->base.list.footer_extra = s->base.footer;
}

static void meeting_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                           struct list_row *out)
{
    const struct meeting_row *m = row;
    char today[11];
    (void)state;
    date_format_iso(app->ctx->today, today);
    if (m->date[0] != '\0')
        app_show_date(app, m->date, c[0], LIST_CELL);
    *out = (struct list_row){
        m->id,
        {m->date[0] ? c[0] : _("no date"), m->kind_label, m->title, m->place, m->units},
        m->date[0] == '\0'           ? ROLE_MUTED
        : strcmp(m->date, today) < 0 ? ROLE_DONE
                                     : ROLE_NORMAL};
}

static void activity_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                            struct list_row *out)
{
    const struct activity_row *a = row;
    char today[11];
    (void)state;
    date_format_iso(app->ctx->today, today);
    app_show_date(app, a->date, c[0], LIST_CELL);
    bool passed = a->date[0] != '\0' && strcmp(a->date, today) < 0;
    *out = (struct list_row){a->id,
                             {c[0], a->unit, activity_channel_label(a->channel), a->title,
                              activity_status_label(a->status)},
                             strcmp(a->status, "done") == 0        ? ROLE_DONE
                             : strcmp(a->status, "cancelled") == 0 ? ROLE_MUTED
                             : passed && strcmp(a->status, "planned") == 0
                                 ? ROLE_AT_RISK /* its date has passed and nothing is said */
                                 : ROLE_NORMAL};
}

static enum tui_result alist_enter(struct app *app, void *state, const void *row)
{
    struct alist_state *s = state;
    return app_open(app, s->which == MEETINGS ? &mform_screen : &aform_screen, (void *)row);
}

static enum tui_result kind_picked(struct app *app, struct list_base *b, int result)
{
    (void)app;
    ((struct alist_state *)b)->kind = result;
    return list_base_changed(b);
}

static enum tui_result unit_picked(struct app *app, struct list_base *b, int result)
{
    struct alist_state *s = (struct alist_state *)b;
    (void)app;
    s->unit_id = result > 0 ? s->units.units[result - 1].id : 0;
    return list_choose(b, _("Kind"), s->kinds.labels, s->kinds.n + 1, s->kind, kind_picked);
}

static enum tui_result alist_action(struct app *app, void *state, enum action act, const void *row)
{
    struct alist_state *s = state;
    if (act == ACT_ADD)
        return alist_enter(app, state, NULL);
    if (act == ACT_EDIT)
        return row != NULL ? alist_enter(app, state, row) : TUI_HANDLED;
    if (act == ACT_FILTER && s->which == MEETINGS)
        return list_choose(&s->base, _("Kind"), s->kinds.labels, s->kinds.n + 1, s->kind,
                           kind_picked);
    if (act == ACT_FILTER) /* activities: first the unit, then the kind */
        return list_choose(&s->base, _("Unit"), s->units.labels, s->units.nlabels,
                           unit_picks_at(&s->units, s->unit_id), unit_picked);
    return TUI_HANDLED;
}

static void alist_close(void *state)
{
    struct alist_state *s = state;
    kinds_free(&s->kinds);
    unit_picks_free(&s->units);
}

static const struct list_column meeting_cols[] = {
    {N_("Date"), {10, 8, 0}, false, false},  {N_("Kind"), {16, 8, 0}, false, false},
    {N_("Title"), {0, 12, 1}, false, true},  {N_("Place"), {14, 6, 0}, false, false},
    {N_("Units"), {12, 5, 0}, false, false},
};
static const struct list_column activity_cols[] = {
    {N_("Date"), {10, 8, 0}, false, false},    {N_("Unit"), {8, 4, 0}, false, false},
    {N_("Channel"), {12, 6, 0}, false, false}, {N_("Title"), {0, 12, 1}, false, true},
    {N_("Status"), {11, 6, 0}, false, false},
};

static const struct list_spec alist_specs[2] = {
    [MEETINGS] = {.cols = meeting_cols,
                  .ncols = 5,
                  .row_size = sizeof(struct meeting_row),
                  .export_name = "meetings",
                  .load = alist_load,
                  .loaded = alist_loaded,
                  .format = meeting_format,
                  .enter = alist_enter,
                  .action = alist_action,
                  .close = alist_close},
    [ACTIVITIES] = {.cols = activity_cols,
                    .ncols = 5,
                    .row_size = sizeof(struct activity_row),
                    .export_name = "activities",
                    .load = alist_load,
                    .loaded = alist_loaded,
                    .format = activity_format,
                    .enter = alist_enter,
                    .action = alist_action,
                    .close = alist_close},
};

static int alist_open(struct app *app, void *state, void *arg)
{
    struct alist_state *s = state;
    s->which = *(const enum which *)arg;
    if (kinds_load(app, s->which == MEETINGS ? "conference_kind" : "activity_kind", _("every kind"),
                   &s->kinds) != 0)
        return -1;
    if (unit_picks_load(app, &s->units, _("all units")) != 0 ||
        list_base_open(app, state, &alist_specs[s->which]) != 0) {
        alist_close(s);
        return -1;
    }
    return 0;
}

static const enum action alist_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_ADD, ACT_EDIT, ACT_NONE};
static const struct keybar_item alist_keybar[] = {
    {ACT_ADD, NULL},    {ACT_OPEN, N_("edit")},     {ACT_FILTER, NULL},
    {ACT_SEARCH, NULL}, {ACT_EXPORT, N_("export")}, {ACT_BACK, N_("back")},
    {ACT_NONE, NULL}};

static const struct action_need alist_needs[] = {{ACT_ADD, NEED_ADMIN}, {ACT_NONE, NEED_NOTHING}};
static const struct screen_ops meetings_screen = {
    LIST_BASE_OPS,
    .needs = alist_needs,
    .title = N_("Conferences and meetings"),
    .state_size = sizeof(struct alist_state),
    .open = alist_open,
    .actions = alist_actions,
    .keybar = alist_keybar,
};

static const struct screen_ops communication_screen = {
    LIST_BASE_OPS,
    .needs = alist_needs,
    .title = N_("Communication activities"),
    .state_size = sizeof(struct alist_state),
    .open = alist_open,
    .actions = alist_actions,
    .keybar = alist_keybar,
};

/* ---- The Activities menu ---- */

static const enum which meetings = MEETINGS, activities = ACTIVITIES;
static const struct submenu_item amenu_items[] = {
    {N_("Inspections and surveys"), &inspections_screen, NULL},
    {N_("Communication activities"), &communication_screen, &activities},
    {N_("Conferences and meetings"), &meetings_screen, &meetings},
};
static const struct submenu_spec amenu_spec = {NULL, amenu_items, 3};

static int amenu_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return submenu_open(app, state, &amenu_spec);
}

const struct screen_ops activities_screen = {
    SUBMENU_OPS,
    .title = N_("Activities"),
    .open = amenu_open,
};
