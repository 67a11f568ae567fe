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
    if (status == 0) {
        struct store_summary sum;
        int year, month, day;
        date_to_ymd(cli->today, &year, &month, &day);
        if (store_summary(st, year, &sum, &err) != 0) {
            status = cli_fail(&err);
        } else {
            printf(_("Database %s ready (schema version %d).\n"), cli->db_path,
                   store_user_version(st));
            printf(_("Plan %s: %ld units, %ld criteria, %ld indicators, %ld tasks.\n"),
                   sum.plan_code, sum.units, sum.criteria, sum.indicators, sum.tasks);
            store_summary_free(&sum);
        }
    }
    store_close(st);
    return status;
}
