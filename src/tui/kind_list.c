/* Lists filtered in steps by unit and kind, each row edited in its form. */
#include <stdio.h>

#include "app.h"
#include "kind_list.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"

static void kind_list_loaded(struct app *app, void *state)
{
    struct kind_list *k = state;
    const char *kind = k->kinds.labels[k->kind];
    (void)app;
    if (k->ks->by_unit)
        snprintf(k->base.footer, sizeof k->base.footer, "%s · %s",
                 k->units.labels[unit_picks_at(&k->units, k->unit_id)], kind);
    else
        snprintf(k->base.footer, sizeof k->base.footer, "%s", kind);
    k->base.list.footer_extra = k->base.footer;
}

static enum tui_result kind_list_enter(struct app *app, void *state, const void *row)
{
    return app_open(app, ((struct kind_list *)state)->ks->form, (void *)row);
}

static enum tui_result kind_picked(struct app *app, struct list_base *b, int result)
{
    (void)app;
    ((struct kind_list *)b)->kind = result;
    return list_base_changed(b);
}

static enum tui_result unit_picked(struct app *app, struct list_base *b, int result)
{
    struct kind_list *k = (struct kind_list *)b;
    (void)app;
    k->unit_id = result > 0 ? k->units.units[result - 1].id : 0;
    return list_choose(b, _("Kind"), k->kinds.labels, k->kinds.nlabels, k->kind, kind_picked);
}

static enum tui_result kind_list_action(struct app *app, void *state, enum action act,
                                        const void *row)
{
    struct kind_list *k = state;
    if (act == ACT_ADD)
        return kind_list_enter(app, state, NULL);
    if (act == ACT_EDIT)
        return row != NULL ? kind_list_enter(app, state, row) : TUI_HANDLED;
    if (act != ACT_FILTER)
        return TUI_HANDLED;
    if (!k->ks->by_unit)
        return unit_picked(app, &k->base, 0);
    return list_choose(&k->base, _("Unit"), k->units.labels, k->units.nlabels,
                       unit_picks_at(&k->units, k->unit_id), unit_picked);
}

static void kind_list_close(void *state)
{
    struct kind_list *k = state;
    if (k->kinds.labels == k->own)
        k->kinds.labels = NULL;
    unit_picks_free(&k->units);
    unit_picks_free(&k->kinds);
}

int kind_list_open(struct app *app, void *state, void *arg)
{
    struct kind_list *k = state;
    const struct kind_list_spec *ks = arg;
    k->ks = ks;
    k->spec = ks->list;
    k->spec.loaded = kind_list_loaded;
    k->spec.enter = kind_list_enter;
    k->spec.action = kind_list_action;
    k->spec.close = kind_list_close;
    int rc = 0, n = 0;
    for (; n < 4 && ks->kinds[n] != NULL; n++) /* the spec's own kinds, translated */
        k->own[n] = _(ks->kinds[n]);
    if (n > 0)
        k->kinds = (struct unit_picks){.labels = k->own, .nlabels = n};
    else
        rc = choice_picks_load(app, &k->kinds, ks->vocab, _("every kind"), PICK_NAME);
    if (rc != 0 || (ks->by_unit && unit_picks_load(app, &k->units, _("all units")) != 0)) {
        kind_list_close(k);
        return -1;
    }
    return list_base_open(app, state, &k->spec);
}

const enum action kind_list_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_ADD, ACT_EDIT, ACT_NONE};
const struct keybar_item kind_list_keybar[] = {
    {ACT_ADD, NULL},    {ACT_OPEN, N_("edit")},     {ACT_FILTER, NULL},
    {ACT_SEARCH, NULL}, {ACT_EXPORT, N_("export")}, {ACT_BACK, N_("back")},
    {ACT_NONE, NULL}};
const struct action_need kind_list_needs[] = {{ACT_ADD, NEED_ADMIN}, {ACT_NONE, NEED_NOTHING}};
