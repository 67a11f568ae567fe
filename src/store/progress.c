/* Progress updates: adding one or many (versioned), undo of the last change, history and notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

/* Writes one progress update inside the caller's transaction, with its audit rows under
 * change. percent -1 keeps the task's own, and so does status -1. */
static int add_one(struct store *st, long change, long task_id, long expected_version,
                   const struct progress_input *in, struct td_err *err)
{
    static const char current[] = "SELECT version, percent, status, code, lead_unit_id FROM task "
                                  "WHERE id = ?1 AND deleted = 0";
    static const char ins[] =
        "INSERT INTO progress_update (task_id, reported_on, percent, status, done,"
        " difficulties, proposals, reason, created_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    /* The task's status and percent are those of its latest update, by date. */
    static const char upd[] =
        "UPDATE task SET (status, percent) = (SELECT p.status, p.percent FROM progress_update p"
        " WHERE p.task_id = task.id ORDER BY p.reported_on DESC, p.id DESC LIMIT 1),"
        " version = version + 1, updated_by = ?2,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    static const char audit_update[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, new_values, change_id)"
        " SELECT ?2, 'progress_update', id, 'insert', json_object('task',"
        " (SELECT code FROM task WHERE id = task_id),"
        " 'reported_on', reported_on, 'percent', percent, 'status', status, 'done', done,"
        " 'difficulties', difficulties, 'proposals', proposals, 'reason', reason), ?3"
        " FROM progress_update WHERE id = ?1";
    static const char audit_task_row[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?2, 'task', id, 'progress', json_object('status', ?4, 'percent', ?5,"
        " 'version', ?6), json_object('status', status, 'percent', percent, 'version', version),"
        " ?3 FROM task WHERE id = ?1";
    sqlite3_stmt *s = store_stmt(st, current, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, task_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOTFOUND, _("the task no longer exists; nothing was saved"));
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return store_fail(st, _("saving the progress update"), err);
    }
    long version = (long)sqlite3_column_int64(s, 0);
    int old_percent = sqlite3_column_int(s, 1);
    char old_status[16], code[32];
    store_text_col(s, 2, old_status, sizeof old_status);
    store_text_col(s, 3, code, sizeof code);
    long unit = (long)sqlite3_column_int64(s, 4);
    sqlite3_reset(s);
    if (store_allow_unit(st, unit, _("enter progress"), err) != 0) {
        td_err_prefix(err, "%s: ", code);
        return -1;
    }
    if (expected_version > 0 && version != expected_version)
        return td_err_set(err, TD_E_CONFLICT,
                          _("someone else saved progress on this task since you opened it"));

    int percent = in->percent >= 0 ? in->percent : in->status == ST_DONE ? 100 : old_percent;
    char date[11];
    date_format_iso(in->date, date);
    if ((s = store_stmt(st, ins, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, task_id);
    sqlite3_bind_text(s, 2, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 3, percent);
    if (in->status >= 0)
        sqlite3_bind_text(s, 4, status_code((enum task_status)in->status), -1, SQLITE_STATIC);
    else /* each task keeps its own */
        sqlite3_bind_text(s, 4, old_status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, in->done != NULL ? in->done : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, in->difficulties != NULL ? in->difficulties : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, in->proposals != NULL ? in->proposals : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, in->reason != NULL ? in->reason : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, code, err);
    sqlite3_int64 row = sqlite3_last_insert_rowid(st->db);
    if ((s = store_stmt(st, upd, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, task_id);
    sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, code, err);
    if ((s = store_stmt(st, audit_update, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, row);
    sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, change);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, code, err);
    if ((s = store_stmt(st, audit_task_row, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, task_id);
    sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, change);
    sqlite3_bind_text(s, 4, old_status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 5, old_percent);
    sqlite3_bind_int64(s, 6, version);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, code, err);
    return 0;
}

/* The next change number; called inside a write transaction, so it is unique. */
long store_next_change(struct store *st, struct td_err *err)
{
    static const char sql[] = "SELECT " AUDIT_NEXT_CHANGE;
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    long id = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    if (id < 0)
        store_fail(st, _("saving the progress update"), err);
    return id;
}

int store_progress_add(struct store *st, long task_id, long expected_version,
                       const struct progress_input *in, struct td_err *err)
{
    if (store_begin(st, err) != 0)
        return -1;
    long change = store_next_change(st, err);
    if (change < 0 || add_one(st, change, task_id, expected_version, in, err) != 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}

int store_progress_add_many(struct store *st, const long *task_ids, int n,
                            const struct progress_input *in, struct td_err *err)
{
    if (store_begin(st, err) != 0)
        return -1;
    long change = store_next_change(st, err);
    for (int i = 0; change >= 0 && i < n; i++)
        if (add_one(st, change, task_ids[i], 0, in, err) != 0) {
            store_rollback(st);
            return -1;
        }
    if (change < 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}

/* Takes back one change of a task's own fields: an insert is deleted again, a delete
 * brought back, an update restored from the values the audit log kept. */
static int undo_task_change(struct store *st, long id, const char *action, long audit_id,
                            struct td_err *err)
{
    static const char set_deleted[] =
        "UPDATE task SET deleted = ?2, version = version + 1, updated_by = ?3,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    static const char restore_fields[] =
        "UPDATE task SET (code, title, description, group_id, phase_id, lead_unit_id,"
        " start_date, due_date, output, priority, integrated_on, integrated_doc) ="
        " (SELECT json_extract(o, '$.code'), json_extract(o, '$.title'),"
        " json_extract(o, '$.description'), coalesce((SELECT id FROM vocab WHERE domain ="
        " 'group' AND code = json_extract(o, '$.group')), json_extract(o, '$.group_id')),"
        " coalesce((SELECT id FROM phase WHERE code = json_extract(o, '$.phase')),"
        " json_extract(o, '$.phase_id')), coalesce((SELECT id FROM unit WHERE code ="
        " json_extract(o, '$.lead')), json_extract(o, '$.lead_unit_id')),"
        " json_extract(o, '$.start_date'), json_extract(o, '$.due_date'),"
        " json_extract(o, '$.output'), json_extract(o, '$.priority'),"
        " json_extract(o, '$.integrated_on'), json_extract(o, '$.integrated_doc')"
        " FROM (SELECT old_values AS o FROM audit_log WHERE id = ?2)),"
        " version = version + 1, updated_by = ?3,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    static const char clear_coop[] = "DELETE FROM task_unit WHERE task_id = ?1";
    static const char restore_coop[] =
        "INSERT INTO task_unit (task_id, unit_id) SELECT ?1, CASE WHEN type = 'text'"
        " THEN (SELECT id FROM unit WHERE code = value) ELSE value END FROM audit_log,"
        " json_each(json_extract(old_values, '$.coop')) WHERE audit_log.id = ?2";
    bool update = strcmp(action, "update") == 0;
    sqlite3_stmt *s = store_stmt(st, update ? restore_fields : set_deleted, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    if (update)
        sqlite3_bind_int64(s, 2, audit_id);
    else
        sqlite3_bind_int(s, 2, strcmp(action, "insert") == 0); /* insert: delete it again */
    sqlite3_bind_text(s, 3, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, _("undoing"), err);
    if (!update)
        return 0;
    if ((s = store_stmt(st, clear_coop, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, _("undoing"), err);
    if ((s = store_stmt(st, restore_coop, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int64(s, 2, audit_id);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : store_fail(st, _("undoing"), err);
}

int store_undo_last(struct store *st, char *what, size_t what_size, struct td_err *err)
{
    static const char last[] =
        "SELECT max(change_id) FROM audit_log WHERE login = ?1 AND undone = 0"
        " AND action <> 'undo' AND change_id IS NOT NULL"
        " AND tbl IN ('task', 'progress_update')"; /* the task screens' changes */
    static const char rows[] =
        "SELECT a.tbl, a.row_id, a.action, json_extract(a.new_values, '$.version'),"
        " t.version, t.updated_by, t.code, json_extract(a.old_values, '$.status'),"
        " json_extract(a.old_values, '$.percent'), t.deleted, a.id,"
        " (SELECT b.login FROM audit_log b WHERE b.tbl = 'task' AND b.row_id = a.row_id"
        "  AND b.id > a.id AND b.undone = 0 ORDER BY b.id DESC LIMIT 1),"
        " (SELECT count(*) FROM audit_log b WHERE b.tbl = 'task' AND b.row_id = a.row_id"
        "  AND b.id > a.id AND b.undone = 1)"
        " FROM audit_log a LEFT JOIN task t ON a.tbl = 'task' AND t.id = a.row_id"
        " WHERE a.change_id = ?1 AND a.tbl IN ('task', 'progress_update') ORDER BY a.id DESC";
    static const char del_update[] = "DELETE FROM progress_update WHERE id = ?1";
    /* Back to the latest remaining update, or to what the task was before it. */
    static const char restore[] =
        "UPDATE task SET (status, percent) = (SELECT coalesce((SELECT p.status FROM"
        " progress_update p WHERE p.task_id = task.id ORDER BY p.reported_on DESC, p.id DESC"
        " LIMIT 1), ?2), coalesce((SELECT p.percent FROM progress_update p WHERE p.task_id ="
        " task.id ORDER BY p.reported_on DESC, p.id DESC LIMIT 1), ?3)),"
        " version = version + 1, updated_by = ?4,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    static const char mark[] = "UPDATE audit_log SET undone = 1 WHERE change_id = ?1;";
    static const char log[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, new_values, change_id)"
        " VALUES (?1, 'audit_log', ?2, 'undo', NULL, ?3)";
    what[0] = '\0';
    if (st->role == USER_VIEWER)
        return store_allow_unit(st, 0, _("undo"), err);
    if (store_begin(st, err) != 0)
        return -1;
    sqlite3_stmt *s = store_stmt(st, last, err);
    if (s == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, st->user, -1, SQLITE_STATIC);
    long change = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL
                      ? (long)sqlite3_column_int64(s, 0)
                      : -1;
    sqlite3_reset(s);
    if (change < 0) {
        td_err_set(err, TD_E_NOTFOUND, _("nothing of yours to undo"));
        goto fail;
    }
    /* An import has one audit row for all its tasks: taken back as a whole. */
    int import = store_task_import_undo(st, change, what, what_size, err);
    if (import < 0)
        goto fail;
    if (import > 0)
        goto undone;
    /* First check every task: nobody may have changed it since. */
    if ((s = store_stmt(st, rows, err)) == NULL)
        goto fail;
    sqlite3_bind_int64(s, 1, change);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *tbl = (const char *)sqlite3_column_text(s, 0);
        if (strcmp(tbl, "task") != 0)
            continue;
        const char *code = (const char *)sqlite3_column_text(s, 6);
        /* Changed since: a later change of the task that is not undone (by anyone), or a
         * version that moved on without any change of ours being undone in between. */
        bool later = sqlite3_column_type(s, 11) != SQLITE_NULL;
        bool moved = sqlite3_column_type(s, 4) == SQLITE_NULL ||
                     (sqlite3_column_int64(s, 3) != sqlite3_column_int64(s, 4) &&
                      sqlite3_column_int(s, 12) == 0);
        if (later || moved) {
            const char *who = NULL;
            if (later)
                who = (const char *)sqlite3_column_text(s, 11);
            else if (sqlite3_column_type(s, 5) != SQLITE_NULL)
                who = (const char *)sqlite3_column_text(s, 5);
            td_err_set(err, TD_E_CONFLICT,
                       _("cannot undo: %s changed task %s since; nothing was undone"),
                       who != NULL ? who : "?", code != NULL ? code : "?");
            sqlite3_reset(s);
            goto fail;
        }
        size_t len = strlen(what);
        snprintf(what + len, what_size - len, "%s%s", len > 0 ? ", " : "", code);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        store_fail(st, _("undoing"), err);
        goto fail;
    }
    /* Then undo: remove the updates, and bring each task back. */
    struct {
        long id, audit_id;
        int kind; /* 0 progress update, 1 task */
        int percent;
        char status[16];
        char action[16];
    } items[1024];
    int n = 0;
    if ((s = store_stmt(st, rows, err)) == NULL)
        goto fail;
    sqlite3_bind_int64(s, 1, change);
    while (sqlite3_step(s) == SQLITE_ROW && n < 1024) {
        const char *tbl = (const char *)sqlite3_column_text(s, 0);
        items[n].kind = strcmp(tbl, "task") == 0;
        items[n].id = (long)sqlite3_column_int64(s, 1);
        store_text_col(s, 7, items[n].status, sizeof items[n].status);
        items[n].percent = sqlite3_column_int(s, 8);
        store_text_col(s, 2, items[n].action, sizeof items[n].action);
        items[n].audit_id = (long)sqlite3_column_int64(s, 10);
        n++;
    }
    sqlite3_reset(s);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            if (items[i].kind != pass)
                continue;
            if (pass == 1 && strcmp(items[i].action, "progress") != 0) {
                if (undo_task_change(st, items[i].id, items[i].action, items[i].audit_id, err) != 0)
                    goto fail;
                continue;
            }
            if ((s = store_stmt(st, pass == 0 ? del_update : restore, err)) == NULL)
                goto fail;
            sqlite3_bind_int64(s, 1, items[i].id);
            if (pass == 1) {
                sqlite3_bind_text(s, 2, items[i].status, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(s, 3, items[i].percent);
                sqlite3_bind_text(s, 4, st->user, -1, SQLITE_STATIC);
            }
            if (sqlite3_step(s) != SQLITE_DONE) {
                store_fail(st, _("undoing"), err);
                goto fail;
            }
        }
undone:
    if ((s = store_stmt(st, mark, err)) == NULL)
        goto fail;
    sqlite3_bind_int64(s, 1, change);
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("undoing"), err);
        goto fail;
    }
    long undo_change = store_next_change(st, err);
    if (undo_change < 0 || (s = store_stmt(st, log, err)) == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, change);
    sqlite3_bind_int64(s, 3, undo_change);
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("undoing"), err);
        goto fail;
    }
    return store_commit(st, err);
fail:
    store_rollback(st);
    return -1;
}

/* A progress update from columns 0..9: id, reported_on, percent, status, done, difficulties,
 * proposals, created_by, created_at, is_demo. */
static void read_progress(sqlite3_stmt *s, struct progress_row *r)
{
    r->id = (long)sqlite3_column_int64(s, 0);
    store_text_col(s, 1, r->date, sizeof r->date);
    r->percent = sqlite3_column_int(s, 2);
    int status = status_parse((const char *)sqlite3_column_text(s, 3));
    r->status = status < 0 ? ST_NOT_STARTED : status;
    const char *t;
    r->done = (t = (const char *)sqlite3_column_text(s, 4)) != NULL ? t : "";
    r->difficulties = (t = (const char *)sqlite3_column_text(s, 5)) != NULL ? t : "";
    r->proposals = (t = (const char *)sqlite3_column_text(s, 6)) != NULL ? t : "";
    store_text_col(s, 7, r->by, sizeof r->by);
    store_text_col(s, 8, r->at, sizeof r->at);
    r->demo = sqlite3_column_int(s, 9) != 0;
}

int store_progress_history_each(struct store *st, long task_id,
                                int (*row)(void *ctx, const struct progress_row *p), void *ctx,
                                struct td_err *err)
{
    static const char sql[] =
        "SELECT id, reported_on, percent, status, done, difficulties, proposals, created_by,"
        " created_at, is_demo FROM progress_update WHERE task_id = ?1"
        " ORDER BY reported_on DESC, id DESC";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, task_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct progress_row r;
        read_progress(s, &r);
        if (row(ctx, &r) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the history"), err);
}

int store_progress_notes(struct store *st, const char *from, const char *to,
                         int (*row)(void *ctx, const char *task_code, const char *unit,
                                    const char *date, const char *difficulties,
                                    const char *proposals),
                         void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT t.code, u.code, p.reported_on, p.difficulties, p.proposals FROM progress_update p"
        " INDEXED BY progress_notes JOIN task t ON t.id = p.task_id JOIN unit u ON u.id = "
        "t.lead_unit_id"
        " WHERE (p.difficulties <> '' OR p.proposals <> '') AND p.reported_on >= ?1"
        " AND p.reported_on <= ?2 AND t.deleted = 0"
        " ORDER BY t.code COLLATE tiendo_natural, p.reported_on, p.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, to, -1, SQLITE_TRANSIENT);
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
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading progress updates"), err);
}

int store_progress_each(struct store *st,
                        int (*row)(void *ctx, const char *task_code, const struct progress_row *p),
                        void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT p.id, p.reported_on, p.percent, p.status, p.done, p.difficulties, p.proposals,"
        " p.created_by, p.created_at, p.is_demo, t.code FROM progress_update p"
        " JOIN task t ON t.id = p.task_id WHERE t.deleted = 0"
        " ORDER BY t.code COLLATE tiendo_natural, p.reported_on, p.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    struct progress_row *r = malloc(sizeof *r);
    if (r == NULL) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_progress(s, r);
        if (row(ctx, (const char *)sqlite3_column_text(s, 10), r) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    free(r);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the history"), err);
}
