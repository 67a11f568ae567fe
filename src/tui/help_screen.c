/* Help: the keys in force on the screen it was called from, and the global ones, generated
 * from the action table so that it cannot disagree with what the keys do. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"

struct help_state {
    const struct screen_ops *of;
    int first; /* first row shown, for scrolling */
};

static int help_open(struct app *app, void *state)
{
    struct help_state *h = state;
    h->of = app->below != NULL ? app->below : &menu_screen;
    return 0;
}

/* All bound keys of an action, as display names: "↓, j". */
static void keys_of(enum action a, char *buf, size_t size)
{
    char keys[128];
    snprintf(keys, sizeof keys, "%s", actions_get(a)->keys);
    buf[0] = '\0';
    char *save = NULL;
    for (char *tok = strtok_r(keys, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save)) {
        char name[32];
        int key = actions_parse_key(tok);
        if (key < 0)
            continue;
        actions_key_name(key, name, sizeof name);
        if (buf[0] != '\0')
            strncat(buf, ", ", size - strlen(buf) - 1);
        strncat(buf, name, size - strlen(buf) - 1);
    }
}

static void help_draw(struct app *app, void *state, int top, int height)
{
    struct help_state *h = state;
    static const enum action global[] = {ACT_HELP, ACT_QUIT, ACT_REDRAW, ACT_NONE};
    (void)app;
    int y = top, row = 0;
    char line[256];
    snprintf(line, sizeof line, _("Keys on the screen \"%s\""), _(h->of->title));
    const enum action *lists[2] = {h->of->actions, global};
    const char *heads[2] = {line, _("Keys on every screen")};
    for (int l = 0; l < 2; l++) {
        if (row++ >= h->first && y < top + height)
            draw_text(y++, 2, COLS - 4, heads[l], ROLE_MARKED);
        for (const enum action *a = lists[l]; *a != ACT_NONE; a++) {
            if (row++ < h->first || y >= top + height)
                continue;
            char keys[128];
            keys_of(*a, keys, sizeof keys);
            draw_text(y, 4, 20, keys, ROLE_NORMAL);
            draw_text(y, 26, COLS - 28, _(actions_get(*a)->label), ROLE_NORMAL);
            y++;
        }
        if (row++ >= h->first)
            y++;
    }
}

static enum tui_result help_handle(struct app *app, void *state, enum action act, int key)
{
    struct help_state *h = state;
    (void)app;
    (void)key;
    switch (act) {
    case ACT_DOWN:
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

static const enum action help_actions[] = {ACT_UP, ACT_DOWN, ACT_BACK, ACT_CANCEL, ACT_NONE};
static const struct keybar_item help_keybar[] = {
    {ACT_DOWN, N_("scroll")}, {ACT_BACK, NULL}, {ACT_NONE, NULL}};

const struct screen_ops help_screen = {
    .title = N_("Help"),
    .state_size = sizeof(struct help_state),
    .open = help_open,
    .draw = help_draw,
    .handle = help_handle,
    .actions = help_actions,
    .keybar = help_keybar,
};
