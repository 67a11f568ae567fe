/* `tiendo import tasks FILE.csv`: all rows or none, every bad row named with its line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "tiendo/hash.h"
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

/* Limits of one import (tiendo(1), IMPORT); a field and a file have theirs in the reader. */
#define IMPORT_MAX_COLUMNS  64
#define IMPORT_MAX_ROWS     200000
#define IMPORT_MAX_PROBLEMS 200

struct row {
    int line;
    bool checked; /* has what the database check needs */
    char *v[C_COUNT];
};

struct import_ctx {
    const char *file;
    struct row *rows;
    int problems;
    const int *index; /* the row of each one passed to the store */
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
    problem(c, c->rows[c->index[index]].line, "%s", msg);
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

/* The header row: each column known (or one import leaves aside), none twice, and the required
 * ones there. Fills map (column -> field, -1 for an ignored one); false when rows cannot be
 * read against it. */
static bool read_header(struct import_ctx *c, const struct csv_reader *r, int *map, int *ncols)
{
    int before = c->problems;
    if (r->ncells > IMPORT_MAX_COLUMNS) {
        problem(c, r->line, _("%d columns; at most %d are read"), r->ncells, IMPORT_MAX_COLUMNS);
        return false;
    }
    *ncols = r->ncells;
    for (int i = 0; i < *ncols; i++) {
        map[i] = -1;
        for (int k = 0; k < C_COUNT; k++)
            if (strcmp(r->cells[i], names[k]) == 0)
                map[i] = k;
        bool skip = false;
        for (size_t k = 0; k < sizeof ignored / sizeof ignored[0]; k++)
            skip = skip || strcmp(r->cells[i], ignored[k]) == 0;
        if (map[i] < 0 && !skip)
            problem(c, r->line, _("column %d: unknown column \"%s\""), i + 1, r->cells[i]);
        for (int j = 0; j < i; j++)
            if (strcmp(r->cells[i], r->cells[j]) == 0) {
                problem(c, r->line,
                        _("column %d: the column \"%s\" comes twice (first in column %d)"), i + 1,
                        r->cells[i], j + 1);
                map[i] = -1;
                break;
            }
    }
    for (int k = 0; k < 3; k++) { /* code, title, lead must be there */
        int need = k == 2 ? C_LEAD : k;
        bool have = false;
        for (int i = 0; i < *ncols; i++)
            have = have || map[i] == need;
        if (!have)
            problem(c, r->line, _("the column \"%s\" is missing"), names[need]);
    }
    return c->problems == before;
}

/* Checks one record into row; the problems are named with the line. */
static void read_row(struct import_ctx *c, const struct cli *cli, const struct csv_reader *r,
                     const int *map, int ncols, struct row *row)
{
    row->line = r->line;
    row->checked = true;
    for (int k = 0; k < C_COUNT; k++)
        row->v[k] = NULL;
    if (r->ncells != ncols)
        problem(c, r->line, _("%d fields, but the header has %d"), r->ncells, ncols);
    for (int i = 0; i < r->ncells && i < ncols; i++) {
        if (map[i] < 0)
            continue;
        char *v = text_nfc(r->cells[i]);
        if (v == NULL) {
            problem(c, r->line, _("column %d: %s: not valid UTF-8"), i + 1, names[map[i]]);
            v = strdup("");
        }
        row->v[map[i]] = v;
    }
    for (int k = 0; k < C_COUNT; k++)
        if (row->v[k] == NULL)
            row->v[k] = strdup("");
    for (int k = 0; k < C_COUNT; k++) {
        if (row->v[k] == NULL)
            continue;
        if ((k == C_CODE || k == C_TITLE || k == C_LEAD) && row->v[k][0] == '\0') {
            problem(c, r->line, _("%s: required"), names[k]);
            row->checked = false; /* the database check would only repeat it */
        }
        if ((k == C_START || k == C_DUE || k == C_INTEGRATED_ON) && !to_iso(cli, &row->v[k]))
            problem(c, r->line, _("%s: expected a date as YYYY-MM-DD or %s; got \"%s\""), names[k],
                    cli->cfg.date_format, row->v[k]);
    }
    for (int k = 0; k < C_COUNT; k++)
        if (row->v[k] == NULL) { /* out of memory */
            row->checked = false;
            return;
        }
    if (row->v[C_PRIORITY][0] == '\0') {
        free(row->v[C_PRIORITY]);
        row->v[C_PRIORITY] = strdup("normal");
    } else if (strcmp(row->v[C_PRIORITY], "high") != 0 &&
               strcmp(row->v[C_PRIORITY], "normal") != 0 &&
               strcmp(row->v[C_PRIORITY], "low") != 0) {
        problem(c, r->line, _("priority: expected high, normal or low; got \"%s\""),
                row->v[C_PRIORITY]);
    }
    if (row->v[C_START][0] != '\0' && row->v[C_DUE][0] != '\0' &&
        strcmp(row->v[C_START], row->v[C_DUE]) > 0)
        problem(c, r->line, "%s", _("due: before start"));
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
    const char *shown = strcmp(path, "-") == 0 ? _("standard input") : path;
    struct stat sb = {0};
    if (fstat(fileno(in), &sb) != 0)
        memset(&sb, 0, sizeof sb);
    if (S_ISDIR(sb.st_mode)) {
        cli_error(_("%s: is a directory, not a CSV file"), shown);
        if (in != stdin)
            fclose(in);
        return 1;
    }
    if (S_ISREG(sb.st_mode) && sb.st_size >= CSV_MAX_BYTES) {
        cli_error(_("%s: the file is larger than %ld MiB; nothing was imported"), shown,
                  CSV_MAX_BYTES >> 20);
        if (in != stdin)
            fclose(in);
        return 1;
    }
    struct csv_reader r;
    csv_reader_init(&r, in);
    struct cli_progress bar;
    long size = S_ISREG(sb.st_mode) ? (long)sb.st_size : 0;
    cli_progress_start(&bar, _("Checking"), size);
    struct import_ctx c = {shown, NULL, 0, NULL};
    char why[200];
    int map[IMPORT_MAX_COLUMNS];
    int ncols = 0, nrows = 0, cap = 0;
    bool header_ok = false;
    int got = csv_read(&r, why, sizeof why);
    if (got <= 0)
        problem(&c, 1, got == 0 ? _("empty file: expected a header row") : "%s", why);
    else
        header_ok = read_header(&c, &r, map, &ncols);
    /* Every record is read and checked, whatever came before, so that one pass names every
     * bad row; only a file that cannot be read further (or too many problems) stops it. */
    while (got != 0 && csv_can_go_on(&r)) {
        if (c.problems >= IMPORT_MAX_PROBLEMS) {
            cli_error(_("%s: more than %d problems; stopped reading at line %d"), path,
                      IMPORT_MAX_PROBLEMS, r.line);
            break;
        }
        got = csv_read(&r, why, sizeof why);
        if (got == 0)
            break;
        if (got < 0) {
            problem(&c, r.line, "%s", why);
            continue;
        }
        if (size > 0)
            cli_progress_set(&bar, r.bytes); /* not ftell: a system call a row */
        if (r.ncells == 1 && r.cells[0][0] == '\0')
            continue; /* a blank line */
        if (!header_ok)
            continue; /* what the columns hold is not known */
        if (nrows >= IMPORT_MAX_ROWS) {
            problem(&c, r.line, _("more than %d tasks in one file; split it"), IMPORT_MAX_ROWS);
            break;
        }
        if (nrows == cap) {
            cap = cap > 0 ? cap * 2 : 64;
            struct row *grown = realloc(c.rows, sizeof *grown * (size_t)cap);
            if (grown == NULL) {
                problem(&c, r.line, "%s", _("out of memory"));
                break;
            }
            c.rows = grown;
        }
        read_row(&c, cli, &r, map, ncols, &c.rows[nrows++]);
    }
    cli_progress_end(&bar);
    uint64_t file_hash = r.hash;
    csv_reader_free(&r);
    if (in != stdin)
        fclose(in);

    /* The database checks (codes used already, units, groups, phases) run over every row
     * that could be read, also when other rows are bad: nothing is written then. */
    int status = 0, checked = 0;
    for (int i = 0; i < nrows; i++)
        checked += c.rows[i].checked;
    if (checked > 0 && c.problems < IMPORT_MAX_PROBLEMS) {
        struct store *st = NULL;
        struct td_err err = {0};
        struct task_new *rows = calloc((size_t)checked, sizeof *rows);
        int *index = calloc((size_t)checked, sizeof *index);
        int k = 0;
        for (int i = 0; rows != NULL && index != NULL && i < nrows; i++) {
            if (!c.rows[i].checked)
                continue;
            char **v = c.rows[i].v;
            index[k] = i;
            rows[k++] = (struct task_new){
                v[C_CODE],     v[C_TITLE],         v[C_DESCRIPTION],   v[C_GROUP], v[C_PHASE],
                v[C_LEAD],     v[C_COOP],          v[C_START],         v[C_DUE],   v[C_OUTPUT],
                v[C_PRIORITY], v[C_INTEGRATED_ON], v[C_INTEGRATED_DOC]};
        }
        c.index = index;
        if (rows == NULL || index == NULL) {
            cli_error("%s", _("out of memory"));
            status = 1;
        } else if (cli_open_store(cli, false, &st, &err) != 0) {
            status = cli_fail(&err);
        } else {
            char hash[17];
            fnv1a64_hex(file_hash, hash);
            int n = store_task_import(st, rows, k, cli->dry_run || c.problems > 0, path, hash,
                                      store_problem, &c, &err);
            if (n < 0)
                status = cli_fail(&err);
        }
        free(rows);
        free(index);
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
