/* `tiendo init`: create or migrate the database and load the plan (and the demo data). */
#include <stdio.h>

#include "internal.h"
#include "tiendo/i18n.h"

int cli_cmd_init(struct cli *cli)
{
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, true, &st, &err) != 0)
        return cli_fail(&err);
    int status = cli_sync_plan(cli, st, false, false);
    struct store_summary sum = {0};
    int version = store_user_version(st);
    if (status == 0) {
        int year, month, day;
        date_to_ymd(cli->today, &year, &month, &day);
        if (store_summary(st, year, &sum, &err) != 0)
            status = cli_fail(&err);
    }
    /* A new database takes its place only now, complete; after a failure it never does. */
    if (status != 0)
        store_close(st);
    else if (store_finish(st, &err) != 0)
        status = cli_fail(&err);
    if (status == 0) {
        printf(_("Database %s ready (schema version %d).\n"), cli->db_path, version);
        printf(_("Plan %s: %ld units, %ld criteria, %ld indicators, %ld tasks.\n"), sum.plan_code,
               sum.units, sum.criteria, sum.indicators, sum.tasks);
    }
    store_summary_free(&sum);
    return status;
}
