/* Steps the subcommands share: opening the database, finding and synchronising the plan. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/planfile.h"

void cli_plan_path(const struct cli *cli, struct store *st, char *buf, size_t size)
{
    if (cli->plan_option != NULL) {
        snprintf(buf, size, "%s", cli->plan_option);
        return;
    }
    if (!cli->cfg.plan_file_set && st != NULL) {
        store_plan_source(st, buf, size);
        if (buf[0] != '\0')
            return;
    }
    paths_plan_file(cli->cfg.plan_file, buf, size);
}

int cli_open_store(const struct cli *cli, bool create, struct store **out, struct td_err *err)
{
    if (create && paths_mkdir_parents(cli->db_path, err) != 0)
        return -1;
    struct store_options opts = {
        .busy_timeout_ms = cli->cfg.busy_timeout_ms,
        .create = create,
        .user = cli->user,
    };
    return store_open(out, cli->db_path, &opts, err);
}

static void print_problem(void *ctx, const char *msg)
{
    (void)ctx;
    cli_error("%s", msg);
}

int cli_sync_plan(const struct cli *cli, struct store *st, bool force, bool quiet)
{
    char path[PATH_MAX];
    cli_plan_path(cli, st, path, sizeof path);
    struct plan_def plan;
    struct td_err err = {0};
    int problems = plan_file_load(path, &plan, quiet ? NULL : print_problem, NULL, &err);
    int status = 0;
    if (problems > 0) {
        /* Starting on a database that already holds its plan works without the file. */
        bool have_plan = store_count(st, "phase", false) > 0 || store_count(st, "unit", false) > 0;
        if (!(quiet && err.status == TD_E_NOTFOUND && have_plan && !force)) {
            if (quiet)
                cli_error("%s", err.msg);
            status = td_exit_status(err.status == TD_E_NOTFOUND ? TD_E_CONFIG : err.status);
        }
    } else if (force || !store_plan_is_current(st, plan.source_hash)) {
        if (store_sync_plan(st, &plan, &err) != 0)
            status = cli_fail(&err);
    }
    if (status == 0 && cli->demo) {
        if (plan_file_load_demo(&plan, print_problem, NULL, &err) > 0) {
            status = td_exit_status(err.status == TD_E_NOTFOUND ? TD_E_CONFIG : err.status);
        } else {
            int added = store_load_demo(st, &plan, &err);
            if (added < 0)
                status = cli_fail(&err);
            else if (!quiet)
                printf(_("Demo data: %d rows added (marked as demo data).\n"), added);
        }
    }
    plan_def_free(&plan);
    return status;
}
