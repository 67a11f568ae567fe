/* The program's settings from tiendo.ini files: loading, validation, documentation. */
#ifndef TIENDO_CONFIG_H
#define TIENDO_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/colors.h"
#include "tiendo/err.h"
#include "tiendo/keys.h"
#include "tiendo/users.h"

/* A list of day counts, as [reports] remind_days = 7, 1 gives it. */
#define TD_DAYS_MAX 8
struct td_days {
    int n;
    int day[TD_DAYS_MAX];
};

/* Every field has its default after config_load, whatever the files say. Strings are owned
 * by the struct (config_free). */
struct td_config {
    char *db_path; /* [database] path; "" means under the user's data directory */
    long busy_timeout_ms;
    char *language;            /* vi, en or auto */
    char *theme;               /* default or mono */
    char *date_format;         /* e.g. %d/%m/%Y */
    char *plan_file;           /* a name in the plans directory, or a path */
    long behind_tolerance;     /* [tasks]: percentage points before "behind schedule" */
    long due_soon_days;        /* [tasks]: how near a due date is "due soon" */
    long report_due_soon_days; /* [reports]: the same for a report not yet submitted */
    struct td_days
        remind_days;  /* [reports]: a calendar alarm this many days before each due date */
    double tolerance; /* [targets]: how far below a target is "at risk", 0..1 */
    char *export_dir; /* [export] dir: where x writes lists; "" = the data directory's */
    /* [report]: the letterhead and signature of Vietnamese drafts; "" = left for the office */
    char *report_issuer, *report_issuer_unit, *report_symbol, *report_place, *report_recipients,
        *report_signer_position, *report_signer_name;
    bool restricted;        /* [security] restricted: once a file says yes, it stays on */
    char *group;            /* [security] group: "" = none */
    long group_gid;         /* that group's id, -1 when none (files are 0600, else 0640) */
    long lock_after_days;   /* [security]: a period is read-only this long after it ends */
    struct user_def *users; /* [users] of every file, a later file's line winning */
    int nusers;
    bool plan_file_set; /* some file set [plan] file (otherwise the database's own is kept) */
    int plan_file_from; /* which of files[] set it last */
    char *files[3];     /* the files that were read, in order */
    int nfiles;
    struct keymap keymap;                 /* the action table's keys after [keys] */
    char *key_file[ACT_COUNT];            /* which file rebound each action, for messages */
    struct color_spec colors[ROLE_COUNT]; /* [colors]: .set where a file set the role */
};

/* Reads /etc/tiendo/tiendo.ini, the user's file ($XDG_CONFIG_HOME/tiendo/tiendo.ini), then
 * cli_file (may be NULL), later values winning. Missing optional files are skipped; a missing
 * cli_file is an error. On failure err names the file, section and key (TD_E_CONFIG). */
int config_load(struct td_config *cfg, const char *cli_file, struct td_err *err);

/* As config_load over an explicit list of files (required[i]: missing is an error). Every
 * problem is passed to report (when not NULL), not only the first; returns the number of
 * problems, and err holds the first. */
int config_load_files(struct td_config *cfg, const char *const *paths, const bool *required, int n,
                      void (*report)(void *ctx, const char *msg), void *ctx, struct td_err *err);

void config_free(struct td_config *cfg);

/* The user's config file path ($XDG_CONFIG_HOME or ~/.config) into buf. */
void config_user_file(char *buf, size_t size);
#ifndef TIENDO_SYSCONFDIR
#define TIENDO_SYSCONFDIR "/etc" /* the Makefile passes SYSCONFDIR */
#endif
#define CONFIG_SYSTEM_FILE TIENDO_SYSCONFDIR "/tiendo/tiendo.ini"

/* The settings table, for documentation and tests: returns false past the end. Section and
 * key are NULL-free; key is "" for a section that has no keys yet; help is untranslated. */
bool config_describe(size_t i, const char **section, const char **key, const char **def,
                     const char **help);

#endif
