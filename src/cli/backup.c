/* `tiendo backup FILE`: a consistent, checked copy of the live database. */
#include <stdio.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/store_users.h"

int cli_cmd_backup(struct cli *cli, const char *file)
{
    if (file == NULL || file[0] == '\0') {
        cli_error(_("backup needs the name of the new file: tiendo backup FILE"));
        return 2;
    }
    if (cli->restricted && !cli_in_export_dir(cli, file)) {
        char dir[PATH_MAX];
        paths_export_dir(cli->cfg.export_dir, dir, sizeof dir);
        cli_error(_("%s: in restricted mode files are written only in %s ([export] dir)"), file,
                  dir);
        return 2;
    }
    struct store *st = NULL;
    struct td_err err = {0};
    if (cli_open_store(cli, false, &st, &err) != 0)
        return cli_fail(&err);
    /* The copy holds every unit's data: only who may see all of it makes one. */
    if (store_role(st) != USER_ADMIN && !cli_db_owner(cli)) {
        store_close(st);
        cli_error(_("only an admin or the owner of the database file may back it up"));
        return 1;
    }
    struct store_backup_info info;
    int status = 0;
    if (store_backup(st, file, &info, &err) != 0)
        status = cli_fail(&err);
    else
        printf(_("Backed up %s to %s (%lld bytes, schema version %d, mode 0600); the copy passed "
                 "the integrity and foreign key checks.\n"),
               cli->db_path, file, info.bytes, info.version);
    store_close(st);
    return status;
}
