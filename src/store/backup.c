/* A consistent copy of the live database through SQLite's online backup API, checked. */
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

static void remove_copy(const char *dest)
{
    char side[PATH_MAX + 16];
    unlink(dest);
    snprintf(side, sizeof side, "%s-journal", dest);
    unlink(side);
    snprintf(side, sizeof side, "%s-wal", dest);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", dest);
    unlink(side);
}

static void count_problem(void *ctx, const char *msg)
{
    struct td_err *first = ctx;
    if (first->status == TD_OK)
        td_err_set(first, TD_E_DB, "%s", msg);
}

/* Copies every page in one step: the source is read in one read transaction, so the copy is
 * the database as some commit left it, whatever other sessions are writing meanwhile (in WAL
 * they do not block a reader). */
static int copy_pages(struct store *st, sqlite3 *dst, const char *dest, struct td_err *err)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
    if (b == NULL)
        return td_err_set(err, TD_E_DB, _("%s: cannot start the backup: %s"), dest,
                          sqlite3_errmsg(dst));
    int rc;
    for (long tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED;
         tries++) {
        if (tries * 100 >= st->busy_timeout_ms)
            break;
        sqlite3_sleep(100);
    }
    sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return td_err_set(err, TD_E_BUSY,
                          _("%s: the database is busy (another session is writing); try again"),
                          st->path);
    return td_err_set(err, TD_E_DB, _("%s: the backup failed: %s"), dest, sqlite3_errstr(rc));
}

int store_backup(struct store *st, const char *dest, struct store_backup_info *info,
                 struct td_err *err)
{
    memset(info, 0, sizeof *info);
    /* O_EXCL: an existing file (or a symlink planted in its place) is never overwritten. */
    int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST)
        return td_err_set(err, TD_E_INVALID,
                          _("%s: the file exists already; a backup never overwrites a file "
                            "(remove it first, or choose another name)"),
                          dest);
    if (fd < 0)
        return td_err_set(err, TD_E_IO, _("%s: cannot create the backup: %s"), dest,
                          strerror(errno));
    int chmod_rc = fchmod(fd, 0600); /* whatever the umask: the copy holds everyone's data */
    close(fd);
    if (chmod_rc != 0) {
        td_err_set(err, TD_E_IO, _("%s: cannot create the backup: %s"), dest, strerror(errno));
        remove_copy(dest);
        return -1;
    }
    sqlite3 *dst = NULL;
    if (sqlite3_open_v2(dest, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        td_err_set(err, TD_E_IO, _("%s: cannot create the backup: %s"), dest,
                   dst != NULL ? sqlite3_errmsg(dst) : _("out of memory"));
        sqlite3_close(dst);
        remove_copy(dest);
        return -1;
    }
    int rc = copy_pages(st, dst, dest, err);
    /* The copy keeps the source's WAL mark in its header: reopened, it is made one
     * self-contained file again, not a database waiting for its -wal. */
    sqlite3_close(dst);
    dst = NULL;
    if (rc == 0 &&
        (sqlite3_open_v2(dest, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
             SQLITE_OK ||
         sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK))
        rc = td_err_set(err, TD_E_DB, _("%s: the backup failed: %s"), dest,
                        dst != NULL ? sqlite3_errmsg(dst) : _("out of memory"));
    if (rc == 0) {
        /* The same checks as `tiendo check`, on the copy. */
        struct store *copy = calloc(1, sizeof *copy);
        if (copy == NULL) {
            rc = td_err_set(err, TD_E_NOMEM, _("out of memory"));
        } else {
            copy->db = dst;
            copy->path = (char *)dest;
            struct td_err first = {0};
            int problems = store_check(copy, count_problem, &first, err);
            free(copy);
            if (problems < 0)
                rc = -1;
            else if (problems > 0)
                rc = td_err_set(err, TD_E_DB, _("%s: the copy failed its check; removed: %s"), dest,
                                first.msg);
            info->version = store_user_version(st);
        }
    }
    sqlite3_close(dst);
    struct stat sb;
    if (rc == 0 && stat(dest, &sb) == 0)
        info->bytes = (long long)sb.st_size;
    if (rc != 0)
        remove_copy(dest);
    return rc;
}
