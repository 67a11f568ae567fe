/* Conferences and meetings, filtered by kind, and communication activities, filtered by unit
 * and kind (kind_list.c); Enter or e opens the form (activity_forms.c). Plus the Activities
 * menu that leads there and to the inspections. */
#include <string.h>

#include "app.h"
#include "kind_list.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_activities.h"

LIST_KEEP(keep_meeting, struct meeting_row)

LIST_KEEP(keep_activity, struct activity_row)

static int meetings_load(struct app *app, void *state, struct td_err *err)
{
    struct kind_list *k = state;
    const char *kind = unit_picks_code(&k->kinds, k->kind);
    return store_meeting_list_each(app->ctx->store, kind, keep_meeting, k, err) < 0 ? -1 : 0;
}

static int activities_load(struct app *app, void *state, struct td_err *err)
{
    struct kind_list *k = state;
    const char *kind = unit_picks_code(&k->kinds, k->kind);
    return store_activity_list_each(app->ctx->store, k->unit_id, kind, keep_activity, k, err) < 0
               ? -1
               : 0;
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

static const struct kind_list_spec meetings_spec = {
    .list = {.cols = meeting_cols,
             .ncols = 5,
             .row_size = sizeof(struct meeting_row),
             .export_name = "meetings",
             .load = meetings_load,
             .format = meeting_format},
    .form = &meeting_form_screen,
    .vocab = PICK_CONFERENCE_KINDS,
};
static const struct kind_list_spec activities_spec = {
    .list = {.cols = activity_cols,
             .ncols = 5,
             .row_size = sizeof(struct activity_row),
             .export_name = "activities",
             .load = activities_load,
             .format = activity_format},
    .form = &activity_form_screen,
    .by_unit = true,
    .vocab = PICK_ACTIVITY_KINDS,
};

static const struct screen_ops meetings_screen = {
    KIND_LIST_OPS,
    .title = N_("Conferences and meetings"),
    .open = kind_list_open,
};
static const struct screen_ops communication_screen = {
    KIND_LIST_OPS,
    .title = N_("Communication activities"),
    .open = kind_list_open,
};

/* ---- The Activities menu ---- */

static const struct submenu_item amenu_items[] = {
    {N_("Inspections and surveys"), &inspections_screen, NULL},
    {N_("Communication activities"), &communication_screen, &activities_spec},
    {N_("Conferences and meetings"), &meetings_screen, &meetings_spec},
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
