/* Reporting periods: which are locked, which reopened, and the period list for the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/date.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"

static bool period_reopened(struct store *st, const char *period)
{
    static const char sql[] = "SELECT open FROM period_open WHERE period = ?1";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    if (s == NULL)
        return false;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    bool open = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    return open;
}

bool store_period_writable(struct store *st, const char *period, const char *ends)
{
    td_date end;
    if (st->lock_after_days <= 0 || date_parse_iso(ends, &end) != 0)
        return true;
    return st->today <= end + st->lock_after_days || period_reopened(st, period);
}

void store_show_date(const struct store *st, const char *iso, char *out, size_t size)
{
    td_date d;
    if (date_parse_iso(iso, &d) == 0)
        date_format(d, st->date_format, out, size);
    else
        snprintf(out, size, "%s", iso);
}

int store_allow_period(struct store *st, const char *period, const char *ends, struct td_err *err)
{
    if (store_period_writable(st, period, ends))
        return 0;
    char real_end[16], end_shown[32], from_shown[32];
    store_period_ends(st, period, real_end, sizeof real_end);
    store_show_date(st, real_end, end_shown, sizeof end_shown);
    store_show_date(st, ends, from_shown, sizeof from_shown);
    if (strcmp(real_end, ends) == 0)
        return td_err_set(err, TD_E_DENIED,
                          _("period %s is locked: it ended on %s, more than %ld days ago; an admin "
                            "can reopen it (tiendo period open %s)"),
                          period, end_shown, st->lock_after_days, period);
    return td_err_set(err, TD_E_DENIED,
                      _("period %s is locked: it ended on %s and its report was due on %s, more "
                        "than %ld days ago; an admin can reopen it (tiendo period open %s)"),
                      period, end_shown, from_shown, st->lock_after_days, period);
}

int store_period_known(struct store *st, const char *period, struct td_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM plan WHERE ?1 GLOB '[0-9][0-9][0-9][0-9]'"
        "  AND CAST(?1 AS INTEGER) BETWEEN start_year AND end_year)"
        " + (SELECT count(*) FROM phase WHERE active = 1 AND code = ?1)"
        " + (SELECT count(*) FROM report WHERE deleted = 0 AND period = ?1),"
        " (SELECT start_year FROM plan), (SELECT end_year FROM plan),"
        " (SELECT group_concat(code, ', ') FROM (SELECT code FROM phase WHERE active = 1"
        "  ORDER BY sort_order, code))";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_reset(s);
        return store_fail(st, _("reading the plan's periods"), err);
    }
    long known = (long)sqlite3_column_int64(s, 0);
    long from = (long)sqlite3_column_int64(s, 1), to = (long)sqlite3_column_int64(s, 2);
    char phases[256];
    store_text_col(s, 3, phases, sizeof phases);
    sqlite3_reset(s);
    if (known > 0)
        return 0;
    return td_err_set(err, TD_E_USAGE,
                      _("period %s is not one of the plan's: a year from %ld to %ld, or a "
                        "phase (%s)"),
                      period, from, to, phases[0] != '\0' ? phases : "-");
}

void store_period_ends(struct store *st, const char *period, char *ends, size_t size)
{
    static const char sql[] = "SELECT end_year FROM phase WHERE code = ?1";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    long year = 0;
    if (s != NULL) {
        sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s) == SQLITE_ROW)
            year = (long)sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
    }
    if (year == 0) { /* a year, or "2021-2025": its last year */
        const char *last = strrchr(period, '-');
        year = strtol(last != NULL ? last + 1 : period, NULL, 10);
    }
    snprintf(ends, size, "%04ld-12-31", year);
}

long store_lock_after_days(const struct store *st)
{
    return st->lock_after_days;
}

int store_period_each(struct store *st, int (*fn)(void *ctx, const struct period_row *r), void *ctx,
                      struct td_err *err)
{
    static const char sql[] =
        "WITH RECURSIVE y(v) AS (SELECT start_year FROM plan UNION ALL SELECT v + 1 FROM y, plan"
        " WHERE v < plan.end_year),"
        " p(k, period, name, ends) AS (SELECT 0, CAST(v AS TEXT), '', printf('%04d-12-31', v)"
        " FROM y UNION ALL SELECT 1 + sort_order, code, name, printf('%04d-12-31', end_year)"
        " FROM phase WHERE active = 1)"
        " SELECT p.period, p.name, p.ends, coalesce(o.open, 0), coalesce(o.updated_by, ''),"
        " coalesce(o.updated_at, '') FROM p LEFT JOIN period_open o ON o.period = p.period"
        " ORDER BY p.k, p.ends";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct period_row row, *r = &row;
        memset(r, 0, sizeof *r);
        store_text_col(s, 0, r->period, sizeof r->period);
        store_text_col(s, 1, r->name, sizeof r->name);
        store_text_col(s, 2, r->ends, sizeof r->ends);
        r->reopened = sqlite3_column_int(s, 3) != 0;
        store_text_col(s, 4, r->by, sizeof r->by);
        store_text_col(s, 5, r->at, sizeof r->at);
        td_date end;
        r->locked = st->lock_after_days > 0 && date_parse_iso(r->ends, &end) == 0 &&
                    st->today > end + st->lock_after_days && !r->reopened;
        stop = fn(ctx, r);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the periods"), err);
}

STORE_COLLECTOR(period, struct period_row)
int store_period_list(struct store *st, struct period_row *out, int max, int *n, struct td_err *err)
{
    struct period_into c = {out, max, 0};
    return store_collected(store_period_each(st, period_keep, &c, err), &c.n, max, n, err);
}

int store_period_set_open(struct store *st, const char *period, bool open, struct td_err *err)
{
    static const char upsert[] =
        "INSERT INTO period_open (period, open, updated_by) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (period) DO UPDATE SET open = excluded.open, version = version + 1,"
        " updated_by = excluded.updated_by, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    static const char audit[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?2, 'period_open', id, ?3, json_object('period', period, 'open', ?4 = 'open'),"
        " json_object('period', period, 'open', open),"
        " " AUDIT_NEXT_CHANGE " FROM period_open WHERE id = ?1";
    static const char id_sql[] = "SELECT id FROM period_open WHERE period = ?1";
    if (store_allow_admin(st, _("reopen a period"), err) != 0 ||
        store_period_known(st, period, err) != 0)
        return -1;
    if (store_begin(st, err) != 0)
        return -1;
    bool was_open = period_reopened(st, period);
    sqlite3_stmt *s = store_stmt(st, upsert, err);
    if (s == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, open);
    sqlite3_bind_text(s, 3, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("reopening the period"), err);
        goto fail;
    }
    if ((s = store_stmt(st, id_sql, err)) == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    long id = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    /* Before: open when it had been reopened and not closed again. */
    if (store_audit(st, audit, id, open ? "open" : "close", was_open ? "open" : "closed",
                    _("reopening the period"), err) != 0)
        goto fail;
    return store_commit(st, err);
fail:
    store_rollback(st);
    return -1;
}
