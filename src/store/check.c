/* Database health: integrity and foreign keys; the main menu's summary; row counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"

/* A database that init left without its plan (an init that failed or was killed before it
 * built its databases whole) works as an empty one: say so. */
static int check_plan(struct store *st, void (*report)(void *ctx, const char *msg), void *ctx)
{
    static const char sql[] = "SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM phase),"
                              " (SELECT count(*) FROM unit)";
    char msg[1200];
    sqlite3_stmt *s = NULL;
    int problems = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        snprintf(msg, sizeof msg, _("%s: reading the plan failed: %s"), st->path,
                 sqlite3_errmsg(st->db));
        report(ctx, msg);
        problems++;
    } else if (sqlite3_column_int64(s, 0) == 0) {
        snprintf(msg, sizeof msg,
                 _("%s: no plan: the database has its tables but no plan (an init that did not "
                   "finish); run: tiendo init"),
                 st->path);
        report(ctx, msg);
        problems++;
    } else if (sqlite3_column_int64(s, 1) == 0 || sqlite3_column_int64(s, 2) == 0) {
        snprintf(msg, sizeof msg,
                 _("%s: half-made plan: the plan has no phases or no units (an init that did not "
                   "finish); run: tiendo init"),
                 st->path);
        report(ctx, msg);
        problems++;
    }
    sqlite3_finalize(s);
    return problems;
}

/* What `check` reads without --full on a database larger than this: the file is read page by
 * page only when it is small (quick_check reads about 50-100 MiB a second here). */
#define CHECK_WHOLE_BYTES (32LL * 1024 * 1024)

static long long db_bytes(struct store *st)
{
    sqlite3_stmt *s = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                           -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* Runs an integrity pragma (or a query of the same shape: one text column, "ok" when well);
 * reports each other line. Returns the problems, counting a pragma that could not run. */
static int run_integrity(struct store *st, const char *sql,
                         void (*report)(void *ctx, const char *msg), void *ctx)
{
    char msg[1200];
    sqlite3_stmt *s = NULL;
    int problems = 0, rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            const char *line = (const char *)sqlite3_column_text(s, 0);
            if (line != NULL && strcmp(line, "ok") == 0)
                continue;
            snprintf(msg, sizeof msg, _("%s: integrity: %s"), st->path, line != NULL ? line : "?");
            report(ctx, msg);
            problems++;
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        snprintf(msg, sizeof msg, _("%s: integrity check failed: %s"), st->path,
                 sqlite3_errmsg(st->db));
        report(ctx, msg);
        problems++;
    }
    return problems;
}

/* Runs a foreign-key query (table, row id, parent table per row); reports each row. */
static int run_fk(struct store *st, const char *sql, void (*report)(void *ctx, const char *msg),
                  void *ctx)
{
    char msg[1200];
    sqlite3_stmt *s = NULL;
    int problems = 0, rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            snprintf(msg, sizeof msg, _("%s: table %s row %lld refers to a missing row of %s"),
                     st->path, (const char *)sqlite3_column_text(s, 0),
                     (long long)sqlite3_column_int64(s, 1),
                     (const char *)sqlite3_column_text(s, 2));
            report(ctx, msg);
            problems++;
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        snprintf(msg, sizeof msg, _("%s: foreign key check failed: %s"), st->path,
                 sqlite3_errmsg(st->db));
        report(ctx, msg);
        problems++;
    }
    return problems;
}

/* The tables that grow with the data (and task_fts's own): on a large database the default
 * check reads every other table page by page, and only the newest rows of these. */
#define GROWING                                                                                    \
    "('task', 'task_unit', 'progress_update', 'audit_log', 'task_fts', 'task_fts_data',"           \
    " 'task_fts_idx', 'task_fts_docsize', 'task_fts_config')"

/* The other tables: quick_check and foreign_key_check of each (names from sqlite_schema, quoted
 * by SQLite itself). */
