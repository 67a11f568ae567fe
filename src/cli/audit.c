/* `tiendo audit`: the audit trail as CSV or JSON; `tiendo period open|close`: reopening a
 * period the lock closed. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"
#include "tiendo/table.h"

static const struct table_column audit_cols[] = {
    {"id", true},      {"at", false},   {"login", false},      {"table", false},      {"row", true},
    {"action", false}, {"unit", false}, {"old_values", false}, {"new_values", false},
};

static int audit_row(void *ctx, const struct audit_row *r)
{
    char id[24], row[24];
    snprintf(id, sizeof id, "%ld", r->id);
    snprintf(row, sizeof row, "%ld", r->row_id);
    const char *cells[] = {id,        r->at,   r->login,    r->table,   row,
                           r->action, r->unit, r->old_full, r->new_full};
    return table_row(ctx, cells);
}

int cli_cmd_audit(struct cli *cli)
{
    enum table_format format;
    if (cli->format == NULL || strcmp(cli->format, "csv") == 0) {
        format = TABLE_CSV;
    } else if (strcmp(cli->format, "json") == 0) {
        format = TABLE_JSON;
    } else {
        cli_error(_("--format: expected csv or json; got \"%s\""), cli->format);
        return 2;
    }
    td_date since;
    if (cli->since != NULL && date_parse_iso(cli->since, &since) != 0) {
        cli_error(_("--since: expected a date YYYY-MM-DD; got \"%s\""), cli->since);
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    struct cli_out o;
    int opened = cli_out_open(cli, &o);
    if (opened != 0) {
        store_close(st);
        return opened;
    }
    char login[USER_LOGIN_MAX];
    if (cli->audit_login != NULL)
        user_login_fold(cli->audit_login, login, sizeof login);
    struct audit_filter f = {cli->since, cli->audit_login != NULL ? login : NULL, 0};
    struct table_writer w;
    int rc = table_begin(&w, o.f, format, audit_cols, (int)(sizeof audit_cols / sizeof *audit_cols),
                         cli->bom);
    if (rc == 0)
        rc = store_audit_each(st, &f, false, 0, audit_row, &w, &err);
    if (rc == 0)
        rc = table_end(&w);
    int failed = 0;
    if (rc != 0 && err.msg[0] != '\0') {
        failed = cli_fail(&err);
        rc = 1;
    }
    int status = cli_out_close(cli, &o, rc);
    store_close(st);
    return failed != 0 ? failed : status;
}

int cli_cmd_period(struct cli *cli, const char *how, const char *period)
{
    bool open = how != NULL && strcmp(how, "open") == 0;
    if (how == NULL || (!open && strcmp(how, "close") != 0) || period == NULL ||
        period[0] == '\0') {
        cli_error(_("period open PERIOD or period close PERIOD (e.g. 2025); see tiendo --help"));
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    int status = 0;
    if (store_period_set_open(st, period, open, &err) != 0) {
        status = cli_fail(&err);
    } else if (open) {
        printf(_("Period %s is open for changes again.\n"), period);
    } else {
        /* Closing takes the admin's reopening away: say what that means today. */
        char ends[16];
        store_period_ends(st, period, ends, sizeof ends);
        long days = store_lock_after_days(st);
        td_date end;
        if (days <= 0 || date_parse_iso(ends, &end) != 0) {
            printf(_("Period %s is no longer held open; no period locks while [security] "
                     "lock_after_days is 0.\n"),
                   period);
        } else {
            char shown[32];
            date_format(end + days, cli->cfg.date_format, shown, sizeof shown);
            printf(store_period_writable(st, period, ends)
                       ? _("Period %s is no longer held open: it stays open until %s (%ld days "
                           "after its end), then locks.\n")
                       : _("Period %s is locked again: it was open until %s (%ld days after its "
                           "end); only an admin can reopen it.\n"),
                   period, shown, days);
        }
    }
    store_close(st);
    return status;
}
