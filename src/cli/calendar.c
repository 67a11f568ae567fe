/* `tiendo calendar`: the report deadlines and the conferences as an iCalendar file. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/ical.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"

struct cal {
    const char *plan, *unit;
    const struct td_days *alarms;
    struct ical_event *ev;
    int n;
    char **owned;
    int nowned;
    int failed;
};

static const char *own(struct cal *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *own(struct cal *c, const char *fmt, ...)
{
    char buf[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *copy = strdup(buf);
    char **grown = realloc(c->owned, sizeof *grown * (size_t)(c->nowned + 1));
    if (copy == NULL || grown == NULL) {
        free(copy);
        c->failed = 1;
        if (grown != NULL)
            c->owned = grown;
        return "";
    }
    c->owned = grown;
    c->owned[c->nowned++] = copy;
    return copy;
}

static int add(struct cal *c, struct ical_event e)
{
    struct ical_event *grown = realloc(c->ev, sizeof *grown * (size_t)(c->n + 1));
    if (grown == NULL)
        return c->failed = 1;
    c->ev = grown;
    c->ev[c->n++] = e;
    return 0;
}

/* Whether the unit must submit under a rule's units (all, kind:KIND, or codes). */
static bool concerns(const char *units, const char *unit)
{
    if (unit == NULL || strcmp(units, "all") == 0 || strncmp(units, "kind:", 5) == 0)
        return true;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", units);
    char *save = NULL;
    for (char *u = strtok_r(copy, ", ", &save); u != NULL; u = strtok_r(NULL, ", ", &save))
        if (strcmp(u, unit) == 0)
            return true;
    return false;
}

static int on_report(void *ctx, const char *key, const char *rule, const char *title,
                     const char *period, const char *due, const char *units)
{
    (void)rule;
    (void)period;
    struct cal *c = ctx;
    td_date d;
    if (date_parse_iso(due, &d) != 0 || !concerns(units, c->unit))
        return 0;
    const char *who = strcmp(units, "all") == 0 ? _("every unit") : units;
    const char *summary = own(c, _("Report due: %s"), title);
    return add(c, (struct ical_event){own(c, "report-%s@%s", key, c->plan), d, summary,
                                      own(c, _("Who must submit: %s"), who), NULL, c->alarms->day,
                                      c->alarms->n, summary});
}

static int on_meeting(void *ctx, const char *key, const char *date, const char *kind,
                      const char *title, const char *place, const char *conclusions)
{
    struct cal *c = ctx;
    td_date d;
    (void)conclusions;
    if (date_parse_iso(date, &d) != 0)
        return 0; /* a conference without a date yet has no place in a calendar */
    return add(c, (struct ical_event){own(c, "meeting-%s@%s", key, c->plan), d, own(c, "%s", title),
                                      own(c, "%s", kind), own(c, "%s", place), NULL, 0, NULL});
}

int cli_cmd_calendar(struct cli *cli)
{
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    struct store_summary sum;
    int y, m, d;
    date_to_ymd(cli->today, &y, &m, &d);
    int status = 0;
    if (store_summary(st, y, &sum, &err) != 0) {
        store_close(st);
        return cli_fail(&err);
    }
    if (cli->unit != NULL && !cli_unit_known(st, cli->unit, &err)) {
        store_summary_free(&sum);
        store_close(st);
        if (err.status != TD_OK)
            return cli_fail(&err);
        cli_error(_("--unit: no unit %s"), cli->unit);
        return 2;
    }
    struct cal c = {sum.plan_code, cli->unit, &cli->cfg.remind_days, NULL, 0, NULL, 0, 0};
    if (store_report_each(st, on_report, &c, &err) != 0 ||
        store_meeting_each(st, on_meeting, &c, &err) != 0)
        status = cli_fail(&err);
    if (status == 0 && c.failed) {
        cli_error("%s", _("out of memory"));
        status = 1;
    }
    struct cli_out o;
    if (status == 0 && (status = cli_out_open(cli, &o)) == 0)
        status = cli_out_close(cli, &o, ical_write(o.f, c.ev, c.n, cli->today));
    for (int i = 0; i < c.nowned; i++)
        free(c.owned[i]);
    free(c.owned);
    free(c.ev);
    store_summary_free(&sum);
    store_close(st);
    return status;
}
