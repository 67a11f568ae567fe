/* Task statuses: codes, labels, and the rules that flag a task. */
#ifndef TIENDO_STATUS_H
#define TIENDO_STATUS_H

#include <stdbool.h>

#include "tiendo/date.h"

enum task_status {
    ST_NOT_STARTED,
    ST_IN_PROGRESS,
    ST_DONE,
    ST_DELAYED,
    ST_SUSPENDED,
    ST_CANCELLED,
    ST_COUNT
};

/* The code stored in the database ("in_progress"); status_parse returns -1 if unknown. */
const char *status_code(enum task_status s);
int status_parse(const char *code);
/* Translated labels: the full one for forms, a short one (a few cells) for lists. */
const char *status_label(enum task_status s);
const char *status_short(enum task_status s);

/* Overdue: a due date before today and a status other than done or cancelled. */
bool status_overdue(enum task_status s, bool has_due, td_date due, td_date today);

/* The flags a task shows in lists. */
enum task_flag {
    FLAG_OVERDUE = 1,  /* past due and not done (nor cancelled) */
    FLAG_BEHIND = 2,   /* percent below the share of its planned time already gone, less the
                          tolerance (Redmine's "behind schedule") */
    FLAG_DUE_SOON = 4, /* due within due_soon_days from today, not done */
};

struct flag_rules {
    td_date today;
    int behind_tolerance; /* percentage points */
    int due_soon_days;
};

/* The flags of one task. A missing start or due date (has_* false) turns off the rules that
 * need it. Done and cancelled tasks carry no flag. */
unsigned status_flags(const struct flag_rules *r, enum task_status s, int percent, bool has_start,
                      td_date start, bool has_due, td_date due);

#endif
