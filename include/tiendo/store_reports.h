/* The reporting calendar in the database: report instances made from the plan's rules. */
#ifndef TIENDO_STORE_REPORTS_H
#define TIENDO_STORE_REPORTS_H

#include "tiendo/date.h"
#include "tiendo/err.h"
#include "tiendo/store.h"

/* Makes the report instances of every active annual and one-off rule, in one transaction.
 * Instances still to come follow the rule as it is now (new ones added, due dates moved, the
 * ones the rule no longer makes set aside); past ones stay as they were, and every recorded
 * submission is kept. Returns the number of instances added or changed, or -1. */
int store_sync_reports(struct store *st, td_date today, struct td_err *err);

/* Calls row for every report instance by due date: a key unique and stable for the instance
 * (RULE-PERIOD for one a rule makes, adhoc-ID for one made by hand), the rule's code, the title,
 * the period, the due date (YYYY-MM-DD) and who must submit (all, kind:KIND or unit codes). */
int store_report_each(struct store *st,
                      int (*row)(void *ctx, const char *key, const char *rule, const char *title,
                                 const char *period, const char *due, const char *units),
                      void *ctx, struct td_err *err);

/* A report instance on the schedule: who must submit and how many have. */
struct report_row {
    long id;
    char rule[32]; /* the rule's code, "adhoc" for one made by hand */
    char title[300];
    char period[16]; /* 2024, 2021-2025, ... */
    char due[11];    /* YYYY-MM-DD */
    char units[256]; /* who must submit: all, kind:KIND or unit codes */
    long expected, submitted, on_time;
    long version;
    char requester[200], subject[1000]; /* an ad-hoc report's: who asked, and what for */
};

/* The schedule as it matters today (YYYY-MM-DD): overdue instances (due before today, not every
 * unit in) and upcoming ones, both by due date, then the rest, latest first. */
int store_report_list_each(struct store *st, const char *today,
                           int (*fn)(void *ctx, const struct report_row *r), void *ctx,
                           struct td_err *err);
/* Every report instance by due date, then id: the submission matrix's columns, in the order
 * store_submission_grid hands their cells. */
int store_report_by_due_each(struct store *st, int (*fn)(void *ctx, const struct report_row *r),
                             void *ctx, struct td_err *err);
int store_report_list(struct store *st, const char *today, struct report_row *out, int max, int *n,
                      struct td_err *err);
/* One report instance by id; TD_E_NOTFOUND when there is none. */
int store_report_get(struct store *st, long id, struct report_row *out, struct td_err *err);

/* Adds (r->id 0) or changes an ad-hoc report, one made at someone's request: r->title, due,
 * requester, subject and units ("all" or unit codes, comma separated); the period is the due
 * date's year. One transaction with its audit entry. An unknown unit code or an empty title is
 * TD_E_INVALID naming it; a version that moved on, or a report made by a rule, is TD_E_CONFLICT
 * or TD_E_INVALID and nothing changes. Sets r->id and r->version. */
int store_report_save_adhoc(struct store *st, struct report_row *r, struct td_err *err);

/* Calls cell for every report instance and every unit that must submit it, by due date: the
 * report's and the unit's ids and the date submitted (YYYY-MM-DD, "" when nothing was). */
int store_submission_grid(struct store *st,
                          int (*cell)(void *ctx, long report_id, long unit_id,
                                      const char *submitted_on),
                          void *ctx, struct td_err *err);

/* One expected unit of a report instance and its submission, if any. */
struct submission_row {
    long unit_id;
    char code[32], name[256];
    long id, version;      /* id 0: nothing recorded yet */
    char submitted_on[11]; /* YYYY-MM-DD or "" */
    char doc_number[64];   /* số văn bản */
    char note[512];
};

/* Every unit that must submit report_id, in plan order, with what it submitted. */
int store_submission_list_each(struct store *st, long report_id,
                               int (*fn)(void *ctx, const struct submission_row *r), void *ctx,
                               struct td_err *err);
int store_submission_list(struct store *st, long report_id, struct submission_row *out, int max,
                          int *n, struct td_err *err);
/* The submission of one unit; TD_E_NOTFOUND when the unit does not have to submit report_id. */
int store_submission_get(struct store *st, long report_id, long unit_id, struct submission_row *out,
                         struct td_err *err);
/* Whether the user may record unit_id's submission of report_id now: 0, or TD_E_DENIED with the
 * reason a save would give (another unit's, a viewer, the report's period locked). */
int store_submission_allowed(struct store *st, long report_id, long unit_id, struct td_err *err);

/* Records or corrects a unit's submission (submitted_on "" takes it back), in one transaction
 * with its audit entry. r->id 0 adds one; otherwise r->version must still be the stored one,
 * else TD_E_CONFLICT and nothing changes. A date after today is TD_E_INVALID. */
int store_submission_save(struct store *st, long report_id, const char *today,
                          struct submission_row *r, struct td_err *err);

/* Calls row for every report instance and every unit that must submit it, by due date then
 * plan order: cells are rule code, period, title, due date, unit code, submitted on (or ""),
 * document number, note. Stops when row returns non-0. */
int store_submission_each(struct store *st, int (*row)(void *ctx, const char *const *cells),
                          void *ctx, struct td_err *err);

/* Calls row for every communication activity by date: cells are kind code, unit code, channel,
 * date (or ""), title, reach, status, progress note. */
int store_activity_each(struct store *st, int (*row)(void *ctx, const char *const *cells),
                        void *ctx, struct td_err *err);

/* Today's figures for the main menu. */
struct report_dashboard {
    long overdue;         /* instances past due with a unit still missing */
    long due_soon;        /* instances due from today to `until`, not all in */
    long late_units;      /* units missing on the last annual report past due */
    long expected_units;  /* units that had to submit it */
    char last_annual[16]; /* its period, "" when none is past due yet */
    char next_meeting_date[11], next_meeting[300]; /* "" when none is dated */
};
int store_report_dashboard(struct store *st, const char *today, const char *until,
                           struct report_dashboard *out, struct td_err *err);

#endif
