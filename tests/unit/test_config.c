/* Settings: the table, loading order, and every class of error naming file, section, key. */
#include "helpers.h"

#include "tiendo/config.h"
#include "tiendo/paths.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = helper_tmpdir();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    helper_rmtree(dir);
    return 0;
}

/* Loads one file and returns the number of problems, with the messages in *m. */
static int load_one(const char *text, struct td_config *cfg, struct helper_msgs *m)
{
    char *path = helper_write(dir, "t.ini", text);
    const char *paths[1] = {path};
    const bool required[1] = {true};
    struct td_err err = {0};
    memset(m, 0, sizeof *m);
    int n = config_load_files(cfg, paths, required, 1, helper_collect, m, &err);
    if (n > 0) {
        assert_int_equal(err.status, TD_E_CONFIG);
        assert_string_equal(err.msg, m->msgs[0]);
    }
    free(path);
    return n;
}

/* The message for a one-key file, which must be the only problem. */
static const char *one_error(const char *text)
{
    static struct helper_msgs m;
    struct td_config cfg;
    assert_int_equal(load_one(text, &cfg, &m), 1);
    config_free(&cfg);
    return m.msgs[0];
}

static void expect_error(const char *text, const char *want_suffix)
{
    char want[1200];
    snprintf(want, sizeof want, "%s/t.ini%s", dir, want_suffix);
    assert_string_equal(one_error(text), want);
}

static void test_defaults_hold_without_any_file(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("", &cfg, &m), 0);
    assert_string_equal(cfg.db_path, "");
    assert_int_equal(cfg.busy_timeout_ms, 5000);
    assert_string_equal(cfg.language, "auto");
    assert_string_equal(cfg.theme, "default");
    assert_string_equal(cfg.date_format, "%d/%m/%Y");
    assert_string_equal(cfg.plan_file, "qd-111-2022.ini");
    assert_false(cfg.plan_file_set);
    assert_int_equal(cfg.behind_tolerance, 10);
    assert_int_equal(cfg.due_soon_days, 14);
    assert_true(cfg.tolerance == 0.05);
    assert_non_null(cfg.export_dir); /* every section's defaults apply (and are freed) */
    assert_string_equal(cfg.export_dir, "");
    config_free(&cfg);
    /* A value read from a file is freed with the rest (ASan checks). */
    assert_int_equal(
        load_one("[export]\ndir = /srv/exports\n[targets]\ntolerance = 0,1\n", &cfg, &m), 0);
    assert_string_equal(cfg.export_dir, "/srv/exports");
    assert_true(cfg.tolerance == 0.1);
    config_free(&cfg);
}

static void test_values_are_read_and_typed(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[database]\npath = /srv/tiendo/x.db\nbusy_timeout_ms = 250\n"
                              "[ui]\nlanguage = vi\ntheme = mono\ndate_format = %Y-%m-%d\n"
                              "[plan]\nfile = /etc/tiendo/plan.ini\n",
                              &cfg, &m),
                     0);
    assert_string_equal(cfg.db_path, "/srv/tiendo/x.db");
    assert_int_equal(cfg.busy_timeout_ms, 250);
    assert_string_equal(cfg.language, "vi");
    assert_string_equal(cfg.theme, "mono");
    assert_string_equal(cfg.date_format, "%Y-%m-%d");
    assert_string_equal(cfg.plan_file, "/etc/tiendo/plan.ini");
    assert_true(cfg.plan_file_set);
    config_free(&cfg);
}

/* [reports] remind_days: a list of day counts, or one, or nothing; anything else is refused
 * naming file, section and key. */
