/* The interface's core: the app loop, screens as ops tables, messages, drawing. */
#ifndef TIENDO_TUI_APP_H
#define TIENDO_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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
struct td_err;

/* An entry of the key bar: the action's first key, and a label (NULL: the action's own). */
struct keybar_item {
    enum action act;
    const char *label; /* N_() */
};

/* A line of a screen's help about keys that are not actions of their own (a matrix's ← →),
 * or that do something else there: keys and what they do, N_(). */
struct help_note {
    const char *keys, *text;
};

/* What an action asks of the user's role (see [users]): the store refuses anyway; the screens
 * leave such keys out of the key bar and say so when they are pressed. */
enum need { NEED_NOTHING, NEED_EDITOR, NEED_ADMIN };
struct action_need {
    enum action act;
    enum need need;
};
/* Whether the session's role allows act on a screen with these needs (ACT_NONE-terminated,
 * may be NULL). */
bool app_allows(const struct app *app, const struct action_need *needs, enum action act);
/* Says on the message line why act is not allowed. */
void app_refuse(struct app *app);
/* Says that the work of unit (its code) is not the user's to change. */
void app_refuse_unit(struct app *app, const char *unit);

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
    enum tui_result (*resume)(struct app *app, void *state, int result);
    const enum action *actions;       /* what the screen understands, ACT_NONE-terminated */
    const struct keybar_item *keybar; /* what the key bar shows, ends with ACT_NONE */
    bool overlay;                     /* drawn over the screen below (dialogs) */
    bool text_entry;                  /* printable keys are typed text, not actions */
    /* Optional: whether the screen takes typing right now (a search prompt is open). */
    bool (*wants_text)(void *state);
    const struct action_need *needs; /* which actions need which role; NULL: none */
    /* Optional: whether the screen holds typing not yet saved (quitting asks first). */
    bool (*unsaved)(void *state);
    const struct help_note *help; /* optional, ends with keys NULL: shown under its keys */
};

/* What a screen opened with app_open_then hands back when it closes: result is what it gave
 * app_close (a dialog's answer, a choice's index, SCREEN_CHANGED from a form that saved). */
typedef enum tui_result (*app_then_fn)(struct app *app, void *ctx, int result);
/* A screen's result when it changed data, so that its opener reads it again. */
enum { SCREEN_UNCHANGED = 0, SCREEN_CHANGED = 1 };

struct app {
    struct tui_context *ctx;
    const struct keymap *keymap;
    /* The screen app_open opened, until the loop puts it on the stack. */
    const struct screen_ops *next;
    void *next_state;
    app_then_fn next_then;
    void *next_ctx;
    int result;        /* what a closing screen hands to the one below (see app_close) */
    char message[256]; /* one line above the key bar until the next key */
    bool message_is_error;
    const struct screen_ops *current;
    const struct screen_ops *below; /* for help: the screen it was called from */
    struct store_summary *summary;
    const char *plan_title;
    int cursor_y, cursor_x; /* where a screen wants the terminal's cursor (-1: hidden) */
};

/* Opens ops with arg at once (its open copies what it keeps, so arg may be a local of the
 * caller) and asks the loop to show it: return the result from the key handler. TUI_PUSH, or
 * TUI_REDRAW with the reason on the message line when the screen refused to open. When it
 * closes, the opener's resume() gets its result. */
enum tui_result app_open(struct app *app, const struct screen_ops *ops, void *arg);
/* As app_open; when the screen closes, then(app, ctx, result) gets its result instead of the
 * opener's resume(). */
enum tui_result app_open_then(struct app *app, const struct screen_ops *ops, void *arg,
                              app_then_fn then, void *ctx);
/* Closes the screen on top, handing result to its opener: return it from the key handler. */
enum tui_result app_close(struct app *app, int result);
/* Sets the message line (cleared by the next key). */
void app_message(struct app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An error message: err's text, or "out of memory" when the failure set none (a callback that
 * could not keep a row). */
void app_error(struct app *app, const struct td_err *err);
/* Thousands separator of the interface language ("." in Vietnamese, "," in English). */
const char *app_digit_sep(const struct app *app);
/* v for people to read in the interface language (12,6 in Vietnamese, 12.6 in English). */
const char *app_number(const struct app *app, double v, int decimals, char *buf, size_t size);
/* A stored date (YYYY-MM-DD) in the configured date format; "" when there is none. */
void app_show_date(const struct app *app, const char *iso, char *out, size_t size);
/* Copies typed text into dst in NFC, the form every stored text is in. */
void copy_nfc(char *dst, size_t size, const char *src);

/* Writes text at y, x in at most cols cells, escaped (never raw) and cut with "…". Returns
 * the cells used. */
int draw_text(int y, int x, int cols, const char *text, enum role role);
/* Draws text wrapped whole to cols cells (text_wrap), on at most max_lines rows; returns the
 * rows it takes (all of them, also those beyond max_lines, which are not drawn). */
int draw_wrapped(int y, int x, int cols, const char *text, enum role role, int max_lines);
/* As draw_text, with the bytes [hl_start, hl_end) of text drawn in hl_role (search hits). */
int draw_text_hl(int y, int x, int cols, const char *text, enum role role, size_t hl_start,
                 size_t hl_end, enum role hl_role);
void draw_fill(int y, int x, int cols, enum role role);
void draw_hline(int y);
/* A framed box; returns nothing, the caller draws inside rows y+1.. and columns x+2.. */
void draw_box(int y, int x, int h, int w, const char *title);

/* A new file NAME-STAMP.EXT in the export directory, opened as exports are (never over another
 * file nor through a link, the export mode); its path in path. NULL after saying why. */
FILE *app_export_file(struct app *app, const char *name, const char *ext, char *path, size_t size);

#endif
