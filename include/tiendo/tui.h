/* The full-screen interface. */
#ifndef TIENDO_TUI_H
#define TIENDO_TUI_H

#include <stdbool.h>

#include "tiendo/config.h"
#include "tiendo/date.h"
#include "tiendo/err.h"
#include "tiendo/store.h"

struct tui_context {
    struct store *store;
    const struct td_config *cfg;
    const char *user;
    const char *lang; /* "vi" or "en": the interface language in force */
    td_date today;
    bool restricted; /* no way out: Ctrl-Z does not suspend to a shell */
};

/* Takes over the terminal until the user quits; restores it on every way out. Returns 0, or
 * -1 with err set (e.g. not a terminal). */
int tui_run(struct tui_context *ctx, struct td_err *err);

/* The signal (SIGHUP, SIGTERM, SIGINT) that ended tui_run, or 0 when the user quit. The
 * caller closes what it holds and then ends by that signal (tui_end_by_signal), as a
 * program killed by it would. Until then a second signal ends the process at once. */
int tui_stopped_by(void);
void tui_end_by_signal(int sig);

/* Whether this terminal can run the screens: standard input and output are terminals and
 * TERM names a terminfo entry that can move the cursor (not "dumb"). TD_E_USAGE with a
 * message saying what to do otherwise, before ncurses would print its own and exit. */
int tui_check_terminal(struct td_err *err);

#endif
