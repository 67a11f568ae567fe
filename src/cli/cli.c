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
#include "tiendo/shellwords.h"
#include "tiendo/store_users.h"
#include "tiendo/text.h"
#include "tiendo/users.h"

void cli_error(const char *fmt, ...)
{
    /* Messages quote what people gave (arguments, CSV cells, file names): shown with control
     * characters escaped, as the screens show them, so that they cannot drive the terminal. */
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    char *msg = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (msg != NULL)
        vsnprintf(msg, (size_t)len + 1, fmt, again);
    va_end(again);
    va_end(ap);
    char *safe = msg != NULL ? text_escaped_dup(msg, true) : NULL;
    fprintf(stderr, "tiendo: %s\n", safe != NULL ? safe : _("out of memory"));
    free(safe);
    free(msg);
}

int cli_fail(const struct td_err *err)
{
    cli_error("%s", err->msg);
    if (cli_log_worthy(err->status))
        cli_syslog(err->msg);
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

/* Picks the language and tells gettext through LANGUAGE, which we set ourselves: the
 * user's own LANGUAGE is read once, before the first change. */
static const char *set_language(const char *setting)
{
    static char user_language[256];
    static bool read;
    if (!read) {
        const char *l = getenv("LANGUAGE");
        snprintf(user_language, sizeof user_language, "%s", l != NULL ? l : "");
        read = true;
    }
    const char *lang =
        lang_pick(setting, user_language, getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    setenv("LANGUAGE", lang, 1);
    /* gettext caches translations per language: tell it the language changed. */
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
    return lang;
}

const char *cli_use_language(const char *setting)
{
    return set_language(setting);
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
              "  check [--full]       check the configuration, the plan file and the database;\n"
              "                       --full reads the whole database file (slow when large)\n"
              "  export tasks|progress|units|evaluations|indicators|inspections|\n"
              "         reports|submissions|meetings|activities\n"
              "         [--format csv|json] [-o FILE] [--bom]\n"
              "                       write the data as CSV (RFC 4180, UTF-8) or JSON\n"
              "  import tasks FILE.csv [--dry-run]\n"
              "                       add tasks from a CSV file (- is standard input):\n"
              "                       all rows or none\n"
              "  report annual YEAR | midterm | final | adhoc ID [--unit CODE]\n"
              "         [--format md|html|docx] [--all-tasks] [-o FILE]\n"
              "                       a report draft from the data\n"
              "  calendar [--unit CODE] [-o FILE]\n"
              "                       report deadlines and conferences as iCalendar\n"
              "  audit [--since DATE] [--by LOGIN] [--format csv|json] [-o FILE]\n"
              "                       the audit trail: who changed what and when;\n"
              "                       --by keeps the changes LOGIN made\n"
              "  progress TASK PERCENT [--status STATUS] [--date YYYY-MM-DD]\n"
              "         [--note TEXT] [--reason TEXT]\n"
              "                       save a progress update, as the progress form does\n"
              "  period open|close PERIOD\n"
              "                       reopen a period the lock closed (admin), or close it\n"
              "  backup FILE          a checked copy of the live database into the new FILE\n"
              "  remind [--days N] [--unit CODE] [--format text|csv|json] [-o FILE]\n"
              "                       reports due soon or overdue and tasks late, per unit\n"
              "\n"
              "Options:\n"
              "  -c, --config FILE    read FILE after /etc/tiendo/tiendo.ini and\n"
              "                       ~/.config/tiendo/tiendo.ini (later values win)\n"
              "  -d, --db FILE        use the database FILE\n"
              "  -u, --user LOGIN     act as LOGIN (default: the Unix login name), in\n"
              "                       restricted mode; there a command the SSH client sent\n"
              "                       (SSH_ORIGINAL_COMMAND) runs if it is export, report,\n"
              "                       calendar, audit, import tasks - or check\n"
              "  -o, --output FILE    write FILE whole or not at all; - is standard output\n"
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
    cli_log_as(cli->user);
    /* Decided before any subcommand (decide_restricted); a --config file may turn it on,
     * which refuses that --config, and nothing turns it off. */
    cli->restricted = cli->restricted || cli->cfg.restricted;
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

/* Restricted mode is decided here, once, before any subcommand runs and before a --config
 * file is read, from how tiendo was started: --user, or [security] restricted = yes in the
 * system or the user's settings file. Subcommands only read cli->restricted (cli_settle can
 * turn it on when a --config file says so, never off). */
static void decide_restricted(struct cli *cli)
{
    if (cli->user_option != NULL) {
        cli->restricted = true;
        return;
    }
    char user_file[PATH_MAX];
    config_user_file(user_file, sizeof user_file);
    const char *files[2] = {CONFIG_SYSTEM_FILE, user_file};
    const bool required[2] = {false, false};
    struct td_config peek;
    struct td_err err = {0};
    config_load_files(&peek, files, required, 2, NULL, NULL, &err); /* problems: said later */
    cli->restricted = peek.restricted;
    config_free(&peek);
}

struct cmdline {
    const char *command, *arg1, *arg2;
};

/* Parses argv into cli and cl. Returns -1 to go on, or the exit status (0 after --help or
 * --version, 2 after saying what is wrong). */
static int parse_args(struct cli *cli, int argc, char **argv, struct cmdline *cl)
{
    enum {
        OPT_PLAN = 256,
        OPT_DEMO,
        OPT_FORMAT,
        OPT_BOM,
        OPT_DRY_RUN,
        OPT_UNIT,
        OPT_SINCE,
        OPT_STATUS,
        OPT_DATE,
        OPT_NOTE,
        OPT_REASON,
        OPT_DAYS,
        OPT_BY,
        OPT_ALL_TASKS,
        OPT_FULL
    };
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
        {"status", required_argument, NULL, OPT_STATUS},
        {"date", required_argument, NULL, OPT_DATE},
        {"note", required_argument, NULL, OPT_NOTE},
        {"reason", required_argument, NULL, OPT_REASON},
        {"days", required_argument, NULL, OPT_DAYS},
        {"by", required_argument, NULL, OPT_BY},
        {"all-tasks", no_argument, NULL, OPT_ALL_TASKS},
        {"full", no_argument, NULL, OPT_FULL},
        {NULL, 0, NULL, 0},
    };
    optind = 0; /* glibc: start afresh (the SSH command is parsed after argv) */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":c:d:u:o:hV", options, NULL)) != -1) {
        switch (c) {
        case 'c':
            cli->config_file = optarg;
            break;
        case 'd':
            cli->db_option = optarg;
            break;
        case 'u':
            cli->user_option = optarg;
            break;
        case OPT_PLAN:
            cli->plan_option = optarg;
            break;
        case OPT_DEMO:
            cli->demo = true;
            break;
        case OPT_FORMAT:
            cli->format = optarg;
            break;
        case 'o':
            cli->output = optarg;
            break;
        case OPT_BOM:
            cli->bom = true;
            break;
        case OPT_DRY_RUN:
            cli->dry_run = true;
            break;
        case OPT_UNIT:
            cli->unit = optarg;
            break;
        case OPT_SINCE:
            cli->since = optarg;
            break;
        case OPT_BY:
            cli->audit_login = optarg;
            break;
        case OPT_ALL_TASKS:
            cli->all_tasks = true;
            break;
        case OPT_FULL:
            cli->full = true;
            break;
        case OPT_STATUS:
            cli->status = optarg;
            break;
        case OPT_DATE:
            cli->date = optarg;
            break;
        case OPT_NOTE:
            cli->note = optarg;
            break;
        case OPT_REASON:
            cli->reason = optarg;
            break;
        case OPT_DAYS:
            cli->days = optarg;
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
    } commands[] = {{"init", 0},     {"check", 0},    {"export", 1}, {"import", 2},
                    {"report", 2},   {"calendar", 0}, {"audit", 0},  {"period", 2},
                    {"progress", 2}, {"backup", 1},   {"remind", 0}};
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
    cl->command = command;
    cl->arg1 = nargs > 0 ? argv[optind + 1] : NULL;
    cl->arg2 = nargs > 1 ? argv[optind + 2] : NULL;
    bool is_export = command != NULL && strcmp(command, "export") == 0;
    bool is_import = command != NULL && strcmp(command, "import") == 0;
    bool is_report = command != NULL && strcmp(command, "report") == 0;
    bool is_calendar = command != NULL && strcmp(command, "calendar") == 0;
    bool is_audit = command != NULL && strcmp(command, "audit") == 0;
    bool is_remind = command != NULL && strcmp(command, "remind") == 0;
    if ((cli->format != NULL && !is_export && !is_report && !is_audit && !is_remind) ||
        (cli->output != NULL && !is_export && !is_report && !is_calendar && !is_audit &&
         !is_remind) ||
        (cli->bom && !is_export && !is_audit)) {
        cli_error(_("--format, -o and --bom go with the export command; see tiendo --help"));
        return 2;
    }
    if (cli->unit != NULL && !is_report && !is_calendar && !is_remind) {
        cli_error(
            _("--unit goes with the report, calendar and remind commands; see tiendo --help"));
        return 2;
    }
    if (cli->days != NULL && !is_remind) {
        cli_error(_("--days goes with the remind command; see tiendo --help"));
        return 2;
    }
    if ((cli->since != NULL || cli->audit_login != NULL) && !is_audit) {
        cli_error(_("--since and --by go with the audit command; see tiendo --help"));
        return 2;
    }
    bool is_progress = command != NULL && strcmp(command, "progress") == 0;
    if ((cli->status != NULL || cli->date != NULL || cli->note != NULL || cli->reason != NULL) &&
        !is_progress) {
        cli_error(_("--status, --date, --note and --reason go with the progress command; see "
                    "tiendo --help"));
        return 2;
    }
    if (cli->full && (command == NULL || strcmp(command, "check") != 0)) {
        cli_error(_("--full goes with the check command; see tiendo --help"));
        return 2;
    }
    if (cli->dry_run && !is_import) {
        cli_error(_("--dry-run goes with the import command; see tiendo --help"));
        return 2;
    }
    if ((cli->plan_option != NULL || cli->demo) &&
        (command == NULL || strcmp(command, "init") != 0)) {
        cli_error(_("--plan and --demo go with the init command; see tiendo --help"));
        return 2;
    }
    if (cli->user_option != NULL && !user_login_valid(cli->user_option)) {
        char shown[256];
        text_escape(cli->user_option, shown, sizeof shown);
        cli_error(_("--user \"%s\": not a login (letters a-z, digits, '.', '_' and '-', at "
                    "most 63)"),
                  shown);
        return 2;
    }
    return -1;
}

