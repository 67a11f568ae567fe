/* `tiendo export tasks|progress|units`: the data as CSV or JSON, for spreadsheets and scripts. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
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
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int task_row(void *ctx, const struct task_detail *t)
{
    char pct[8], o[2], b[2], s[2], d[2];
    snprintf(pct, sizeof pct, "%d", t->row.percent);
    snprintf(o, sizeof o, "%d", (t->row.flags & FLAG_OVERDUE) != 0);
    snprintf(b, sizeof b, "%d", (t->row.flags & FLAG_BEHIND) != 0);
    snprintf(s, sizeof s, "%d", (t->row.flags & FLAG_DUE_SOON) != 0);
    snprintf(d, sizeof d, "%d", t->row.demo);
    const char *cells[] = {t->row.code,
                           t->row.title,
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
    return table_row(ctx, cells);
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
    return table_row(ctx, cells);
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
    else {
        cli_error(_("export what? tasks, progress or units; see tiendo --help"));
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);

    /* A file is written beside its final name and renamed at the end: never half-written. */
    char tmp[PATH_MAX + 16];
    FILE *out = stdout;
    if (cli->output != NULL) {
        snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", cli->output);
        int fd = mkstemp(tmp);
        out = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (out == NULL) {
            cli_error(_("%s: cannot write: %s"), cli->output, strerror(errno));
            store_close(st);
            return 1;
        }
    }
    struct table_writer w;
    struct flag_rules rules = {cli->today, (int)cli->cfg.behind_tolerance,
                               (int)cli->cfg.due_soon_days};
    int rc = table_begin(&w, out, format, cols, ncols, cli->bom);
    if (rc == 0 && cols == task_cols)
        rc = store_task_each(st, &rules, task_row, &w, &err);
    else if (rc == 0 && cols == progress_cols)
        rc = store_progress_each(st, progress_row, &w, &err);
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
    int status = 0;
    if (rc != 0) {
        status = err.msg[0] != '\0' ? cli_fail(&err) : 1;
        if (err.msg[0] == '\0')
            cli_error(_("%s: cannot write: %s"), cli->output != NULL ? cli->output : "stdout",
                      strerror(errno));
    }
    if (cli->output != NULL) {
        if (fclose(out) != 0 && status == 0) {
            cli_error(_("%s: cannot write: %s"), cli->output, strerror(errno));
            status = 1;
        }
        if (status == 0 && rename(tmp, cli->output) != 0) {
            cli_error(_("%s: cannot write: %s"), cli->output, strerror(errno));
            status = 1;
        }
        if (status != 0)
            unlink(tmp);
        else
            fprintf(stderr,
                    ngettext("tiendo: %ld row written to %s\n", "tiendo: %ld rows written to %s\n",
                             (unsigned long)w.rows),
                    w.rows, cli->output);
    }
    store_close(st);
    return status;
}
