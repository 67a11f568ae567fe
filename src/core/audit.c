/* The audit trail's words. */
#include <string.h>

#include "tiendo/audit.h"
#include "tiendo/i18n.h"

const char *audit_table_label(const char *table)
{
    static const struct {
        const char *table, *label;
    } names[] = {
        {"task", N_("task")},
        {"progress_update", N_("progress")},
        {"submission", N_("submission")},
        {"report", N_("report")},
        {"evaluation", N_("evaluation")},
        {"indicator_value", N_("indicator value")},
        {"inspection", N_("inspection")},
        {"meeting", N_("meeting")},
        {"activity", N_("communication")},
        {"app_user", N_("user")},
        {"period_open", N_("period")},
        {"audit_log", N_("undo")},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].table, table) == 0)
            return _(names[i].label);
    return table;
}

/* The days before today each choice takes in; -1: since the first of January; -2: any time. */
static const struct {
    const char *label;
    int days;
} since[AUDIT_SINCE_COUNT] = {{N_("any time"), -2},
                              {N_("today"), 0},
                              {N_("the last 7 days"), 6},
                              {N_("the last 30 days"), 29},
                              {N_("this year"), -1}};

const char *audit_since_label(int choice)
{
    return choice >= 0 && choice < AUDIT_SINCE_COUNT ? _(since[choice].label) : "";
}

bool audit_since_date(td_date today, int choice, char out[static 11])
{
    if (choice <= 0 || choice >= AUDIT_SINCE_COUNT)
        return false;
    td_date d = today - (since[choice].days > 0 ? since[choice].days : 0);
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    if (since[choice].days == -1)
        date_from_ymd(y, 1, 1, &d);
    date_format_iso(d, out);
    return true;
}
