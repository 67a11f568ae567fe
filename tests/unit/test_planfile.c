/* Plan files: the shipped plan loads whole; mistakes are named with file, section and key. */
#include "helpers.h"

#include "tiendo/planfile.h"

#define SHIPPED "config/plans/qd-111-2022.ini"

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

static void test_shipped_plan_loads_with_its_criteria_units_and_targets(void **state)
{
    (void)state;
    struct plan_def p;
    struct td_err err = {0};
    struct helper_msgs m = {0};
    assert_int_equal(plan_file_load(SHIPPED, &p, helper_collect, &m, &err), 0);
    assert_string_equal(p.code, "qd-111-2022");
    assert_int_equal(p.start_year, 2021);
    assert_int_equal(p.end_year, 2030);
    assert_int_equal(p.nphases, 2);
    assert_string_equal(p.phases[0].code, "2021-2025");
    assert_int_equal(p.ncriteria, 4);
    assert_string_equal(p.criteria[0].code, "a");
    assert_int_equal(p.criteria[3].order, 4);
    assert_string_equal(p.criteria[1].facts, "progress");
    assert_string_equal(p.criteria[2].facts, "targets");
    assert_int_equal(p.nratings, 4);
    assert_string_equal(p.ratings[0].label, "Tốt");
    assert_int_equal(p.nmeasures, 4);
    assert_int_equal(p.nreport_rules, 4);
    assert_int_equal(p.nconferences, 2);
    assert_int_equal(p.nactivity_kinds, 2);
    assert_true(p.nunits >= 8);
    assert_string_equal(p.units[0].code, "VTTTN");
    assert_int_equal(p.ngroups, 5);
    assert_string_equal(p.groups[1].code, "II");
    assert_int_equal(p.nindicators, 5);
    assert_string_equal(p.indicators[0].code, "TMTN-TT");
    /* The short name the lists show (issue 17): the three "Tốc độ tăng…" differ at once. */
    assert_string_equal(p.indicators[0].short_name, "Tăng GTTT TMTN");
    assert_int_equal(p.indicators[0].ntargets, 1);
    assert_int_equal(p.indicators[0].targets[0].year, 2030);
    assert_true(p.indicators[0].targets[0].low == 9.0);
    assert_true(p.indicators[0].targets[0].high == 9.5);
    assert_int_equal(strlen(p.source_hash), 16);

    assert_int_equal(plan_file_load_demo(&p, helper_collect, &m, &err), 0);
    assert_true(p.ndemo_tasks >= 10);
    assert_true(p.ndemo_progress >= 5);
    assert_true(p.ndemo_values >= 5);
    plan_def_free(&p);
}

static int load_text(const char *text, struct helper_msgs *m)
{
    char *path = helper_write(dir, "p.ini", text);
    struct plan_def p;
    struct td_err err = {0};
    memset(m, 0, sizeof *m);
    int n = plan_file_load(path, &p, helper_collect, m, &err);
    plan_def_free(&p);
    free(path);
    return n;
}

#define HEAD                                                                                       \
    "[plan]\ncode = x\ntitle = X\nshort_title = X\nstart_year = 2021\nend_year = 2030\n"           \
    "[criterion.a]\nlabel = A\nwording = Aa\n[unit.u]\ncode = U\nname = Unit\n"

