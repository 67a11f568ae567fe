/* A report draft's data for one period, read in one call, true as of the period's end. */
#ifndef TIENDO_STORE_DRAFT_H
#define TIENDO_STORE_DRAFT_H

#include <stdbool.h>

#include "tiendo/date.h"
#include "tiendo/draft.h"
#include "tiendo/err.h"
#include "tiendo/store.h"

struct draft_request {
    enum draft_kind kind;
    int year;          /* DRAFT_ANNUAL: the year reported on */
    long adhoc_id;     /* DRAFT_ADHOC: the report instance's id */
    const char *unit;  /* a unit's code, or NULL for the whole plan */
    bool all_tasks;    /* list every task of the period, not only those needing attention */
    int attention_max; /* at most this many of those (0: DRAFT_ATTENTION_MAX) */
    td_date today;
    int behind_tolerance, due_soon_days; /* the [tasks] settings */
    double tolerance;                    /* [targets] tolerance of the forecast */
    const char *date_format;             /* how dates are shown */
    struct report_letterhead head;       /* copied into the draft as it is (its .official,
                                            names and signer; the date is set from today) */
};

/* Fills out for the request. Annual: the year; midterm: the plan's start to the first phase's
 * end; final: the whole plan; ad-hoc: the request and the units it asks, as of today. Every
 * figure is as of the period's end (or today, if that is earlier): a task's percent and status
 * from its latest update on or before that date, only the tasks whose span touches the period
 * (and those due before it still open), indicator values up to the period's last year, the
 * reports due in the period. A year outside the plan or an unknown unit is TD_E_USAGE, an
 * unknown ad-hoc report TD_E_NOTFOUND. Free with store_draft_free, also after an error. */
int store_draft_build(struct store *st, const struct draft_request *rq, struct report_data *out,
                      struct td_err *err);
void store_draft_free(struct report_data *d);

/* The letterhead of the [report] settings; official in Vietnamese (lang "vi"). */
struct td_config;
struct report_letterhead draft_letterhead(const struct td_config *cfg, const char *lang);
/* A request with the settings in force (today, the [tasks] and [targets] tolerances, the date
 * format, the letterhead) and nothing else set. */
void draft_request_init(struct draft_request *rq, const struct td_config *cfg, td_date today,
                        const char *lang);
/* The draft that answers a report of the schedule (its rule's code, period and id): annual,
 * midterm, final or adhoc; another rule is TD_E_USAGE. */
int draft_request_for(struct draft_request *rq, const char *rule, const char *period,
                      long report_id, struct td_err *err);

#endif
