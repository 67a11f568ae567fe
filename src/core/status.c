/* Task statuses and the flag rules. */
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/status.h"

static const struct {
    const char *code, *label, *short_label;
} statuses[ST_COUNT] = {
    /* TRANSLATORS: the short labels fit a list column of 7 cells. */
    [ST_NOT_STARTED] = {"not_started", N_("not started"), NC_("short status", "not yet")},
    [ST_IN_PROGRESS] = {"in_progress", N_("in progress"), NC_("short status", "ongoing")},
    [ST_DONE] = {"done", N_("done"), NC_("short status", "done")},
    [ST_DELAYED] = {"delayed", N_("delayed"), NC_("short status", "delayed")},
    [ST_SUSPENDED] = {"suspended", N_("suspended"), NC_("short status", "paused")},
    [ST_CANCELLED] = {"cancelled", N_("cancelled"), NC_("short status", "cancel.")},
};

const char *status_code(enum task_status s)
{
    return s < ST_COUNT ? statuses[s].code : "";
}

int status_parse(const char *code)
{
    for (int s = 0; s < ST_COUNT; s++)
        if (strcmp(statuses[s].code, code) == 0)
            return s;
    return -1;
}

const char *status_label(enum task_status s)
{
    return s < ST_COUNT ? _(statuses[s].label) : "";
}

const char *status_short(enum task_status s)
{
    return s < ST_COUNT ? i18n_pgettext(statuses[s].short_label) : "";
}

bool status_overdue(enum task_status s, bool has_due, td_date due, td_date today)
{
    return has_due && due < today && s != ST_DONE && s != ST_CANCELLED;
}

unsigned status_flags(const struct flag_rules *r, enum task_status s, int percent, bool has_start,
                      td_date start, bool has_due, td_date due)
{
    if (s == ST_DONE || s == ST_CANCELLED)
        return 0;
    unsigned flags = 0;
    if (status_overdue(s, has_due, due, r->today))
        flags |= FLAG_OVERDUE;
    else if (has_due && due - r->today <= r->due_soon_days)
        flags |= FLAG_DUE_SOON;
    /* Behind schedule: elapsed share of [start, due] in percent, as of today (a task due
     * today has had all its time). */
    if (has_start && has_due && due >= start && r->today >= start) {
        long span = due - start + 1;
        long gone = r->today - start + 1;
        if (gone > span)
            gone = span;
        long expected = gone * 100 / span;
        if (percent < expected - r->behind_tolerance)
            flags |= FLAG_BEHIND;
    }
    return flags;
}
