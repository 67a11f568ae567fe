/* A text view: paragraphs wrapped in full to the terminal's width, scrolled line by line.
 * Nothing is cut with "…": what does not fit on the screen is one scroll away. */
#ifndef TIENDO_TUI_TEXTVIEW_H
#define TIENDO_TUI_TEXTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

struct tv_item {
    char *label; /* drawn in a column of its own before the first line; NULL for none */
    char *text;  /* whole; may hold line feeds */
    enum role role;
    int indent; /* cells */
    int tag;    /* which entry it belongs to (>= 0), or -1 */
};

struct tv_line {
    int item;
    size_t start, len; /* bytes of the item's text */
};

struct textview {
    struct tv_item *items;
    int nitems, cap;
    struct tv_line *lines;
    int nlines, lcap;
    int cols;          /* the width the lines were laid out for; 0: lay them out again */
    int first;         /* the line at the top */
    int height;        /* rows of text the last draw showed */
    bool failed;       /* memory ran out: some text is missing */
    bool plain_labels; /* labels in their text's colour (keys), not muted */
};

/* Adds a paragraph (label may be NULL); on failure sets v->failed. */
void tv_add(struct textview *v, int indent, enum role role, int tag, const char *label,
            const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Forgets every paragraph (the view keeps its place when the same text comes back). */
void tv_clear(struct textview *v);
void tv_free(struct textview *v);
/* Draws rows top .. top + height - 1; lines of entry `selected` get a bar before them. When the
 * text is longer than height, the last row says which lines show. */
void tv_draw(struct textview *v, int top, int height, int selected);
/* Scrolls for ACT_UP/DOWN/PAGE_UP/PAGE_DOWN/HOME/END; false for any other action. */
bool tv_scroll(struct textview *v, enum action act);
/* The entry being read: the one the top line belongs to, else the first whose lines show; -1
 * when none shows. */
int tv_current_tag(struct textview *v);
/* Adds a copy of every paragraph of from, then frees from. */
void tv_append(struct textview *v, struct textview *from);

/* A screen that shows a text view: its state starts with a struct textview, which open fills.
 * It scrolls; the lines of the entry being read get a bar; Esc or q goes back. */
void tv_screen_draw(struct app *app, void *state, int top, int height);
enum tui_result tv_screen_handle(struct app *app, void *state, enum action act, int key);
void tv_screen_close(struct app *app, void *state);
extern const enum action tv_screen_actions[];
extern const struct keybar_item tv_screen_keybar[];
#define TV_SCREEN_OPS                                                                              \
    .draw = tv_screen_draw, .handle = tv_screen_handle, .close = tv_screen_close,                  \
    .actions = tv_screen_actions, .keybar = tv_screen_keybar

#endif