static void test_remind_days_is_a_list_of_days(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[reports]\nremind_days = 7, 1\n", &cfg, &m), 0);
    assert_int_equal(cfg.remind_days.n, 2);
    assert_int_equal(cfg.remind_days.day[0], 7);
    assert_int_equal(cfg.remind_days.day[1], 1);
    config_free(&cfg);
    assert_int_equal(load_one("[reports]\nremind_days = 3\n", &cfg, &m), 0);
    assert_int_equal(cfg.remind_days.n, 1);
    assert_int_equal(cfg.remind_days.day[0], 3);
    config_free(&cfg);
    assert_int_equal(load_one("[reports]\nremind_days =\n", &cfg, &m), 0);
    assert_int_equal(cfg.remind_days.n, 0);
    config_free(&cfg);
    static const char *const bad[] = {"7,,1", "seven", "-1", "366", "7, 7",
                                      "1.5",  "7 1",   "+3", "08x", ","};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char ini[128], want[256];
        snprintf(ini, sizeof ini, "[reports]\nremind_days = %s\n", bad[i]);
        snprintf(want, sizeof want,
                 ": [reports] remind_days: expected whole numbers of days from 0 to 365, each "
                 "once, separated by commas (e.g. 7, 1); got \"%s\"",
                 bad[i]);
        expect_error(ini, want);
    }
    expect_error("[reports]\nremind_days = 1, 2, 3, 4, 5, 6, 7, 8, 9\n",
                 ": [reports] remind_days: at most 8 values; got \"1, 2, 3, 4, 5, 6, 7, 8, 9\"");
}

static void test_bad_choice_names_file_section_and_key(void **state)
{
    (void)state;
    expect_error("[ui]\nlanguage = fr\n",
                 ": [ui] language: expected one of vi, en, auto; got \"fr\"");
}

static void test_unknown_section_is_an_error(void **state)
{
    (void)state;
    expect_error("[database]\n[iu]\nlanguage = vi\n", ": [iu]: unknown section");
}

static void test_unknown_key_is_an_error(void **state)
{
    (void)state;
    expect_error("[ui]\nlangauge = vi\n", ": [ui] langauge: unknown key");
    expect_error("[keys]\ntask.progres = p\n",
                 ": [keys] task.progres: no such action (see the help screen, ?, for the names)");
}

static void test_wrong_type_is_an_error(void **state)
{
    (void)state;
    expect_error("[database]\nbusy_timeout_ms = 5s\n",
                 ": [database] busy_timeout_ms: expected a whole number; got \"5s\"");
    /* Octal-looking and huge numbers are not silently changed. */
    expect_error("[database]\nbusy_timeout_ms = 99999999999\n",
                 ": [database] busy_timeout_ms: expected a number from 0 to 600000; got "
                 "99999999999");
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[database]\nbusy_timeout_ms = 010\n", &cfg, &m), 0);
    assert_int_equal(cfg.busy_timeout_ms, 10);
    config_free(&cfg);
}

static void test_out_of_range_is_an_error(void **state)
{
    (void)state;
    expect_error("[database]\nbusy_timeout_ms = -1\n",
                 ": [database] busy_timeout_ms: expected a number from 0 to 600000; got -1");
    expect_error("[ui]\ndate_format = %d/%m\n",
                 ": [ui] date_format: expected a date format with %d, %m and %Y once each and "
                 "one separator (/ . -), e.g. %d/%m/%Y; got \"%d/%m\"");
    expect_error("[plan]\nfile =\n", ": [plan] file: must not be empty");
}

static void test_every_problem_is_reported_not_only_the_first(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[ui]\nlanguage = fr\ntheme = dark\n[bogus]\n", &cfg, &m), 3);
    config_free(&cfg);
}

static void test_byte_order_mark_is_accepted(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("\xEF\xBB\xBF[ui]\nlanguage = en\n", &cfg, &m), 0);
    assert_string_equal(cfg.language, "en");
    config_free(&cfg);
}

static void test_invalid_utf8_is_refused_with_its_line(void **state)
{
    (void)state;
    expect_error("[database]\npath = /srv/ti\xEAndo.db\n",
                 ":2: not valid UTF-8; save the file as UTF-8");
}

static void test_long_lines_and_duplicates_are_refused_with_their_line(void **state)
{
    (void)state;
    char text[1300] = "[database]\npath = ";
    memset(text + strlen(text), 'x', 1100);
    expect_error(text, ":2: line longer than 1000 bytes; split the value");
    expect_error("[ui]\nlanguage = vi\ntheme = mono\nlanguage = en\n",
                 ":4: [ui] language is set twice (first on line 2)");
    expect_error("[ui]\nlanguage = vi\n[ui]\ntheme = mono\n",
                 ":3: section [ui] appears twice (first on line 1)");
    expect_error("language = vi\n", ":1: key \"language\" comes before any [section]");
}

