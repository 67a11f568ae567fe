/* `tiendo remind`: per unit, the reports due soon or overdue and the tasks overdue or behind
 * schedule, as the text of a reminder an office would mail (or as CSV or JSON). The rules are
 * the schedule's and the task list's own: schedule_status_iso and the tasks' flags. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/schedule.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"
#include "tiendo/table.h"

/* What a unit is reminded of, in the order the text lists it. */
enum topic { REPORT_OVERDUE, REPORT_DUE_SOON, TASK_OVERDUE, TASK_BEHIND };

struct item {
    int unit;  /* index into the unit list */
    int topic; /* enum topic */
    long seq;  /* keeps the store's order (due date, task code) within a topic */
    char code[32], period[16], title[512], due[11];
    long days; /* overdue: days past the due date; due soon: days left */
    int percent;
};

struct remind {
    const struct cli *cli;
    struct unit_choice *units;
    int nunits;
    td_date today;
    int days;
    struct item *items;
    long n, cap;
    int failed;
};

static int unit_index(const struct remind *r, const char *code)
{
    for (int i = 0; i < r->nunits; i++)
        if (strcmp(r->units[i].code, code) == 0)
            return i;
    return -1;
}

static struct item *add(struct remind *r, const char *unit_code, int topic)
{
    int u = unit_index(r, unit_code);
    if (u < 0 || (r->cli->unit != NULL && strcmp(r->cli->unit, unit_code) != 0))
        return NULL;
    if (r->n == r->cap) {
        long cap = r->cap > 0 ? r->cap * 2 : 64;
        struct item *grown = realloc(r->items, sizeof *grown * (size_t)cap);
        if (grown == NULL) {
            r->failed = 1;
            return NULL;
        }
        r->items = grown;
        r->cap = cap;
    }
    struct item *it = &r->items[r->n];
    memset(it, 0, sizeof *it);
    it->unit = u;
    it->topic = topic;
    it->seq = r->n++;
    return it;
}

/* cells: rule code, period, title, due date, unit code, submitted on, document number, note. */
static int on_submission(void *ctx, const char *const *cells)
{
    struct remind *r = ctx;
    enum submission_status s = schedule_status_iso(cells[3], cells[5], r->today, r->days);
    td_date due;
    if ((s != SUB_OVERDUE && s != SUB_DUE_SOON) || date_parse_iso(cells[3], &due) != 0)
        return 0;
    struct item *it = add(r, cells[4], s == SUB_OVERDUE ? REPORT_OVERDUE : REPORT_DUE_SOON);
    if (it == NULL)
        return r->failed;
    snprintf(it->code, sizeof it->code, "%s", cells[0]);
    snprintf(it->period, sizeof it->period, "%s", cells[1]);
    snprintf(it->title, sizeof it->title, "%s", cells[2]);
    snprintf(it->due, sizeof it->due, "%s", cells[3]);
    it->days = s == SUB_OVERDUE ? r->today - due : due - r->today;
    return 0;
}

static int on_task(void *ctx, const struct task_detail *t)
{
    struct remind *r = ctx;
    unsigned f = t->row.flags;
    if ((f & (FLAG_OVERDUE | FLAG_BEHIND)) == 0)
        return 0;
    struct item *it = add(r, t->row.unit, (f & FLAG_OVERDUE) != 0 ? TASK_OVERDUE : TASK_BEHIND);
    if (it == NULL)
        return r->failed;
    snprintf(it->code, sizeof it->code, "%s", t->row.code);
    snprintf(it->title, sizeof it->title, "%s", t->row.title);
    snprintf(it->due, sizeof it->due, "%s", t->row.due);
    td_date due;
    it->days =
        it->topic == TASK_OVERDUE && date_parse_iso(t->row.due, &due) == 0 ? r->today - due : 0;
    it->percent = t->row.percent;
    return 0;
}

