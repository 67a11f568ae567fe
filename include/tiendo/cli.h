/* The command line: options, subcommands, exit statuses. main decides between a command,
 * which the command line runs to its end, and the screens, which it prepares. */
#ifndef TIENDO_CLI_H
#define TIENDO_CLI_H

#include <stdbool.h>

#include "tiendo/config.h"
#include "tiendo/date.h"
#include "tiendo/err.h"
#include "tiendo/store.h"

/* What the screens need from the command line: the settings, who, in which language, today,
 * restricted or not, and the database once cli_open_session has opened it. */
struct cli;
struct cli_session {
    struct cli *cli; /* the parsed command line and settings, until cli_end */
    struct store *store;
    const struct td_config *cfg;
    const char *user;
    const char *lang; /* "vi" or "en" */
    td_date today;
    bool restricted;
};

/* cli_main's status when no command was given: open the screens on s. */
enum { CLI_SCREENS = -1 };

/* Runs the command the arguments name and returns the process exit status (0 success,
 * 1 runtime failure, 2 usage or configuration error); with no command, reads the settings
 * into s and returns CLI_SCREENS. */
int cli_main(int argc, char **argv, struct cli_session *s);
/* Opens s's database and brings its plan in step with the plan file: 0, or the exit status
 * after saying why. */
int cli_open_session(struct cli_session *s);
/* Prints err ("tiendo: message", and to the system log when it should) and returns its exit
 * status. */
int cli_fail(const struct td_err *err);
/* Closes what s holds; returns status. */
int cli_end(struct cli_session *s, int status);

#endif
