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
};
void menu_widget_draw(const struct menu_widget *m, int y, int x, int w, int h, int label_w);
/* The index chosen (Enter, or an entry's key), or -1; *changed tells that it moved. */
int menu_widget_handle(struct menu_widget *m, enum action act, int key, bool *changed);

#endif
