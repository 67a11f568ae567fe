/* A list of records filtered in steps by unit and kind, each edited in a form: conferences and
 * meetings, communication activities, inspections. */
#ifndef TIENDO_TUI_KIND_LIST_H
#define TIENDO_TUI_KIND_LIST_H

#include "list.h"

/* What such a list says of itself once, statically. f chooses the unit (with by_unit) then the
 * kind, and the footer names both; a adds, Enter or e edits the row in form (arg: NULL, or the
 * row). */
struct kind_list_spec {
    struct list_spec list; /* its loaded, enter, action and close are kind_list's */
    const struct screen_ops *form;
    bool by_unit;
    enum pick_kind vocab; /* the kinds: a plan vocabulary's ... */
    const char *kinds[4]; /* ... or, when there are, these (N_(), the first for every kind) */
};

/* The state of such a list screen; kind_list_open takes its spec as arg. */
struct kind_list {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    const struct kind_list_spec *ks;
    struct list_spec spec;   /* ks->list with kind_list's hooks */
    struct unit_picks units; /* "all units" first (none without by_unit) */
    struct unit_picks kinds; /* labels with "every kind" first (entries: the vocabulary's) */
    const char *own[4];      /* the labels of the spec's own kinds */
    long unit_id;            /* 0: every unit */
    int kind;                /* the label index; 0: every kind */
};

int kind_list_open(struct app *app, void *state, void *arg);

extern const enum action kind_list_actions[];
extern const struct keybar_item kind_list_keybar[];
extern const struct action_need kind_list_needs[];
/* A kind list screen's ops but its title and open. */
#define KIND_LIST_OPS                                                                              \
    LIST_BASE_OPS, .needs = kind_list_needs, .state_size = sizeof(struct kind_list),               \
                   .actions = kind_list_actions, .keybar = kind_list_keybar

#endif