static void test_keys_rebind_actions_and_conflicts_name_the_key(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[keys]\ntask.progress = P, F5\nhelp = h, F1\n", &cfg, &m), 0);
    assert_int_equal(
        keymap_lookup(&cfg.keymap, 'P', (enum action[]){ACT_PROGRESS, ACT_NONE}, false),
        ACT_PROGRESS);
    assert_int_equal(
        keymap_lookup(&cfg.keymap, TK_F(5), (enum action[]){ACT_PROGRESS, ACT_NONE}, false),
        ACT_PROGRESS);
    assert_int_equal(keymap_lookup(&cfg.keymap, 'h', NULL, false), ACT_HELP);
    assert_int_equal(keymap_lookup(&cfg.keymap, '?', NULL, false), ACT_NONE);
    config_free(&cfg);
    expect_error("[keys]\nsearch = j\n", ": [keys] search: key j is also bound to move.down");
    expect_error("[keys]\ntask.progress = F5\n",
                 ": [keys] task.progress: a function key needs a letter twin, since some SSH "
                 "clients send no function keys (e.g. task.progress = p, F5)");
    expect_error("[keys]\nundo = Ctrl-Z\n",
                 ": [keys] undo: unknown key name \"Ctrl-Z\" (use e.g. p, F5, C-s, Enter, Esc, "
                 "Space, PgDn)");
    expect_error("[keys]\nform.save = s\n",
                 ": [keys] form.save: \"s\" would be typed into the field; form actions need a "
                 "function, control or movement key");
}

static void test_colors_override_roles(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(
        load_one("[colors]\noverdue = magenta default underline\ntitle = 15 4\n", &cfg, &m), 0);
    assert_true(cfg.colors[ROLE_OVERDUE].set);
    assert_int_equal(cfg.colors[ROLE_OVERDUE].fg, 5);
    assert_int_equal(cfg.colors[ROLE_OVERDUE].bg, COLOR_SPEC_DEFAULT);
    assert_int_equal(cfg.colors[ROLE_OVERDUE].attrs, CATTR_UNDERLINE);
    assert_int_equal(cfg.colors[ROLE_TITLE].fg, 15);
    assert_int_equal(cfg.colors[ROLE_TITLE].bg, 4);
    assert_false(cfg.colors[ROLE_DONE].set);
    config_free(&cfg);
    expect_error("[colors]\noverdue = crimson\n",
                 ": [colors] overdue: expected \"foreground [background] [bold] [underline] "
                 "[reverse] [dim]\" with colours black, red, green, yellow, blue, magenta, cyan, "
                 "white, default or 0-255; got \"crimson\"");
    expect_error("[colors]\nlate = red\n",
                 ": [colors] late: no such role (title, selected, marked, overdue, at_risk, "
                 "on_track, done, muted, error, normal)");
}

static void test_syntax_error_names_the_line(void **state)
{
    (void)state;
    const char *msg = one_error("[ui]\nlanguage vi\n");
    assert_non_null(strstr(msg, "t.ini:2: syntax error"));
}

/* Issue 14: iniparser 4.1 took language = "en as the value "en; a closed quote is meant. */
static void test_an_unterminated_quote_names_file_section_and_key(void **state)
{
    (void)state;
    expect_error("[ui]\nlanguage = \"en\n", ":2: [ui] language: a quote is not closed");
    expect_error("[database]\npath = '/srv/x.db\n", ":2: [database] path: a quote is not closed");
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[ui]\nlanguage = \"en\"\n[database]\npath = a\"b\n", &cfg, &m), 0);
    assert_string_equal(cfg.language, "en");
    config_free(&cfg);
}

