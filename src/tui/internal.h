/* The interface's parts: the app loop, screens as ops tables, drawing, widgets, dialogs. */
#ifndef TIENDO_TUI_INTERNAL_H
#define TIENDO_TUI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/colors.h"
#include "tiendo/keys.h"
#include "tiendo/tui.h"

#define TUI_MIN_COLS  80
#define TUI_MIN_LINES 24

/* Colours as roles (STYLE 5): theme from [ui] theme, overrides from [colors], monochrome on
 * terminals without colour and under NO_COLOR. */
void theme_init(const char *theme, const struct color_spec *overrides);
int theme_attr(enum role role);

struct app;

/* An entry of the key bar: the action's first key, and a label (NULL: the action's own). */
struct keybar_item {
    enum action act;
    const char *label; /* N_() */
};

/* What a key handler reports; only the loop acts on it (STYLE 2). */
enum tui_result {
    TUI_HANDLED, /* nothing changed on screen */
    TUI_REDRAW,  /* draw the screen again */
    TUI_BACK,    /* close this screen */
    TUI_QUIT,    /* leave tiendo */
    TUI_PUSH,    /* open the screen set with app_open() */
};

struct screen_ops {
    const char *title; /* N_(): shown in the title bar */
    size_t state_size;
    /* arg is what app_open() passed; returns 0, or -1 (with app_message set) to refuse. */
    int (*open)(struct app *app, void *state, void *arg);
    /* Draws the body: rows top .. top + height - 1, full width. */
    void (*draw)(struct app *app, void *state, int top, int height);
    enum tui_result (*handle)(struct app *app, void *state, enum action act, int key);
    void (*close)(struct app *app, void *state);
    /* Called on the screen below when a screen it opened closes, with that screen's result. */
    void (*resume)(struct app *app, void *state, int result);
    const enum action *actions;       /* what the screen understands, ACT_NONE-terminated */
    const struct keybar_item *keybar; /* what the key bar shows, ends with ACT_NONE */
    bool overlay;                     /* drawn over the screen below (dialogs) */
    bool text_entry;                  /* printable keys are typed text, not actions */
};

struct app {
    struct tui_context *ctx;
    const struct keymap *keymap;
    const struct screen_ops *next; /* set by app_open */
    void *next_arg;
    int result;        /* what a closing screen hands to the one below */
    char message[256]; /* one line above the key bar until the next key */
    bool message_is_error;
    const struct screen_ops *current;
    const struct screen_ops *below; /* for help: the screen it was called from */
    struct store_summary *summary;
    const char *plan_title;
};

/* Asks the loop to open ops with arg; return its TUI_PUSH from the key handler. */
enum tui_result app_open(struct app *app, const struct screen_ops *ops, void *arg);
/* Sets the message line (cleared by the next key). */
void app_message(struct app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Thousands separator of the interface language ("." in Vietnamese, "," in English). */
const char *app_digit_sep(const struct app *app);

/* Writes text at y, x in at most cols cells, escaped (never raw) and cut with "…". Returns
 * the cells used. */
int draw_text(int y, int x, int cols, const char *text, enum role role);
/* As draw_text, with the bytes [hl_start, hl_end) of text drawn in hl_role (search hits). */
int draw_text_hl(int y, int x, int cols, const char *text, enum role role, size_t hl_start,
                 size_t hl_end, enum role hl_role);
void draw_fill(int y, int x, int cols, enum role role);
void draw_hline(int y);
/* A framed box; returns nothing, the caller draws inside rows y+1.. and columns x+2.. */
void draw_box(int y, int x, int h, int w, const char *title);

extern const struct screen_ops menu_screen;
extern const struct screen_ops help_screen;

/* Dialogs: overlay screens. Their result reaches the opener's resume(). */
enum { DIALOG_NO = 0, DIALOG_YES = 1 };
struct dialog_args {
    const char *title;
    const char *text; /* may hold several lines (\n) */
    bool error;
};
extern const struct screen_ops message_dialog; /* any key closes */
extern const struct screen_ops confirm_dialog; /* y / n (or Enter / Esc) */

#endif

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

/* A list of choices over the screen (sort column, a choice field): the chosen index reaches
 * resume() as the result, or -1 when cancelled. */
struct choice_args {
    const char *title;
    const char *const *labels; /* already translated */
    int n, selected;
};
extern const struct screen_ops choice_dialog;
