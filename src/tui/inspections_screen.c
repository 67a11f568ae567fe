/* Inspections and surveys: the list, filtered by unit and kind (kind_list.c); Enter or e opens
 * the form (activity_forms.c). */
#include <string.h>

#include "app.h"
#include "kind_list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_inspect.h"

LIST_KEEP(keep, struct inspection_row)

static int insp_load(struct app *app, void *state, struct td_err *err)
{
    struct kind_list *k = state;
    const char *kind = k->kind > 0 ? inspection_kinds[k->kind - 1] : "";
    return store_inspection_list_each(app->ctx->store, k->unit_id, kind, keep, k, err) < 0 ? -1 : 0;
}

static void insp_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                        struct list_row *out)
{
    const struct inspection_row *r = row;
    (void)state;
    app_show_date(app, r->date, c[0], LIST_CELL);
    *out = (struct list_row){r->id,
                             {c[0], inspection_kind_label(r->kind), r->units, r->scope,
                              inspection_followup_label(r->followup_status)},
                             strcmp(r->followup_status, "done") == 0 ? ROLE_DONE : ROLE_NORMAL};
}

static const struct list_column insp_cols[] = {
    {N_("Date"), {10, 10, 0}, false, false},     {N_("Kind"), {12, 8, 0}, false, false},
    {N_("Units"), {14, 6, 0}, false, true},      {N_("Scope"), {0, 10, 1}, false, true},
    {N_("Follow-up"), {14, 8, 0}, false, false},
};

static const struct kind_list_spec insp_spec = {
    .list = {.cols = insp_cols,
             .ncols = 5,
             .row_size = sizeof(struct inspection_row),
             .export_name = "inspections",
             .load = insp_load,
             .format = insp_format},
    .form = &inspection_form_screen,
    .by_unit = true,
    .kinds = {N_("inspections and surveys"), N_("on-site inspections"), N_("surveys")},
};

static int insp_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return kind_list_open(app, state, (void *)&insp_spec);
}

const struct screen_ops inspections_screen = {
    KIND_LIST_OPS,
    .title = N_("Inspections and surveys"),
    .open = insp_open,
};
