/* Opening the database, its connection settings, statements and transactions. */
#include <errno.h>
#include <fcntl.h>
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

int store_get_row(struct store *st, const char *sql, const long *keys, int nkeys,
                  store_read_fn read, void *out, const char *gone, const char *what,
                  struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    for (int i = 0; i < nkeys; i++)
        sqlite3_bind_int64(s, i + 1, keys[i]);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        read(s, out);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return td_err_set(err, TD_E_NOTFOUND, "%s", gone);
    return rc == SQLITE_ROW ? 0 : store_fail(st, what, err);
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
    if (st->ncache == st->capcache) {
        int cap = st->capcache > 0 ? 2 * st->capcache : 64;
        struct stmt_slot *grown = realloc(st->cache, (size_t)cap * sizeof *grown);
        if (grown == NULL) {
            sqlite3_finalize(s);
            td_err_set(err, TD_E_NOMEM, _("out of memory"));
            return NULL;
        }
        st->cache = grown;
        st->capcache = cap;
    }
    st->cache[st->ncache].sql = sql;
    st->cache[st->ncache].stmt = s;
    st->ncache++;
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
    /* The search texts this transaction noted go into task_fts in one statement (migration
     * 8): a write leaves the index whole, however many tasks it wrote. */
    if (store_task_fts_flush(st, err) != 0) {
        store_rollback(st);
        return -1;
    }
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
    text_copy(dst, size, t != NULL ? (const char *)t : ""); /* cut: never inside a character */
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

/* Removes a database file and the journals SQLite keeps beside it. */
static void unlink_db_files(const char *path)
{
    static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        char side[PATH_MAX + 16];
        snprintf(side, sizeof side, "%s%s", path, sides[i]);
        unlink(side);
    }
}

static void store_free(struct store *st)
{
    store_task_anchor_drop(st);
    for (int i = 0; i < st->ncache; i++)
        sqlite3_finalize(st->cache[i].stmt);
    free(st->cache);
    if (st->db != NULL)
        sqlite3_close(st->db);
    if (st->tmp_path != NULL) /* created by store_create and never finished: it goes */
        unlink_db_files(st->tmp_path);
    free(st->tmp_path);
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

/* What the open file is, read without writing a byte: a tiendo database (application_id, or
 * from before it the version and tiendo's tables), an empty one (only create may fill it), or
 * something else. A newer tiendo's database is refused here too, before WAL is switched on. */
static int identify(struct store *st, bool create, struct td_err *err)
{
    static const char sql[] =
        "SELECT (SELECT application_id FROM pragma_application_id),"
        " (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema),"
        " (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
        " ('plan', 'unit', 'task', 'progress_update', 'audit_log'))";
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return store_fail(st, _("opening"), err);
    }
    long app_id = (long)sqlite3_column_int64(s, 0);
    int version = sqlite3_column_int(s, 1);
    long objects = (long)sqlite3_column_int64(s, 2);
    int ours = sqlite3_column_int(s, 3);
    sqlite3_finalize(s);
    if (app_id == STORE_APPLICATION_ID || (app_id == 0 && version >= 1 && ours == 5)) {
        if (version > store_schema_version())
            return td_err_set(err, TD_E_NEWER,
                              _("%s: the database has schema version %d, but this tiendo knows "
                                "only up to %d; use a newer tiendo"),
                              st->path, version, store_schema_version());
        return 0;
    }
    if (app_id == 0 && version == 0 && objects == 0) {
        if (create)
            return 0;
        return td_err_set(err, TD_E_DB,
                          _("%s: not a tiendo database (an empty file); create one with: tiendo "
                            "init"),
                          st->path);
    }
    return td_err_set(err, TD_E_DB,
                      _("%s: not a tiendo database (an SQLite database of another program); "
                        "nothing was changed in it"),
                      st->path);
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
    snprintf(st->date_format, sizeof st->date_format, "%s",
             opts->date_format != NULL && date_format_check(opts->date_format) == 0
                 ? opts->date_format
                 : "%d/%m/%Y");
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
    st->busy_timeout_ms = opts->busy_timeout_ms;

    /* Only reads until the file is known to be tiendo's: a file of another program, an empty
     * one or one of a newer tiendo is refused exactly as it was found (issue 14).
     * journal_mode=WAL lets readers and one writer work at once; synchronous=NORMAL is safe
     * in WAL (a power cut may lose the last commits, never the file). */
    if (identify(st, opts->create, err) != 0 ||
        set_modes(path, opts, err) != 0 || /* before SQLite makes -wal and -shm like it */
        store_exec(st, "PRAGMA foreign_keys = ON", err) != 0 ||
        store_exec(st, "PRAGMA journal_mode = WAL", err) != 0 ||
        store_exec(st, "PRAGMA synchronous = NORMAL", err) != 0 ||
        store_migrate_to(st,
                         opts->schema_version > 0 ? opts->schema_version : store_schema_version(),
                         err) != 0 ||
        set_modes(path, opts, err) != 0) {
        store_free(st);
        if (!existed) /* never leave a half-made database behind */
            unlink_db_files(path);
        return -1;
    }
    /* Rows another program added get their list keys now, not at the first screen. A database
     * this user may only read keeps them without: they sort first. */
    struct td_err ignored;
    sqlite3_busy_timeout(st->db, 0); /* only when nobody is writing: it is no reason to wait */
    store_task_heal_keys(st, &ignored);
    sqlite3_busy_timeout(st->db, (int)opts->busy_timeout_ms);
    *out = st;
    return 0;
}

