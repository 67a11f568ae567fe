/* Opening the database, its connection settings, statements and transactions. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/text.h"

int store_fail(struct store *st, const char *what, struct td_err *err)
{
    int code = sqlite3_extended_errcode(st->db);
    const char *msg = sqlite3_errmsg(st->db);
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return td_err_set(err, TD_E_BUSY,
                          _("%s: the database is busy (another session is writing); try again"),
                          st->path);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return td_err_set(err, TD_E_DB,
                          _("%s: cannot write the database (%s); check the permissions of the "
                            "file and its directory"),
                          st->path, msg);
    case SQLITE_CORRUPT:
        return td_err_set(err, TD_E_DB,
                          _("%s: the database is damaged (%s); restore it from a backup"), st->path,
                          msg);
    case SQLITE_NOTADB:
        return td_err_set(err, TD_E_DB, _("%s: not a tiendo database (not an SQLite file)"),
                          st->path);
    case SQLITE_FULL:
        return td_err_set(err, TD_E_DB, _("%s: the disk is full; nothing was saved"), st->path);
    case SQLITE_CONSTRAINT:
        return td_err_set(err, TD_E_INVALID, _("%s: refused by the database: %s"), what, msg);
    default:
        return td_err_set(err, TD_E_DB, _("%s: %s: %s"), st->path, what, msg);
    }
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct td_err *err)
{
    for (int i = 0; i < st->ncache; i++) {
        if (st->cache[i].sql == sql) {
            sqlite3_reset(st->cache[i].stmt);
            sqlite3_clear_bindings(st->cache[i].stmt);
            return st->cache[i].stmt;
        }
    }
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        store_fail(st, _("preparing a query"), err);
        sqlite3_finalize(s);
        return NULL;
    }
    if (st->ncache < STMT_CACHE) {
        st->cache[st->ncache].sql = sql;
        st->cache[st->ncache].stmt = s;
        st->ncache++;
    } else {
        /* Should not happen: raise STMT_CACHE. Keep working, at the cost of a leak-free
         * re-prepare on the oldest slot. */
        sqlite3_finalize(st->cache[0].stmt);
        st->cache[0].sql = sql;
        st->cache[0].stmt = s;
    }
    return s;
}

int store_exec(struct store *st, const char *sql, struct td_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        sqlite3_free(msg);
        return store_fail(st, _("updating the database"), err);
    }
    return 0;
}

