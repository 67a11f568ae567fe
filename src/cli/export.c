/* `tiendo export tasks|progress|units`: the data as CSV or JSON, for spreadsheets and scripts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_eval.h"
#include "tiendo/schedule.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"
#include "tiendo/table.h"

static const struct table_column task_cols[] = {
    {"code", false},
    {"title", false},
    {"description", false},
    {"group", false},
    {"phase", false},
    {"lead", false},
    {"coop", false},
    {"start", false},
    {"due", false},
    {"output", false},
    {"priority", false},
    {"integrated_on", false},
    {"integrated_doc", false},
    {"status", false},
    {"percent", true},
    {"overdue", true},
    {"behind_schedule", true},
    {"due_soon", true},
    {"demo", true},
};
static const struct table_column progress_cols[] = {
    {"task", false}, {"date", false},         {"percent", true},    {"status", false},
    {"done", false}, {"difficulties", false}, {"proposals", false}, {"by", false},
    {"at", false},   {"demo", true},
};
static const struct table_column unit_cols[] = {
    {"code", false},   {"name", false},           {"tasks", true},       {"done", true},
    {"overdue", true}, {"behind_schedule", true}, {"avg_percent", true},
};
static const struct table_column eval_cols[] = {
    {"period", false},  {"unit", false},    {"criterion", false},
    {"rating", false},  {"comment", false}, {"evidence", false},
    {"measure", false}, {"by", false},      {"at", false},
};
static const struct table_column indicator_cols[] = {
    {"code", false},         {"name", false},          {"measure_unit", false},
    {"owner", false},        {"kind", false},          {"direction", false},
    {"baseline_year", true}, {"baseline_value", true}, {"target_year", true},
    {"target_low", true},    {"target_high", true},    {"latest_year", true},
    {"latest_value", true},  {"projection", true},     {"required_growth", true},
    {"verdict", false},
};
static const struct table_column inspection_cols[] = {
    {"kind", false},
    {"date", false},
    {"units", false},
    {"tasks", false},
    {"scope", false},
    {"findings", false},
    {"recommendations", false},
    {"followup_status", false},
    {"followup_date", false},
};
static const struct table_column report_cols[] = {
    {"rule", false},  {"period", false},  {"title", false},    {"due", false},
    {"units", false}, {"expected", true}, {"submitted", true}, {"on_time", true},
};
static const struct table_column submission_cols[] = {
    {"rule", false},       {"period", false}, {"title", false},
    {"due", false},        {"unit", false},   {"submitted_on", false},
    {"doc_number", false}, {"note", false},   {"status", false},
};
static const struct table_column meeting_cols[] = {
    {"key", false},   {"date", false},  {"kind", false},
    {"title", false}, {"place", false}, {"conclusions", false},
};
static const struct table_column activity_cols[] = {
    {"kind", false},  {"unit", false},  {"channel", false}, {"date", false},
    {"title", false}, {"reach", false}, {"status", false},  {"progress_note", false},
};
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Status codes of a submission, for scripts (the screens show them translated). */
static const char *const submission_codes[] = {"not_due", "due_soon", "overdue", "on_time", "late"};

struct sub_ctx {
    struct table_writer *w;
    const struct cli *cli;
};

static int submission_row(void *ctx, const char *const *cells)
{
    struct sub_ctx *x = ctx;
    enum submission_status st = schedule_status_iso(cells[3], cells[5], x->cli->today,
                                                    (int)x->cli->cfg.report_due_soon_days);
    const char *out[9];
    memcpy(out, cells, 8 * sizeof *out);
    out[8] = submission_codes[st];
    return table_row(x->w, out);
}

static int meeting_row(void *ctx, const char *key, const char *date, const char *kind,
                       const char *title, const char *place, const char *conclusions)
{
    const char *cells[] = {key, date, kind, title, place, conclusions};
    return table_row(ctx, cells);
}

/* The schedule with its counts, in the order of the schedule screen. */
static int export_reports(const struct cli *cli, struct store *st, struct table_writer *w,
                          struct td_err *err)
{
    enum { MAX = 4096 };
    struct report_row *r = calloc(MAX, sizeof *r);
    int n = 0;
    char today[11];
    date_format_iso(cli->today, today);
    if (r == NULL || store_report_list(st, today, r, MAX, &n, err) != 0) {
        free(r);
        return -1;
    }
    int rc = 0;
    for (int i = 0; rc == 0 && i < n; i++) {
        char c[3][24];
        snprintf(c[0], 24, "%ld", r[i].expected);
        snprintf(c[1], 24, "%ld", r[i].submitted);
        snprintf(c[2], 24, "%ld", r[i].on_time);
        const char *cells[] = {r[i].rule,  r[i].period, r[i].title, r[i].due,
                               r[i].units, c[0],        c[1],       c[2]};
        rc = table_row(w, cells);
    }
    free(r);
    return rc;
}

