/* CSV import of tasks: every row checked first, then all written or none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

struct report_to_ctx {
    void (*report)(void *ctx, int index, const char *msg);
    void *ctx;
};

static void report_to(void *ctx, int index, const char *msg)
{
    const struct report_to_ctx *r = ctx;
    r->report(r->ctx, index, msg);
}

struct code_at {
    const char *code;
    int at;
};

static int by_code_then_row(const void *a, const void *b)
{
    const struct code_at *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c != 0 ? c : (x->at > y->at) - (x->at < y->at);
}

/* Which rows repeat a code an earlier row has (by sorting, not by comparing every pair: the
 * benchmark imports 100,000 rows). NULL when out of memory. */
static bool *repeated_codes(const struct task_new *rows, int n)
{
    bool *again = calloc((size_t)n + 1, sizeof *again);
    struct code_at *order = malloc(((size_t)n + 1) * sizeof *order);
    if (again == NULL || order == NULL) {
        free(again);
        free(order);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        order[i] = (struct code_at){rows[i].code, i};
    qsort(order, (size_t)n, sizeof *order, by_code_then_row);
    for (int i = 1; i < n; i++)
        if (strcmp(order[i].code, order[i - 1].code) == 0)
            again[order[i].at] = true;
    free(order);
    return again;
}

static int import_rows(struct store *st, const struct task_new *rows, int n, bool dry_run,
                       void (*report)(void *ctx, int index, const char *msg), void *ctx,
                       struct td_err *err);

int store_task_import(struct store *st, const struct task_new *rows, int n, bool dry_run,
                      void (*report)(void *ctx, int index, const char *msg), void *ctx,
                      struct td_err *err)
{
    if (store_allow_admin(st, _("change the plan's tasks"), err) != 0)
        return -1;
    /* A large import in the default 2 MB page cache spills to the log again and again. */
    struct td_err ignored;
    if (n > 1000)
        store_exec(st, "PRAGMA cache_size = -65536", &ignored);
    int rc = import_rows(st, rows, n, dry_run, report, ctx, err);
    if (n > 1000)
        store_exec(st, "PRAGMA cache_size = -2000", &ignored);
    return rc;
}

static int import_rows(struct store *st, const struct task_new *rows, int n, bool dry_run,
                       void (*report)(void *ctx, int index, const char *msg), void *ctx,
                       struct td_err *err)
{
    if (store_begin(st, err) != 0)
        return -1;
    struct report_to_ctx to = {report, ctx};
    int problems = 0;
    long change = store_next_change(st, err);
    bool *again = change < 0 ? NULL : repeated_codes(rows, n);
    if (again == NULL) {
        if (change >= 0)
            td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
        goto fail;
    }
    for (int i = 0; i < n; i++) {
        int p = store_task_check_row(st, &rows[i], -1, report_to, &to, i, err);
        if (p < 0) {
            free(again);
            goto fail;
        }
        problems += p;
        if (again[i]) {
            char msg[200];
            snprintf(msg, sizeof msg, _("task %s comes twice in the file"), rows[i].code);
            report(ctx, i, msg), problems++;
        }
    }
    free(again);
    if (problems > 0 || dry_run) {
        store_rollback(st);
        return problems;
    }
    for (int i = 0; i < n; i++) {
        long id;
        if (store_task_insert_row(st, change, &rows[i], &id, err) != 0)
            goto fail;
    }
    return store_commit(st, err) == 0 ? 0 : -1;
fail:
    store_rollback(st);
    return -1;
}
