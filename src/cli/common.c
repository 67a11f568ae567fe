/* Steps the subcommands share: opening the database, finding and synchronising the plan. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/planfile.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"

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

int cli_check_plan_file(const struct cli *cli)
{
    if (!cli->cfg.plan_file_set || cli->plan_option != NULL)
        return 0;
    char path[PATH_MAX];
    paths_plan_file(cli->cfg.plan_file, path, sizeof path);
    FILE *f = fopen(path, "r");
    if (f != NULL) {
        fclose(f);
        return 0;
    }
    int e = errno;
    int from = cli->cfg.plan_file_from;
    cli_error("%s: [plan] file: %s: %s",
              from >= 0 && from < cli->cfg.nfiles ? cli->cfg.files[from] : "tiendo.ini", path,
              strerror(e));
    return 2;
}

/* The users of [users] into the database, once it has the plan's units to bind them to. */
static int sync_users(const struct cli *cli, struct store *st, struct td_err *err)
{
    if (cli->cfg.nusers == 0 || store_count(st, "unit", false) <= 0)
        return 0;
    return store_sync_users(st, cli->cfg.users, cli->cfg.nusers, err);
}

bool cli_db_owner(const struct cli *cli)
{
    struct stat sb;
    return !cli->restricted && stat(cli->db_path, &sb) == 0 && sb.st_uid == geteuid();
}

int cli_open_store(const struct cli *cli, bool create, struct store **out, struct td_err *err)
{
    if (create && paths_mkdir_parents(cli->db_path, err) != 0)
        return -1;
    struct store_options opts = {
        .busy_timeout_ms = cli->cfg.busy_timeout_ms,
        .create = create,
        .user = cli->user,
        .lock_after_days = cli->cfg.lock_after_days,
        .today = cli->today,
        .date_format = cli->cfg.date_format,
        .file_mode = paths_file_mode(cli->cfg.group_gid),
        .file_group = cli->cfg.group_gid >= 0,
        .file_gid = cli->cfg.group_gid >= 0 ? (unsigned)cli->cfg.group_gid : 0,
    };
    struct stat sb;
    bool absent = stat(cli->db_path, &sb) != 0;
    /* init builds a new database beside its place and renames it there whole (issue 14). */
    if ((create ? store_create(out, cli->db_path, &opts, err)
                : store_open(out, cli->db_path, &opts, err)) != 0)
        return -1;
    /* Whoever owns the database file can change it with any SQLite tool anyway: without
     * declared users, and outside restricted mode, that person works as an admin (and so does
     * whoever creates it). */
    bool owner = cli_db_owner(cli) || (!cli->restricted && create && absent);
    if (sync_users(cli, *out, err) != 0 || store_login(*out, cli->user, owner, err) != 0) {
        store_close(*out);
        *out = NULL;
        return -1;
    }
    return 0;
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
            cli_syslog(err.msg); /* the plan file refused: tiendo stops */
            status = td_exit_status(err.status == TD_E_NOTFOUND ? TD_E_CONFIG : err.status);
        }
    } else if (force || !store_plan_is_current(st, plan.source_hash)) {
        /* The report calendar follows the rules the file now has. */
        if (store_sync_plan(st, &plan, &err) != 0 || store_sync_reports(st, cli->today, &err) < 0)
            status = cli_fail(&err);
    }
    if (status == 0 && sync_users(cli, st, &err) != 0)
        status = cli_fail(&err);
    if (status == 0 && cli->demo && store_role(st) != USER_ADMIN) {
        cli_error(_("only an admin may add the demo data"));
        status = 1;
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

bool cli_in_export_dir(const struct cli *cli, const char *path)
{
    char dir[PATH_MAX], real_dir[PATH_MAX], parent[PATH_MAX], real_parent[PATH_MAX];
    paths_export_dir(cli->cfg.export_dir, dir, sizeof dir);
    snprintf(parent, sizeof parent, "%s", path);
    char *slash = strrchr(parent, '/');
    const char *name = slash != NULL ? slash + 1 : parent;
    if (name[0] == '\0' || name[0] == '.')
        return false;
    if (slash == NULL)
        snprintf(parent, sizeof parent, ".");
    else if (slash == parent)
        parent[1] = '\0';
    else
        *slash = '\0';
    return realpath(dir, real_dir) != NULL && realpath(parent, real_parent) != NULL &&
           strcmp(real_dir, real_parent) == 0;
}

bool cli_out_is_stdout(const struct cli *cli)
{
    return cli->output == NULL || strcmp(cli->output, "-") == 0;
}

static void export_dir_of(const struct cli *cli, char *dir, size_t size)
{
    paths_export_dir(cli->cfg.export_dir, dir, size);
}

int cli_out_open(const struct cli *cli, struct cli_out *o)
{
    o->f = stdout;
    o->tmp[0] = '\0';
    if (cli_out_is_stdout(cli))
        return 0;
    if (cli->restricted) {
        char dir[PATH_MAX];
        export_dir_of(cli, dir, sizeof dir);
        struct stat sb;
        if (!cli_in_export_dir(cli, cli->output)) {
            cli_error(_("-o %s: in restricted mode files are written only in %s ([export] dir)"),
                      cli->output, dir);
            return 2;
        }
        /* rename would replace a planted link, not follow it; still, say no to it. */
        if (lstat(cli->output, &sb) == 0 && !S_ISREG(sb.st_mode)) {
            cli_error(_("-o %s: not a plain file (a symbolic link?); in restricted mode files "
                        "are written only as plain files in %s ([export] dir)"),
                      cli->output, dir);
            return 2;
        }
    }
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp-XXXXXX", cli->output);
    int fd = mkstemp(o->tmp); /* O_EXCL: never through a link */
    if (fd >= 0 && paths_secure_fd(fd, cli->cfg.group_gid) != 0) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        cli_error(_("%s: cannot set its mode or group ([security] group): %s"), cli->output,
                  strerror(e));
        return 1;
    }
    o->f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (o->f != NULL)
        return 0;
    cli_error(_("%s: cannot write: %s"), cli->output, strerror(errno));
    if (fd >= 0) {
        close(fd);
        unlink(o->tmp);
    }
    return 1;
}