static int inspection_row(void *ctx, const struct inspection_row *r)
{
    const char *cells[] = {r->kind,         r->date,     r->units,           r->tasks,
                           r->scope,        r->findings, r->recommendations, r->followup_status,
                           r->followup_date};
    return table_row(ctx, cells);
}

static int eval_row(void *ctx, const char *const *cells)
{
    return table_row(ctx, cells);
}

/* Indicators with their forecast for the last target, by the rules of tiendo(1), FORECAST. */
static int export_indicators(struct cli *cli, struct store *st, struct table_writer *w,
                             struct td_err *err)
{
    struct indicator_row *ind = calloc(256, sizeof *ind);
    int n = 0;
    if (ind == NULL || store_indicator_list(st, ind, 256, &n, err) != 0) {
        free(ind);
        return -1;
    }
    struct store_summary sum;
    int year, month, day;
    date_to_ymd(cli->today, &year, &month, &day);
    if (store_summary(st, year, &sum, err) != 0) {
        free(ind);
        return -1;
    }
    int rc = 0;
    for (int i = 0; rc == 0 && i < n; i++) {
        const struct indicator_row *r = &ind[i];
        struct forecast_result fc;
        char c[10][32] = {{0}};
        indicator_forecast(r, (int)sum.start_year, cli->cfg.tolerance, &fc);
        if (r->ntargets > 0) {
            int last = r->ntargets - 1;
            snprintf(c[2], 32, "%d", r->targets[last].year);
            snprintf(c[3], 32, "%g", r->targets[last].low);
            snprintf(c[4], 32, "%g", r->targets[last].high);
        }
        if (r->has_baseline) {
            snprintf(c[0], 32, "%d", r->baseline_year);
            snprintf(c[1], 32, "%g", r->baseline_value);
        }
        if (r->nvalues > 0) {
            snprintf(c[5], 32, "%d", r->values[r->nvalues - 1].year);
            snprintf(c[6], 32, "%g", r->values[r->nvalues - 1].value);
        }
        if (fc.verdict != VERDICT_NOT_ENOUGH)
            snprintf(c[7], 32, "%.4f", fc.projection);
        if (r->kind == IND_GROWTH && fc.verdict != VERDICT_NOT_ENOUGH && fc.remaining > 0)
            snprintf(c[8], 32, "%.4f", fc.required);
        static const char *const verdicts[] = {"not_enough_data", "on_track", "at_risk",
                                               "off_track"};
        const char *cells[] = {r->code,
                               r->name,
                               r->measure_unit,
                               r->owner,
                               r->kind == IND_GROWTH ? "growth" : "level",
                               r->higher_is_better ? "higher" : "lower",
                               c[0],
                               c[1],
                               c[2],
                               c[3],
                               c[4],
                               c[5],
                               c[6],
                               c[7],
                               c[8],
                               verdicts[fc.verdict]};
        rc = table_row(w, cells);
    }
    store_summary_free(&sum);
    free(ind);
    return rc;
}

/* The writer and the progress bar the row callbacks share. */
struct export_ctx {
    struct table_writer *w;
    struct cli_progress bar;
};

static int write_row(struct export_ctx *x, const char *const *cells)
{
    cli_progress_step(&x->bar);
    return table_row(x->w, cells);
}

static int task_row(void *ctx, const struct task_detail *t)
{
    char pct[8], o[2], b[2], s[2], d[2];
    snprintf(pct, sizeof pct, "%d", t->row.percent);
    snprintf(o, sizeof o, "%d", (t->row.flags & FLAG_OVERDUE) != 0);
    snprintf(b, sizeof b, "%d", (t->row.flags & FLAG_BEHIND) != 0);
    snprintf(s, sizeof s, "%d", (t->row.flags & FLAG_DUE_SOON) != 0);
    snprintf(d, sizeof d, "%d", t->row.demo);
    const char *cells[] = {t->row.code,
                           t->title,
                           t->description,
                           t->group_code,
                           t->phase_code,
                           t->row.unit,
                           t->coop,
                           t->start,
                           t->row.due,
                           t->output,
                           t->priority,
                           t->integrated_on,
                           t->integrated_doc,
                           status_code((enum task_status)t->row.status),
                           pct,
                           o,
                           b,
                           s,
                           d};
    return write_row(ctx, cells);
}

static int progress_row(void *ctx, const char *code, const struct progress_row *p)
{
    char pct[8], d[2];
    snprintf(pct, sizeof pct, "%d", p->percent);
    snprintf(d, sizeof d, "%d", p->demo);
    const char *cells[] = {code,         p->date,
                           pct,          status_code((enum task_status)p->status),
                           p->done,      p->difficulties,
                           p->proposals, p->by,
                           p->at,        d};
    return write_row(ctx, cells);
}

