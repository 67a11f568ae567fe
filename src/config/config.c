/* The settings table of tiendo.ini and the loading of system, user and command-line files. */
#include <grp.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "tiendo/config.h"
#include "tiendo/i18n.h"

#define AT(field) offsetof(struct td_config, field)

/* One row per key: loading, validation, the documented default file and the man page all
 * follow this table (tests compare config/tiendo.ini with it). */
static const struct setting_def settings[] = {
    {"database", "path", ST_STRING, "", 0, 0, NULL, AT(db_path),
     N_("Database file; empty means $XDG_DATA_HOME/tiendo/tiendo.db "
        "(~/.local/share/tiendo/tiendo.db)")},
    {"database", "busy_timeout_ms", ST_INT, "5000", 0, 600000, NULL, AT(busy_timeout_ms),
     N_("How long to wait for another session's write before saying the database is busy")},
    {"ui", "language", ST_CHOICE, "auto", 0, 0, "vi,en,auto", AT(language),
     N_("vi, en, or auto: Vietnamese unless LANGUAGE or the locale names English")},
    {"ui", "theme", ST_CHOICE, "default", 0, 0, "default,mono", AT(theme),
     N_("Colour theme; mono is used anyway on terminals without colour or with NO_COLOR")},
    {"ui", "date_format", ST_DATEFMT, "%d/%m/%Y", 0, 0, NULL, AT(date_format),
     N_("How dates are shown and typed: %d, %m and %Y with one separator")},
    {"keys", "*", ST_STRING, NULL, 0, 0, NULL, SCHEMA_NONE,
     N_("Key bindings: action = key, key (e.g. task.progress = p, F5); the help screen lists "
        "the actions")},
    {"colors", "*", ST_STRING, NULL, 0, 0, NULL, SCHEMA_NONE,
     N_("Colour roles: role = foreground [background] [bold] [underline] [reverse] [dim]")},
    {"tasks", "behind_tolerance", ST_INT, "10", 0, 100, NULL, AT(behind_tolerance),
     N_("A task is behind schedule when its percent is this many points below the share of its "
        "planned time already gone")},
    {"tasks", "due_soon_days", ST_INT, "14", 0, 365, NULL, AT(due_soon_days),
     N_("A task not done is due soon when its due date is at most this many days away")},
    {"reports", "due_soon_days", ST_INT, "14", 0, 365, NULL, AT(report_due_soon_days),
     N_("A report a unit has not submitted is due soon when its due date is at most this many "
        "days away")},
    {"reports", "remind_days", ST_DAYS, "", 0, 365, NULL, AT(remind_days),
     N_("tiendo calendar gives each report deadline an alarm this many days before it, one per "
        "value (e.g. 7, 1); empty: none")},
    {"targets", "tolerance", ST_NUMBER, "0.05", 0, 1, NULL, AT(tolerance),
     N_("A projection this close below its target (0.05: within 5 %) is at risk, not off "
        "track")},
    {"export", "dir", ST_STRING, "", 0, 0, NULL, AT(export_dir),
     N_("Where x writes the list on the screen as CSV; empty means "
        "$XDG_DATA_HOME/tiendo/export (~/.local/share/tiendo/export)")},
    {"report", "issuer", ST_STRING, "", 0, 0, NULL, AT(report_issuer),
     N_("Report drafts in Vietnamese (Decree 30/2020/ND-CP): the governing body, top left; "
        "empty: left as … for the office to fill")},
    {"report", "issuer_unit", ST_STRING, "", 0, 0, NULL, AT(report_issuer_unit),
     N_("The issuing unit, under the governing body")},
    {"report", "symbol", ST_STRING, "", 0, 0, NULL, AT(report_symbol),
     N_("The symbol after the number: Số: …/BC-SYMBOL")},
    {"report", "place", ST_STRING, "", 0, 0, NULL, AT(report_place),
     N_("The place before the date, e.g. Hà Nội")},
    {"report", "recipients", ST_STRING, "", 0, 0, NULL, AT(report_recipients),
     N_("Nơi nhận: the recipients, separated by semicolons")},
    {"report", "signer_position", ST_STRING, "", 0, 0, NULL, AT(report_signer_position),
     N_("The signature block: the signer's position")},
    {"report", "signer_name", ST_STRING, "", 0, 0, NULL, AT(report_signer_name),
     N_("The signature block: the signer's name")},
    {"users", "*", ST_STRING, NULL, 0, 0, NULL, SCHEMA_NONE,
     N_("Who may use tiendo: login = admin, login = editor: UNIT, UNIT, or login = viewer; "
        "with none declared, only the database file's owner may, as admin")},
    {"security", "restricted", ST_BOOL, "no", 0, 0, NULL, AT(restricted),
     N_("yes: no --config or --db on the command line, files written and read only inside "
        "[export] dir (always on with --user); a later file cannot turn it off")},
    {"security", "group", ST_STRING, "", 0, 0, NULL, AT(group),
     N_("The database, its -wal and -shm files and the exports are mode 0600; with a group "
        "named here, 0640 and that group, so its members can read them")},
    {"security", "lock_after_days", ST_INT, "0", 0, 3650, NULL, AT(lock_after_days),
     N_("Evaluations, submissions and indicator values of a period become read-only this many "
        "days after it ends, until an admin reopens it; 0: never")},
    {"plan", "file", ST_TEXT, "qd-111-2022.ini", 0, 0, NULL, AT(plan_file),
     N_("The plan definition: a file name in the shipped plans directory, or a path")},
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static const char *const sections[] = {"database", "ui",      "keys",     "colors",
                                       "tasks",    "reports", "targets",  "export",
                                       "report",   "users",   "security", "plan"};

bool config_describe(size_t i, const char **section, const char **key, const char **def,
                     const char **help)
{
    if (i >= NSETTINGS)
        return false;
    *section = settings[i].section;
    *key = strcmp(settings[i].key, "*") == 0 ? "" : settings[i].key;
    *def = settings[i].def != NULL ? settings[i].def : "";
    *help = settings[i].help;
    return true;
}

void config_free(struct td_config *cfg)
{
    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++)
        schema_free_strings(settings, NSETTINGS, sections[s], cfg);
    for (int i = 0; i < cfg->nfiles; i++)
        free(cfg->files[i]);
    for (int a = 0; a < ACT_COUNT; a++)
        free(cfg->key_file[a]);
    free(cfg->users);
    memset(cfg, 0, sizeof *cfg);
}

