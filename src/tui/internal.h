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
    int cursor_y, cursor_x; /* where a screen wants the terminal's cursor (-1: hidden) */
};

/* Asks the loop to open ops with arg; return its TUI_PUSH from the key handler. */
enum tui_result app_open(struct app *app, const struct screen_ops *ops, void *arg);
/* Sets the message line (cleared by the next key). */
void app_message(struct app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
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
/* "Someone else changed this": their version beside yours, row by row. The result is one
 * of CONFLICT_*. */
enum { CONFLICT_KEEP_THEIRS = 0, CONFLICT_OVERWRITE = 1, CONFLICT_EDIT = 2 };
struct conflict_args {
    const char *title;
    const char *who; /* who saved theirs, and when */
    const char *const *labels, *const *theirs, *const *mine;
    int n;
};
extern const struct screen_ops conflict_dialog;
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

/* List widget: a window over rows that a source supplies on demand (never all of them),
 * columns in display cells, a selection, marks, search with highlighted hits, a footer. */
#include "tiendo/edit.h"
#include "tiendo/layout.h"

#define LIST_MAX_COLS 8

struct list_column {
    const char *title; /* translated */
    struct column_spec spec;
    bool right;  /* right-aligned (numbers) */
    bool search; /* hits are highlighted in this column */
};

struct list_row {
    long id;
    const char *cells[LIST_MAX_COLS]; /* owned by the source until its next fetch */
    enum role role;
};

struct list_source {
    void *ctx;
    long (*count)(void *ctx);
    int (*fetch)(void *ctx, long first, int n, struct list_row *rows);
    /* Position of the first row from `from` in direction dir matching needle, or -1. */
    long (*find)(void *ctx, const char *needle, long from, int dir);
};

enum list_event {
    LIST_NONE,   /* nothing to do */
    LIST_REDRAW, /* the list changed on screen */
    LIST_OPEN,   /* Enter on a row */
    LIST_OTHER,  /* not a list key: the screen's */
};

struct list_widget {
    const struct list_column *cols;
    int ncols;
    struct list_source src;
    long count, selected, top;
    int page; /* rows that fit, from the last draw */
    long *marks;
    size_t nmarks, capmarks;
    bool searching;
    struct edit_buf prompt;
    long search_origin;
    bool search_failed;
    char needle[128];         /* the last search, for n / N and the highlight */
    char *folded;             /* needle as text_fold gives it */
    const char *footer_extra; /* the screen's words for the footer (filter, sort) */
};

void list_init(struct list_widget *l, const struct list_column *cols, int ncols,
               struct list_source src);
void list_free(struct list_widget *l);
/* Counts again (after a filter, a sort or a save) and keeps the selection in range. */
void list_reload(struct list_widget *l);
void list_draw(struct list_widget *l, struct app *app, int top, int height);
enum list_event list_handle(struct list_widget *l, struct app *app, enum action act, int key);
bool list_is_marked(const struct list_widget *l, long id);
/* Writes every row of the list, as the screen shows it (its filter, its order), as CSV into
 * the export directory, named after name and the time; says where in the message line. */
enum tui_result list_export(struct list_widget *l, struct app *app, const char *name);
/* A new file NAME-STAMP.EXT in the export directory, opened as exports are (never over another
 * file nor through a link, the export mode); its path in path. NULL after saying why. */
FILE *app_export_file(struct app *app, const char *name, const char *ext, char *path, size_t size);
/* A list_source find for sources that hold their n rows: the first row from `from` in direction
 * dir where one of the texts that texts(ctx, i, out) puts in out (it returns how many, at most
 * 2) contains needle, ignoring case and marks; -1 when none. */
long list_find_in(void *ctx, long n, const char *needle, long from, int dir,
                  int (*texts)(void *ctx, long i, const char *out[2]));
/* The id of the selected row, or -1 when the list is empty. */
long list_selected_id(struct list_widget *l);

/* Form widget: labelled fields, validated as the user leaves each one, the reason shown
 * under the field and the typed text kept. */
#include "tiendo/field.h"

struct form_field {
    const char *label; /* translated */
    struct field_rule rule;
    const char *const *choices; /* FT_CHOICE, FT_MULTI: translated labels */
    int nchoices;
    int rows; /* FT_MULTILINE: rows shown */
    struct edit_buf buf;
    size_t first;        /* first byte shown */
    int choice;          /* FT_CHOICE */
    unsigned long multi; /* FT_MULTI: one bit per choice */
    int multi_at;
    char error[200];
    const char *note; /* shown muted under the field when there is no error (may be NULL) */
    union field_value value;
    bool empty;
};

struct form {
    struct form_field *fields;
    int n, current;
    bool dirty;
    const char *intro; /* a line above the fields (e.g. the task), may be NULL */
    int first;         /* the first field shown, when they do not all fit */
};

enum form_event { FORM_NONE, FORM_REDRAW, FORM_SAVE, FORM_CANCEL, FORM_CHOOSE };

/* Fields start empty; form_set_text gives one its text. */
int form_field_text(struct form_field *f, const char *label, struct field_rule rule,
                    const char *text);
void form_field_choice(struct form_field *f, const char *label, const char *const *choices, int n,
                       int selected);
void form_free(struct form *fm);
void form_draw(struct form *fm, struct app *app, int top, int height);
/* Keys: printable ones are typed; Tab, S-Tab and the arrows move; F2 or Ctrl-S saves (after
 * checking every field); Esc cancels (the screen asks first when fm->dirty). */
enum form_event form_handle(struct form *fm, enum action act, int key);
/* Checks one field (sets its error); returns 0 when it holds a valid value. */
int form_check(struct form *fm, int i);
/* The part a plain form screen's state starts with, so that one set of functions serves them
 * all: Esc asks before discarding what was typed, a choice field opens its list, F2 calls
 * save(app, state); draw draws the form and close frees it. */
struct form_conflict_view;
struct form_base {
    struct form form;
    bool asking; /* the discard question is open */
    enum tui_result (*save)(struct app *app, void *state);
    /* For a save someone else's change beat (optional): the screen itself, and how to read the
     * row again as the argument its open takes (fresh_size bytes; 0, or -1 when it is gone),
     * and to take that version as the one the next save overwrites. */
    const struct screen_ops *ops;
    size_t fresh_size;
    int (*reread)(struct app *app, void *state, void *fresh);
    void (*adopt)(void *state, const void *fresh);
    struct form_conflict_view *conflict; /* while the conflict dialog is open */
};
void form_base_draw(struct app *app, void *state, int top, int height);
enum tui_result form_base_handle(struct app *app, void *state, enum action act, int key);
enum tui_result form_base_resume(struct app *app, void *state, int result);
void form_base_close(struct app *app, void *state);
/* A save the store refused: the reason in a dialog, which says that what was typed is kept. */
enum tui_result form_save_failed(struct app *app, const char *reason);
/* A save refused because someone else changed the row (why: the store's words): their version
 * beside what was typed, field by field, to keep theirs, overwrite or edit again. Without
 * reread, or when the row is gone, as form_save_failed. */
enum tui_result form_conflict(struct app *app, void *state, const char *why);
/* For a reread: copies into out the one of n rows (size bytes each, a long id at id_offset)
 * whose id is id; -1 when none is. */
int form_find_row(const void *rows, int n, size_t size, size_t id_offset, long id, void *out);
/* The actions a form screen lists. */
extern const enum action form_actions[];
extern const struct keybar_item form_keybar[];

/* Screens. */
extern const struct screen_ops tasks_screen; /* arg: NULL, or a long * lead unit id */
extern const struct screen_ops units_screen;
extern const struct screen_ops audit_screen;
extern const struct screen_ops periods_screen;
extern const struct screen_ops targets_screen;
extern const struct screen_ops indicator_screen; /* arg: long * indicator id */
extern const struct screen_ops grid_screen;
extern const struct screen_ops eval_menu_screen;
extern const struct screen_ops activities_screen; /* the menu */
extern const struct screen_ops inspections_screen;
extern const struct screen_ops schedule_screen;
extern const struct screen_ops report_matrix_screen;
/* The form to record or correct one unit's submission of one report; result 1 when saved. */
#include "tiendo/store_reports.h"
struct submission_args {
    long report_id;
    const char *report_title;
    struct submission_row row;
};
extern const struct screen_ops submission_screen; /* arg: struct submission_args * */
struct indicator_row;
struct forecast_result;
/* The forecast of an indicator for its last target, with the settings in force. */
void targets_forecast(const struct app *app, const struct indicator_row *r,
                      struct forecast_result *out);
enum role targets_verdict_role(int verdict);
void targets_range(const struct app *app, double low, double high, char *buf, size_t size);
extern const struct screen_ops task_form_screen; /* arg: NULL to add, or a long * task id */
struct bulk_args {
    const long *ids;
    int n;
};
extern const struct screen_ops bulk_screen; /* arg: struct bulk_args * */
extern const struct screen_ops task_detail_screen;
extern const struct screen_ops progress_screen;
extern const struct screen_ops filter_screen; /* opened with the tasks screen's state */
struct task_filter;
struct unit_choice;
extern const char *const flag_names[3]; /* N_(), by enum task_flag bit */
struct task_filter *tasks_filter(void *tasks_state, const struct unit_choice **units, int *nunits);
