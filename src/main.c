/* tiendo: tracks how a ministry's units carry out a strategy's action plan. main decides
 * between the two ways it runs: a command (the command line runs it to its end), or the
 * screens on the database the settings name. */
#include <unistd.h>

#include "tiendo/cli.h"
#include "tiendo/tui.h"

int main(int argc, char **argv)
{
    struct cli_session s;
    int status = cli_main(argc, argv, &s);
    if (status != CLI_SCREENS)
        return status;
    struct td_err err = {0};
    /* On a terminal, TERM is checked before anything opens (ncurses would print its own
     * message and exit); without one, a missing database is still the first thing said. */
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && tui_check_terminal(&err) != 0)
        return cli_end(&s, cli_fail(&err));
    if ((status = cli_open_session(&s)) == 0) {
        struct tui_context ctx = {s.store, s.cfg, s.user, s.lang, s.today, s.restricted};
        if (tui_run(&ctx, &err) != 0)
            status = cli_fail(&err);
    }
    status = cli_end(&s, status);
    /* Hung up or terminated: the terminal is restored and the database closed; end as that
     * signal would, at once (no exit handlers left to run, see src/tui/app.c). */
    if (tui_stopped_by() != 0)
        tui_end_by_signal(tui_stopped_by());
    return status;
}
