/* The database: opening, migrations, plan synchronisation, checks. The only SQL is here. */
#ifndef TIENDO_STORE_H
#define TIENDO_STORE_H

#include <stdbool.h>

#include "tiendo/date.h"
#include "tiendo/err.h"
#include "tiendo/plan.h"

struct store;

struct store_options {
    long busy_timeout_ms;    /* how long a write waits for another session */
    bool create;             /* create the file when it does not exist (init) */
    const char *user;        /* login recorded in updated_by */
    int schema_version;      /* migrate only up to this version (tests); 0: the latest */
    long lock_after_days;    /* [security]: periods this long over are read-only; 0: never */
    td_date today;           /* for the period lock */
    const char *date_format; /* dates in messages for people ([ui] date_format); NULL: %d/%m/%Y */
    unsigned file_mode;      /* mode of the file and its -wal and -shm (0600); 0: leave it */
    bool file_group;         /* give them the group file_gid too */
    unsigned file_gid;
};

/* Opens (or with create, creates) the database at path, sets foreign keys, WAL and the busy
 * timeout, and migrates an older schema. A missing file without create is TD_E_NOTFOUND; a
 * newer schema TD_E_NEWER; a locked database TD_E_BUSY; a read-only, damaged or non-SQLite
 * file TD_E_DB, with a message that says which; so is a file that is not a tiendo database (an
 * empty one, or another program's SQLite database), which is left exactly as it was: only
 * create may fill an empty file. A file created here and not migrated is
 * removed again, so a failure never leaves a half-made database behind. With file_mode, the
 * file, its -wal and its -shm get that mode (and group), whatever the umask or SQLite's own
 * 0644, when this process owns them. */
int store_open(struct store **out, const char *path, const struct store_options *opts,
               struct td_err *err);
void store_close(struct store *st);

/* For init: when path does not exist, or is an empty file, builds the database in a temporary
 * file beside it (same directory), which takes path's place only at store_finish, so that a
 * kill or an error at any moment leaves either no database or a complete one; store_close
 * without store_finish removes it. Otherwise it is store_open with create. */
int store_create(struct store **out, const char *path, const struct store_options *opts,
                 struct td_err *err);
/* Closes st; a database from store_create is written out (checkpoint, fsync), renamed into
 * place, and its directory synced. -1 with err when it could not take its place. */
int store_finish(struct store *st, struct td_err *err);

/* The schema version this program writes (PRAGMA user_version). */
int store_schema_version(void);
int store_user_version(struct store *st);

/* Writes the plan's settings into the database in one transaction: rows are matched by code,
 * new ones added, changed ones updated, and the ones that left the file marked inactive
 * (their data stays). Refuses a plan whose code differs from the one the database holds. */
int store_sync_plan(struct store *st, const struct plan_def *plan, struct td_err *err);
/* Whether the plan file with this hash has already been synchronised. */
bool store_plan_is_current(struct store *st, const char *source_hash);
/* The plan file the database was last synchronised from ("" when none). */
int store_plan_source(struct store *st, char *buf, size_t size);

/* Adds the demo tasks, progress updates and indicator values of plan, marked as demo data.
 * Rows already there (by task code, by indicator and year) are left as they are, so a second
 * run changes nothing. Returns the number of rows added, or -1. */
int store_load_demo(struct store *st, const struct plan_def *plan, struct td_err *err);

/* Runs integrity_check and foreign_key_check; passes each problem to report and returns
 * their number (-1 when the checks could not run). */
int store_check(struct store *st, void (*report)(void *ctx, const char *msg), void *ctx,
                struct td_err *err);
/* As store_check with full; without, as `tiendo check` runs by default (issue 18): a database
 * of at most 32 MiB gets quick_check and foreign_key_check whole, a larger one a quick_check and
 * foreign_key_check of every table but those that grow with the data (tasks, their units,
 * progress updates, the audit log, the search index), and the foreign keys of the newest 1,000
 * rows of those. store_check_was_partial: whether that default left tables unread. */
int store_check_mode(struct store *st, bool full, void (*report)(void *ctx, const char *msg),
                     void *ctx, struct td_err *err);
bool store_check_was_partial(struct store *st);

/* What a backup made. */
struct store_backup_info {
    long long bytes; /* the copy's size */
    int version;     /* its schema version */
};
/* Copies the database, as one commit left it, into the new file dest (mode 0600) with SQLite's
 * online backup API, while other sessions go on working, then runs store_check's checks on the
 * copy. An existing dest is never overwritten (TD_E_INVALID naming it); a dest that cannot be
 * made is TD_E_IO; a copy that fails its check is removed again (TD_E_DB). */
int store_backup(struct store *st, const char *dest, struct store_backup_info *info,
                 struct td_err *err);

/* What the main menu shows. Strings owned by the struct (store_summary_free). */
struct store_summary {
    char *plan_code, *plan_title, *plan_short_title;
    long start_year, end_year;
    char *phase_name; /* the phase that contains today's year, or NULL */
    long tasks, units, criteria, indicators, demo_rows;
};
int store_summary(struct store *st, int year, struct store_summary *out, struct td_err *err);
void store_summary_free(struct store_summary *s);

/* Counts rows of one of the plan's tables, active ones only when it has an active flag
 * (for tests and `check`); -1 for an unknown table. */
long store_count(struct store *st, const char *table, bool active_only);

#endif
