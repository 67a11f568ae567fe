/* Help: the keys in force on the screen it was called from, and the global ones, generated
 * from the keymap after the [keys] overrides, so that it cannot disagree with the keys. A text
 * view: it scrolls, and a long line wraps rather than being cut. */
#include <stdio.h>

#include "app.h"
#include "form.h"
#include "screens.h"
#include "textview.h"
#include "tiendo/i18n.h"

/* How the fields of a form take keys (these keys are not remapped). */
static const struct {
    const char *keys, *text; /* N_() */
} form_help[] = {
    {"← →", N_("change a choice; Enter opens its list")},
    {"← → Enter", N_("move in a multiple choice; Enter ticks or clears")},
    {N_("letters, Space"), N_("never change a choice: they say how to")},
    {N_("typing"), N_("replaces a proposed value (today, current percent)")},
    {N_("← → Home End BkSp"), N_("first: edit the proposed value instead")},
    {"▶", N_("marks the field that has the focus")},
};

/* An action: its keys, what it does, and its name in [keys]. */
static void key_line(struct app *app, struct textview *v, enum action a)
{
    char keys[128];
    keymap_keys_label(app->keymap, a, keys, sizeof keys);
    tv_add(v, 2, ROLE_NORMAL, -1, keys[0] != '\0' ? keys : "-", "%s  (%s)", _(action_get(a)->label),
           action_get(a)->name);
}

static int help_open(struct app *app, void *state, void *arg)
{
    struct textview *v = state;
    const struct screen_ops *of = app->below != NULL ? app->below : &menu_screen;
    (void)arg;
    v->plain_labels = true; /* the keys */
    tv_add(v, 0, ROLE_MARKED, -1, NULL, _("Keys on the screen \"%s\""), _(of->title));
    for (const enum action *a = of->actions; a != NULL && *a != ACT_NONE; a++)
        if (app_allows(app, of->needs, *a)) /* what the role may not do is not offered */
            key_line(app, v, *a);
    for (const struct help_note *n = of->help; n != NULL && n->keys != NULL; n++)
        tv_add(v, 2, ROLE_NORMAL, -1, _(n->keys), "%s", _(n->text));
    if (of->actions == form_actions) {
        tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
        tv_add(v, 0, ROLE_MARKED, -1, NULL, "%s", _("In a form's fields"));
        for (size_t i = 0; i < sizeof form_help / sizeof form_help[0]; i++)
            tv_add(v, 2, ROLE_NORMAL, -1, _(form_help[i].keys), "%s", _(form_help[i].text));
    }
    tv_add(v, 0, ROLE_NORMAL, -1, NULL, "%s", "");
    tv_add(v, 0, ROLE_MARKED, -1, NULL, "%s", _("Keys on every screen"));
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (action_get((enum action)a)->scope == SCOPE_GLOBAL)
            key_line(app, v, (enum action)a);
    if (v->failed) {
        tv_free(v);
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    return 0;
}

static enum tui_result help_handle(struct app *app, void *state, enum action act, int key)
{
    return act == ACT_OPEN ? TUI_BACK : tv_screen_handle(app, state, act, key);
}

static const enum action help_actions[] = {ACT_UP,  ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,
                                           ACT_END, ACT_BACK, ACT_OPEN,    ACT_NONE};

const struct screen_ops help_screen = {
    .title = N_("Help"),
    .state_size = sizeof(struct textview),
    .open = help_open,
    .draw = tv_screen_draw,
    .handle = help_handle,
    .close = tv_screen_close,
    .actions = help_actions,
    .keybar = tv_screen_keybar,
};