/* The command an SSH client sent to the forced command `tiendo --user LOGIN`, gitolite's
 * way: split into words without a shell, one of the commands that bring a file in or out,
 * with the forced command's user and settings only, files on standard output and imports
 * from standard input. Fills cli and cl and returns -1 to run it, else 2 after saying why. */
static int ssh_command(struct cli *cli, const char *line, char *argv0, struct shellwords *sw,
                       char **sargv, struct cmdline *cl)
{
    char why[256];
    if (shellwords_split(line, sw, why, sizeof why) != 0) {
        cli_error(_("SSH command refused: %s"), why);
        return 2;
    }
    int first = sw->n > 0 && strcmp(sw->words[0], "tiendo") == 0 ? 1 : 0;
    static const char *const allowed[] = {"export", "report", "calendar",
                                          "audit",  "import", "check"};
    const char *name = first < sw->n ? sw->words[first] : "";
    bool known = false;
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        known = known || strcmp(name, allowed[i]) == 0;
    if (!known) {
        char shown[256];
        text_escape(name, shown, sizeof shown);
        cli_error(_("SSH command refused: \"%s\"; over SSH tiendo runs only export, report, "
                    "calendar, audit, import tasks - and check (ssh without a command opens "
                    "the screens)"),
                  shown);
        return 2;
    }
    int n = 0;
    sargv[n++] = argv0;
    for (int i = first; i < sw->n; i++)
        sargv[n++] = sw->words[i];
    sargv[n] = NULL;
    struct cli sent;
    memset(&sent, 0, sizeof sent);
    int status = parse_args(&sent, n, sargv, cl);
    if (status >= 0)
        return status;
    const char *refused = sent.config_file != NULL   ? "--config"
                          : sent.db_option != NULL   ? "--db"
                          : sent.user_option != NULL ? "--user"
                          : sent.plan_option != NULL ? "--plan"
                          : sent.demo                ? "--demo"
                                                     : NULL;
    if (refused != NULL) {
        cli_error(_("SSH command refused: %s is not allowed over SSH; the forced command "
                    "chooses the user and the settings"),
                  refused);
        return 2;
    }
    if (sent.output != NULL && strcmp(sent.output, "-") != 0) {
        char shown[256];
        text_escape(sent.output, shown, sizeof shown);
        cli_error(_("SSH command refused: -o %s; over SSH files come on standard output "
                    "(ssh SERVER export tasks > tasks.csv)"),
                  shown);
        return 2;
    }
    if (strcmp(cl->command, "import") == 0 && (cl->arg2 == NULL || strcmp(cl->arg2, "-") != 0)) {
        cli_error(_("SSH command refused: over SSH import reads standard input (ssh SERVER "
                    "import tasks - < tasks.csv)"));
        return 2;
    }
    cli->format = sent.format;
    cli->output = sent.output;
    cli->bom = sent.bom;
    cli->dry_run = sent.dry_run;
    cli->unit = sent.unit;
    cli->since = sent.since;
    cli->audit_login = sent.audit_login;
    cli->ssh = true;
    return -1;
}

