/* What the store's files share: the connection, the statement cache, transactions. */
#ifndef TIENDO_STORE_INTERNAL_H
#define TIENDO_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "tiendo/date.h"
#include "tiendo/store.h"
#include "tiendo/users.h"

/* A task's status in list order (the index task_by_status is on this very expression). */
#define STATUS_RANK                                                                                \
    "CASE status WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'delayed' THEN 2"        \
    " WHEN 'suspended' THEN 3 WHEN 'done' THEN 4 ELSE 5 END"

/* Where the task list last read: the ascending position and sort key of a row, so that the next
 * page starts from that key (an index seek) instead of counting rows from the top. */
struct task_anchor {
    bool valid;
    int sort;
    long unit_id, phase_id, group_id;
    unsigned statuses, flags;
    long pos;
    sqlite3_value *key[4];
    int nkey;
    long count; /* the filter's row count, -1 until counted */
};

/* The last count of the task list, kept while nobody writes: this connection's writes clear it,
 * and PRAGMA data_version tells when another connection has committed. */
struct task_count_cache {
    bool valid;
    long unit_id, phase_id, group_id;
    unsigned statuses, flags;
    long data_version, count;
};

/* PRAGMA application_id of a tiendo database ("tdo1"): set by init and by a migration, it tells
 * tiendo's file from another program's SQLite database. */
#define STORE_APPLICATION_ID      0x74646f31L
#define STORE_APPLICATION_ID_TEXT "1952739121"

struct store {
    sqlite3 *db;
    char *path;     /* the database, as messages name it */
    char *tmp_path; /* store_create: the file being built, until store_finish renames it */
    bool replace;   /* store_create: an empty file was there, which the rename replaces */
    char *user;
    /* Every statement the store has prepared, kept for the connection's life and found by
     * its SQL's address (a string literal): grows as needed, so a statement in use is never
     * finalised to make room (the program has a fixed number of SQL strings). */
    struct stmt_slot {
        const char *sql;
        sqlite3_stmt *stmt;
    } * cache;
    int ncache, capcache;
    struct task_anchor anchor;
    struct task_count_cache counted;
    enum user_role role; /* admin until store_login says otherwise */
    long *unit_ids;      /* an editor's or viewer's units */
    int nunit_ids;
    long lock_after_days;
    td_date today;
    char date_format[16]; /* for dates in messages, as the screens show them */
    long busy_timeout_ms;
};

/* A prepared statement for sql (a string literal), prepared once per connection and reset
 * before it is handed out. NULL with err set on failure. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct td_err *err);

/* Runs SQL without results (schema, pragmas, transaction control). */
int store_exec(struct store *st, const char *sql, struct td_err *err);

/* Inside a write transaction: moves the search texts task_fts_todo notes into task_fts, in one
 * statement (nothing to do before migration 8). store_commit calls it. */
int store_task_fts_flush(struct store *st, struct td_err *err);

/* BEGIN IMMEDIATE, so that a write never fails half-way on a snapshot; COMMIT; ROLLBACK. */
int store_begin(struct store *st, struct td_err *err);
int store_commit(struct store *st, struct td_err *err);
void store_rollback(struct store *st);

/* Turns the connection's last error into a td_err (busy, read-only, damaged, other). */
/* The array form of a store_*_each reader: collects the rows into out[max] and fails (never
 * cuts silently) when there are more. STORE_COLLECTOR(name, type) defines name##_keep and
 * struct name##_into; store_collected turns the reader's result into the array form's. */
#define STORE_COLLECTOR(name, type)                                                                \
    struct name##_into {                                                                           \
        type *out;                                                                                 \
        int max, n;                                                                                \
    };                                                                                             \
    static int name##_keep(void *ctx, const type *r)                                               \
    {                                                                                              \
        struct name##_into *c = ctx;                                                               \
        if (c->n >= c->max)                                                                        \
            return 1;                                                                              \
        c->out[c->n++] = *r;                                                                       \
        return 0;                                                                                  \
    }
int store_collected(int rc, const int *got, int max, int *n, struct td_err *err);

int store_fail(struct store *st, const char *what, struct td_err *err);

/* Copies column i of the current row into dst as text ("" for NULL), cut to size. */
void store_text_col(sqlite3_stmt *s, int i, char *dst, size_t size);

/* Reads the one row sql selects for keys ?1..?nkeys into out with read: 0, TD_E_NOTFOUND
 * (gone: the message), or another error (what was being read). For store_<entity>_get. */
typedef void (*store_read_fn)(sqlite3_stmt *s, void *out);
int store_get_row(struct store *st, const char *sql, const long *keys, int nkeys,
                  store_read_fn read, void *out, const char *gone, const char *what,
                  struct td_err *err);

/* Binds text, or NULL when text is NULL or empty (for optional dates). */
int store_bind_opt_text(sqlite3_stmt *s, int i, const char *text);
/* Runs sql (no parameters) and hands each row's first ncols columns (at most 16) to row as
 * text, NULL as ""; stops when row returns non-0. Errors name what. */
int store_each_cells(struct store *st, const char *sql, int ncols,
                     int (*row)(void *ctx, const char *const *cells), void *ctx, const char *what,
                     struct td_err *err);
/* Runs an audit statement taking ?1 the row id, ?2 the login, ?3 the action and ?4 the row's
 * values before the change (old: JSON, or NULL for a new row). */
int store_audit(struct store *st, const char *sql, long id, const char *action, const char *old,
                const char *what, struct td_err *err);
/* The text sql (a statement taking ?1 the row id) gives for row id: the row as JSON before a
 * change, for store_audit. NULL when there is no such row (caller frees). */
