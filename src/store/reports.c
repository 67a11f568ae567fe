/* Report instances from the rules, and reading them back. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/schedule.h"
#include "tiendo/store_reports.h"

#define INSTANCES_MAX 200

int store_sync_reports(struct store *st, td_date today, struct td_err *err)
{
    static const char rules[] =
        "SELECT id, kind, title, covers, coalesce(due_month, 0), coalesce(due_day, 0),"
        " due_year_offset, coalesce(first_year, 0), coalesce(last_year, 0),"
        " coalesce(due_date, '') FROM report_rule WHERE active = 1 AND kind <> 'adhoc'";
    static const char upsert[] =
        "INSERT INTO report (rule_id, period, title, due_date, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(rule_id, period) DO UPDATE SET"
        " title = excluded.title, due_date = excluded.due_date, deleted = 0,"
        " version = version + 1, updated_by = excluded.updated_by,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE report.due_date >= ?6 AND (report.due_date IS NOT excluded.due_date"
        " OR report.title IS NOT excluded.title OR report.deleted = 1)";
    static const char stale[] =
        "SELECT id, period FROM report WHERE rule_id = ?1 AND deleted = 0 AND due_date >= ?2";
    static const char set_aside[] = "UPDATE report SET deleted = 1, version = version + 1"
                                    " WHERE id = ?1";
    char today_iso[11];
    date_format_iso(today, today_iso);
    if (store_begin(st, err) != 0)
        return -1;
    int changed = 0;
    struct {
        long id;
        struct report_rule_def def;
        char title[256], covers[64], due[11], kind[16];
    } r[64];
    int nrules = 0;
    sqlite3_stmt *s = store_stmt(st, rules, err);
    if (s == NULL)
        goto fail;
    while (sqlite3_step(s) == SQLITE_ROW && nrules < 64) {
        r[nrules].id = (long)sqlite3_column_int64(s, 0);
        snprintf(r[nrules].kind, sizeof r[0].kind, "%s", sqlite3_column_text(s, 1));
        snprintf(r[nrules].title, sizeof r[0].title, "%s", sqlite3_column_text(s, 2));
        snprintf(r[nrules].covers, sizeof r[0].covers, "%s", sqlite3_column_text(s, 3));
        snprintf(r[nrules].due, sizeof r[0].due, "%s", sqlite3_column_text(s, 9));
        struct report_rule_def *d = &r[nrules].def;
        memset(d, 0, sizeof *d);
        d->kind = strcmp(r[nrules].kind, "annual") == 0 ? RULE_ANNUAL : RULE_ONEOFF;
        d->due_month = sqlite3_column_int(s, 4);
        d->due_day = sqlite3_column_int(s, 5);
        d->due_year_offset = sqlite3_column_int(s, 6);
        d->first_year = sqlite3_column_int(s, 7);
        d->last_year = sqlite3_column_int(s, 8);
        nrules++;
    }
    sqlite3_reset(s);
    for (int i = 0; i < nrules; i++) {
        r[i].def.covers = r[i].covers;
        if (r[i].def.kind == RULE_ONEOFF && date_parse_iso(r[i].due, &r[i].def.due_date) != 0)
            continue;
        struct report_instance inst[INSTANCES_MAX];
        int n = schedule_expand(&r[i].def, inst, INSTANCES_MAX);
        for (int k = 0; k < n; k++) {
            char due[11], title[300];
            date_format_iso(inst[k].due, due);
            if (r[i].def.kind == RULE_ANNUAL)
                snprintf(title, sizeof title, "%s %s", r[i].title, inst[k].period);
            else
                snprintf(title, sizeof title, "%s", r[i].title);
            if ((s = store_stmt(st, upsert, err)) == NULL)
                goto fail;
            sqlite3_bind_int64(s, 1, r[i].id);
            sqlite3_bind_text(s, 2, inst[k].period, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 3, title, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 4, due, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 5, st->user, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 6, today_iso, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(s) != SQLITE_DONE) {
                store_fail(st, _("saving the report calendar"), err);
                goto fail;
            }
            changed += sqlite3_changes(st->db);
        }
        /* Instances to come that the rule no longer makes are set aside, not deleted. */
        if ((s = store_stmt(st, stale, err)) == NULL)
            goto fail;
        sqlite3_bind_int64(s, 1, r[i].id);
        sqlite3_bind_text(s, 2, today_iso, -1, SQLITE_TRANSIENT);
        long gone[INSTANCES_MAX];
        int ngone = 0;
        while (sqlite3_step(s) == SQLITE_ROW && ngone < INSTANCES_MAX) {
            const char *period = (const char *)sqlite3_column_text(s, 1);
            bool wanted = false;
            for (int k = 0; k < n; k++)
                wanted = wanted || strcmp(inst[k].period, period) == 0;
            if (!wanted)
                gone[ngone++] = (long)sqlite3_column_int64(s, 0);
        }
        sqlite3_reset(s);
        for (int g = 0; g < ngone; g++) {
            if ((s = store_stmt(st, set_aside, err)) == NULL)
                goto fail;
            sqlite3_bind_int64(s, 1, gone[g]);
            if (sqlite3_step(s) != SQLITE_DONE) {
                store_fail(st, _("saving the report calendar"), err);
                goto fail;
            }
            changed++;
        }
    }
    if (store_commit(st, err) != 0)
        return -1;
    return changed;
fail:
    store_rollback(st);
    return -1;
}

int store_report_each(struct store *st,
                      int (*row)(void *ctx, const char *rule, const char *title, const char *period,
                                 const char *due, const char *units),
                      void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT coalesce(r2.code, 'adhoc'), r.title, r.period, r.due_date, coalesce(r2.units,"
        " 'all') FROM report r LEFT JOIN report_rule r2 ON r2.id = r.rule_id"
        " WHERE r.deleted = 0 ORDER BY r.due_date, r.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (row(ctx, (const char *)sqlite3_column_text(s, 0),
                (const char *)sqlite3_column_text(s, 1), (const char *)sqlite3_column_text(s, 2),
                (const char *)sqlite3_column_text(s, 3),
                (const char *)sqlite3_column_text(s, 4)) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the report calendar"), err);
}
