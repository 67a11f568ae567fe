/* The form to add or edit an inspection or survey: its units picked from all of them, the
 * tasks it concerns by code (an unknown one refused under its field). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

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
    form_field_choice(&f[IF_UNITS], _("Units"), s->units.labels, s->units.n, 0);
    f[IF_UNITS].rule.type = FT_MULTI;
    f[IF_UNITS].rule.required = true;
    char copy[sizeof s->row.units];
    snprintf(copy, sizeof copy, "%s", s->row.units);
    char *save = NULL;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save))
        form_multi_set(&f[IF_UNITS], unit_picks_find(&s->units, c), true);
    form_field_text(&f[IF_SCOPE], _("Scope"), text, s->row.scope);
    form_field_text(&f[IF_FINDINGS], _("Findings"), multi, s->row.findings);
    form_field_text(&f[IF_RECS], _("Recommendations"), multi, s->row.recommendations);
    form_field_choice(&f[IF_FOLLOWUP], _("Follow-up"), s->follow_labels, 3, fu);
    form_field_date(&f[IF_FDATE], app, _("Follow-up date"), s->row.followup_date, false);
    form_field_text(&f[IF_TASKS], _("Tasks concerned"), text, s->row.tasks);
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
    r.units[0] = '\0';
    for (int i = 0; i < s->units.n; i++)
        if (form_multi_get(&f[IF_UNITS], i))
            snprintf(r.units + strlen(r.units), sizeof r.units - strlen(r.units), "%s%s",
                     r.units[0] != '\0' ? ", " : "", s->units.units[i].code);
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