static int check_small_tables(struct store *st, void (*report)(void *ctx, const char *msg),
                              void *ctx)
{
    static const char sql[] = "SELECT 'PRAGMA quick_check(' || quote(name) || ')',"
                              " 'PRAGMA foreign_key_check(' || quote(name) || ')'"
                              " FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE"
                              " 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                              " AND name NOT IN " GROWING " ORDER BY name";
    sqlite3_stmt *s = NULL;
    int problems = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        char msg[1200];
        snprintf(msg, sizeof msg, _("%s: integrity check failed: %s"), st->path,
                 sqlite3_errmsg(st->db));
        report(ctx, msg);
        return 1;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
        char quick[512], fk[512];
        snprintf(quick, sizeof quick, "%s", (const char *)sqlite3_column_text(s, 0));
        snprintf(fk, sizeof fk, "%s", (const char *)sqlite3_column_text(s, 1));
        problems += run_integrity(st, quick, report, ctx);
        problems += run_fk(st, fk, report, ctx);
    }
    sqlite3_finalize(s);
    return problems;
}

/* The foreign keys of the newest rows of the growing tables (the last RECENT of each). */
static int check_recent_rows(struct store *st, void (*report)(void *ctx, const char *msg),
                             void *ctx)
{
    static const char sql[] =
        "WITH t AS (SELECT id, lead_unit_id, group_id, phase_id FROM task ORDER BY id DESC"
        " LIMIT 1000), p AS (SELECT id, task_id FROM progress_update ORDER BY id DESC LIMIT 1000)"
        " SELECT 'task', id, 'unit' FROM t WHERE NOT EXISTS"
        " (SELECT 1 FROM unit WHERE unit.id = t.lead_unit_id)"
        " UNION ALL SELECT 'task', id, 'vocab' FROM t WHERE group_id IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM vocab WHERE vocab.id = t.group_id)"
        " UNION ALL SELECT 'task', id, 'phase' FROM t WHERE phase_id IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM phase WHERE phase.id = t.phase_id)"
        " UNION ALL SELECT 'progress_update', id, 'task' FROM p WHERE NOT EXISTS"
        " (SELECT 1 FROM task WHERE task.id = p.task_id)"
        " UNION ALL SELECT 'task_unit', tu.task_id, CASE WHEN NOT EXISTS (SELECT 1 FROM task"
        " WHERE task.id = tu.task_id) THEN 'task' ELSE 'unit' END FROM task_unit tu"
        " WHERE tu.task_id > (SELECT coalesce(max(id), 0) - 1000 FROM task) AND"
        " (NOT EXISTS (SELECT 1 FROM task WHERE task.id = tu.task_id)"
        " OR NOT EXISTS (SELECT 1 FROM unit WHERE unit.id = tu.unit_id))";
    return run_fk(st, sql, report, ctx);
}

int store_check(struct store *st, void (*report)(void *ctx, const char *msg), void *ctx,
                struct td_err *err)
{
    return store_check_mode(st, true, report, ctx, err);
}

int store_check_mode(struct store *st, bool full, void (*report)(void *ctx, const char *msg),
                     void *ctx, struct td_err *err)
{
    (void)err;
    long long bytes = db_bytes(st);
    int problems = 0;
    if (full) {
        /* integrity_check does not look at foreign keys: foreign_key_check does. */
        problems += run_integrity(st, "PRAGMA integrity_check", report, ctx);
        problems += run_fk(st, "PRAGMA foreign_key_check", report, ctx);
    } else if (bytes >= 0 && bytes <= CHECK_WHOLE_BYTES) {
        problems += run_integrity(st, "PRAGMA quick_check", report, ctx);
        problems += run_fk(st, "PRAGMA foreign_key_check", report, ctx);
    } else {
        problems += check_small_tables(st, report, ctx);
        problems += check_recent_rows(st, report, ctx);
    }
    return problems + check_plan(st, report, ctx);
}

bool store_check_was_partial(struct store *st)
{
    long long bytes = db_bytes(st);
    return bytes < 0 || bytes > CHECK_WHOLE_BYTES;
}

static char *col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t != NULL ? strdup((const char *)t) : NULL;
}

