/* The audit trail's words: what a table's rows are, and the times its filter offers. Pure. */
#ifndef TIENDO_AUDIT_H
#define TIENDO_AUDIT_H

#include <stdbool.h>

#include "tiendo/date.h"

/* What the rows of an audited table are, in words (translated); the table's own name for one
 * this does not know. */
const char *audit_table_label(const char *table);

/* The times the filter offers: any time, today, the last 7 days, the last 30 days, this year. */
enum { AUDIT_SINCE_COUNT = 5 };
const char *audit_since_label(int choice); /* translated */
/* The first day choice takes in, counted back from today, into out (YYYY-MM-DD); false for
 * "any time" (out unchanged). */
bool audit_since_date(td_date today, int choice, char out[static 11]);

#endif
