/* The schema, as numbered migrations applied under PRAGMA user_version in one transaction. */
#include <stdio.h>

#include "internal.h"
#include "tiendo/i18n.h"

#define EDITABLE                                                                                   \
    "version INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL DEFAULT "                        \
    "(strftime('%Y-%m-%dT%H:%M:%SZ','now')), updated_by TEXT NOT NULL DEFAULT ''"
#define STATUS_CHECK                                                                               \
    "CHECK (status IN ('not_started','in_progress','done','delayed','suspended','cancelled'))"
#define ACTIVE     "active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
#define FLAG(name) name " INTEGER NOT NULL DEFAULT 0 CHECK (" name " IN (0, 1))"

/* Migrations are append-only: a released one is never edited, a change is a new one. */
static const char
    *const migrations[] =
        {
            /* 1: the tables. Settings from the plan file (phase, vocab, unit, criterion,
             * report_rule, indicator targets) carry `active`; what people type carries version,
             * updated_at and updated_by for optimistic locking, and `deleted` where history must
             * survive a delete. */
            "CREATE TABLE plan ("
            " id INTEGER PRIMARY KEY CHECK (id = 1), code TEXT NOT NULL, title TEXT NOT NULL,"
            " short_title TEXT NOT NULL, decision TEXT NOT NULL DEFAULT '',"
            " strategy TEXT NOT NULL DEFAULT '', start_year INTEGER NOT NULL,"
            " end_year INTEGER NOT NULL, source_path TEXT NOT NULL DEFAULT '',"
            " source_hash TEXT NOT NULL DEFAULT '', synced_at TEXT NOT NULL);"
            "CREATE TABLE phase ("
            " id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
            " start_year INTEGER NOT NULL, end_year INTEGER NOT NULL,"
            " sort_order INTEGER NOT NULL DEFAULT 0, " ACTIVE ");"
            "CREATE TABLE vocab ("
            " id INTEGER PRIMARY KEY, domain TEXT NOT NULL CHECK (domain IN"
            " ('rating','measure','group','conference_kind','activity_kind')),"
            " code TEXT NOT NULL, label TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '',"
            " score INTEGER NOT NULL DEFAULT 0, sort_order INTEGER NOT NULL DEFAULT 0, " ACTIVE ","
            " UNIQUE (domain, code));"
            "CREATE TABLE unit ("
            " id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
            " kind TEXT NOT NULL DEFAULT 'department', sort_order INTEGER NOT NULL DEFAULT 0,"
            " " ACTIVE ", " EDITABLE ");"
            "CREATE TABLE app_user ("
            " id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '',"
            " role TEXT NOT NULL CHECK (role IN ('admin','editor','viewer')), " ACTIVE ","
            " " EDITABLE ");"
            "CREATE TABLE user_unit ("
            " user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,"
            " unit_id INTEGER NOT NULL REFERENCES unit(id), PRIMARY KEY (user_id, unit_id))"
            " WITHOUT ROWID;"
            "CREATE TABLE criterion ("
            " id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, label TEXT NOT NULL,"
            " wording TEXT NOT NULL, sort_order INTEGER NOT NULL DEFAULT 0, " ACTIVE ");"
            "CREATE TABLE task ("
            " id INTEGER PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL,"
            " description TEXT NOT NULL DEFAULT '', group_id INTEGER REFERENCES vocab(id),"
            " phase_id INTEGER REFERENCES phase(id),"
            " lead_unit_id INTEGER NOT NULL REFERENCES unit(id), start_date TEXT, due_date TEXT,"
            " output TEXT NOT NULL DEFAULT '', priority TEXT NOT NULL DEFAULT 'normal'"
            " CHECK (priority IN ('high','normal','low')), integrated_on TEXT,"
            " integrated_doc TEXT NOT NULL DEFAULT '',"
            " status TEXT NOT NULL DEFAULT 'not_started' " STATUS_CHECK ","
            " percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),"
            " " FLAG("is_demo") ", " FLAG(
                "deleted") ", " EDITABLE ");"
                           "CREATE UNIQUE INDEX task_code ON task(code) WHERE deleted = 0;"
                           "CREATE TABLE task_unit ("
                           " task_id INTEGER NOT NULL REFERENCES task(id),"
                           " unit_id INTEGER NOT NULL REFERENCES unit(id), PRIMARY KEY (task_id, "
                           "unit_id))"
                           " WITHOUT ROWID;"
                           "CREATE TABLE progress_update ("
                           " id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL REFERENCES task(id),"
                           " reported_on TEXT NOT NULL, percent INTEGER NOT NULL CHECK (percent "
                           "BETWEEN 0 AND 100),"
                           " status TEXT NOT NULL " STATUS_CHECK ", done TEXT NOT NULL DEFAULT '',"
                           " difficulties TEXT NOT NULL DEFAULT '', proposals TEXT NOT NULL "
                           "DEFAULT '',"
                           " reason TEXT NOT NULL DEFAULT '', " FLAG(
                               "is_demo") ","
                                          " created_at TEXT NOT NULL DEFAULT "
                                          "(strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
                                          " created_by TEXT NOT NULL);"
                                          "CREATE TABLE evaluation ("
                                          " id INTEGER PRIMARY KEY, period TEXT NOT NULL,"
                                          " unit_id INTEGER NOT NULL REFERENCES unit(id),"
                                          " criterion_id INTEGER NOT NULL REFERENCES criterion(id),"
                                          " rating_id INTEGER REFERENCES vocab(id), comment TEXT "
                                          "NOT "
                                          "NULL DEFAULT '',"
                                          " evidence TEXT NOT NULL DEFAULT '', measure_id INTEGER "
                                          "REFERENCES vocab(id),"
                                          " measure_note TEXT NOT NULL DEFAULT '', " FLAG(
                                              "is_demo") ", " EDITABLE ","
                                                         " UNIQUE (period, unit_id, criterion_id));"
                                                         "CREATE TABLE report_rule ("
                                                         " id INTEGER PRIMARY KEY, code TEXT NOT "
                                                         "NULL "
                                                         "UNIQUE,"
                                                         " kind TEXT NOT NULL CHECK (kind IN "
                                                         "('annual','oneoff','adhoc')), title TEXT "
                                                         "NOT "
                                                         "NULL,"
                                                         " covers TEXT NOT NULL DEFAULT '', "
                                                         "due_month "
                                                         "INTEGER, due_day INTEGER,"
                                                         " due_year_offset INTEGER NOT NULL "
                                                         "DEFAULT 1, "
                                                         "first_year INTEGER, last_year INTEGER,"
                                                         " due_date TEXT, units TEXT NOT NULL "
                                                         "DEFAULT "
                                                         "'all', " ACTIVE ");"
                                                         "CREATE TABLE report ("
                                                         " id INTEGER PRIMARY KEY, rule_id INTEGER "
                                                         "REFERENCES report_rule(id),"
                                                         " period TEXT NOT NULL, title TEXT NOT "
                                                         "NULL, "
                                                         "due_date TEXT NOT NULL,"
                                                         " requester TEXT NOT NULL DEFAULT '', "
                                                         "subject "
                                                         "TEXT NOT NULL DEFAULT '',"
                                                         " " FLAG("is_demo") ", " FLAG(
                                                             "deleted") ", " EDITABLE
                                                                        ", UNIQUE (rule_id, "
                                                                        "period));"
                                                                        "CREATE TABLE submission ("
                                                                        " id INTEGER PRIMARY KEY, "
                                                                        "report_id INTEGER NOT "
                                                                        "NULL "
                                                                        "REFERENCES report(id),"
                                                                        " unit_id INTEGER NOT NULL "
                                                                        "REFERENCES unit(id), "
                                                                        "submitted_on TEXT,"
                                                                        " doc_number TEXT NOT NULL "
                                                                        "DEFAULT '', note TEXT NOT "
                                                                        "NULL DEFAULT '',"
                                                                        " " FLAG(
                                                                            "is_demo") ","
                                                                                       " " EDITABLE
                                                                                       ", UNIQUE "
                                                                                       "(report_"
                                                                                       "id, "
                                                                                       "unit_id));"
                                                                                       "CREATE "
                                                                                       "TABLE "
                                                                                       "indicator "
                                                                                       "("
                                                                                       " id "
                                                                                       "INTEGER "
                                                                                       "PRIMARY "
                                                                                       "KEY, code "
                                                                                       "TEXT NOT "
                                                                                       "NULL "
                                                                                       "UNIQUE, "
                                                                                       "name TEXT "
                                                                                       "NOT NULL,"
                                                                                       " measure_"
                                                                                       "unit TEXT "
                                                                                       "NOT NULL "
                                                                                       "DEFAULT "
                                                                                       "'', "
                                                                                       "owner_"
                                                                                       "unit_id "
                                                                                       "INTEGER "
                                                                                       "REFERENCES"
                                                                                       " unit(id),"
                                                                                       " kind "
                                                                                       "TEXT NOT "
                                                                                       "NULL "
                                                                                       "CHECK "
                                                                                       "(kind IN "
                                                                                       "('level','"
                                                                                       "growth')),"
                                                                                       " direction"
                                                                                       " TEXT NOT "
                                                                                       "NULL "
                                                                                       "DEFAULT "
                                                                                       "'higher' "
                                                                                       "CHECK "
                                                                                       "(direction"
                                                                                       " IN "
                                                                                       "('higher',"
                                                                                       "'lower')),"
                                                                                       " baseline_"
                                                                                       "year "
                                                                                       "INTEGER, "
                                                                                       "baseline_"
                                                                                       "value "
                                                                                       "REAL,"
                                                                                       " " FLAG(
                                                                                           "baseli"
                                                                                           "ne_is_"
                                                                                           "demo") ","
                                                                                                   " source TEXT NOT NULL DEFAULT '', sort_order INTEGER NOT NULL DEFAULT 0, " ACTIVE
                                                                                                   ","
                                                                                                   " " EDITABLE
                                                                                                   ");"
                                                                                                   "CREATE TABLE indicator_target ("
                                                                                                   " indicator_id INTEGER NOT NULL REFERENCES indicator(id), year INTEGER NOT NULL,"
                                                                                                   " low REAL NOT NULL, high REAL NOT NULL, CHECK (low <= high),"
                                                                                                   " PRIMARY KEY (indicator_id, year)) WITHOUT ROWID;"
                                                                                                   "CREATE TABLE indicator_value ("
                                                                                                   " id INTEGER PRIMARY KEY, indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
                                                                                                   " year INTEGER NOT NULL, value REAL NOT NULL, note TEXT NOT NULL DEFAULT '',"
                                                                                                   " " FLAG(
                                                                                                       "is_demo") ", " EDITABLE
                                                                                                                  ", UNIQUE (indicator_id, year));"
                                                                                                                  "CREATE TABLE activity ("
                                                                                                                  " id INTEGER PRIMARY KEY, kind_id INTEGER REFERENCES vocab(id),"
                                                                                                                  " unit_id INTEGER REFERENCES unit(id), channel TEXT NOT NULL DEFAULT '', date TEXT,"
                                                                                                                  " title TEXT NOT NULL, reach TEXT NOT NULL DEFAULT '',"
                                                                                                                  " status TEXT NOT NULL DEFAULT 'planned', progress_note TEXT NOT NULL DEFAULT '',"
                                                                                                                  " " FLAG(
                                                                                                                      "is_demo") ", " FLAG("deleted") ", " EDITABLE
                                                                                                                                                      ");"
                                                                                                                                                      "CREATE TABLE inspection ("
                                                                                                                                                      " id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('inspection','survey')),"
                                                                                                                                                      " date TEXT, scope TEXT NOT NULL DEFAULT '', findings TEXT NOT NULL DEFAULT '',"
                                                                                                                                                      " recommendations TEXT NOT NULL DEFAULT '', followup_status TEXT NOT NULL DEFAULT '',"
                                                                                                                                                      " followup_date TEXT, " FLAG("is_demo") ", " FLAG("deleted") ", " EDITABLE
                                                                                                                                                                                                                   ");"
                                                                                                                                                                                                                   "CREATE TABLE inspection_unit ("
                                                                                                                                                                                                                   " inspection_id INTEGER NOT NULL REFERENCES inspection(id),"
                                                                                                                                                                                                                   " unit_id INTEGER NOT NULL REFERENCES unit(id), PRIMARY KEY (inspection_id, unit_id))"
                                                                                                                                                                                                                   " WITHOUT ROWID;"
                                                                                                                                                                                                                   "CREATE TABLE inspection_task ("
                                                                                                                                                                                                                   " inspection_id INTEGER NOT NULL REFERENCES inspection(id),"
                                                                                                                                                                                                                   " task_id INTEGER NOT NULL REFERENCES task(id), PRIMARY KEY (inspection_id, task_id))"
                                                                                                                                                                                                                   " WITHOUT ROWID;"
                                                                                                                                                                                                                   "CREATE TABLE meeting ("
                                                                                                                                                                                                                   " id INTEGER PRIMARY KEY, kind_id INTEGER REFERENCES vocab(id),"
                                                                                                                                                                                                                   " plan_code TEXT UNIQUE, title TEXT NOT NULL, date TEXT, covers TEXT NOT NULL DEFAULT '',"
                                                                                                                                                                                                                   " place TEXT NOT NULL DEFAULT '', chair TEXT NOT NULL DEFAULT '',"
                                                                                                                                                                                                                   " agenda TEXT NOT NULL DEFAULT '', conclusions TEXT NOT NULL DEFAULT '',"
                                                                                                                                                                                                                   " " FLAG(
                                                                                                                                                                                                                       "is_demo") ", " FLAG("deleted") ", " EDITABLE
                                                                                                                                                                                                                                                       ");"
                                                                                                                                                                                                                                                       "CREATE TABLE meeting_unit ("
                                                                                                                                                                                                                                                       " meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
                                                                                                                                                                                                                                                       " unit_id INTEGER NOT NULL REFERENCES unit(id), PRIMARY KEY (meeting_id, unit_id))"
                                                                                                                                                                                                                                                       " WITHOUT ROWID;"
                                                                                                                                                                                                                                                       "CREATE TABLE meeting_task ("
                                                                                                                                                                                                                                                       " meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
                                                                                                                                                                                                                                                       " task_id INTEGER NOT NULL REFERENCES task(id), PRIMARY KEY (meeting_id, task_id))"
                                                                                                                                                                                                                                                       " WITHOUT ROWID;"
                                                                                                                                                                                                                                                       "CREATE TABLE audit_log ("
                                                                                                                                                                                                                                                       " id INTEGER PRIMARY KEY,"
                                                                                                                                                                                                                                                       " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
                                                                                                                                                                                                                                                       " login TEXT NOT NULL, tbl TEXT NOT NULL, row_id INTEGER, action TEXT NOT NULL,"
                                                                                                                                                                                                                                                       " old_values TEXT, new_values TEXT);",

            /* 2: the indexes the lists and foreign-key checks need. */
            "CREATE INDEX task_lead_due ON task(lead_unit_id, due_date);"
            "CREATE INDEX task_due ON task(due_date);"
            "CREATE INDEX task_status ON task(status, due_date);"
            "CREATE INDEX task_phase ON task(phase_id);"
            "CREATE INDEX task_group ON task(group_id, code);"
            "CREATE INDEX task_title ON task(title);"
            "CREATE INDEX task_unit_unit ON task_unit(unit_id);"
            "CREATE INDEX progress_task ON progress_update(task_id, reported_on, id);"
            "CREATE INDEX progress_by ON progress_update(created_by, created_at);"
            "CREATE INDEX user_unit_unit ON user_unit(unit_id);"
            "CREATE INDEX evaluation_unit ON evaluation(unit_id, period);"
            "CREATE INDEX evaluation_criterion ON evaluation(criterion_id);"
            "CREATE INDEX report_due ON report(due_date);"
            "CREATE INDEX submission_unit ON submission(unit_id);"
            "CREATE INDEX indicator_owner ON indicator(owner_unit_id);"
            "CREATE INDEX activity_date ON activity(date);"
            "CREATE INDEX activity_unit ON activity(unit_id, date);"
            "CREATE INDEX inspection_date ON inspection(date);"
            "CREATE INDEX inspection_unit_unit ON inspection_unit(unit_id);"
            "CREATE INDEX inspection_task_task ON inspection_task(task_id);"
            "CREATE INDEX meeting_date ON meeting(date);"
            "CREATE INDEX meeting_unit_unit ON meeting_unit(unit_id);"
            "CREATE INDEX meeting_task_task ON meeting_task(task_id);"
            "CREATE INDEX audit_at ON audit_log(at);"
            "CREATE INDEX audit_login ON audit_log(login, at);"
            "CREATE INDEX audit_row ON audit_log(tbl, row_id);",

            /* 3: changes as units of undo. Every audit row of one user action shares a change_id;
             * an undone change is marked, never deleted. */
            "ALTER TABLE audit_log ADD COLUMN change_id INTEGER;"
            "ALTER TABLE audit_log ADD COLUMN undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN "
            "(0, 1));"
            "CREATE INDEX audit_change ON audit_log(login, change_id);",

            /* 4: which facts the evaluation screen shows beside a criterion (from the plan file).
             */
            "ALTER TABLE criterion ADD COLUMN facts TEXT NOT NULL DEFAULT 'none';",

            /* 5: who must submit an ad-hoc report (one made by hand has no rule to say it): all,
             * kind:KIND or unit codes, as a rule's units. */
            "ALTER TABLE report ADD COLUMN units TEXT;",

            /* 6: lists at ministry scale. sort_code (the code's natural-order key) and search
             * (code and title folded) are kept by the store (tiendo_natural_key, tiendo_fold):
             * a change of code or title clears them, and the store fills them in again, so that
             * the sqlite3 shell can still change tasks. One index per list order serves the
             * keyset pages; progress_notes holds only the updates with a note. */
            "ALTER TABLE task ADD COLUMN sort_code TEXT;"
            "ALTER TABLE task ADD COLUMN search TEXT;"
            "UPDATE task SET sort_code = tiendo_natural_key(code),"
            " search = tiendo_fold(code || ' ' || title);"
            "CREATE TRIGGER task_keys AFTER UPDATE OF code, title ON task"
            " WHEN new.sort_code IS old.sort_code BEGIN"
            " UPDATE task SET sort_code = NULL, search = NULL WHERE id = new.id; END;"
            "CREATE INDEX task_by_code ON task(sort_code, id) WHERE deleted = 0;"
            "CREATE INDEX task_by_title ON task(title, sort_code, id) WHERE deleted = 0;"
            "CREATE INDEX task_by_due ON task(due_date IS NULL, coalesce(due_date, ''), sort_code,"
            " id) WHERE deleted = 0;"
            "CREATE INDEX task_by_status ON task(" STATUS_RANK ", sort_code, id) WHERE deleted = 0;"
            "CREATE INDEX task_by_percent ON task(percent, sort_code, id) WHERE deleted = 0;"
            "CREATE INDEX task_by_unit ON task(lead_unit_id, sort_code, id) WHERE deleted = 0;"
            "CREATE INDEX progress_notes ON progress_update(reported_on)"
            " WHERE difficulties <> '' OR proposals <> '';"
            "CREATE INDEX task_demo ON task(id) WHERE is_demo = 1 AND deleted = 0;"
            "DROP INDEX task_title;" /* the list orders' indexes above do their work */
            "DROP INDEX task_due;"
            "DROP INDEX task_status;",

            /* 7: periods an admin reopened after [security] lock_after_days closed them
             * (open = 0: closed again). */
            "CREATE TABLE period_open ("
            " id INTEGER PRIMARY KEY, period TEXT NOT NULL UNIQUE,"
            " open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)), " EDITABLE ");",

            /* 8: the worst cases at ministry scale (issue 18). task_fts indexes the folded search
             * text by trigrams, so that a search for a term that matches nothing or only the
             * last task reads the index, not every row; task_tally keeps the list's counts per
             * lead unit, status, phase and group, so that a save never recounts the table. Both
             * are kept in step by triggers (also for the sqlite3 shell's writes). FTS5 writes
             * its pending index at the end of every statement: a row at a time, that is six
             * times the cost of one statement for many rows. So a new or changed search text
             * goes to task_fts_todo, and the store moves all of it into task_fts in one
             * statement when it commits (store_task_fts_flush); what another program left
             * there, the next heal moves, and a search reads it meanwhile. Invariant: a task in
             * task_fts_todo has nothing in task_fts, any other has its search text there. */
            "CREATE VIRTUAL TABLE task_fts USING fts5(search, content='task', content_rowid='id',"
            " tokenize='trigram');"
            "INSERT INTO task_fts(task_fts) VALUES ('rebuild');"
            "CREATE TABLE task_fts_todo (id INTEGER PRIMARY KEY);"
            "CREATE TRIGGER task_fts_insert AFTER INSERT ON task WHEN new.search IS NOT NULL BEGIN"
            " INSERT OR IGNORE INTO task_fts_todo VALUES (new.id); END;"
            "CREATE TRIGGER task_fts_delete AFTER DELETE ON task BEGIN"
            " INSERT INTO task_fts(task_fts, rowid, search) SELECT 'delete', old.id, old.search"
            " WHERE old.search IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM task_fts_todo WHERE id = old.id);"
            " DELETE FROM task_fts_todo WHERE id = old.id; END;"
            "CREATE TRIGGER task_fts_update AFTER UPDATE OF search ON task"
            " WHEN old.search IS NOT new.search BEGIN"
            " INSERT INTO task_fts(task_fts, rowid, search) SELECT 'delete', old.id, old.search"
            " WHERE old.search IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM task_fts_todo WHERE id = old.id);"
            " INSERT OR IGNORE INTO task_fts_todo SELECT new.id WHERE new.search IS NOT NULL;"
            " END;"
            "CREATE TABLE task_tally ("
            " unit_id INTEGER NOT NULL, status TEXT NOT NULL, phase_id INTEGER NOT NULL,"
            " group_id INTEGER NOT NULL, n INTEGER NOT NULL,"
            " PRIMARY KEY (unit_id, status, phase_id, group_id)) WITHOUT ROWID;"
            "INSERT INTO task_tally SELECT lead_unit_id, status, coalesce(phase_id, 0),"
            " coalesce(group_id, 0), count(*) FROM task WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"
            "CREATE TRIGGER task_tally_insert AFTER INSERT ON task WHEN new.deleted = 0 BEGIN"
            " INSERT INTO task_tally VALUES (new.lead_unit_id, new.status,"
            " coalesce(new.phase_id, 0), coalesce(new.group_id, 0), 1)"
            " ON CONFLICT DO UPDATE SET n = n + 1; END;"
            "CREATE TRIGGER task_tally_delete AFTER DELETE ON task WHEN old.deleted = 0 BEGIN"
            " UPDATE task_tally SET n = n - 1 WHERE unit_id = old.lead_unit_id"
            " AND status = old.status AND phase_id = coalesce(old.phase_id, 0)"
            " AND group_id = coalesce(old.group_id, 0); END;"
            "CREATE TRIGGER task_tally_update AFTER UPDATE OF deleted, status, lead_unit_id,"
            " phase_id, group_id ON task WHEN old.deleted IS NOT new.deleted"
            " OR old.status IS NOT new.status OR old.lead_unit_id IS NOT new.lead_unit_id"
            " OR old.phase_id IS NOT new.phase_id OR old.group_id IS NOT new.group_id BEGIN"
            " UPDATE task_tally SET n = n - 1 WHERE old.deleted = 0"
            " AND unit_id = old.lead_unit_id AND status = old.status"
            " AND phase_id = coalesce(old.phase_id, 0) AND group_id = coalesce(old.group_id, 0);"
            " INSERT INTO task_tally SELECT new.lead_unit_id, new.status,"
            " coalesce(new.phase_id, 0), coalesce(new.group_id, 0), 1 WHERE new.deleted = 0"
            " ON CONFLICT DO UPDATE SET n = n + 1; END;"
            /* Every save numbers its change max(change_id) + 1: from an index, not a scan of an
             * audit log that grows by two rows a save. */
            "CREATE INDEX audit_change_id ON audit_log(change_id);",
            /* What lists show of an indicator whose name is too long to tell it apart. */
            "ALTER TABLE indicator ADD COLUMN short_name TEXT NOT NULL DEFAULT '';",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
    return NMIGRATIONS;
}

