/* Inspections and surveys, with the units they cover and the tasks they concern. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/store_inspect.h"

const char *const inspection_kinds[2] = {"inspection", "survey"};
const char *const inspection_followups[3] = {"open", "in_progress", "done"};

const char *inspection_kind_label(const char *code)
{
    return strcmp(code, "survey") == 0 ? _("survey") : _("on-site inspection");
}

const char *inspection_followup_label(const char *code)
{
    if (strcmp(code, "done") == 0)
        return _("followed up");
    if (strcmp(code, "in_progress") == 0)
        return _("follow-up under way");
    return _("follow-up open");
}

STORE_COLLECTOR(inspection, struct inspection_row)
int store_inspection_list(struct store *st, long unit_id, const char *kind,
                          struct inspection_row *out, int max, int *n, struct td_err *err)
{
    struct inspection_into c = {out, max, 0};
    return store_collected(store_inspection_list_each(st, unit_id, kind, inspection_keep, &c, err),
                           &c.n, max, n, err);
}

int store_inspection_each(struct store *st, int (*row)(void *ctx, const struct inspection_row *r),
                          void *ctx, struct td_err *err)
{
    return store_inspection_list_each(st, 0, "", row, ctx, err);
}

/* An inspection's columns, read by read_inspection; a WHERE follows. */
#define INSPECTION_SELECT                                                                          \
    "SELECT i.id, i.version, i.kind, coalesce(i.date, ''), i.scope, i.findings,"                   \
    " i.recommendations, i.followup_status, coalesce(i.followup_date, ''),"                        \
    " coalesce((SELECT group_concat(u.code, ', ') FROM inspection_unit iu"                         \
    "  JOIN unit u ON u.id = iu.unit_id WHERE iu.inspection_id = i.id), ''),"                      \
    " coalesce((SELECT group_concat(t.code, ', ') FROM inspection_task it"                         \
    "  JOIN task t ON t.id = it.task_id WHERE it.inspection_id = i.id), '')"                       \
    " FROM inspection i"

static void read_inspection(sqlite3_stmt *s, void *row)
{
    struct inspection_row *r = row;
    r->id = (long)sqlite3_column_int64(s, 0);
    r->version = (long)sqlite3_column_int64(s, 1);
    store_text_col(s, 2, r->kind, sizeof r->kind);
    store_text_col(s, 3, r->date, sizeof r->date);
    store_text_col(s, 4, r->scope, sizeof r->scope);
    store_text_col(s, 5, r->findings, sizeof r->findings);
    store_text_col(s, 6, r->recommendations, sizeof r->recommendations);
    store_text_col(s, 7, r->followup_status, sizeof r->followup_status);
    store_text_col(s, 8, r->followup_date, sizeof r->followup_date);
    store_text_col(s, 9, r->units, sizeof r->units);
    store_text_col(s, 10, r->tasks, sizeof r->tasks);
}

int store_inspection_get(struct store *st, long id, struct inspection_row *out, struct td_err *err)
{
    static const char sql[] = INSPECTION_SELECT " WHERE i.id = ?1 AND i.deleted = 0";
    return store_get_row(st, sql, &id, 1, read_inspection, out,
                         _("the inspection no longer exists"), _("reading the inspections"), err);
}

int store_inspection_list_each(struct store *st, long unit_id, const char *kind,
                               int (*row)(void *ctx, const struct inspection_row *r), void *ctx,
                               struct td_err *err)
{
    static const char sql[] =
        INSPECTION_SELECT " WHERE i.deleted = 0 AND (?2 = '' OR i.kind = ?2)"
                          " AND (?1 = 0 OR EXISTS (SELECT 1 FROM inspection_unit iu"
                          "  WHERE iu.inspection_id = i.id AND iu.unit_id = ?1))"
                          " ORDER BY i.date IS NULL, i.date DESC, i.id DESC";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, unit_id);
    sqlite3_bind_text(s, 2, kind != NULL ? kind : "", -1, SQLITE_TRANSIENT);
    struct inspection_row *r = malloc(sizeof *r);
    if (r == NULL) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_inspection(s, r);
        stop = row(ctx, r);
    }
    free(r);
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the inspections"), err);
}

static const struct link_sql unit_links = {
    "DELETE FROM inspection_unit WHERE inspection_id = ?1",
    "INSERT OR IGNORE INTO inspection_unit (inspection_id, unit_id)"
    " SELECT ?1, id FROM unit WHERE code = ?2 AND active = 1"};
