/* Inspections and surveys (section IV 2.2 of the plan): on-site checks and surveys of units,
 * their findings, recommendations and follow-up. */
#ifndef TIENDO_STORE_INSPECT_H
#define TIENDO_STORE_INSPECT_H

#include <stdbool.h>

#include "tiendo/err.h"
#include "tiendo/store.h"

struct inspection_row {
    long id, version; /* id 0: a new one */
    char kind[16];    /* inspection or survey */
    char date[11];    /* YYYY-MM-DD or "" */
    char units[4096]; /* unit codes, comma separated */
    char tasks[512];  /* linked task codes, comma separated */
    char scope[512], findings[2048], recommendations[2048];
    char followup_status[16]; /* open, in_progress, done */
    char followup_date[11];
};

/* The kinds of an inspection and the states of its follow-up, as stored; their translated
 * labels. */
extern const char *const inspection_kinds[2];     /* inspection, survey */
extern const char *const inspection_followups[3]; /* open, in_progress, done */
const char *inspection_kind_label(const char *code);
const char *inspection_followup_label(const char *code);

/* Inspections in date order, newest first; unit_id 0 and kind "" mean any. */
int store_inspection_list_each(struct store *st, long unit_id, const char *kind,
                               int (*row)(void *ctx, const struct inspection_row *r), void *ctx,
                               struct td_err *err);
int store_inspection_list(struct store *st, long unit_id, const char *kind,
                          struct inspection_row *out, int max, int *n, struct td_err *err);
/* One inspection by id; TD_E_NOTFOUND when there is none (or it was deleted). */
int store_inspection_get(struct store *st, long id, struct inspection_row *out, struct td_err *err);

/* Calls row for every inspection (newest first); stops when it returns non-0. */
int store_inspection_each(struct store *st, int (*row)(void *ctx, const struct inspection_row *r),
                          void *ctx, struct td_err *err);

/* Adds (id 0) or changes an inspection with its units and tasks, in one transaction. A unit or
 * task code that does not exist is TD_E_INVALID naming it; a version that moved on is
 * TD_E_CONFLICT. Sets r->id for a new one. */
int store_inspection_save(struct store *st, struct inspection_row *r, struct td_err *err);

/* Calls row for every conference and meeting (a stable key, date or "", kind label, title,
 * place, conclusions), by date. */
int store_meeting_each(struct store *st,
                       int (*row)(void *ctx, const char *key, const char *date, const char *kind,
                                  const char *title, const char *place, const char *conclusions),
                       void *ctx, struct td_err *err);

#endif