int cli_cmd_export(struct cli *cli, const char *what)
{
    enum table_format format;
    if (cli->format == NULL || strcmp(cli->format, "csv") == 0) {
        format = TABLE_CSV;
    } else if (strcmp(cli->format, "json") == 0) {
        format = TABLE_JSON;
    } else {
        cli_error(_("--format: expected csv or json; got \"%s\""), cli->format);
        return 2;
    }
    const struct table_column *cols;
    int ncols;
    if (what != NULL && strcmp(what, "tasks") == 0)
        cols = task_cols, ncols = N(task_cols);
    else if (what != NULL && strcmp(what, "progress") == 0)
        cols = progress_cols, ncols = N(progress_cols);
    else if (what != NULL && strcmp(what, "units") == 0)
        cols = unit_cols, ncols = N(unit_cols);
    else if (what != NULL && strcmp(what, "evaluations") == 0)
        cols = eval_cols, ncols = N(eval_cols);
    else if (what != NULL && strcmp(what, "indicators") == 0)
        cols = indicator_cols, ncols = N(indicator_cols);
    else if (what != NULL && strcmp(what, "inspections") == 0)
        cols = inspection_cols, ncols = N(inspection_cols);
    else if (what != NULL && strcmp(what, "reports") == 0)
        cols = report_cols, ncols = N(report_cols);
    else if (what != NULL && strcmp(what, "submissions") == 0)
        cols = submission_cols, ncols = N(submission_cols);
    else if (what != NULL && strcmp(what, "meetings") == 0)
        cols = meeting_cols, ncols = N(meeting_cols);
    else if (what != NULL && strcmp(what, "activities") == 0)
        cols = activity_cols, ncols = N(activity_cols);
    else {
        cli_error(_("export what? tasks, progress, units, evaluations, indicators, inspections, "
                    "reports, submissions, meetings or activities; see tiendo --help"));
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);

    struct cli_out o;
    int opened = cli_out_open(cli, &o);
    if (opened != 0) {
        store_close(st);
        return opened;
    }
    FILE *out = o.f;
    struct table_writer w;
    struct flag_rules rules = {cli->today, (int)cli->cfg.behind_tolerance,
                               (int)cli->cfg.due_soon_days};
    int rc = table_begin(&w, out, format, cols, ncols, cli->bom);
    if (rc == 0 && cols == task_cols) {
        struct export_ctx x = {&w, {0}};
        cli_progress_start(&x.bar, _("Exporting"), store_count(st, "task", true));
        rc = store_task_each(st, &rules, task_row, &x, &err);
        cli_progress_end(&x.bar);
    } else if (rc == 0 && cols == progress_cols) {
        struct export_ctx x = {&w, {0}};
        cli_progress_start(&x.bar, _("Exporting"), store_count(st, "progress_update", false));
        rc = store_progress_each(st, progress_row, &x, &err);
        cli_progress_end(&x.bar);
    } else if (rc == 0 && cols == eval_cols)
        rc = store_evaluation_each(st, eval_row, &w, &err);
    else if (rc == 0 && cols == indicator_cols)
        rc = export_indicators(cli, st, &w, &err);
    else if (rc == 0 && cols == inspection_cols)
        rc = store_inspection_each(st, inspection_row, &w, &err);
    else if (rc == 0 && cols == report_cols)
        rc = export_reports(cli, st, &w, &err);
    else if (rc == 0 && cols == submission_cols) {
        struct sub_ctx x = {&w, cli};
        rc = store_submission_each(st, submission_row, &x, &err);
    } else if (rc == 0 && cols == meeting_cols)
        rc = store_meeting_each(st, meeting_row, &w, &err);
    else if (rc == 0 && cols == activity_cols)
        rc = store_activity_each(st, eval_row, &w, &err);
    else if (rc == 0) {
        struct unit_stats *u = calloc(2048, sizeof *u);
        int n = 0;
        rc = u == NULL ? -1 : store_unit_stats(st, &rules, u, 2048, &n, &err);
        for (int i = 0; rc == 0 && i < n; i++) {
            char c[5][24];
            snprintf(c[0], 24, "%ld", u[i].tasks);
            snprintf(c[1], 24, "%ld", u[i].done);
            snprintf(c[2], 24, "%ld", u[i].overdue);
            snprintf(c[3], 24, "%ld", u[i].behind);
            snprintf(c[4], 24, "%.1f", u[i].avg_percent);
            const char *cells[] = {u[i].code, u[i].name, c[0], c[1], c[2], c[3], c[4]};
            rc = table_row(&w, cells);
        }
        free(u);
    }
    if (rc == 0)
        rc = table_end(&w);
    int failed = 0; /* the store said why */
    if (rc != 0 && err.msg[0] != '\0') {
        failed = cli_fail(&err);
        rc = 1;
    }
    int status = cli_out_close(cli, &o, rc);
    if (failed != 0)
        status = failed;
    if (status == 0 && !cli_out_is_stdout(cli))
        fprintf(stderr,
                ngettext("tiendo: %ld row written to %s\n", "tiendo: %ld rows written to %s\n",
                         (unsigned long)w.rows),
                w.rows, cli->output);
    store_close(st);
    return status;
}
