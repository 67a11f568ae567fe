/* `tiendo import tasks FILE.csv`: all rows or none, every bad row named with its line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/store_tasks.h"
#include "tiendo/table.h"
#include "tiendo/text.h"

enum col {
    C_CODE,
    C_TITLE,
    C_DESCRIPTION,
    C_GROUP,
    C_PHASE,
    C_LEAD,
    C_COOP,
    C_START,
    C_DUE,
    C_OUTPUT,
    C_PRIORITY,
    C_INTEGRATED_ON,
    C_INTEGRATED_DOC,
    C_COUNT
};

static const char *const names[C_COUNT] = {
    "code",  "title", "description", "group",    "phase",         "lead",          "coop",
    "start", "due",   "output",      "priority", "integrated_on", "integrated_doc"};
/* Columns that `export tasks` writes and import leaves aside (they come from progress). */
static const char *const ignored[] = {"status",          "percent",  "overdue",
                                      "behind_schedule", "due_soon", "demo"};

struct row {
    int line;
    char *v[C_COUNT];
};

struct import_ctx {
    const char *file;
    struct row *rows;
    int problems;
};

static void problem(struct import_ctx *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct import_ctx *c, int line, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_error("%s:%d: %s", c->file, line, msg);
    c->problems++;
}

static void store_problem(void *ctx, int index, const char *msg)
{
    struct import_ctx *c = ctx;
    problem(c, c->rows[index].line, "%s", msg);
}

/* A date as the file gives it (ISO or the display format) into ISO; "" stays "". */
static bool to_iso(const struct cli *cli, char **value)
{
    if ((*value)[0] == '\0')
        return true;
    td_date d;
    if (date_parse_input(*value, cli->cfg.date_format, cli->today, &d) != 0 ||
        strchr(*value, '+') != NULL || strstr(*value, "today") != NULL)
        return false;
    char iso[11];
    date_format_iso(d, iso);
    free(*value);
    *value = strdup(iso);
    return *value != NULL;
}

