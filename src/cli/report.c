/* `tiendo report annual YEAR | midterm | final | adhoc ID`: a report draft from the data, in
 * the order of the plan's evaluation contents. The store assembles it, the writer writes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/report.h"
#include "tiendo/store_draft.h"

static int usage_error(void)
{
    cli_error(_("usage: tiendo report annual YEAR | midterm | final | adhoc ID [--unit CODE] "
                "[--all-tasks] [--format md|html|docx] [-o FILE]"));
    return 2;
}

int cli_cmd_report(struct cli *cli, const char *kind, const char *arg)
{
    enum report_format fmt = REPORT_MD;
    if (cli->format != NULL && strcmp(cli->format, "html") == 0)
        fmt = REPORT_HTML;
    else if (cli->format != NULL && strcmp(cli->format, "docx") == 0)
        fmt = REPORT_DOCX;
    else if (cli->format != NULL && strcmp(cli->format, "md") != 0) {
        cli_error(_("--format: expected md, html or docx; got \"%s\""), cli->format);
        return 2;
    }
    struct draft_request rq;
    draft_request_init(&rq, &cli->cfg, cli->today, cli->lang);
    rq.unit = cli->unit;
    rq.all_tasks = cli->all_tasks;
    char *end = NULL;
    long n = arg != NULL ? strtol(arg, &end, 10) : 0;
    bool number = arg != NULL && arg[0] != '\0' && *end == '\0' && n > 0 && n < 1000000000L;
    if (kind != NULL && strcmp(kind, "annual") == 0 && arg != NULL) {
        rq.kind = DRAFT_ANNUAL;
        rq.year = number && n < 10000 ? (int)n : -1;
    } else if (kind != NULL && strcmp(kind, "midterm") == 0 && arg == NULL) {
        rq.kind = DRAFT_MIDTERM;
    } else if (kind != NULL && strcmp(kind, "final") == 0 && arg == NULL) {
        rq.kind = DRAFT_FINAL;
    } else if (kind != NULL && strcmp(kind, "adhoc") == 0 && arg != NULL) {
        if (!number) {
            cli_error(_("report adhoc: expected the number of an ad-hoc report; got \"%s\""), arg);
            return 2;
        }
        rq.kind = DRAFT_ADHOC;
        rq.adhoc_id = n;
    } else {
        return usage_error();
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    struct report_data d;
    int status = 0;
    if (store_draft_build(st, &rq, &d, &err) != 0) {
        if (rq.kind == DRAFT_ANNUAL && err.status == TD_E_USAGE && rq.year < 0) {
            /* Say what was typed, not the number it did not make. */
            char *got = strstr(err.msg, "\"-1\"");
            if (got != NULL)
                snprintf(got, sizeof err.msg - (size_t)(got - err.msg), "\"%s\"", arg);
        }
        status = cli_fail(&err);
    }
    d.lang = cli->lang;
    struct cli_out o;
    if (status == 0 && (status = cli_out_open(cli, &o)) == 0)
        status = cli_out_close(cli, &o, report_write(o.f, &d, fmt));
    store_draft_free(&d);
    store_close(st);
    return status;
}
