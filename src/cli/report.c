/* `tiendo report annual YEAR | midterm | final`: a report draft from the data, in the order
 * of the plan's evaluation contents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/report.h"
#include "tiendo/status.h"
#include "tiendo/store_eval.h"
#include "tiendo/schedule.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"

/* Everything the report points at lives here until it is written. */
struct gather {
    struct cli *cli;
    int from, to;     /* the years the report covers */
    const char *unit; /* --unit CODE, or NULL */
    char **owned;
    size_t nowned;
    struct report_task *tasks;
    int ntasks;
    struct report_note *diff, *prop;
    int ndiff, nprop;
    struct report_inspection *insp;
    int ninsp;
    struct report_meeting *meet;
    int nmeet;
};

static const char *keep(struct gather *g, const char *s)
{
    char *copy = strdup(s != NULL ? s : "");
    char **grown = realloc(g->owned, sizeof *grown * (g->nowned + 1));
    if (copy == NULL || grown == NULL) {
        free(copy);
        if (grown != NULL)
            g->owned = grown;
        return "";
    }
    g->owned = grown;
    g->owned[g->nowned++] = copy;
    return copy;
}

#define GROW(arr, n)                                                                               \
    do {                                                                                           \
        void *grown_ = realloc((arr), sizeof *(arr) * (size_t)((n) + 1));                          \
        if (grown_ == NULL)                                                                        \
            return 1;                                                                              \
        (arr) = grown_;                                                                            \
    } while (0)

static const char *display_date(struct gather *g, const char *iso)
{
    td_date d;
    char buf[32];
    if (date_parse_iso(iso, &d) != 0)
        return keep(g, iso);
    date_format(d, g->cli->cfg.date_format, buf, sizeof buf);
    return keep(g, buf);
}

static bool in_period(const struct gather *g, const char *iso)
{
    int y = atoi(iso);
    return y >= g->from && y <= g->to;
}

/* Submissions of the reports due in the period and already due: on time, late, missing. */
struct sub_count {
    const struct gather *g;
    char today[11];
    long expected, on_time, late, missing;
};

static int on_submission(void *ctx, const char *const *cells)
{
    struct sub_count *c = ctx;
    const char *due = cells[3], *unit = cells[4], *on = cells[5];
    if (!in_period(c->g, due) || strcmp(due, c->today) >= 0 ||
        (c->g->unit != NULL && strcmp(c->g->unit, unit) != 0))
        return 0;
    enum submission_status status = schedule_status_iso(due, on, c->g->cli->today, 0);
    c->expected++;
    c->missing += status == SUB_OVERDUE;
    c->on_time += status == SUB_ON_TIME;
    c->late += status == SUB_LATE;
    return 0;
}

static int on_task(void *ctx, const struct task_detail *t)
{
    struct gather *g = ctx;
    if (g->unit != NULL && strcmp(g->unit, t->row.unit) != 0)
        return 0;
    GROW(g->tasks, g->ntasks);
    g->tasks[g->ntasks++] = (struct report_task){
        keep(g, t->row.code),
        keep(g, t->row.title),
        keep(g, t->row.unit),
        keep(g, t->group),
        display_date(g, t->row.due),
        keep(g, status_label((enum task_status)t->row.status)),
        t->row.percent,
        (t->row.flags & FLAG_OVERDUE) != 0,
        (t->row.flags & FLAG_BEHIND) != 0,
    };
    return 0;
}

static int on_note(void *ctx, const char *code, const char *unit, const char *date,
                   const char *difficulties, const char *proposals)
{
    struct gather *g = ctx;
    if (g->unit != NULL && strcmp(g->unit, unit) != 0)
        return 0;
    if (difficulties[0] != '\0') {
        GROW(g->diff, g->ndiff);
        g->diff[g->ndiff++] = (struct report_note){display_date(g, date), keep(g, code),
                                                   keep(g, unit), keep(g, difficulties)};
    }
    if (proposals[0] != '\0') {
        GROW(g->prop, g->nprop);
        g->prop[g->nprop++] = (struct report_note){display_date(g, date), keep(g, code),
                                                   keep(g, unit), keep(g, proposals)};
    }
    return 0;
}

static int on_inspection(void *ctx, const struct inspection_row *r)
{
    struct gather *g = ctx;
    if (!in_period(g, r->date) || (g->unit != NULL && strstr(r->units, g->unit) == NULL))
        return 0;
    GROW(g->insp, g->ninsp);
    g->insp[g->ninsp++] = (struct report_inspection){
        display_date(g, r->date),
        keep(g, strcmp(r->kind, "survey") == 0 ? _("survey") : _("on-site inspection")),
        keep(g, r->units),
        keep(g, r->scope),
        keep(g, r->findings),
        keep(g, r->recommendations)};
    return 0;
}

