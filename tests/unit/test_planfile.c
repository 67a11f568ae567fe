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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_plan_loads_with_its_criteria_units_and_targets),
        cmocka_unit_test(test_mistakes_in_a_plan_are_named),
        cmocka_unit_test(test_ranges_accept_commas_and_en_dashes),
        cmocka_unit_test(test_missing_plan_file_is_not_found),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
