/* Menu widget: entries chosen with the arrows (or j/k) and Enter, or by their key. */
#ifndef TIENDO_TUI_MENU_H
#define TIENDO_TUI_MENU_H

#include "app.h"

/* Menu widget: entries chosen with the arrows (or j/k) and Enter, or by their key (a digit,
 * or a letter of the label, which is then highlighted). */
struct menu_item {
    int key;           /* 0: none */
    const char *label; /* already translated */
    const char *detail;
};
struct menu_widget {
    const struct menu_item *items;
    int n, selected, first;
    bool hot_letters; /* show letter keys inside the labels rather than in a key column */
    int page;         /* entries shown, for PgUp and PgDn (set as it is drawn); 0: 10 */
};
void menu_widget_draw(const struct menu_widget *m, int y, int x, int w, int h, int label_w);
/* The index chosen (Enter, or an entry's key), or -1; *changed tells that it moved. */
int menu_widget_handle(struct menu_widget *m, enum action act, int key, bool *changed);

/* A menu screen (Activities, Evaluation): a muted line under the title (may be NULL), entries
 * that open screens (keys 1, 2, ...), and Back (q). Each such screen's ops are SUBMENU_OPS,
 * a title, and an open that calls submenu_open with its static spec. */
struct submenu_item {
    const char *label; /* N_() */
    const struct screen_ops *ops;
    const void *arg; /* what ops' open gets */
};
struct submenu_spec {
    const char *intro; /* N_(), may be NULL */
    const struct submenu_item *items;
    int n;
};
struct submenu_state {
    const struct submenu_spec *spec;
    struct menu_item *items; /* n + 1: Back last */
    struct menu_widget menu;
};
int submenu_open(struct app *app, void *state, const struct submenu_spec *spec);
void submenu_draw(struct app *app, void *state, int top, int height);
enum tui_result submenu_handle(struct app *app, void *state, enum action act, int key);
void submenu_close(struct app *app, void *state);
extern const enum action submenu_actions[];
extern const struct keybar_item submenu_keybar[];
#define SUBMENU_OPS                                                                                \
    .state_size = sizeof(struct submenu_state), .draw = submenu_draw, .handle = submenu_handle,    \
    .close = submenu_close, .actions = submenu_actions, .keybar = submenu_keybar

#endif
