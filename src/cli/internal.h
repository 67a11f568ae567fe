/* What the subcommands share: the parsed command line and the loaded settings. */
#ifndef TIENDO_CLI_INTERNAL_H
#define TIENDO_CLI_INTERNAL_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "tiendo/cli.h"
#include "tiendo/config.h"
#include "tiendo/date.h"
#include "tiendo/err.h"
#include "tiendo/plan.h"
#include "tiendo/store.h"

struct cli {
    const char *config_file; /* --config */
    const char *db_option;   /* --db */
    const char *user_option; /* --user */
    const char *plan_option; /* init --plan */
    bool demo;               /* init --demo */
    const char *format;      /* export --format */
    const char *output;      /* export -o */
    bool bom;                /* export --bom */
    bool dry_run;            /* import --dry-run */
    bool full;               /* check --full */
    const char *unit;        /* report --unit */
    bool all_tasks;          /* report --all-tasks */
    const char *since;       /* audit --since */
    const char *days;        /* remind --days */
    const char *audit_login; /* audit --by: whose changes (not who acts) */
    const char *status;      /* progress --status */
    const char *date;        /* progress --date */
    const char *note;        /* progress --note */
    const char *reason;      /* progress --reason */
    struct td_config cfg;
    char db_path[PATH_MAX];
    char user[256];
    bool restricted;  /* --user given, or [security] restricted: decided once, in cli_main */
    bool ssh;         /* the command came in SSH_ORIGINAL_COMMAND */
    const char *lang; /* "vi" or "en" */
    td_date today;
};

/* After the settings are loaded: the interface language, the database path (--db, else
 * [database] path, else the data directory) and the user (--user, else the login name). */
void cli_settle(struct cli *cli);

/* Whether path names a file directly inside the export directory (paths_export_dir) (its real path;
 * not a dot file): the only files restricted mode reads or writes. */
bool cli_in_export_dir(const struct cli *cli, const char *path);

/* In restricted mode, refuses --config, --db and --plan: returns 2 after saying why, else 0. */
int cli_check_restricted(const struct cli *cli);
/* A [plan] file that some settings file names must be readable, whatever the command: 0, or
 * 2 after saying which file, section and key (check reports it among its problems instead). */
int cli_check_plan_file(const struct cli *cli);

/* Prints "tiendo: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* cli_fail (tiendo/cli.h): an error that stops tiendo for a reason an administrator should
 * see (cli_log_worthy) also goes to the system log. */

/* The system log (src/cli/log.c): who the messages name (the login; the Unix user until set),
 * which statuses are logged, and the one call that logs a line (LOG_USER, LOG_ERR, "tiendo"). */
void cli_log_as(const char *login);
bool cli_log_worthy(enum td_status status);
void cli_syslog(const char *msg);

/* The plan file to use: init --plan, else [plan] file when an INI set it, else the file the
 * database was synchronised from, else the default of [plan] file. */
void cli_plan_path(const struct cli *cli, struct store *st, char *buf, size_t size);

/* Whether the session runs as the owner of the database file, outside restricted mode: that
 * person could change the file with any SQLite tool anyway. */
bool cli_db_owner(const struct cli *cli);

/* Whether CODE names an active unit; false with ERR set when the lookup itself fails. */
bool cli_unit_known(struct store *st, const char *code, struct td_err *err);

/* Sets the language of messages from a [ui] language value (vi, en, auto); returns "vi" or
 * "en". */
const char *cli_use_language(const char *setting);

/* Opens the database with the settings (create for init). */
int cli_open_store(const struct cli *cli, bool create, struct store **out, struct td_err *err);

/* Loads the plan file and synchronises it when it changed since the last time. A missing
 * plan file is not an error when the database already holds the plan (only `check` says so).
 * Returns 0 or an exit status. */
int cli_sync_plan(const struct cli *cli, struct store *st, bool force, bool quiet);

/* A progress bar for long work, drawn on stderr only when it is a terminal. */
struct cli_progress {
    bool on;
    const char *what;
    long total, done;
    int shown;
};
void cli_progress_start(struct cli_progress *p, const char *what, long total);
void cli_progress_step(struct cli_progress *p);
void cli_progress_set(struct cli_progress *p, long done);
void cli_progress_end(struct cli_progress *p);

/* Where a command writes: standard output (no -o, or -o -), or with -o FILE a file made beside
 * FILE (mode 0600, or 0640 with [security] group) and renamed over it at the end, so that FILE
 * is written whole or not at all. */
struct cli_out {
    FILE *f;
    char tmp[PATH_MAX + 16];
};
/* Opens the output; 1 (cannot write) or 2 (restricted mode: outside [export] dir) after saying
 * why. */
int cli_out_open(const struct cli *cli, struct cli_out *o);
/* Whether the output is standard output (no -o, or -o -). */
bool cli_out_is_stdout(const struct cli *cli);
/* Opens a file to read: "-" is standard input; in restricted mode only a plain file directly
 * inside [export] dir (one name only: no hard link), opened there without following a link. Returns
 * 0, or 1 (cannot read) or 2 (restricted mode refuses it) after saying why. */
int cli_open_input(const struct cli *cli, const char *path, FILE **in);
/* Closes it. rc says how the content went: 0 complete, so FILE takes it; < 0 writing failed;
 * > 0 failed and the caller said why. Unless complete and written, the temporary file goes and
 * FILE stays as it was. Returns 0, or 1 (after saying what could not be written). */
int cli_out_close(const struct cli *cli, struct cli_out *o, int rc);

int cli_cmd_init(struct cli *cli);
int cli_cmd_check(struct cli *cli);
int cli_cmd_export(struct cli *cli, const char *what);
int cli_cmd_import(struct cli *cli, const char *what, const char *path);
int cli_cmd_report(struct cli *cli, const char *kind, const char *year);
int cli_cmd_calendar(struct cli *cli);
int cli_cmd_audit(struct cli *cli);
int cli_cmd_progress(struct cli *cli, const char *code, const char *percent);
int cli_cmd_period(struct cli *cli, const char *how, const char *period);
int cli_cmd_backup(struct cli *cli, const char *file);
int cli_cmd_remind(struct cli *cli);

#endif
