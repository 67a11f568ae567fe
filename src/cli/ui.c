/* No command: open the full-screen program on the database. */
#include <unistd.h>

#include "internal.h"
#include "tiendo/store_users.h"
#include "tiendo/tui.h"

int cli_cmd_ui(struct cli *cli)
{
    struct store *st = NULL;
    struct td_err err = {0};
    /* On a terminal, TERM is checked before anything opens (ncurses would print its own
     * message and exit); without one, a missing database is still the first thing said. */
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && tui_check_terminal(&err) != 0)
        return cli_fail(&err);
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    int status = cli_sync_plan(cli, st, false, true);
    if (status == 0) {
        struct tui_context ctx = {
            .store = st,
            .cfg = &cli->cfg,
            .user = store_user(st), /* the login as the store knows it */
            .lang = cli->lang,
            .today = cli->today,
            .restricted = cli->restricted,
        };
        if (tui_run(&ctx, &err) != 0)
            status = cli_fail(&err);
    }
    store_close(st);
    /* Hung up or terminated: the terminal is restored and the database closed; end as that
     * signal would, at once (no exit handlers left to run, see app.c). */
    if (tui_stopped_by() != 0)
        tui_end_by_signal(tui_stopped_by());
    return status;
}