static const struct link_sql task_links = {
    "DELETE FROM inspection_task WHERE inspection_id = ?1",
    "INSERT OR IGNORE INTO inspection_task (inspection_id, task_id)"
    " SELECT ?1, id FROM task WHERE code = ?2 AND deleted = 0"};

int store_inspection_save(struct store *st, struct inspection_row *r, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO inspection (kind, date, scope, findings, recommendations, followup_status,"
        " followup_date, updated_by) VALUES (?1, nullif(?2, ''), ?3, ?4, ?5, ?6,"
        " nullif(?7, ''), ?8)";
    static const char upd[] =
        "UPDATE inspection SET kind = ?1, date = nullif(?2, ''), scope = ?3, findings = ?4,"
        " recommendations = ?5, followup_status = ?6, followup_date = nullif(?7, ''),"
        " version = version + 1, updated_by = ?8,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?9 AND version = ?10 AND deleted = 0";
#define INSPECTION_JSON                                                                            \
    "json_object('kind', kind, 'date', date, 'scope', scope, 'findings', findings,"                \
    " 'recommendations', recommendations, 'followup_status', followup_status, 'followup_date',"    \
    " followup_date, 'units', (SELECT group_concat(code, ',') FROM (SELECT u.code FROM"            \
    " inspection_unit iu JOIN unit u ON u.id = iu.unit_id WHERE iu.inspection_id ="                \
    " inspection.id ORDER BY u.sort_order, u.code)), 'tasks', (SELECT group_concat(code, ',')"     \
    " FROM (SELECT t.code FROM inspection_task it JOIN task t ON t.id = it.task_id"                \
    " WHERE it.inspection_id = inspection.id ORDER BY t.sort_code, t.code)))"
    static const char before[] = ROW_SNAPSHOT_SQL("inspection", INSPECTION_JSON);
    static const char audit[] = ROW_AUDIT_SQL("inspection", INSPECTION_JSON);
    const char *what = _("saving the inspection");
    struct row_save rs = {
        before, audit,
        what,   _("someone else changed this inspection since you opened it; nothing was saved"),
        r->id,  r->version,
        NULL};
    if (store_allow_admin(st, _("record inspections"), err) != 0 || store_begin(st, err) != 0)
        return -1;
    bool insert = r->id == 0;
    store_save_start(st, &rs);
    sqlite3_stmt *s = store_stmt(st, insert ? ins : upd, err);
    if (s == NULL)
        goto fail;
    const char *v[7] = {
        r->kind,         r->date, r->scope, r->findings, r->recommendations, r->followup_status,
        r->followup_date};
    for (int i = 0; i < 7; i++)
        sqlite3_bind_text(s, i + 1, v[i], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, st->user, -1, SQLITE_STATIC);
    if (!insert) {
        sqlite3_bind_int64(s, 9, r->id);
        sqlite3_bind_int64(s, 10, r->version);
    }
    long id = store_save_write(st, &rs, s, err);
    if (id < 0 || store_link_codes(st, &unit_links, id, r->units, true, what, err) != 0 ||
        store_link_codes(st, &task_links, id, r->tasks, false, what, err) != 0)
        goto fail;
    if (store_save_end(st, &rs, id, err) != 0)
        return -1;
    r->id = rs.id;
    r->version = rs.version;
    return 0;
fail:
    store_save_abort(st, &rs);
    return -1;
}

int store_meeting_each(struct store *st,
                       int (*row)(void *ctx, const char *key, const char *date, const char *kind,
                                  const char *title, const char *place, const char *conclusions),
                       void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT coalesce(m.plan_code, 'm' || m.id), coalesce(m.date, ''),"
        " coalesce(v.label, ''), m.title, m.place, m.conclusions"
        " FROM meeting m LEFT JOIN vocab v ON v.id = m.kind_id WHERE m.deleted = 0"
        " ORDER BY m.date IS NULL, m.date, m.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (row(ctx, (const char *)sqlite3_column_text(s, 0),
                (const char *)sqlite3_column_text(s, 1), (const char *)sqlite3_column_text(s, 2),
                (const char *)sqlite3_column_text(s, 3), (const char *)sqlite3_column_text(s, 4),
                (const char *)sqlite3_column_text(s, 5)) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the meetings"), err);
}
