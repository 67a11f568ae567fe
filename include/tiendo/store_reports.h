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

/* Calls row for every report instance by due date: the rule's code, the title, the period,
 * the due date (YYYY-MM-DD) and who must submit (all, kind:KIND or unit codes). */
int store_report_each(struct store *st,
                      int (*row)(void *ctx, const char *rule, const char *title, const char *period,
                                 const char *due, const char *units),
                      void *ctx, struct td_err *err);

#endif
