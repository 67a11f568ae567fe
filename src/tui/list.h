/* List widget: a window over rows a source supplies on demand. */
#ifndef TIENDO_TUI_LIST_H
#define TIENDO_TUI_LIST_H

#include "app.h"
#include "tiendo/edit.h"
#include "tiendo/layout.h"

/* List widget: a window over rows that a source supplies on demand (never all of them),
 * columns in display cells, a selection, marks, search with highlighted hits, a footer. */

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
/* A list_source find for sources that hold their n rows: the first row from `from` in direction
 * dir where one of the texts that texts(ctx, i, out) puts in out (it returns how many, at most
 * 2) contains needle, ignoring case and marks; -1 when none. */
long list_find_in(void *ctx, long n, const char *needle, long from, int dir,
                  int (*texts)(void *ctx, long i, const char *out[2]));
/* The id of the selected row, or -1 when the list is empty. */
long list_selected_id(struct list_widget *l);

#endif