static void test_later_files_win_and_missing_optional_files_are_skipped(void **state)
{
    (void)state;
    char *a = helper_write(dir, "a.ini", "[ui]\nlanguage = en\ntheme = mono\n");
    char *b = helper_write(dir, "b.ini", "[ui]\nlanguage = vi\n");
    char missing[PATH_MAX];
    snprintf(missing, sizeof missing, "%s/none.ini", dir);
    const char *paths[3] = {missing, a, b};
    bool required[3] = {false, false, true};
    struct td_config cfg;
    struct td_err err = {0};
    assert_int_equal(config_load_files(&cfg, paths, required, 3, NULL, NULL, &err), 0);
    assert_string_equal(cfg.language, "vi");
    assert_string_equal(cfg.theme, "mono");
    assert_int_equal(cfg.nfiles, 2);
    config_free(&cfg);
    /* A required file (--config) that does not exist is an error. */
    required[0] = true;
    assert_int_equal(config_load_files(&cfg, paths, required, 3, NULL, NULL, &err), 1);
    assert_int_equal(err.status, TD_E_CONFIG);
    assert_non_null(strstr(err.msg, "none.ini"));
    config_free(&cfg);
    free(a);
    free(b);
}

/* [users] gathers every file's lines, a later line for the same login winning; a bad line names
 * file, section and login; restricted stays on once a file turned it on. */
static void test_users_and_security_across_files(void **state)
{
    (void)state;
    char *a = helper_write(dir, "a.ini",
                           "[users]\nnguyenvana = editor: VTTTN, TMDT\nboss = admin\n"
                           "[security]\nrestricted = yes\nlock_after_days = 30\n");
    char *b = helper_write(dir, "b.ini",
                           "[users]\nNguyenVanA = viewer\nle.c = editor: PC\n"
                           "[security]\nrestricted = no\n");
    const char *paths[2] = {a, b};
    bool required[2] = {true, true};
    struct td_config cfg;
    struct td_err err = {0};
    assert_int_equal(config_load_files(&cfg, paths, required, 2, NULL, NULL, &err), 0);
    assert_int_equal(cfg.nusers, 3);
    assert_string_equal(cfg.users[0].login, "nguyenvana");
    assert_int_equal(cfg.users[0].role, USER_VIEWER);
    assert_string_equal(cfg.users[1].login, "boss");
    assert_string_equal(cfg.users[2].units, "PC");
    assert_true(cfg.restricted);
    assert_int_equal(cfg.lock_after_days, 30);
    config_free(&cfg);
    expect_error("[users]\nnguyenvana = editor\n",
                 ": [users] nguyenvana: an editor needs the units they work for: editor: UNIT, "
                 "UNIT");
    free(a);
    free(b);
}

/* [security] group names a group of this system; without it files are 0600. */
static void test_security_group_is_a_group_of_this_system(void **state)
{
    (void)state;
    struct td_config cfg;
    struct helper_msgs m;
    assert_int_equal(load_one("[ui]\nlanguage = en\n", &cfg, &m), 0);
    assert_int_equal(cfg.group_gid, -1);
    config_free(&cfg);
    assert_int_equal(load_one("[security]\ngroup = root\n", &cfg, &m), 0);
    assert_int_equal(cfg.group_gid, 0);
    assert_string_equal(cfg.group, "root");
    config_free(&cfg);
    assert_int_equal(load_one("[security]\ngroup =\n", &cfg, &m), 0);
    assert_int_equal(cfg.group_gid, -1);
    config_free(&cfg);
    expect_error("[security]\ngroup = no-such-group-here\n",
                 ": [security] group: no group \"no-such-group-here\" on this system");
}