/* The command line's part of main: a command runs to its end here; the screens are only
 * prepared (cli_open_session opens the database when main has checked the terminal). */
static int run(struct cli *cli, int argc, char **argv)
{
    struct cmdline cl = {NULL, NULL, NULL};
    int status = parse_args(cli, argc, argv, &cl);
    if (status >= 0)
        return status;
    cli_log_as(cli->user_option); /* until the settings are read */
    decide_restricted(cli);
    if ((status = cli_check_restricted(cli)) != 0)
        return status; /* before a --config file is read, or --db opened */
    static struct shellwords sw;
    char *sargv[SHELLWORDS_MAX_WORDS + 2];
    const char *sent = getenv("SSH_ORIGINAL_COMMAND");
    if (cli->restricted && cl.command == NULL && sent != NULL && sent[0] != '\0' &&
        (status = ssh_command(cli, sent, argv[0], &sw, sargv, &cl)) >= 0)
        return status;
    const char *command = cl.command;

    struct td_err err = {0};
    if (date_today(&cli->today, &err) != 0)
        return cli_fail(&err);
    if (command != NULL && strcmp(command, "check") == 0)
        return cli_cmd_check(cli); /* reports every problem, not only the first */
    if (config_load(&cli->cfg, cli->config_file, &err) != 0)
        return cli_fail(&err);
    cli_settle(cli);
    if ((status = cli_check_restricted(cli)) != 0 || (status = cli_check_plan_file(cli)) != 0)
        return status; /* said why, or which settings file names a plan file that is not there */
    if (command == NULL)
        return CLI_SCREENS;
    if (strcmp(command, "export") == 0)
        return cli_cmd_export(cli, cl.arg1);
    if (strcmp(command, "import") == 0)
        return cli_cmd_import(cli, cl.arg1, cl.arg2);
    if (strcmp(command, "report") == 0)
        return cli_cmd_report(cli, cl.arg1, cl.arg2);
    if (strcmp(command, "calendar") == 0)
        return cli_cmd_calendar(cli);
    if (strcmp(command, "audit") == 0)
        return cli_cmd_audit(cli);
    if (strcmp(command, "progress") == 0)
        return cli_cmd_progress(cli, cl.arg1, cl.arg2);
    if (strcmp(command, "period") == 0)
        return cli_cmd_period(cli, cl.arg1, cl.arg2);
    if (strcmp(command, "backup") == 0)
        return cli_cmd_backup(cli, cl.arg1);
    if (strcmp(command, "remind") == 0)
        return cli_cmd_remind(cli);
    return cli_cmd_init(cli);
}

int cli_main(int argc, char **argv, struct cli_session *s)
{
    setup_locale();
    set_language("auto"); /* until the settings say otherwise */
    *s = (struct cli_session){0};
    struct cli *cli = calloc(1, sizeof *cli);
    if (cli == NULL) {
        cli_error("%s", _("out of memory"));
        return 1;
    }
    int status = run(cli, argc, argv);
    if (status != CLI_SCREENS) {
        config_free(&cli->cfg);
        free(cli);
        return status;
    }
    *s = (struct cli_session){cli,       NULL,       &cli->cfg,      cli->user,
                              cli->lang, cli->today, cli->restricted};
    return CLI_SCREENS;
}

int cli_open_session(struct cli_session *s)
{
    struct td_err err = {0};
    if (cli_open_store(s->cli, false, &s->store, &err) != 0)
        return cli_fail(&err);
    s->user = store_user(s->store); /* the login as the store knows it */
    return cli_sync_plan(s->cli, s->store, false, true);
}

int cli_end(struct cli_session *s, int status)
{
    store_close(s->store);
    if (s->cli != NULL)
        config_free(&s->cli->cfg);
    free(s->cli);
    *s = (struct cli_session){0};
    return status;
}