static void test_mistakes_in_a_plan_are_named(void **state)
{
    (void)state;
    struct helper_msgs m;
    assert_int_equal(load_text(HEAD, &m), 0);
    assert_int_equal(load_text(HEAD "[unit.v]\ncode = V\nnmae = Typo\n", &m), 2);
    assert_non_null(strstr(m.msgs[0], "p.ini: [unit.v] nmae: unknown key"));
    assert_non_null(strstr(m.msgs[1], "p.ini: [unit.v] name: required key is missing"));
    assert_int_equal(load_text(HEAD "[report.r]\nkind = annual\ntitle = R\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "[report.r]: an annual report needs due_month"));
    assert_int_equal(load_text(HEAD "[indicator.i]\ncode = I\nname = I\nkind = level\n"
                                    "owner = NOPE\ntarget_2030 = 9.5-9.0\n",
                               &m),
                     2);
    assert_non_null(strstr(m.msgs[0], "[indicator.i] target_2030: expected a number or a range"));
    assert_non_null(strstr(m.msgs[1], "indicator I owner: unknown unit \"NOPE\""));
    assert_int_equal(load_text(HEAD "[conference.c]\nkind = nope\ntitle = C\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "[conference.c] kind: unknown kind \"nope\""));
    assert_int_equal(load_text(HEAD "[task.1]\ncode = T\ntitle = T\nlead = U\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "[task.1]: belongs in the demo file"));
    assert_int_equal(load_text(HEAD "[unit.w]\ncode = U\nname = Again\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "two [unit.*] sections have the code \"U\""));
}

static void test_ranges_accept_commas_and_en_dashes(void **state)
{
    (void)state;
    char *path = helper_write(dir, "r.ini",
                              HEAD "[indicator.i]\ncode = I\nname = I\nkind = growth\n"
                                   "target_2025 = 9,0–9,5\ntarget_2030 = 11\n");
    struct plan_def p;
    struct td_err err = {0};
    assert_int_equal(plan_file_load(path, &p, NULL, NULL, &err), 0);
    assert_int_equal(p.indicators[0].ntargets, 2);
    assert_true(p.indicators[0].targets[0].low == 9.0 && p.indicators[0].targets[0].high == 9.5);
    assert_true(p.indicators[0].targets[1].low == 11 && p.indicators[0].targets[1].high == 11);
    plan_def_free(&p);
    free(path);
}

static void test_missing_plan_file_is_not_found(void **state)
{
    (void)state;
    struct plan_def p;
    struct td_err err = {0};
    assert_int_equal(plan_file_load("/nonexistent/plan.ini", &p, NULL, NULL, &err), 1);
    assert_int_equal(err.status, TD_E_NOTFOUND);
    assert_non_null(strstr(err.msg, "/nonexistent/plan.ini"));
    plan_def_free(&p);
}

/* The lines of a file, to change one at a time. */
struct lines {
    char **l;
    int n;
};

static struct lines read_lines(const char *path)
{
    struct lines ls = {NULL, 0};
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char buf[2048];
    while (fgets(buf, sizeof buf, f) != NULL) {
        ls.l = realloc(ls.l, sizeof *ls.l * (size_t)(ls.n + 1));
        ls.l[ls.n++] = strdup(buf);
    }
    fclose(f);
    return ls;
}

static void free_lines(struct lines *ls)
{
    for (int i = 0; i < ls->n; i++)
        free(ls->l[i]);
    free(ls->l);
}

/* Line i as "key = value": its section and key (lowercase, as the loader names them). */
static bool key_line(const struct lines *ls, int i, char *section, size_t ssize, char *key,
                     size_t ksize)
{
    const char *l = ls->l[i];
    if (l[0] == '[' || l[0] == ';' || l[0] == '#' || strchr(l, '=') == NULL)
        return false;
    size_t n = strcspn(l, " =");
    snprintf(key, ksize, "%.*s", (int)n, l);
    section[0] = '\0';
    for (int k = i - 1; k >= 0; k--)
        if (ls->l[k][0] == '[') {
            snprintf(section, ssize, "%.*s", (int)strcspn(ls->l[k] + 1, "]"), ls->l[k] + 1);
            break;
        }
    return section[0] != '\0';
}

/* Writes ls to path with line skip left out, or with its key misspelt ("kind" as "klind"). */
static void write_variant(const struct lines *ls, const char *path, int skip, bool misspell)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < ls->n; i++) {
        if (i != skip)
            fputs(ls->l[i], f);
        else if (misspell)
            fprintf(f, "%c%c%s", ls->l[i][0], 'l', ls->l[i] + 1);
    }
    fclose(f);
}

static bool some_message(const struct helper_msgs *m, const char *a, const char *b)
{
    for (int i = 0; i < m->n; i++)
        if (strstr(m->msgs[i], a) != NULL && (b == NULL || strstr(m->msgs[i], b) != NULL))
            return true;
    return false;
}

/* Every message names the file; a required key that is gone is named with its section. */
static void check_variant(const struct helper_msgs *m, int n, const char *path, const char *sec,
                          const char *key, bool misspelt)
{
    char where[300], bad[300];
    snprintf(where, sizeof where, "[%s] %s: required key is missing", sec, key);
    snprintf(bad, sizeof bad, "[%s] %c%c%s: unknown key", sec, key[0], 'l', key + 1);
    for (int i = 0; i < m->n; i++)
        if (strncmp(m->msgs[i], path, strlen(path)) != 0)
            fail_msg("[%s] %s: a message without the file: %s", sec, key, m->msgs[i]);
    if (misspelt && !some_message(m, path, bad))
        fail_msg("[%s] %s misspelt: not named (%d problems; first: %s)", sec, key, n,
                 m->n > 0 ? m->msgs[0] : "");
    /* A required key gone: its own message, never another one's "(null)". */
    for (int i = 0; i < m->n; i++)
        if (strstr(m->msgs[i], "required key is missing") != NULL &&
            strstr(m->msgs[i], where) == NULL && strstr(m->msgs[i], "[") == NULL)
            fail_msg("[%s] %s: %s", sec, key, m->msgs[i]);
    if (some_message(m, "(null)", NULL))
        fail_msg("[%s] %s: a message shows (null)", sec, key);
}

static void test_every_key_of_the_shipped_plan_dropped_or_misspelt_is_named(void **state)
{
    (void)state;
    struct lines ls = read_lines(SHIPPED);
    char *path = helper_write(dir, "variant.ini", "");
    int required = 0, variants = 0;
    for (int i = 0; i < ls.n; i++) {
        char sec[200], key[200];
        if (!key_line(&ls, i, sec, sizeof sec, key, sizeof key))
            continue;
        for (int misspell = 0; misspell < 2; misspell++) {
            write_variant(&ls, path, i, misspell);
            struct plan_def p;
            struct td_err err = {0};
            struct helper_msgs m = {0};
            int n = plan_file_load(path, &p, helper_collect, &m, &err);
            plan_def_free(&p);
            variants++;
            check_variant(&m, n, path, sec, key, misspell);
            char want[300];
            snprintf(want, sizeof want, "[%s] %s: required key is missing", sec, key);
            required += some_message(&m, want, NULL);
            if (n > 0 && strncmp(err.msg, path, strlen(path)) != 0)
                fail_msg("[%s] %s: the error does not name the file: %s", sec, key, err.msg);
        }
    }
    assert_true(variants > 250);
    assert_true(required > 40); /* codes, names, labels, kinds, years */
    free(path);
    free_lines(&ls);
}

static void test_every_key_of_the_shipped_demo_dropped_or_misspelt_is_named(void **state)
{
    (void)state;
    struct lines ls = read_lines("config/plans/qd-111-2022-demo.ini");
    char *path = helper_write(dir, "demo-variant.ini", "");
    int variants = 0;
    for (int i = 0; i < ls.n; i++) {
        char sec[200], key[200];
        if (!key_line(&ls, i, sec, sizeof sec, key, sizeof key))
            continue;
        for (int misspell = 0; misspell < 2; misspell++) {
            write_variant(&ls, path, i, misspell);
            struct plan_def p;
            struct td_err err = {0};
            struct helper_msgs m = {0};
            assert_int_equal(plan_file_load(SHIPPED, &p, NULL, NULL, &err), 0);
            free(p.demo_file);
            p.demo_file = strdup(path);
            int n = plan_file_load_demo(&p, helper_collect, &m, &err);
            plan_def_free(&p);
            variants++;
            check_variant(&m, n, path, sec, key, misspell);
        }
    }
    assert_true(variants > 300);
    free(path);
    free_lines(&ls);
}

static void test_a_report_or_conference_without_kind_is_named_not_a_crash(void **state)
{
    (void)state;
    struct helper_msgs m;
    /* These crashed the loader (SIGSEGV): strcmp and has_code were given NULL. */
    assert_int_equal(load_text(HEAD "[report.midterm]\ntitle = M\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "p.ini: [report.midterm] kind: required key is missing"));
    assert_int_equal(load_text(HEAD "[report.midterm]\nklind = oneoff\ntitle = M\n", &m), 2);
    assert_non_null(strstr(m.msgs[0], "p.ini: [report.midterm] klind: unknown key"));
    assert_non_null(strstr(m.msgs[1], "p.ini: [report.midterm] kind: required key is missing"));
    assert_int_equal(load_text(HEAD "[report.r]\nkind = weekly\ntitle = R\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "[report.r] kind: expected one of annual, oneoff, adhoc"));
    assert_int_equal(load_text(HEAD "[conference.c]\ntitle = C\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "p.ini: [conference.c] kind: required key is missing"));
    assert_int_equal(load_text(HEAD "[indicator.i]\nname = I\nkind = level\nowner = U\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "[indicator.i] code: required key is missing"));
    /* [plan] there but without its code is not "section is missing". */
    assert_int_equal(load_text("[plan]\ntitle = X\nshort_title = X\nstart_year = 2021\n"
                               "end_year = 2030\n[criterion.a]\nlabel = A\nwording = Aa\n",
                               &m),
                     1);
    assert_non_null(strstr(m.msgs[0], "[plan] code: required key is missing"));
    assert_int_equal(load_text("[criterion.a]\nlabel = A\nwording = Aa\n", &m), 1);
    assert_non_null(strstr(m.msgs[0], "[plan]: section is missing"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_plan_loads_with_its_criteria_units_and_targets),
        cmocka_unit_test(test_mistakes_in_a_plan_are_named),
        cmocka_unit_test(test_ranges_accept_commas_and_en_dashes),
        cmocka_unit_test(test_missing_plan_file_is_not_found),
        cmocka_unit_test(test_a_report_or_conference_without_kind_is_named_not_a_crash),
        cmocka_unit_test(test_every_key_of_the_shipped_plan_dropped_or_misspelt_is_named),
        cmocka_unit_test(test_every_key_of_the_shipped_demo_dropped_or_misspelt_is_named),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