int store_summary(struct store *st, int year, struct store_summary *out, struct td_err *err)
{
    static const char sql[] =
        "SELECT p.code, p.title, p.short_title, p.start_year, p.end_year,"
        " (SELECT name FROM phase WHERE active = 1 AND ?1 BETWEEN start_year AND end_year"
        "  ORDER BY sort_order LIMIT 1),"
        " (SELECT count(*) FROM task WHERE deleted = 0),"
        " (SELECT count(*) FROM unit WHERE active = 1),"
        " (SELECT count(*) FROM criterion WHERE active = 1),"
        " (SELECT count(*) FROM indicator WHERE active = 1),"
        " (SELECT count(*) FROM task WHERE is_demo = 1 AND deleted = 0)"
        "  + (SELECT count(*) FROM indicator_value WHERE is_demo = 1)"
        " FROM plan p WHERE p.id = 1";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int(s, 1, year);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->plan_code = col_dup(s, 0);
        out->plan_title = col_dup(s, 1);
        out->plan_short_title = col_dup(s, 2);
        out->start_year = sqlite3_column_int64(s, 3);
        out->end_year = sqlite3_column_int64(s, 4);
        out->phase_name = col_dup(s, 5);
        out->tasks = sqlite3_column_int64(s, 6);
        out->units = sqlite3_column_int64(s, 7);
        out->criteria = sqlite3_column_int64(s, 8);
        out->indicators = sqlite3_column_int64(s, 9);
        out->demo_rows = sqlite3_column_int64(s, 10);
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return td_err_set(err, TD_E_NOTFOUND,
                          _("%s: the database holds no plan yet; run: tiendo init"), st->path);
    return rc == SQLITE_ROW ? 0 : store_fail(st, _("reading the summary"), err);
}

void store_summary_free(struct store_summary *s)
{
    free(s->plan_code);
    free(s->plan_title);
    free(s->plan_short_title);
    free(s->phase_name);
    memset(s, 0, sizeof *s);
}

long store_count(struct store *st, const char *table, bool active_only)
{
    /* Table names come from this list only, never from the caller's text. */
    static const struct {
        const char *name, *all, *active;
    } tables[] = {
        {"phase", "SELECT count(*) FROM phase", "SELECT count(*) FROM phase WHERE active = 1"},
        {"unit", "SELECT count(*) FROM unit", "SELECT count(*) FROM unit WHERE active = 1"},
        {"criterion", "SELECT count(*) FROM criterion",
         "SELECT count(*) FROM criterion WHERE active = 1"},
        {"vocab", "SELECT count(*) FROM vocab", "SELECT count(*) FROM vocab WHERE active = 1"},
        {"report_rule", "SELECT count(*) FROM report_rule",
         "SELECT count(*) FROM report_rule WHERE active = 1"},
        {"indicator", "SELECT count(*) FROM indicator",
         "SELECT count(*) FROM indicator WHERE active = 1"},
        {"indicator_target", "SELECT count(*) FROM indicator_target",
         "SELECT count(*) FROM indicator_target"},
        {"indicator_value", "SELECT count(*) FROM indicator_value",
         "SELECT count(*) FROM indicator_value"},
        {"task", "SELECT count(*) FROM task", "SELECT count(*) FROM task WHERE deleted = 0"},
        {"progress_update", "SELECT count(*) FROM progress_update",
         "SELECT count(*) FROM progress_update"},
        {"evaluation", "SELECT count(*) FROM evaluation", "SELECT count(*) FROM evaluation"},
        {"meeting", "SELECT count(*) FROM meeting",
         "SELECT count(*) FROM meeting WHERE deleted = 0"},
        {"activity", "SELECT count(*) FROM activity",
         "SELECT count(*) FROM activity WHERE deleted = 0"},
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (strcmp(tables[i].name, table) != 0)
            continue;
        struct td_err ignored;
        sqlite3_stmt *s = store_stmt(st, active_only ? tables[i].active : tables[i].all, &ignored);
        if (s == NULL)
            return -1;
        long n = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
        sqlite3_reset(s);
        return n;
    }
    return -1;
}