int cli_open_input(const struct cli *cli, const char *path, FILE **in)
{
    *in = NULL;
    if (strcmp(path, "-") == 0) {
        *in = stdin;
        return 0;
    }
    if (!cli->restricted) {
        *in = fopen(path, "rb");
        if (*in != NULL)
            return 0;
        cli_error("%s: %s", path, strerror(errno));
        return 1;
    }
    char dir[PATH_MAX];
    export_dir_of(cli, dir, sizeof dir);
    if (!cli_in_export_dir(cli, path)) {
        cli_error(_("%s: in restricted mode files are read only from %s ([export] dir)"), path,
                  dir);
        return 2;
    }
    /* The name inside the directory itself, never through a link planted there. */
    const char *slash = strrchr(path, '/');
    const char *name = slash != NULL ? slash + 1 : path;
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int fd = dfd >= 0 ? openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
                      : -1;
    int e = errno;
    if (dfd >= 0)
        close(dfd);
    struct stat sb;
    if (fd < 0 && e == ELOOP) {
        cli_error(_("%s: a symbolic link; in restricted mode files are read only as plain files "
                    "in %s ([export] dir)"),
                  path, dir);
        return 2;
    }
    if (fd < 0) {
        cli_error("%s: %s", path, strerror(e));
        return 1;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_nlink != 1) { /* hard link too */
        close(fd);
        cli_error(_("%s: not a plain file; in restricted mode files are read only as plain files "
                    "in %s ([export] dir)"),
                  path, dir);
        return 2;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    *in = fdopen(fd, "rb");
    if (*in != NULL)
        return 0;
    cli_error("%s: %s", path, strerror(errno));
    close(fd);
    return 1;
}

int cli_out_close(const struct cli *cli, struct cli_out *o, int rc)
{
    bool written = rc <= 0 && !ferror(o->f);
    if (cli_out_is_stdout(cli)) {
        written = fflush(o->f) == 0 && written;
    } else {
        written = fclose(o->f) == 0 && written;
        if (rc == 0 && written)
            written = rename(o->tmp, cli->output) == 0;
        if (rc != 0 || !written)
            unlink(o->tmp);
    }
    o->f = NULL;
    if (rc == 0 && written)
        return 0;
    if (rc <= 0)
        cli_error(_("%s: cannot write: %s"), !cli_out_is_stdout(cli) ? cli->output : "stdout",
                  errno != 0 ? strerror(errno) : _("output error"));
    return 1;
}

bool cli_unit_known(struct store *st, const char *code, struct td_err *err)
{
    enum { MAX = 1024 };
    struct unit_choice *units = calloc(MAX, sizeof *units);
    int n = 0;
    bool found = false;
    if (units == NULL)
        td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    else if (store_unit_list(st, units, MAX, &n, err) == 0)
        for (int i = 0; i < n && !found; i++)
            found = strcmp(units[i].code, code) == 0;
    free(units);
    return found;
}