static int on_meeting(void *ctx, const char *key, const char *date, const char *kind,
                      const char *title, const char *place, const char *conclusions)
{
    struct gather *g = ctx;
    (void)key;
    (void)place;
    if (date[0] != '\0' && !in_period(g, date))
        return 0;
    GROW(g->meet, g->nmeet);
    g->meet[g->nmeet++] =
        (struct report_meeting){date[0] != '\0' ? display_date(g, date) : "", keep(g, kind),
                                keep(g, title), keep(g, conclusions)};
    return 0;
}

int cli_cmd_report(struct cli *cli, const char *kind, const char *year_arg)
{
    enum report_format fmt = REPORT_MD;
    if (cli->format != NULL && strcmp(cli->format, "html") == 0)
        fmt = REPORT_HTML;
    else if (cli->format != NULL && strcmp(cli->format, "md") != 0) {
        cli_error(_("--format: expected md or html; got \"%s\""), cli->format);
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    struct store_summary sum;
    int ty, tm, td;
    date_to_ymd(cli->today, &ty, &tm, &td);
    if (store_summary(st, ty, &sum, &err) != 0) {
        store_close(st);
        return cli_fail(&err);
    }
    struct gather g = {.cli = cli, .unit = cli->unit};
    char title[300], period[64];
    int status = 0;
    if (kind != NULL && strcmp(kind, "annual") == 0 && year_arg != NULL) {
        char *end;
        long y = strtol(year_arg, &end, 10);
        if (*end != '\0' || y < sum.start_year || y > sum.end_year) {
            cli_error(_("report annual: expected a year from %ld to %ld; got \"%s\""),
                      sum.start_year, sum.end_year, year_arg);
            status = 2;
        }
        g.from = g.to = (int)y;
        snprintf(title, sizeof title, _("Annual thematic report %ld"), y);
    } else if (kind != NULL && strcmp(kind, "midterm") == 0 && year_arg == NULL) {
        struct unit_choice phases[8];
        int n = 0;
        store_choice_list(st, CHOICE_PHASE, phases, 8, &n, &err);
        g.from = (int)sum.start_year;
        g.to = n > 0 ? atoi(strchr(phases[0].code, '-') != NULL ? strchr(phases[0].code, '-') + 1
                                                                : phases[0].code)
                     : (int)sum.end_year;
        snprintf(title, sizeof title, _("Mid-term report %d–%d"), g.from, g.to);
    } else if (kind != NULL && strcmp(kind, "final") == 0 && year_arg == NULL) {
        g.from = (int)sum.start_year;
        g.to = (int)sum.end_year;
        snprintf(title, sizeof title, _("Final report %d–%d"), g.from, g.to);
    } else {
        cli_error(_("usage: tiendo report annual YEAR | midterm | final [--unit CODE] "
                    "[--format md|html] [-o FILE]"));
        status = 2;
    }
    if (status != 0) {
        store_summary_free(&sum);
        store_close(st);
        return status;
    }
    if (g.from == g.to)
        snprintf(period, sizeof period, "%d", g.from);
    else
        snprintf(period, sizeof period, "%d–%d", g.from, g.to);

    struct report_data d = {0};
    d.title = title;
    d.plan_title = sum.plan_title;
    d.period_label = period;
    char generated[32];
    date_format(cli->today, cli->cfg.date_format, generated, sizeof generated);
    d.generated = generated;
    d.demo = sum.demo_rows > 0;
    d.lang = cli->lang;

    /* The plan's own wording heads the four contents, by the facts each criterion names. */
    struct criterion_row crit[16];
    int nc = 0;
    store_criteria(st, crit, 16, &nc, &err);
    static const char *const facts[4] = {"integration", "progress", "targets", "difficulties"};
    char headings[4][1100];
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < nc; i++)
            if (strcmp(crit[i].facts, facts[k]) == 0) {
                snprintf(headings[k], sizeof headings[k], "%s) %s", crit[i].code, crit[i].wording);
                d.criteria[k] = headings[k];
            }

    struct flag_rules rules = {cli->today, (int)cli->cfg.behind_tolerance,
                               (int)cli->cfg.due_soon_days};
    struct unit_stats *us = calloc(1024, sizeof *us);
    struct report_unit *units = calloc(1024, sizeof *units);
    int nus = 0;
    if (us == NULL || units == NULL || store_unit_stats(st, &rules, us, 1024, &nus, &err) != 0)
        status = err.msg[0] != '\0' ? cli_fail(&err) : 1;
    char today_iso[11];
    date_format_iso(cli->today, today_iso);
    struct cli_progress bar;
    cli_progress_start(&bar, _("Gathering"), nus);
    for (int i = 0; status == 0 && i < nus; i++) {
        cli_progress_step(&bar);
        if (cli->unit != NULL && strcmp(cli->unit, us[i].code) != 0)
            continue;
        struct unit_facts f;
        store_unit_facts(st, us[i].id, g.from, g.to, today_iso, rules.behind_tolerance,
                         rules.due_soon_days, &f, &err);
        units[d.nunits++] =
            (struct report_unit){us[i].code, us[i].name,    us[i].tasks,  f.integrated,
                                 us[i].done, us[i].overdue, us[i].behind, us[i].avg_percent};
        if (cli->unit != NULL)
            d.unit_filter = us[i].name;
    }
    cli_progress_end(&bar);
    if (status == 0 && cli->unit != NULL && d.nunits == 0) {
        cli_error(_("--unit: no unit %s"), cli->unit);
        status = 2;
    }
    d.units = units;

    struct indicator_row *ind = calloc(256, sizeof *ind);
    struct report_indicator *ri = calloc(256, sizeof *ri);
    int ni = 0;
    if (status == 0 &&
        (ind == NULL || ri == NULL || store_indicator_list(st, ind, 256, &ni, &err) != 0))
        status = cli_fail(&err);
    static const char *const verdict_codes[] = {"not enough data", "on track", "at risk",
                                                "off track"};
    (void)verdict_codes;
    for (int i = 0; status == 0 && i < ni; i++) {
        const struct indicator_row *r = &ind[i];
        if (cli->unit != NULL && strcmp(cli->unit, r->owner) != 0)
            continue;
        struct forecast_result fc;
        indicator_forecast(r, (int)sum.start_year, cli->cfg.tolerance, &fc);
        struct report_indicator *o = &ri[d.nindicators++];
        o->code = r->code;
        o->name = r->name;
        o->measure_unit = r->measure_unit;
        o->verdict = verdict_label(fc.verdict);
        o->verdict_class = (int)fc.verdict;
        o->has_baseline = r->has_baseline;
        o->baseline_year = r->baseline_year;
        o->baseline_value = r->baseline_value;
        o->has_target = r->ntargets > 0;
        if (o->has_target) {
            o->target_year = r->targets[r->ntargets - 1].year;
            o->low = r->targets[r->ntargets - 1].low;
            o->high = r->targets[r->ntargets - 1].high;
        }
        o->has_latest = r->nvalues > 0;
        if (o->has_latest) {
            o->latest_year = r->values[r->nvalues - 1].year;
            o->latest = r->values[r->nvalues - 1].value;
        }
        o->has_projection = fc.verdict != VERDICT_NOT_ENOUGH;
        o->projection = fc.projection;
        o->has_required = r->kind == IND_GROWTH && o->has_projection && fc.remaining > 0;
        o->required = fc.required;
        for (int k = 0; k < r->nvalues && k < 64; k++) {
            o->years[k] = r->values[k].year;
            o->values[k] = r->values[k].value;
            o->nvalues++;
        }
    }
    d.indicators = ri;

    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-01-01", g.from);
    snprintf(to, sizeof to, "%04d-12-31", g.to);
    if (status == 0 && (store_task_each(st, &rules, on_task, &g, &err) != 0 ||
                        store_progress_notes(st, from, to, on_note, &g, &err) != 0 ||
                        store_inspection_each(st, on_inspection, &g, &err) != 0 ||
                        store_meeting_each(st, on_meeting, &g, &err) != 0))
        status = cli_fail(&err);
    d.tasks = g.tasks;
    d.ntasks = g.ntasks;
    d.difficulties = g.diff;
    d.ndifficulties = g.ndiff;
    d.proposals = g.prop;
    d.nproposals = g.nprop;
    d.inspections = g.insp;
    d.ninspections = g.ninsp;
    d.meetings = g.meet;
    d.nmeetings = g.nmeet;
    d.activities = store_count(st, "activity", true);
    if (d.activities < 0)
        d.activities = 0;
    struct sub_count sc = {.g = &g};
    date_format_iso(cli->today, sc.today);
    if (status == 0 && store_submission_each(st, on_submission, &sc, &err) != 0)
        status = cli_fail(&err);
    d.reports_expected = sc.expected;
    d.reports_on_time = sc.on_time;
    d.reports_late = sc.late;
    d.reports_missing = sc.missing;

    struct cli_out o;
    if (status == 0 && (status = cli_out_open(cli, &o)) == 0)
        status = cli_out_close(cli, &o, report_write(o.f, &d, fmt));
    for (size_t i = 0; i < g.nowned; i++)
        free(g.owned[i]);
    free(g.owned);
    free(g.tasks);
    free(g.diff);
    free(g.prop);
    free(g.insp);
    free(g.meet);
    free(ind);
    free(ri);
    free(us);
    free(units);
    store_summary_free(&sum);
    store_close(st);
    return status;
}
