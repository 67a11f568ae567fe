/* The reporting calendar's rules: which report instances a rule yields and when each is due,
 * and the status of a unit's submission. Pure. */
#ifndef TIENDO_SCHEDULE_H
#define TIENDO_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/date.h"

enum rule_kind { RULE_ANNUAL, RULE_ONEOFF, RULE_ADHOC };

struct report_rule_def {
    enum rule_kind kind;
    /* annual: the report on year Y is due on due_day/due_month of Y + due_year_offset, for
     * Y from first_year to last_year; oneoff: due on due_date, covering `covers`. */
    int due_month, due_day, due_year_offset, first_year, last_year;
    td_date due_date;
    const char *covers;
};

struct report_instance {
    char period[16]; /* "2024", or what a one-off report covers ("2021-2025") */
    td_date due;
};

/* Fills out with the instances of a rule (at most max); returns how many, or -1 for a rule
 * that makes no sense (an annual rule whose due day does not exist, last before first). A
 * 29 February due day falls on 28 February in years that have none. Ad-hoc rules yield none:
 * their reports are created by hand. */
int schedule_expand(const struct report_rule_def *rule, struct report_instance *out, int max);

enum submission_status {
    SUB_NOT_DUE,  /* nothing submitted, due later than due_soon_days away */
    SUB_DUE_SOON, /* nothing submitted, due within due_soon_days (or today) */
    SUB_OVERDUE,  /* nothing submitted, the due date has passed */
    SUB_ON_TIME,  /* submitted on or before the due date */
    SUB_LATE,     /* submitted after the due date */
};

/* The status of one unit's submission of one report instance. */
enum submission_status schedule_status(td_date due, bool submitted, td_date submitted_on,
                                       td_date today, int due_soon_days);

/* The same from stored dates: due and submitted_on as YYYY-MM-DD, submitted_on "" when
 * nothing was submitted. */
enum submission_status schedule_status_iso(const char *due, const char *submitted_on, td_date today,
                                           int due_soon_days);

const char *submission_status_label(enum submission_status s); /* translated */

/* One character that tells the status without colour (the submission matrix and its legend). */
const char *submission_status_symbol(enum submission_status s);

/* Reporting and on-time rates, as DHIS2 counts them: a submission is expected once its report
 * is past due or once it was made (early ones count); the reporting rate is submitted over
 * expected, the on-time rate submitted on time over expected. */
struct report_rate {
    int expected, submitted, on_time;
};
void schedule_rate_add(struct report_rate *r, enum submission_status s);
/* Whole percent, rounded half up; -1 when nothing is expected yet. */
int schedule_rate_percent(int part, int whole);

#endif
