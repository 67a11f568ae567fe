/* The interface's parts: the app loop, screens as ops tables, actions, colours, drawing. */
#ifndef TIENDO_TUI_INTERNAL_H
#define TIENDO_TUI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/tui.h"

#define TUI_MIN_COLS  80
#define TUI_MIN_LINES 24

/* Keys as one int: a character is its code point; a curses key is TUI_FN + KEY_xxx. */
#define TUI_FN      0x110000
#define TUI_CTRL(c) ((c)&0x1F)
#define TUI_ESC     27

/* Actions: keys map to these, never to functions (STYLE 3). */
enum action {
    ACT_NONE,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_HOME,
    ACT_END,
    ACT_OPEN,
    ACT_BACK,
    ACT_CANCEL,
    ACT_HELP,
    ACT_QUIT,
    ACT_REDRAW,
    ACT_COUNT
};

struct action_def {
    enum action id;
    const char *name;  /* as in the INI [keys] section */
    const char *keys;  /* default keys, comma separated, as key names */
    const char *label; /* N_(): the help text */
};

const struct action_def *actions_get(enum action id);
/* The action bound to key in the given list of actions the screen understands (NULL-free,
 * ends with ACT_NONE); global actions follow. ACT_NONE when unbound. */
enum action actions_for_key(int key, const enum action *screen_actions);
/* Display name of the first key bound to an action ("↑", "Enter", "q"). */
void actions_key_label(enum action id, char *buf, size_t size);
/* Parses a key name ("Down", "j", "PgDn", "F1", "C-s", "Space") into a key; -1 if unknown. */
int actions_parse_key(const char *name);
/* Writes the display name of key into buf. */
void actions_key_name(int key, char *buf, size_t size);

/* Colour roles (STYLE 5). */
enum role {
    ROLE_NORMAL,
    ROLE_TITLE,
    ROLE_SELECTED,
    ROLE_MARKED,
    ROLE_OVERDUE,
    ROLE_AT_RISK,
    ROLE_ON_TRACK,
    ROLE_DONE,
    ROLE_MUTED,
    ROLE_ERROR,
    ROLE_COUNT
};
void theme_init(const char *theme);
/* The curses attributes of a role (colour pair and attributes). */
int theme_attr(enum role role);

struct app;

/* An entry of the key bar: the action's first key, and a label (NULL: the action's own). */
struct keybar_item {
    enum action act;
    const char *label; /* N_() */
};

enum tui_result {
    TUI_HANDLED, /* nothing changed on screen */
    TUI_REDRAW,  /* draw the screen again */
    TUI_BACK,    /* close this screen */
    TUI_QUIT,    /* leave tiendo */
    TUI_PUSH,    /* open app->next */
};

struct screen_ops {
    const char *title; /* N_(): shown in the title bar */
    size_t state_size;
    int (*open)(struct app *app, void *state);
    /* Draws the body: rows top .. top + height - 1, full width. */
    void (*draw)(struct app *app, void *state, int top, int height);
    enum tui_result (*handle)(struct app *app, void *state, enum action act, int key);
    void (*close)(struct app *app, void *state);
    const enum action *actions;       /* what the screen understands, ACT_NONE-terminated */
    const struct keybar_item *keybar; /* what the key bar shows, ends with ACT_NONE */
};

struct app {
    struct tui_context *ctx;
    const struct screen_ops *next; /* set with TUI_PUSH */
    char message[256];             /* one line shown above the key bar until the next key */
    bool message_is_error;
    const struct screen_ops *current;
    const struct screen_ops *below; /* for help: the screen it was called from */
    const struct store_summary *summary;
    const char *plan_title;
};

/* Writes text at y, x in at most cols cells, escaped (never raw) and cut with "…". Returns
 * the cells used. */
int draw_text(int y, int x, int cols, const char *text, enum role role);
/* Fills a row with blanks in a role. */
void draw_fill(int y, enum role role);
void draw_hline(int y);

/* Sets the message line. */
void app_message(struct app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

extern const struct screen_ops menu_screen;
extern const struct screen_ops help_screen;

#endif
