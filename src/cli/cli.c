/* Parsing the command line, setting up language and settings, and dispatching. */
#include <getopt.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "tiendo/cli.h"
#include "tiendo/i18n.h"
#include "tiendo/lang.h"
#include "tiendo/paths.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tiendo: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_fail(const struct td_err *err)
{
    cli_error("%s", err->msg);
    return td_exit_status(err->status);
}

/* UTF-8 text needs a UTF-8 locale even on servers where none is generated: fall back to
 * C.UTF-8, which glibc always has. Messages then follow LANGUAGE, which we set ourselves.
 * Numbers stay in the "C" locale whatever the server's: under vi_VN.UTF-8 strtod would stop
 * at the point of "9.5" and printf would write "9,5" into INI, CSV, JSON and ICS. Numbers
 * people read are formatted by text_human_number in the interface language instead. */
static void setup_locale(void)
{
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0)
        setlocale(LC_ALL, "C.UTF-8");
    setlocale(LC_NUMERIC, "C");
    const char *msgs = setlocale(LC_MESSAGES, NULL);
    if (msgs == NULL || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8"); /* glibc ignores LANGUAGE under plain C */
    char dir[PATH_MAX];
    paths_share_dir(dir, sizeof dir);
    strncat(dir, "/locale", sizeof dir - strlen(dir) - 1);
    bindtextdomain("tiendo", dir);
    bind_textdomain_codeset("tiendo", "UTF-8");
    textdomain("tiendo");
}

static const char *set_language(const char *setting)
{
    const char *lang = lang_pick(setting, getenv("LC_ALL"), getenv("LANG"));
    setenv("LANGUAGE", lang, 1);
    /* gettext caches translations per language: tell it the language changed. */
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
    return lang;
}

static void usage(FILE *out)
{
    fprintf(out,
            _("Usage: tiendo [OPTION]... [COMMAND]\n"
              "Track how the units of a ministry carry out a strategy's action plan.\n"
              "\n"
              "Commands:\n"
              "  (none)               open the full-screen program\n"
              "  init [--plan FILE] [--demo]\n"
              "                       create or migrate the database and load the plan;\n"
              "                       --demo adds the sample data (marked as demo data)\n"
              "  check                check the configuration, the plan file and the database\n"
              "  export tasks|progress|units|evaluations|indicators|inspections|\n"
              "         reports|submissions|meetings|activities\n"
              "         [--format csv|json] [-o FILE] [--bom]\n"
              "                       write the data as CSV (RFC 4180, UTF-8) or JSON\n"
              "  import tasks FILE.csv [--dry-run]\n"
              "                       add tasks from a CSV file: all rows or none\n"
              "  report annual YEAR | midterm | final [--unit CODE] [--format md|html]\n"
              "         [-o FILE]     a report draft from the data\n"
              "  calendar [--unit CODE] [-o FILE]\n"
              "                       report deadlines and conferences as iCalendar\n"
              "  audit [--since DATE] [--user LOGIN] [--format csv|json] [-o FILE]\n"
              "                       the audit trail: who changed what and when\n"
              "  period open|close PERIOD\n"
              "                       reopen a period the lock closed (admin), or close it\n"
              "\n"
              "Options:\n"
              "  -c, --config FILE    read FILE after /etc/tiendo/tiendo.ini and\n"
              "                       ~/.config/tiendo/tiendo.ini (later values win)\n"
              "  -d, --db FILE        use the database FILE\n"
              "  -u, --user LOGIN     act as LOGIN (default: the Unix login name), in\n"
              "                       restricted mode\n"
              "  -h, --help           show this help and exit\n"
              "  -V, --version        show the version and exit\n"
              "\n"
              "Exit status: 0 success, 1 runtime failure, 2 usage or configuration error.\n"
              "TIENDO_TODAY=YYYY-MM-DD pins today's date. See tiendo(1) and tiendo.ini(5).\n"));
}

#ifndef TIENDO_BUG_REPORT
#define TIENDO_BUG_REPORT "the tiendo maintainers" /* the Makefile passes BUG_REPORT */
#endif