int store_create(struct store **out, const char *path, const struct store_options *opts,
                 struct td_err *err)
{
    *out = NULL;
    struct stat sb;
    bool replace = stat(path, &sb) == 0;
    if (replace && (!S_ISREG(sb.st_mode) || sb.st_size != 0))
        return store_open(out, path, opts, err);
    /* Built beside its place (same directory, so the rename is atomic) under a name no other
     * command opens; only a complete database is renamed into place (store_finish). */
    char tmp[PATH_MAX + 32];
    const char *slash = strrchr(path, '/');
    int dirlen = slash != NULL ? (int)(slash - path + 1) : 0;
    snprintf(tmp, sizeof tmp, "%.*s.%s.init-XXXXXX", dirlen, path, path + dirlen);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return td_err_set(err, TD_E_DB, _("%s: cannot create the database (%s)"), path,
                          strerror(errno));
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0644 & ~mask); /* what SQLite gives a file it creates */
    close(fd);
    struct store_options o = *opts;
    o.create = true;
    if (store_open(out, tmp, &o, err) != 0) {
        unlink_db_files(tmp);
        return -1;
    }
    struct store *st = *out;
    if (st == NULL) /* store_open gives a store whenever it returns 0 */
        return td_err_set(err, TD_E_DB, _("%s: cannot create the database (%s)"), path, tmp);
    char *final = strdup(path), *t = strdup(tmp);
    if (final == NULL || t == NULL) {
        free(final);
        free(t);
        store_free(st);
        unlink_db_files(tmp);
        *out = NULL;
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    free(st->path);
    st->path = final;
    st->tmp_path = t;
    st->replace = replace;
    return store_exec(st, "PRAGMA application_id = " STORE_APPLICATION_ID_TEXT, err);
}

static void fsync_path(const char *path, int flags)
{
    int fd = open(path, flags);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int store_finish(struct store *st, struct td_err *err)
{
    if (st == NULL)
        return 0;
    if (st->tmp_path == NULL) {
        store_free(st);
        return 0;
    }
    /* Everything into the main file, the WAL emptied: closing the last connection removes the
     * -wal and -shm files, so the file is whole on its own when it takes its place. */
    if (store_exec(st, "PRAGMA wal_checkpoint(TRUNCATE)", err) != 0) {
        store_free(st);
        return -1;
    }
    char *tmp = st->tmp_path, *path = strdup(st->path);
    bool replace = st->replace;
    st->tmp_path = NULL;
    store_free(st);
    int rc = path == NULL || tmp == NULL ? td_err_set(err, TD_E_NOMEM, _("out of memory")) : 0;
    if (path != NULL && tmp != NULL) {
        fsync_path(tmp, O_RDONLY);
        /* link refuses to replace a database another init made meanwhile; rename replaces the
         * empty file that was there. */
        if (replace ? rename(tmp, path) != 0 : link(tmp, path) != 0) {
            rc = td_err_set(err, TD_E_DB,
                            errno == EEXIST
                                ? _("%s: another tiendo init created the database meanwhile; "
                                    "nothing was changed, run init again")
                                : _("%s: cannot create the database (%s)"),
                            path, strerror(errno));
        } else {
            char dir[PATH_MAX];
            snprintf(dir, sizeof dir, "%s", path);
            char *slash = strrchr(dir, '/');
            if (slash == NULL)
                snprintf(dir, sizeof dir, ".");
            else if (slash == dir)
                dir[1] = '\0';
            else
                *slash = '\0';
            fsync_path(dir, O_RDONLY | O_DIRECTORY);
        }
    }
    if (tmp != NULL) /* after link, the name that built it; after a failure, the file */
        unlink_db_files(tmp);
    free(tmp);
    free(path);
    return rc;
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
    char *now = insert || rs->old == NULL ? NULL : store_snapshot(st, rs->before, id);
    bool same = now != NULL && strcmp(now, rs->old) == 0;
    free(now);
    if (same) { /* a save that changed nothing writes nothing: no new version, no audit row */
        free(rs->old);
        rs->old = NULL;
        store_rollback(st);
        return 0;
    }
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
    /* As long as the list is: a list of every unit is cut nowhere. */
    size_t len = strlen(list);
    char *copy = strdup(list), *seen = malloc(len + 3);
    char *key = malloc(len + 3);
    if (copy == NULL || seen == NULL || key == NULL) {
        free(copy), free(seen), free(key);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    snprintf(seen, len + 3, ","); /* ",A,B,": a code named twice is added once, not unknown */
    char *save = NULL;
    int rc = 0;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL && rc == 0;
         c = strtok_r(NULL, ", ", &save)) {
        snprintf(key, len + 3, ",%s,", c);
        if (strstr(seen, key) != NULL)
            continue;
        snprintf(seen + strlen(seen), len + 3 - strlen(seen), "%s,", c);
        if ((s = store_stmt(st, sql->add, err)) == NULL) {
            rc = -1;
            break;
        }
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, c, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = store_fail(st, what, err);
        else if (sqlite3_changes(st->db) == 0)
            rc = td_err_set(err, TD_E_INVALID,
                            units ? _("unit %s does not exist") : _("task %s does not exist"), c);
    }
    free(copy), free(seen), free(key);
    return rc;
}

int store_collected(int rc, const int *got, int max, int *n, struct td_err *err)
{
    *n = *got; /* read after the reader ran (the order of arguments is not fixed) */
    if (rc > 0)
        return td_err_set(err, TD_E_INVALID,
                          _("more than %d rows to read, more than this place can hold"), max);
    return rc;
}