int cli_cmd_import(struct cli *cli, const char *what, const char *path)
{
    if (what == NULL || strcmp(what, "tasks") != 0 || path == NULL) {
        cli_error(_("usage: tiendo import tasks FILE.csv|- [--dry-run]"));
        return 2;
    }
    FILE *in;
    int opened = cli_open_input(cli, path, &in);
    if (opened != 0)
        return opened;
    struct csv_reader r;
    csv_reader_init(&r, in);
    struct cli_progress bar;
    struct stat sb;
    bool seekable = fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode);
    cli_progress_start(&bar, _("Checking"), seekable ? (long)sb.st_size : 0);
    struct import_ctx c = {strcmp(path, "-") == 0 ? _("standard input") : path, NULL, 0};
    char why[200];
    int map[64];
    int ncols = 0, nrows = 0;
    int got = csv_read(&r, why, sizeof why);
    if (got <= 0) {
        problem(&c, 1, got == 0 ? _("empty file: expected a header row") : "%s", why);
    } else {
        ncols = r.ncells < 64 ? r.ncells : 64;
        for (int i = 0; i < ncols; i++) {
            map[i] = -1;
            for (int k = 0; k < C_COUNT; k++)
                if (strcmp(r.cells[i], names[k]) == 0)
                    map[i] = k;
            bool skip = false;
            for (size_t k = 0; k < sizeof ignored / sizeof ignored[0]; k++)
                skip = skip || strcmp(r.cells[i], ignored[k]) == 0;
            if (map[i] < 0 && !skip)
                problem(&c, 1, _("unknown column \"%s\""), r.cells[i]);
        }
        for (int k = 0; k < 3; k++) { /* code, title, lead must be there */
            int need = k == 2 ? C_LEAD : k;
            bool have = false;
            for (int i = 0; i < ncols; i++)
                have = have || map[i] == need;
            if (!have)
                problem(&c, 1, _("the column \"%s\" is missing"), names[need]);
        }
    }
    while (c.problems == 0 || got > 0) {
        got = csv_read(&r, why, sizeof why);
        if (got == 0)
            break;
        if (got < 0) {
            problem(&c, r.line, "%s", why);
            break;
        }
        if (seekable)
            cli_progress_set(&bar, ftell(in));
        if (r.ncells == 1 && r.cells[0][0] == '\0')
            continue; /* a blank line */
        struct row *grown = realloc(c.rows, sizeof *grown * (size_t)(nrows + 1));
        if (grown == NULL)
            break;
        c.rows = grown;
        struct row *row = &c.rows[nrows++];
        row->line = r.line;
        for (int k = 0; k < C_COUNT; k++)
            row->v[k] = NULL;
        if (r.ncells != ncols)
            problem(&c, r.line, _("%d fields, but the header has %d"), r.ncells, ncols);
        for (int i = 0; i < r.ncells && i < ncols; i++) {
            if (map[i] < 0)
                continue;
            char *v = text_nfc(r.cells[i]);
            if (v == NULL) {
                problem(&c, r.line, _("%s: not valid UTF-8"), names[map[i]]);
                v = strdup("");
            }
            row->v[map[i]] = v;
        }
        for (int k = 0; k < C_COUNT; k++)
            if (row->v[k] == NULL)
                row->v[k] = strdup("");
        for (int k = 0; k < C_COUNT; k++) {
            if ((k == C_CODE || k == C_TITLE || k == C_LEAD) && row->v[k][0] == '\0')
                problem(&c, r.line, _("%s: required"), names[k]);
            if ((k == C_START || k == C_DUE || k == C_INTEGRATED_ON) && !to_iso(cli, &row->v[k]))
                problem(&c, r.line, _("%s: expected a date as YYYY-MM-DD or %s; got \"%s\""),
                        names[k], cli->cfg.date_format, row->v[k]);
        }
        if (row->v[C_PRIORITY][0] == '\0') {
            free(row->v[C_PRIORITY]);
            row->v[C_PRIORITY] = strdup("normal");
        } else if (strcmp(row->v[C_PRIORITY], "high") != 0 &&
                   strcmp(row->v[C_PRIORITY], "normal") != 0 &&
                   strcmp(row->v[C_PRIORITY], "low") != 0) {
            problem(&c, r.line, _("priority: expected high, normal or low; got \"%s\""),
                    row->v[C_PRIORITY]);
        }
        if (row->v[C_START][0] != '\0' && row->v[C_DUE][0] != '\0' &&
            strcmp(row->v[C_START], row->v[C_DUE]) > 0)
            problem(&c, r.line, "%s", _("due: before start"));
    }
    cli_progress_end(&bar);
    csv_reader_free(&r);
    if (in != stdin)
        fclose(in);

    int status = 0;
    if (c.problems == 0) {
        struct store *st = NULL;
        struct td_err err = {0};
        struct task_new *rows = calloc((size_t)nrows + 1, sizeof *rows);
        for (int i = 0; rows != NULL && i < nrows; i++) {
            char **v = c.rows[i].v;
            rows[i] = (struct task_new){
                v[C_CODE],     v[C_TITLE],         v[C_DESCRIPTION],   v[C_GROUP], v[C_PHASE],
                v[C_LEAD],     v[C_COOP],          v[C_START],         v[C_DUE],   v[C_OUTPUT],
                v[C_PRIORITY], v[C_INTEGRATED_ON], v[C_INTEGRATED_DOC]};
        }
        if (rows == NULL) {
            status = 1;
        } else if (cli_open_store(cli, false, &st, &err) != 0) {
            status = cli_fail(&err);
        } else {
            int n = store_task_import(st, rows, nrows, cli->dry_run, store_problem, &c, &err);
            if (n < 0)
                status = cli_fail(&err);
        }
        free(rows);
        store_close(st);
    }
    if (status == 0 && c.problems > 0) {
        cli_error(ngettext("%s: %d problem; nothing was imported",
                           "%s: %d problems; nothing was imported", (unsigned long)c.problems),
                  c.file, c.problems);
        status = 1;
    } else if (status == 0) {
        printf(cli->dry_run ? ngettext("%s: %d task checked; nothing written (--dry-run)\n",
                                       "%s: %d tasks checked; nothing written (--dry-run)\n",
                                       (unsigned long)nrows)
                            : ngettext("%s: %d task imported\n", "%s: %d tasks imported\n",
                                       (unsigned long)nrows),
               c.file, nrows);
    }
    for (int i = 0; i < nrows; i++)
        for (int k = 0; k < C_COUNT; k++)
            free(c.rows[i].v[k]);
    free(c.rows);
    return status;
}