/* As GNU programs say it: the first line stays "tiendo X.Y.Z" for scripts. */
static void version(void)
{
    printf("tiendo %s\n", TIENDO_VERSION);
    printf("Copyright (C) 2025 the tiendo authors\n");
    fputs(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
            "This is free software: you are free to change and redistribute it.\n"
            "There is NO WARRANTY, to the extent permitted by law.\n"),
          stdout);
    printf(_("Report bugs to: %s\n"), TIENDO_BUG_REPORT);
}

static void default_user(char *buf, size_t size)
{
    struct passwd *pw = getpwuid(getuid());
    const char *name = pw != NULL ? pw->pw_name : getenv("USER");
    snprintf(buf, size, "%s", name != NULL ? name : "unknown");
}

void cli_settle(struct cli *cli)
{
    cli->lang = set_language(cli->cfg.language);
    if (cli->db_option != NULL)
        snprintf(cli->db_path, sizeof cli->db_path, "%s", cli->db_option);
    else if (cli->cfg.db_path != NULL && cli->cfg.db_path[0] != '\0')
        snprintf(cli->db_path, sizeof cli->db_path, "%s", cli->cfg.db_path);
    else
        paths_default_db(cli->db_path, sizeof cli->db_path);
    if (cli->user_option != NULL)
        snprintf(cli->user, sizeof cli->user, "%s", cli->user_option);
    else
        default_user(cli->user, sizeof cli->user);
    cli->restricted = cli->user_option != NULL || cli->cfg.restricted;
}

int cli_check_restricted(const struct cli *cli)
{
    if (!cli->restricted)
        return 0;
    const char *refused = cli->config_file != NULL   ? "--config"
                          : cli->db_option != NULL   ? "--db"
                          : cli->plan_option != NULL ? "--plan"
                                                     : NULL;
    if (refused == NULL)
        return 0;
    cli_error(_("%s is not allowed in restricted mode (--user, or [security] restricted in "
                "tiendo.ini); the settings come from /etc/tiendo/tiendo.ini"),
              refused);
    return 2;
}