static int apply_file(struct td_config *cfg, const struct ini_doc *doc,
                      struct schema_problems *problems)
{
    int before = problems->n;
    schema_check_names(settings, NSETTINGS, doc, problems);
    for (int s = 0; s < ini_doc_nsections(doc); s++) {
        const char *sec = ini_doc_section(doc, s);
        schema_load_section(settings, NSETTINGS, sec, doc, sec, cfg, problems);
    }
    if (ini_doc_get(doc, "plan", "file") != NULL) {
        cfg->plan_file_set = true;
        cfg->plan_file_from = cfg->nfiles; /* the file is added to files[] next */
    }
    const char *file = ini_doc_path(doc);
    if (ini_doc_get(doc, "security", "group") != NULL && cfg->group != NULL) {
        struct group *g = cfg->group[0] != '\0' ? getgrnam(cfg->group) : NULL;
        if (cfg->group[0] != '\0' && g == NULL)
            schema_problem_add(problems, _("%s: [security] group: no group \"%s\" on this system"),
                               file, cfg->group);
        cfg->group_gid = g != NULL ? (long)g->gr_gid : -1;
    }
    char why[512];
    for (int k = 0; k < ini_doc_nkeys(doc, "keys"); k++) {
        const char *name = ini_doc_key(doc, "keys", k);
        if (keymap_bind(&cfg->keymap, name, ini_doc_get(doc, "keys", name), why, sizeof why) != 0) {
            schema_problem_add(problems, "%s: [keys] %s: %s", file, name, why);
            continue;
        }
        enum action a = action_by_name(name);
        free(cfg->key_file[a]);
        cfg->key_file[a] = strdup(file);
    }
    for (int k = 0; k < ini_doc_nkeys(doc, "colors"); k++) {
        const char *name = ini_doc_key(doc, "colors", k);
        int role = role_by_name(name);
        if (role < 0)
            schema_problem_add(problems,
                               _("%s: [colors] %s: no such role (title, selected, marked, "
                                 "overdue, at_risk, on_track, done, muted, error, normal)"),
                               file, name);
        else if (color_spec_parse(ini_doc_get(doc, "colors", name), &cfg->colors[role], why,
                                  sizeof why) != 0)
            schema_problem_add(problems, "%s: [colors] %s: %s", file, name, why);
    }
    for (int k = 0; k < ini_doc_nkeys(doc, "users"); k++) {
        const char *name = ini_doc_key(doc, "users", k);
        struct user_def u;
        if (user_def_parse(name, ini_doc_get(doc, "users", name), &u, why, sizeof why) != 0) {
            schema_problem_add(problems, "%s: [users] %s: %s", file, name, why);
            continue;
        }
        int i = 0;
        while (i < cfg->nusers && strcmp(cfg->users[i].login, u.login) != 0)
            i++;
        if (i == cfg->nusers) {
            struct user_def *grown = realloc(cfg->users, sizeof *grown * (size_t)(i + 1));
            if (grown == NULL) {
                schema_problem_add(problems, "%s: [users]: %s", file, _("out of memory"));
                break;
            }
            cfg->users = grown;
            cfg->nusers++;
        }
        cfg->users[i] = u;
    }
    return problems->n == before ? 0 : -1;
}

