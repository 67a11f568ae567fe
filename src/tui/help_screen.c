/* Help: the keys in force on the screen it was called from, and the global ones, generated
 * from the keymap after the [keys] overrides, so that it cannot disagree with the keys. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "screens.h"
#include "tiendo/i18n.h"

struct help_line {
    enum action act;  /* ACT_NONE: a heading, or with keys a line of text */
    const char *text; /* N_() */
    const char *keys; /* N_(): the keys a line of text is about */
};

struct help_state {
    const struct screen_ops *of;
    struct help_line lines[2 * ACT_COUNT + 16];
    int nlines;
    int first; /* first line shown */
};

static void add(struct help_state *h, enum action act, const char *text)
{
    if (h->nlines < (int)(sizeof h->lines / sizeof h->lines[0]))
        h->lines[h->nlines++] = (struct help_line){act, text, NULL};
}

/* How the fields of a form take keys (these keys are not remapped). */
static const struct help_line form_help[] = {
    {ACT_NONE, N_("change a choice; Enter opens its list"), "← →"},
    {ACT_NONE, N_("move in a multiple choice; Enter ticks or clears"), "← → Enter"},
    {ACT_NONE, N_("never change a choice: they say how to"), N_("letters, Space")},
    {ACT_NONE, N_("replaces a proposed value (today, current percent)"), N_("typing")},
    {ACT_NONE, N_("first: edit the proposed value instead"), N_("← → Home End BkSp")},
    {ACT_NONE, N_("marks the field that has the focus"), "▶"},
};

static int help_open(struct app *app, void *state, void *arg)
{
    struct help_state *h = state;
    (void)arg;
    h->of = app->below != NULL ? app->below : &menu_screen;
    add(h, ACT_NONE, h->of->title);
    for (const enum action *a = h->of->actions; a != NULL && *a != ACT_NONE; a++)
        if (app_allows(app, h->of->needs, *a)) /* what the role may not do is not offered */
            add(h, *a, NULL);
    if (h->of->actions == form_actions) {
        add(h, ACT_NONE, NULL);
        add(h, ACT_NONE, N_("In a form's fields"));
        for (size_t i = 0; i < sizeof form_help / sizeof form_help[0]; i++)
            if (h->nlines < (int)(sizeof h->lines / sizeof h->lines[0]))
                h->lines[h->nlines++] = form_help[i];
    }
    add(h, ACT_NONE, NULL);
    add(h, ACT_NONE, N_("Keys on every screen"));
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (action_get((enum action)a)->scope == SCOPE_GLOBAL)
            add(h, (enum action)a, NULL);
    return 0;
}

static void help_draw(struct app *app, void *state, int top, int height)
{
    struct help_state *h = state;
    int y = top;
    for (int i = h->first; i < h->nlines && y < top + height; i++, y++) {
        const struct help_line *l = &h->lines[i];
        if (l->act == ACT_NONE) {
            if (l->text == NULL)
                continue;
            if (l->keys != NULL) {
                draw_text(y, 4, 22, _(l->keys), ROLE_NORMAL);
                draw_text(y, 27, COLS - 29, _(l->text), ROLE_NORMAL);
                continue;
            }
            char head[256];
            if (i == 0)
                snprintf(head, sizeof head, _("Keys on the screen \"%s\""), _(l->text));
            else
                snprintf(head, sizeof head, "%s", _(l->text));
            draw_text(y, 2, COLS - 4, head, ROLE_MARKED);
            continue;
        }
        char keys[128];
        keymap_keys_label(app->keymap, l->act, keys, sizeof keys);
        draw_text(y, 4, 22, keys[0] != '\0' ? keys : "-", ROLE_NORMAL);
        draw_text(y, 27, 36, _(action_get(l->act)->label), ROLE_NORMAL);
        draw_text(y, 64, COLS - 65, action_get(l->act)->name, ROLE_MUTED);
    }
}

static enum tui_result help_handle(struct app *app, void *state, enum action act, int key)
{
    struct help_state *h = state;
    (void)app;
    (void)key;
    switch (act) {
    case ACT_DOWN:
        if (h->first + 1 < h->nlines)
            h->first++;
        return TUI_REDRAW;
    case ACT_UP:
        if (h->first > 0)
            h->first--;
        return TUI_REDRAW;
    case ACT_BACK:
    case ACT_CANCEL:
    case ACT_OPEN:
        return TUI_BACK;
    default:
        return TUI_HANDLED;
    }
}

static const enum action help_actions[] = {ACT_UP, ACT_DOWN, ACT_BACK, ACT_OPEN, ACT_NONE};
static const struct keybar_item help_keybar[] = {
    {ACT_DOWN, N_("scroll")}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops help_screen = {
    .title = N_("Help"),
    .state_size = sizeof(struct help_state),
    .open = help_open,
    .draw = help_draw,
    .handle = help_handle,
    .actions = help_actions,
    .keybar = help_keybar,
};
