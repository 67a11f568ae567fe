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

int store_check(struct store *st, void (*report)(void *ctx, const char *msg), void *ctx,
                struct td_err *err)
{
    int problems = 0;
    char msg[1200];
    sqlite3_stmt *s = NULL;
    /* integrity_check does not look at foreign keys: foreign_key_check does. */
    if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "integrity_check", err);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(s, 0);
        if (line != NULL && strcmp(line, "ok") == 0)
            continue;
        snprintf(msg, sizeof msg, _("%s: integrity: %s"), st->path, line != NULL ? line : "?");
        report(ctx, msg);
        problems++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        snprintf(msg, sizeof msg, _("%s: integrity check failed: %s"), st->path,
                 sqlite3_errmsg(st->db));
        report(ctx, msg);
        return problems + 1;
    }
    if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "foreign_key_check", err);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        snprintf(msg, sizeof msg, _("%s: table %s row %lld refers to a missing row of %s"),
                 st->path, (const char *)sqlite3_column_text(s, 0),
                 (long long)sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2));
        report(ctx, msg);
        problems++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        snprintf(msg, sizeof msg, _("%s: foreign key check failed: %s"), st->path,
                 sqlite3_errmsg(st->db));
        report(ctx, msg);
        problems++;
    }
    return problems + check_plan(st, report, ctx);
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
