/* Target indicators: reading them with their targets and values, and setting a value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/store_targets.h"

static void copy_text(sqlite3_stmt *s, int i, char *dst, size_t size)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    snprintf(dst, size, "%s", t != NULL ? (const char *)t : "");
}

/* The targets and values of r, by year. */
static int indicator_series(struct store *st, struct indicator_row *r, struct td_err *err)
{
    static const char targets[] = "SELECT year, low, high FROM indicator_target"
                                  " WHERE indicator_id = ?1 ORDER BY year";
    static const char values[] = "SELECT year, value, is_demo FROM indicator_value"
                                 " WHERE indicator_id = ?1 ORDER BY year";
    sqlite3_stmt *s = store_stmt(st, targets, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, r->id);
    while (sqlite3_step(s) == SQLITE_ROW && r->ntargets < INDICATOR_TARGETS) {
        r->targets[r->ntargets].year = sqlite3_column_int(s, 0);
        r->targets[r->ntargets].low = sqlite3_column_double(s, 1);
        r->targets[r->ntargets].high = sqlite3_column_double(s, 2);
        r->ntargets++;
    }
    sqlite3_reset(s);
    if ((s = store_stmt(st, values, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, r->id);
    while (sqlite3_step(s) == SQLITE_ROW && r->nvalues < INDICATOR_VALUES) {
        r->values[r->nvalues].year = sqlite3_column_int(s, 0);
        r->values[r->nvalues].value = sqlite3_column_double(s, 1);
        r->values[r->nvalues].demo = sqlite3_column_int(s, 2) != 0;
        r->nvalues++;
    }
    sqlite3_reset(s);
    return 0;
}

int store_indicator_each(struct store *st, int (*fn)(void *ctx, const struct indicator_row *r),
                         void *ctx, struct td_err *err)
{
    static const char list[] =
        "SELECT i.id, i.version, i.code, i.name, i.measure_unit, coalesce(u.code, ''), i.kind,"
        " i.direction, i.baseline_year, i.baseline_value, i.baseline_is_demo, i.short_name"
        " FROM indicator i LEFT JOIN unit u ON u.id = i.owner_unit_id WHERE i.active = 1"
        " ORDER BY i.sort_order, i.code";
    sqlite3_stmt *s = store_stmt(st, list, err);
    if (s == NULL)
        return -1;
    struct indicator_row *r = malloc(sizeof *r);
    if (r == NULL) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        memset(r, 0, sizeof *r);
        r->id = (long)sqlite3_column_int64(s, 0);
        r->version = (long)sqlite3_column_int64(s, 1);
        copy_text(s, 2, r->code, sizeof r->code);
        copy_text(s, 3, r->name, sizeof r->name);
        copy_text(s, 4, r->measure_unit, sizeof r->measure_unit);
        copy_text(s, 5, r->owner, sizeof r->owner);
        r->kind =
            strcmp((const char *)sqlite3_column_text(s, 6), "growth") == 0 ? IND_GROWTH : IND_LEVEL;
        r->higher_is_better = strcmp((const char *)sqlite3_column_text(s, 7), "lower") != 0;
        r->has_baseline = sqlite3_column_type(s, 8) != SQLITE_NULL;
        r->baseline_year = sqlite3_column_int(s, 8);
        r->baseline_value = sqlite3_column_double(s, 9);
        r->baseline_demo = sqlite3_column_int(s, 10) != 0;
        copy_text(s, 11, r->short_name, sizeof r->short_name);
        stop = indicator_series(st, r, err) != 0 ? -1 : fn(ctx, r);
    }
    free(r);
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the indicators"), err);
}

STORE_COLLECTOR(indicator, struct indicator_row)
int store_indicator_list(struct store *st, struct indicator_row *out, int max, int *n,
                         struct td_err *err)
{
    struct indicator_into c = {out, max, 0};
    return store_collected(store_indicator_each(st, indicator_keep, &c, err), &c.n, max, n, err);
}

int store_indicator_value_set(struct store *st, long indicator_id, int year, bool clear,
                              double value, const double *was, struct td_err *err)
{
    static const char current[] = "SELECT value, updated_by FROM indicator_value"
                                  " WHERE indicator_id = ?1 AND year = ?2";
    static const char upsert[] =
        "INSERT INTO indicator_value (indicator_id, year, value, updated_by)"
        " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(indicator_id, year) DO UPDATE SET"
        " value = excluded.value, is_demo = 0, version = version + 1,"
        " updated_by = excluded.updated_by, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    static const char del[] = "DELETE FROM indicator_value WHERE indicator_id = ?1 AND year = ?2";
    static const char audit[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " VALUES (?1, 'indicator_value', ?2, ?3, CASE WHEN ?6 THEN json_object('indicator',"
        " (SELECT code FROM indicator WHERE id = ?2), 'year', ?4, 'value', ?7) END,"
        " json_object('indicator', (SELECT code FROM indicator WHERE id = ?2), 'year', ?4,"
        " 'value', ?5),"
        " " AUDIT_NEXT_CHANGE ")";
    static const char owner[] = "SELECT owner_unit_id FROM indicator WHERE id = ?1";
    sqlite3_stmt *o = store_stmt(st, owner, err);
    if (o == NULL)
        return -1;
    sqlite3_bind_int64(o, 1, indicator_id);
    long unit = sqlite3_step(o) == SQLITE_ROW ? (long)sqlite3_column_int64(o, 0) : 0;
    sqlite3_reset(o);
    char period[16], ends[16];
    snprintf(period, sizeof period, "%d", year);
    snprintf(ends, sizeof ends, "%04d-12-31", year);
    if ((unit != 0
             ? store_allow_unit(st, unit, _("enter indicator values"), err)
             : store_allow_admin(st, _("enter values of an indicator without a unit"), err)) != 0 ||
        store_allow_period(st, period, ends, err) != 0 || store_begin(st, err) != 0)
        return -1;
    /* Someone else may have saved this year since the screen read it. */
    sqlite3_stmt *s = store_stmt(st, current, err);
    if (s == NULL)
        goto fail;
    sqlite3_bind_int64(s, 1, indicator_id);
    sqlite3_bind_int(s, 2, year);
    int rc = sqlite3_step(s);
    bool had = rc == SQLITE_ROW;
    double stored = had ? sqlite3_column_double(s, 0) : 0;
    char who[64] = "";
    if (had)
        store_text_col(s, 1, who, sizeof who);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        store_fail(st, _("saving the value"), err);
        goto fail;
    }
    if (had != (was != NULL) || (had && stored != *was)) {
        if (had)
            td_err_set(err, TD_E_CONFLICT,
                       _("%s set %d to %g since you opened it; nothing was saved"), who, year,
                       stored);
        else
            td_err_set(err, TD_E_CONFLICT,
                       _("someone else cleared %d since you opened it; nothing was saved"), year);
        goto fail;
    }
    if ((clear && !had) || (!clear && had && stored == value)) {
        store_rollback(st); /* a change that changes nothing leaves no trace */
        return 0;
    }
    s = store_stmt(st, clear ? del : upsert, err);
    if (s == NULL)
        goto fail;
    sqlite3_bind_int64(s, 1, indicator_id);
    sqlite3_bind_int(s, 2, year);
    if (!clear) {
        sqlite3_bind_double(s, 3, value);
        sqlite3_bind_text(s, 4, st->user, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("saving the value"), err);
        goto fail;
    }
    if ((s = store_stmt(st, audit, err)) == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, indicator_id);
    sqlite3_bind_text(s, 3, clear ? "delete" : "set", -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 4, year);
    if (clear)
        sqlite3_bind_null(s, 5);
    else
        sqlite3_bind_double(s, 5, value);
    sqlite3_bind_int(s, 6, had);
    sqlite3_bind_double(s, 7, stored);
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("saving the value"), err);
        goto fail;
    }
    return store_commit(st, err);