static int by_unit(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (x->unit != y->unit)
        return x->unit < y->unit ? -1 : 1;
    if (x->topic != y->topic)
        return x->topic < y->topic ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* An ISO date as people read it ([ui] date_format, dd/mm/yyyy by default). */
static void people_date(const struct remind *r, const char *iso, char *buf, size_t size)
{
    td_date d;
    if (date_parse_iso(iso, &d) == 0)
        date_format(d, r->cli->cfg.date_format, buf, size);
    else
        snprintf(buf, size, "%s", _("no due date"));
}

static int write_item_text(FILE *out, const struct remind *r, const struct item *it)
{
    char due[32];
    people_date(r, it->due, due, sizeof due);
    unsigned long days = (unsigned long)it->days;
    switch (it->topic) {
    case REPORT_OVERDUE:
        return fprintf(out,
                       ngettext("  - %s (period %s): due %s, %ld day ago\n",
                                "  - %s (period %s): due %s, %ld days ago\n", days),
                       it->title, it->period, due, it->days);
    case REPORT_DUE_SOON:
        if (it->days == 0)
            return fprintf(out, _("  - %s (period %s): due today, %s\n"), it->title, it->period,
                           due);
        return fprintf(out,
                       ngettext("  - %s (period %s): due %s, in %ld day\n",
                                "  - %s (period %s): due %s, in %ld days\n", days),
                       it->title, it->period, due, it->days);
    case TASK_OVERDUE:
        return fprintf(out,
                       ngettext("  - %s %s: due %s, %ld day ago, %d%% done\n",
                                "  - %s %s: due %s, %ld days ago, %d%% done\n", days),
                       it->code, it->title, due, it->days, it->percent);
    default:
        return fprintf(out, _("  - %s %s: due %s, %d%% done, behind its planned time\n"), it->code,
                       it->title, due, it->percent);
    }
}

static int write_text(FILE *out, const struct remind *r)
{
    char today[32];
    date_format(r->today, r->cli->cfg.date_format, today, sizeof today);
    const char *heads[] = {_("Reports overdue:"), _("Reports due soon:"), _("Tasks overdue:"),
                           _("Tasks behind schedule:")};
    int rc = 0;
    for (long i = 0; i < r->n && rc >= 0;) {
        const struct unit_choice *u = &r->units[r->items[i].unit];
        if (i > 0)
            rc |= fputs("\n----------------------------------------\n\n", out);
        rc |= fprintf(out, _("To: %s (%s)\n\n"), u->name, u->code);
        rc |= fprintf(out, _("As of %s, the office reminds your unit of the following:\n"), today);
        int topic = -1;
        bool reports = false, tasks = false;
        for (; i < r->n && &r->units[r->items[i].unit] == u && rc >= 0; i++) {
            if (r->items[i].topic != topic) {
                topic = r->items[i].topic;
                rc |= fprintf(out, "\n%s\n", heads[topic]);
            }
            reports |= topic <= REPORT_DUE_SOON;
            tasks |= topic >= TASK_OVERDUE;
            rc |= write_item_text(out, r, &r->items[i]);
        }
        rc |= fputc('\n', out);
        if (reports)
            rc |= fprintf(out, "%s\n", _("Please send the reports above by their due dates."));
        if (tasks)
            rc |= fprintf(out, "%s\n",
                          _("Please bring the progress of the tasks above up to date in tiendo."));
    }
    return rc < 0 ? -1 : 0;
}

static int write_table(FILE *out, const struct remind *r, enum table_format format)
{
    static const struct table_column cols[] = {
        {"unit", false},   {"unit_name", false}, {"kind", false}, {"code", false},
        {"period", false}, {"title", false},     {"due", false},  {"status", false},
        {"days", true},    {"percent", true},
    };
    static const char *const kinds[] = {"report", "report", "task", "task"};
    static const char *const statuses[] = {"overdue", "due_soon", "overdue", "behind_schedule"};
    struct table_writer w;
    int rc = table_begin(&w, out, format, cols, (int)(sizeof cols / sizeof cols[0]), false);
    for (long i = 0; rc == 0 && i < r->n; i++) {
        const struct item *it = &r->items[i];
        char days[24], percent[16];
        snprintf(days, sizeof days, "%ld", it->days);
        snprintf(percent, sizeof percent, "%d", it->percent);
        bool task = it->topic >= TASK_OVERDUE;
        const char *cells[] = {r->units[it->unit].code,
                               r->units[it->unit].name,
                               kinds[it->topic],
                               it->code,
                               it->period,
                               it->title,
                               it->due,
                               statuses[it->topic],
                               it->topic == TASK_BEHIND ? "" : days,
                               task ? percent : ""};
        rc = table_row(&w, cells);
    }
    return rc != 0 ? -1 : table_end(&w);
}

/* --days N: a whole number of days from 0 to 365. */
static int parse_days(const char *text, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || errno != 0 || *end != '\0' || v > 365)
        return -1;
    *out = (int)v;
    return 0;
}

int cli_cmd_remind(struct cli *cli)
{
    struct remind r = {.cli = cli, .today = cli->today, .days = (int)cli->cfg.report_due_soon_days};
    if (cli->days != NULL && parse_days(cli->days, &r.days) != 0) {
        cli_error(_("--days: expected a whole number of days from 0 to 365; got \"%s\""),
                  cli->days);
        return 2;
    }
    const char *format = cli->format != NULL ? cli->format : "text";
    if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0) {
        cli_error(_("--format: expected text, csv or json; got \"%s\""), format);
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    int status = 0;
    enum { MAX_UNITS = 1024 };
    r.units = calloc(MAX_UNITS, sizeof *r.units);
    if (r.units == NULL) {
        td_err_set(&err, TD_E_NOMEM, "%s", _("out of memory"));
        status = cli_fail(&err);
    } else if (store_unit_list(st, r.units, MAX_UNITS, &r.nunits, &err) != 0) {
        status = cli_fail(&err);
    } else if (cli->unit != NULL && unit_index(&r, cli->unit) < 0) {
        cli_error(_("--unit: no unit %s"), cli->unit);
        status = 2;
    }
    struct flag_rules rules = {cli->today, (int)cli->cfg.behind_tolerance,
                               (int)cli->cfg.due_soon_days};
    if (status == 0 && (store_submission_each(st, on_submission, &r, &err) != 0 ||
                        store_task_each(st, &rules, on_task, &r, &err) != 0))
        status = cli_fail(&err);
    if (status == 0 && r.failed) {
        cli_error("%s", _("out of memory"));
        status = 1;
    }
    if (status == 0) {
        if (r.n > 0)
            qsort(r.items, (size_t)r.n, sizeof *r.items, by_unit);
        struct cli_out o;
        if ((status = cli_out_open(cli, &o)) == 0) {
            /* A reminder an office mails is Vietnamese unless the settings say English; the
             * messages around it follow the user's language. */
            cli_use_language(strcmp(cli->cfg.language, "en") == 0 ? "en" : "vi");
            int rc =
                strcmp(format, "text") == 0
                    ? write_text(o.f, &r)
                    : write_table(o.f, &r, strcmp(format, "csv") == 0 ? TABLE_CSV : TABLE_JSON);
            cli_use_language(cli->cfg.language);
            status = cli_out_close(cli, &o, rc);
        }
    }
    free(r.items);
    free(r.units);
    store_close(st);
    return status;
}
