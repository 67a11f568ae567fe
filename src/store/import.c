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

/* The schema objects the bulk path sets aside while it writes, by name and SQL (from
 * sqlite_schema), to create them again after the rows. */
struct aside {
    char *name[32], *sql[32];
    bool trigger[32];
    int n;
};

static void aside_free(struct aside *a)
{
    for (int i = 0; i < a->n; i++) {
        sqlite3_free(a->name[i]);
        sqlite3_free(a->sql[i]);
    }
    a->n = 0;
}

/* Drops what the bulk path does without: the triggers that keep task_tally and task_fts in step
 * a row at a time (each makes every INSERT keep a statement journal), and, when the task table
 * is empty, the indexes of task and task_unit, which CREATE INDEX builds faster from sorted
 * rows than the inserts would keep them. Inside the import's transaction: another session sees
 * them gone never, a crash or a rollback brings them back. */
static int set_aside(struct store *st, bool indexes, struct aside *a, struct td_err *err)
{
    static const char sql[] =
        "SELECT name, sql, type = 'trigger' FROM sqlite_schema WHERE sql IS NOT NULL AND"
        " ((type = 'trigger' AND name IN ('task_fts_insert', 'task_tally_insert')) OR"
        " (?1 AND type = 'index' AND tbl_name IN ('task', 'task_unit'))) ORDER BY type, name";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int(s, 1, indexes);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && a->n < 32) {
        a->name[a->n] = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(s, 0));
        a->sql[a->n] = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(s, 1));
        a->trigger[a->n] = sqlite3_column_int(s, 2) != 0;
        a->n++;
        if (a->name[a->n - 1] == NULL || a->sql[a->n - 1] == NULL) {
            sqlite3_reset(s);
            return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
        }
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(st, _("importing"), err);
    for (int i = 0; i < a->n; i++) {
        char *drop = sqlite3_mprintf(a->trigger[i] ? "DROP TRIGGER \"%w\"" : "DROP INDEX \"%w\"",
                                     a->name[i]);
        if (drop == NULL)
            return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
        int failed = store_exec(st, drop, err);
        sqlite3_free(drop);
        if (failed != 0)
            return -1;
    }
    return 0;
}

static int put_back(struct store *st, const struct aside *a, struct td_err *err)
{
    for (int i = 0; i < a->n; i++)
        if (store_exec(st, a->sql[i], err) != 0)
            return -1;
    return 0;
}

/* Runs sql, which takes ?1 (and ?2, ?3, when given), to its end. */
static int run3(struct store *st, const char *sql, long a, long b, long c, struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, a);
    if (sqlite3_bind_parameter_count(s) >= 2)
        sqlite3_bind_int64(s, 2, b);
    if (sqlite3_bind_parameter_count(s) >= 3)
        sqlite3_bind_int64(s, 3, c);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("importing"), err);
}

/* The checked rows into the task table, in the caller's transaction: prepared statements, the
 * per-row triggers set aside (and the indexes, into an empty table), then task_tally and
 * task_fts brought up to date for all the new rows at once, and one audit row for the import. */
static int bulk_insert(struct store *st, long change, const struct task_new *rows, int n,
                       const char *source, const char *checksum, struct td_err *err)
{
    static const char before_sql[] =
        "SELECT coalesce(max(id), 0), NOT EXISTS (SELECT 1 FROM task) FROM task";
    static const char after_sql[] = "SELECT count(*), coalesce(min(id), 0), coalesce(max(id), 0)"
                                    " FROM task WHERE id > ?1";
    /* What task_tally_insert and task_fts_insert do a row at a time (schema.c, migration 8). */
    static const char tally_sql[] =
        "INSERT INTO task_tally SELECT lead_unit_id, status, coalesce(phase_id, 0),"
        " coalesce(group_id, 0), count(*) FROM task WHERE id BETWEEN ?1 AND ?2 AND deleted = 0"
        " GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n";
    static const char fts_sql[] = "INSERT INTO task_fts (rowid, search) SELECT id, search FROM task"
                                  " WHERE id BETWEEN ?1 AND ?2 AND search IS NOT NULL";
    static const char audit_sql[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " VALUES (?1, 'task', NULL, 'import', NULL, json_object('file', ?2, 'fnv1a', ?3,"
        " 'rows', ?4, 'first_id', ?5, 'last_id', ?6), ?7)";
    sqlite3_stmt *s = store_stmt(st, before_sql, err);
    if (s == NULL)
        return -1;
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_reset(s);
        return store_fail(st, _("importing"), err);
    }
    long before = (long)sqlite3_column_int64(s, 0);
    bool empty = sqlite3_column_int(s, 1) != 0;
    sqlite3_reset(s);
    struct aside a = {0};
    int rc = set_aside(st, empty, &a, err);
    for (int i = 0; rc == 0 && i < n; i++) {
        long id;
        rc = store_task_insert_fields(st, &rows[i], &id, err);
    }
    long first = 0, last = 0;
    if (rc == 0 && (s = store_stmt(st, after_sql, err)) != NULL) {
        long count = 0;
        sqlite3_bind_int64(s, 1, before);
        if (sqlite3_step(s) == SQLITE_ROW) {
            count = (long)sqlite3_column_int64(s, 0);
            first = (long)sqlite3_column_int64(s, 1);
            last = (long)sqlite3_column_int64(s, 2);
        }
        sqlite3_reset(s);
        /* Undo finds the import's tasks by their ids: they must be the n after the last. */
        if (count != n || last - first + 1 != n)
            rc = td_err_set(err, TD_E_DB, _("importing: the new tasks did not get ids in a row"));
    } else if (rc == 0) {
        rc = -1;
    }
    if (rc == 0)
        rc = run3(st, tally_sql, first, last, 0, err);
    /* FTS5 writes a segment each time its pending terms pass hashsize (1 MiB), and merges
     * them: 100,000 titles' trigrams go in 40% faster in one. Back to the default after. */
    if (rc == 0 && n > 1000)
        rc = store_exec(st, "INSERT INTO task_fts (task_fts, rank) VALUES ('hashsize', 67108864)",
                        err);
    if (rc == 0)
        rc = run3(st, fts_sql, first, last, 0, err);
    if (rc == 0 && n > 1000)
        rc = store_exec(st, "INSERT INTO task_fts (task_fts, rank) VALUES ('hashsize', 1048576)",
                        err);
    if (rc == 0)
        rc = put_back(st, &a, err);
    aside_free(&a);
    if (rc != 0 || (s = store_stmt(st, audit_sql, err)) == NULL)
        return -1;
    sqlite3_bind_text(s, 1, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, source != NULL ? source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, checksum != NULL ? checksum : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 4, n);
    sqlite3_bind_int64(s, 5, first);
    sqlite3_bind_int64(s, 6, last);
    sqlite3_bind_int64(s, 7, change);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : store_fail(st, _("importing"), err);
}

