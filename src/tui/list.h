/* List widget: a window over rows a source supplies on demand. */
#ifndef TIENDO_TUI_LIST_H
#define TIENDO_TUI_LIST_H

#include "app.h"
#include "tiendo/edit.h"
#include "tiendo/err.h"
#include "tiendo/grid.h"
#include "tiendo/layout.h"
#include "tiendo/vec.h"

/* List widget: a window over rows that a source supplies on demand (never all of them),
 * columns in display cells, a selection, marks, search with highlighted hits, a footer; for a
 * matrix, any number of columns, a column cursor and rows of totals under the list. */

#define LIST_MAX_COLS 16 /* of a list_row; a matrix's cells come through list_widget.wide */

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
    int *x, *w;               /* where each column is drawn, 0 cells when it is not */
    struct column_spec *specs;
    /* A matrix: the source's fetch gives the cells of rows[r] here, at r * ncols + c, with
     * their roles, for any number of columns; foot(ctx, i, r) gives foot row i there too, for
     * nfoot rows of totals drawn under the list. */
    const char **wide;
    enum role *wide_roles;
    int nfoot;
    void (*foot)(void *ctx, int i, int r);
    /* A column cursor (a matrix): ← → move col over the columns from cur_lo up to cur_hi
     * (none when they are equal), which scroll from col_first to keep it in view; the others
     * stay. With cur_home, Home and End go to the first and last of them. */
    int cur_lo, cur_hi, col, col_first;
    bool cur_home;
    bool exporting; /* the source's rows are being written by x (words rather than symbols) */
};

