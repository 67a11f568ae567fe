/* The audit trail: every change, filtered and listed newest or oldest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/date.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"

/* The unit a changed row belongs to, for the audit trail's unit column and filter. */
#define AUDIT_UNIT                                                                                 \
    "CASE a.tbl WHEN 'task' THEN (SELECT lead_unit_id FROM task WHERE id = a.row_id)"              \
    " WHEN 'progress_update' THEN (SELECT t.lead_unit_id FROM progress_update p JOIN task t"       \
    " ON t.id = p.task_id WHERE p.id = a.row_id)"                                                  \
    " WHEN 'submission' THEN (SELECT unit_id FROM submission WHERE id = a.row_id)"                 \
    " WHEN 'evaluation' THEN (SELECT unit_id FROM evaluation WHERE id = a.row_id)"                 \
    " WHEN 'activity' THEN (SELECT unit_id FROM activity WHERE id = a.row_id)"                     \
    " WHEN 'indicator_value' THEN (SELECT owner_unit_id FROM indicator WHERE id = a.row_id)"       \
    " END"
#define AUDIT_SELECT                                                                               \
    "SELECT a.id, a.at, a.login, a.tbl, a.row_id, a.action, coalesce(a.old_values, ''),"           \
    " coalesce(a.new_values, ''), coalesce(u.code, '') FROM audit_log a LEFT JOIN unit u"          \
    " ON u.id = (" AUDIT_UNIT ") WHERE (?1 IS NULL OR a.at >= ?1)"                                 \
    " AND (?2 IS NULL OR a.login = ?2) AND (?3 = 0 OR u.id = ?3)"                                  \
    " AND (?4 = 1 OR u.id IN (SELECT x.unit_id FROM user_unit x JOIN app_user w"                   \
    " ON w.id = x.user_id WHERE w.login = ?5))"

int store_audit_each(struct store *st, const struct audit_filter *f, bool newest_first, int limit,
                     int (*row)(void *ctx, const struct audit_row *r), void *ctx,
                     struct td_err *err)
{
    static const char oldest[] = AUDIT_SELECT " ORDER BY a.id LIMIT ?6";
    static const char newest[] = AUDIT_SELECT " ORDER BY a.id DESC LIMIT ?6";
    sqlite3_stmt *s = store_stmt(st, newest_first ? newest : oldest, err);
    if (s == NULL)
        return -1;
    store_bind_opt_text(s, 1, f->since);
    store_bind_opt_text(s, 2, f->login);
    sqlite3_bind_int64(s, 3, f->unit_id);
    sqlite3_bind_int(s, 4, st->role == USER_ADMIN);
    sqlite3_bind_text(s, 5, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, limit > 0 ? limit : -1);
    struct audit_row *r = malloc(sizeof *r);
    if (r == NULL) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r->id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, r->at, sizeof r->at);
        store_text_col(s, 2, r->login, sizeof r->login);
        store_text_col(s, 3, r->table, sizeof r->table);
        r->row_id = (long)sqlite3_column_int64(s, 4);
        store_text_col(s, 5, r->action, sizeof r->action);
        store_text_col(s, 6, r->old_values, sizeof r->old_values);
        store_text_col(s, 7, r->new_values, sizeof r->new_values);
        store_text_col(s, 8, r->unit, sizeof r->unit);
        r->old_full = (const char *)sqlite3_column_text(s, 6);
        r->new_full = (const char *)sqlite3_column_text(s, 7);
        if (row(ctx, r) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(s);
    free(r);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the audit trail"), err);
}