char *store_snapshot(struct store *st, const char *sql, long id);

/* The next change number of the audit log, inside a write transaction. */
#define AUDIT_NEXT_CHANGE "(SELECT coalesce(max(change_id), 0) + 1 FROM audit_log)"

/* For struct row_save: the row of table as json (an SQL expression over its columns) before a
 * change, and the audit row after it. */
#define ROW_SNAPSHOT_SQL(table, json) "SELECT " json " FROM " table " WHERE id = ?1"
#define ROW_AUDIT_SQL(table, json)                                                                 \
    "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"        \
    " SELECT ?2, '" table "', id, ?3, ?4, " json ", " AUDIT_NEXT_CHANGE " FROM " table             \
    " WHERE id = ?1"

/* What every save of a versioned row (submission, report, inspection, meeting, activity) shares,
 * inside the caller's transaction: store_save_start keeps the row as it was; the caller binds
 * its insert or update and store_save_write steps it (a write that changed nothing is
 * TD_E_CONFLICT: someone else's version, or row, came first); store_save_end writes the audit
 * row and commits, and leaves id and version as saved; store_save_abort rolls back. */
struct row_save {
    const char *before;   /* SELECT <the row as JSON> FROM t WHERE id = ?1 (a string literal) */
    const char *audit;    /* as store_audit takes it */
    const char *what;     /* what failed, for store_fail */
    const char *conflict; /* the message when the version moved on */
    long id, version;     /* as the caller read the row; id 0: a new one */
    char *old;
};
void store_save_start(struct store *st, struct row_save *rs);
/* The row's id after the write, or -1. */
long store_save_write(struct store *st, struct row_save *rs, sqlite3_stmt *s, struct td_err *err);
int store_save_end(struct store *st, struct row_save *rs, long id, struct td_err *err);
void store_save_abort(struct store *st, struct row_save *rs);

/* The two statements that tie a row to units or tasks named by their codes: clear takes ?1
 * the row; add takes ?1 the row and ?2 a code, and adds nothing for an unknown code. */
struct link_sql {
    const char *clear, *add; /* string literals: cached by address */
};
/* Ties row id to the codes in list (comma or space separated), replacing what it had; an
 * unknown code is TD_E_INVALID naming it ("unit X does not exist", or task). */
int store_link_codes(struct store *st, const struct link_sql *sql, long id, const char *list,
                     bool units, const char *what, struct td_err *err);

/* Gives tasks without list keys (a code or title changed, or rows another program added) their
 * keys again; cheap when there is nothing to do. */
int store_task_heal_keys(struct store *st, struct td_err *err);
/* Forgets where the task list last read (after a write, or a new count). */
void store_task_anchor_drop(struct store *st);

/* Permissions: 0 when the session may, else -1 with TD_E_DENIED and a message naming what.
 * An admin may do anything; an editor write what belongs to their units. */
int store_allow_admin(struct store *st, const char *what, struct td_err *err);
int store_allow_unit(struct store *st, long unit_id, const char *what, struct td_err *err);
/* 0 when period (its text, e.g. "2025") may still change: not locked, or reopened. ends is
 * the day the lock counts from (YYYY-MM-DD): the period's last day, or a report's due date.
 * -1 with TD_E_DENIED when locked; the message states the period's real end, and the due
 * date when that is what the lock counted from. */
int store_allow_period(struct store *st, const char *period, const char *ends, struct td_err *err);
/* A date (YYYY-MM-DD) as people read it in messages (the store's date format) into out. */
void store_show_date(const struct store *st, const char *iso, char *out, size_t size);

int store_migrate_to(struct store *st, int to, struct td_err *err);

/* Who must submit report r: its rule's units, or its own for an ad-hoc one. */
#define UNITS "coalesce(r2.units, r.units, 'all')"
/* Whether unit u must submit report r (all, kind:KIND, or a list of codes). */
#define EXPECTED                                                                                   \
    "u.active = 1 AND (" UNITS " = 'all'"                                                          \
    " OR (" UNITS " LIKE 'kind:%' AND u.kind = substr(" UNITS ", 6))"                              \
    " OR instr(',' || replace(" UNITS ", ' ', '') || ',', ',' || u.code || ',') > 0)"

/* The next change number of the audit log; called inside a write transaction, so unique. */
long store_next_change(struct store *st, struct td_err *err);
/* Shared by tasks.c and import.c: checks one new task's references (each problem to report;
 * the number of problems, or -1 when the database failed; self >= 0: the code may be that
 * task's), and inserts one with its audit rows under change. */
struct task_new;
int store_task_check_row(struct store *st, const struct task_new *t, long self,
                         void (*report)(void *ctx, int index, const char *msg), void *ctx,
                         int index, struct td_err *err);
int store_task_insert_row(struct store *st, long change, const struct task_new *t, long *id,
                          struct td_err *err);
/* The same without the audit row: the import's bulk path audits the import as a whole. */
int store_task_insert_fields(struct store *st, const struct task_new *t, long *id,
                             struct td_err *err);
/* Inside store_undo_last's transaction: when change is an import (one audit row for all its
 * tasks), takes every task of it back out (deleted, as an undone insert is) unless someone
 * changed one since (TD_E_CONFLICT naming who and which), and says what in what. 1 when it
 * was an import, 0 when not (nothing done), -1 on failure. */
int store_task_import_undo(struct store *st, long change, char *what, size_t what_size,
                           struct td_err *err);

/* Binds the flag rules (today, behind tolerance, due-soon days) from parameter first on. */
struct flag_rules;
void store_bind_rules(sqlite3_stmt *s, int first, const struct flag_rules *rules);

#endif