/* 0, or -1 when memory runs out. */
int list_init(struct list_widget *l, const struct list_column *cols, int ncols,
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
/* The id of the selected row, or -1 when the list is empty. */
long list_selected_id(struct list_widget *l);

/* The base of list screens, as form_base is of forms: a screen's state starts with a
 * struct list_base, and its static list_spec says the rest. Open, draw, keys, search, export,
 * close and resume live once in list.c; the rows a loader keeps live in a growable vector
 * (no cap), or a page at a time is read as the list shows them (the task list). */
#define LIST_CELL 64 /* bytes of a cell a formatter writes into its buffer */

/* A filter chosen in steps (f: who, then the unit, then since when): each step's dialog title,
 * its labels (kept by the screen) and where the index chosen goes. list_filter opens them one
 * after the other, keeping each choice as it is made; after the last, or Esc, the list loads
 * again from its first row. */
struct list_step {
    const char *title;
    const char *const *labels;
    int n;
    int *value;
};
#define LIST_STEPS 4 /* the most steps a spec's filter gives */

struct list_spec {
    const struct list_column *cols; /* titles N_(), translated as the screen opens */
    int ncols;
    size_t row_size;         /* bytes of one row the loader keeps or a page holds */
    const char *export_name; /* x writes the list as CSV under this name */
    /* Fills the rows, list_keep() for each (a store_*_each callback); 0, or -1 with err. */
    int (*load)(struct app *app, void *state, struct td_err *err);
    /* The cells of one row, pointing into row or into buf (a cell of LIST_CELL bytes each),
     * its id and role. */
    void (*format)(struct app *app, void *state, const void *row, char (*buf)[LIST_CELL],
                   struct list_row *out);
    /* Optional, instead of load: rows read a page at a time, as the list shows them (the task
     * list's keyset paging), each 0 or -1 with err: how many there are into *n; rows first ..
     * first + n - 1 into rows (room for n rows of row_size bytes, list.c's), how many there were
     * into *got; the position of the first from `from` on in direction dir (+1, -1) that matches
     * needle, or -1 (with err when reading failed). format shows them as it shows kept rows. */
    int (*count)(struct app *app, void *state, long *n, struct td_err *err);
    int (*page)(struct app *app, void *state, long first, int n, void *rows, int *got,
                struct td_err *err);
    long (*find)(struct app *app, void *state, const char *needle, long from, int dir,
                 struct td_err *err);
    /* Optional: after each load (footer, heading). */
    void (*loaded)(struct app *app, void *state);
    /* Enter on a row. */
    enum tui_result (*enter)(struct app *app, void *state, const void *row);
    /* Optional: an action that goes back as Esc does (the key that opened the screen). */
    enum action back_too;
    /* Optional: the screen's other actions, with the selected row (NULL when none). */
    enum tui_result (*action)(struct app *app, void *state, enum action act, const void *row);
    /* Optional: when a screen this one opened closes; NULL loads again. */
    enum tui_result (*resume)(struct app *app, void *state, int result);
    /* Optional, for a loader that keeps a window of the rows: moving down past the last row
     * calls more, which widens the window and returns true to have the rows loaded again. */
    bool (*more)(struct app *app, void *state);
    /* Optional: a line above the list. */
    const char *(*heading)(void *state);
    void (*close)(void *state); /* optional: frees what the screen added */
    /* Optional, a matrix of the active units (the rows, struct unit_choice, which list.c
     * reads before load) by the columns of a model (grid.h; sub_grid_ops, eval_grid_ops) that
     * lies grid_at bytes into the state. Of cols, the first cursor_first show the unit's code
     * and then its name; the model's band of columns follows them (each band_spec wide, titled
     * by the model), then the rest of cols. The model gives every cell but the unit's, and
     * nfoot rows of totals under the units, titled foot[i] (N_()) in the first column. load
     * then hands the model its cells; list.c frees the model as the screen closes. */
    const struct grid_ops *grid;
    size_t grid_at;
    struct column_spec band_spec;
    int nfoot;
    const char *const *foot;
    /* Optional: draws lines of its own above or below the list, narrowing top and height to
     * what it leaves the list. */
    void (*draw)(struct app *app, void *state, int *top, int *height);
    /* Without resume: a save in a screen this one opened changes the screen below this one too
     * (its counts), which hears SCREEN_CHANGED when this one closes. */
    bool tells_changes;
    /* Optional, a matrix: a column cursor over the columns but the first cursor_first (when
     * more than 0) and the last cursor_after (see list_widget); cursor_home: Home, End move it. */
    int cursor_first, cursor_after;
    bool cursor_home;
    /* e (ACT_EDIT) does what Enter does, on a selected row. */
    bool edit_enters;
    /* Optional: f (ACT_FILTER) asks these steps (at most LIST_STEPS), as list_filter does;
     * returns how many it wrote. */
    int (*filter)(void *state, struct list_step *steps);
};

struct list_base;
/* What a choice made in list_choose's dialog does: result is the index chosen. */
typedef enum tui_result (*list_picked_fn)(struct app *app, struct list_base *b, int result);

struct list_base {
    const struct list_spec *spec;
    list_picked_fn picked;         /* the choice dialog list_choose opened */
    const struct list_step *steps; /* list_filter's, while it asks */
    int nsteps, step;
    struct list_step own_steps[LIST_STEPS]; /* the spec's filter's */
    struct app *app;
    struct list_widget list;
    struct list_column *cols;
    int ncols;
    struct vec rows;          /* of spec->row_size bytes */
    char (*cells)[LIST_CELL]; /* a page of formatted rows and a spare, stride cells each */
    int stride;
    /* A list that pages: the rows last read, page_n from position page_first, in a buffer
     * grown to page_cap rows. */
    char *page;
    int page_n, page_cap;
    long page_first;
    char footer[256]; /* for the screen's footer_extra */
};

/* Keeps a copy of row (spec->row_size bytes) at the end of the rows; 0, or 1 (stops the
 * store's loop) when memory runs out. The signature of a store_*_each callback's body. */
int list_keep(struct list_base *b, const void *row);
/* Row i of the kept rows (of a list that pages: read when it is not on the last page read),
 * or NULL. */
const void *list_base_row(struct list_base *b, long i);
/* The position of a kept row. */
long list_base_index(const struct list_base *b, const void *row);
/* The selected kept row, or NULL. */
const void *list_base_selected(struct list_base *b);
/* Loads again (after a change), keeping the selection on the same row id when it is there. */
int list_base_reload(struct list_base *b);
/* Opens the list on the spec, loading its rows; -1 after a message, the spec's close called
 * (what the screen's open had set up is freed: the screen returns at once). */
int list_base_open(struct app *app, void *state, const struct list_spec *spec);
void list_base_draw(struct app *app, void *state, int top, int height);
enum tui_result list_base_handle(struct app *app, void *state, enum action act, int key);
enum tui_result list_base_resume(struct app *app, void *state, int result);
void list_base_close(struct app *app, void *state);
bool list_base_wants_text(void *state);
/* Opens the choice dialog (title, n labels the screen keeps, at chosen first); a choice calls
 * picked, which may choose again (a filter in steps) or end with list_base_changed. Esc loads
 * again what earlier steps chose. */
enum tui_result list_choose(struct list_base *b, const char *title, const char *const *labels,
                            int n, int at, list_picked_fn picked);
/* Loads again from the first row (after a filter changed) and redraws. */
enum tui_result list_base_changed(struct list_base *b);
enum tui_result list_filter(struct list_base *b, const struct list_step *steps, int n);

/* The body of a store_*_each callback that keeps each row in the list (as VEC_KEEP, vec.h,
 * pushes it on a struct vec). */
#define LIST_KEEP(name, type)                                                                      \
    static int name(void *ctx, const type *row)                                                    \
    {                                                                                              \
        return list_keep(ctx, row);                                                                \
    }

/* The active units (all of them) for a filter or a field: labels are their codes, after first
 * ("all units") when it is not NULL. The same for groups, phases and the plan's vocabularies
 * of kinds (choice_picks_load), with labels as asked (a kind's name is its label). */
struct unit_choice;
struct unit_picks {
    struct unit_choice *units;
    int n;
    const char **labels;
    int nlabels;
    char (*text)[300]; /* PICK_CODE_NAME: the labels' text */
};
enum pick_label { PICK_CODE, PICK_NAME, PICK_CODE_NAME };
/* PICK_LOGINS: the logins that changed anything (as names, id 0), for the audit trail. */
enum pick_kind {
    PICK_UNITS,
    PICK_GROUPS,
    PICK_PHASES,
    PICK_CONFERENCE_KINDS,
    PICK_ACTIVITY_KINDS,
    PICK_LOGINS
};
/* 0, or -1 after saying why on the message line. */
int unit_picks_load(struct app *app, struct unit_picks *p, const char *first);
int choice_picks_load(struct app *app, struct unit_picks *p, enum pick_kind kind, const char *first,
                      enum pick_label how);
/* The index of code among p's entries, or -1. */
int unit_picks_find(const struct unit_picks *p, const char *code);
/* The label index of the unit with that id (after first, when there is one), or 0. */
int unit_picks_at(const struct unit_picks *p, long id);
void unit_picks_free(struct unit_picks *p);

/* Every list screen's ops but title, state size, open, actions and key bar. */
#define LIST_BASE_OPS                                                                              \
    .draw = list_base_draw, .handle = list_base_handle, .close = list_base_close,                  \
    .resume = list_base_resume, .wants_text = list_base_wants_text
/* The keys every list understands: start a screen's actions with them. */
#define LIST_ACTIONS                                                                               \
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_OPEN, ACT_SEARCH,         \
        ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_EXPORT, ACT_BACK

/* The label index of the entry with that code (after first, when there is one), or 0; and the
 * code of the entry at a label index, "" for first. */
int unit_picks_label(const struct unit_picks *p, const char *code);
const char *unit_picks_code(const struct unit_picks *p, int label);

#endif
