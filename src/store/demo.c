/* Loading the demo data a plan ships with: tasks, progress updates, indicator values. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"

/* Inserts one demo task unless a task with its code exists; returns 1 when inserted. */
static int insert_task(struct store *st, const struct plan_demo_task *t, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO task (code, title, description, group_id, phase_id, lead_unit_id,"
        " start_date, due_date, output, priority, integrated_on, integrated_doc, is_demo,"
        " updated_by, sort_code, search) SELECT ?1, ?2, ?3,"
        " (SELECT id FROM vocab WHERE domain = 'group' AND code = ?4),"
        " (SELECT id FROM phase WHERE code = ?5), u.id, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13,"
        " tiendo_natural_key(?1), tiendo_fold(?1 || ' ' || ?2)"
        " FROM unit u WHERE u.code = ?6"
        " AND NOT EXISTS (SELECT 1 FROM task WHERE code = ?1 AND deleted = 0)";
    static const char coop[] = "INSERT OR IGNORE INTO task_unit (task_id, unit_id)"
                               " SELECT ?1, id FROM unit WHERE code = ?2";
    sqlite3_stmt *s = store_stmt(st, ins, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, t->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, t->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, t->description, -1, SQLITE_STATIC);
    store_bind_opt_text(s, 4, t->group);
    store_bind_opt_text(s, 5, t->phase);
    sqlite3_bind_text(s, 6, t->lead, -1, SQLITE_STATIC);
    store_bind_opt_text(s, 7, t->start);
    store_bind_opt_text(s, 8, t->due);
    sqlite3_bind_text(s, 9, t->output, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 10, t->priority, -1, SQLITE_STATIC);
    store_bind_opt_text(s, 11, t->integrated_on);
    sqlite3_bind_text(s, 12, t->integrated_doc, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 13, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, t->code, err);
    if (sqlite3_changes(st->db) == 0)
        return 0;
    sqlite3_int64 id = sqlite3_last_insert_rowid(st->db);
    char list[1024];
    snprintf(list, sizeof list, "%s", t->coop);
    char *save = NULL;
    for (char *tok = strtok_r(list, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save)) {
        if ((s = store_stmt(st, coop, err)) == NULL)
            return -1;
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, tok, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            return store_fail(st, t->code, err);
    }
    return 1;
}

static int insert_progress(struct store *st, const struct plan_demo_progress *p, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO progress_update (task_id, reported_on, percent, status, done,"
        " difficulties, proposals, is_demo, created_at, created_by)"
        " SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?2 || 'T09:00:00Z', ?8 FROM task"
        " WHERE code = ?1 AND deleted = 0";
    sqlite3_stmt *s = store_stmt(st, ins, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, p->task, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, p->date, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, p->percent);
    sqlite3_bind_text(s, 4, p->status, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, p->done, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, p->difficulties, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, p->proposals, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, p->by, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, p->task, err);
    return sqlite3_changes(st->db);
}

static int insert_value(struct store *st, const struct plan_demo_value *v, struct td_err *err)
{
    static const char ins[] =
        "INSERT OR IGNORE INTO indicator_value (indicator_id, year, value, note, is_demo,"
        " updated_by) SELECT id, ?2, ?3, ?4, 1, ?5 FROM indicator WHERE code = ?1";
    static const char base[] =
        "UPDATE indicator SET baseline_year = ?2, baseline_value = ?3, baseline_is_demo = 1"
        " WHERE code = ?1 AND baseline_year IS NULL";
    sqlite3_stmt *s = store_stmt(st, v->baseline ? base : ins, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, v->indicator, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, v->year);
    sqlite3_bind_double(s, 3, v->value);
    if (!v->baseline) {
        sqlite3_bind_text(s, 4, v->note, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, st->user, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, v->indicator, err);
    return sqlite3_changes(st->db);
}

/* A task's status and percent are those of its latest progress update. */
static int refresh_current(struct store *st, struct td_err *err)
{
    return store_exec(st,
                      "UPDATE task SET (status, percent) = (SELECT p.status, p.percent"
                      " FROM progress_update p WHERE p.task_id = task.id"
                      " ORDER BY p.reported_on DESC, p.id DESC LIMIT 1)"
                      " WHERE is_demo = 1 AND EXISTS (SELECT 1 FROM progress_update p"
                      " WHERE p.task_id = task.id)",
                      err);
}

int store_load_demo(struct store *st, const struct plan_def *plan, struct td_err *err)
{
    if (store_begin(st, err) != 0)
        return -1;
    int added = 0, rc = 0;
    for (size_t i = 0; i < plan->ndemo_tasks && rc >= 0; i++) {
        const struct plan_demo_task *t = &plan->demo_tasks[i];
        if ((rc = insert_task(st, t, err)) <= 0)
            continue;
        added += rc;
        /* Progress only for a task added now: a second run adds nothing. */
        for (size_t k = 0; k < plan->ndemo_progress && rc >= 0; k++)
            if (strcmp(plan->demo_progress[k].task, t->code) == 0 &&
                (rc = insert_progress(st, &plan->demo_progress[k], err)) > 0)
                added += rc;
    }
    for (size_t i = 0; i < plan->ndemo_values && rc >= 0; i++)
        if ((rc = insert_value(st, &plan->demo_values[i], err)) > 0)
            added += rc;
    if (rc < 0 || refresh_current(st, err) != 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err) == 0 ? added : -1;
}
