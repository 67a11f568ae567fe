/* A list of records filtered in steps by unit and kind, each edited in a form: conferences and
 * meetings, communication activities, inspections. */
#ifndef TIENDO_TUI_KIND_LIST_H
#define TIENDO_TUI_KIND_LIST_H

#include "list.h"

/* What such a list says of itself once, statically. f chooses the unit (with by_unit) then the
 * kind, and the footer names both; a adds, Enter or e edits the row in form (arg: NULL, or the
 * row). */
struct kind_list_spec {
    struct list_spec list; /* its loaded, enter, action and close are set by KIND_LIST_SPEC */
    const struct screen_ops *form;
    bool by_unit;
    enum pick_kind vocab;     /* the kinds: a plan vocabulary's ... */
    const char *const *kinds; /* ... or these (N_(), the first for every kind, NULL last) */
};

/* The state of such a list screen; kind_list_open takes its spec as arg. */
struct kind_list {
    struct list_base base;   /* first: the list_base_* functions take the state as one */
    struct unit_picks units; /* "all units" first (none without by_unit) */
    struct unit_picks kinds; /* labels with "every kind" first (entries: the vocabulary's) */
    long unit_id;            /* 0: every unit */
    int kind;                /* the label index; 0: every kind */
};

int kind_list_open(struct app *app, void *state, void *arg);
void kind_list_loaded(struct app *app, void *state);
enum tui_result kind_list_enter(struct app *app, void *state, const void *row);
enum tui_result kind_list_action(struct app *app, void *state, enum action act, const void *row);
void kind_list_close(void *state);

#define KIND_LIST_SPEC                                                                             \
    .loaded = kind_list_loaded, .enter = kind_list_enter, .action = kind_list_action,              \
    .close = kind_list_close

extern const enum action kind_list_actions[];
extern const struct keybar_item kind_list_keybar[];
extern const struct action_need kind_list_needs[];
/* A kind list screen's ops but its title and open. */
#define KIND_LIST_OPS                                                                              \
    LIST_BASE_OPS, .needs = kind_list_needs, .state_size = sizeof(struct kind_list),               \
                   .actions = kind_list_actions, .keybar = kind_list_keybar

#endif