int store_begin(struct store *st, struct td_err *err)
{
    store_task_anchor_drop(st); /* the list may read differently after this */
    st->counted.valid = false;
    return store_exec(st, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *st, struct td_err *err)
{
    if (store_exec(st, "COMMIT", err) != 0) {
        store_rollback(st);
        return -1;
    }
    return 0;
}

void store_rollback(struct store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void store_text_col(sqlite3_stmt *s, int i, char *dst, size_t size)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    snprintf(dst, size, "%s", t != NULL ? (const char *)t : "");
}

int store_bind_opt_text(sqlite3_stmt *s, int i, const char *text)
{
    if (text == NULL || text[0] == '\0')
        return sqlite3_bind_null(s, i);
    return sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

/* SQL function tiendo_fold(text): the search form of a text (case and marks folded). */
static void sql_fold(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_text(argv[0]);
    if (t == NULL) {
        sqlite3_result_null(c);
        return;
    }
    char *f = text_fold((const char *)t);
    if (f == NULL)
        sqlite3_result_text(c, (const char *)t, -1, SQLITE_TRANSIENT);
    else
        sqlite3_result_text(c, f, -1, free);
}

/* SQL function tiendo_natural_key(text): the key that sorts as the natural order of codes. */
static void sql_natural_key(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_text(argv[0]);
    if (t == NULL) {
        sqlite3_result_null(c);
        return;
    }
    char key[256];
    size_t n = text_natural_key((const char *)t, key, sizeof key);
    sqlite3_result_text(c, key, n < sizeof key ? (int)n : (int)sizeof key - 1, SQLITE_TRANSIENT);
}

/* SQL function tiendo_flags(status, percent, start, due, today, tolerance, soon_days): the
 * flags of status_flags(), so that lists filter by the same rule they display. */
static void sql_flags(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *status = (const char *)sqlite3_value_text(argv[0]);
    const char *start = (const char *)sqlite3_value_text(argv[2]);
    const char *due = (const char *)sqlite3_value_text(argv[3]);
    const char *today = (const char *)sqlite3_value_text(argv[4]);
    struct flag_rules r = {0, sqlite3_value_int(argv[5]), sqlite3_value_int(argv[6])};
    td_date s = 0, d = 0;
    int st = status != NULL ? status_parse(status) : -1;
    if (st < 0 || today == NULL || date_parse_iso(today, &r.today) != 0) {
        sqlite3_result_int(c, 0);
        return;
    }
    bool has_start = start != NULL && date_parse_iso(start, &s) == 0;
    bool has_due = due != NULL && date_parse_iso(due, &d) == 0;
    sqlite3_result_int(c, (int)status_flags(&r, (enum task_status)st, sqlite3_value_int(argv[1]),
                                            has_start, s, has_due, d));
}

static int sql_natural(void *arg, int alen, const void *a, int blen, const void *b)
{
    (void)arg;
    return text_natural_cmp(a, (size_t)alen, b, (size_t)blen);
}

static void store_free(struct store *st)
{
    store_task_anchor_drop(st);
    for (int i = 0; i < st->ncache; i++)
        sqlite3_finalize(st->cache[i].stmt);
    if (st->db != NULL)
        sqlite3_close(st->db);
    free(st->path);
    free(st->user);
    free(st->unit_ids);
    free(st);
}

void store_close(struct store *st)
{
    if (st != NULL)
        store_free(st);
}

/* The database and its -wal and -shm, when this process owns them, to the mode (and group)
 * asked for. By path, never through another descriptor (closing one drops SQLite's locks);
 * a symbolic link is left alone. */
static int set_modes(const char *path, const struct store_options *opts, struct td_err *err)
{
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; opts->file_mode != 0 && i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char p[PATH_MAX + 8];
        snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
        struct stat sb;
        if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid())
            continue;
        if (opts->file_group && sb.st_gid != (gid_t)opts->file_gid &&
            lchown(p, (uid_t)-1, (gid_t)opts->file_gid) != 0)
            return td_err_set(err, TD_E_IO,
                              _("%s: cannot give it to group %u ([security] group): %s"), p,
                              opts->file_gid, strerror(errno));
        if ((sb.st_mode & 07777) != opts->file_mode && chmod(p, (mode_t)opts->file_mode) != 0)
            return td_err_set(err, TD_E_IO, _("%s: cannot set its mode to %04o: %s"), p,
                              opts->file_mode, strerror(errno));
    }
    return 0;
}

int store_open(struct store **out, const char *path, const struct store_options *opts,
               struct td_err *err)
{
    *out = NULL;
    struct stat sb;
    bool existed = stat(path, &sb) == 0;
    if (!existed && !opts->create)
        return td_err_set(err, TD_E_NOTFOUND,
                          _("%s: no database here; create it with: tiendo init --demo"), path);
    if (existed && S_ISDIR(sb.st_mode))
        return td_err_set(err, TD_E_DB, _("%s: is a directory, not a database file"), path);
    if (existed && access(path, R_OK) != 0)
        return td_err_set(err, TD_E_DB, _("%s: cannot read the database (%s)"), path,
                          strerror(errno));
    if (existed && access(path, W_OK) != 0)
        return td_err_set(err, TD_E_DB,
                          _("%s: the database is read-only (%s); tiendo needs to write it"), path,
                          strerror(errno));

