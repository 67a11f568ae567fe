/* Units and vocabularies: the unit list, per-unit statistics and the choice lists of forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

int store_unit_each(struct store *st, int (*fn)(void *ctx, const struct unit_choice *u), void *ctx,
                    struct td_err *err)
{
    static const char sql[] =
        "SELECT id, code, name FROM unit WHERE active = 1 ORDER BY sort_order, code";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct unit_choice u = {.id = (long)sqlite3_column_int64(s, 0)};
        store_text_col(s, 1, u.code, sizeof u.code);
        store_text_col(s, 2, u.name, sizeof u.name);
        stop = fn(ctx, &u);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading units"), err);
}

STORE_COLLECTOR(unit, struct unit_choice)
int store_unit_list(struct store *st, struct unit_choice *out, int max, int *n, struct td_err *err)
{
    struct unit_into c = {out, max, 0};
    return store_collected(store_unit_each(st, unit_keep, &c, err), &c.n, max, n, err);
}

int store_unit_stats_each(struct store *st, const struct flag_rules *rules,
                          int (*fn)(void *ctx, const struct unit_stats *u), void *ctx,
                          struct td_err *err)
{
    static const char sql[] =
        "SELECT u.id, u.code, u.name, count(t.id), coalesce(sum(t.status = 'done'), 0),"
        " coalesce(sum((f.flags & 1) != 0), 0), coalesce(sum((f.flags & 2) != 0), 0),"
        " coalesce(avg(CASE WHEN t.status <> 'cancelled' THEN t.percent END), 0)"
        " FROM unit u LEFT JOIN task t ON t.lead_unit_id = u.id AND t.deleted = 0"
        " LEFT JOIN (SELECT id, tiendo_flags(status, percent, start_date, due_date, ?1, ?2, ?3)"
        "  AS flags FROM task) f ON f.id = t.id"
        " WHERE u.active = 1 GROUP BY u.id ORDER BY u.sort_order, u.code";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    store_bind_rules(s, 1, rules);
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct unit_stats u = {.id = (long)sqlite3_column_int64(s, 0)};
        store_text_col(s, 1, u.code, sizeof u.code);
        store_text_col(s, 2, u.name, sizeof u.name);
        u.tasks = (long)sqlite3_column_int64(s, 3);
        u.done = (long)sqlite3_column_int64(s, 4);
        u.overdue = (long)sqlite3_column_int64(s, 5);
        u.behind = (long)sqlite3_column_int64(s, 6);
        u.avg_percent = sqlite3_column_double(s, 7);
        stop = fn(ctx, &u);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading units"), err);
}

STORE_COLLECTOR(unit_stats, struct unit_stats)
int store_unit_stats(struct store *st, const struct flag_rules *rules, struct unit_stats *out,
                     int max, int *n, struct td_err *err)
{
    struct unit_stats_into c = {out, max, 0};
    return store_collected(store_unit_stats_each(st, rules, unit_stats_keep, &c, err), &c.n, max, n,
                           err);
}

int store_choice_each(struct store *st, enum choice_kind kind,
                      int (*fn)(void *ctx, const struct unit_choice *r), void *ctx,
                      struct td_err *err)
{
    static const char groups[] = "SELECT id, code, label FROM vocab WHERE domain = 'group'"
                                 " AND active = 1 ORDER BY sort_order, code";
    static const char phases[] =
        "SELECT id, code, name FROM phase WHERE active = 1 ORDER BY sort_order, code";
    sqlite3_stmt *s = store_stmt(st, kind == CHOICE_GROUP ? groups : phases, err);
    if (s == NULL)
        return -1;
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct unit_choice row, *u = &row;
        memset(u, 0, sizeof *u);
        u->id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, u->code, sizeof u->code);
        store_text_col(s, 2, u->name, sizeof u->name);
        stop = fn(ctx, u);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the plan"), err);
}

STORE_COLLECTOR(choice, struct unit_choice)
int store_choice_list(struct store *st, enum choice_kind kind, struct unit_choice *out, int max,
                      int *n, struct td_err *err)
{
    struct choice_into c = {out, max, 0};
    return store_collected(store_choice_each(st, kind, choice_keep, &c, err), &c.n, max, n, err);
}
