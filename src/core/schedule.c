/* Expanding report rules into instances, and the status of a submission. */
#include <stdio.h>

#include "tiendo/i18n.h"
#include "tiendo/schedule.h"

int schedule_expand(const struct report_rule_def *rule, struct report_instance *out, int max)
{
    int n = 0;
    switch (rule->kind) {
    case RULE_ADHOC:
        return 0;
    case RULE_ONEOFF:
        if (max < 1)
            return 0;
        snprintf(out[0].period, sizeof out[0].period, "%s",
                 rule->covers != NULL ? rule->covers : "");
        out[0].due = rule->due_date;
        return 1;
    case RULE_ANNUAL:
        if (rule->last_year < rule->first_year || rule->due_month < 1 || rule->due_month > 12 ||
            rule->due_day < 1 || rule->due_day > 31)
            return -1;
        for (int y = rule->first_year; y <= rule->last_year && n < max; y++) {
            int due_year = y + rule->due_year_offset;
            int day = rule->due_day, last = date_days_in_month(due_year, rule->due_month);
            if (day > last) {
                if (!(rule->due_month == 2 && rule->due_day == 29))
                    return -1; /* 31 April and the like: a mistake, not a leap-year case */
                day = last;
            }
            snprintf(out[n].period, sizeof out[n].period, "%d", y);
            if (date_from_ymd(due_year, rule->due_month, day, &out[n].due) != 0)
                return -1;
            n++;
        }
        return n;
    }
    return -1;
}

enum submission_status schedule_status_iso(const char *due, const char *submitted_on, td_date today,
                                           int due_soon_days)
{
    td_date d = 0, on = 0;
    date_parse_iso(due, &d);
    bool submitted = date_parse_iso(submitted_on, &on) == 0;
    return schedule_status(d, submitted, on, today, due_soon_days);
}

enum submission_status schedule_status(td_date due, bool submitted, td_date submitted_on,
                                       td_date today, int due_soon_days)
{
    if (submitted)
        return submitted_on <= due ? SUB_ON_TIME : SUB_LATE;
    if (today > due)
        return SUB_OVERDUE;
    return due - today <= due_soon_days ? SUB_DUE_SOON : SUB_NOT_DUE;
}

const char *submission_status_label(enum submission_status s)
{
    switch (s) {
    case SUB_DUE_SOON:
        return _("due soon");
    case SUB_OVERDUE:
        return _("overdue");
    case SUB_ON_TIME:
        return _("submitted on time");
    case SUB_LATE:
        return _("submitted late");
    default:
        return _("not yet due");
    }
}

const char *submission_status_symbol(enum submission_status s)
{
    switch (s) {
    case SUB_DUE_SOON:
        return "○";
    case SUB_OVERDUE:
        return "✗";
    case SUB_ON_TIME:
        return "✓";
    case SUB_LATE:
        return "◑";
    default:
        return "·";
    }
}

void schedule_rate_add(struct report_rate *r, enum submission_status s)
{
    if (s == SUB_NOT_DUE || s == SUB_DUE_SOON)
        return;
    r->expected++;
    r->submitted += s == SUB_ON_TIME || s == SUB_LATE;
    r->on_time += s == SUB_ON_TIME;
}

int schedule_rate_percent(int part, int whole)
{
    if (whole <= 0)
        return -1;
    return (int)((200L * part + whole) / (2L * whole));
}