static int import_rows(struct store *st, const struct task_new *rows, int n, bool dry_run,
                       const char *source, const char *checksum,
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
    /* Every row is checked before one is written: the same messages as a task added alone. */
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
    if (problems > 0 || dry_run || n == 0) {
        store_rollback(st);
        return problems;
    }
    if (bulk_insert(st, change, rows, n, source, checksum, err) != 0)
        goto fail;
    return store_commit(st, err) == 0 ? 0 : -1;
fail:
    store_rollback(st);
    return -1;
}

int store_task_import(struct store *st, const struct task_new *rows, int n, bool dry_run,
                      const char *source, const char *checksum,
                      void (*report)(void *ctx, int index, const char *msg), void *ctx,
                      struct td_err *err)
{
    if (store_allow_admin(st, _("change the plan's tasks"), err) != 0)
        return -1;
    /* A large import in a small page cache spills to the log again and again, and CREATE
     * INDEX sorts in it: 64 MiB while it runs, then the connection's own size again. */
    long cache = 0;
    sqlite3_stmt *s = n > 1000 ? store_stmt(st, "PRAGMA cache_size", err) : NULL;
    if (s != NULL && sqlite3_step(s) == SQLITE_ROW)
        cache = (long)sqlite3_column_int64(s, 0);
    if (s != NULL)
        sqlite3_reset(s);
    struct td_err ignored;
    if (cache != 0 && (cache > 0 ? cache * 4 : -cache) < 65536)
        store_exec(st, "PRAGMA cache_size = -65536", &ignored);
    else
        cache = 0; /* large enough already */
    int rc = import_rows(st, rows, n, dry_run, source, checksum, report, ctx, err);
    if (cache != 0) {
        char pragma[48];
        snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %ld", cache);
        store_exec(st, pragma, &ignored);
    }
    return rc;
}

int store_task_import_undo(struct store *st, long change, char *what, size_t what_size,
                           struct td_err *err)
{
    static const char find[] =
        "SELECT json_extract(new_values, '$.first_id'), json_extract(new_values, '$.last_id'),"
        " json_extract(new_values, '$.rows'), json_extract(new_values, '$.file') FROM audit_log"
        " WHERE change_id = ?1 AND tbl = 'task' AND action = 'import' LIMIT 1";
    /* Changed since, as store_undo_last judges one task: a later change of it that is not
     * undone (by anyone), or a version that moved on without any change being undone. */
    static const char changed[] =
        "SELECT t.code, coalesce((SELECT b.login FROM audit_log b WHERE b.tbl = 'task'"
        " AND b.row_id = t.id AND b.undone = 0 ORDER BY b.id DESC LIMIT 1), t.updated_by)"
        " FROM task t WHERE t.id BETWEEN ?1 AND ?2 AND (t.deleted <> 0 OR EXISTS (SELECT 1"
        " FROM audit_log b WHERE b.tbl = 'task' AND b.row_id = t.id AND b.undone = 0)"
        " OR (t.version <> 1 AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.tbl = 'task'"
        " AND b.row_id = t.id AND b.undone = 1))) ORDER BY t.id LIMIT 1";
    static const char take_out[] =
        "UPDATE task SET deleted = 1, version = version + 1, updated_by = ?3,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id BETWEEN ?1 AND ?2"
        " AND deleted = 0";
    sqlite3_stmt *s = store_stmt(st, find, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, change);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? 0 : store_fail(st, _("undoing"), err);
    }
    long first = (long)sqlite3_column_int64(s, 0), last = (long)sqlite3_column_int64(s, 1);
    int rows = sqlite3_column_int(s, 2);
    char file[256];
    store_text_col(s, 3, file, sizeof file);
    sqlite3_reset(s);
    if ((s = store_stmt(st, changed, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, first);
    sqlite3_bind_int64(s, 2, last);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        char code[128], who[128];
        store_text_col(s, 0, code, sizeof code);
        store_text_col(s, 1, who, sizeof who);
        sqlite3_reset(s);
        return td_err_set(err, TD_E_CONFLICT,
                          _("cannot undo: %s changed task %s since; nothing was undone"),
                          who[0] != '\0' ? who : "?", code);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return store_fail(st, _("undoing"), err);
    if ((s = store_stmt(st, take_out, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, first);
    sqlite3_bind_int64(s, 2, last);
    sqlite3_bind_text(s, 3, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, _("undoing"), err);
    snprintf(what, what_size,
             ngettext("the import of %d task from %s", "the import of %d tasks from %s",
                      (unsigned long)rows),
             rows, file);
    return 1;
}