int store_user_version(struct store *st)
{
    sqlite3_stmt *s = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

int store_migrate_to(struct store *st, int to, struct td_err *err)
{
    /* A database already at the version needs no write lock: opening it (to read, to back it
     * up) then works while another session holds a write transaction. */
    int v = store_user_version(st);
    if (v >= to && v <= NMIGRATIONS)
        return 0;
    /* IMMEDIATE: two sessions starting together must not both migrate. */
    if (store_begin(st, err) != 0)
        return -1;
    v = store_user_version(st);
    if (v < 0) {
        store_fail(st, _("reading the schema version"), err);
        store_rollback(st);
        return -1;
    }
    if (v > NMIGRATIONS) {
        store_rollback(st);
        return td_err_set(err, TD_E_NEWER,
                          _("%s: the database has schema version %d, but this tiendo knows only "
                            "up to %d; use a newer tiendo"),
                          st->path, v, NMIGRATIONS);
    }
    /* A database from before application_id gets it with its next migration. */
    if (v < to && store_exec(st, "PRAGMA application_id = " STORE_APPLICATION_ID_TEXT, err) != 0) {
        store_rollback(st);
        return -1;
    }
    for (int i = v; i < to && i < NMIGRATIONS; i++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", i + 1);
        if (store_exec(st, migrations[i], err) != 0 || store_exec(st, pragma, err) != 0) {
            td_err_prefix(err, _("migration %d: "), i + 1);
            store_rollback(st);
            return -1;
        }
    }
    return store_commit(st, err);
}
