/* `tiendo progress TASK PERCENT`: a progress update without the screen, for scripts and for the
 * crash tests. The form's rules and the form's store call: the same permissions, audit rows,
 * optimistic version check and busy handling; a refused save says why and exits 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "tiendo/field.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define NOTE_MAX   4000 /* the form's limits */
#define REASON_MAX 500

/* Checks a text option as the form checks its field; the NFC copy in *out (caller frees). */
static int text_option(const char *option, const char *text, size_t max, char **out)
{
    *out = NULL;
    if (text == NULL)
        return 0;
    struct field_rule rule = {.type = FT_MULTILINE, .max_chars = max};
    union field_value v;
    bool empty;
    char why[256];
    if (!text_valid_utf8(text, strlen(text))) {
        cli_error(_("%s: the text is not valid UTF-8"), option);
        return 2;
    }
    if (field_check(&rule, text, &v, &empty, why, sizeof why) != 0) {
        cli_error("%s: %s", option, why);
        return 2;
    }
    *out = text_nfc(text);
    if (*out == NULL) {
        cli_error(_("out of memory"));
        return 1;
    }
    return 0;
}

int cli_cmd_progress(struct cli *cli, const char *code, const char *percent_text)
{
    if (code == NULL || percent_text == NULL || code[0] == '\0') {
        cli_error(_("progress TASK PERCENT [--status S] [--date YYYY-MM-DD] [--note TEXT] "
                    "[--reason TEXT]; see tiendo --help"));
        return 2;
    }
    struct field_rule pct_rule = {.type = FT_PERCENT, .required = true};
    union field_value pct;
    bool empty;
    char why[256];
    if (field_check(&pct_rule, percent_text, &pct, &empty, why, sizeof why) != 0) {
        cli_error(_("percent \"%s\": %s"), percent_text, why);
        return 2;
    }
    int status = -1;
    if (cli->status != NULL && (status = status_parse(cli->status)) < 0) {
        cli_error(_("--status: expected not_started, in_progress, done, delayed, suspended or "
                    "cancelled; got \"%s\""),
                  cli->status);
        return 2;
    }
    td_date date = cli->today;
    if (cli->date != NULL && date_parse_iso(cli->date, &date) != 0) {
        cli_error(_("--date: expected a date YYYY-MM-DD; got \"%s\""), cli->date);
        return 2;
    }
    /* For the benchmark's saves at once: the microseconds the save took (waiting for the write
     * lock, the SQL, the commit), as a line to the pipe TIENDO_BENCH_FD names. */
    int bench_fd = bench_fd_from_env();
    if (bench_fd == -2) {
        cli_error(_("TIENDO_BENCH_FD=%s: not the number (3 or more) of an open pipe"),
                  getenv("TIENDO_BENCH_FD"));
        return 2;
    }
    char *note = NULL, *reason = NULL;
    int rc = text_option("--note", cli->note, NOTE_MAX, &note);
    if (rc == 0)
        rc = text_option("--reason", cli->reason, REASON_MAX, &reason);
    if (rc != 0) {
        free(note);
        return rc;
    }

    struct store *st = NULL;
    struct td_err err = {0};
    struct task_detail *t = calloc(1, sizeof *t);
    if (t == NULL) {
        free(note);
        free(reason);
        cli_error(_("out of memory"));
        return 1;
    }
    if (cli_open_store(cli, false, &st, &err) == 0) {
        long id = store_task_id_by_code(st, code, &err);
        rc = id < 0 ? -1 : store_task_get(st, id, t, &err);
    } else {
        rc = -1;
    }
    td_date start;
    char day[11];
    if (rc == 0 && date > cli->today) {
        date_format_iso(cli->today, day);
        rc = td_err_set(&err, TD_E_INVALID,
                        _("%s: --date %s is after today (%s); nothing was saved"), code, cli->date,
                        day);
    } else if (rc == 0 && t->start[0] != '\0' && date_parse_iso(t->start, &start) == 0 &&
               date < start) {
        rc = td_err_set(&err, TD_E_INVALID,
                        _("%s: --date %s is before the task starts (%s); nothing was saved"), code,
                        cli->date != NULL ? cli->date : "", t->start);
    }
    if (rc == 0 && status < 0) /* the form's default: the task's status, started once typed */
        status = t->row.status == ST_NOT_STARTED ? ST_IN_PROGRESS : t->row.status;
    bool done_low = status == ST_DONE && pct.number < 100;
    if (rc == 0 && (pct.number < t->row.percent || done_low) &&
        (reason == NULL || reason[0] == '\0')) {
        /* The form asks for a reason and a confirmation: here the reason is the confirmation. */
        rc = done_low ? td_err_set(&err, TD_E_INVALID,
                                   _("%s: the status is done but the percent is %ld: give the "
                                     "reason with --reason TEXT; nothing was saved"),
                                   code, pct.number)
                      : td_err_set(&err, TD_E_INVALID,
                                   _("%s: the percent goes down from %d to %ld: give the reason "
                                     "with --reason TEXT; nothing was saved"),
                                   code, t->row.percent, pct.number);
    }
    if (rc == 0) {
        struct progress_input in = {
            .date = date,
            .percent = (int)pct.number,
            .status = status,
            .done = note,
            .reason = reason,
        };
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        rc = store_progress_add(st, t->row.id, t->row.version, &in, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (bench_fd >= 0)
            dprintf(bench_fd, "%lld\n",
                    (long long)(t1.tv_sec - t0.tv_sec) * 1000000 +
                        (t1.tv_nsec - t0.tv_nsec) / 1000);
        if (rc != 0 && err.status == TD_E_CONFLICT)
            td_err_set(&err, TD_E_CONFLICT,
                       _("%s: someone else saved progress on this task meanwhile; nothing was "
                         "saved, run the command again"),
                       code);
    }
    int exit_status = 0;
    if (rc != 0) {
        exit_status = cli_fail(&err);
    } else {
        date_format_iso(date, day);
        printf(_("Saved: %s at %ld%% (%s) on %s.\n"), code, pct.number,
               status_code((enum task_status)status), day);
        if (fflush(stdout) != 0)
            exit_status = 1;
    }
    store_close(st);
    free(t);
    free(note);
    free(reason);
    return exit_status;
}
