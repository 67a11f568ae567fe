/* The menu widget, and the choice dialog built on it. */
#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"

/* Where the entry's letter key stands in its label, or -1. */
static int hot_offset(const struct menu_item *it)
{
    if (it->key <= 0 || it->key > 127 || !isalpha(it->key))
        return -1;
    for (const char *p = it->label; *p; p++)
        if (tolower((unsigned char)*p) == tolower(it->key))
            return (int)(p - it->label);
    return -1;
}

void menu_widget_draw(const struct menu_widget *m, int y, int x, int w, int h, int label_w)
{
    for (int i = m->first; i < m->n && i - m->first < h; i++) {
        const struct menu_item *it = &m->items[i];
        int row = y + i - m->first;
        bool sel = i == m->selected;
        enum role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
        if (sel)
            draw_fill(row, x, w, ROLE_SELECTED);
        int hot = m->hot_letters ? hot_offset(it) : -1;
        int col = x + 2;
        if (it->key > 0 && hot < 0) {
            char key[8];
            key_to_label(it->key, key, sizeof key);
            draw_text(row, col, 2, key, sel ? ROLE_SELECTED : ROLE_MARKED);
            col += 3;
        }
        if (hot >= 0)
            draw_text_hl(row, col, label_w, it->label, role, (size_t)hot, (size_t)hot + 1,
                         sel ? ROLE_SELECTED : ROLE_MARKED);
        else
            draw_text(row, col, label_w, it->label, role);
        if (it->detail != NULL)
            draw_text(row, col + label_w + 1, w - (col - x) - label_w - 2, it->detail,
                      sel ? ROLE_SELECTED : ROLE_MUTED);
    }
}

int menu_widget_handle(struct menu_widget *m, enum action act, int key, bool *changed)
{
    int before = m->selected;
    *changed = false;
    switch (act) {
    case ACT_UP:
        m->selected = (m->selected + m->n - 1) % m->n;
        break;
    case ACT_DOWN:
        m->selected = (m->selected + 1) % m->n;
        break;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN: {
        int step = m->page > 0 ? m->page : 10, to = m->selected;
        to += act == ACT_PAGE_UP ? -step : step;
        m->selected = to < 0 ? 0 : to >= m->n ? m->n - 1 : to;
        break;
    }
    case ACT_HOME:
        m->selected = 0;
        break;
    case ACT_END:
        m->selected = m->n - 1;
        break;
    case ACT_OPEN:
        return m->selected;
    default:
        for (int i = 0; i < m->n; i++)
            if (m->items[i].key > 0 && m->items[i].key == key) {
                m->selected = i;
                return i;
            }
        break;
    }
    *changed = m->selected != before;
    return -1;
}

/* The choice dialog. */
struct choice_state {
    struct choice_args args;
    struct menu_item *items;
    struct menu_widget menu;
};

static int choice_open(struct app *app, void *state, void *arg)
{
    struct choice_state *c = state;
    (void)app;
    c->args = *(const struct choice_args *)arg;
    c->items = calloc((size_t)c->args.n, sizeof *c->items);
    if (c->items == NULL || c->args.n == 0)
        return -1;
    for (int i = 0; i < c->args.n; i++)
        c->items[i] = (struct menu_item){i < 9 ? '1' + i : 0, c->args.labels[i], NULL};
    c->menu = (struct menu_widget){c->items, c->args.n, c->args.selected, 0, false, 0};
    app->result = -1;
    return 0;
}

static void choice_close(struct app *app, void *state)
{
    struct choice_state *c = state;
    (void)app;
    free(c->items);
}

static void choice_draw(struct app *app, void *state, int top, int height)
{
    struct choice_state *c = state;
    (void)app;
    int w = 50, h = c->args.n + 2 > height - 2 ? height - 2 : c->args.n + 2;
    int y = top + (height - h) / 2, x = (COLS - w) / 2;
    c->menu.page = h - 2;
    if (c->menu.selected < c->menu.first)
        c->menu.first = c->menu.selected;
    if (c->menu.selected >= c->menu.first + h - 2)
        c->menu.first = c->menu.selected - (h - 3);
    draw_box(y, x, h, w, c->args.title);
    menu_widget_draw(&c->menu, y + 1, x + 1, w - 2, h - 2, w - 8);
}

static enum tui_result choice_handle(struct app *app, void *state, enum action act, int key)
{
    struct choice_state *c = state;
    if (act == ACT_CANCEL || act == ACT_BACK) {
        app->result = -1;
        return TUI_BACK;
    }
    bool changed;
    int chosen = menu_widget_handle(&c->menu, act, key, &changed);
    if (chosen >= 0) {
        app->result = chosen;
        return TUI_BACK;
    }
    return changed ? TUI_REDRAW : TUI_HANDLED;
}

static const enum action choice_actions[] = {ACT_UP,     ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
                                             ACT_HOME,   ACT_END,  ACT_OPEN,    ACT_BACK,
                                             ACT_CANCEL, ACT_NONE};
static const struct keybar_item choice_keybar[] = {
    {ACT_DOWN, N_("move")}, {ACT_OPEN, N_("choose")}, {ACT_CANCEL, NULL}, {ACT_NONE, NULL}};

const struct screen_ops choice_dialog = {
    .title = N_("Choose"),
    .state_size = sizeof(struct choice_state),
    .open = choice_open,
    .draw = choice_draw,
    .handle = choice_handle,
    .close = choice_close,
    .actions = choice_actions,
    .keybar = choice_keybar,
    .overlay = true,
};

/* Menu screens. */

int submenu_open(struct app *app, void *state, const struct submenu_spec *spec)
{
    struct submenu_state *s = state;
    s->spec = spec;
    s->items = calloc((size_t)spec->n + 1, sizeof *s->items);
    if (s->items == NULL) {
        app_message(app, true, "%s", _("out of memory"));
        return -1;
    }
    for (int i = 0; i < spec->n; i++)
        s->items[i] = (struct menu_item){i < 9 ? '1' + i : 0, _(spec->items[i].label), NULL};
    s->items[spec->n] = (struct menu_item){'q', _("Back"), NULL};
    s->menu = (struct menu_widget){s->items, spec->n + 1, 0, 0, false, 0};
    return 0;
}

void submenu_draw(struct app *app, void *state, int top, int height)
{
    struct submenu_state *s = state;
    int skip = s->spec->intro != NULL ? 2 : 1;
    (void)app;
    if (s->spec->intro != NULL)
        draw_text(top, 2, COLS - 4, _(s->spec->intro), ROLE_MUTED);
    menu_widget_draw(&s->menu, top + skip, 2, COLS - 4, height - skip, COLS - 12);
}

enum tui_result submenu_handle(struct app *app, void *state, enum action act, int key)
{
    struct submenu_state *s = state;
    if (act == ACT_BACK)
        return TUI_BACK;
    bool changed;
    int chosen = menu_widget_handle(&s->menu, act, key, &changed);
    if (chosen < 0)
        return changed ? TUI_REDRAW : TUI_HANDLED;
    if (chosen == s->spec->n)
        return TUI_BACK;
    const struct submenu_item *it = &s->spec->items[chosen];
    return app_open(app, it->ops, (void *)it->arg);
}

void submenu_close(struct app *app, void *state)
{
    (void)app;
    free(((struct submenu_state *)state)->items);
}

const enum action submenu_actions[] = {ACT_UP, ACT_DOWN, ACT_OPEN, ACT_BACK, ACT_NONE};
const struct keybar_item submenu_keybar[] = {
    {ACT_DOWN, N_("select")}, {ACT_OPEN, NULL}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};
