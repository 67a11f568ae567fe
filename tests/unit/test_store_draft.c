/* A report draft's data, period-true: what happened after the period's end is not in it. */
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>

#include "store_helpers.h"

#include "tiendo/planfile.h"
#include "tiendo/report.h"
#include "tiendo/status.h"
#include "tiendo/store_draft.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_tasks.h"
#include "tiendo/vec.h"

VEC_KEEP(keep_vocab, struct vocab_row)

static struct plan_store ps; /* st and db below are its */
static char db[PATH_MAX];
static struct store *st;

static int setup_each(void **state)
{
    (void)state;
    plan_store_open_demo(&ps);
    st = ps.st;
    snprintf(db, sizeof db, "%s", ps.db);
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

static struct draft_request annual(int year)
{
    struct draft_request rq = {.kind = DRAFT_ANNUAL,
                               .year = year,
                               .behind_tolerance = 10,
                               .due_soon_days = 14,
                               .tolerance = 0.05,
                               .date_format = "%d/%m/%Y"};
    date_from_ymd(2025, 12, 20, &rq.today);
    return rq;
}

/* The draft as Markdown, in a string the caller frees. */
static char *draft_text(const struct draft_request *rq, struct report_data *keep)
{
    struct report_data d;
    struct td_err err = {0};
    if (store_draft_build(st, rq, &d, &err) != 0)
        fail_msg("%s", err.msg);
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    assert_int_equal(report_write(f, &d, REPORT_MD), 0);
    fclose(f);
    if (keep != NULL)
        *keep = d;
    else
        store_draft_free(&d);
    return buf;
}

static const struct report_task *task(const struct report_data *d, const char *code)
{
    for (int i = 0; i < d->ntasks; i++)
        if (strcmp(d->tasks[i].code, code) == 0)
            return &d->tasks[i];
    return NULL;
}

static void add_update(const char *code, int y, int m, int dd, int percent, int status)
{
    struct td_err err = {0};
    long id = store_task_id_by_code(st, code, &err);
    assert_true(id > 0);
    struct progress_input in = {.percent = percent,
                                .status = status,
                                .done = "Hoàn thành sau kỳ báo cáo",
                                .difficulties = "Khó khăn sau kỳ",
                                .proposals = "Đề xuất sau kỳ"};
    date_from_ymd(y, m, dd, &in.date);
    if (store_progress_add(st, id, 0, &in, &err) != 0)
        fail_msg("%s", err.msg);
}

static void test_an_update_after_the_period_end_changes_nothing(void **state)
{
    (void)state;
    struct draft_request rq = annual(2024);
    rq.all_tasks = true;
    struct report_data before;
    char *a = draft_text(&rq, &before);
    const struct report_task *t = task(&before, "I.2");
    assert_non_null(t);
    int percent = t->percent;
    assert_true(percent < 100);
    store_draft_free(&before);

    add_update("I.2", 2025, 3, 1, 100, ST_DONE); /* after 31/12/2024 */
    char *b = draft_text(&rq, NULL);
    assert_string_equal(a, b);
    assert_null(strstr(b, "sau kỳ"));

    /* The draft for 2025 does see it. */
    struct report_data next;
    rq = annual(2025);
    rq.all_tasks = true;
    char *c = draft_text(&rq, &next);
    assert_int_equal(task(&next, "I.2")->percent, 100);
    assert_non_null(strstr(c, "Khó khăn sau kỳ"));
    assert_non_null(strstr(c, "Đề xuất sau kỳ"));
    store_draft_free(&next);
    free(a);
    free(b);
    free(c);
}

static void test_the_state_is_the_latest_update_on_or_before_the_end(void **state)
{
    (void)state;
    add_update("I.2", 2024, 12, 31, 90, ST_IN_PROGRESS); /* the period's last day: counts */
    add_update("I.2", 2025, 1, 1, 10, ST_DELAYED);       /* the day after: does not */
    struct draft_request rq = annual(2024);
    rq.all_tasks = true;
    struct report_data d;
    free(draft_text(&rq, &d));
    const struct report_task *t = task(&d, "I.2");
    assert_non_null(t);
    assert_int_equal(t->percent, 90);
    assert_string_equal(t->status, status_label(ST_IN_PROGRESS));
    store_draft_free(&d);
}

static void test_only_tasks_that_touch_the_period(void **state)
{
    (void)state;
    struct td_err err = {0};
    /* A task that starts after 2024, and one done before it. */
    struct task_new later = {"IX.1",       "Bắt đầu năm 2026", "", "",       "", "PC", "",
                             "2026-01-01", "2027-12-31",       "", "normal", "", ""};
    struct task_new early = {"IX.2",       "Xong năm 2022", "", "",       "", "PC", "",
                             "2021-01-01", "2022-12-31",    "", "normal", "", ""};
    long id;
    assert_int_equal(store_task_create(st, &later, &id, &err), 0);
    assert_int_equal(store_task_create(st, &early, &id, &err), 0);
    add_update("IX.2", 2022, 12, 1, 100, ST_DONE);
    struct draft_request rq = annual(2024);
    rq.all_tasks = true;
    struct report_data d;
    free(draft_text(&rq, &d));
    assert_null(task(&d, "IX.1"));
    assert_null(task(&d, "IX.2"));
    store_draft_free(&d);
    /* Still open when its due date passed: an overdue task the period carries. */
    add_update("IX.2", 2022, 12, 2, 50, ST_IN_PROGRESS);
    free(draft_text(&rq, &d));
    assert_non_null(task(&d, "IX.2"));
    assert_true(task(&d, "IX.2")->overdue);
    store_draft_free(&d);
}

static void test_only_the_tasks_needing_attention_by_default(void **state)
{
    (void)state;
    struct draft_request rq = annual(2024);
    struct report_data d;
    free(draft_text(&rq, &d));
    assert_true(d.ntasks < d.tasks_total);
    for (int i = 0; i < d.ntasks; i++)
        assert_true(d.tasks[i].overdue || d.tasks[i].behind || d.tasks[i].due_open);
    long listed = 0;
    for (int g = 0; g < d.ngroups; g++)
        listed += d.groups[g].tasks;
    assert_int_equal(listed, d.tasks_total); /* the group summary covers them all */
    store_draft_free(&d);
}

/* At ministry scale the list keeps the most pressing: overdue first, in group and code order. */
static void test_the_list_keeps_the_most_pressing_tasks(void **state)
{
    (void)state;
    struct draft_request rq = annual(2024);
    struct report_data all;
    free(draft_text(&rq, &all));
    long overdue = 0;
    for (int i = 0; i < all.ntasks; i++)
        overdue += all.tasks[i].overdue;
    assert_true(overdue >= 1);
    assert_int_equal(all.attention_total, all.ntasks);
    rq.attention_max = (int)overdue;
    struct report_data few;
    char *text = draft_text(&rq, &few);
    assert_int_equal(few.ntasks, overdue);
    assert_int_equal(few.attention_total, all.attention_total);
    for (int i = 0; i < few.ntasks; i++)
        assert_true(few.tasks[i].overdue);
    assert_non_null(strstr(text, "Listed here: the "));
    store_draft_free(&all);
    store_draft_free(&few);
    free(text);
}

static void test_the_evaluation_comes_with_ratings_and_comments(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct criterion_row crit[8];
    int nc = 0;
    assert_int_equal(store_criteria(st, crit, 8, &nc, &err), 0);
    struct vec scale; /* any number of levels */
    vec_init(&scale, sizeof(struct vocab_row));
    assert_int_equal(store_vocab_each(st, "rating", keep_vocab, &scale, &err), 0);
    struct vocab_row rating[1] = {*(struct vocab_row *)vec_at(&scale, 0)};
    vec_free(&scale);
    struct unit_choice units[16];
    int nu = 0;
    assert_int_equal(store_unit_list(st, units, 16, &nu, &err), 0);
    struct evaluation_row row = {.criterion_id = crit[3].id, .rating_id = rating[0].id};
    snprintf(row.comment, sizeof row.comment, "Cần điều chỉnh tiến độ nhiệm vụ II.4");
    snprintf(row.evidence, sizeof row.evidence, "Báo cáo số 12/BC");
    assert_int_equal(store_evaluation_save(st, "2024", units[1].id, &row, 1, &err), 0);
    struct draft_request rq = annual(2024);
    struct report_data d;
    char *text = draft_text(&rq, &d);
    assert_true(d.units[1].evaluated);
    assert_false(d.units[0].evaluated);
    assert_string_equal(d.units[1].evals[3].rating, rating[0].label);
    assert_non_null(strstr(text, "Báo cáo số 12/BC"));
    assert_non_null(strstr(text, "Units not yet evaluated for 2024:"));
    bool proposed = false;
    for (int i = 0; i < d.nadjustments; i++)
        proposed |= strcmp(d.adjustments[i].text, "Cần điều chỉnh tiến độ nhiệm vụ II.4") == 0;
    assert_true(proposed);
    store_draft_free(&d);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_an_update_after_the_period_end_changes_nothing,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_the_state_is_the_latest_update_on_or_before_the_end,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_only_tasks_that_touch_the_period, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_only_the_tasks_needing_attention_by_default,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_the_list_keeps_the_most_pressing_tasks, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_the_evaluation_comes_with_ratings_and_comments,
                                        setup_each, teardown_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