/* config/tiendo.ini documents every key of the table with its default and help, and loads. */
static void test_documented_default_file_matches_the_table(void **state)
{
    (void)state;
    FILE *f = fopen("config/tiendo.ini", "r");
    assert_non_null(f);
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    const char *section, *key, *def, *help;
    for (size_t i = 0; config_describe(i, &section, &key, &def, &help); i++) {
        char head[128], line[256];
        snprintf(head, sizeof head, "\n[%s]\n", section);
        const char *at = strstr(text, head);
        if (at == NULL)
            fail_msg("config/tiendo.ini lacks section [%s]", section);
        if (key[0] != '\0') {
            snprintf(line, sizeof line, "\n;%s = %s\n", key, def);
            if (def[0] == '\0')
                snprintf(line, sizeof line, "\n;%s =\n", key);
            const char *k = strstr(at, line);
            const char *next = strstr(at + 1, "\n[");
            if (k == NULL || (next != NULL && k > next))
                fail_msg("config/tiendo.ini: [%s] lacks the line \"%s\"", section, line + 1);
        }
        if (strstr(text, help) == NULL)
            fail_msg("config/tiendo.ini lacks the help of [%s] %s: %s", section, key, help);
    }
    /* Every action is listed with its default keys, every colour role too. */
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        char line[256];
        snprintf(line, sizeof line, "\n;%s = %s\n", action_get((enum action)a)->name,
                 action_get((enum action)a)->keys);
        if (strstr(text, line) == NULL)
            fail_msg("config/tiendo.ini [keys] lacks the line \"%s\"", line + 1);
    }
    for (int r = ROLE_TITLE; r < ROLE_COUNT; r++) {
        char line[64];
        snprintf(line, sizeof line, "\n;%s = ", role_name((enum role)r));
        if (strstr(text, line) == NULL)
            fail_msg("config/tiendo.ini [colors] lacks the role %s", role_name((enum role)r));
    }
    const char *paths[1] = {"config/tiendo.ini"};
    const bool required[1] = {true};
    struct td_config cfg;
    struct td_err err = {0};
    assert_int_equal(config_load_files(&cfg, paths, required, 1, NULL, NULL, &err), 0);
    config_free(&cfg);
}

/* A path in a message: under $HOME as ~/..., what one types to copy it with scp. */
static void test_paths_show_home_as_a_tilde(void **state)
{
    (void)state;
    char buf[128];
    const char *was = getenv("HOME");
    char *saved = was != NULL ? strdup(was) : NULL;
    setenv("HOME", "/home/lan/", 1);
    assert_string_equal(
        paths_show("/home/lan/.local/share/tiendo/export/tasks.csv", buf, sizeof buf),
        "~/.local/share/tiendo/export/tasks.csv");
    assert_string_equal(paths_show("/home/lana/x.csv", buf, sizeof buf), "/home/lana/x.csv");
    assert_string_equal(paths_show("/srv/tiendo/x.csv", buf, sizeof buf), "/srv/tiendo/x.csv");
    setenv("HOME", "/", 1); /* a home of / shows paths as they are */
    assert_string_equal(paths_show("/srv/x.csv", buf, sizeof buf), "/srv/x.csv");
    if (saved != NULL)
        setenv("HOME", saved, 1);
    free(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_hold_without_any_file),
        cmocka_unit_test(test_values_are_read_and_typed),
        cmocka_unit_test(test_remind_days_is_a_list_of_days),
        cmocka_unit_test(test_bad_choice_names_file_section_and_key),
        cmocka_unit_test(test_unknown_section_is_an_error),
        cmocka_unit_test(test_unknown_key_is_an_error),
        cmocka_unit_test(test_wrong_type_is_an_error),
        cmocka_unit_test(test_out_of_range_is_an_error),
        cmocka_unit_test(test_every_problem_is_reported_not_only_the_first),
        cmocka_unit_test(test_byte_order_mark_is_accepted),
        cmocka_unit_test(test_invalid_utf8_is_refused_with_its_line),
        cmocka_unit_test(test_long_lines_and_duplicates_are_refused_with_their_line),
        cmocka_unit_test(test_syntax_error_names_the_line),
        cmocka_unit_test(test_an_unterminated_quote_names_file_section_and_key),
        cmocka_unit_test(test_keys_rebind_actions_and_conflicts_name_the_key),
        cmocka_unit_test(test_colors_override_roles),
        cmocka_unit_test(test_later_files_win_and_missing_optional_files_are_skipped),
        cmocka_unit_test(test_users_and_security_across_files),
        cmocka_unit_test(test_security_group_is_a_group_of_this_system),
        cmocka_unit_test(test_documented_default_file_matches_the_table),
        cmocka_unit_test(test_paths_show_home_as_a_tilde),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