    struct store *st = calloc(1, sizeof *st);
    if (st == NULL)
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    st->path = strdup(path);
    st->user = strdup(opts->user != NULL ? opts->user : "?");
    st->role = USER_ADMIN;
    st->lock_after_days = opts->lock_after_days;
    st->today = opts->today;
    int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (opts->create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
    if (rc != SQLITE_OK) {
        if (st->db == NULL) {
            free(st->path);
            free(st->user);
            free(st);
            return td_err_set(err, TD_E_NOMEM, _("out of memory"));
        }
        store_fail(st, _("opening"), err);
        store_free(st);
        return -1;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_create_function(st->db, "tiendo_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            sql_fold, NULL, NULL);
    sqlite3_create_collation(st->db, "tiendo_natural", SQLITE_UTF8, NULL, sql_natural);
    sqlite3_create_function(st->db, "tiendo_natural_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                            NULL, sql_natural_key, NULL, NULL);
    sqlite3_create_function(st->db, "tiendo_flags", 7, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            sql_flags, NULL, NULL);
    sqlite3_busy_timeout(st->db, (int)opts->busy_timeout_ms);

    /* Reading the schema first tells a non-SQLite or damaged file before anything is written.
     * journal_mode=WAL lets readers and one writer work at once; synchronous=NORMAL is safe
     * in WAL (a power cut may lose the last commits, never the file). */
    if (set_modes(path, opts, err) != 0 || /* before SQLite makes -wal and -shm like it */
        store_exec(st, "SELECT count(*) FROM sqlite_schema", err) != 0 ||
        store_exec(st, "PRAGMA foreign_keys = ON", err) != 0 ||
        store_exec(st, "PRAGMA journal_mode = WAL", err) != 0 ||
        store_exec(st, "PRAGMA synchronous = NORMAL", err) != 0 ||
        store_migrate_to(st,
                         opts->schema_version > 0 ? opts->schema_version : store_schema_version(),
                         err) != 0 ||
        set_modes(path, opts, err) != 0) {
        store_free(st);
        if (!existed) {
            /* Never leave a half-made database behind. */
            char side[4200];
            unlink(path);
            snprintf(side, sizeof side, "%s-wal", path);
            unlink(side);
            snprintf(side, sizeof side, "%s-shm", path);
            unlink(side);
        }
        return -1;
    }
    /* Rows another program added get their list keys now, not at the first screen. A database
     * this user may only read keeps them without: they sort first. */
    struct td_err ignored;
    store_task_heal_keys(st, &ignored);
    *out = st;
    return 0;
}

int store_each_cells(struct store *st, const char *sql, int ncols,
                     int (*row)(void *ctx, const char *const *cells), void *ctx, const char *what,
                     struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    const char *cells[16];
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        for (int i = 0; i < ncols && i < 16; i++) {
            const unsigned char *t = sqlite3_column_text(s, i);
            cells[i] = t != NULL ? (const char *)t : "";
        }
        if (row(ctx, cells) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, what, err);
}

int store_audit(struct store *st, const char *sql, long id, const char *action, const char *old,
                const char *what, struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, action, -1, SQLITE_STATIC);
    if (old != NULL)
        sqlite3_bind_text(s, 4, old, -1, SQLITE_STATIC);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : store_fail(st, what, err);
}

void store_save_start(struct store *st, struct row_save *rs)
{
    rs->old = rs->id != 0 ? store_snapshot(st, rs->before, rs->id) : NULL;
}

long store_save_write(struct store *st, struct row_save *rs, sqlite3_stmt *s, struct td_err *err)
{
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, rs->what, err);
    if (sqlite3_changes(st->db) == 0)
        return td_err_set(err, TD_E_CONFLICT, "%s", rs->conflict);
    return rs->id != 0 ? rs->id : (long)sqlite3_last_insert_rowid(st->db);
}

int store_save_end(struct store *st, struct row_save *rs, long id, struct td_err *err)
{
    bool insert = rs->id == 0;
    int rc = store_audit(st, rs->audit, id, insert ? "insert" : "update", rs->old, rs->what, err);
    free(rs->old);
    rs->old = NULL;
    if (rc != 0) {
        store_rollback(st);
        return -1;
    }
    if (store_commit(st, err) != 0)
        return -1;
    rs->id = id;
    rs->version =
        insert ? 1 : rs->version + 1; /* a second save from the same form is no conflict */
    return 0;
}

void store_save_abort(struct store *st, struct row_save *rs)
{
    free(rs->old);
    rs->old = NULL;
    store_rollback(st);
}

char *store_snapshot(struct store *st, const char *sql, long id)
{
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    if (s == NULL)
        return NULL;
    sqlite3_bind_int64(s, 1, id);
    char *json = NULL;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
        json = strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    return json;
}

int store_link_codes(struct store *st, const struct link_sql *sql, long id, const char *list,
                     bool units, const char *what, struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql->clear, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, what, err);
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", list);
    char seen[1100] = ","; /* ",A,B,": a code named twice is added once, and is not unknown */
    char *save = NULL;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save)) {
        char key[1030];
        snprintf(key, sizeof key, ",%s,", c);
        if (strstr(seen, key) != NULL)
            continue;
        snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s,", c);
        if ((s = store_stmt(st, sql->add, err)) == NULL)
            return -1;
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, c, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s) != SQLITE_DONE)
            return store_fail(st, what, err);
        if (sqlite3_changes(st->db) == 0)
            return td_err_set(err, TD_E_INVALID,
                              units ? _("unit %s does not exist") : _("task %s does not exist"), c);
    }
    return 0;
}
