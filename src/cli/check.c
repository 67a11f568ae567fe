/* `tiendo check`: every problem of the settings, the plan file and the database, listed. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/planfile.h"

static void count_problem(void *ctx, const char *msg)
{
    ++*(int *)ctx;
    cli_error("%s", msg);
}

/* Temporary files of inits that were killed while they built a database (store_create): not a
 * problem (the database is whole or absent), but worth deleting. */
static void note_leftovers(const char *db_path)
{
    char dir[PATH_MAX], prefix[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", db_path);
    char *slash = strrchr(dir, '/');
    const char *base = slash != NULL ? slash + 1 : db_path;
    snprintf(prefix, sizeof prefix, ".%s.init-", base);
    if (slash == NULL)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            printf(_("database: %s/%s was left by an init that did not finish; it can be "
                     "deleted\n"),
                   dir, e->d_name);
    closedir(d);
}

int cli_cmd_check(struct cli *cli)
{
    int problems = 0;
    struct td_err err = {0};
    char user_file[PATH_MAX];
    config_user_file(user_file, sizeof user_file);
    const char *files[3] = {CONFIG_SYSTEM_FILE, user_file, cli->config_file};
    const bool required[3] = {false, false, true};
    config_load_files(&cli->cfg, files, required, cli->config_file != NULL ? 3 : 2, count_problem,
                      &problems, &err);
    cli_settle(cli);
    if (cli_check_restricted(cli) != 0)
        return 2;
    for (int i = 0; i < cli->cfg.nfiles; i++)
        printf(_("settings: %s\n"), cli->cfg.files[i]);

    struct store *st = NULL;
    if (cli_open_store(cli, false, &st, &err) != 0) {
        count_problem(&problems, err.msg);
    } else {
        int n = store_check_mode(st, cli->full, count_problem, &problems, &err);
        if (n < 0)
            count_problem(&problems, err.msg);
        else
            printf(_("database: %s (schema version %d)\n"), cli->db_path, store_user_version(st));
        if (n >= 0 && !cli->full && store_check_was_partial(st))
            printf(_("database: large: the tasks, progress updates and audit log were checked by "
                     "their newest rows; tiendo check --full reads the whole file\n"));
    }

    char plan_path[PATH_MAX];
    cli_plan_path(cli, st, plan_path, sizeof plan_path);
    struct plan_def plan;
    if (plan_file_load(plan_path, &plan, count_problem, &problems, &err) == 0) {
        printf(_("plan: %s (%s)\n"), plan_path, plan.code);
        if (plan.demo_file[0] != '\0')
            plan_file_load_demo(&plan, count_problem, &problems, &err);
        if (st != NULL && !store_plan_is_current(st, plan.source_hash))
            printf(_("plan: the file changed since the database was synchronised; the next "
                     "start synchronises it\n"));
    }
    plan_def_free(&plan);
    store_close(st);
    note_leftovers(cli->db_path);

    if (problems > 0) {
        fprintf(stderr,
                ngettext("tiendo: %d problem found\n", "tiendo: %d problems found\n",
                         (unsigned long)problems),
                problems);
        return 1;
    }
    printf(_("No problems found.\n"));
    return 0;
}