int cli_main(int argc, char **argv)
{
    setup_locale();
    set_language("auto"); /* until the settings say otherwise */

    enum { OPT_PLAN = 256, OPT_DEMO, OPT_FORMAT, OPT_BOM, OPT_DRY_RUN, OPT_UNIT, OPT_SINCE };
    static const struct option options[] = {
        {"config", required_argument, NULL, 'c'},
        {"db", required_argument, NULL, 'd'},
        {"user", required_argument, NULL, 'u'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"plan", required_argument, NULL, OPT_PLAN},
        {"demo", no_argument, NULL, OPT_DEMO},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"output", required_argument, NULL, 'o'},
        {"bom", no_argument, NULL, OPT_BOM},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"unit", required_argument, NULL, OPT_UNIT},
        {"since", required_argument, NULL, OPT_SINCE},
        {NULL, 0, NULL, 0},
    };
    struct cli cli;
    memset(&cli, 0, sizeof cli);
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":c:d:u:o:hV", options, NULL)) != -1) {
        switch (c) {
        case 'c':
            cli.config_file = optarg;
            break;
        case 'd':
            cli.db_option = optarg;
            break;
        case 'u':
            cli.user_option = optarg;
            break;
        case OPT_PLAN:
            cli.plan_option = optarg;
            break;
        case OPT_DEMO:
            cli.demo = true;
            break;
        case OPT_FORMAT:
            cli.format = optarg;
            break;
        case 'o':
            cli.output = optarg;
            break;
        case OPT_BOM:
            cli.bom = true;
            break;
        case OPT_DRY_RUN:
            cli.dry_run = true;
            break;
        case OPT_UNIT:
            cli.unit = optarg;
            break;
        case OPT_SINCE:
            cli.since = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            version();
            return 0;
        case ':':
            cli_error(_("option %s needs a value; see tiendo --help"), argv[optind - 1]);
            return 2;
        default:
            cli_error(_("unknown option %s; see tiendo --help"), argv[optind - 1]);
            return 2;
        }
    }
    const char *command = optind < argc ? argv[optind] : NULL;
    static const struct {
        const char *name;
        int args; /* how many arguments it takes at most */
    } commands[] = {{"init", 0},   {"check", 0},    {"export", 1}, {"import", 2},
                    {"report", 2}, {"calendar", 0}, {"audit", 0},  {"period", 2}};
    int max_args = -1;
    for (size_t i = 0; command != NULL && i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(command, commands[i].name) == 0)
            max_args = commands[i].args;
    if (command != NULL && max_args < 0) {
        cli_error(_("unknown command \"%s\"; see tiendo --help"), command);
        return 2;
    }
    int nargs = command != NULL ? argc - optind - 1 : 0;
    if (nargs > (max_args < 0 ? 0 : max_args)) {
        cli_error(_("unexpected argument \"%s\"; see tiendo --help"),
                  argv[optind + 1 + (max_args < 0 ? 0 : max_args)]);
        return 2;
    }
    const char *arg1 = nargs > 0 ? argv[optind + 1] : NULL;
    const char *arg2 = nargs > 1 ? argv[optind + 2] : NULL;
    bool is_export = command != NULL && strcmp(command, "export") == 0;
    bool is_import = command != NULL && strcmp(command, "import") == 0;
    bool is_report = command != NULL && strcmp(command, "report") == 0;
    bool is_calendar = command != NULL && strcmp(command, "calendar") == 0;
    bool is_audit = command != NULL && strcmp(command, "audit") == 0;
    if ((cli.format != NULL && !is_export && !is_report && !is_audit) ||
        (cli.output != NULL && !is_export && !is_report && !is_calendar && !is_audit) ||
        (cli.bom && !is_export && !is_audit)) {
        cli_error(_("--format, -o and --bom go with the export command; see tiendo --help"));
        return 2;
    }
    if (cli.unit != NULL && !is_report && !is_calendar) {
        cli_error(_("--unit goes with the report and calendar commands; see tiendo --help"));
        return 2;
    }
    if (cli.since != NULL && !is_audit) {
        cli_error(_("--since goes with the audit command; see tiendo --help"));
        return 2;
    }
    if (is_audit) { /* audit --user LOGIN: whose changes to list; the session stays one's own */
        cli.audit_login = cli.user_option;
        cli.user_option = NULL;
    }
    if (cli.dry_run && !is_import) {
        cli_error(_("--dry-run goes with the import command; see tiendo --help"));
        return 2;
    }
    if ((cli.plan_option != NULL || cli.demo) &&
        (command == NULL || strcmp(command, "init") != 0)) {
        cli_error(_("--plan and --demo go with the init command; see tiendo --help"));
        return 2;
    }

    struct td_err err = {0};
    if (date_today(&cli.today, &err) != 0)
        return cli_fail(&err);
    int status;
    if (command != NULL && strcmp(command, "check") == 0) {
        status = cli_cmd_check(&cli); /* reports every problem, not only the first */
    } else if (config_load(&cli.cfg, cli.config_file, &err) != 0) {
        status = cli_fail(&err);
    } else if (cli_settle(&cli), (status = cli_check_restricted(&cli)) != 0) {
        /* said why */
    } else {
        if (command == NULL)
            status = cli_cmd_ui(&cli);
        else if (is_export)
            status = cli_cmd_export(&cli, arg1);
        else if (is_import)
            status = cli_cmd_import(&cli, arg1, arg2);
        else if (is_report)
            status = cli_cmd_report(&cli, arg1, arg2);
        else if (is_calendar)
            status = cli_cmd_calendar(&cli);
        else if (is_audit)
            status = cli_cmd_audit(&cli);
        else if (strcmp(command, "period") == 0)
            status = cli_cmd_period(&cli, arg1, arg2);
        else
            status = cli_cmd_init(&cli);
    }
    config_free(&cli.cfg);
    return status;
}