fail:
    store_rollback(st);
    return -1;
}

void indicator_forecast(const struct indicator_row *r, int plan_start_year, double tolerance,
                        struct forecast_result *out)
{
    indicator_forecast_at(r, plan_start_year, tolerance, 0, out);
}

void indicator_forecast_at(const struct indicator_row *r, int plan_start_year, double tolerance,
                           int future_year, struct forecast_result *out)
{
    struct forecast_point pts[INDICATOR_VALUES + 1];
    int n = 0;
    if (r->kind == IND_LEVEL && r->has_baseline)
        pts[n++] = (struct forecast_point){r->baseline_year, r->baseline_value};
    for (int i = 0; i < r->nvalues; i++)
        pts[n++] = (struct forecast_point){r->values[i].year, r->values[i].value};
    memset(out, 0, sizeof *out);
    if (r->ntargets == 0)
        return;
    int first = plan_start_year;
    if (r->has_baseline && r->baseline_year + 1 > first)
        first = r->baseline_year + 1;
    int last = r->ntargets - 1;
    struct forecast_input in = {r->kind,
                                r->higher_is_better,
                                pts,
                                n,
                                first,
                                r->targets[last].year,
                                r->targets[last].low,
                                r->targets[last].high,
                                tolerance,
                                future_year};
    forecast(&in, out);
}