int config_load_files(struct td_config *cfg, const char *const *paths, const bool *required, int n,
                      void (*report)(void *ctx, const char *msg), void *ctx, struct td_err *err)
{
    struct schema_problems problems = {0};
    memset(cfg, 0, sizeof *cfg);
    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++)
        schema_defaults(settings, NSETTINGS, sections[s], cfg);
    keymap_defaults(&cfg->keymap);
    cfg->group_gid = -1;

    bool restricted = false;
    for (int i = 0; i < n; i++) {
        struct ini_doc *doc = NULL;
        struct td_err e = {0};
        if (ini_doc_load(paths[i], &doc, &e) != 0) {
            if (e.status == TD_E_NOTFOUND && !required[i])
                continue;
            schema_problem_add(&problems, "%s", e.msg);
            continue;
        }
        apply_file(cfg, doc, &problems);
        restricted = restricted || cfg->restricted; /* a later file cannot turn it off */
        cfg->restricted = restricted;
        if (cfg->nfiles < 3)
            cfg->files[cfg->nfiles++] = strdup(paths[i]);
        ini_doc_free(doc);
    }
    /* Conflicts are judged on the final bindings, whatever file set them. */
    char why[512];
    enum action blamed = keymap_conflict(&cfg->keymap, why, sizeof why);
    if (blamed != ACT_NONE)
        schema_problem_add(&problems, "%s: [keys] %s: %s",
                           cfg->key_file[blamed] != NULL ? cfg->key_file[blamed] : "tiendo.ini",
                           action_get(blamed)->name, why);
    int count = problems.n;
    if (count > 0)
        td_err_set(err, TD_E_CONFIG, "%s", problems.msgs[0]);
    for (int i = 0; report != NULL && i < count; i++)
        report(ctx, problems.msgs[i]);
    schema_problems_free(&problems);
    return count;
}

int config_load(struct td_config *cfg, const char *cli_file, struct td_err *err)
{
    char user[PATH_MAX];
    config_user_file(user, sizeof user);
    const char *paths[3] = {CONFIG_SYSTEM_FILE, user, cli_file};
    const bool required[3] = {false, false, true};
    return config_load_files(cfg, paths, required, cli_file != NULL ? 3 : 2, NULL, NULL, err) == 0
               ? 0
               : -1;
}
