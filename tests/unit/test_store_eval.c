/* Evaluations and indicator values in the store: saved in one step, read back, in the
 * matrix, refused over someone else's save. */
#include <locale.h>

#include "helpers.h"

#include "tiendo/evalgrid.h"
#include "tiendo/planfile.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"
#include "tiendo/vec.h"

VEC_KEEP(keep_vocab, struct vocab_row)

static char *dir;
static char db[PATH_MAX];
static struct store *st;

static int setup_each(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C.UTF-8");
    dir = helper_tmpdir();
    snprintf(db, sizeof db, "%s/t.db", dir);
    struct store_options o = {.busy_timeout_ms = 1000, .create = true, .user = "lan"};
    struct td_err err = {0};
    if (store_open(&st, db, &o, &err) != 0)
        fail_msg("%s", err.msg);
    struct plan_def p;
    assert_int_equal(plan_file_load("config/plans/qd-111-2022.ini", &p, NULL, NULL, &err), 0);
    assert_int_equal(plan_file_load_demo(&p, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(st, &p, &err), 0);
    assert_true(store_load_demo(st, &p, &err) > 0);
    plan_def_free(&p);
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    store_close(st);
    helper_rmtree(dir);
    return 0;
}

static void test_an_evaluation_is_saved_whole_and_shows_in_the_matrix(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct criterion_row crit[8];
    struct vocab_row rates[8];
    int nc, nr, nu;
    struct unit_choice units[16];
    assert_int_equal(store_criteria(st, crit, 8, &nc, &err), 0);
    assert_int_equal(nc, 4);
    assert_string_equal(crit[0].facts, "integration");
    struct vec v; /* the scale, any number of levels */
    vec_init(&v, sizeof(struct vocab_row));
    assert_int_equal(store_vocab_each(st, "rating", keep_vocab, &v, &err), 0);
    nr = (int)v.n;
    assert_int_equal(nr, 4);
    memcpy(rates, v.data, sizeof rates[0] * 4);
    vec_free(&v);
    assert_string_equal(rates[0].label, "Tốt");
    assert_int_equal(store_unit_list(st, units, 16, &nu, &err), 0);
    struct evaluation_row rows[4];
    for (int k = 0; k < 4; k++)
        rows[k].criterion_id = crit[k].id;
    assert_int_equal(store_evaluation_get(st, "2025", units[0].id, rows, 4, &err), 0);
    for (int k = 0; k < 4; k++) {
        assert_int_equal(rows[k].version, 0);
        rows[k].rating_id = rates[k % 2].id;
        snprintf(rows[k].comment, sizeof rows[k].comment, "Nhận xét %d", k);
    }
    assert_int_equal(store_evaluation_save(st, "2025", units[0].id, rows, 4, &err), 0);
    struct evaluation_row back[4];
    for (int k = 0; k < 4; k++)
        back[k].criterion_id = crit[k].id;
    assert_int_equal(store_evaluation_get(st, "2025", units[0].id, back, 4, &err), 0);
    assert_string_equal(back[2].comment, "Nhận xét 2");
    assert_int_equal(back[1].rating_id, rates[1].id);
    assert_string_equal(back[0].by, "lan");
    struct eval_grid g;
    eval_grid_init(&g);
    eval_grid_add_unit(&g, units[0].id), eval_grid_add_unit(&g, units[1].id);
    for (int k = 0; k < 4; k++)
        eval_grid_add_criterion(&g, crit[k].id, crit[k].code);
    assert_int_equal(eval_grid_ready(&g), 0);
    assert_int_equal(store_rating_each(st, "2025", eval_grid_rating, &g, &err), 0);
    assert_int_equal(eval_grid_cell(&g, 0, 0)->score, 4);
    assert_string_equal(eval_grid_cell(&g, 0, 1)->label, "Khá");
    assert_int_equal(eval_grid_cell(&g, 1, 0)->score, 0); /* the second unit: not evaluated */
    assert_int_equal(eval_grid_complete(&g), 1);
    eval_grid_free(&g);
    eval_grid_init(&g);
    eval_grid_add_unit(&g, units[0].id), eval_grid_add_criterion(&g, crit[0].id, crit[0].code);
    assert_int_equal(eval_grid_ready(&g), 0);
    assert_int_equal(store_rating_each(st, "2024", eval_grid_rating, &g, &err), 0);
    assert_int_equal(eval_grid_complete(&g), 0); /* another period: nothing rated */
    eval_grid_free(&g);
    /* A save based on what was read before someone else's is refused, nothing written. */
    assert_int_equal(store_evaluation_save(st, "2025", units[0].id, rows, 4, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_int_equal(store_evaluation_save(st, "2025", units[0].id, back, 4, &err), 0);
}

static void test_indicator_values_are_set_and_cleared_and_forecast(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct indicator_row *ind = calloc(16, sizeof *ind);
    int n;
    assert_int_equal(store_indicator_list(st, ind, 16, &n, &err), 0);
    assert_int_equal(n, 5);
    assert_string_equal(ind[0].code, "TMTN-TT");
    assert_int_equal(ind[0].nvalues, 0);
    struct forecast_result r;
    indicator_forecast(&ind[0], 2021, 0.05, &r);
    assert_int_equal(r.verdict, VERDICT_NOT_ENOUGH);
    assert_int_equal(store_indicator_value_set(st, ind[0].id, 2021, false, 10, NULL, &err), 0);
    assert_int_equal(store_indicator_value_set(st, ind[0].id, 2022, false, 5, NULL, &err), 0);
    assert_int_equal(store_indicator_value_set(st, ind[0].id, 2023, false, 12, NULL, &err), 0);
    assert_int_equal(store_indicator_list(st, ind, 16, &n, &err), 0);
    assert_int_equal(ind[0].nvalues, 3);
    indicator_forecast(&ind[0], 2021, 0.05, &r);
    assert_int_equal(r.verdict, VERDICT_AT_RISK); /* (1.1 * 1.05 * 1.12)^(1/3): 8.98 % */
    /* A value saved by someone else since the screen read it is not overwritten unseen. */
    assert_int_equal(store_indicator_value_set(st, ind[0].id, 2022, true, 0, &(double){6}, &err),
                     -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_non_null(strstr(err.msg, "set 2022 to 5 since you opened it"));
    assert_int_equal(store_indicator_value_set(st, ind[0].id, 2024, false, 1, &(double){6}, &err),
                     -1);
    assert_non_null(strstr(err.msg, "cleared 2024"));
    assert_int_equal(store_indicator_value_set(st, ind[0].id, 2022, true, 0, &(double){5}, &err),
                     0);
    assert_int_equal(store_indicator_list(st, ind, 16, &n, &err), 0);
    assert_int_equal(ind[0].nvalues, 2);
    free(ind);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)
    const struct CMUnitTest tests[] = {
        T(test_an_evaluation_is_saved_whole_and_shows_in_the_matrix),
        T(test_indicator_values_are_set_and_cleared_and_forecast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
